<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AddMembersDialog</name>
    <message>
        <source>Ajouter des participants à «&#xa0;{cohorte}&#xa0;»</source>
        <translation>Add participants to &apos;{cohorte}&apos;</translation>
    </message>
    <message>
        <source>Ajouter des participants</source>
        <translation>Add participants</translation>
    </message>
    <message>
        <source>Rechercher (nom, prénom, téléphone…)</source>
        <translation>Search (last name, first name, phone…)</translation>
    </message>
    <message>
        <source>Rechercher un participant</source>
        <translation>Search for a participant</translation>
    </message>
    <message>
        <source>Participants à cocher</source>
        <translation>Participants to tick</translation>
    </message>
    <message>
        <source>Date d&apos;entrée</source>
        <translation>Entry date</translation>
    </message>
    <message>
        <source>Inscrire</source>
        <translation>Enroll</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{n} participant(s) choisi(s)</source>
        <translation>{n} participant(s) chosen</translation>
    </message>
</context>
<context>
    <name>BinScreen</name>
    <message>
        <source>Ce qui a été supprimé reste ici jusqu&apos;à sa purge par les règles de conservation. Restaurer remet l&apos;élément à sa place, avec ce qui a été supprimé en même temps (par exemple les étapes d&apos;un participant).</source>
        <translation>What was deleted stays here until the retention rules purge it. Restoring puts the item back, with what was deleted along with it (for example a participant&apos;s journey steps).</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Élément</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Date de l&apos;élément</source>
        <translation>Item&apos;s date</translation>
    </message>
    <message>
        <source>Mis à la corbeille le</source>
        <translation>Moved to the bin on</translation>
    </message>
    <message>
        <source>Contenu de la corbeille</source>
        <translation>Contents of the bin</translation>
    </message>
    <message>
        <source>La corbeille est vide.</source>
        <translation>The bin is empty.</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Corbeille</source>
        <translation>Bin</translation>
    </message>
