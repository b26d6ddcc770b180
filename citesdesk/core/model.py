"""The kinds of record and their fields, declared once.

Validation, the audit log, the forms, imports and exports read these declarations; the
schema itself lives in :mod:`citesdesk.core.schema` (migrations never change once
released, declarations follow the latest schema).

Field types:
``text`` short text · ``longtext`` free text (the audit says "modified", never the text) ·
``date`` ISO date · ``bool`` · ``int`` · ``code`` one code of ``codes.ALL[codelist]`` ·
``codes`` several codes joined by ``|`` · ``ref`` the id of a record of ``ref`` kind ·
``phone`` · ``email`` · ``siret`` · ``postcode`` · ``qpv`` QPV code · ``departement`` ·
``url`` · ``list`` names joined by ``|``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    fr: str
    en: str
    required: bool = False
    codelist: str | None = None
    ref: str | None = None
    #: Personal data about a participant (left out of pseudonymised outputs).
    personal: bool = False
    #: Health data (RQTH): aggregated only, never exported per person.
    health: bool = False
    default: object = None


@dataclass(frozen=True)
class Kind:
    name: str  # the table
    fr: str
    en: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def F(name, type_, fr, en, **kw) -> Field:  # noqa: N802 - a short constructor for tables
    return Field(name, type_, fr, en, **kw)


SITE = Kind("site", "Site", "Site", (
    F("name", "text", "Nom du site", "Site name", required=True),
    F("site_code", "text", "Code du site", "Site code", required=True),
    F("departement", "departement", "Département", "Département"),
    F("qpv_codes", "list", "QPV couverts", "QPVs covered", default=""),
    F("coordinators", "list", "Coordinateur·rices", "Coordinators", default=""),
))

COHORT = Kind("cohort", "Cohorte", "Cohort", (
    F("name", "text", "Nom", "Name", required=True),
    F("start_date", "date", "Date de début", "Start date"),
    F("end_date", "date", "Date de fin", "End date"),
    F("target", "int", "Objectif (participants)", "Target (participants)"),
    F("referent", "text", "Référent·e", "Referent"),
    F("description", "longtext", "Description", "Description"),
))

PARTICIPANT = Kind("participant", "Participant", "Participant", (
    F("last_name", "text", "Nom", "Last name", required=True, personal=True),
    F("first_name", "text", "Prénom", "First name", required=True, personal=True),
    F("birth_name", "text", "Nom de naissance", "Birth name", personal=True),
    F("birth_date", "date", "Date de naissance", "Date of birth", personal=True),
    F("genre", "code", "Genre", "Gender", codelist="genre", default="NR"),
    F("phone", "phone", "Téléphone", "Phone", personal=True),
    F("email", "email", "Courriel", "E-mail", personal=True),
    F("address", "text", "Adresse", "Address", personal=True),
    F("postcode", "postcode", "Code postal", "Postcode", personal=True),
    F("commune", "text", "Commune", "Town", personal=True),
    F("resident_qpv", "bool", "Résident d'un QPV", "Lives in a QPV"),
    F("code_qpv", "qpv", "Code QPV", "QPV code"),
    F("niveau_formation", "code", "Niveau de formation", "Education level",
      codelist="niveau_formation", default="NR"),
    F("situation_entree", "code", "Situation à l'entrée", "Situation at entry",
      codelist="situation_entree", default="NR"),
    F("anciennete_inscription", "code", "Ancienneté d'inscription à France Travail",
      "Time registered with France Travail", codelist="anciennete_inscription", default="NR"),
    F("connu_spe", "bool", "Connu du service public de l'emploi à l'entrée",
      "Known to the public employment services at entry"),
    F("brsa", "bool", "Bénéficiaire du RSA", "Receives RSA"),
    F("ass", "bool", "ASS", "ASS"),
    F("aah", "bool", "AAH", "AAH"),
    F("rqth", "bool", "RQTH", "RQTH", health=True),
    F("freins", "codes", "Freins périphériques", "Barriers", codelist="frein", default=""),
    F("ft_id", "text", "Identifiant France Travail", "France Travail id", personal=True),
    F("ml_id", "text", "Identifiant Mission locale", "Mission locale id", personal=True),
    F("other_id", "text", "Autre identifiant", "Other id", personal=True),
    F("referent", "text", "Référent·e", "Referent"),
    F("info_notice_date", "date", "Notice d'information remise le", "Information notice given on"),
    F("info_notice_version", "text", "Version de la notice", "Notice version"),
    F("info_notice_channel", "code", "Canal de la notice", "Notice channel",
      codelist="canal_information"),
    F("opposition_evaluation", "bool", "S'oppose à l'évaluation nationale",
      "Objects to the national evaluation", default=0),
    F("opposition_date", "date", "Date de l'opposition", "Date of objection"),
    # Set by validation, never typed: the contact fields kept as typed but to check.
    F("contact_check", "list", "Coordonnées à vérifier", "Contact details to check",
      personal=True, default=""),
))

ENROLLMENT = Kind("enrollment", "Inscription", "Enrollment", (
    F("participant_id", "ref", "Participant", "Participant", required=True, ref="participant"),
    F("cohort_id", "ref", "Cohorte", "Cohort", required=True, ref="cohort"),
    F("date_entree", "date", "Date d'entrée", "Entry date", required=True),
    F("date_sortie", "date", "Date de sortie", "Exit date"),
    F("motif_sortie", "code", "Motif de sortie", "Exit reason", codelist="motif_sortie"),
))

PARTNER = Kind("partner", "Partenaire", "Partner", (
    F("type", "code", "Type", "Type", required=True, codelist="type_partenaire"),
    F("name", "text", "Nom", "Name", required=True),
    F("siret", "siret", "SIRET", "SIRET"),
    F("address", "text", "Adresse", "Address"),
    F("postcode", "postcode", "Code postal", "Postcode"),
    F("commune", "text", "Commune", "Town"),
    F("website", "url", "Site web", "Website"),
    F("phone", "phone", "Téléphone", "Phone"),
    F("email", "email", "Courriel", "E-mail"),
    F("notes", "longtext", "Notes", "Notes"),
))

PARTNER_CONTACT = Kind("partner_contact", "Contact", "Contact", (
    F("partner_id", "ref", "Partenaire", "Partner", required=True, ref="partner"),
    F("last_name", "text", "Nom", "Last name", required=True, personal=True),
    F("first_name", "text", "Prénom", "First name", personal=True),
    F("role", "text", "Fonction", "Role"),
    F("phone", "phone", "Téléphone", "Phone", personal=True),
    F("email", "email", "Courriel", "E-mail", personal=True),
))

PARTNER_EXCHANGE = Kind("partner_exchange", "Échange", "Exchange", (
    F("partner_id", "ref", "Partenaire", "Partner", required=True, ref="partner"),
    F("date", "date", "Date", "Date", required=True),
    F("type", "code", "Type", "Type", required=True, codelist="type_echange"),
    F("subject", "text", "Objet", "Subject"),
    F("summary", "longtext", "Compte rendu", "Summary"),
    F("contact_ids", "list", "Contacts", "Contacts", default=""),
))

EVENT = Kind("event", "Étape", "Journey step", (
    F("participant_id", "ref", "Participant", "Participant", required=True, ref="participant"),
    F("type", "code", "Type d'étape", "Step type", required=True, codelist="type_evenement"),
    F("date", "date", "Date", "Date", required=True),
    F("code_contrat", "code", "Type de contrat", "Contract type", codelist="code_contrat"),
    F("code_frein", "code", "Frein levé", "Barrier removed", codelist="frein"),
    F("partner_id", "ref", "Partenaire", "Partner", ref="partner"),
    F("note", "longtext", "Commentaire", "Comment"),
))

REFERRAL = Kind("referral", "Orientation", "Referral", (
    F("participant_id", "ref", "Participant", "Participant", required=True, ref="participant"),
    F("partner_id", "ref", "Partenaire", "Partner", required=True, ref="partner"),
    F("date", "date", "Date", "Date", required=True),
    F("reason", "longtext", "Motif", "Reason"),
    F("status", "code", "Statut", "Status", codelist="statut_orientation", default="PROPOSEE"),
    F("status_date", "date", "Date du statut", "Status date"),
))

REFERRAL_STATUS = Kind("referral_status", "Changement de statut", "Status change", (
    F("referral_id", "ref", "Orientation", "Referral", required=True, ref="referral"),
    F("status", "code", "Statut", "Status", required=True, codelist="statut_orientation"),
    F("date", "date", "Date", "Date", required=True),
    F("comment", "longtext", "Commentaire", "Comment"),
))

NOTE = Kind("note", "Note", "Note", (
    F("participant_id", "ref", "Participant", "Participant", required=True, ref="participant"),
    F("date", "date", "Date", "Date", required=True),
    F("text", "longtext", "Texte", "Text", required=True),
    F("private", "bool", "Privée", "Private", default=0),
    F("author", "text", "Auteur·rice", "Author"),
))

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (SITE, COHORT, PARTICIPANT, ENROLLMENT, PARTNER, PARTNER_CONTACT,
              PARTNER_EXCHANGE, EVENT, REFERRAL, REFERRAL_STATUS, NOTE)
}
