<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>ConflictCount</name>
    <message>
        <source>Conflits d&apos;équipe à examiner : {n}</source>
        <translation>Team conflicts to review: {n}</translation>
    </message>
</context>
<context>
    <name>TeamMenu</name>
    <message>
        <source>Intégrer un fichier d&apos;é&amp;quipe…</source>
        <translation>Merge a te&amp;am file…</translation>
    </message>
</context>
<context>
    <name>TeamMoved</name>
    <message>
        <source>Base copiée</source>
        <translation>Copied database</translation>
    </message>
    <message>
        <source>Cette base a été copiée depuis un autre ordinateur ou un autre compte. Est-ce la copie pour un nouveau poste&#xa0;?</source>
        <translation>This database was copied from another computer or another account. Is it the copy for a new laptop?</translation>
    </message>
    <message>
        <source>Oui&#xa0;: ce poste prend sa propre identité et ses propres clés d&apos;équipe&#xa0;; ajoutez sa clé sur les postes des collègues (écran Équipe).
Non&#xa0;: c&apos;est le même poste, déplacé (par exemple la même personne sur un nouvel ordinateur)&#xa0;; rien ne change pour l&apos;équipe.</source>
        <translation>Yes: this laptop takes its own identity and team keys; add its key on the colleagues&apos; laptops (Team screen).
No: it is the same laptop, moved (for example the same person on a new computer); nothing changes for the team.</translation>
    </message>
</context>
<context>
    <name>TeamOpen</name>
    <message>
        <source>« {name} »</source>
        <translation>&apos;{name}&apos;</translation>
    </message>
    <message>
        <source>La base est ouverte dans une autre fenêtre de CitésDesk&#xa0;: intégrez {files} depuis celle-ci (Fichier › Intégrer un fichier d&apos;équipe…).</source>
        <translation>The database is open in another CitésDesk window: merge {files} from there (File › Merge a team file…).</translation>
    </message>
    <message>
        <source>Intégrer {files} dans cette base&#xa0;? Les changements des collègues s&apos;ajoutent aux vôtres&#xa0;; une sauvegarde automatique est faite avant.</source>
        <translation>Merge {files} into this database? The colleagues&apos; changes are added to yours; an automatic backup is made first.</translation>
    </message>
    <message>
        <source>Fichier d&apos;équipe</source>
        <translation>Team file</translation>
    </message>
</context>
<context>
    <name>TeamScreen</name>
    <message>
        <source>Ce poste</source>
        <extracomment>Tables whose change the screen shows: members, what was received and sent, conflicts, and the people a merge brings.</extracomment>
        <translation>This laptop</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Empreinte de ma clé</source>
        <translation>My key&apos;s fingerprint</translation>
    </message>
    <message>
        <source>Enregistrer ma clé publique…</source>
        <translation>Save my public key…</translation>
    </message>
    <message>
        <source>Collègues</source>
        <translation>Colleagues</translation>
    </message>
    <message>
        <source>Empreinte</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Dernier fichier reçu</source>
        <translation>Last file received</translation>
    </message>
    <message>
        <source>Dernier fichier envoyé</source>
        <translation>Last file sent</translation>
    </message>
    <message>
        <source>Ajouter un collègue…</source>
        <translation>Add a colleague…</translation>
    </message>
    <message>
        <source>Nom du ou de la collègue</source>
        <translation>Colleague&apos;s name</translation>
    </message>
    <message>
        <source>Copie du site pour un nouveau poste…</source>
        <translation>Copy of the site for a new laptop…</translation>
    </message>
    <message>
        <source>Préparer le fichier pour l&apos;équipe…</source>
        <translation>Prepare the file for the team…</translation>
    </message>
    <message>
        <source>Intégrer un fichier…</source>
        <translation>Merge a file…</translation>
    </message>
    <message>
        <source>Conflits</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Personne ou fiche</source>
        <translation>Person or record</translation>
    </message>
    <message>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Une valeur</source>
        <translation>One value</translation>
    </message>
    <message>
        <source>L&apos;autre (appliquée)</source>
        <translation>The other (applied)</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Aucun·e collègue pour l&apos;instant. Sur le poste de chaque collègue, «&#xa0;Enregistrer ma clé publique…&#xa0;», puis ici «&#xa0;Ajouter un collègue…&#xa0;» avec ce fichier&#xa0;; ou préparez son poste avec «&#xa0;Copie du site pour un nouveau poste…&#xa0;».</source>
        <translation>No colleague yet. On each colleague&apos;s laptop, &quot;Save my public key…&quot;, then here &quot;Add a colleague…&quot; with that file; or prepare their laptop with &quot;Copy of the site for a new laptop…&quot;.</translation>
    </message>
    <message>
        <source>Aucun conflit. Quand deux postes ont changé le même champ d&apos;une même fiche, il s&apos;affiche ici&#xa0;: cliquez sur la valeur à garder, puis «&#xa0;Garder cette valeur&#xa0;».</source>
        <translation>No conflict. When two laptops changed the same field of the same record, it shows here: click the value to keep, then &quot;Keep this value&quot;.</translation>
    </message>
    <message>
        <source>Garder cette valeur</source>
        <translation>Keep this value</translation>
    </message>
    <message>
        <source>Choisissez dans la liste la valeur à garder (colonne « Une valeur » ou « L&apos;autre »).</source>
        <translation>Choose the value to keep in the list (column &apos;One value&apos; or &apos;The other&apos;).</translation>
    </message>
    <message>
        <source>Dossier partagé (facultatif)</source>
        <translation>Shared folder (optional)</translation>
    </message>
    <message>
        <source>Dossier commun à l&apos;équipe (réseau, cloud…)</source>
        <translation>Folder shared by the team (network, cloud…)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Échange toutes les</source>
        <translation>Exchange every</translation>
    </message>
    <message>
        <source>Équipe</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>réglé : {value}</source>
        <translation>settled: {value}</translation>
    </message>
    <message>
        <source>à examiner</source>
        <translation>to review</translation>
    </message>
    <message>
        <source>Cette base a été ouverte sur un autre ordinateur ou par un autre utilisateur que celui qui l&apos;écrivait : elle a pris une identité propre avant toute saisie, pour que ses échanges avec l&apos;équipe restent justes. Si c&apos;est le poste d&apos;un·e nouveau·elle collègue, ajoutez sa clé sur les autres postes.</source>
        <translation>This database was opened on another computer or by another user than the one that wrote it: it took an identity of its own before anything was entered, so that its exchanges with the team stay right. If this is a new colleague&apos;s laptop, add its key on the other laptops.</translation>
    </message>
    <message>
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <source>(vide)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>{value} — {who}, le {when}</source>
        <translation>{value} — {who}, on {when}</translation>
    </message>
    <message>
        <source>Enregistrer ma clé publique</source>
        <translation>Save my public key</translation>
    </message>
    <message>
        <source>Clé d&apos;équipe (*.citesequipe-cle)</source>
        <translation>Team key (*.citesequipe-cle)</translation>
    </message>
    <message>
        <source>Clé enregistrée dans {path}.
