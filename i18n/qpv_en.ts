<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>QpvPicker</name>
    <message>
        <source>Code ou nom du quartier (ex. QN07511M, Goutte d&apos;Or)</source>
        <translation>QPV code or neighbourhood name (e.g. QN07511M, Goutte d&apos;Or)</translation>
    </message>
    <message>
        <source>Compris : {quarter}</source>
        <translation>Understood: {quarter}</translation>
    </message>
    <message>
        <source>Liste officielle livrée avec CitésDesk (ANCT, Licence Ouverte), sauf si le site a importé une liste plus récente depuis l&apos;écran Imports.</source>
        <translation>Official list shipped with CitésDesk (ANCT, Licence Ouverte), unless the site imported a newer list from the Imports screen.</translation>
    </message>
    <message>
        <source>Liste des QPV en vigueur</source>
        <translation>QPV list in force</translation>
    </message>
    <message>
        <source>Coordonnées à vérifier</source>
        <translation>Contact details to check</translation>
    </message>
    <message>
        <source>Personnes dont le téléphone ou le courriel a été gardé tel quel mais n&apos;a pas passé le contrôle (numéro non attribué, adresse invalide)</source>
        <translation>People whose phone or e-mail was kept as written but failed its check (number not allocated, invalid address)</translation>
    </message>
    <message>
        <source>À vérifier : cette valeur a été gardée telle que saisie mais n&apos;a pas passé le contrôle (numéro non attribué, adresse invalide…).</source>
        <translation>To check: this value was kept as written but failed its check (number not allocated, invalid address…).</translation>
    </message>
</context>
</TS>
