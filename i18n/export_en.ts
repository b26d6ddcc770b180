<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name></name>
    <message>
        <source>Exporter la liste</source>
        <translation>Export the list</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx);;Texte CSV pour Excel (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV text for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Liste enregistrée ({n} lignes) : {path}</source>
        <translation>List saved ({n} rows): {path}</translation>
    </message>
    <message>
        <source>Export de la liste</source>
        <translation>Exporting the list</translation>
    </message>
</context>
<context>
    <name>ExportsScreen</name>
    <message>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Indicateurs trimestriels</source>
        <translation>Quarterly indicators</translation>
    </message>
    <message>
        <source>Trimestre :</source>
        <translation>Quarter:</translation>
    </message>
    <message>
        <source>Indicateur</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Trimestre</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Cumul</source>
        <translation>Cumulative</translation>
    </message>
    <message>
        <source>Double-cliquez sur un nombre pour voir les fiches qui le composent.</source>
        <translation>Double-click a number to see the records that make it.</translation>
    </message>
    <message>
        <source>Enregistrer le classeur du trimestre…</source>
        <translation>Save the quarter&apos;s workbook…</translation>
    </message>
    <message>
        <source>Classeur complet</source>
        <translation>Full workbook</translation>
    </message>
    <message>
        <source>Ce classeur contient toutes les fiches, avec des données personnelles (noms, coordonnées). Protégez-le par un mot de passe et ne le transmettez que par un moyen sûr.</source>
        <translation>This workbook holds every record, with personal data (names, contact details). Protect it with a password and only send it by a safe means.</translation>
    </message>
    <message>
        <source>Protéger le fichier par un mot de passe</source>
        <translation>Protect the file with a password</translation>
    </message>
    <message>
        <source>Mot de passe :</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Confirmation :</source>
        <translation>Confirm:</translation>
    </message>
    <message>
        <source>Enregistrer le classeur complet…</source>
        <translation>Save the full workbook…</translation>
    </message>
    <message>
        <source>du {d0} au {d1}</source>
        <translation>{d0} to {d1}</translation>
    </message>
    <message>
        <source>cumul au {date}</source>
        <translation>cumulative to {date}</translation>
    </message>
    <message>
        <source>Enregistrer le classeur du trimestre</source>
        <translation>Save the quarter&apos;s workbook</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Classeur enregistré : {path}</source>
        <translation>Workbook saved: {path}</translation>
    </message>
    <message>
        <source>Classeur du trimestre {q}</source>
        <translation>Workbook of quarter {q}</translation>
    </message>
    <message>
        <source>Saisissez un mot de passe, ou décochez la protection.</source>
        <translation>Type a password, or untick the protection.</translation>
    </message>
    <message>
        <source>Le mot de passe et sa confirmation diffèrent.</source>
        <translation>The password and its confirmation differ.</translation>
    </message>
    <message>
        <source>Données personnelles</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>Ce classeur contient des données personnelles. L&apos;enregistrer sans mot de passe ?</source>
        <translation>This workbook holds personal data. Save it without a password?</translation>
    </message>
    <message>
        <source>Enregistrer le classeur complet</source>
        <translation>Save the full workbook</translation>
    </message>
    <message>
        <source>Exporter la liste…</source>
        <translation>Export the list…</translation>
    </message>
    <message>
        <source>Enregistrer la liste affichée (filtres et tri compris) en .xlsx ou .csv</source>
        <translation>Save the list as shown (filters and sort included) as .xlsx or .csv</translation>
    </message>
</context>
</TS>
