"""The national side: consolidation, trust on first use, sequences, every refusal."""

import json
import stat
import zipfile

import pyrage
import pytest
from python_calamine import CalamineWorkbook

from citesdesk.core import indicators
from citesdesk.core.db import open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.services.bundle import create_bundle, keys
from citesdesk.services.national import consolidate, keygen
from citesdesk.services.national.store import open_store
from tests.services.bundle.helpers import members, resign, seal
from tests.services.bundle.site_fixture import TODAY, build_site


def _report(out):
    return json.loads((out / "report.json").read_text("utf-8"))


def _refusal(out, index=0):
    entry = _report(out)["files"][index]
    assert entry["status"] == "refused"
    return entry["reason_code"]


def _loaded(out):
    db = open_store(out / "national.sqlite")
    try:
        return db.execute("SELECT code_site, sequence FROM bundle").fetchall(), \
            db.execute("SELECT count(*) FROM participants").fetchone()[0]
    finally:
        db.close()


def test_round_trip_national_indicators_equal_the_sites(site, national, tmp_path):
    db = site["db"]
    out = tmp_path / "lot.citesbundle"
    result = create_bundle(db, out, today=TODAY)
    nat = tmp_path / "national"
    outcome = consolidate([out], national[0], nat)
    assert [o.status for o in outcome.outcomes] == ["accepted"]
    expected = {}
    for q in indicators.compute_range(db, result.quarters[0], result.quarters[-1]):
        for ind, tv, cv in q.rows():
            expected[(q.quarter.label, ind.code)] = (tv, cv)
    store = open_store(nat / "national.sqlite")
    got = {(q, c): (tv, cv) for q, c, tv, cv in store.execute(
        "SELECT trimestre, code, trimestre_valeur, cumul_valeur FROM indicateurs "
        "WHERE code_site = 'CE-075-01'")}
    assert expected and got.keys() == expected.keys()
    for key, want in expected.items():  # value by value: approx() takes no nested dicts
        for have, value in zip(got[key], want, strict=True):
            if value is None:
                assert have is None, key
            else:
                assert have == pytest.approx(value), key
    assert store.execute("SELECT count(*) FROM participants").fetchone()[0] == 3
    assert store.execute("SELECT brsa FROM participants WHERE annee_naissance = 1987"
                         ).fetchone()[0] == 1
    store.close()
    # the workbook: per site and quarter, and national totals
    wb = CalamineWorkbook.from_path(str(nat / "national.xlsx"))
    assert wb.sheet_names == ["Par site", "Totaux nationaux", "Lots chargés"]
    per_site = wb.get_sheet_by_name("Par site").to_python()
    assert per_site[0] == ["Code site", "Site", "Trimestre", "Code", "Indicateur",
                           "Valeur du trimestre", "Cumul"]
    row = next(r for r in per_site if r[2] == "2026-T1" and r[3] == "S_SORTIES")
    assert (row[5], row[6]) == expected[("2026-T1", "S_SORTIES")]
    assert len(per_site) - 1 == len(expected)
    report = _report(nat)
    assert report["accepted"] == 1 and report["files"][0]["sequence"] == 1


def test_national_totals_add_sites_and_recompute_the_rate(site, national, tmp_path):
    other = open_database(tmp_path / "other.sqlite", create=True)
    build_site(other, code="CE-013-02", name="=Marseille", objector=False)
    keys.set_recipients(other, [national[1]])
    a, b = tmp_path / "a.citesbundle", tmp_path / "b.citesbundle"
    create_bundle(site["db"], a, today=TODAY)
    create_bundle(other, b, today=TODAY)
    other.close()
    nat = tmp_path / "nat"
    consolidate([a, b], national[0], nat)
    wb = CalamineWorkbook.from_path(str(nat / "national.xlsx"))
    totals = {(r[0], r[1]): r for r in wb.get_sheet_by_name("Totaux nationaux").to_python()[1:]}
    assert totals[("2026-T4", "P_ACTIFS")][4] == 8  # four people entered in each site
    assert totals[("2026-T1", "S_SORTIES")][3] == 2 and totals[("2026-T1", "S_SORTIES")][5] == 2
    assert totals[("2026-T1", "TX_SORTIES_DYNAMIQUES")][3] == 1.0
    sites = wb.get_sheet_by_name("Lots chargés").to_python()
    assert [r[1] for r in sites[1:]] == ["=Marseille", "Cité de l'emploi Paris 19"]


