"""The information notice and consent form, blank or filled in for one participant.

The notice text is the site's (setting ``notice_text``); without one, a default that says
what RGPD requires (who, why, on what legal basis, for how long, to whom, the person's
rights and whom to contact), with the site's retention period (setting
``retention_months``, 24 months after the last contact by default).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Table

from citesdesk.core import settings
from citesdesk.core.db import SiteDatabase
from citesdesk.core.text import fold
from citesdesk.services.printing import data
from citesdesk.services.printing import labels as L
from citesdesk.services.printing.fonts import date
from citesdesk.services.printing.layout import (
    BASE,
    H2,
    LINE,
    SMALL,
    TITLE,
    WIDTH,
    Chrome,
    Section,
    esc,
    gap,
    pairs,
    table_style,
    today_text,
)

DEFAULT_NOTICE = {
    "fr": """**Qui traite vos données et pourquoi.** {who} vous accompagne vers l'emploi ou la formation : accueil, diagnostic, étapes de votre parcours, orientations vers des partenaires (France Travail, Mission locale, Cap emploi, organismes de formation, employeurs, associations…). Elle rend compte de son activité à l'État sous forme de statistiques.

**Base légale.** Mission d'intérêt public confiée par l'État au titre de la politique de la ville (article 6-1-e du RGPD).

**Données enregistrées.** Identité, coordonnées, situation au regard de l'emploi et de la formation, freins à l'emploi, étapes du parcours, orientations et leurs suites, notes de votre référent·e. La reconnaissance de la qualité de travailleur handicapé (RQTH) ne sert qu'à des statistiques globales. Votre numéro de sécurité sociale n'est jamais demandé.

**Destinataires.** L'équipe de la Cité de l'emploi ; les partenaires vers lesquels vous êtes orienté·e, pour les seules informations utiles à votre accompagnement ; l'évaluation nationale du programme (Agence nationale de la cohésion des territoires), qui reçoit des données pseudonymisées, sans nom, adresse ni coordonnées.

**Durée de conservation.** Vos données sont conservées {retention} mois après votre dernier contact avec la Cité de l'emploi, puis supprimées.

**Vos droits.** Vous pouvez accéder à vos données et en obtenir une copie, les faire rectifier ou effacer, demander la limitation de leur traitement, et vous opposer à leur transmission à l'évaluation nationale, sans conséquence sur votre accompagnement. Vous pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr).

**Contact.** {contact}""",
    "en": """**Who processes your data and why.** {who} supports you towards employment or training: welcome, assessment, the steps of your journey, referrals to partners (France Travail, Mission locale, Cap emploi, training bodies, employers, associations…). It reports its activity to the State as statistics.

**Legal basis.** A task in the public interest entrusted by the State under the urban policy (article 6(1)(e) GDPR).

**Data recorded.** Identity, contact details, employment and training situation, barriers to employment, the steps of your journey, referrals and their outcome, your referent's notes. Recognition as a disabled worker (RQTH) is used for aggregate statistics only. Your social security number is never asked for.

**Recipients.** The Cité de l'emploi team; the partners you are referred to, for only what they need to support you; the national evaluation of the programme (Agence nationale de la cohésion des territoires), which receives pseudonymised data, without name, address or contact details.

**Retention.** Your data is kept {retention} months after your last contact with the Cité de l'emploi, then deleted.

**Your rights.** You may access your data and get a copy of it, have it corrected or erased, ask for its processing to be restricted, and object to it being sent to the national evaluation, with no effect on your support. You may also complain to the CNIL (www.cnil.fr).

