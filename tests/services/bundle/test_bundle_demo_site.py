"""A demo site end to end: bundle, consolidate, same indicators; nothing personal leaves."""

import csv
import io
import json

from citesdesk.core import indicators
from citesdesk.core.db import open_database
from citesdesk.services.bundle import create_bundle, keys
from citesdesk.services.demo import build_demo
from citesdesk.services.national import consolidate
from citesdesk.services.national.store import open_store
from tests.services.bundle.helpers import members
from tests.services.bundle.site_fixture import TODAY


def _demo(tmp_path, name="demo.sqlite", seed=3):
    db = open_database(tmp_path / name, create=True)
    build_demo(db, participants=60, seed=seed, today=TODAY)
    return db


def _personal_values(db) -> tuple[set[str], set[str]]:
    """(long values that must not appear anywhere, names that must be no cell)."""
    anywhere, names = set(), set()
    for row in db.execute("SELECT last_name, first_name, birth_name, birth_date, phone, email, "
                          "address, ft_id, ml_id FROM participant"):
        last, first, birth_name, birth, phone, email, address, ft, ml = row
        names.update(v for v in (last, first, birth_name, f"{first} {last}") if v)
        if birth:
            anywhere.update({birth, f"{birth[8:10]}/{birth[5:7]}/{birth[:4]}"})
        anywhere.update(v for v in (phone, email, address, ft, ml) if v and len(v) >= 6)
        if phone:
            anywhere.add(phone.replace(" ", ""))
    for sql in ("SELECT text FROM note", "SELECT note FROM event WHERE note IS NOT NULL",
                "SELECT reason FROM referral WHERE reason IS NOT NULL",
                "SELECT summary FROM partner_exchange WHERE summary IS NOT NULL",
                "SELECT notes FROM partner WHERE notes IS NOT NULL",
                "SELECT email FROM partner_contact WHERE email IS NOT NULL",
                "SELECT phone FROM partner_contact WHERE phone IS NOT NULL",
                "SELECT address FROM partner WHERE address IS NOT NULL"):
        anywhere.update(r[0] for r in db.execute(sql) if r[0] and len(r[0]) >= 6)
    for last, first in db.execute("SELECT last_name, first_name FROM partner_contact"):
        names.update(v for v in (last, first, f"{first} {last}") if v)
    return anywhere, names


def test_demo_site_round_trip_and_nothing_personal(tmp_path, national):
    db = _demo(tmp_path)
    keys.set_recipients(db, [national[1]])
    out = tmp_path / "demo.citesbundle"
    result = create_bundle(db, out, today=TODAY)
    objectors = db.execute("SELECT count(*) FROM participant WHERE deleted_at IS NULL "
                           "AND opposition_evaluation = 1").fetchone()[0]
    assert result.objectors == objectors > 0
    assert result.counts["participants"] == db.execute(
        "SELECT count(*) FROM participant WHERE deleted_at IS NULL").fetchone()[0] - objectors

    items = members(out, national[0])
    blob = b"\n".join(items.values()).decode("utf-8")
    anywhere, names = _personal_values(db)
    assert anywhere and names
    leaked = [v for v in anywhere if v in blob]
    assert leaked == []
    cells = set()
    for name, data in items.items():
        if name.endswith(".csv"):
            for row in csv.reader(io.StringIO(data.decode("utf-8"))):
                cells.update(row)
    assert names & cells == set()

    nat = tmp_path / "nat"
    assert [o.status for o in consolidate([out], national[0], nat).outcomes] == ["accepted"]
    store = open_store(nat / "national.sqlite")
    got = {(q, c): (tv, cv) for q, c, tv, cv in store.execute(
        "SELECT trimestre, code, trimestre_valeur, cumul_valeur FROM indicateurs")}
    store.close()
    quarters = json.loads(items["datapackage.json"])["citesdesk"]["quarters"]
    for q in indicators.compute_range(db, quarters[0], quarters[-1]):
        for ind, tv, cv in q.rows():
            national_tv, national_cv = got[(q.quarter.label, ind.code)]
            assert (national_tv, national_cv) == (tv, cv) or (
                abs(national_tv - tv) < 1e-12 and abs(national_cv - cv) < 1e-12)
    db.close()


def test_two_demo_sites_have_disjoint_pseudonyms(tmp_path, national):
    a, b = _demo(tmp_path, "a.sqlite", seed=3), _demo(tmp_path, "b.sqlite", seed=3)
    pa = keys.pseudonymiser(keys.pseudonym_secret(a))
    pb = keys.pseudonymiser(keys.pseudonym_secret(b))
    uuids = [r[0] for r in a.execute("SELECT uuid FROM participant")]
    assert not {pa(u) for u in uuids} & {pb(u) for u in uuids}
    a.close()
    b.close()
