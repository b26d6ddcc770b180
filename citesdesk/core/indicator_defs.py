"""The indicator codes of ``docs/design/INDICATORS.md``, in their order, with labels and definitions.

Only declarations live here; :mod:`citesdesk.core.indicators` computes them. The French
definitions fill the ``Définitions`` sheet of the quarterly workbook.
"""

from __future__ import annotations

from dataclasses import dataclass

from citesdesk.core import codes


@dataclass(frozen=True)
class Indicator:
    code: str
    fr: str
    en: str
    definition_fr: str
    definition_en: str
    #: ``P`` stock of participants, ``E`` entries, ``S`` exits, ``TX`` rate,
    #: ``A`` events, ``O`` referrals, ``N`` partners.
    family: str
    #: What :func:`records_behind` returns for it.
    record_kind: str

    @property
    def is_rate(self) -> bool:
        return self.family == "TX"

    @property
    def per_cohort(self) -> bool:
        """Shown per cohort (``Par cohorte``): the ``P_``, ``E_`` and ``S_`` rows."""
        return self.family in ("P", "E", "S")

    def label(self, lang: str = "fr") -> str:
        return self.en if lang == "en" else self.fr

    def definition(self, lang: str = "fr") -> str:
        return self.definition_en if lang == "en" else self.definition_fr


_ACTIVE_FR = ("Participants distincts ayant au moins une inscription en cours pendant le "
              "trimestre (entrée au plus tard le dernier jour, sortie vide ou au plus tôt le "
              "premier jour)")
_ACTIVE_EN = ("Distinct participants with at least one enrollment running during the quarter "
              "(entry on or before its last day, no exit or exit on or after its first day)")
_CUMUL_P_FR = ("Cumul : participants distincts entrés au moins une fois jusqu'au dernier jour "
               "du trimestre.")
_CUMUL_P_EN = "Cumulative: distinct participants who ever entered up to the quarter's last day."

#: Breakdowns of the stock of active participants: suffix, French and English words.
P_BREAKDOWNS: tuple[tuple[str, str, str], ...] = (
    ("F", "femmes (genre F)", "women (gender F)"),
    ("H", "hommes (genre H)", "men (gender H)"),
    ("X", "personnes non binaires (genre X)", "non-binary people (gender X)"),
    ("GNR", "genre non renseigné", "gender not stated"),
    ("M26", "âgés de moins de 26 ans à la première entrée",
     "aged under 26 at first entry"),
    ("26_49", "âgés de 26 à 49 ans à la première entrée", "aged 26 to 49 at first entry"),
    ("50P", "âgés de 50 ans et plus à la première entrée", "aged 50 or more at first entry"),
    ("ANR", "dont la date de naissance est inconnue", "whose date of birth is unknown"),
    ("QPV", "résidents d'un QPV", "living in a QPV"),
    ("INVISIBLES", "non connus du service public de l'emploi à l'entrée (publics invisibles)",
     "not known to the public employment services at entry (invisible publics)"),
    ("BRSA", "bénéficiaires du RSA", "receiving RSA"),
    ("DELD", "demandeurs d'emploi inscrits depuis 12 mois ou plus (DELD)",
     "registered jobseekers for 12 months or more (DELD)"),
    ("RQTH", "ayant une RQTH", "with an RQTH"),
    ("INFRA_BAC", "de niveau infra-bac", "below baccalauréat level"),
    ("BAC", "de niveau bac", "at baccalauréat level"),
    ("SUP", "de niveau supérieur au bac", "with higher education"),
    ("NNR", "dont le niveau de formation n'est pas renseigné", "whose education level is not stated"),
)
E_BREAKDOWNS = ("F", "H", "M26", "QPV", "INVISIBLES")

#: Event types counted by each activity indicator.
A_TYPES: dict[str, tuple[str, ...]] = {
    "A_ENTRETIENS": ("ENTRETIEN", "DIAGNOSTIC"),
    "A_ATELIERS": ("ATELIER_COLLECTIF",),
    "A_IMMERSIONS": ("IMMERSION",),
    "A_EVENEMENTS_ENTREPRISE": ("EVENEMENT_ENTREPRISE",),
    "A_LEVEES_FREINS": ("LEVEE_FREIN",),
}

