<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>ParticipantPicker</name>
    <message>
        <source>Nom, prénom, téléphone, identifiant…</source>
        <translation>Name, first name, phone, identifier…</translation>
    </message>
    <message>
        <source>Rechercher un participant</source>
        <translation>Search for a participant</translation>
    </message>
    <message>
        <source>Participants trouvés</source>
        <translation>Participants found</translation>
    </message>
    <message>
        <source>Aucun participant ne correspond à « {text} ».</source>
        <translation>No participant matches “{text}”.</translation>
    </message>
    <message>
        <source>Les {n} premiers par ordre alphabétique : tapez la suite du nom pour affiner.</source>
        <translation>The first {n} in alphabetical order: type more of the name to narrow them.</translation>
    </message>
    <message>
        <source>Choisissez un participant : tapez son nom, puis sélectionnez-le dans la liste.</source>
        <translation>Choose a participant: type their name, then select them in the list.</translation>
    </message>
</context>
</TS>
