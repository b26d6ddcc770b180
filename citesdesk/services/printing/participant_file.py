"""The participant file (*fiche participant*) brought to meetings with partners.

Shared notes only: private notes never print here (they appear only in the person's own
subject-access export). RQTH is health data: it is not printed on the file that leaves the
office with the coordinator.
"""

from __future__ import annotations

import functools
import itertools

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from citesdesk.core import codes
from citesdesk.services.printing import fonts
from citesdesk.services.printing import labels as L
from citesdesk.services.printing.fonts import colon, date, french
from citesdesk.services.printing.grid import wrap_text
from citesdesk.services.printing.layout import (
    GREY,
    SMALL,
    TITLE,
    WIDTH,
    Chrome,
    Section,
    esc,
    gap,
    grid,
    h2,
    pairs,
    today_text,
)

QR_SIZE = 24 * mm

# The Reed-Solomon generator polynomial depends only on the number of error correction
# codewords: reportlab builds it again for every code (a third of the encoding time).
qrencoder.QRUtil.getErrorCorrectPolynomial = staticmethod(
    functools.lru_cache(maxsize=None)(qrencoder.QRUtil.getErrorCorrectPolynomial))


class QrFlowable(Flowable):
    """A QR code (reportlab's encoder, error correction M) drawn straight on the canvas as
    one filled path of integer module runs: no graphics renderer, hardly any float
    formatting, so it costs well under a millisecond to draw."""

    def __init__(self, value: str, size: float = QR_SIZE) -> None:
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(value)
        code.version = code.calculate_version()
        # A fixed mask (any of the eight is valid QR) instead of scoring all eight:
        # the scoring is most of the encoder's time and a uuid reads well with mask 0.
        code.makeImpl(False, 0)
        self.modules = code.modules
        self.size = self.width = self.height = size

    def wrap(self, aw, ah):
        return self.size, self.size

    def draw(self) -> None:
        n = len(self.modules)
        unit = self.size / (n + 2)  # a quiet zone of one module on each side
        ops = ["q 0 g", f"{unit:.4f} 0 0 {unit:.4f} 0 0 cm"]
        for r, row in enumerate(self.modules):
            y = n - r  # module rows from the top, in module units
            c = 0
            for dark, run in itertools.groupby(row):
                count = len(list(run))
                if dark:
                    ops.append(f"{c + 1} {y} {count} 1 re")
                c += count
        ops.append("f Q")
        self.canv.addLiteral("\n".join(ops))


def full_name(person: dict) -> str:
    return f"{person['first_name']} {person['last_name'].upper()}"


def chrome(d: dict, title_key: str, lang: str) -> Chrome:
    site = d["site"]
    label = f"{site.get('name') or ''}"
    if site.get("site_code"):
        label += f" · {site['site_code']}"
    return Chrome(title=L.t(title_key, lang), site=label,
                  subtitle=f"{L.t(title_key, lang)} — {full_name(d['participant'])}", lang=lang)


class TitleBlock(Flowable):
    """The title block, drawn straight on the canvas: lines of text on the left (each
    ``(text, font, size, leading, space after, colour)``, cut to the width), the QR code and
    the reference under it on the right."""

    def __init__(self, lines: list[tuple], qr: QrFlowable, reference: str) -> None:
        super().__init__()
        self.left_width = WIDTH - QR_SIZE - 14 * mm
        self.lines = [(wrap_text(text, font, size, self.left_width).split("\n"), font, size,
                       leading, after, colour)
                      for text, font, size, leading, after, colour in lines]
        self.qr, self.reference = qr, reference
        self.ref_style = (fonts.REGULAR, 6, 7.5, GREY)

    def wrap(self, aw, ah):
        left = sum(len(ls) * leading + after for ls, _f, _s, leading, after, _c in self.lines)
        right = self.qr.size + len(self.reference.split("\n")) * self.ref_style[2]
        self.width, self.height = WIDTH, max(left, right)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        text = c.beginText()
        y = self.height
        for lines, font, size, leading, after, colour in self.lines:
            text.setFont(font, size, leading)
            text.setFillColor(colour)
            for line in lines:
                text.setTextOrigin(0, y - size)
                text.textOut(line)
                y -= leading
            y -= after
        x = self.left_width
        font, size, leading, colour = self.ref_style
        text.setFont(font, size, leading)
        text.setFillColor(colour)
        y = self.height - self.qr.size
        for line in self.reference.split("\n"):
            text.setTextOrigin(x, y - size)
            text.textOut(line)
            y -= leading
        c.drawText(text)
        self.qr.drawOn(c, x, self.height - self.qr.size)


