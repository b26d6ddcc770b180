<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>PrintActions</name>
    <message>
        <source>Fiche participant</source>
        <translation>Participant file</translation>
    </message>
    <message>
        <source>Formulaire de consentement</source>
        <translation>Consent form</translation>
    </message>
    <message>
        <source>Export d&apos;accès (RGPD)</source>
        <translation>Access export (GDPR)</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord un ou plusieurs participants.</source>
        <translation>First choose one or more participants.</translation>
    </message>
    <message>
        <source>Imprimer {n} fiches</source>
        <translation>Print {n} files</translation>
    </message>
    <message>
        <source>Imprimer les {n} fiches dans un seul PDF, ou un PDF par personne dans un dossier ?</source>
        <translation>Print the {n} files into one PDF, or one PDF per person in a folder?</translation>
    </message>
    <message>
        <source>Un seul PDF</source>
        <translation>One PDF</translation>
    </message>
    <message>
        <source>Un PDF par personne</source>
        <translation>One PDF per person</translation>
    </message>
    <message>
        <source>Dossier des fiches</source>
        <translation>Folder for the files</translation>
    </message>
    <message>
        <source>Enregistrer les fiches</source>
        <translation>Save the files</translation>
    </message>
    <message>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>{n} fiches imprimées dans « {path} ».</source>
        <translation>{n} files printed to &apos;{path}&apos;.</translation>
    </message>
    <message>
        <source>Impression annulée : aucun fichier n&apos;a été gardé.</source>
        <translation>Printing cancelled: no file was kept.</translation>
    </message>
    <message>
        <source>Impression de {n} fiches…</source>
        <translation>Printing {n} files…</translation>
    </message>
    <message>
        <source>Aucune cohorte n&apos;est enregistrée.</source>
        <translation>No cohort is recorded.</translation>
    </message>
    <message>
        <source>Imprimer une cohorte</source>
        <translation>Print a cohort</translation>
    </message>
    <message>
        <source>Cohorte :</source>
        <translation>Cohort:</translation>
    </message>
    <message>
        <source>Im&amp;pression</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>Imprimer la fiche…</source>
        <translation>Print the participant file…</translation>
    </message>
    <message>
        <source>Formulaire de consentement…</source>
        <translation>Consent form…</translation>
    </message>
    <message>
        <source>Export d&apos;accès (RGPD)…</source>
        <translation>Access export (GDPR)…</translation>
    </message>
    <message>
        <source>Imprimer une cohorte…</source>
        <translation>Print a cohort…</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord un participant (un seul) dans la liste.</source>
        <translation>First choose one participant (only one) in the list.</translation>
    </message>
    <message>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Aperçu avant impression</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>{n} page(s)</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Enregistrer en PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>L&apos;impression n&apos;a pas pu commencer : vérifiez l&apos;imprimante choisie.</source>
        <translation>Printing could not start: check the printer you chose.</translation>
    </message>
    <message>
        <source>Enregistrer en PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Impossible d&apos;écrire « {file} » : {reason}. Choisissez un autre dossier.</source>
        <translation>Cannot write &apos;{file}&apos;: {reason}. Choose another folder.</translation>
    </message>
</context>
</TS>
