<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>BundleInspectDialog</name>
    <message>
        <source>Lot pour l&apos;évaluation nationale — {file}</source>
        <extracomment>The file was read (with or without a key) and its summary is on screen.</extracomment>
        <translation>National evaluation bundle — {file}</translation>
    </message>
    <message>
        <source>Lecture en cours</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Contenu du lot</source>
        <translation>Bundle contents</translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Lignes</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Empreinte</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>&amp;Ouvrir avec la clé de l&apos;évaluation nationale…</source>
        <translation>&amp;Open with the national evaluation&apos;s key…</translation>
    </message>
    <message>
        <source>Lecture de {file}…</source>
        <translation>Reading {file}…</translation>
    </message>
    <message>
        <source>Lecture impossible de {file}&#xa0;: {error}</source>
        <translation>Cannot read {file}: {error}</translation>
    </message>
    <message>
        <source>{file} — {size} octets</source>
        <translation>{file} — {size} bytes</translation>
    </message>
    <message>
        <source>SHA-256&#xa0;: {hash}</source>
        <translation>SHA-256: {hash}</translation>
    </message>
    <message>
        <source>Ce fichier n&apos;est pas chiffré avec age&#xa0;: ce n&apos;est pas un lot CitésDesk.</source>
        <translation>This file is not age-encrypted: it is not a CitésDesk bundle.</translation>
    </message>
    <message>
        <source>Chiffré avec age pour {n} destinataire(s). Seule l&apos;évaluation nationale peut le lire.</source>
        <translation>Encrypted with age to {n} recipient(s). Only the national evaluation can read it.</translation>
    </message>
    <message>
        <source>REFUSÉ&#xa0;: {reason}</source>
        <translation>REFUSED: {reason}</translation>
    </message>
    <message>
        <source>Site {site} — lot n° {seq} du {date} — CitésDesk {version}</source>
        <translation>Site {site} — bundle no. {seq} of {date} — CitésDesk {version}</translation>
    </message>
    <message>
        <source>Trimestres&#xa0;: {quarters}</source>
        <translation>Quarters: {quarters}</translation>
    </message>
    <message>
        <source>Signature valide (clé {key}).</source>
        <translation>Valid signature (key {key}).</translation>
    </message>
    <message>
        <source>Données conformes au schéma publié.</source>
        <translation>Data follows the published schema.</translation>
    </message>
    <message>
        <source>Clé privée de l&apos;évaluation nationale</source>
        <translation>The national evaluation&apos;s private key</translation>
    </message>
    <message>
        <source>Clés age (*.key *.txt);;Tous les fichiers (*)</source>
        <translation>age keys (*.key *.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>&amp;Nom</source>
        <translation>&amp;Last name</translation>
    </message>
    <message>
        <source>&amp;Prénom</source>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <source>&amp;Fonction</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>&amp;Téléphone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>&amp;Courriel</source>
        <translation>&amp;E-mail</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Tableau de bord</source>
        <extracomment>What changes the dashboard: any record that an indicator or the to-do list reads. The list (or numbers) on screen were refreshed.</extracomment>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Nouveau participant</source>
        <translation>New participant</translation>
    </message>
    <message>
        <source>Valeurs du trimestre en cours, calculées comme dans le classeur trimestriel&#xa0;: les orientations en retard y sont comptées au dernier jour du trimestre, la liste «&#xa0;À faire&#xa0;» les compte aujourd&apos;hui. Cliquez sur un nombre pour voir les enregistrements.</source>
        <translation>Values of the current quarter, computed as in the quarterly workbook: overdue referrals are counted there on the quarter&apos;s last day, the To do list counts them today. Click a number to see the records.</translation>
    </message>
    <message>
        <source>Les graphiques apparaîtront avec les premières entrées dans une cohorte.</source>
        <translation>The charts will appear with the first cohort entries.</translation>
    </message>
    <message>
        <source>À faire</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Afficher les enregistrements derrière ce nombre</source>
        <translation>Show the records behind this number</translation>
    </message>
    <message>
        <source>Entrées et sorties par mois (12 derniers mois)</source>
        <translation>Entries and exits per month (last 12 months)</translation>
    </message>
    <message>
        <source>Entrées</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Sorties</source>
        <translation>Exits</translation>
    </message>
    <message>
        <source>Mois, de {first} à {last}</source>
        <translation>Month, from {first} to {last}</translation>
    </message>
    <message>
        <source>Sorties du trimestre par groupe</source>
        <translation>Quarter&apos;s exits by group</translation>
    </message>
    <message>
        <source>Sorties du trimestre par groupe&#xa0;: aucune sortie</source>
        <translation>Quarter&apos;s exits by group: no exit</translation>
    </message>
    <message>
        <source>Orientations en retard (proposées depuis plus de 15 jours)&#xa0;: {n}</source>
        <translation>Overdue referrals (proposed more than 15 days ago): {n}</translation>
    </message>
    <message>
        <source>Sans nouvelles depuis 60 jours&#xa0;: {n}</source>
        <translation>No news for 60 days: {n}</translation>
    </message>
    <message>
        <source>Notice d&apos;information non remise&#xa0;: {n}</source>
        <translation>Information notice not given: {n}</translation>
    </message>
    <message>
        <source>{name} — dernier contact le {date}</source>
        <translation>{name} — last contact on {date}</translation>
    </message>
    <message>
        <source>Participants actifs par cohorte</source>
        <translation>Active participants per cohort</translation>
    </message>
    <message>
        <source>Bienvenue. Pour commencer&#xa0;: créez la cohorte en cours (écran Cohortes), enregistrez les participants un par un ou importez leur liste (écran Imports), puis notez leurs étapes. Les nombres et les graphiques de cette page se remplissent au fur et à mesure.</source>
        <translation>Welcome. To start: create the current cohort (Cohorts screen), record the participants one by one or import their list (Imports screen), then note their steps. The numbers and charts on this page fill in as you go.</translation>
    </message>
    <message>
        <source>Voir «&#xa0;Conservation des données&#xa0;»</source>
        <translation>See “Data retention”</translation>
    </message>
    <message>
        <source>Tableau de bord — trimestre {q} (du {d0} au {d1})</source>
        <translation>Dashboard — quarter {q} ({d0} to {d1})</translation>
    </message>
    <message>
        <source>Actifs</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Durée de conservation dépassée&#xa0;: {n}</source>
        <translation>Retention period over: {n}</translation>
    </message>
    <message>
        <source>{name} → {partner}, depuis {days} jours</source>
        <translation>{name} → {partner}, for {days} days</translation>
    </message>
    <message>
        <source>{name} — dernière étape le {date}</source>
        <translation>{name} — last step on {date}</translation>
    </message>
    <message>
        <source>{name} — aucune étape</source>
        <translation>{name} — no step</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <source>Nouvel échange</source>
        <translation>New exchange</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Objet</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <source>Compte &amp;rendu</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <source>Contacts présents</source>
        <translation>Contacts present</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>&amp;Contacts</translation>
    </message>
</context>
<context>
    <name>NewReferralDialog</name>
    <message>
        <source>Nouvelle orientation</source>
        <translation>New referral</translation>
    </message>
    <message>
        <source>&amp;Participant</source>
        <translation>&amp;Participant</translation>
    </message>
    <message>
        <source>P&amp;artenaire</source>
        <translation>P&amp;artner</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Motif</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Aucun participant n&apos;est encore enregistré&#xa0;: créez d&apos;abord sa fiche (écran Participants, «&#xa0;Nouveau participant&#xa0;»).</source>
        <translation>No participant is recorded yet: first create their file (Participants screen, “New participant”).</translation>
    </message>
    <message>
        <source>Aucun partenaire n&apos;est encore enregistré&#xa0;: ajoutez-le d&apos;abord (écran Partenaires, «&#xa0;Nouveau partenaire&#xa0;»).</source>
        <translation>No partner is recorded yet: first add it (Partners screen, “New partner”).</translation>
    </message>
    <message>
        <source>Choisissez le participant dans la liste.</source>
        <translation>Choose the participant in the list.</translation>
    </message>
    <message>
        <source>Choisissez le partenaire dans la liste.</source>
        <translation>Choose the partner in the list.</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Nouveau partenaire</source>
        <translation>New partner</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Nom</source>
        <translation>&amp;Last name</translation>
    </message>
    <message>
        <source>&amp;SIRET</source>
        <translation>&amp;SIRET</translation>
    </message>
    <message>
        <source>&amp;Adresse</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>Code &amp;postal</source>
        <translation>&amp;Postcode</translation>
    </message>
    <message>
        <source>&amp;Commune</source>
        <translation>&amp;Town</translation>
    </message>
    <message>
        <source>Site &amp;web</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>&amp;Téléphone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>C&amp;ourriel</source>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Fiche</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Fonction</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>&amp;Ajouter un contact…</source>
        <translation>&amp;Add a contact…</translation>
    </message>
    <message>
        <source>&amp;Modifier…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Compte rendu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Échanges</source>
        <translation>Exchanges</translation>
    </message>
    <message>
        <source>&amp;Noter un échange…</source>
        <translation>&amp;Log an exchange…</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Depuis le</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Nouvelle &amp;orientation…</source>
        <translation>New &amp;referral…</translation>
    </message>
    <message>
        <source> (en retard)</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>Supprimer le contact</source>
        <translation>Delete the contact</translation>
    </message>
    <message>
        <source>Mettre {name} à la corbeille&#xa0;?</source>
        <translation>Move {name} to the bin?</translation>
    </message>
</context>
<context>
    <name>PartnersScreen</name>
    <message>
        <source>Partenaires</source>
        <extracomment>The list (or numbers) on screen were refreshed.</extracomment>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Rechercher un partenaire (nom, commune, SIRET)…</source>
        <translation>Search a partner (name, town, SIRET)…</translation>
    </message>
    <message>
        <source>Rechercher un partenaire</source>
        <translation>Search a partner</translation>
    </message>
    <message>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Filtrer par type</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <source>&amp;Nouveau partenaire…</source>
        <translation>&amp;New partner…</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Liste des partenaires</source>
        <translation>Partner list</translation>
    </message>
    <message>
        <source>Aucun partenaire pour l&apos;instant. Ajoutez les structures vers lesquelles vous orientez les participants (France Travail, Mission locale, entreprises, organismes de formation…), ou importez-en la liste depuis l&apos;écran Imports.</source>
        <translation>No partner yet. Add the organisations you refer participants to (France Travail, Mission locale, employers, training bodies…), or import their list from the Imports screen.</translation>
    </message>
    <message>
        <source>Ajouter un partenaire…</source>
        <translation>Add a partner…</translation>
    </message>
    <message>
        <source>{n} partenaire</source>
        <translation>{n} partner</translation>
    </message>
    <message>
        <source>{n} partenaires</source>
        <translation>{n} partners</translation>
    </message>
</context>
<context>
    <name>ReferralsScreen</name>
    <message>
        <source>Orientations</source>
        <extracomment>The list (or numbers) on screen were refreshed.</extracomment>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Filtrer par statut</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Tous les types de partenaire</source>
        <translation>All partner types</translation>
    </message>
    <message>
        <source>Filtrer par type de partenaire</source>
        <translation>Filter by partner type</translation>
    </message>
    <message>
        <source>&amp;Période du</source>
        <translation>&amp;Period from</translation>
    </message>
    <message>
        <source>Début de la période</source>
        <translation>Start of the period</translation>
    </message>
    <message>
        <source>Fin de la période</source>
        <translation>End of the period</translation>
    </message>
    <message>
        <source>En &amp;retard seulement</source>
        <translation>&amp;Overdue only</translation>
    </message>
    <message>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Nouvelle orientation…</source>
        <translation>&amp;New referral…</translation>
    </message>
    <message>
        <source>&amp;Changer le statut…</source>
        <translation>&amp;Change the status…</translation>
    </message>
    <message>
        <source>Changer le statut de l&apos;orientation choisie dans la liste (Entrée)</source>
        <translation>Change the status of the referral chosen in the list (Enter)</translation>
    </message>
    <message>
        <source>&amp;Ouvrir le participant</source>
        <translation>&amp;Open the participant</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Partenaire</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Type de partenaire</source>
        <translation>Partner type</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Depuis le</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Liste des orientations</source>
        <translation>Referral list</translation>
    </message>
    <message>
        <source>Aucune orientation pour l&apos;instant. Orientez un participant vers un partenaire&#xa0;: son statut (proposée, acceptée, réalisée…) se suit ensuite ici.</source>
        <translation>No referral yet. Refer a participant to a partner: its status (proposed, accepted, completed…) is then followed here.</translation>
    </message>
    <message>
        <source>Nouvelle orientation…</source>
        <translation>New referral…</translation>
    </message>
    <message>
        <source>{n} orientation</source>
        <translation>{n} referral</translation>
    </message>
    <message>
        <source>{n} orientations</source>
        <translation>{n} referrals</translation>
    </message>
    <message>
        <source> (en retard)</source>
        <translation> (overdue)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>&amp;Nom du site</source>
        <translation>Site &amp;name</translation>
    </message>
    <message>
        <source>&amp;Code du site</source>
        <translation>Site &amp;code</translation>
    </message>
    <message>
        <source>&amp;Département</source>
        <translation>&amp;Département</translation>
    </message>
    <message>
        <source>&amp;QPV couverts (un par ligne)</source>
        <translation>&amp;QPVs covered (one per line)</translation>
    </message>
    <message>
        <source>C&amp;oordinateur·rices (un par ligne)</source>
        <translation>C&amp;oordinators (one per line)</translation>
    </message>
    <message>
        <source>&amp;Qui saisit sur ce poste</source>
        <translation>&amp;Who enters data on this computer</translation>
    </message>
    <message>
        <source>Général</source>
        <translation>General</translation>
    </message>
    <message>
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source> mois</source>
        <translation> months</translation>
    </message>
    <message>
        <source>&amp;Conservation après le dernier contact</source>
        <translation>&amp;Retention after the last contact</translation>
    </message>
    <message>
        <source>Dossier des &amp;exports</source>
        <translation>&amp;Export folder</translation>
    </message>
    <message>
        <source>Dossier des &amp;sauvegardes</source>
        <translation>&amp;Backup folder</translation>
    </message>
    <message>
        <source>Évaluation nationale</source>
        <translation>National evaluation</translation>
    </message>
    <message>
        <source>Clés publiques &amp;age (age1…, une par ligne)</source>
        <translation>&amp;age public keys (age1…, one per line)</translation>
    </message>
    <message>
        <source>Charger une clé depuis un &amp;fichier…</source>
        <translation>Load a key from a &amp;file…</translation>
    </message>
    <message>
        <source>Notice d&apos;information</source>
        <translation>Information notice</translation>
    </message>
    <message>
        <source>&amp;Texte de la notice</source>
        <translation>Notice &amp;text</translation>
    </message>
    <message>
        <source>Laissez vide pour imprimer la notice par défaut (finalité, base légale, durée de conservation, droits, contact).</source>
        <translation>Leave empty to print the default notice (purpose, legal basis, retention period, rights, contact).</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>&amp;Version</translation>
    </message>
    <message>
        <source>&amp;Contact pour exercer ses droits</source>
        <translation>&amp;Contact for exercising rights</translation>
    </message>
    <message>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Choisir&#xa0;: {what}</source>
        <translation>Choose: {what}</translation>
    </message>
    <message>
        <source>Lecture impossible de {file}&#xa0;: {error}</source>
        <translation>Cannot read {file}: {error}</translation>
    </message>
    <message>
        <source>Clé publique de l&apos;évaluation nationale</source>
        <translation>The national evaluation&apos;s public key</translation>
    </message>
    <message>
        <source>Clés age (*.txt *.pub *.key *.age);;Tous les fichiers (*)</source>
        <translation>age keys (*.txt *.pub *.key *.age);;All files (*)</translation>
    </message>
    <message>
        <source>Ce fichier contient une clé privée age, qui ne doit pas être sur ce poste. Demandez la clé publique (age1…) à l&apos;évaluation nationale.</source>
        <translation>This file holds a private age key, which must not be on this computer. Ask the national evaluation for the public key (age1…).</translation>
    </message>
    <message>
        <source>Aucune clé publique age (age1…) dans {file}.</source>
        <translation>No age public key (age1…) in {file}.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Statut de l&apos;orientation — {who} → {partner}</source>
        <translation>Referral status — {who} → {partner}</translation>
    </message>
    <message>
        <source>Orientation de {who} vers {partner}, du {date}&#xa0;: {status}.</source>
        <translation>Referral of {who} to {partner}, on {date}: {status}.</translation>
    </message>
    <message>
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Historique des statuts</source>
        <translation>Status history</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>&amp;Nouveau statut</source>
        <translation>&amp;New status</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Commentaire</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <source>Ce statut est définitif.</source>
        <translation>This status is final.</translation>
    </message>
</context>
</TS>