Empreinte : {fp}</source>
        <translation>Key saved to {path}.
Fingerprint: {fp}</translation>
    </message>
    <message>
        <source>Clé d&apos;un·e collègue</source>
        <translation>A colleague&apos;s key</translation>
    </message>
    <message>
        <source>Ajouter un collègue</source>
        <translation>Add a colleague</translation>
    </message>
    <message>
        <source>Empreinte de la clé de {name} : {fp}

Comparez-la avec celle que votre collègue lit sur son écran Équipe (à voix haute ou au téléphone). Sont-elles identiques ?</source>
        <translation>Fingerprint of {name}&apos;s key: {fp}

Compare it with the one your colleague reads on their Team screen (aloud or on the phone). Are they the same?</translation>
    </message>
    <message>
        <source>Indiquez d&apos;abord le nom du ou de la collègue.</source>
        <translation>Give the colleague&apos;s name first.</translation>
    </message>
    <message>
        <source>Copie du site pour {name}</source>
        <translation>Copy of the site for {name}</translation>
    </message>
    <message>
        <source>Base CitésDesk (*.sqlite)</source>
        <translation>CitésDesk database (*.sqlite)</translation>
    </message>
    <message>
        <source>Copie pour {name} écrite dans {path}. Son poste a sa propre identité ; empreinte de sa clé : {fp}.</source>
        <translation>Copy for {name} written to {path}. Their laptop has its own identity; fingerprint of its key: {fp}.</translation>
    </message>
    <message>
        <source>Dossier ou clé USB où écrire le fichier</source>
        <translation>Folder or USB key to write the file to</translation>
    </message>
    <message>
        <source>Préparation du fichier…</source>
        <translation>Preparing the file…</translation>
    </message>
    <message>
        <source>Fichier pour l&apos;équipe écrit : {path} ({n} enregistrement(s), chiffré pour {k} poste(s)).</source>
        <translation>File for the team written: {path} ({n} record(s), encrypted to {k} laptop(s)).</translation>
    </message>
    <message>
        <source>Intégrer un fichier de l&apos;équipe</source>
        <translation>Merge a file from the team</translation>
    </message>
    <message>
        <source>Fichier d&apos;équipe (*.citesequipe)</source>
        <translation>Team file (*.citesequipe)</translation>
    </message>
    <message>
        <source>Intégration du fichier…</source>
        <translation>Merging the file…</translation>
    </message>
    <message>
        <source>Premier échange</source>
        <translation>First exchange</translation>
    </message>
    <message>
        <source>{file} (de {who}) : {c} créé(s), {u} modifié(s), {p} effacé(s), {k} conflit(s) nouveau(x).</source>
        <translation>{file} (from {who}): {c} created, {u} updated, {p} erased, {k} new conflict(s).</translation>
    </message>
    <message>
        <source>{n} entrée(s) du journal des collègues ajoutée(s) au Journal.</source>
        <translation>{n} entries of the colleagues&apos; log added to the Audit log.</translation>
    </message>
    <message>
        <source>{n} texte(s) modifié(s) des deux côtés : les deux versions sont gardées.</source>
        <translation>{n} text(s) edited on both sides: both versions are kept.</translation>
    </message>
    <message>
        <source>Doublon possible : {a} reçu·e, {b} déjà ici.</source>
        <translation>Possible duplicate: {a} received, {b} already here.</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord la valeur à garder dans la liste.</source>
        <translation>Choose the value to keep in the list first.</translation>
    </message>
    <message>
        <source>Dossier partagé de l&apos;équipe</source>
        <translation>The team&apos;s shared folder</translation>
    </message>
    <message>
        <source>Dossier partagé : mon fichier écrit, {n} fichier(s) intégré(s).</source>
        <translation>Shared folder: my file written, {n} file(s) merged.</translation>
    </message>
</context>
</TS>