**Contact.** {contact}""",
}


def notice_text(db: SiteDatabase, lang: str = "fr") -> str:
    """The site's notice (setting ``notice_text``) or the default, filled in."""
    site = data.site(db)
    contact = settings.get(db, "notice_contact") or ", ".join(filter(None, [
        site.get("name"), (site.get("coordinators") or "").replace("|", ", ")]))
    custom = settings.get(db, "notice_text")
    text = custom if custom else DEFAULT_NOTICE["en" if lang == "en" else "fr"]
    name = site.get("name") or ""
    if fold(name).startswith("cite de l"):
        who = name  # "Cité de l'emploi de Saint-Denis" already says what it is
    else:
        who = ("The Cité de l'emploi " if lang == "en" else "La Cité de l'emploi ") + name
    values = {"site": name, "who": who.strip(), "retention": data.retention_months(db),
              "contact": contact or "—"}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text  # a site's own text with stray braces prints as written


def _paragraphs(text: str) -> list:
    out = []
    for block in text.split("\n\n"):
        block = block.strip()
        if not block:
            continue
        html = esc(block)
        # **bold** lead-ins (the only markup the notice text understands)
        parts = html.split("**")
        html = "".join(f"<b>{s}</b>" if i % 2 else s for i, s in enumerate(parts))
        out.append(Paragraph(html, BASE.clone("notice", spaceAfter=2 * mm)))
    return out


def _box(checked: bool | None) -> str:
    return "☒" if checked else "☐"


def story(db: SiteDatabase, person: dict | None, lang: str = "fr") -> list:
    site = data.site(db)
    version = settings.get(db, "notice_version")
    title = L.t("consent_form", lang)
    site_label = site.get("name") or ""
    subtitle = title if person is None else f"{title} — {person['first_name']} " \
                                             f"{person['last_name'].upper()}"
    out = [Section(Chrome(title=title, site=site_label, subtitle=subtitle, lang=lang)),
           Paragraph(esc(title), TITLE),
           Paragraph(esc(L.t("printed_on", lang, date=today_text(lang))), SMALL),
           Paragraph(esc(L.t("notice", lang)), H2)]
    out += _paragraphs(notice_text(db, lang))
    f = L.field
    if person is not None:
        fields = [(f("participant", "last_name", lang), person["last_name"]),
                  (f("participant", "first_name", lang), person["first_name"]),
                  (f("participant", "birth_date", lang), date(person.get("birth_date"), lang)),
                  (f("participant", "referent", lang), person.get("referent"))]
    else:
        blank = "_" * 28
        fields = [(f("participant", "last_name", lang), blank),
                  (f("participant", "first_name", lang), blank),
                  (f("participant", "birth_date", lang), "____ / ____ / ________"),
                  (f("participant", "referent", lang), blank)]
    oppose = bool(person and person.get("opposition_evaluation"))
    notice = bool(person and person.get("info_notice_date"))
    checks = [
        f"{_box(notice)}  {L.t('check_notice', lang, v=version)}",
        f"{_box(None)}  {L.t('check_followup', lang)}",
        f"{_box(oppose)}  {L.t('check_oppose', lang)}",
    ]
    sign = Table(
        [[Paragraph(esc(L.t("sign_participant", lang)), SMALL),
          Paragraph(esc(L.t("sign_referent", lang)), SMALL)], ["", ""]],
        colWidths=[WIDTH / 2 - 3 * mm, WIDTH / 2 - 3 * mm], rowHeights=[6 * mm, 26 * mm],
        hAlign="LEFT", spaceBefore=3 * mm)
    sign.setStyle(table_style([("BOX", (0, 0), (0, 1), 0.8, LINE),
                              ("BOX", (1, 0), (1, 1), 0.8, LINE),
                              ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    block = [Paragraph(esc(L.t("consent_title", lang)), H2), pairs(fields), gap(2)]
    block += [Paragraph(esc(c), BASE.clone("check", spaceAfter=1.5 * mm, leftIndent=5 * mm,
                                           firstLineIndent=-5 * mm)) for c in checks]
    block += [gap(2), Paragraph(esc(L.t("done_at", lang)), BASE), sign, gap(2),
              Paragraph(esc(L.t("copy_note", lang)), SMALL)]
    out.append(KeepTogether(block))
    return out
