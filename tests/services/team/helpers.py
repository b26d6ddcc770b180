"""A team of laptops for the exchange tests: one site, copies made with ``team copy``,
and a canonical dump to compare them."""

from __future__ import annotations

import itertools
from pathlib import Path

from citesdesk.core.db import open_database
from citesdesk.core.schema import SYNCED_TABLES
from citesdesk.services import importer, records
from citesdesk.services.team import clocks, copy_for_colleague, keys

_files = itertools.count(1)


def make_site(path: Path, code: str = "CE-069-01"):
    db = open_database(path, create=True)
    records.create(db, "site", {"name": "Cité de l'emploi Vaulx", "site_code": code,
                                "departement": "69", "coordinators": "Nadia Ferhat"})
    records.create(db, "cohort", {"name": "Cohorte 2026", "start_date": "2026-01-05"})
    records.create(db, "partner", {"type": "SIAE", "name": "Régie Est"})
    for last, first in (("Martin", "Léa"), ("Benali", "Karim")):
        records.create(db, "participant", {"last_name": last, "first_name": first,
                                           "birth_date": "1990-02-03"})
    return db


def make_team(folder: Path, n: int = 3) -> list:
    """``n`` laptops of one site: the first, and copies of it for colleagues, who all
    know each other's keys."""
    first = make_site(folder / "poste0.sqlite")
    dbs = [first]
    for i in range(1, n):
        copy_for_colleague(first, folder / f"poste{i}.sqlite", f"Collègue {i}")
        dbs.append(open_database(folder / f"poste{i}.sqlite"))
    for a, b in itertools.permutations(range(1, n), 2):
        path, _ = keys.write_public_key(dbs[b], folder / f"k{b}.citesequipe-cle")
        keys.add_member(dbs[a], keys.read_public_key(path))
    return dbs


def new_file(folder: Path) -> Path:
    return folder / f"f{next(_files)}.citesequipe"


def import_people(db, folder: Path, names: list[tuple[str, str]]) -> str:
    path = folder / f"import{next(_files)}.csv"
    path.write_text("Nom de famille,Prénom,Date de naissance\n"
                    + "".join(f"{a},{b},01/01/1985\n" for a, b in names), "utf-8")
    table = importer.load_table(path, "participants")
    mapping, _ = importer.suggest_mapping(db, table)
    plan = importer.analyse(db, table, mapping, on_duplicate="create")
    return importer.commit(db, plan)["import_id"]


def canonical(db) -> dict:
    """Every synced record with its fields (local ids as uuids) and every field's clock."""
    out = {}
    for table in SYNCED_TABLES:
        cols = clocks.columns(db, table)
        refs = clocks.REFS.get(table, {})
        rows = []
        for row in db.execute(f"SELECT uuid, hlc, {', '.join(cols)} FROM {table}"):
            values = dict(zip(["uuid", "hlc", *cols], row, strict=True))
            for c, ref in refs.items():
                if values[c] is not None:
                    values[c] = db.execute(f"SELECT uuid FROM {ref} WHERE id = ?",
                                           [values[c]]).fetchone()[0]
            rc = clocks.record_clocks(db, table, [values["uuid"]]).get(values["uuid"], {})
            values["clocks"] = {c: clocks.effective(rc, c) for c in cols}
            rows.append(values)
        out[table] = sorted(rows, key=lambda r: r["uuid"])
    # the journal: every laptop's entries, a union by uuid (but the entries of the
    # exchanges themselves: each merge writes one, after the files it compares with)
    out["journal"] = sorted(db.execute(
        "SELECT uuid, at, actor, action, table_name, record_uuid, changes, hlc "
        "FROM audit_log WHERE action NOT IN ('team_merge', 'team_export')").fetchall())
    out["purged"] = sorted(r[0] for r in db.execute("SELECT uuid_hash FROM purge_mark"))
    out["conflicts"] = sorted(db.execute(
        "SELECT key, tbl, uuid, field, value_a, hlc_a, resolved_hlc, resolved_value "
        "FROM sync_conflict").fetchall())
    return out
