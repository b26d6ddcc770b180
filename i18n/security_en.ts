<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AuditScreen</name>
    <message>
        <source>Chaque création, modification, suppression, import ou export laisse une trace : qui, quand, sur quel enregistrement. C&apos;est aussi ce que l&apos;export d&apos;accès RGPD montre à la personne concernée.</source>
        <translation>Every creation, change, deletion, import or export leaves a trace: who, when, on which record. It is also what the GDPR access export shows the person concerned.</translation>
    </message>
    <message>
        <source>nom ou référence</source>
        <translation>name or reference</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Participant trouvé</source>
        <translation>Participant found</translation>
    </message>
    <message>
        <source>&amp;Participant :</source>
        <translation>&amp;Participant:</translation>
    </message>
    <message>
        <source>début de l&apos;identifiant</source>
        <translation>start of the identifier</translation>
    </message>
    <message>
        <source>Enregistrement</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>&amp;Enregistrement :</source>
        <translation>&amp;Record:</translation>
    </message>
    <message>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Au</source>
        <translation>To</translation>
    </message>
    <message>
        <source>&amp;Période :</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Coordinateur·rice</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>&amp;Coordinateur·rice :</source>
        <translation>&amp;Coordinator:</translation>
    </message>
    <message>
        <source>&amp;Filtrer</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>&amp;Tout afficher</source>
        <translation>&amp;Show all</translation>
    </message>
    <message>
        <source>E&amp;xporter…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Changements</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Journal des opérations</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Tous</source>
        <translation>All</translation>
    </message>
    <message>
        <source>{n} entrée</source>
        <translation>{n} entry</translation>
    </message>
    <message>
        <source>{n} entrées</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source> (les plus récentes)</source>
        <translation> (the most recent)</translation>
    </message>
    <message>
        <source>Exporter le journal</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Journal exporté : {path}</source>
        <translation>Audit log exported: {path}</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>CitésDesk est verrouillé : tapez la phrase secrète pour continuer.</source>
        <translation>CitésDesk is locked: type the passphrase to continue.</translation>
    </message>
    <message>
        <source>CitésDesk (verrouillé)</source>
        <translation>CitésDesk (locked)</translation>
    </message>
    <message>
        <source>CitésDesk verrouillé</source>
        <translation>CitésDesk locked</translation>
    </message>
    <message>
        <source>CitésDesk s&apos;est verrouillé après {minutes} min sans activité. Tapez la phrase secrète de la base pour continuer.</source>
        <translation>CitésDesk locked itself after {minutes} min without activity. Type the database&apos;s passphrase to continue.</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Phrase secrète</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Phrase secrète :</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Phrase secrète, à nouveau</source>
        <translation>Passphrase, again</translation>
    </message>
    <message>
        <source>&amp;Retapez-la :</source>
        <translation>&amp;Type it again:</translation>
    </message>
    <message>
        <source>Les deux phrases secrètes diffèrent.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Trop d&apos;essais erronés : attendez {seconds} s avant de réessayer.</source>
        <translation>Too many wrong tries: wait {seconds} s before trying again.</translation>
    </message>
    <message>
        <source>Base chiffrée</source>
        <translation>Encrypted database</translation>
    </message>
    <message>
        <source>« {name} » est chiffrée. Tapez sa phrase secrète pour l&apos;ouvrir.</source>
        <translation>&apos;{name}&apos; is encrypted. Type its passphrase to open it.</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>&amp;Chiffrer la base avec une phrase secrète (recommandé pour de vraies données)</source>
        <translation>&amp;Encrypt the database with a passphrase (recommended for real data)</translation>
    </message>
    <message>
        <source>Phrase secrète</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Phrase secrète, à nouveau</source>
        <translation>Passphrase, again</translation>
    </message>
    <message>
        <source>12 caractères au moins. Sans elle, personne ne pourra rouvrir la base ni ses sauvegardes : notez-la en lieu sûr.</source>
        <translation>At least 12 characters. Without it nobody can open the database or its backups again: write it down somewhere safe.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Sauvegardes automatiques de « {name} » dans {folder}. La base actuelle sera mise de côté avant d&apos;être remplacée.</source>
        <translation>Automatic backups of &apos;{name}&apos; in {folder}. The current database will be set aside before it is replaced.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Étapes</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Aucune sauvegarde automatique dans ce dossier.</source>
        <translation>No automatic backup in this folder.</translation>
    </message>
    <message>
        <source>&amp;Restaurer la sauvegarde choisie…</source>
        <translation>&amp;Restore the chosen backup…</translation>
    </message>
    <message>
        <source>&amp;Autre fichier…</source>
        <translation>&amp;Other file…</translation>
    </message>
    <message>
        <source>autre phrase secrète ?</source>
        <translation>another passphrase?</translation>
    </message>
    <message>
        <source>Choisir une sauvegarde</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Bases CitésDesk (*.sqlite *.db);;Tous les fichiers (*)</source>
        <translation>CitésDesk databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Remplacer la base par la sauvegarde « {label} » ? La base actuelle sera d&apos;abord mise de côté, rien n&apos;est perdu.</source>
        <translation>Replace the database with the backup &apos;{label}&apos;? The current database is set aside first: nothing is lost.</translation>
    </message>
    <message>
        <source>Sauvegarde chiffrée</source>
        <translation>Encrypted backup</translation>
    </message>
    <message>
        <source>Cette sauvegarde a été chiffrée avec une autre phrase secrète (l&apos;ancienne ?). Tapez-la.</source>
        <translation>This backup was encrypted with another passphrase (the previous one?). Type it.</translation>
    </message>
    <message>
        <source>Base restaurée depuis « {source} ». L&apos;ancienne base est gardée sous « {aside} ».</source>
        <translation>Database restored from &apos;{source}&apos;. The previous database is kept as &apos;{aside}&apos;.</translation>
    </message>
