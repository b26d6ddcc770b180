"""Participants: one row per person, with an optional cohort enrollment (cohort, entry,
exit, exit reason). Duplicates by :class:`~citesdesk.services.importer.people.PeopleIndex`
(the rules of :mod:`citesdesk.services.participants`, plus the Mission locale and other
ids and close names with the same birth date)."""

from __future__ import annotations

from citesdesk.core.contact_check import CONTACT_FIELDS, merged, settle_flags
from citesdesk.core.model import PARTICIPANT
from citesdesk.core.qpv import settle_residence
from citesdesk.core.text import fold_key
from citesdesk.services.importer.people import PeopleIndex, reason_text
from citesdesk.services.importer.people import fast_fold_key as cached_key
from citesdesk.services.importer.plan import Duplicate, ImportPlan, RowResult
from citesdesk.services.importer.writer import differs

_ENROLL_KEYS = ("cohort", "date_entree", "date_sortie", "motif_sortie")
_PERSON_FIELDS = PARTICIPANT.names


def _label(v: dict) -> str:
    text = f"{v.get('last_name') or ''} {v.get('first_name') or ''}".strip()
    if v.get("birth_date"):
        text += f", né·e le {_fr_date(v['birth_date'])}"
    return text


def _fr_date(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso and len(iso) == 10 else str(iso)


class Checker:
    def __init__(self, db, plan: ImportPlan, ctx) -> None:
        self.db, self.plan, self.ctx = db, plan, ctx
        self.index = PeopleIndex(db)
        self.cohorts = {fold_key(r[1]): r[0] for r in db.execute(
            "SELECT uuid, name FROM cohort WHERE deleted_at IS NULL")}
        self.new_cohorts: dict[str, str] = {}
        self.row_values: dict[int, dict] = {}

    def check(self, result: RowResult, values: dict) -> None:
        ctx = self.ctx
        p = {k: v for k, v in values.items() if k in _PERSON_FIELDS}
        e = {k: values.get(k) for k in _ENROLL_KEYS if values.get(k) not in (None, "")}
        # A quarter of the list in the QPV cell makes a resident, unless the row says no;
        # a contact detail that fails its check is kept and flagged.
        for w in settle_residence(p, values, result.issues, ctx.qpv_reference):
            result.issues.append(ctx.issue(result.row, w, "resident_qpv"))
        written = {f: values[f] for f in CONTACT_FIELDS if values.get(f) not in (None, "")}
        if written:
            settle_flags(p, written, result.issues, None)
        ctx.cross_check(result, "participant", p)
        if e:
            if not e.get("cohort"):
                ctx.row_error(result, "cohort", "required",
                              "Indiquez la cohorte (une date d'entrée ou de sortie est donnée).",
                              "Give the cohort (an entry or exit date is given).")
            if not e.get("date_entree"):
                ctx.row_error(result, "date_entree", "required",
                              "Indiquez la date d'entrée dans la cohorte.",
                              "Give the cohort entry date.")
            ctx.cross_check(result, "enrollment", {**e, "participant_id": 0, "cohort_id": 0})
            name = e.get("cohort")
            key = cached_key(name) if name else None
            if key and key not in self.cohorts and key not in self.new_cohorts:
                self.new_cohorts[key] = name
                result.notes.append((f"la cohorte « {name} » sera créée",
                                     f"the cohort '{name}' will be created"))
        result.values = {"participant": p, "enrollment": e}
        if result.errors:
            return
        self._duplicates(result, p, e)

    def _duplicates(self, result: RowResult, p: dict, e: dict) -> None:
        keys = self.index.keys(p)
        found = self.index.match(p, keys)
        dup = None
        if found:
            ref, reason = found
            fr, en = reason_text(reason, "fr"), reason_text(reason, "en")
            if ref.startswith("row:"):
                dup = Duplicate(fr, en, row=int(ref[4:]))
            else:
                dup = Duplicate(fr, en, uuid=ref, label=self._db_label(ref))
        result.duplicate = dup
        if dup is None:
            result.action = "create"
        else:
            result.action = self.plan.on_duplicate
            result.changes = self._changes(dup, p, e)
        if dup is None or result.action == "create":
            self.index.add(f"row:{result.row}", p, keys)
            self.row_values[result.row] = p

    def _db_label(self, uuid: str) -> str:
        last, first, birth = self.index.labels[uuid]
        return _label({"last_name": last, "first_name": first, "birth_date": birth})

    def _changes(self, dup: Duplicate, p: dict, e: dict) -> dict:
        if dup.row:
            old = self.row_values.get(dup.row, {})
        else:
            old = next(self.db.query("SELECT * FROM participant WHERE uuid = ?", [dup.uuid]))
        if "contact_check" in p:  # the flags of the fields this row leaves alone stay
            p["contact_check"] = merged(old.get("contact_check"), p["contact_check"],
                                        [f for f in CONTACT_FIELDS if p.get(f)])
        changes = {k: [old.get(k), v] for k, v in p.items()
                   if differs(k, old.get(k), v)}
        cohort_uuid = self.cohorts.get(fold_key(e.get("cohort")))
        if e.get("cohort") and not dup.row and cohort_uuid is None:
            changes["cohorte"] = [None, e["cohort"]]
        elif e.get("cohort") and not dup.row:
            row = self.db.execute(
                "SELECT e.date_entree, e.date_sortie, e.motif_sortie FROM enrollment e "
                "JOIN cohort c ON c.id = e.cohort_id JOIN participant p ON p.id = e.participant_id "
                "WHERE p.uuid = ? AND e.deleted_at IS NULL AND c.deleted_at IS NULL "
                "AND c.uuid = ? ORDER BY e.date_entree DESC LIMIT 1",
                [dup.uuid, cohort_uuid]).fetchone()
            if row is None:
                changes["cohorte"] = [None, e["cohort"]]
            else:
                for i, k in enumerate(("date_entree", "date_sortie", "motif_sortie")):
                    if e.get(k) and e[k] != row[i]:
                        changes[k] = [row[i], e[k]]
        return changes

    def finish(self) -> None:
        self.plan.new_cohorts = list(self.new_cohorts.values())


def apply(db, plan: ImportPlan, rows: list[RowResult], w, tick) -> None:
    """Write the rows (already free of errors) of a participants plan."""
    cohort_ids = {fold_key(r[1]): r[0] for r in db.execute(
        "SELECT id, name FROM cohort WHERE deleted_at IS NULL")}
    new_cohorts, people, enrollments = [], [], []
    targets: dict[int, tuple[str, object]] = {}  # row -> ("new", row dict) | ("db", uuid)
    pending_enrollments: dict[tuple[int, int], dict] = {}

    def cohort_id(name: str) -> int:
        key = cached_key(name)
        if key not in cohort_ids:
            row = w.new_row("cohort", {"name": name.strip()})
            new_cohorts.append(row)
            cohort_ids[key] = row["id"]
        return cohort_ids[key]

    def enroll(pid: int, e: dict, existing_db: bool) -> None:
        cid = cohort_id(e["cohort"])
        values = {k: e.get(k) for k in ("date_entree", "date_sortie", "motif_sortie")}
        if (pid, cid) in pending_enrollments:
            pending = pending_enrollments[(pid, cid)]
            pending.update({k: v for k, v in values.items() if v})
            return
        if existing_db:
            found = db.execute("SELECT uuid FROM enrollment WHERE participant_id = ? AND "
                               "cohort_id = ? AND deleted_at IS NULL ORDER BY date_entree DESC "
                               "LIMIT 1", [pid, cid]).fetchone()
            if found:
                w.update("enrollment", found[0], values)
                return
        row = w.new_row("enrollment", {"participant_id": pid, "cohort_id": cid, **values})
        enrollments.append(row)
        pending_enrollments[(pid, cid)] = row

    for n, r in enumerate(rows, 1):
        tick(n)
        p, e = r.values["participant"], r.values["enrollment"]
        if r.action == "skip":
            continue
        dup = r.duplicate
        if r.action == "create" or dup is None:
            row = w.new_row("participant", p)
            people.append(row)
            targets[r.row] = ("new", row)
            if e:
                enroll(row["id"], e, False)
            continue
        target = targets.get(dup.row) if dup.row else ("db", dup.uuid)
        if target is None:  # the earlier row was skipped: this one stands for it
            row = w.new_row("participant", p)
            people.append(row)
            targets[r.row] = ("new", row)
            if e:
                enroll(row["id"], e, False)
            continue
        targets[r.row] = target
        if target[0] == "new":
            record = target[1]
            record.update({k: v for k, v in p.items() if differs(k, record.get(k), v)})
            if e:
                enroll(record["id"], e, False)
        else:
            w.update("participant", target[1], p)
            if e:
                enroll(w.id_of("participant", target[1]), e, True)
    w.insert_many("cohort", new_cohorts)
    w.insert_many("participant", people)
    w.insert_many("enrollment", enrollments)