def test_same_bundle_twice_changes_nothing(site, national, tmp_path):
    out = tmp_path / "lot.citesbundle"
    create_bundle(site["db"], out, today=TODAY)
    nat = tmp_path / "nat"
    consolidate([out], national[0], nat)
    before = (nat / "national.sqlite").stat().st_size, _loaded(nat)
    result = consolidate([out], national[0], nat)
    assert [o.status for o in result.outcomes] == ["unchanged"]
    assert _loaded(nat) == before[1]


def test_highest_sequence_wins_and_lower_is_refused(site, national, tmp_path):
    db = site["db"]
    first, second = tmp_path / "1.citesbundle", tmp_path / "2.citesbundle"
    create_bundle(db, first, today=TODAY)
    db.execute("UPDATE participant SET opposition_evaluation = 0")
    create_bundle(db, second, today=TODAY)
    nat = tmp_path / "nat"
    result = consolidate([first, second], national[0], nat)
    assert [o.status for o in result.outcomes] == ["accepted", "accepted"]
    assert _loaded(nat) == ([("CE-075-01", 2)], 4)
    consolidate([first], national[0], nat)
    assert _refusal(nat) == "lower_sequence"
    assert _loaded(nat) == ([("CE-075-01", 2)], 4)


def test_changed_site_key_refused_until_accepted(site, national, tmp_path):
    db = site["db"]
    first, second = tmp_path / "1.citesbundle", tmp_path / "2.citesbundle"
    create_bundle(db, first, today=TODAY)
    nat = tmp_path / "nat"
    consolidate([first], national[0], nat)
    db.execute("DELETE FROM setting WHERE key = 'signing_key'")  # a new key appears
    create_bundle(db, second, today=TODAY)
    consolidate([second], national[0], nat)
    assert _refusal(nat) == "changed_key"
    assert "--accept-new-key" in _report(nat)["files"][0]["reason"]
    assert _loaded(nat)[0] == [("CE-075-01", 1)]
    result = consolidate([second], national[0], nat, accept_new_keys=["CE-075-01"])
    assert [o.status for o in result.outcomes] == ["accepted"]
    assert _loaded(nat)[0] == [("CE-075-01", 2)]
    store = open_store(nat / "national.sqlite")
    assert len(json.loads(store.execute("SELECT previous_keys FROM site_key").fetchone()[0])) == 1
    store.close()


# --- every refusal of docs/design/BUNDLE.md: nothing loaded from the file ----------------------------

@pytest.fixture
def good(site, national, tmp_path):
    out = tmp_path / "good.citesbundle"
    create_bundle(site["db"], out, today=TODAY)
    return members(out, national[0])


def _refused(path, national, tmp_path) -> str:
    nat = tmp_path / "nat"
    result = consolidate([path], national[0], nat)
    assert result.outcomes[0].status == "refused"
    assert _loaded(nat) == ([], 0)
    return result.outcomes[0].reason_code


def test_refuses_what_does_not_decrypt(site, national, tmp_path):
    out = tmp_path / "lot.citesbundle"
    create_bundle(site["db"], out, today=TODAY)
    other = tmp_path / "other.key"
    other.write_text(str(pyrage.x25519.Identity.generate()) + "\n")
    result = consolidate([out], other, tmp_path / "nat")
    assert result.outcomes[0].reason_code == "not_decryptable"
    plain = tmp_path / "plain.zip"
    plain.write_bytes(b"PK\x03\x04 not encrypted")
    assert _refused(plain, national, tmp_path) == "not_decryptable"


def test_refuses_an_unexpected_member(good, national, tmp_path):
    bad = tmp_path / "bad.citesbundle"
    seal(bad, {**good, "data/notes.csv": b"texte,libre\r\n"}, national[1])
    assert _refused(bad, national, tmp_path) == "unexpected_member"


def test_refuses_path_traversal(good, national, tmp_path):
    bad = tmp_path / "bad.citesbundle"
    seal(bad, {**good, "../../etc/evil.csv": b"x"}, national[1])
    assert _refused(bad, national, tmp_path) == "unsafe_member"
    seal(bad, {**good, "/tmp/evil.csv": b"x"}, national[1])
    assert _refused(bad, national, tmp_path) == "unsafe_member"


def test_refuses_a_link(good, national, tmp_path):
    info = zipfile.ZipInfo("data/site.csv")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    bad = tmp_path / "bad.citesbundle"
    seal(bad, {**good, "data/site.csv": b"/etc/passwd"}, national[1],
         infos={"data/site.csv": info})
    assert _refused(bad, national, tmp_path) == "unsafe_member"


