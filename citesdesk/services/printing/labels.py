"""The words of the printed documents, in French and English.

Field names come from :mod:`citesdesk.core.model` and code labels from
:mod:`citesdesk.core.codes`; only what is particular to paper lives here. French strings
get their narrow no-break spaces from :func:`fonts.french` when looked up.
"""

from __future__ import annotations

from citesdesk.core import codes
from citesdesk.core.model import KINDS
from citesdesk.services.printing.fonts import french

_T: dict[str, tuple[str, str]] = {
    "confidential": ("Document confidentiel — données personnelles",
                     "Confidential document — personal data"),
    "page": ("page {page} / {pages}", "page {page} / {pages}"),
    "printed_on": ("Imprimé le {date}", "Printed on {date}"),
    "site": ("Site", "Site"),
    "coordinator": ("Coordinateur·rice", "Coordinator"),
    "participant_file": ("Fiche participant", "Participant file"),
    "consent_form": ("Notice d'information et recueil du consentement",
                     "Information notice and consent form"),
    "access_export": ("Vos données personnelles (RGPD, article 15)",
                      "Your personal data (GDPR, article 15)"),
    "identity": ("Identité et coordonnées", "Identity and contact details"),
    "situation": ("Situation", "Situation"),
    "consent": ("Information et consentement", "Information and consent"),
    "cohorts": ("Cohortes", "Cohorts"),
    "journey": ("Parcours", "Journey"),
    "referrals": ("Orientations", "Referrals"),
    "shared_notes": ("Notes partagées", "Shared notes"),
    "all_notes": ("Notes (partagées et privées)", "Notes (shared and private)"),
    "audit": ("Journal des modifications de vos données",
              "Log of the changes made to your data"),
    "recipients": ("Partenaires à qui vos données ont été transmises",
                   "Partners your data was sent to"),
    "team_laptops": ("Postes de l'équipe qui détiennent vos données",
                     "The team's laptops that hold your data"),
    "team_laptops_intro": ("Les coordinateurs du site échangent leurs fiches entre leurs "
                           "ordinateurs portables, par fichiers chiffrés ; ces postes "
                           "détiennent aussi vos données.",
                           "The site's coordinators exchange their records between their "
                           "laptops, in encrypted files; these laptops hold your data too."),
    "laptop": ("Poste", "Laptop"),
    "since": ("Depuis le", "Since"),
    "last_sent": ("Dernier envoi", "Last sent"),
    "retention": ("Conservation de vos données", "Retention of your data"),
    "none": ("Aucune.", "None."),
    "yes": ("Oui", "Yes"),
    "no": ("Non", "No"),
    "unknown": ("Non renseigné", "Not stated"),
    "date": ("Date", "Date"),
    "step": ("Étape", "Step"),
    "partner": ("Partenaire", "Partner"),
    "detail": ("Détail", "Detail"),
    "cohort": ("Cohorte", "Cohort"),
    "entry": ("Entrée", "Entry"),
    "exit": ("Sortie", "Exit"),
    "exit_reason": ("Motif de sortie", "Exit reason"),
    "status": ("Statut", "Status"),
    "history": ("Historique du statut", "Status history"),
    "reason": ("Motif", "Reason"),
    "author": ("Auteur·rice", "Author"),
    "private": ("privée", "private"),
    "shared": ("partagée", "shared"),
    "in_bin": ("à la corbeille", "in the bin"),
    "steps_count": ("{n} étapes", "{n} steps"),
    "steps_one": ("1 étape", "1 step"),
    "moves_count": ("{n} entrées et sorties de cohorte", "{n} cohort entries and exits"),
    "moves_one": ("1 entrée ou sortie de cohorte", "1 cohort entry or exit"),
    "referrals_count": ("{n} orientations", "{n} referrals"),
    "referrals_one": ("1 orientation", "1 referral"),
    "nothing_for": ("Rien d'enregistré pour : {sections}.", "Nothing recorded for: {sections}."),
    "qr": ("Identifiant de la fiche", "Record identifier"),
    "action": ("Action", "Action"),
    "record": ("Donnée", "Record"),
    "who": ("Par", "By"),
    "changes": ("Champs modifiés", "Fields changed"),
    "first_last": ("Première et dernière transmission", "First and last transmission"),
    "via": ("Par", "Through"),
    "last_contact": ("Dernier contact : {date}.", "Last contact: {date}."),
    "purge": ("Sauf nouveau contact, vos données seront supprimées le {date} "
              "(dernier contact + {months} mois, durée de conservation du site).",
              "Unless you are in touch again, your data will be deleted on {date} "
              "(last contact + {months} months, the site's retention period)."),
    "access_intro": ("Ce document contient toutes les données que le site {site} détient "
                     "sur vous à la date du {date}, y compris les notes privées de votre "
                     "référent·e, les données à la corbeille et l'historique des modifications.",
                     "This document holds every datum the site {site} holds on you on "
                     "{date}, including your referent's private notes, records in the bin and "
                     "the history of changes."),
    "notice": ("Notice d'information", "Information notice"),
    "consent_title": ("Recueil du consentement et de l'opposition", "Consent and objection"),
    "participant": ("Participant·e", "Participant"),
    "check_notice": ("J'ai reçu et compris la notice d'information ci-dessus (version {v}).",
                     "I have received and understood the information notice above "
                     "(version {v})."),
    "check_followup": ("J'accepte d'être accompagné·e par la Cité de l'emploi et que mes "
                       "données soient enregistrées à cette fin.",
                       "I agree to be supported by the Cité de l'emploi and to my data being "
                       "recorded for that purpose."),
    "check_oppose": ("Je m'oppose à la transmission de mes données, pseudonymisées, à "
                     "l'évaluation nationale.",
                     "I object to my data, pseudonymised, being sent to the national "
                     "evaluation."),
    "done_at": ("Fait à ______________________, le ____ / ____ / ________",
                "Signed at ______________________, on ____ / ____ / ________"),
    "sign_participant": ("Signature du ou de la participant·e", "Participant's signature"),
    "sign_referent": ("Signature du ou de la référent·e", "Referent's signature"),
    "copy_note": ("Un exemplaire est remis au ou à la participant·e, un autre est conservé "
                  "par la Cité de l'emploi.",
                  "One copy is given to the participant, another is kept by the Cité de "
                  "l'emploi."),
    "notice_given": ("Notice remise le", "Notice given on"),
    "objection": ("Opposition à l'évaluation nationale", "Objection to the national evaluation"),
    "objection_yes": ("Oui, depuis le {date}", "Yes, since {date}"),
    "create": ("création", "created"),
    "update": ("modification", "changed"),
    "delete": ("mise à la corbeille", "moved to the bin"),
    "restore": ("restauration", "restored"),
    "purge_action": ("suppression définitive", "deleted for good"),
    "print": ("impression", "printed"),
    "erase": ("effacement à la demande", "erased at the person's request"),
    "import": ("import", "import"),
    "undo_import": ("annulation d'un import", "import undone"),
    "export": ("export", "export"),
    "export_quarter": ("classeur trimestriel", "quarterly workbook"),
    "export_workbook": ("classeur complet", "full workbook"),
    "export_list": ("export de liste", "list export"),
    "bundle": ("lot pour l'évaluation nationale", "national evaluation bundle"),
    "demo": ("base de démonstration", "demo database"),
    "team_copy": ("copie pour un poste de l'équipe", "copy for a team laptop"),
    "team_export": ("fichier pour l'équipe", "file for the team"),
    "team_merge": ("fichier de l'équipe intégré", "team file merged"),
    "doc_participant_file": ("fiche participant", "participant file"),
    "doc_access_export": ("export d'accès", "access export"),
    "doc_consent_form": ("formulaire de consentement", "consent form"),
}