#: Exit groups of ``docs/design/CODES.md`` with their indicator code.
S_GROUPS: dict[str, str] = {
    "S_EMPLOI_DURABLE": "EMPLOI_DURABLE",
    "S_EMPLOI_TRANSITION": "EMPLOI_TRANSITION",
    "S_FORMATION": "FORMATION",
    "S_DROIT_COMMUN": "DROIT_COMMUN",
    "S_AUTRE": "AUTRE",
}


def _build() -> tuple[Indicator, ...]:
    out: list[Indicator] = []

    def add(code, fr, en, dfr, den, family, kind):
        out.append(Indicator(code, fr, en, dfr, den, family, kind))

    add("P_ACTIFS", "Participants actifs", "Active participants",
        f"{_ACTIVE_FR}. {_CUMUL_P_FR}", f"{_ACTIVE_EN}. {_CUMUL_P_EN}", "P", "participant")
    for suffix, fr, en in P_BREAKDOWNS:
        add(f"P_ACTIFS_{suffix}", f"Participants actifs {fr}", f"Active participants {en}",
            f"Participants actifs {fr}, selon la fiche telle qu'enregistrée aujourd'hui. "
            f"{_CUMUL_P_FR}",
            f"Active participants {en}, as their record stands now. {_CUMUL_P_EN}",
            "P", "participant")
    entry_fr = ("Inscriptions dont la date d'entrée tombe dans le trimestre (une personne "
                "entrée deux fois compte deux fois)")
    entry_en = ("Enrollments whose entry date falls in the quarter (a person who entered "
                "twice counts twice)")
    cumul_fr = "Cumul : même compte jusqu'au dernier jour du trimestre."
    cumul_en = "Cumulative: the same count up to the quarter's last day."
    add("E_ENTREES", "Entrées", "Entries", f"{entry_fr}. {cumul_fr}", f"{entry_en}. {cumul_en}",
        "E", "enrollment")
    words = {s: (fr, en) for s, fr, en in P_BREAKDOWNS}
    for suffix in E_BREAKDOWNS:
        fr, en = words[suffix]
        add(f"E_ENTREES_{suffix}", f"Entrées de participants {fr}", f"Entries of participants {en}",
            f"{entry_fr}, pour les participants {fr}. {cumul_fr}",
            f"{entry_en}, for participants {en}. {cumul_en}", "E", "enrollment")
    exit_fr = "Inscriptions dont la date de sortie tombe dans le trimestre"
    exit_en = "Enrollments whose exit date falls in the quarter"
    add("S_SORTIES", "Sorties", "Exits", f"{exit_fr}, quel qu'en soit le motif. {cumul_fr}",
        f"{exit_en}, whatever the reason. {cumul_en}", "S", "enrollment")
    for code, group in S_GROUPS.items():
        motifs = ", ".join(codes.MOTIF_SORTIE.codes_in_group(group))
        fr = codes.GROUPE_SORTIE.label(group, "fr")
        en = codes.GROUPE_SORTIE.label(group, "en")
        extra_fr = " (ou sans motif enregistré)" if group == "AUTRE" else ""
        extra_en = " (or with no reason recorded)" if group == "AUTRE" else ""
        add(code, f"Sorties vers : {fr.lower()}", f"Exits to: {en.lower()}",
            f"{exit_fr}, avec un motif du groupe « {fr} » : {motifs}{extra_fr}. {cumul_fr}",
            f"{exit_en}, with a reason of the group '{en}': {motifs}{extra_en}. {cumul_en}",
            "S", "enrollment")
    add("S_DYNAMIQUES", "Sorties dynamiques", "Positive exits",
        "S_EMPLOI_DURABLE + S_EMPLOI_TRANSITION + S_FORMATION. " + cumul_fr,
        "S_EMPLOI_DURABLE + S_EMPLOI_TRANSITION + S_FORMATION. " + cumul_en, "S", "enrollment")
    add("TX_SORTIES_DYNAMIQUES", "Taux de sorties dynamiques", "Positive exit rate",
        "S_DYNAMIQUES / S_SORTIES, entre 0 et 100 % ; vide quand il n'y a aucune sortie. "
        "Cumul : le même rapport sur les sorties jusqu'au dernier jour du trimestre.",
        "S_DYNAMIQUES / S_SORTIES, between 0 and 100 %; empty when there is no exit. "
        "Cumulative: the same ratio over exits up to the quarter's last day.", "TX", "enrollment")
    a_labels = {
        "A_ENTRETIENS": ("Entretiens individuels et diagnostics", "Interviews and assessments"),
        "A_ATELIERS": ("Ateliers collectifs", "Group workshops"),
        "A_IMMERSIONS": ("Immersions (PMSMP)", "Work placements (PMSMP)"),
        "A_EVENEMENTS_ENTREPRISE": ("Événements entreprise (job dating, visite, forum)",
                                    "Employer events (job fair, visit)"),
        "A_LEVEES_FREINS": ("Levées de freins", "Barriers removed"),
    }
    for code, types in A_TYPES.items():
        fr, en = a_labels[code]
        names = ", ".join(types)
        add(code, fr, en,
            f"Étapes de parcours de type {names} datées dans le trimestre, pour tout participant "
            f"(inscrit ou non). {cumul_fr}",
            f"Journey steps of type {names} dated in the quarter, for any participant "
            f"(enrolled or not). {cumul_en}", "A", "event")
    add("O_ORIENTATIONS", "Orientations", "Referrals",
        f"Orientations dont la date (création) tombe dans le trimestre. {cumul_fr}",
        f"Referrals dated (created) in the quarter. {cumul_en}", "O", "referral")
    for t in codes.TYPE_PARTENAIRE:
        add(f"O_ORIENTATIONS_{t.code}", f"Orientations vers : {t.fr}", f"Referrals to: {t.en}",
            f"Orientations créées dans le trimestre vers un partenaire de type {t.code} "
            f"({t.fr}). {cumul_fr}",
            f"Referrals created in the quarter to a partner of type {t.code} ({t.en}). "
            f"{cumul_en}", "O", "referral")
    add("O_REALISEES", "Orientations réalisées", "Referrals started",
        f"Orientations dont le passage au statut REALISEE est daté dans le trimestre. {cumul_fr}",
        f"Referrals whose move to REALISEE is dated in the quarter. {cumul_en}", "O", "referral")
    days = codes.ORIENTATION_DELAI_JOURS
    add("O_EN_RETARD", "Orientations en retard", "Overdue referrals",
        f"Orientations encore au statut PROPOSEE le dernier jour du trimestre et créées plus de "
        f"{days} jours avant ce jour. C'est un état à une date : le cumul est égal à la valeur "
        "du trimestre.",
        f"Referrals still PROPOSEE on the quarter's last day and created more than {days} days "
        "before it. A state on a date: the cumulative value equals the quarter's.",
        "O", "referral")
    add("N_PARTENAIRES_MOBILISES", "Partenaires mobilisés", "Partners involved",
        "Partenaires distincts ayant reçu une orientation créée dans le trimestre ou liés à une "
        "étape de parcours datée dans le trimestre. Cumul : partenaires distincts mobilisés "
        "au moins une fois jusqu'au dernier jour du trimestre.",
        "Distinct partners with a referral created, or a journey step linked to them, in the "
        "quarter. Cumulative: distinct partners involved at least once up to the quarter's "
        "last day.", "N", "partner")
    return tuple(out)


#: Every indicator, in the order of ``docs/design/INDICATORS.md`` (the order of the workbook rows).
INDICATORS: tuple[Indicator, ...] = _build()
BY_CODE: dict[str, Indicator] = {i.code: i for i in INDICATORS}
CODES: tuple[str, ...] = tuple(i.code for i in INDICATORS)
#: The key numbers shown first (preview, dashboard).
KEY_CODES = ("P_ACTIFS", "E_ENTREES", "S_SORTIES", "TX_SORTIES_DYNAMIQUES", "O_EN_RETARD")


def indicator(code: str) -> Indicator:
    try:
        return BY_CODE[code]
    except KeyError:
        raise KeyError(f"unknown indicator code {code!r}") from None
