"""The code lists of ``docs/design/CODES.md``: one source of truth for every coded field.

Codes are stable ASCII identifiers stored in the database and written to exports and
bundles; labels are what people read. A lookup accepts the code or the French or English
label, ignoring case, accents and surrounding spaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from citesdesk.core.text import fold


@dataclass(frozen=True)
class Code:
    code: str
    fr: str
    en: str
    group: str | None = None

    def label(self, lang: str = "fr") -> str:
        return self.en if lang == "en" else self.fr


@dataclass(frozen=True)
class CodeList:
    name: str
    title_fr: str
    title_en: str
    codes: tuple[Code, ...]
    _index: dict[str, Code] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for c in self.codes:
            for key in (c.code, c.fr, c.en):
                self._index.setdefault(fold(key), c)

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def __contains__(self, code: object) -> bool:
        return any(c.code == code for c in self.codes)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.codes)

    def get(self, code: str) -> Code:
        """The entry of an exact code; ``KeyError`` if there is none."""
        for c in self.codes:
            if c.code == code:
                return c
        raise KeyError(f"{self.name}: unknown code {code!r}")

    def lookup(self, text: str | None) -> Code | None:
        """The entry whose code or label matches ``text`` (case, accents, spaces ignored)."""
        if text is None:
            return None
        return self._index.get(fold(text))

    def label(self, code: str | None, lang: str = "fr") -> str:
        if not code:
            return ""
        try:
            return self.get(code).label(lang)
        except KeyError:
            return code

    def group_of(self, code: str | None) -> str | None:
        if not code:
            return None
        try:
            return self.get(code).group
        except KeyError:
            return None

    def codes_in_group(self, group: str) -> tuple[str, ...]:
        return tuple(c.code for c in self.codes if c.group == group)


def _list(name: str, fr: str, en: str, *rows: tuple) -> CodeList:
    return CodeList(name, fr, en, tuple(Code(*row) for row in rows))


NR = ("NR", "Non renseigné", "Not stated")

GENRE = _list(
    "genre", "Genre", "Gender",
    ("F", "Femme", "Woman"),
    ("H", "Homme", "Man"),
    ("X", "Non-binaire", "Non-binary"),
    NR,
)

NIVEAU_FORMATION = _list(
    "niveau_formation", "Niveau de formation", "Education level",
    ("AFS", "Aucune formation scolaire", "No schooling", "INFRA_BAC"),
    ("CP4", "Primaire à 4e", "Primary school to year 8", "INFRA_BAC"),
    ("CFG", "Certificat de formation générale", "General education certificate", "INFRA_BAC"),
    ("C3A", "3e", "Year 9", "INFRA_BAC"),
    ("C12", "Seconde ou première", "Year 10 or 11", "INFRA_BAC"),
    ("NV5", "CAP, BEP", "Vocational certificate (CAP, BEP)", "INFRA_BAC"),
    ("NV4", "Bac", "Baccalauréat", "BAC"),
    ("NV3", "Bac+2", "Two years of higher education", "SUP"),
    ("NV2", "Bac+3 ou 4", "Three or four years of higher education", "SUP"),
    ("NV1", "Bac+5 et plus", "Five years of higher education or more", "SUP"),
    NR + ("NR",),
)

GROUPE_NIVEAU = _list(
    "groupe_niveau", "Groupe de niveau", "Level group",
    ("INFRA_BAC", "Infra-bac", "Below baccalauréat"),
    ("BAC", "Bac", "Baccalauréat"),
    ("SUP", "Supérieur au bac", "Higher education"),
    NR,
)

SITUATION_ENTREE = _list(
    "situation_entree", "Situation à l'entrée", "Situation at entry",
    ("DE_INSCRIT", "Demandeur d'emploi inscrit à France Travail",
     "Jobseeker registered with France Travail"),
    ("SANS_EMPLOI_NON_INSCRIT", "Sans emploi, non inscrit", "Unemployed, not registered"),
    ("EMPLOI_PRECAIRE", "En emploi précaire", "In precarious employment"),
    ("FORMATION", "En formation", "In training"),
    ("INACTIF", "Inactif", "Inactive"),
    NR,
)

ANCIENNETE_INSCRIPTION = _list(
    "anciennete_inscription", "Ancienneté d'inscription à France Travail",
    "Time registered with France Travail",
    ("M6", "Moins de 6 mois", "Less than 6 months"),
    ("M6_11", "6 à 11 mois", "6 to 11 months"),
    ("M12_23", "12 à 23 mois", "12 to 23 months", "DELD"),
    ("M24P", "24 mois et plus", "24 months or more", "DELD"),
    NR,
)

FREIN = _list(
    "frein", "Frein périphérique", "Barrier to employment",
    ("MOBILITE", "Mobilité", "Mobility"),
    ("GARDE_ENFANT", "Garde d'enfant", "Childcare"),
    ("LANGUE", "Langue", "Language"),
    ("LOGEMENT", "Logement", "Housing"),
    ("SANTE", "Santé", "Health"),
    ("NUMERIQUE", "Numérique", "Digital skills"),
    ("ADMINISTRATIF", "Administratif", "Paperwork"),
    ("FINANCIER", "Financier", "Money"),
    ("JUSTICE", "Justice", "Justice"),
)

CANAL_INFORMATION = _list(
    "canal_information", "Canal de l'information", "How the notice was given",
    ("ECRIT", "Écrit", "In writing"),
    ("ORAL", "Oral", "Orally"),
)

MOTIF_SORTIE = _list(
    "motif_sortie", "Motif de sortie", "Exit reason",
    ("CDI", "CDI", "Permanent contract (CDI)", "EMPLOI_DURABLE"),
    ("CDD_6P", "CDD de 6 mois et plus", "Fixed-term contract of 6 months or more",
     "EMPLOI_DURABLE"),
    ("INTERIM_6P", "Intérim de 6 mois et plus", "Temporary work of 6 months or more",
     "EMPLOI_DURABLE"),
    ("CREATION", "Création d'entreprise", "Business creation", "EMPLOI_DURABLE"),
    ("FONCTION_PUBLIQUE", "Fonction publique", "Civil service", "EMPLOI_DURABLE"),
    ("ALTERNANCE", "Alternance", "Work-study contract", "EMPLOI_DURABLE"),
    ("CDD_6M", "CDD de moins de 6 mois", "Fixed-term contract under 6 months",
     "EMPLOI_TRANSITION"),
    ("INTERIM_6M", "Intérim de moins de 6 mois", "Temporary work under 6 months",
     "EMPLOI_TRANSITION"),
    ("CONTRAT_AIDE", "Contrat aidé", "Subsidised contract", "EMPLOI_TRANSITION"),
    ("IAE", "Embauche en structure d'insertion", "Hired by a work-integration enterprise",
     "EMPLOI_TRANSITION"),
    ("FORMATION_QUALIFIANTE", "Formation qualifiante", "Qualifying training", "FORMATION"),
    ("FORMATION_PREQUALIFIANTE", "Formation préqualifiante", "Pre-qualifying training",
     "FORMATION"),
    ("RELAIS_DROIT_COMMUN", "Accompagnement repris par le droit commun",
     "Support taken over by mainstream services", "DROIT_COMMUN"),
    ("DEMENAGEMENT", "Déménagement", "Moved away", "AUTRE"),
    ("ABANDON", "Abandon", "Dropped out", "AUTRE"),
    ("SANS_NOUVELLES", "Sans nouvelles", "No news", "AUTRE"),
    ("SANTE", "Santé", "Health", "AUTRE"),
    ("AUTRE", "Autre", "Other", "AUTRE"),
)

GROUPE_SORTIE = _list(
    "groupe_sortie", "Groupe de sortie", "Exit group",
    ("EMPLOI_DURABLE", "Emploi durable", "Lasting employment"),
    ("EMPLOI_TRANSITION", "Emploi de transition", "Transitional employment"),
    ("FORMATION", "Formation", "Training"),
    ("DROIT_COMMUN", "Droit commun", "Mainstream services"),
    ("AUTRE", "Autre", "Other"),
)

#: Exit groups that make a *sortie dynamique*.
SORTIES_DYNAMIQUES = ("EMPLOI_DURABLE", "EMPLOI_TRANSITION", "FORMATION")

TYPE_EVENEMENT = _list(
    "type_evenement", "Étape du parcours", "Journey step",
    ("REPERAGE", "Repérage / aller-vers", "Outreach"),
    ("ENTRETIEN", "Entretien individuel", "One-to-one interview"),
    ("DIAGNOSTIC", "Diagnostic", "Assessment"),
    ("ATELIER_COLLECTIF", "Atelier collectif", "Group workshop"),
    ("IMMERSION", "Immersion (PMSMP)", "Work placement (PMSMP)"),
    ("FORMATION_DEBUT", "Début de formation", "Training starts"),
    ("FORMATION_FIN", "Fin de formation", "Training ends"),
    ("EMPLOI_DEBUT", "Début d'emploi", "Job starts"),
    ("EMPLOI_FIN", "Fin d'emploi", "Job ends"),
    ("LEVEE_FREIN", "Levée de frein", "Barrier removed"),
    ("EVENEMENT_ENTREPRISE", "Job dating, visite, forum", "Job fair, company visit"),
    ("CONTACT", "Appel, message", "Call, message"),
    ("AUTRE", "Autre", "Other"),
)

#: Event fields that belong to one journey step type only: a contract type is given for a
#: job start, a barrier for a removed barrier. The one home of this rule (validation, the
#: journey service and the event dialog read it).
EVENT_FIELD_TYPE: dict[str, str] = {"code_contrat": "EMPLOI_DEBUT", "code_frein": "LEVEE_FREIN"}


def event_field_applies(field: str, event_type: str | None) -> bool:
    """Whether ``field`` of an event may hold a value for a step of ``event_type``."""
    return EVENT_FIELD_TYPE.get(field, event_type) == event_type


CODE_CONTRAT = _list(
    "code_contrat", "Type de contrat", "Contract type",
    ("CDI", "CDI", "Permanent contract (CDI)"),
    ("CDD_6P", "CDD de 6 mois et plus", "Fixed-term contract of 6 months or more"),
    ("CDD_6M", "CDD de moins de 6 mois", "Fixed-term contract under 6 months"),
    ("INTERIM_6P", "Intérim de 6 mois et plus", "Temporary work of 6 months or more"),
    ("INTERIM_6M", "Intérim de moins de 6 mois", "Temporary work under 6 months"),
    ("CONTRAT_AIDE", "Contrat aidé", "Subsidised contract"),
    ("IAE", "Embauche en structure d'insertion", "Hired by a work-integration enterprise"),
    ("ALTERNANCE", "Alternance", "Work-study contract"),
    ("CREATION", "Création d'entreprise", "Business creation"),
    ("FONCTION_PUBLIQUE", "Fonction publique", "Civil service"),
)

TYPE_PARTENAIRE = _list(
    "type_partenaire", "Type de partenaire", "Partner type",
    ("FRANCE_TRAVAIL", "France Travail", "France Travail"),
    ("MISSION_LOCALE", "Mission locale", "Mission locale (youth service)"),
    ("CAP_EMPLOI", "Cap emploi", "Cap emploi (disability service)"),
    ("PLIE", "PLIE", "PLIE (local employment plan)"),
    ("SIAE", "SIAE", "Work-integration enterprise (SIAE)"),
    ("EPIDE", "EPIDE", "EPIDE"),
    ("E2C", "École de la 2e chance", "Second-chance school (E2C)"),
    ("ENTREPRISE", "Entreprise", "Employer"),
    ("ORGANISME_FORMATION", "Organisme de formation", "Training provider"),
    ("ASSOCIATION", "Association", "Association"),
    ("COLLECTIVITE", "Collectivité (commune, EPCI, CCAS)", "Local authority (commune, EPCI, CCAS)"),
    ("DEPARTEMENT", "Département", "Département"),
    ("ETAT", "État (préfecture, DDETS)", "State (prefecture, DDETS)"),
    ("AUTRE", "Autre", "Other"),
)

TYPE_ECHANGE = _list(
    "type_echange", "Type d'échange", "Exchange type",
    ("REUNION", "Réunion", "Meeting"),
    ("APPEL", "Appel", "Call"),
    ("COURRIEL", "Courriel", "E-mail"),
    ("EVENEMENT", "Événement", "Event"),
)

STATUT_ORIENTATION = _list(
    "statut_orientation", "Statut de l'orientation", "Referral status",
    ("PROPOSEE", "Proposée", "Proposed"),
    ("ACCEPTEE", "Acceptée", "Accepted"),
    ("REFUSEE", "Refusée", "Refused"),
    ("REALISEE", "Réalisée", "Started"),
    ("ABANDONNEE", "Abandonnée", "Abandoned"),
)

#: The referral workflow: which status may follow which.
TRANSITIONS_ORIENTATION: dict[str, tuple[str, ...]] = {
    "PROPOSEE": ("ACCEPTEE", "REFUSEE", "ABANDONNEE"),
    "ACCEPTEE": ("REALISEE", "ABANDONNEE"),
    "REFUSEE": (),
    "REALISEE": (),
    "ABANDONNEE": (),
}

#: A referral still ``PROPOSEE`` after this many days is overdue.
ORIENTATION_DELAI_JOURS = 15

#: Boolean fields of a participant (``docs/design/CODES.md``), with their labels.
BOOLEENS = _list(
    "booleens", "Statuts", "Statuses",
    ("connu_spe", "Connu du service public de l'emploi à l'entrée",
     "Known to the public employment services at entry"),
    ("brsa", "Bénéficiaire du RSA (BRSA)", "Receives RSA (BRSA)"),
    ("ass", "Allocation de solidarité spécifique (ASS)", "Receives ASS"),
    ("aah", "Allocation aux adultes handicapés (AAH)", "Receives AAH"),
    ("rqth", "Reconnaissance de la qualité de travailleur handicapé (RQTH)",
     "Recognised disabled worker (RQTH)"),
    ("resident_qpv", "Résident d'un QPV", "Lives in a QPV"),
)

#: Every list by name, for generic code (validation, import, export).
ALL: dict[str, CodeList] = {
    cl.name: cl
    for cl in (
        GENRE, NIVEAU_FORMATION, GROUPE_NIVEAU, SITUATION_ENTREE, ANCIENNETE_INSCRIPTION,
        FREIN, CANAL_INFORMATION, MOTIF_SORTIE, GROUPE_SORTIE, TYPE_EVENEMENT, CODE_CONTRAT,
        TYPE_PARTENAIRE, TYPE_ECHANGE, STATUT_ORIENTATION,
    )
}


def groupe_niveau(niveau: str | None) -> str:
    """Level group (``INFRA_BAC``, ``BAC``, ``SUP``, ``NR``) of a ``niveau_formation``."""
    return NIVEAU_FORMATION.group_of(niveau) or "NR"


def groupe_sortie(motif: str | None) -> str | None:
    """Exit group of a ``motif_sortie``, ``None`` when there is no exit."""
    return MOTIF_SORTIE.group_of(motif)


def est_deld(anciennete: str | None) -> bool:
    """Long-term jobseeker (*DELD*): registered 12 months or more."""
    return ANCIENNETE_INSCRIPTION.group_of(anciennete) == "DELD"


def est_sortie_dynamique(motif: str | None) -> bool:
    return groupe_sortie(motif) in SORTIES_DYNAMIQUES


def freins_from_text(text: str | None) -> tuple[str, ...]:
    """Barrier codes stored as ``"MOBILITE|LANGUE"`` back to a tuple."""
    if not text:
        return ()
    return tuple(part for part in text.split("|") if part)


def freins_to_text(codes) -> str:
    """Barrier codes in the order of the code list, joined by ``|`` (as stored and exported)."""
    chosen = set(codes or ())
    return "|".join(c.code for c in FREIN if c.code in chosen)