</context>
<context>
    <name>SecurityDialog</name>
    <message>
        <source>Sécurité et chiffrement</source>
        <translation>Security and encryption</translation>
    </message>
    <message>
        <source>La base « {name} » est chiffrée (SQLCipher, AES-256) : sans sa phrase secrète, ni le fichier ni ses sauvegardes ne peuvent être lus.</source>
        <translation>The database &apos;{name}&apos; is encrypted (SQLCipher, AES-256): without its passphrase, neither the file nor its backups can be read.</translation>
    </message>
    <message>
        <source>La base « {name} » n&apos;est pas chiffrée : quiconque copie le fichier peut lire les données. Chiffrez-la si l&apos;ordinateur contient de vraies données personnelles.</source>
        <translation>The database &apos;{name}&apos; is not encrypted: anyone who copies the file can read the data. Encrypt it if the computer holds real personal data.</translation>
    </message>
    <message>
        <source>&amp;Chiffrer la base…</source>
        <translation>&amp;Encrypt the database…</translation>
    </message>
    <message>
        <source>C&amp;hanger la phrase secrète…</source>
        <translation>C&amp;hange the passphrase…</translation>
    </message>
    <message>
        <source>&amp;Retirer le chiffrement…</source>
        <translation>&amp;Remove the encryption…</translation>
    </message>
    <message>
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Verrouillage après inactivité</source>
        <translation>Lock after inactivity</translation>
    </message>
    <message>
        <source>&amp;Verrouiller après :</source>
        <translation>&amp;Lock after:</translation>
    </message>
    <message>
        <source>Le verrouillage cache toutes les fenêtres jusqu&apos;à ce que la phrase secrète soit retapée (base chiffrée seulement).</source>
        <translation>Locking hides every window until the passphrase is typed again (encrypted database only).</translation>
    </message>
    <message>
        <source>Phrase secrète actuelle</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>Tapez la phrase secrète actuelle de la base.</source>
        <translation>Type the database&apos;s current passphrase.</translation>
    </message>
    <message>
        <source>Ce n&apos;est pas la phrase secrète de la base : rien n&apos;a été changé.</source>
        <translation>That is not the database&apos;s passphrase: nothing was changed.</translation>
    </message>
    <message>
        <source>Nouvelle phrase secrète</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Choisissez une phrase secrète d&apos;au moins 12 caractères (plusieurs mots se retiennent bien). Sans elle, personne — pas même l&apos;assistance — ne pourra rouvrir la base ni ses sauvegardes : notez-la en lieu sûr.</source>
        <translation>Choose a passphrase of at least 12 characters (several words are easy to remember). Without it nobody — not even support — can open the database or its backups again: write it down somewhere safe.</translation>
    </message>
    <message>
        <source>Retirer le chiffrement</source>
        <translation>Remove the encryption</translation>
    </message>
    <message>
        <source>La base sera réécrite en clair : quiconque copie le fichier pourra lire les données. Continuer ?</source>
        <translation>The database will be rewritten unencrypted: anyone who copies the file will be able to read the data. Continue?</translation>
    </message>
    <message>
        <source>La base est maintenant chiffrée.</source>
        <translation>The database is now encrypted.</translation>
    </message>
    <message>
        <source>La base n&apos;est plus chiffrée.</source>
        <translation>The database is no longer encrypted.</translation>
    </message>
</context>
<context>
    <name>SecurityMenu</name>
    <message>
        <source>&amp;Restaurer une sauvegarde…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <source>Sé&amp;curité et chiffrement…</source>
        <translation>Se&amp;curity and encryption…</translation>
    </message>
</context>
</TS>
