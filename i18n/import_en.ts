<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>DonePage</name>
    <message>
        <source>Import terminé</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>{created} ligne(s) créée(s), {updated} mise(s) à jour, {skipped} ignorée(s), {invalid} écartée(s) car en erreur. L&apos;import peut être annulé en entier depuis l&apos;écran Imports.</source>
        <translation>{created} row(s) created, {updated} updated, {skipped} skipped, {invalid} left out because of errors. The whole import can be undone from the Imports screen.</translation>
    </message>
</context>
<context>
    <name>DryRunPage</name>
    <message>
        <source>Vérification (rien n&apos;est encore enregistré)</source>
        <translation>Check (nothing is saved yet)</translation>
    </message>
    <message>
        <source>Doublons :</source>
        <translation>Duplicates:</translation>
    </message>
    <message>
        <source>ignorer la ligne</source>
        <translation>skip the row</translation>
    </message>
    <message>
        <source>mettre à jour la fiche existante</source>
        <translation>update the existing record</translation>
    </message>
    <message>
        <source>créer quand même</source>
        <translation>create anyway</translation>
    </message>
    <message>
        <source>Rapport d&apos;erreurs…</source>
        <translation>Error report…</translation>
    </message>
    <message>
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Détail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Importer seulement les lignes valides (les lignes en erreur sont écartées)</source>
        <translation>Import the valid rows only (rows with errors are left out)</translation>
    </message>
    <message>
        <source>Vérification en cours…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Vérification du fichier…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Vérification annulée. Revenez en arrière, ou changez le choix des doublons, pour la relancer.</source>
        <translation>Check cancelled. Go back, or change the duplicates choice, to run it again.</translation>
    </message>
    <message>
        <source>à créer</source>
        <translation>to create</translation>
    </message>
    <message>
        <source>à mettre à jour</source>
        <translation>to update</translation>
    </message>
    <message>
        <source>ignorée</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>en erreur</source>
        <translation>error</translation>
    </message>
    <message>
        <source>{rows} ligne(s) : {create} à créer, {update} à mettre à jour, {skip} ignorée(s), {error} en erreur, {warning} avec avertissement.</source>
        <translation>{rows} row(s): {create} to create, {update} to update, {skip} skipped, {error} with errors, {warning} with warnings.</translation>
    </message>
    <message>
        <source>Cohortes créées : {names}.</source>
        <translation>Cohorts created: {names}.</translation>
    </message>
    <message>
        <source>ignorer</source>
        <translation>skip</translation>
    </message>
    <message>
        <source>mettre à jour</source>
        <translation>update</translation>
    </message>
    <message>
        <source>Enregistrer le rapport d&apos;erreurs</source>
        <translation>Save the error report</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Rapport enregistré : {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <source>Import en cours…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Import annulé : rien n&apos;a été enregistré.</source>
        <translation>Import cancelled: nothing was saved.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Fichier à importer</source>
        <translation>File to import</translation>
    </message>
    <message>
        <source>Choisissez ce que contient le tableur, puis le fichier (.xlsx, .xlsm, .xls, .ods, .csv, .txt).</source>
        <translation>Choose what the spreadsheet holds, then the file (.xlsx, .xlsm, .xls, .ods, .csv, .txt).</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Partenaires et contacts</source>
        <translation>Partners and contacts</translation>
    </message>
    <message>
        <source>Étapes du parcours</source>
        <translation>Journey steps</translation>
    </message>
    <message>
        <source>Liste officielle des QPV</source>
        <translation>Official QPV list</translation>
    </message>
    <message>
        <source>Type de données :</source>
        <translation>Kind of data:</translation>
    </message>
    <message>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Fichier :</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Feuille :</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>Importer un tableur</source>
        <translation>Import a spreadsheet</translation>
    </message>
    <message>
        <source>Tableurs (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Tous les fichiers (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Lecture du fichier…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>{rows} ligne(s) de données, en-têtes en ligne {header}.</source>
        <translation>{rows} data row(s), headers on row {header}.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Importer un tableur</source>
        <translation>Import a spreadsheet</translation>
    </message>
    <message>
        <source>Suivant &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Précédent</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>ImportsScreen</name>
    <message>
        <source>Imports</source>
        <translation>Imports</translation>
    </message>
    <message>
        <source>Importez les listes envoyées par les partenaires (participants, partenaires, étapes du parcours, liste des QPV). Une vérification montre tout ce qui sera fait avant d&apos;enregistrer, et chaque import peut être annulé en entier.</source>
        <translation>Import the lists partners send (participants, partners, journey steps, QPV list). A check shows everything that will be done before anything is saved, and each import can be undone as a whole.</translation>
    </message>
    <message>
        <source>Importer un tableur…</source>
        <translation>Import a spreadsheet…</translation>
    </message>
    <message>
        <source>Modèle :</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Partenaires</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Étapes du parcours</source>
        <translation>Journey steps</translation>
    </message>
    <message>
        <source>Enregistrer le modèle…</source>
        <translation>Save the template…</translation>
    </message>
    <message>
        <source>Historique des imports</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>Aucun import pour l&apos;instant. Un fichier Excel ou CSV d&apos;un partenaire (liste de participants, de partenaires ou d&apos;étapes) s&apos;importe en quelques étapes&#xa0;; rien n&apos;est enregistré avant votre accord. Pour préparer le fichier, enregistrez d&apos;abord le modèle ci-dessus.</source>
        <translation>No import yet. A partner&apos;s Excel or CSV file (a list of participants, partners or journey steps) is imported in a few steps; nothing is saved before you agree. To prepare the file, first save the template above.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Par</source>
        <translation>By</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Annuler cet import…</source>
        <translation>Undo this import…</translation>
    </message>
    <message>
        <source>Étapes</source>
        <translation>Journey steps</translation>
    </message>
    <message>
        <source>Liste des QPV</source>
        <translation>QPV list</translation>
    </message>
    <message>
        <source>{created} créé(s), {updated} mis à jour, {skipped} ignoré(s), {invalid} écarté(s)</source>
        <translation>{created} created, {updated} updated, {skipped} skipped, {invalid} left out</translation>
    </message>
    <message>
        <source>annulé le {date}</source>
        <translation>undone on {date}</translation>
    </message>
    <message>
        <source>enregistré</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>Annuler l&apos;import</source>
        <translation>Undo the import</translation>
    </message>
    <message>
        <source>Annuler l&apos;import de « {file} » ? Les fiches qu&apos;il a créées iront à la corbeille et celles qu&apos;il a modifiées retrouveront leurs valeurs d&apos;avant.</source>
        <translation>Undo the import of &apos;{file}&apos;? The records it created will go to the bin and those it changed will get their previous values back.</translation>
    </message>
    <message>
        <source>Import annulé : {removed} fiche(s) mises à la corbeille, {restored} remise(s) dans leur état d&apos;avant.</source>
        <translation>Import undone: {removed} record(s) moved to the bin, {restored} put back as they were.</translation>
    </message>
    <message>
        <source>{n} champ(s) modifié(s) depuis l&apos;import ont été gardés.</source>
        <translation>{n} field(s) changed since the import were kept.</translation>
    </message>
    <message>
        <source>Enregistrer le modèle d&apos;import</source>
        <translation>Save the import template</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Modèle enregistré : {path}</source>
        <translation>Template saved: {path}</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Correspondance des colonnes</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>Vérifiez à quoi correspond chaque colonne du fichier. « (ignorer) » laisse la colonne de côté.</source>
        <translation>Check what each column of the file holds. &apos;(ignore)&apos; leaves the column aside.</translation>
    </message>
    <message>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>En-tête du fichier</source>
        <translation>Header in the file</translation>
    </message>
    <message>
        <source>Exemples</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>Champ CitésDesk</source>
        <translation>CitésDesk field</translation>
    </message>
    <message>
        <source>Nom du profil :</source>
        <translation>Profile name:</translation>
    </message>
    <message>
        <source>ex. Mission locale — liste mensuelle</source>
        <translation>e.g. Mission locale — monthly list</translation>
    </message>
    <message>
        <source>Enregistrer le profil</source>
        <translation>Save the profile</translation>
    </message>
    <message>
        <source>Profil enregistré reconnu : « {name} ».</source>
        <translation>Saved profile recognised: &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Correspondance proposée d&apos;après les en-têtes.</source>
        <translation>Mapping suggested from the headers.</translation>
    </message>
    <message>
        <source>(ignorer)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <source>Donnez un nom au profil (par exemple le partenaire qui envoie ce fichier).</source>
        <translation>Give the profile a name (for example the partner who sends this file).</translation>
    </message>
    <message>
        <source>Profil « {name} » enregistré : il sera proposé pour les fichiers aux mêmes en-têtes.</source>
        <translation>Profile &apos;{name}&apos; saved: it will be offered for files with the same headers.</translation>
    </message>
</context>
</TS>
