"""What each kind of import can read: its columns, the field that checks each value, and the
usual French ways of writing each header (the first is the template's header)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from citesdesk.core.model import KINDS, Field
from citesdesk.core.text import fold_key

KINDS_FR = {"participants": "participants", "partners": "partenaires", "events": "étapes",
            "qpv": "liste des QPV"}
KINDS_EN = {"participants": "participants", "partners": "partners", "events": "journey steps",
            "qpv": "QPV list"}


@dataclass(frozen=True)
class Column:
    key: str  # the mapping target, e.g. "last_name", "cohort", "contact_phone"
    field: Field  # the declared field that checks the value
    table: str  # where the value goes (participant, enrollment, cohort, event, …)
    variants: tuple[str, ...]  # header variants, the canonical (template) one first

    @property
    def header(self) -> str:
        return self.variants[0]


def _f(kind: str, name: str) -> Field:
    return KINDS[kind].field(name)


def _text(name: str, fr: str, en: str, required: bool = False) -> Field:
    return Field(name, "text", fr, en, required=required)


_P = "participant"
_PERSON = {
    "last_name": ("Nom", "Nom de famille", "Nom d'usage", "Nom usuel", "Nom du participant",
                  "Nom du bénéficiaire", "Last name", "Surname"),
    "first_name": ("Prénom", "Prénoms", "Prénom du participant", "First name"),
    "birth_date": ("Date de naissance", "Né(e) le", "Né le", "Née le", "Date naissance",
                   "Naissance", "DDN", "Date of birth"),
    "ft_id": ("Identifiant France Travail", "N° France Travail", "Identifiant FT", "ID FT",
              "N° FT", "Numéro France Travail", "N° Pôle emploi", "Identifiant Pôle emploi",
              "Identifiant PE", "N° identifiant"),
    "ml_id": ("Identifiant Mission locale", "N° Mission locale", "ID ML", "Identifiant ML",
              "N° i-milo", "Identifiant i-milo"),
    "other_id": ("Autre identifiant", "N° dossier", "Numéro de dossier", "Référence dossier"),
}

_PARTICIPANT_VARIANTS = {
    **_PERSON,
    "birth_name": ("Nom de naissance", "Nom de jeune fille"),
    "genre": ("Genre", "Sexe", "Civilité", "Gender"),
    "phone": ("Téléphone", "Tél.", "Tel", "Tél", "Portable", "Mobile", "Téléphone portable",
              "N° de téléphone", "Numéro de téléphone", "GSM"),
    "email": ("Courriel", "Mail", "E-mail", "Email", "Adresse mail", "Adresse e-mail",
              "Adresse électronique", "Mél"),
    "address": ("Adresse", "Adresse postale", "Rue"),
    "postcode": ("Code postal", "CP", "C.P."),
    "commune": ("Commune", "Ville", "Localité", "Commune de résidence"),
    "resident_qpv": ("Résident d'un QPV", "Résident QPV", "Habite un QPV", "Résidence QPV"),
    "code_qpv": ("Code QPV", "QPV", "Quartier", "Quartier prioritaire", "Code quartier"),
    "niveau_formation": ("Niveau de formation", "Niveau", "Niveau d'études", "Niveau scolaire",
                         "Diplôme"),
    "situation_entree": ("Situation à l'entrée", "Situation", "Situation à l'inscription"),
    "anciennete_inscription": ("Ancienneté d'inscription à France Travail",
                               "Ancienneté d'inscription", "Ancienneté FT",
                               "Ancienneté Pôle emploi", "Ancienneté"),
    "connu_spe": ("Connu du service public de l'emploi", "Connu du SPE", "Connu SPE"),
    "brsa": ("Bénéficiaire du RSA", "BRSA", "RSA"),
    "ass": ("ASS", "Bénéficiaire de l'ASS"),
    "aah": ("AAH", "Bénéficiaire de l'AAH"),
    "rqth": ("RQTH", "Travailleur handicapé"),
    "freins": ("Freins périphériques", "Freins", "Freins à l'emploi"),
    "referent": ("Référent·e", "Référent", "Référente", "Conseiller", "Conseillère",
                 "Référent de parcours"),
    "info_notice_date": ("Notice d'information remise le", "Date de la notice",
                         "Date d'information"),
    "info_notice_version": ("Version de la notice",),
    "info_notice_channel": ("Canal de la notice", "Canal d'information"),
    "opposition_evaluation": ("S'oppose à l'évaluation nationale", "Opposition à l'évaluation",
                              "Opposition"),
    "opposition_date": ("Date de l'opposition",),
}

_ENROLLMENT_VARIANTS = {
    "cohort": ("Cohorte", "Nom de la cohorte", "Promotion", "Groupe"),
    "date_entree": ("Date d'entrée", "Date entrée", "Entrée", "Entrée le",
                    "Date d'entrée en cohorte", "Date d'inscription"),
    "date_sortie": ("Date de sortie", "Date sortie", "Sortie", "Sortie le"),
    "motif_sortie": ("Motif de sortie", "Motif sortie", "Type de sortie", "Motif"),
}

_EVENT_VARIANTS = {
    "type": ("Type d'étape", "Étape", "Type", "Action", "Événement", "Type d'action"),
    "date": ("Date", "Date de l'étape", "Date de l'action", "Le"),
    "partner": ("Partenaire", "Structure", "Organisme", "Prescripteur"),
    "code_contrat": ("Type de contrat", "Contrat", "Code contrat"),
    "code_frein": ("Frein levé", "Frein", "Code frein"),
    "note": ("Commentaire", "Note", "Observations", "Remarque", "Commentaires"),
}

_PARTNER_VARIANTS = {
    "name": ("Structure", "Nom de la structure", "Organisme", "Raison sociale", "Partenaire",
             "Nom du partenaire", "Nom"),
    "type": ("Type de partenaire", "Type", "Catégorie", "Type de structure"),
    "siret": ("SIRET", "N° SIRET", "Numéro SIRET"),
    "address": ("Adresse", "Adresse postale"),
    "postcode": ("Code postal", "CP"),
    "commune": ("Commune", "Ville"),
    "website": ("Site web", "Site internet", "Site"),
    "phone": ("Téléphone de la structure", "Standard", "Téléphone standard"),
    "email": ("Courriel de la structure", "Mail de la structure", "Courriel générique"),
    "notes": ("Notes", "Observations"),
    "contact_last_name": ("Nom du contact", "Nom contact", "Contact", "Interlocuteur",
                          "Nom de l'interlocuteur", "Nom"),
    "contact_first_name": ("Prénom du contact", "Prénom contact", "Prénom"),
    "contact_role": ("Fonction", "Poste", "Rôle", "Fonction du contact"),
    "contact_phone": ("Téléphone du contact", "Téléphone", "Tél.", "Tel", "Portable", "Mobile"),
    "contact_email": ("Courriel du contact", "Courriel", "Mail", "E-mail", "Email"),
}

_QPV_VARIANTS = {
    "code": ("code_qp", "Code QP", "Code QPV", "Code", "code_qpv"),
    "name": ("lib_qp", "Nom du quartier", "Libellé du quartier", "Quartier", "libelle"),
    "insee_com": ("insee_com", "Code INSEE", "Code commune", "INSEE", "insee_communes"),
    "commune": ("lib_com", "Commune", "Libellé commune", "communes"),
}


def _columns(kind: str) -> tuple[Column, ...]:
    out: list[Column] = []
    if kind == "participants":
        for name, variants in _PARTICIPANT_VARIANTS.items():
            out.append(Column(name, _f(_P, name), _P, variants))
        out.append(Column("cohort", _text("cohort", "Cohorte", "Cohort"), "cohort",
                          _ENROLLMENT_VARIANTS["cohort"]))
        for name in ("date_entree", "date_sortie", "motif_sortie"):
            f = _f("enrollment", name)
            out.append(Column(name, Field(f.name, f.type, f.fr, f.en, codelist=f.codelist),
                              "enrollment", _ENROLLMENT_VARIANTS[name]))
    elif kind == "events":
        for name, variants in _PERSON.items():
            f = _f(_P, name)
            out.append(Column(name, Field(f.name, f.type, f.fr, f.en), "lookup", variants))
        for name, variants in _EVENT_VARIANTS.items():
            if name == "partner":
                f = _text("partner", "Partenaire", "Partner")
            else:
                f = _f("event", name)
            out.append(Column(name, f, "event", variants))
    elif kind == "partners":
        for name, variants in _PARTNER_VARIANTS.items():
            if name.startswith("contact_"):
                f = _f("partner_contact", name[len("contact_"):])
                f = Field(name, f.type, f.fr + " du contact", f.en + " (contact)")
                out.append(Column(name, f, "partner_contact", variants))
            else:
                out.append(Column(name, _f("partner", name), "partner", variants))
    elif kind == "qpv":
        labels = {"code": ("Code QPV", "QPV code"), "name": ("Nom du quartier", "Area name"),
                  "insee_com": ("Code INSEE", "INSEE code"), "commune": ("Commune", "Town")}
        for name, variants in _QPV_VARIANTS.items():
            fr, en = labels[name]
            out.append(Column(name, _text(name, fr, en, required=name in ("code", "name")),
                              "qpv", variants))
    else:
        raise KeyError(kind)
    return tuple(out)


COLUMNS: dict[str, tuple[Column, ...]] = {k: _columns(k) for k in KINDS_FR}


def column(kind: str, key: str) -> Column:
    for c in COLUMNS[kind]:
        if c.key == key:
            return c
    raise KeyError(f"{kind}: no column {key!r}")


def header_key(text: object) -> str:
    """A header as compared: no case, accents, punctuation, spaces or parenthesised hints."""
    raw = "" if text is None else str(text)
    raw = re.sub(r"\([^)]*\)\s*$", "", raw) if not raw.strip().startswith("(") else raw
    return fold_key(raw) or fold_key(text)


#: kind -> {header key: [(priority, column key)]}
VARIANT_INDEX: dict[str, dict[str, list[tuple[int, str]]]] = {}
for _kind, _cols in COLUMNS.items():
    index: dict[str, list[tuple[int, str]]] = {}
    for _c in _cols:
        for _i, _v in enumerate(_c.variants):
            index.setdefault(header_key(_v), []).append((_i, _c.key))
    for _choices in index.values():
        _choices.sort()
    VARIANT_INDEX[_kind] = index