</context>
<context>
    <name>CohortsScreen</name>
    <message>
        <source>Cohorte</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Début</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Objectif</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Actifs</source>
        <translation>Active</translation>
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
        <source>Liste des cohortes</source>
        <translation>List of cohorts</translation>
    </message>
    <message>
        <source>Nouvelle cohorte</source>
        <translation>New cohort</translation>
    </message>
    <message>
        <source>jj/mm/aaaa</source>
        <translation>e.g. 03 Dec 2026</translation>
    </message>
    <message>
        <source>Enregistrer la cohorte</source>
        <translation>Save the cohort</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date de début</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Date de fin</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Objectif (participants)</source>
        <translation>Target (participants)</translation>
    </message>
    <message>
        <source>Référent·e</source>
        <translation>Referent</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Entrée</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Sortie</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Motif de sortie</source>
        <translation>Exit reason</translation>
    </message>
    <message>
        <source>Membres de la cohorte</source>
        <translation>Members of the cohort</translation>
    </message>
    <message>
        <source>Ajouter plusieurs participants…</source>
        <translation>Add several participants…</translation>
    </message>
    <message>
        <source>Choisissez une cohorte dans la liste.</source>
        <translation>Choose a cohort in the list.</translation>
    </message>
    <message>
        <source>Membres</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Membres de «&#xa0;{nom}&#xa0;»&#xa0;: {n}</source>
        <translation>Members of “{nom}”: {n}</translation>
    </message>
    <message>
        <source>Aucune cohorte pour l&apos;instant. Une cohorte regroupe les participants entrés ensemble dans l&apos;accompagnement&#xa0;: créez la première (un nom et une date de début suffisent), puis inscrivez-y des participants.</source>
        <translation>No cohort yet. A cohort groups the participants who started the programme together: create the first one (a name and a start date are enough), then enroll participants in it.</translation>
    </message>
    <message>
        <source>Créer la première cohorte</source>
        <translation>Create the first cohort</translation>
    </message>
    <message>
        <source>Fiche de la cohorte</source>
        <translation>Cohort details</translation>
    </message>
    <message>
        <source>Cohortes</source>
        <translation>Cohorts</translation>
    </message>
    <message>
        <source>Cohorte «&#xa0;{nom}&#xa0;»</source>
        <translation>Cohort &apos;{nom}&apos;</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Inscrire dans une cohorte</source>
        <translation>Enroll in a cohort</translation>
    </message>
    <message>
        <source>Cohorte</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Date d&apos;entrée</source>
        <translation>Entry date</translation>
    </message>
    <message>
        <source>Aucune cohorte&#xa0;: créez-en une d&apos;abord dans l&apos;écran «&#xa0;Cohortes&#xa0;».</source>
        <translation>No cohort yet: create one first in the &apos;Cohorts&apos; screen.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Modifier une étape</source>
        <translation>Edit a journey step</translation>
    </message>
    <message>
        <source>Ajouter une étape</source>
        <translation>Add a journey step</translation>
    </message>
    <message>
        <source>Type de contrat</source>
        <translation>Contract type</translation>
    </message>
    <message>
        <source>Frein levé</source>
        <translation>Barrier removed</translation>
    </message>
    <message>
        <source>(aucun partenaire)</source>
        <translation>(no partner)</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Partenaire</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>ExitDialog</name>
    <message>
        <source>Sortir d&apos;une cohorte</source>
        <translation>Exit a cohort</translation>
    </message>
    <message>
        <source>{motif} — {groupe}</source>
        <translation>{motif} — {groupe}</translation>
    </message>
    <message>
        <source>Cohorte</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Date de sortie</source>
        <translation>Exit date</translation>
    </message>
    <message>
        <source>Motif de sortie</source>
        <translation>Exit reason</translation>
    </message>
    <message>
        <source>{cohorte} (entrée le {date})</source>
        <translation>{cohorte} (entered on {date})</translation>
    </message>
    <message>
        <source>Ce participant n&apos;est inscrit dans aucune cohorte en cours.</source>
        <translation>This participant is not enrolled in any current cohort.</translation>
    </message>
    <message>
        <source>Groupe&#xa0;: {groupe}</source>
        <translation>Group: {groupe}</translation>
    </message>
    <message>
        <source> — sortie dynamique</source>
        <translation> — positive exit (sortie dynamique)</translation>
    </message>
</context>
<context>
    <name>JourneyWidget</name>
    <message>
        <source>Entrée</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Sortie</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Quoi</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Précisions</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Parcours du participant</source>
        <translation>Participant&apos;s journey</translation>
    </message>
    <message>
        <source>Aucune étape pour l&apos;instant&#xa0;: notez le premier rendez-vous avec «&#xa0;Ajouter une étape…&#xa0;», et inscrivez la personne dans sa cohorte avec «&#xa0;Inscrire dans une cohorte…&#xa0;».</source>
        <translation>No step yet: record the first meeting with “Add a step…”, and enrol the person in their cohort with “Enroll in a cohort…”.</translation>
    </message>
    <message>
        <source>Ajouter une étape…</source>
        <translation>Add a step…</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Inscrire dans une cohorte…</source>
        <translation>Enroll in a cohort…</translation>
    </message>
    <message>
        <source>Sortir d&apos;une cohorte…</source>
        <translation>Exit a cohort…</translation>
    </message>
    <message>
        <source>Orienter vers un partenaire…</source>
        <translation>Refer to a partner…</translation>
    </message>
    <message>
        <source>L&apos;étape va dans la corbeille&#xa0;; on peut l&apos;y restaurer.</source>
        <translation>The step goes to the bin; it can be restored from there.</translation>
    </message>
    <message>
        <source>{statut} — en retard (plus de 15 jours)</source>
        <translation>{statut} — overdue (more than 15 days)</translation>
    </message>
    <message>
        <source>Changer le statut…</source>
        <translation>Change the status…</translation>
    </message>
    <message>
        <source>Sortir de la cohorte…</source>
        <translation>Leave the cohort…</translation>
    </message>
    <message>
        <source>Supprimer l&apos;étape</source>
        <translation>Delete the step</translation>
    </message>
    <message>
        <source>Mettre l&apos;étape «&#xa0;{etape}&#xa0;» du {date} à la corbeille&#xa0;?</source>
        <translation>Move the step &apos;{etape}&apos; of {date} to the bin?</translation>
    </message>
    <message>
        <source>Supprimer l&apos;inscription</source>
        <translation>Delete the enrollment</translation>
    </message>
    <message>
        <source>Mettre l&apos;inscription dans la cohorte «&#xa0;{cohorte}&#xa0;» (entrée le {date}) à la corbeille&#xa0;? Son entrée et sa sortie disparaissent du parcours.</source>
        <translation>Move the enrollment in the cohort &apos;{cohorte}&apos; (entered on {date}) to the bin? Its entry and exit leave the journey.</translation>
    </message>
