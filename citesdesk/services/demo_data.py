"""Vocabulary of the demo site: places, weights and wordings that make fictional data look
like a real Cité de l'emploi. Everything here is invented; the codes come from
:mod:`citesdesk.core.codes`, only their weights live here."""

from __future__ import annotations

# (commune, département, postcode, INSEE code, neighbouring communes with postcodes,
#  how many QPVs). The demo takes the commune's real quarters from the official list in
#  the database; the names here only stand in when the commune has fewer.
SITES = (
    ("Saint-Denis", "93", "93200", "93066",
     (("Aubervilliers", "93300"), ("Pierrefitte-sur-Seine", "93380"), ("Stains", "93240")),
     ("Les Hirondelles", "Le Clos Fleuri", "La Source-Les Presles", "Cité des Tilleuls")),
    ("Vénissieux", "69", "69200", "69259",
     (("Saint-Fons", "69190"), ("Feyzin", "69320"), ("Bron", "69500")),
     ("Les Marronniers", "Le Plateau des Cerisiers", "Les Glycines")),
    ("Roubaix", "59", "59100", "59512",
     (("Tourcoing", "59200"), ("Wattrelos", "59150"), ("Croix", "59170")),
     ("L'Épeule-Alouette", "Les Trois Ponts", "Le Pile-Sainte-Élisabeth", "La Fraternité")),
    ("Nîmes", "30", "30000", "30189",
     (("Saint-Gilles", "30800"), ("Beaucaire", "30300"), ("Vauvert", "30600")),
     ("Les Oliviers", "Le Mas de la Garrigue", "Pissevin-Les Lauriers")),
)

GENRE = (("F", 52), ("H", 46), ("X", 0.5), ("NR", 1.5))
NIVEAU = (("AFS", 7), ("CP4", 6), ("CFG", 5), ("C3A", 12), ("C12", 8), ("NV5", 25),
          ("NV4", 18), ("NV3", 8), ("NV2", 5), ("NV1", 3), ("NR", 3))
SITUATION_CONNU = (("DE_INSCRIT", 70), ("EMPLOI_PRECAIRE", 12), ("FORMATION", 5),
                   ("INACTIF", 8), ("NR", 5))
SITUATION_INVISIBLE = (("SANS_EMPLOI_NON_INSCRIT", 62), ("INACTIF", 30), ("EMPLOI_PRECAIRE", 5),
                       ("NR", 3))
ANCIENNETE = (("M6", 28), ("M6_11", 20), ("M12_23", 24), ("M24P", 24), ("NR", 4))
# Probability of each barrier (a person may have several, or none).
FREINS = (("MOBILITE", 0.35), ("GARDE_ENFANT", 0.18), ("LANGUE", 0.2), ("LOGEMENT", 0.18),
          ("SANTE", 0.12), ("NUMERIQUE", 0.3), ("ADMINISTRATIF", 0.25), ("FINANCIER", 0.25),
          ("JUSTICE", 0.03))
MOTIF_SORTIE = (("CDI", 9), ("CDD_6P", 8), ("INTERIM_6P", 4), ("CREATION", 2),
                ("FONCTION_PUBLIQUE", 2), ("ALTERNANCE", 4), ("CDD_6M", 9), ("INTERIM_6M", 7),
                ("CONTRAT_AIDE", 4), ("IAE", 7), ("FORMATION_QUALIFIANTE", 8),
                ("FORMATION_PREQUALIFIANTE", 5), ("RELAIS_DROIT_COMMUN", 8),
                ("DEMENAGEMENT", 4), ("ABANDON", 8), ("SANS_NOUVELLES", 7), ("SANTE", 3),
                ("AUTRE", 2))
PARTNER_TYPES = (("ENTREPRISE", 42), ("ORGANISME_FORMATION", 12), ("ASSOCIATION", 15),
                 ("SIAE", 9), ("COLLECTIVITE", 5), ("FRANCE_TRAVAIL", 2), ("MISSION_LOCALE", 2),
                 ("CAP_EMPLOI", 1), ("PLIE", 1), ("EPIDE", 1), ("E2C", 1), ("DEPARTEMENT", 1),
                 ("ETAT", 1), ("AUTRE", 2))