def heading(d: dict, title_key: str, lang: str) -> list:
    """Title block: document title, the person, site and coordinator, date, QR code."""
    person, site = d["participant"], d["site"]
    coordinator = person.get("referent") or (site.get("coordinators") or "").split("|")[0]
    black = colors.black
    small = (fonts.REGULAR, SMALL.fontSize, SMALL.leading, 0, GREY)
    lines = [
        (french(L.t(title_key, lang)), fonts.BOLD, TITLE.fontSize, TITLE.leading,
         TITLE.spaceAfter, black),
        (french(full_name(person)), fonts.BOLD, 12, 15, TITLE.spaceAfter, black),
        (french(f"{L.t('site', lang)}{colon(lang)}{site.get('name') or '—'}"), *small),
        (french(f"{L.t('coordinator', lang)}{colon(lang)}{coordinator or '—'}"), *small),
        (french(L.t("printed_on", lang, date=today_text(lang))), *small),
    ]
    uuid = person["uuid"]
    block = TitleBlock(lines, QrFlowable(uuid), f"{uuid[:18]}\n{uuid[19:]}")
    return [Section(chrome(d, title_key, lang)), block]


def identity(person: dict, lang: str) -> list:
    f = L.field
    items = [
        (f("participant", "last_name", lang), person["last_name"]),
        (f("participant", "first_name", lang), person["first_name"]),
        (f("participant", "birth_name", lang), person.get("birth_name")),
        (f("participant", "birth_date", lang), date(person.get("birth_date"), lang)),
        (f("participant", "genre", lang), L.code("genre", person.get("genre"), lang)),
        (f("participant", "phone", lang), person.get("phone")),
        (f("participant", "email", lang), person.get("email")),
        (f("participant", "address", lang), " ".join(filter(None, [
            person.get("address"), person.get("postcode"), person.get("commune")]))),
        (f("participant", "ft_id", lang), person.get("ft_id")),
        (f("participant", "ml_id", lang), person.get("ml_id")),
        (f("participant", "other_id", lang), person.get("other_id")),
        (f("participant", "referent", lang), person.get("referent")),
    ]
    return [h2(L.t("identity", lang)), pairs(items)]


def situation(person: dict, lang: str, *, health: bool = False) -> list:
    f = L.field
    qpv = L.yes_no(person.get("resident_qpv"), lang)
    if person.get("code_qpv"):
        qpv += f" ({person['code_qpv']})"
    freins = ", ".join(L.code("frein", c, lang) for c in codes.freins_from_text(
        person.get("freins"))) or L.t("none", lang)
    items = [
        (f("participant", "situation_entree", lang),
         L.code("situation_entree", person.get("situation_entree"), lang)),
        (f("participant", "niveau_formation", lang),
         L.code("niveau_formation", person.get("niveau_formation"), lang)),
        (f("participant", "anciennete_inscription", lang),
         L.code("anciennete_inscription", person.get("anciennete_inscription"), lang)),
        (f("participant", "connu_spe", lang), L.yes_no(person.get("connu_spe"), lang)),
        (f("participant", "resident_qpv", lang), qpv),
        (f("participant", "brsa", lang), L.yes_no(person.get("brsa"), lang)),
        (f("participant", "ass", lang), L.yes_no(person.get("ass"), lang)),
        (f("participant", "aah", lang), L.yes_no(person.get("aah"), lang)),
    ]
    if health:
        items.append((f("participant", "rqth", lang), L.yes_no(person.get("rqth"), lang)))
    items.append((f("participant", "freins", lang), freins))
    return [h2(L.t("situation", lang)), pairs(items)]


def consent(person: dict, lang: str) -> list:
    f = L.field
    objection = (L.t("objection_yes", lang, date=date(person.get("opposition_date"), lang) or "—")
                 if person.get("opposition_evaluation") else L.t("no", lang))
    items = [
        (L.t("notice_given", lang), date(person.get("info_notice_date"), lang) or "—"),
        (f("participant", "info_notice_version", lang), person.get("info_notice_version")),
        (f("participant", "info_notice_channel", lang),
         L.code("canal_information", person.get("info_notice_channel"), lang)),
        (L.t("objection", lang), objection),
    ]
    return [h2(L.t("consent", lang)), pairs(items)]


def cohorts(d: dict, lang: str) -> list:
    rows = [[e["cohort_name"], date(e["date_entree"], lang), date(e["date_sortie"], lang),
             L.code("motif_sortie", e.get("motif_sortie"), lang)] for e in d["enrollments"]]
    out = [h2(L.t("cohorts", lang))]
    if not rows:
        return out + [Paragraph(esc(L.t("none", lang)), SMALL)]
    return out + [grid([L.t("cohort", lang), L.t("entry", lang), L.t("exit", lang),
                        L.t("exit_reason", lang)], rows, [0.4, 0.14, 0.14, 0.32])]


def event_detail(e: dict, lang: str) -> str:
    bits = []
    if e.get("code_contrat"):
        bits.append(L.code("code_contrat", e["code_contrat"], lang))
    if e.get("code_frein"):
        bits.append(L.code("frein", e["code_frein"], lang))
    if e.get("note"):
        bits.append(e["note"])
    return " — ".join(bits)


def _timeline_detail(item: dict, lang: str) -> str:
    kind = item["kind"]
    if kind == "event":
        return event_detail(item, lang)
    if kind == "referral":
        return " — ".join(filter(None, [item.get("detail"), item.get("reason")]))
    return item.get("detail") or ""


def _count(key: str, n: int, lang: str) -> str:
    return L.t(f"{key}_one", lang) if n == 1 else L.t(f"{key}_count", lang, n=n)


