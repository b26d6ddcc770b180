"""Printing rows: one participant file (an average one and one with about 50 journey
steps) against reportlab drawing the same text on plain pages, and 500 files in one batch
(to one PDF, and one PDF per person)."""

from __future__ import annotations

import io
import shutil

from citesdesk.core.db import open_database
from citesdesk.services import printing
from citesdesk.services.printing import data, fonts


def _texts(d: dict) -> list[str]:
    """The text a participant file prints, as lines (for the floor)."""
    p = d["participant"]
    lines = [f"{k} : {v}" for k, v in p.items() if v not in (None, "")]
    lines += [f"{e['cohort_name']} {e['date_entree']} {e['date_sortie'] or ''}"
              for e in d["enrollments"]]
    lines += [f"{e['date']} {e['type']} {e.get('partner_name') or ''} {e.get('note') or ''}"
              for e in d["events"]]
    lines += [f"{r['date']} {r['partner_name']} {r['status']} {r.get('reason') or ''}"
              for r in d["referrals"]]
    lines += [f"{n['date']} {n['text']}" for n in d["notes"]]
    return lines


def _floor(lines: list[str]) -> None:
    """reportlab alone: the same lines drawn with the same embedded font, page after page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(io.BytesIO(), pagesize=A4, **fonts.CANVAS_KWARGS)
    c.setFont(fonts.REGULAR, 9)
    y = 800
    for line in lines:
        if y < 50:
            c.showPage()
            c.setFont(fonts.REGULAR, 9)
            y = 800
        c.drawString(40, y, line[:120])
        y -= 12
    c.save()


def _participant_with(db, events: int) -> tuple[str, int]:
    row = db.execute(
        "SELECT p.uuid, count(e.id) AS n FROM participant p JOIN event e "
        "ON e.participant_id = p.id AND e.deleted_at IS NULL WHERE p.deleted_at IS NULL "
        "GROUP BY p.id ORDER BY abs(count(e.id) - ?), p.id LIMIT 1", [events]).fetchone()
    return row[0], row[1]


def register(bench) -> None:
    fonts.register()
    db = open_database(bench.large_db, readonly=True)
    for wanted in (20, 50):
        uuid, n = _participant_with(db, wanted)
        lines = _texts(data.dossier(db, uuid))
        bench.add(f"participant file PDF ({n} steps)",
                  lambda uuid=uuid: printing.participant_pdf(db, uuid, io.BytesIO()),
                  floor=lambda lines=lines: _floor(lines),
                  target_s=0.050, ratio_target=3, repeat=20)

    uuids = [r[0] for r in db.execute(
        "SELECT uuid FROM participant WHERE deleted_at IS NULL ORDER BY id LIMIT 500")]
    one = bench.tmp / "lot-500.pdf"
    folder = bench.tmp / "fiches-500"

    def clean() -> None:
        one.unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)

    bench.add("500 participant files, one PDF",
              lambda: printing.print_batch(db, uuids, one), setup=clean,
              target_s=15, repeat=3)
    bench.add("500 participant files, one PDF each",
              lambda: printing.print_batch(db, uuids, folder, split=True), setup=clean,
              target_s=15, repeat=3)