# Names of institutional partners ({c} = a commune).
PARTNER_NAMES = {
    "FRANCE_TRAVAIL": ("France Travail {c}", "France Travail {c} Centre", "France Travail {c} Nord"),
    "MISSION_LOCALE": ("Mission locale de {c}", "Mission locale intercommunale de {c}"),
    "CAP_EMPLOI": ("Cap emploi {c}",),
    "PLIE": ("PLIE de {c}", "PLIE intercommunal de {c}"),
    "EPIDE": ("EPIDE de {c}",),
    "E2C": ("École de la 2e chance de {c}",),
    "DEPARTEMENT": ("Conseil départemental — service insertion", "Maison départementale des solidarités de {c}"),
    "ETAT": ("DDETS — unité départementale", "Préfecture — délégué du préfet {c}"),
    "COLLECTIVITE": ("CCAS de {c}", "Mairie de {c} — service emploi", "Maison de l'emploi de {c}"),
    "SIAE": ("{n} Insertion", "Chantier d'insertion {n}", "Entreprise d'insertion {n}", "{n} Intérim insertion"),
    "ORGANISME_FORMATION": ("Centre de formation {n}", "{n} Formation", "GRETA {c}", "AFPA {c}", "Institut {n}"),
    "ASSOCIATION": ("Association {n}", "Maison de quartier {n}", "Régie de quartier {c}", "Auto-école sociale {n}", "Centre social {n}"),
    "AUTRE": ("Fondation {n}", "Club d'entreprises {n}"),
}

CONTACT_ROLES = {
    "ENTREPRISE": ("Responsable RH", "Gérant·e", "Chargé·e de recrutement", "Chef d'équipe"),
    "FRANCE_TRAVAIL": ("Conseiller·ère", "Directeur·rice d'agence", "Conseiller·ère entreprise"),
    "MISSION_LOCALE": ("Conseiller·ère", "Directeur·rice"),
    "_": ("Chargé·e d'insertion professionnelle", "Coordinateur·rice", "Directeur·rice",
          "Accompagnateur·rice socioprofessionnel·le", "Référent·e"),
}

EXCHANGE_SUBJECTS = {
    "REUNION": ("Comité de suivi", "Point sur les candidatures", "Présentation de la Cité de l'emploi",
                "Revue des parcours"),
    "APPEL": ("Suivi d'une orientation", "Offre d'emploi à pourvoir", "Relance d'une candidature"),
    "COURRIEL": ("Envoi de CV", "Compte rendu de réunion", "Calendrier des sessions"),
    "EVENEMENT": ("Job dating", "Forum de l'emploi", "Visite d'entreprise", "Petit-déjeuner partenaires"),
}
EXCHANGE_SUMMARIES = (
    "Échange constructif, prochaines étapes convenues.",
    "Trois profils proposés, retour attendu sous quinze jours.",
    "Besoin de recrutement confirmé pour le trimestre.",
    "Point d'étape sur les personnes accompagnées.",
    "Calendrier partagé, relance prévue le mois prochain.",
)

# Referral reasons and the partner types they go to.
REFERRAL_REASONS = (
    ("Inscription et accompagnement France Travail", ("FRANCE_TRAVAIL",)),
    ("Accompagnement jeune", ("MISSION_LOCALE", "E2C", "EPIDE")),
    ("Accompagnement renforcé PLIE", ("PLIE",)),
    ("Parcours d'insertion par l'activité économique", ("SIAE",)),
    ("Formation qualifiante", ("ORGANISME_FORMATION",)),
    ("Remise à niveau, français langue étrangère", ("ORGANISME_FORMATION", "ASSOCIATION")),
    ("Candidature sur une offre", ("ENTREPRISE",)),
    ("Immersion professionnelle (PMSMP)", ("ENTREPRISE",)),
    ("Aide à la mobilité, permis de conduire", ("ASSOCIATION",)),
    ("Solution de garde d'enfant", ("COLLECTIVITE",)),
    ("Accès aux droits, démarches administratives", ("COLLECTIVITE", "DEPARTEMENT", "ASSOCIATION")),
    ("Accompagnement emploi et handicap", ("CAP_EMPLOI",)),
)
STATUS_COMMENTS = {
    "ACCEPTEE": ("Rendez-vous fixé.", "Dossier accepté.", None, None),
    "REFUSEE": ("Profil ne correspondant pas aux prérequis.", "Plus de places disponibles.", None),
    "REALISEE": ("Entrée effective.", "A démarré.", None, None),
    "ABANDONNEE": ("La personne ne s'est pas présentée.", "Changement de projet.", None),
}

