"""The subject-access export (RGPD article 15): everything held on one person.

Unlike the participant file it shows private notes, RQTH, records in the bin, the audit
entries about any of the person's records, the partners their data went to, and the date
their data will be purged under the site's retention rule.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph

from citesdesk.core.model import KINDS
from citesdesk.services.printing import labels as L
from citesdesk.services.printing import participant_file as pf
from citesdesk.services.printing.fonts import date, timestamp
from citesdesk.services.printing.layout import BASE, SMALL, esc, gap, grid, h2, today_text


def _changes(table: str, changes: dict, lang: str) -> str:
    if set(changes) == {"document"}:
        key = f"doc_{changes['document']}"
        return L.t(key, lang) if L.known(key) else str(changes["document"])
    kind = KINDS.get(table)
    names = []
    for name in changes:
        try:
            names.append(L.field(table, name, lang) if kind else name)
        except KeyError:
            names.append(name)
    return ", ".join(names)


def _flag_bin(rows: list[dict], lang: str) -> None:
    for r in rows:
        r["_bin"] = f" ({L.t('in_bin', lang)})" if r.get("deleted_at") else ""


def story(d: dict, lang: str = "fr") -> list:
    person = d["participant"]
    for key in ("enrollments", "events", "referrals", "notes"):
        _flag_bin(d[key], lang)
    for e in d["enrollments"]:
        e["cohort_name"] = e["cohort_name"] + e["_bin"]
    for e in d["events"]:
        e["note"] = (e.get("note") or "") + e["_bin"]
    for r in d["referrals"]:
        r["reason"] = (r.get("reason") or "") + r["_bin"]
    for n in d["notes"]:
        n["text"] = n["text"] + n["_bin"]
    out = [*pf.heading(d, "access_export", lang),
           Paragraph(esc(L.t("access_intro", lang, site=d["site"].get("name") or "",
                                 date=today_text(lang))), BASE), gap(1),
           *pf.identity(person, lang), *pf.situation(person, lang, health=True),
           *pf.consent(person, lang), *pf.cohorts(d, lang), *pf.journey(d, lang),
           *pf.referrals(d, lang),
           *pf.notes(d, lang, title_key="all_notes", show_private=True)]

    out.append(h2(L.t("recipients", lang)))
    if d["recipients"]:
        rows = [[r["name"], L.code("type_partenaire", r["type"], lang),
                 ", ".join(L.table_name(k, lang) for k in r["kinds"]),
                 f"{date(r['first'], lang)} – {date(r['last'], lang)}"] for r in d["recipients"]]
        out.append(grid([L.t("partner", lang), L.field("partner", "type", lang),
                         L.t("via", lang), L.t("first_last", lang)], rows,
                        [0.34, 0.22, 0.2, 0.24]))
    else:
        out.append(Paragraph(esc(L.t("none", lang)), SMALL))

    out.append(h2(L.t("team_laptops", lang)))  # the site's other laptops (team exchange)
    out.append(Paragraph(esc(L.t("team_laptops_intro", lang)), SMALL))
    if d.get("laptops"):
        out.append(grid([L.t("laptop", lang), L.t("since", lang), L.t("last_sent", lang)],
                        [[h["name"], date(h["since"][:10], lang), date(h["last_sent"][:10], lang)]
                         for h in d["laptops"]], [0.5, 0.25, 0.25]))
    else:
        out.append(Paragraph(esc(L.t("none", lang)), SMALL))

    out.append(h2(L.t("retention", lang)))
    out.append(Paragraph(esc(L.t("last_contact", lang, date=date(d["last_contact"], lang))), BASE))
    out.append(Paragraph(esc(L.t("purge", lang, date=date(d["purge_date"], lang),
                                 months=d["retention_months"])), BASE))

    out.append(h2(L.t("audit", lang)))
    if d["audit"]:
        rows = [[timestamp(a["at"], lang), a.get("actor") or "", L.action(a["action"], lang),
                 L.table_name(a["table_name"], lang),
                 _changes(a["table_name"], a["changes"], lang)] for a in d["audit"]]
        out.append(grid([L.t("date", lang), L.t("who", lang), L.t("action", lang),
                         L.t("record", lang), L.t("changes", lang)], rows,
                        [0.17, 0.17, 0.16, 0.15, 0.35]))
    else:
        out.append(Paragraph(esc(L.t("none", lang)), SMALL))
    return out
