<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>RetentionScreen</name>
    <message>
        <source>Conservation</source>
        <extracomment>The list was read and shown (how many people are due).</extracomment>
        <translation>Retention</translation>
    </message>
    <message>
        <source>Conservation des données</source>
        <translation>Data retention</translation>
    </message>
    <message>
        <source>Personne n&apos;a dépassé la durée de conservation&#xa0;: il n&apos;y a rien à supprimer. Revenez ici de temps en temps&#xa0;; le tableau de bord signale aussi les personnes concernées.</source>
        <translation>Nobody is past the retention period: there is nothing to delete. Come back now and then; the dashboard also points out the people concerned.</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Dernier contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>À supprimer depuis le</source>
        <translation>To delete since</translation>
    </message>
    <message>
        <source>À la corbeille</source>
        <translation>In the bin</translation>
    </message>
    <message>
        <source>Personnes dont la durée de conservation est dépassée</source>
        <translation>People past the retention period</translation>
    </message>
    <message>
        <source>&amp;Supprimer définitivement…</source>
        <translation>&amp;Delete for good…</translation>
    </message>
    <message>
        <source>Supprime pour de bon ces personnes, avec tout ce qui les concerne (RGPD). Cette suppression ne peut pas être annulée.</source>
        <translation>Deletes these people for good, with everything about them (GDPR). This cannot be undone.</translation>
    </message>
    <message>
        <source>Les données d&apos;une personne sont conservées {months} mois après son dernier contact (dernière étape, note, orientation, entrée ou sortie de cohorte), puis supprimées pour de bon. La durée se règle dans Fichier › Paramètres.</source>
        <translation>A person&apos;s data is kept {months} months after their last contact (last journey step, note, referral, cohort entry or exit), then deleted for good. The period is set in File › Settings.</translation>
    </message>
    <message>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <source>{n} personne(s) à supprimer</source>
        <translation>{n} person(s) to delete</translation>
    </message>
    <message>
        <source>Supprimer définitivement {n} personne(s)</source>
        <translation>Delete {n} person(s) for good</translation>
    </message>
    <message>
        <source>Supprimer définitivement {n} personne(s) dont la durée de conservation est dépassée, avec leurs parcours, notes et orientations&#xa0;? Cette suppression ne peut pas être annulée.</source>
        <translation>Delete for good {n} person(s) past the retention period, with their journeys, notes and referrals? This cannot be undone.</translation>
    </message>
</context>
</TS>