</context>
<context>
    <name>NotesWidget</name>
    <message>
        <source>&lt;b&gt;Ce que l&apos;on peut écrire&lt;/b&gt; (règles de la CNIL)&#xa0;: des faits objectifs, pertinents et utiles à l&apos;accompagnement&#xa0;; pas de jugement de valeur ni de propos subjectif ou blessant&#xa0;; jamais de donnée de santé, d&apos;infraction ou de condamnation, ni d&apos;origine, d&apos;opinion politique, religieuse ou syndicale, de vie sexuelle. La personne peut demander à lire ses notes, y compris les notes privées (droit d&apos;accès)&#xa0;: écrivez-les comme si elle les lisait.</source>
        <extracomment>The icon of a private note (its text and accessible name say &quot;privée&quot; too).</extracomment>
        <translation>&lt;b&gt;What you may write&lt;/b&gt; (CNIL rules): objective, relevant facts useful to the support; no value judgement, subjective or hurtful remark; never health data, offences or convictions, nor ethnic origin, political, religious or union opinions, sex life. The person may ask to read their notes, private ones included (right of access): write them as if they were reading.</translation>
    </message>
    <message>
        <source>Règles de la CNIL sur les commentaires</source>
        <translation>CNIL rules on comments</translation>
    </message>
    <message>
        <source>Aucune note pour l&apos;instant.</source>
        <translation>No note yet.</translation>
    </message>
    <message>
        <source>Notes du participant</source>
        <translation>Participant&apos;s notes</translation>
    </message>
    <message>
        <source>Texte de la note</source>
        <translation>Text of the note</translation>
    </message>
    <message>
        <source>Note privée (réservée à l&apos;équipe&#xa0;: ni imprimée dans la fiche participant, ni partagée avec les partenaires)</source>
        <translation>Private note (for the team only: neither printed in the participant file nor shared with partners)</translation>
    </message>
    <message>
        <source>Nouvelle note</source>
        <translation>New note</translation>
    </message>
    <message>
        <source>Enregistrer la note</source>
        <translation>Save the note</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>{date} — privée — {texte}</source>
        <translation>{date} — private — {texte}</translation>
    </message>
    <message>
        <source>Note privée du {date}&#xa0;: {texte}</source>
        <translation>Private note of {date}: {texte}</translation>
    </message>
    <message>
        <source>{date} — {texte}</source>
        <translation>{date} — {texte}</translation>
    </message>
    <message>
        <source>Note partagée du {date}&#xa0;: {texte}</source>
        <translation>Shared note of {date}: {texte}</translation>
    </message>
    <message>
        <source>Ajouter la note</source>
        <translation>Add the note</translation>
    </message>
    <message>
        <source>Supprimer la note</source>
        <translation>Delete the note</translation>
    </message>
    <message>
        <source>Mettre cette note à la corbeille&#xa0;?</source>
        <translation>Move this note to the bin?</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