def known(key: str) -> bool:
    """Whether ``key`` has a label (:func:`t` would find it)."""
    return key in _T


def t(key: str, lang: str = "fr", **values) -> str:
    fr, en = _T[key]
    text = (en if lang == "en" else french(fr))
    return text.format(**values) if values else text


def field(kind: str, name: str, lang: str = "fr") -> str:
    f = KINDS[kind].field(name)
    return f.en if lang == "en" else f.fr


def code(codelist: str, value: str | None, lang: str = "fr") -> str:
    if not value:
        return ""
    return codes.ALL[codelist].label(value, lang)


def yes_no(value, lang: str = "fr") -> str:
    if value is None or value == "":
        return t("unknown", lang)
    return t("yes", lang) if int(value) else t("no", lang)


def action(name: str, lang: str = "fr") -> str:
    key = "purge_action" if name == "purge" else name
    return t(key, lang) if key in _T else name


#: What the audit log's entries that are not about a record are about.
OTHER_TABLES = {
    "export": ("fichier exporté", "exported file"),
    "import_log": ("import", "import"),
    "bundle_log": ("lot", "bundle"),
    "setting": ("réglage", "setting"),
    "audit_log": ("journal des opérations", "operations log"),
    "team": ("équipe", "team"),
}


def table_name(name: str, lang: str = "fr") -> str:
    k = KINDS.get(name)
    if k is None:
        fr, en = OTHER_TABLES.get(name, (name, name))
        return en if lang == "en" else fr
    return k.en if lang == "en" else k.fr
