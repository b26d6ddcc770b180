<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>ChooseDialog</name>
    <message>
        <source>Effacer une personne à sa demande</source>
        <translation>Erase a person at their request</translation>
    </message>
    <message>
        <source>Droit à l&apos;effacement (RGPD, article 17)&#xa0;: choisissez la personne qui demande l&apos;effacement de ses données. Pour une fiche à la corbeille, ouvrez-la depuis la Corbeille et utilisez son bouton «&#xa0;Effacer définitivement…&#xa0;».</source>
        <translation>Right to erasure (GDPR, article 17): choose the person who asks for their data to be erased. For a file in the bin, open it from the Bin and use its &quot;Erase for good…&quot; button.</translation>
    </message>
    <message>
        <source>Continuer…</source>
        <translation>Continue…</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Erasure</name>
    <message>
        <source>Effacer définitivement {name}</source>
        <translation>Erase {name} for good</translation>
    </message>
    <message>
        <source>référence interne {uuid}</source>
        <translation>internal reference {uuid}</translation>
    </message>
    <message>
        <source>identifiant France Travail {id}</source>
        <translation>France Travail id {id}</translation>
    </message>
    <message>
        <source>identifiant Mission locale {id}</source>
        <translation>Mission locale id {id}</translation>
    </message>
    <message>
        <source>autre identifiant {id}</source>
        <translation>other id {id}</translation>
    </message>
    <message>
        <source> (fiche à la corbeille)</source>
        <translation> (file in the bin)</translation>
    </message>
    <message>
        <source>Effacer pour de bon {name}{where} — {refs} — et tout ce qui concerne cette personne&#xa0;: {event} étape(s) de parcours, {referral} orientation(s), {note} note(s), {enrollment} inscription(s) en cohorte, ainsi que ses traces dans le fichier (recherche, historique des imports, journal des modifications).

C&apos;est le droit à l&apos;effacement (RGPD, article 17), à la demande de la personne. L&apos;effacement ne peut pas être annulé&#xa0;: la fiche ne passe pas par la corbeille.</source>
        <translation>Erase for good {name}{where} — {refs} — and everything about this person: {event} journey step(s), {referral} referral(s), {note} note(s), {enrollment} cohort enrolment(s), and their traces in the file (search, import history, change log).

This is the right to erasure (GDPR, article 17), at the person&apos;s request. The erasure cannot be undone: the file does not go through the bin.</translation>
    </message>
    <message>
        <source>Droit à l&apos;effacement (RGPD, article 17)&#xa0;: efface pour de bon cette personne et tout ce qui la concerne, à sa demande. Ne peut pas être annulé.</source>
        <translation>Right to erasure (GDPR, article 17): erases for good this person and everything about them, at their request. Cannot be undone.</translation>
    </message>
    <message>
        <source>La fiche de {name} a été effacée pour de bon, avec tout ce qui concernait cette personne.</source>
        <translation>The file of {name} was erased for good, with everything about this person.</translation>
    </message>
    <message>
        <source>Effacement effectué</source>
        <translation>Erasure done</translation>
    </message>
    <message>
        <source>Effacement de {name}…</source>
        <translation>Erasing {name}…</translation>
    </message>
    <message>
        <source>Effacer définitivement…</source>
        <translation>Erase for good…</translation>
    </message>
    <message>
        <source>Effacer une personne à sa demande</source>
        <translation>Erase a person at their request</translation>
    </message>
</context>
<context>
    <name>ErasureDialog</name>
    <message>
        <source>Pour confirmer, tapez le nom de famille de la personne («&#xa0;{word}&#xa0;»)&#xa0;:</source>
        <translation>To confirm, type the person&apos;s last name (&quot;{word}&quot;):</translation>
    </message>
    <message>
        <source>Nom de famille, pour confirmer l&apos;effacement</source>
        <translation>Last name, to confirm the erasure</translation>
    </message>
    <message>
        <source>Effacer définitivement</source>
        <translation>Erase for good</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <source>{n} participant(s)</source>
        <translation>{n} participant(s)</translation>
    </message>
    <message>
        <source>{n} entrée(s) en cohorte</source>
        <translation>{n} cohort entry(ies)</translation>
    </message>
    <message>
        <source>{n} sortie(s) de cohorte</source>
        <translation>{n} cohort exit(s)</translation>
    </message>
    <message>
        <source>{n} étape(s) de parcours</source>
        <translation>{n} journey step(s)</translation>
    </message>
    <message>
        <source>{n} orientation(s)</source>
        <translation>{n} referral(s)</translation>
    </message>
    <message>
        <source>{n} partenaire(s)</source>
        <translation>{n} partner(s)</translation>
    </message>
    <message>
        <source>« {label} », {period} : {what}.</source>
        <translation>“{label}”, {period}: {what}.</translation>
    </message>
    <message>
        <source>Première entrée</source>
        <translation>First entry</translation>
    </message>
    <message>
        <source>Entrée le</source>
        <translation>Entered on</translation>
    </message>
    <message>
        <source>Sortie le</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Orientée le</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>Première mobilisation</source>
        <translation>First mobilised on</translation>
    </message>
    <message>
        <source>Réalisée le</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>Partenaire</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Cohorte</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sortie dynamique</source>
        <translation>Positive exit</translation>
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
        <source>Double-cliquez sur une ligne (ou Entrée) pour ouvrir la fiche du participant.</source>
        <translation>Double-click a row (or press Enter) to open the participant&apos;s file.</translation>
    </message>
</context>
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
        <source>&amp;Effacer une personne à sa demande…</source>
        <translation>&amp;Erase a person at their request…</translation>
    </message>
    <message>
        <source>Droit à l&apos;effacement (RGPD, article 17)&#xa0;: efface pour de bon une personne qui le demande, quelle que soit la durée de conservation.</source>
        <translation>Right to erasure (GDPR, article 17): erases for good a person who asks for it, whatever the retention period.</translation>
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
        <source>{n} personne à supprimer</source>
        <translation>{n} person to delete</translation>
    </message>
    <message>
        <source>{n} personnes à supprimer</source>
        <translation>{n} people to delete</translation>
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
