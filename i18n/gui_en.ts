<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <source>À propos de CitésDesk</source>
        <translation>About CitésDesk</translation>
    </message>
    <message>
        <source>Suivi des participants, cohortes et partenaires des Cités de l&apos;emploi, hors ligne.</source>
        <translation>Offline follow-up of the participants, cohorts and partners of the Cités de l&apos;emploi.</translation>
    </message>
    <message>
        <source>Licence : EUPL 1.2. Python {python}.</source>
        <translation>Licence: EUPL 1.2. Python {python}.</translation>
    </message>
    <message>
        <source>Composants et licences</source>
        <translation>Components and licences</translation>
    </message>
    <message>
        <source>Qt est utilisé sous licence LGPL v3 : ses bibliothèques sont livrées séparément et peuvent être remplacées.</source>
        <translation>Qt is used under the LGPL v3 licence: its libraries ship separately and can be replaced.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Ouverture de la base…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Sauvegarder une copie de la base</source>
        <translation>Save a copy of the database</translation>
    </message>
    <message>
        <source>Bases CitésDesk (*.sqlite)</source>
        <translation>CitésDesk databases (*.sqlite)</translation>
    </message>
    <message>
        <source>Choisissez un autre fichier que la base ouverte.</source>
        <translation>Choose another file than the open database.</translation>
    </message>
    <message>
        <source>Copie écrite et vérifiée : {path}</source>
        <translation>Copy written and checked: {path}</translation>
    </message>
    <message>
        <source>Sauvegarde de la base…</source>
        <translation>Saving the database…</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <source>CitésDesk</source>
        <translation>CitésDesk</translation>
    </message>
    <message>
        <source>Opération refusée</source>
        <translation>Operation refused</translation>
    </message>
    <message>
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Non renseigné</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>jj/mm/aaaa</source>
        <translation>e.g. 03 Dec 2026</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Guide d&apos;utilisation de CitésDesk</source>
        <translation>CitésDesk user guide</translation>
    </message>
    <message>
        <source>Chapitres</source>
        <translation>Chapters</translation>
    </message>
    <message>
        <source>Contenu du chapitre</source>
        <translation>Chapter contents</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CitésDesk</source>
        <extracomment>Wrapped labels whose minimum height this module sets (and may set again).</extracomment>
        <translation>CitésDesk</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Nouveau participant…</source>
        <translation>&amp;New participant…</translation>
    </message>
    <message>
        <source>&amp;Ouvrir une autre base…</source>
        <translation>&amp;Open another database…</translation>
    </message>
    <message>
        <source>&amp;Sauvegarder une copie de la base…</source>
        <translation>&amp;Save a copy of the database…</translation>
    </message>
    <message>
        <source>&amp;Paramètres…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Édition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Rechercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>A&amp;ide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Guide d&apos;utilisation</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>À &amp;propos de CitésDesk</source>
        <translation>&amp;About CitésDesk</translation>
    </message>
    <message>
        <source>Ouvrir une base CitésDesk</source>
        <translation>Open a CitésDesk database</translation>
    </message>
    <message>
        <source>Bases CitésDesk et fichiers d&apos;équipe (*.sqlite *.db *.citesequipe);;Bases CitésDesk (*.sqlite *.db);;Fichiers d&apos;équipe (*.citesequipe);;Tous les fichiers (*)</source>
        <translation>CitésDesk databases and team files (*.sqlite *.db *.citesequipe);;CitésDesk databases (*.sqlite *.db);;Team files (*.citesequipe);;All files (*)</translation>
    </message>
    <message>
        <source>Site : {name} ({code})</source>
        <translation>Site: {name} ({code})</translation>
    </message>
    <message>
        <source>Aucun site</source>
        <translation>No site</translation>
    </message>
    <message>
        <source>Base : {file}</source>
        <translation>Database: {file}</translation>
    </message>
    <message>
        <source>Dernière sauvegarde : {date}</source>
        <translation>Last backup: {date}</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Identité et contact</source>
        <translation>Identity and contact</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Freins</source>
        <translation>Barriers</translation>
    </message>
    <message>
        <source>Consentement</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Identifiants</source>
        <translation>Ids</translation>
    </message>
    <message>
        <source>Parcours</source>
        <translation>Journey</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Mettre à la corbeille</source>
        <translation>Move to the bin</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Enregistrer la fiche (Ctrl+S)</source>
        <translation>Save the record (Ctrl+S)</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>La personne doit recevoir la notice d&apos;information avant tout enregistrement. Si elle s&apos;oppose à l&apos;évaluation nationale, ses données ne sont pas transmises ligne à ligne dans le lot national.</source>
        <translation>The person must be given the information notice before anything is recorded. If they object to the national evaluation, their data is not sent row by row in the national bundle.</translation>
    </message>
    <message>
        <source>La RQTH est une donnée de santé : elle n&apos;est jamais exportée nominativement, seulement comptée.</source>
        <translation>RQTH is health data: it is never exported per person, only counted.</translation>
    </message>
    <message>
        <source>Cette fiche est dans la corbeille : elle n&apos;apparaît plus dans les listes ni dans les exports.</source>
        <translation>This record is in the bin: it no longer appears in lists or exports.</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Ouvrir la fiche existante</source>
        <translation>Open the existing record</translation>
    </message>
    <message>
        <source>Enregistrer quand même</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Participant — {name}</source>
        <translation>Participant — {name}</translation>
    </message>
    <message>
        <source>Nouveau participant</source>
        <translation>New participant</translation>
    </message>
    <message>
        <source>La fiche n&apos;est pas enregistrée : corrigez les champs signalés en rouge.</source>
        <translation>The record is not saved: correct the fields marked in red.</translation>
    </message>
    <message>
        <source>, né·e le {date}</source>
        <translation>, born on {date}</translation>
    </message>
    <message>
        <source>Cette personne semble déjà enregistrée :</source>
        <translation>This person seems to be recorded already:</translation>
    </message>
    <message>
        <source>Ouvrez la fiche existante, ou enregistrez quand même s&apos;il s&apos;agit bien d&apos;une autre personne.</source>
        <translation>Open the existing record, or save anyway if this really is another person.</translation>
    </message>
    <message>
        <source>Mettre la fiche de {name} à la corbeille, avec son parcours et ses notes ? Vous pourrez la restaurer depuis la corbeille.</source>
        <translation>Move {name}&apos;s record to the bin, with their journey and notes? You can restore it from the bin.</translation>
    </message>
    <message>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Cette fiche a des modifications non enregistrées. Les enregistrer avant de fermer ?</source>
        <translation>This record has unsaved changes. Save them before closing?</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Cohorte</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>QPV</source>
        <translation>QPV</translation>
    </message>