EVENT_NOTES = {
    "REPERAGE": ("Rencontre(e) lors d'une permanence au centre social.", "Repéré(e) en pied d'immeuble.",
                 "Orienté(e) par un voisin.", "Rencontre(e) au forum du quartier."),
    "ENTRETIEN": ("Point sur le projet professionnel.", "Mise à jour du CV.", "Préparation aux entretiens.",
                  None, None),
    "DIAGNOSTIC": ("Diagnostic partagé des freins et des atouts.", "Bilan des compétences acquises."),
    "ATELIER_COLLECTIF": ("Atelier CV et lettre de motivation.", "Atelier numérique.",
                          "Atelier codes de l'entreprise.", "Simulation d'entretien collectif."),
    "CONTACT": ("Appel de suivi.", "SMS de rappel de rendez-vous.", "Message laissé.", None, None),
    "EVENEMENT_ENTREPRISE": ("Job dating logistique.", "Visite d'entreprise.", "Forum de l'emploi."),
    "IMMERSION": ("Immersion de deux semaines.", "PMSMP concluante.", None),
    "AUTRE": ("Accompagnement à un rendez-vous.", None),
}
NOTES = (
    "Très motivé(e), disponible immédiatement.",
    "Souhaite travailler dans la logistique ou le commerce.",
    "A besoin d'un appui pour les démarches en ligne.",
    "Recherche un emploi à temps partiel compatible avec les horaires de l'école.",
    "Projet de formation aux métiers du soin à confirmer.",
    "Permis B en cours, code obtenu.",
    "Rendez-vous manqué, à relancer.",
    "Situation de logement à suivre avec le CCAS.",
)
PRIVATE_NOTES = (
    "Situation familiale difficile, à aborder avec tact.",
    "Ne pas appeler avant 10 h.",
    "Préfère être contacté(e) par SMS.",
)
SEASONS = ("Hiver", "Hiver", "Printemps", "Printemps", "Printemps", "Été", "Été", "Été",
           "Automne", "Automne", "Automne", "Hiver")  # by month, January first
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
NOTICE_VERSIONS = ("1.0", "1.1", "2.0")  # successive versions of the information notice

# Names heard in the neighbourhoods besides Faker's fr_FR lists (about a third of people).
FIRST_NAMES_F = ("Yasmine", "Aïcha", "Fatoumata", "Inès", "Nour", "Sarah", "Meryem", "Awa",
                 "Leïla", "Samira", "Mariam", "Chloé", "Kenza", "Salomé", "Naïma", "Hawa",
                 "Océane", "Zoé", "Lina", "Myriam", "Anaïs", "Soraya", "Djeneba", "Linh")
FIRST_NAMES_H = ("Mohamed", "Karim", "Moussa", "Mamadou", "Sofiane", "Rayan", "Yanis", "Bilal",
                 "Ibrahim", "Adama", "Mehdi", "Youssef", "Noël", "Théo", "Kévin", "Jérôme",
                 "Amadou", "Hakim", "Loïc", "Ryad", "Ousmane", "Anis", "Gaëtan", "Minh")
LAST_NAMES = ("Benali", "Diallo", "Traoré", "Haddad", "Nguyen", "Da Silva", "Mendy", "Koné",
              "Bouzid", "Cissé", "Ferreira", "Yılmaz", "Benhamou", "Camara", "Diop", "Mansouri",
              "Pereira", "Sow", "Belkacem", "Touré", "N'Diaye", "Ait Ahmed", "Le Gall", "Lefèvre",
              "Gómez", "Kaya", "Doucouré", "Chérif", "Rahmani", "Sylla", "Œuvrard", "Boërio")
# Landline prefixes by département, for partners' phones.
LANDLINE = {"93": ("01 48", "01 49"), "69": ("04 72", "04 78"), "59": ("03 20",), "30": ("04 66",)}
