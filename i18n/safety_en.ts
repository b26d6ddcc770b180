<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>Instance</name>
    <message>
        <source>un autre programme CitésDesk</source>
        <translation>another CitésDesk program</translation>
    </message>
    <message>
        <source>La base « {name} » est déjà ouverte par {who}.

Deux programmes ne peuvent pas la modifier en même temps : vos saisies risqueraient de se perdre. Vous pouvez l&apos;ouvrir en lecture seule pour consulter les dossiers, sans rien pouvoir enregistrer.</source>
        <translation>The database &apos;{name}&apos; is already open in {who}.

Two programs cannot change it at the same time: your entries could be lost. You can open it read-only to look up files, without being able to save anything.</translation>
    </message>
    <message>
        <source>Pour modifier la base, fermez d&apos;abord l&apos;autre fenêtre ou attendez la fin de la commande, puis rouvrez-la. Un programme arrêté brutalement (panne, arrêt forcé) libère la base de lui-même. Voir l&apos;aide : « Bien démarrer », section « Une base déjà ouverte ».</source>
        <translation>To change the database, first close the other window or wait for the command to finish, then open it again. A program stopped abruptly (crash, forced stop) releases the database by itself. See the help: &apos;Getting started&apos;, section &apos;A database already open&apos;.</translation>
    </message>
    <message>
        <source>Base déjà ouverte</source>
        <translation>Database already open</translation>
    </message>
    <message>
        <source>Ouvrir en &amp;lecture seule</source>
        <translation>Open &amp;read-only</translation>
    </message>
    <message>
        <source>CitésDesk — lecture seule</source>
        <translation>CitésDesk — read-only</translation>
    </message>
    <message>
        <source>Lecture seule : la base est ouverte par {who}</source>
        <translation>Read-only: the database is open in {who}</translation>
    </message>
    <message>
        <source>Lecture seule</source>
        <translation>Read-only</translation>
    </message>
</context>
</TS>