</context>
<context>
    <name>ParticipantsScreen</name>
    <message>
        <source>Participants</source>
        <extracomment>Changes after which the cohort and referent filters are read again. Columns that keep their natural width when room is short (last and first names). Columns set aside, in this order, while the others do not fit: QPV, gender, situation at entry, commune (most of a site&apos;s people live in the same one or two). The referent&apos;s and the cohort&apos;s columns: as wide as the longest name of the site&apos;s.</extracomment>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Nouveau participant</source>
        <translation>New participant</translation>
    </message>
    <message>
        <source>Enregistrer un nouveau participant (Ctrl+N)</source>
        <translation>Record a new participant (Ctrl+N)</translation>
    </message>
    <message>
        <source>Rechercher : nom, prénom, téléphone, courriel, identifiant…</source>
        <translation>Search: name, first name, phone, e-mail, id…</translation>
    </message>
    <message>
        <source>Rechercher un participant</source>
        <translation>Search for a participant</translation>
    </message>
    <message>
        <source>Cohorte</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Statut dans les cohortes</source>
        <translation>Status in the cohorts</translation>
    </message>
    <message>
        <source>Tous</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Actifs</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Sortis</source>
        <translation>Exited</translation>
    </message>
    <message>
        <source>Résidents QPV</source>
        <translation>QPV residents</translation>
    </message>
    <message>
        <source>Publics invisibles</source>
        <translation>Invisible public</translation>
    </message>
    <message>
        <source>Personnes inconnues de France Travail, de la Mission locale et de Cap emploi à leur entrée</source>
        <translation>People unknown to France Travail, the Mission locale and Cap emploi when they joined</translation>
    </message>
    <message>
        <source>Référent·e</source>
        <translation>Referent</translation>
    </message>
    <message>
        <source>Cohorte :</source>
        <translation>Cohort:</translation>
    </message>
    <message>
        <source>Statut :</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Référent·e :</source>
        <translation>Referent:</translation>
    </message>
    <message>
        <source>Aucun participant pour l&apos;instant. Enregistrez la fiche du premier avec «&#xa0;Nouveau participant&#xa0;», ou importez la liste qu&apos;un partenaire vous a envoyée depuis l&apos;écran Imports.</source>
        <translation>No participant yet. Record the first one&apos;s file with “New participant”, or import the list a partner sent you from the Imports screen.</translation>
    </message>
    <message>
        <source>Nombre de participants trouvés</source>
        <translation>Number of participants found</translation>
    </message>
    <message>
        <source>Liste des participants</source>
        <translation>List of participants</translation>
    </message>
    <message>
        <source>Toutes les cohortes</source>
        <translation>All cohorts</translation>
    </message>
    <message>
        <source>Tous les référent·es</source>
        <translation>All referents</translation>
    </message>
    <message>
        <source>{count} participant</source>
        <translation>{count} participant</translation>
    </message>
    <message>
        <source>{count} participants</source>
        <translation>{count} participants</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrorDialog</name>
    <message>
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>CitésDesk a rencontré une erreur inattendue et n&apos;a pas pu terminer cette opération. Ce qui était en cours d&apos;enregistrement a été annulé : vos données déjà enregistrées sont intactes.