def test_refuses_an_inflation_bomb(good, national, tmp_path):
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in good.items():
            if name != "data/evenements.csv":
                zf.writestr(name, data)
        chunk = b"\0" * (64 << 20)
        with zf.open("data/evenements.csv", "w", force_zip64=True) as fh:
            for _ in range(17):  # 1,088 MiB of zeros, about 1 MB compressed
                fh.write(chunk)
    bad = tmp_path / "bomb.citesbundle"
    bad.write_bytes(pyrage.encrypt(buf.getvalue(),
                                   [pyrage.x25519.Recipient.from_str(national[1])]))
    assert bad.stat().st_size < 5 << 20
    assert _refused(bad, national, tmp_path) == "too_large"


def test_refuses_a_bad_signature(good, national, tmp_path):
    package = json.loads(good["datapackage.json"])
    package["citesdesk"]["sequence"] = 99
    bad = tmp_path / "bad.citesbundle"
    seal(bad, {**good, "datapackage.json": json.dumps(package).encode()}, national[1])
    assert _refused(bad, national, tmp_path) == "bad_signature"


def test_refuses_an_altered_csv(good, national, tmp_path):
    data = good["data/participants.csv"].replace(b",F,", b",H,", 1)
    assert data != good["data/participants.csv"]
    bad = tmp_path / "bad.citesbundle"
    seal(bad, {**good, "data/participants.csv": data}, national[1])
    assert _refused(bad, national, tmp_path) == "hash_mismatch"


def test_refuses_a_schema_violation(site, good, national, tmp_path):
    items = dict(good)
    items["data/participants.csv"] = good["data/participants.csv"].replace(
        b",F,", b",Femme,", 1)
    resign(site["db"], items)  # well signed and hashed, but not valid
    bad = tmp_path / "bad.citesbundle"
    seal(bad, items, national[1])
    nat = tmp_path / "nat"
    result = consolidate([bad], national[0], nat)
    assert result.outcomes[0].reason_code == "schema_violation"
    assert "participants.csv row" in result.outcomes[0].reason_en
    assert "'Femme'" in result.outcomes[0].reason_en


def test_refuses_a_loosened_schema(site, good, national, tmp_path):
    items = dict(good)
    package = json.loads(items["datapackage.json"])
    package["resources"][2]["schema"]["fields"][2].pop("constraints")
    items["datapackage.json"] = json.dumps(package).encode()
    resign(site["db"], items)
    bad = tmp_path / "bad.citesbundle"
    seal(bad, items, national[1])
    assert _refused(bad, national, tmp_path) == "schema_violation"


def test_refuses_a_missing_member(good, national, tmp_path):
    items = {k: v for k, v in good.items() if k != "data/orientations.csv"}
    bad = tmp_path / "bad.citesbundle"
    seal(bad, items, national[1])
    assert _refused(bad, national, tmp_path) == "missing_member"


def test_one_bad_file_does_not_stop_the_others(site, good, national, tmp_path):
    ok = tmp_path / "good.citesbundle"
    bad = tmp_path / "bad.citesbundle"
    seal(bad, {**good, "x.txt": b""}, national[1])
    result = consolidate([bad, ok], national[0], tmp_path / "nat")
    assert [o.status for o in result.outcomes] == ["refused", "accepted"]
    assert _report(tmp_path / "nat")["refused"] == 1


def test_keygen_writes_identity_and_never_overwrites(tmp_path):
    path, recipient = keygen(tmp_path / "k")
    assert recipient.startswith("age1") and oct(path.stat().st_mode)[-3:] == "600"
    assert recipient in path.read_text() and "AGE-SECRET-KEY-1" in path.read_text()
    assert (tmp_path / "k" / "national.pub").read_text().strip() == recipient
    with pytest.raises(CitesDeskError, match="existe déjà"):
        keygen(tmp_path / "k")


def test_worker_processes_give_the_same_outcomes(site, good, national, tmp_path):
    other = open_database(tmp_path / "other.sqlite", create=True)
    build_site(other, code="CE-013-02", name="Marseille")
    keys.set_recipients(other, [national[1]])
    second = tmp_path / "second.citesbundle"
    create_bundle(other, second, today=TODAY)
    other.close()
    bad = tmp_path / "bad.citesbundle"
    seal(bad, {**good, "x.txt": b""}, national[1])
    files = [tmp_path / "good.citesbundle", bad, second, tmp_path / "good.citesbundle"]
    serial = consolidate(files, national[0], tmp_path / "serial", workers=1)
    parallel = consolidate(files, national[0], tmp_path / "parallel", workers=2)
    assert [o.as_dict() for o in parallel.outcomes] == [o.as_dict() for o in serial.outcomes]
    assert [o.status for o in parallel.outcomes] == ["accepted", "refused", "accepted",
                                                     "unchanged"]
    assert _loaded(tmp_path / "parallel")[1] == 3 + 3
