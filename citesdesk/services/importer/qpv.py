"""The official QPV list (``code_qp;lib_qp;insee_com;lib_com``): loaded into the ``qpv``
reference table; codes already there are updated, none is removed. Participants' QPV
codes are then checked against it."""

from __future__ import annotations

import json

from citesdesk.core.validation import QPV_2015_RE, QPV_2024_RE
from citesdesk.services.importer.plan import Duplicate, ImportPlan, RowResult


class Checker:
    def __init__(self, db, plan: ImportPlan, ctx) -> None:
        self.plan, self.ctx = plan, ctx
        self.existing = {r[0]: (r[1], r[2], r[3]) for r in db.execute(
            "SELECT code, name, insee_com, commune FROM qpv")}
        self.seen: dict[str, int] = {}

    def check(self, result: RowResult, values: dict) -> None:
        code = (values.get("code") or "").upper().replace(" ", "")
        if code and not (QPV_2024_RE.match(code) or QPV_2015_RE.match(code)):
            self.ctx.row_error(result, "code", "invalid_qpv",
                               f"Code QPV invalide « {code} » : attendu QN + département + "
                               "numéro + lettre (ex. QN07501M) ou QP + six chiffres.",
                               f"Invalid QPV code '{code}': expected QN + département + number "
                               "+ letter (e.g. QN07501M) or QP + six digits.")
        insee = values.get("insee_com")
        if insee and str(insee).isdigit() and len(str(insee)) == 4:
            insee = "0" + str(insee)
        row = {"code": code, "name": values.get("name"), "insee_com": insee,
               "commune": values.get("commune")}
        result.values = {"qpv": row}
        if result.errors:
            return
        if code in self.seen:
            result.duplicate = Duplicate("même code QPV", "same QPV code", row=self.seen[code])
            result.action = "skip" if self.plan.on_duplicate == "skip" else "update"
            return
        self.seen[code] = result.row
        if code in self.existing:
            old = dict(zip(("name", "insee_com", "commune"), self.existing[code], strict=True))
            result.changes = {k: [old[k], row[k]] for k in old if row[k] and old[k] != row[k]}
            result.duplicate = Duplicate("code déjà dans la liste", "code already in the list",
                                         uuid=code, label=code)
            result.action = "update" if self.plan.on_duplicate != "skip" or result.changes \
                else "skip"

    def finish(self) -> None:
        pass


def apply(db, plan: ImportPlan, rows: list[RowResult], w, tick) -> None:
    from citesdesk.core.db import utc_now

    now = utc_now()
    before, added = [], []
    by_code: dict[str, dict] = {}
    for n, r in enumerate(rows, 1):
        tick(n)
        if r.action == "skip":
            continue
        row = r.values["qpv"]
        by_code.setdefault(row["code"], {}).update({k: v for k, v in row.items() if v})
    for code in by_code:
        old = db.execute("SELECT code, name, insee_com, commune, loaded_at FROM qpv "
                         "WHERE code = ?", [code]).fetchone()
        if old:
            before.append(list(old))
        else:
            added.append(code)
    db.conn.executemany(
        "INSERT INTO qpv (code, name, insee_com, commune, loaded_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, insee_com = "
        "coalesce(excluded.insee_com, insee_com), commune = coalesce(excluded.commune, commune), "
        "loaded_at = excluded.loaded_at",
        [[c, r["name"], r.get("insee_com"), r.get("commune"), now] for c, r in by_code.items()])
    from citesdesk.core.qpv import record_import

    previous = db.setting("qpv_list")
    record_import(db, plan.table.file_name, now[:10])
    # The list in force before (as stored: JSON text), put back if the import is undone.
    w.updated.append({"table": "setting", "uuid": "qpv_list", "after": {}, "before": {
        "value": None if previous is None else json.dumps(previous, ensure_ascii=False)}})
    w.created["qpv"] = added
    w.updated.extend({"table": "qpv", "uuid": b[0], "before": dict(zip(
        ("code", "name", "insee_com", "commune", "loaded_at"), b, strict=True)), "after": {}}
        for b in before)