Vous pouvez continuer à travailler. Si l&apos;erreur se reproduit, copiez les détails et envoyez-les à la personne qui vous aide avec CitésDesk.</source>
        <translation>CitésDesk ran into an unexpected error and could not finish this operation. What was being saved has been cancelled: the data already saved is intact.

You can go on working. If the error happens again, copy the details and send them to the person who helps you with CitésDesk.</translation>
    </message>
    <message>
        <source>Journal : {path}</source>
        <translation>Log file: {path}</translation>
    </message>
    <message>
        <source>Copier les détails</source>
        <translation>Copy the details</translation>
    </message>
    <message>
        <source>Détails copiés</source>
        <translation>Details copied</translation>
    </message>
</context>
<context>
    <name>UpgradeWindow</name>
    <message>
        <source>Mise à jour de la base « {name} » pour cette version de CitésDesk…
Une copie de la base d&apos;avant est gardée dans le même dossier.</source>
        <translation>Updating the database “{name}” for this version of CitésDesk…
A copy of the database as it was is kept in the same folder.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Bienvenue dans CitésDesk</source>
        <translation>Welcome to CitésDesk</translation>
    </message>
    <message>
        <source>CitésDesk garde vos données sur cet ordinateur, sans connexion. Pour commencer, créez votre site : son nom, son code et le nom de la personne qui coordonne.</source>
        <translation>CitésDesk keeps your data on this computer, offline. To begin, create your site: its name, its code and the coordinator&apos;s name.</translation>
    </message>
    <message>
        <source>Créer le site</source>
        <translation>Create the site</translation>
    </message>
    <message>
        <source>par exemple CDE-93-001</source>
        <translation>for example CDE-93-001</translation>
    </message>
    <message>
        <source>par exemple 93</source>
        <translation>for example 93</translation>
    </message>
    <message>
        <source>Nom du site</source>
        <translation>Site name</translation>
    </message>
    <message>
        <source>Code du site</source>
        <translation>Site code</translation>
    </message>
    <message>
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message>
        <source>Coordinateur·rice</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>La base sera créée dans : {path}</source>
        <translation>The database will be created in: {path}</translation>
    </message>
    <message>
        <source>Création de la base en cours</source>
        <translation>Creating the database</translation>
    </message>
    <message>
        <source>Ouvrir une base de démonstration</source>
        <translation>Open a demonstration database</translation>
    </message>
    <message>
        <source>Une base remplie de personnes fictives, pour découvrir CitésDesk.</source>
        <translation>A database filled with fictional people, to discover CitésDesk.</translation>
    </message>
    <message>
        <source>Ouvrir une base existante…</source>
        <translation>Open an existing database…</translation>
    </message>
    <message>
        <source>Ouvrir une base CitésDesk</source>
        <translation>Open a CitésDesk database</translation>
    </message>
    <message>
        <source>Bases CitésDesk (*.sqlite *.db);;Tous les fichiers (*)</source>
        <translation>CitésDesk databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Création de la base de démonstration…</source>
        <translation>Creating the demonstration database…</translation>
    </message>
</context>
</TS>