def journey_title(d: dict, lang: str) -> str:
    """« Parcours (60 étapes, 2 entrées et sorties de cohorte, 1 orientation) »: the count
    of what the table below lists, each kind named, singular or plural."""
    items = d.get("timeline")
    if items is None:
        counts = [("steps", len(d["events"]))]
    else:
        kinds = [i["kind"] for i in items]
        counts = [("steps", kinds.count("event")),
                  ("moves", kinds.count("entry") + kinds.count("exit")),
                  ("referrals", kinds.count("referral"))]
    parts = [_count(key, n, lang) for key, n in counts if n]
    title = L.t("journey", lang) + (" (" + ", ".join(parts) + ")" if parts else "")
    return french(title) if lang == "fr" else title


def journey(d: dict, lang: str) -> list:
    """The dated journey: the window's timeline (cohort entries and exits, steps,
    referrals) when available, else the steps alone; its title counts what it lists."""
    events = d["events"]
    out = [h2(journey_title(d, lang))]
    items = d.get("timeline")
    if items is not None:
        rows = [[date(i["date"], lang), i["label"], i.get("partner_name") or "",
                 _timeline_detail(i, lang)] for i in items]
    else:
        rows = [[date(e["date"], lang), L.code("type_evenement", e["type"], lang),
                 e.get("partner_name") or "", event_detail(e, lang)] for e in events]
    if not rows:
        return out + [Paragraph(esc(L.t("none", lang)), SMALL)]
    return out + [grid([L.t("date", lang), L.t("step", lang), L.t("partner", lang),
                        L.t("detail", lang)], rows, [0.14, 0.25, 0.21, 0.40])]


def referrals(d: dict, lang: str) -> list:
    out = [h2(L.t("referrals", lang))]
    if not d["referrals"]:
        return out + [Paragraph(esc(L.t("none", lang)), SMALL)]
    rows = []
    for r in d["referrals"]:
        history = "\n".join(
            f"{date(s['date'], lang)}{colon(lang)}"
            f"{L.code('statut_orientation', s['status'], lang)}"
            + (f" — {s['comment']}" if s.get("comment") else "")
            for s in r.get("history", []))
        rows.append([date(r["date"], lang), r["partner_name"], r.get("reason") or "",
                     L.code("statut_orientation", r["status"], lang), history])
    return out + [grid([L.t("date", lang), L.t("partner", lang), L.t("reason", lang),
                        L.t("status", lang), L.t("history", lang)], rows,
                       [0.14, 0.21, 0.23, 0.12, 0.30])]


def notes(d: dict, lang: str, *, title_key: str = "shared_notes", show_private=False) -> list:
    out = [h2(L.t(title_key, lang))]
    if not d["notes"]:
        return out + [Paragraph(esc(L.t("none", lang)), SMALL)]
    header = [L.t("date", lang), L.t("author", lang), L.t("detail", lang)]
    rows = []
    for n in d["notes"]:
        author = n.get("author") or ""
        if show_private:
            author += f" ({L.t('private' if n['private'] else 'shared', lang)})"
        rows.append([date(n["date"], lang), author, n["text"]])
    return out + [grid(header, rows, [0.14, 0.2, 0.66])]


def story(d: dict, lang: str = "fr") -> list:
    """The flowables of one participant's file (``d`` from :func:`data.dossier`)."""
    person = d["participant"]
    timeline = d.get("timeline")
    sections = [  # (title, flowables, empty)
        ("cohorts", cohorts, not d["enrollments"]),
        ("journey", journey, not (d["events"] if timeline is None else timeline)),
        ("referrals", referrals, not d["referrals"]),
        ("shared_notes", notes, not d["notes"]),
    ]
    # An empty section is named in one line on the first page rather than printed as a
    # heading over « Aucune. »: no page ever holds only an empty section.
    empty = [L.t(key, lang) for key, _, is_empty in sections if is_empty]
    nothing = [Paragraph(esc(L.t("nothing_for", lang, sections=", ".join(empty))), SMALL)] \
        if empty else []
    return [
        *heading(d, "participant_file", lang), gap(2),
        *identity(person, lang), *situation(person, lang), *consent(person, lang),
        *nothing,
        *[f for _, build, is_empty in sections if not is_empty for f in build(d, lang)],
    ]


def write_pdf(db, uuids: str | list[str], target, lang: str = "fr", progress=None) -> int:
    """The participant file of one or several participants in one PDF (a path or a binary
    file object); returns the count. ``progress(done, total)``, if given, is called as the
    layout reaches each person (and may raise to stop)."""
    from citesdesk.services.printing import data, layout

    if isinstance(uuids, str):
        uuids = [uuids]
    content: list = []
    for i, uuid in enumerate(uuids):
        if i:
            content.append(layout.PageBreak())
        if progress is not None:
            content.append(layout.Reached(lambda i=i: progress(i, len(uuids))))
        content += story(data.dossier(db, uuid, lang=lang), lang)
    doc = layout.make_doc(target, L.t("participant_file", lang), lang)
    layout.build(doc, content)
    return len(uuids)
