"""Carrying out a dry run's plan: one transaction, an import log, one audit entry."""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Callable

from citesdesk.core.audit import audit
from citesdesk.core.errors import CitesDeskError
from citesdesk.services import no_progress
from citesdesk.services.importer.plan import ImportPlan, basis
from citesdesk.services.importer.writer import Writer

PROGRESS_EVERY = 500


def _refusal(plan: ImportPlan, none_valid: bool = False) -> CitesDeskError:
    errors = plan.errors
    rows = len({i.row for i in errors})
    first = "\n".join("  " + i.text("fr") for i in errors[:5])
    first_en = "\n".join("  " + i.text("en") for i in errors[:5])
    more = f"\n  … et {len(errors) - 5} autre(s)" if len(errors) > 5 else ""
    more_en = f"\n  … and {len(errors) - 5} more" if len(errors) > 5 else ""
    t = plan.table
    return CitesDeskError(
        f"{t.where('fr')} : {len(errors)} erreur(s) sur {rows} ligne(s), rien n'a été importé.\n"
        f"{first}{more}\nCorrigez le fichier (--report écrit la liste complète)"
        + (" : aucune de ses lignes n'est valide." if none_valid else
           " ou importez seulement les lignes valides (--valid-only)."),
        f"{t.where('en')}: {len(errors)} error(s) on {rows} row(s), nothing was imported.\n"
        f"{first_en}{more_en}\nFix the file (--report writes the full list)"
        + (": none of its rows is valid." if none_valid else
           " or import the valid rows only (--valid-only)."))


RECHECKED = (
    "La base a changé depuis la vérification (un autre import ou une saisie) : les doublons "
    "ont été recherchés à nouveau au moment d'écrire.",
    "The database changed since the check (another import or an entry): duplicates were "
    "looked for again at the time of writing.")


def _target(r) -> tuple | None:
    d = r.duplicate
    return None if d is None else (d.uuid, d.row)


def recheck(db, plan: ImportPlan, progress: Callable = no_progress) -> ImportPlan:
    """The plan made again against the database as it is now (called inside the writing
    transaction when records changed since the dry run: another import, a save, a purge).

    Choices made on duplicates that are still duplicates of the same record are kept;
    a row that has become a duplicate (someone imported or typed the same person in the
    meantime) follows the plan's rule for duplicates.
    """
    from citesdesk.services.importer.analyse import analyse

    fresh = analyse(db, plan.table, plan.mapping, on_duplicate=plan.on_duplicate,
                    progress=progress, today=plan.today)
    before = {r.row: r for r in plan.rows}
    for r in fresh.rows:
        old = before.get(r.row)
        if old is not None and r.duplicate is not None and _target(old) == _target(r) \
                and not r.errors:
            r.action = old.action
    fresh.notices.append(RECHECKED)
    return fresh


def commit(db, plan: ImportPlan, *, valid_only: bool = False,
           progress: Callable = no_progress) -> dict:
    """Write the plan all or nothing (or its valid rows only); returns the import's summary.

    The duplicate checks hold at the time of writing: inside the writing transaction
    (``BEGIN IMMEDIATE``: no other writer meanwhile), a plan made on an older state of the
    database is made again (:func:`recheck`) before anything is written.

    ``progress`` may raise :class:`citesdesk.services.Cancelled`: the transaction is then
    rolled back and nothing is written.
    """
    if plan.errors and not valid_only:
        raise _refusal(plan)
    from citesdesk.services.importer import events, participants, partners, qpv

    module = {"participants": participants, "events": events, "partners": partners,
              "qpv": qpv}[plan.kind]
    from citesdesk.services.backup import snapshot

    snapshot(db, "import")  # what the import rewrites can be brought back
    with db.atomic():
        rechecked = plan.basis is None or basis(db) != plan.basis
        if rechecked:
            plan = recheck(db, plan, progress)
            if plan.errors and not valid_only:
                raise _refusal(plan)
        rows = [r for r in plan.rows if not r.errors]
        total = len(rows)
        if plan.errors and not rows:
            raise _refusal(plan, none_valid=True)  # "valid rows only", and there are none

        def tick(n: int) -> None:
            if n % PROGRESS_EVERY == 0:
                progress(n, total, "")

        counts = {"rows": len(plan.rows), "created": 0, "updated": 0, "skipped": 0,
                  "invalid": len(plan.rows) - total}
        for r in rows:
            counts[{"create": "created", "update": "updated", "skip": "skipped"}[r.action]] += 1
        t = plan.table
        progress(0, total, "")
        w = Writer(db)
        module.apply(db, plan, rows, w, tick)
        progress(total, total, "")
        mapping = {(t.headers[i] if i < len(t.headers) else str(i)): k
                   for i, k in sorted(plan.mapping.items())}
        changes = w.changes()
        counts["records_created"] = {k: len(v) for k, v in changes["created"].items()}
        counts["records_updated"] = len(changes["updated"])
        log = {
            "id": w.next_id("import_log"), "uuid": str(uuidlib.uuid4()),
            "created_at": w.now, "updated_at": w.now, "deleted_at": None, "hlc": w.hlc,
            "kind": plan.kind, "file_name": t.file_name, "sha256": t.sha256, "sheet": t.sheet,
            "counts": json.dumps(counts), "mapping": json.dumps(mapping, ensure_ascii=False),
            "changes": json.dumps(changes, ensure_ascii=False, default=str),
            "actor": db.actor(), "undone_at": None}
        db.execute(f"INSERT INTO import_log ({', '.join(log)}) "
                   f"VALUES ({', '.join('?' for _ in log)})", list(log.values()))
        audit(db, "import", "import_log", log["uuid"],
              {"kind": plan.kind, "file": t.file_name, "sha256": t.sha256, "counts": counts})
    invalid = [r.as_dict() for r in plan.rows if r.errors]
    return {"import_id": log["uuid"], "kind": plan.kind, "file": t.file_name,
            "sha256": t.sha256, "sheet": t.sheet, "counts": counts,
            "new_cohorts": plan.new_cohorts, "invalid_rows": invalid,
            "rechecked": rechecked}
