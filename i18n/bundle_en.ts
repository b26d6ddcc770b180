<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>EvaluationScreen</name>
    <message>
        <source>Le lot transmis à l&apos;évaluation nationale est un instantané pseudonymisé du site&#xa0;: ni nom, ni date de naissance (l&apos;année seulement), ni adresse, ni téléphone, ni courriel, ni note. Il est chiffré pour l&apos;évaluation nationale et signé par le site.</source>
        <translation>The bundle sent to the national evaluation is a pseudonymised snapshot of the site: no name, no date of birth (the year only), no address, no phone number, no e-mail, no note. It is encrypted for the national evaluation and signed by the site.</translation>
    </message>
    <message>
        <source>Ce qui sera envoyé</source>
        <translation>What will be sent</translation>
    </message>
    <message>
        <source>Lot n°</source>
        <translation>Bundle no.</translation>
    </message>
    <message>
        <source>Trimestres</source>
        <translation>Quarters</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Inscriptions dans les cohortes</source>
        <translation>Cohort enrollments</translation>
    </message>
    <message>
        <source>Étapes du parcours</source>
        <translation>Journey steps</translation>
    </message>
    <message>
        <source>Orientations</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Partenaires (organisations)</source>
        <translation>Partners (organisations)</translation>
    </message>
    <message>
        <source>Cohortes</source>
        <translation>Cohorts</translation>
    </message>
    <message>
        <source>Personnes opposées à l&apos;évaluation</source>
        <translation>People who objected to the evaluation</translation>
    </message>
    <message>
        <source>Clé de signature du site</source>
        <translation>Site signing key</translation>
    </message>
    <message>
        <source>Destinataire&#xa0;: la clé de l&apos;évaluation nationale</source>
        <translation>Recipient: the national evaluation&apos;s key</translation>
    </message>
    <message>
        <source>Collez la clé reçue de l&apos;évaluation nationale (elle commence par «&#xa0;age1&#xa0;»)</source>
        <translation>Paste the key received from the national evaluation (it starts with “age1”)</translation>
    </message>
    <message>
        <source>Clé de l&apos;évaluation nationale</source>
        <translation>National evaluation&apos;s key</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Créer le lot…</source>
        <translation>Create the bundle…</translation>
    </message>
    <message>
        <source>Lots déjà créés</source>
        <translation>Bundles already created</translation>
    </message>
    <message>
        <source>Aucun lot créé pour l&apos;instant&#xa0;: ajoutez la clé de l&apos;évaluation nationale ci-dessus, puis «&#xa0;Créer le lot…&#xa0;».</source>
        <translation>No bundle made yet: add the national evaluation&apos;s key above, then “Create the bundle…”.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Évaluation nationale</source>
        <translation>National evaluation</translation>
    </message>
    <message>
        <source>Calcul en cours…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>{first} (1 trimestre)</source>
        <translation>{first} (1 quarter)</translation>
    </message>
    <message>
        <source>{first} à {last} ({n} trimestres)</source>
        <translation>{first} to {last} ({n} quarters)</translation>
    </message>
    <message>
        <source>{n} laissée(s) de côté (elles restent comptées dans les indicateurs)</source>
        <translation>{n} left out (they still count in the indicators)</translation>
    </message>
    <message>
        <source>Ajoutez la clé publique de l&apos;évaluation nationale avant de créer le lot.</source>
        <translation>Add the national evaluation&apos;s public key before creating the bundle.</translation>
    </message>
    <message>
        <source>Enregistrer le lot</source>
        <translation>Save the bundle</translation>
    </message>
    <message>
        <source>Lot CitésDesk (*.citesbundle)</source>
        <translation>CitésDesk bundle (*.citesbundle)</translation>
    </message>
    <message>
        <source>Création du lot…</source>
        <translation>Creating the bundle…</translation>
    </message>
    <message>
        <source>Lot n°&#xa0;{sequence} enregistré dans {path}.

Empreinte SHA-256&#xa0;: {sha}

Transmettez ce fichier à l&apos;évaluation nationale par le moyen convenu&#xa0;; il est chiffré, seul son destinataire peut le lire.</source>
        <translation>Bundle no. {sequence} saved to {path}.

SHA-256 fingerprint: {sha}

Send this file to the national evaluation by the agreed means; it is encrypted, only its recipient can read it.</translation>
    </message>
    <message>
        <source>Lot créé</source>
        <translation>Bundle created</translation>
    </message>
</context>
</TS>
