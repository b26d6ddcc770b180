"""Journey events: the participant found by an id or by name + birth date, the partner by
its name in the directory; the same participant, type and date twice is a duplicate."""

from __future__ import annotations

import difflib

from citesdesk.core.text import fold_key
from citesdesk.services.importer.plan import Duplicate, ImportPlan, RowResult
from citesdesk.services.importer.writer import differs
from citesdesk.services.participants import name_keys

PARTNER_FUZZY_MIN = 0.85
_EVENT = ("type", "date", "code_contrat", "code_frein", "note")


class Checker:
    def __init__(self, db, plan: ImportPlan, ctx) -> None:
        self.db, self.plan, self.ctx = db, plan, ctx
        self.by_id: dict[tuple[str, str], set[int]] = {}
        self.by_name: dict[tuple, set[int]] = {}
        self.people: dict[int, str] = {}
        for pid, last, first, birth_name, birth, ft, ml, other in db.execute(
                "SELECT id, last_name, first_name, birth_name, birth_date, ft_id, ml_id, "
                "other_id FROM participant WHERE deleted_at IS NULL"):
            self.people[pid] = f"{last} {first}"
            for key, value in (("ft_id", ft), ("ml_id", ml), ("other_id", other)):
                if value:
                    self.by_id.setdefault((key, fold_key(value)), set()).add(pid)
            for names in name_keys(last, first, birth_name):
                self.by_name.setdefault((names, birth), set()).add(pid)
        self.partners = {}
        for pid, name in db.execute("SELECT id, name FROM partner WHERE deleted_at IS NULL"):
            self.partners.setdefault(fold_key(name), (pid, name))
        self.existing: dict[tuple, str] = {}
        for uuid, pid, type_, date in db.execute(
                "SELECT uuid, participant_id, type, date FROM event WHERE deleted_at IS NULL"):
            self.existing.setdefault((pid, type_, date), uuid)
        self.seen: dict[tuple, int] = {}

    def _person(self, result: RowResult, v: dict) -> int | None:
        ctx = self.ctx
        for key in ("ft_id", "ml_id", "other_id"):
            if v.get(key):
                found = self.by_id.get((key, fold_key(v[key])), set())
                if len(found) == 1:
                    return next(iter(found))
                if len(found) > 1:
                    ctx.row_error(result, key, "ambiguous",
                                  f"Plusieurs participants ont l'identifiant « {v[key]} ».",
                                  f"Several participants have the id '{v[key]}'.")
                    return None
        if v.get("last_name") and v.get("first_name") and v.get("birth_date"):
            found = set()
            for names in name_keys(v["last_name"], v["first_name"]):
                found |= self.by_name.get((names, v["birth_date"]), set())
            if len(found) == 1:
                return next(iter(found))
            if len(found) > 1:
                ctx.row_error(result, "last_name", "ambiguous",
                              "Plusieurs participants portent ce nom avec cette date de "
                              "naissance : donnez leur identifiant.",
                              "Several participants have this name and date of birth: give "
                              "their id.")
                return None
        who = " ".join(str(v[k]) for k in ("ft_id", "ml_id", "other_id", "last_name",
                                            "first_name", "birth_date") if v.get(k))
        key = next((k for k in ("ft_id", "ml_id", "other_id", "last_name") if v.get(k)), None)
        ctx.row_error(result, key or "last_name", "participant_not_found",
                      f"Participant introuvable ({who or 'ni identifiant ni nom'}) : "
                      "importez ou créez d'abord la personne.",
                      f"Participant not found ({who or 'no id, no name'}): import or create "
                      "the person first.")
        return None

    def _partner(self, result: RowResult, name: str) -> int | None:
        key = fold_key(name)
        if key in self.partners:
            return self.partners[key][0]
        close = difflib.get_close_matches(key, list(self.partners), n=1,
                                          cutoff=PARTNER_FUZZY_MIN)
        if close:
            pid, real = self.partners[close[0]]
            self.ctx.row_error(result, "partner", "partner_close",
                               f"Partenaire « {name} » rapproché de « {real} » de l'annuaire.",
                               f"Partner '{name}' matched to '{real}' in the directory.",
                               "warning")
            return pid
        self.ctx.row_error(result, "partner", "partner_not_found",
                           f"Partenaire « {name} » absent de l'annuaire : ajoutez-le d'abord "
                           "(ou importez la liste des partenaires).",
                           f"Partner '{name}' is not in the directory: add it first (or import "
                           "the partners list).")
        return None

    def check(self, result: RowResult, values: dict) -> None:
        ev = {k: values.get(k) for k in _EVENT if k in values}
        pid = self._person(result, values)
        if values.get("partner"):
            ev["partner_id"] = self._partner(result, values["partner"])
        self.ctx.cross_check(result, "event", {**ev, "participant_id": pid or 0})
        ev["participant_id"] = pid
        result.values = {"event": ev}
        if result.errors:
            return
        key = (pid, ev.get("type"), ev.get("date"))
        if key in self.seen:
            result.duplicate = Duplicate("même participant, même étape, même date",
                                         "same participant, step and date", row=self.seen[key])
        elif key in self.existing:
            result.duplicate = Duplicate("même participant, même étape, même date",
                                         "same participant, step and date",
                                         uuid=self.existing[key],
                                         label=f"{self.people.get(pid)}, {ev['type']}, "
                                               f"{ev['date']}")
        if result.duplicate:
            result.action = self.plan.on_duplicate
            if result.duplicate.uuid:
                old = next(self.db.query("SELECT * FROM event WHERE uuid = ?",
                                         [result.duplicate.uuid]))
                result.changes = {k: [old.get(k), v] for k, v in ev.items()
                                  if differs(k, old.get(k), v)}
        if not result.duplicate or result.action == "create":
            self.seen.setdefault(key, result.row)

    def finish(self) -> None:
        pass


def apply(db, plan: ImportPlan, rows: list[RowResult], w, tick) -> None:
    new: dict[int, dict] = {}
    for n, r in enumerate(rows, 1):
        tick(n)
        ev, dup = r.values["event"], r.duplicate
        if r.action == "skip":
            continue
        if r.action == "create" or dup is None or (dup.row and dup.row not in new):
            new[r.row] = w.new_row("event", ev)
        elif dup.row:
            new[dup.row].update({k: v for k, v in ev.items() if v not in (None, "")})
        else:
            w.update("event", dup.uuid, ev)
    w.insert_many("event", list(new.values()))
