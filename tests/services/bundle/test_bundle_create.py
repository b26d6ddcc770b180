"""Creating a bundle: contents, exclusions, pseudonyms, log, and the standard tools."""

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from citesdesk.core.db import open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.services.bundle import create_bundle, history, keys, preview
from citesdesk.services.bundle.package import MEMBERS
from tests.services.bundle.helpers import members
from tests.services.bundle.site_fixture import SECRETS, TODAY, build_site


def _tool(name):
    if shutil.which(name) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} must be installed in CI")
        pytest.skip(f"{name} not installed")


def _rows(items, name):
    return list(csv.DictReader(io.StringIO(items[f"data/{name}.csv"].decode("utf-8"))))


def test_members_and_csv_format(site, national, tmp_path):
    out = tmp_path / "lot.citesbundle"
    result = create_bundle(site["db"], out, today=TODAY)
    assert out.exists() and result.sequence == 1
    items = members(out, national[0])
    assert sorted(items) == sorted(MEMBERS)
    for name in MEMBERS:
        if name.endswith(".csv"):
            data = items[name]
            assert not data.startswith(b"\xef\xbb\xbf")
            assert data.split(b"\r\n")[0].count(b",") >= 2 or name.endswith("site.csv")
            assert b"\r\n" in data
    with zipfile.ZipFile(io.BytesIO(_zip_bytes(out, national[0]))) as zf:
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist())
    package = json.loads(items["datapackage.json"])
    meta = package["citesdesk"]
    assert meta["site_code"] == "CE-075-01" and meta["sequence"] == 1
    assert meta["previous_bundle_sha256"] == "" and meta["created_at"].endswith("Z")
    assert meta["quarters"][0] == "2025-T1" and meta["quarters"][-1] == "2026-T4"
    people = _rows(items, "participants")
    zephyrine = next(p for p in people if p["genre"] == "F")
    assert zephyrine["annee_naissance"] == "1987" and zephyrine["resident_qpv"] == "true"
    assert zephyrine["code_qpv"] == "QN07501M" and zephyrine["freins"] == "MOBILITE|LANGUE"
    assert zephyrine["brsa"] == "true" and zephyrine["ass"] == ""
    assert "rqth" not in zephyrine
    exits = [e for e in _rows(items, "inscriptions") if e["mois_sortie"]]
    assert exits == [dict(exits[0], mois_sortie="2026-02", motif_sortie="CDI",
                          groupe_sortie="EMPLOI_DURABLE")]
    assert {r["mois_entree"] for r in _rows(items, "inscriptions")} == {
        "2025-03", "2025-04", "2025-05"}
    assert [p["nom"] for p in _rows(items, "partenaires")] == [
        "France Travail Paris 19", "Régie de quartier Flandre"]
    assert set(_rows(items, "partenaires")[0]) == {"id_partenaire", "type", "nom", "siret"}
    site_rows = _rows(items, "site")
    assert site_rows == [{"code_site": "CE-075-01", "nom": "Cité de l'emploi Paris 19",
                          "departement": "75"}]


def _zip_bytes(path, identity):
    import pyrage

    from citesdesk.services.bundle.reader import load_identities
    return pyrage.decrypt(path.read_bytes(), load_identities(identity))


def test_nothing_personal_leaves(site, national, tmp_path):
    out = tmp_path / "lot.citesbundle"
    create_bundle(site["db"], out, today=TODAY)
    blob = b"\n".join(members(out, national[0]).values()).decode("utf-8").casefold()
    for kind, values in SECRETS.items():
        for value in values:
            assert value.casefold() not in blob, (kind, value)
    for p in site["participants"]:
        assert p["uuid"] not in blob
    assert "camille martin" not in blob  # the coordinator
    assert "rqth" not in blob.replace("p_actifs_rqth", "")


def test_objectors_and_their_rows_are_left_out(site, national, tmp_path):
    out = tmp_path / "lot.citesbundle"
    result = create_bundle(site["db"], out, today=TODAY)
    assert result.objectors == 1
    items = members(out, national[0])
    pseudonym = keys.pseudonymiser(keys.pseudonym_secret(site["db"]))
    objector = pseudonym(site["participants"][3]["uuid"])
    kept = {pseudonym(p["uuid"]) for p in site["participants"][:3]}
    assert {p["id_participant"] for p in _rows(items, "participants")} == kept
    for name in ("inscriptions", "evenements", "orientations"):
        ids = {r["id_participant"] for r in _rows(items, name)}
        assert objector not in ids and ids <= kept
    assert result.counts["participants"] == 3
    # still counted in the aggregates: four people entered
    ind = {(r["trimestre"], r["code"]): r for r in _rows(items, "indicateurs")}
    assert ind[("2026-T4", "P_ACTIFS")]["cumul_valeur"] == "4"


def test_pseudonyms_stable_across_bundles_and_differ_between_sites(site, national, tmp_path):
    first, second = tmp_path / "1.citesbundle", tmp_path / "2.citesbundle"
    create_bundle(site["db"], first, today=TODAY)
    create_bundle(site["db"], second, today=TODAY)
    a = {r["id_participant"] for r in _rows(members(first, national[0]), "participants")}
    b = {r["id_participant"] for r in _rows(members(second, national[0]), "participants")}
    assert a == b and len(a) == 3
    other = open_database(tmp_path / "other.sqlite", create=True)
    build_site(other, code="CE-013-02", name="Cité de l'emploi Marseille")
    # the same people (same uuids) in another site get other pseudonyms
    for p in site["participants"]:
        other.execute("UPDATE participant SET uuid = ? WHERE last_name = ?",
                      [p["uuid"], p["last_name"]])
    keys.set_recipients(other, [national[1]])
    third = tmp_path / "3.citesbundle"
    create_bundle(other, third, today=TODAY)
    c = {r["id_participant"] for r in _rows(members(third, national[0]), "participants")}
    assert len(c) == 3 and not (a & c)
    other.close()


def test_bundle_log_history_and_chain(site, national, tmp_path):
    db = site["db"]
    r1 = create_bundle(db, tmp_path / "a.citesbundle", today=TODAY)
    r2 = create_bundle(db, tmp_path / "b.citesbundle", today=TODAY)
    assert (r1.sequence, r2.sequence) == (1, 2)
    items = members(tmp_path / "b.citesbundle", national[0])
    assert json.loads(items["datapackage.json"])["citesdesk"]["previous_bundle_sha256"] == \
        r1.datapackage_sha256
    rows = history(db)
    assert [(h["sequence"], h["file_name"], h["sha256"]) for h in rows] == [
        (2, "b.citesbundle", r2.sha256), (1, "a.citesbundle", r1.sha256)]
    assert rows[0]["counts"]["objecteurs_exclus"] == 1
    assert rows[0]["quarters"][-1] == "2026-T4"
    audit = db.execute("SELECT count(*) FROM audit_log WHERE action = 'bundle'").fetchone()[0]
    assert audit == 2


def test_preview_says_what_will_be_sent(site, national):
    summary = preview(site["db"], today=TODAY)
    assert summary.counts == {"site": 1, "cohortes": 2, "participants": 3, "inscriptions": 3,
                              "evenements": 4, "orientations": 3, "partenaires": 2}
    assert summary.objectors == 1 and summary.sequence == 1
    assert summary.recipients == [national[1]]
    assert summary.quarters[0] == "2025-T1"


def test_keys_created_once_and_never_exported(site, national, tmp_path):
    db = site["db"]
    out = tmp_path / "lot.citesbundle"
    create_bundle(db, out, today=TODAY)
    stored_key = db.setting("signing_key")
    secret = db.setting("pseudonym_secret")
    assert len(bytes.fromhex(secret)) == 32 and stored_key["algorithm"] == "Ed25519"
    create_bundle(db, tmp_path / "2.citesbundle", today=TODAY)
    assert db.setting("signing_key") == stored_key and db.setting("pseudonym_secret") == secret
    blob = b"".join(members(out, national[0]).values())
    assert secret.encode() not in blob and stored_key["seed"].encode() not in blob
    assert bytes.fromhex(stored_key["seed"]) not in blob


def test_refuses_without_recipient_or_with_a_bad_one(tmp_path):
    db = open_database(tmp_path / "s.sqlite", create=True)
    build_site(db)
    with pytest.raises(CitesDeskError, match="Aucun destinataire"):
        create_bundle(db, tmp_path / "x.citesbundle", today=TODAY)
    with pytest.raises(CitesDeskError, match="age1"):
        keys.set_recipients(db, ["age1pasunecle"])
    assert not (tmp_path / "x.citesbundle").exists()
    assert db.execute("SELECT count(*) FROM bundle_log").fetchone()[0] == 0
    db.close()


def test_standard_tools_decrypt_verify_validate(site, national, tmp_path):
    _tool("age")
    _tool("minisign")
    out = tmp_path / "lot.citesbundle"
    create_bundle(site["db"], out, today=TODAY)
    subprocess.run(["age", "-d", "-i", str(national[0]), "-o", str(tmp_path / "lot.zip"),
                    str(out)], check=True)
    unpacked = tmp_path / "lot"
    with zipfile.ZipFile(tmp_path / "lot.zip") as zf:
        zf.extractall(unpacked)
    run = subprocess.run(["minisign", "-V", "-p", "site-key.pub", "-m", "datapackage.json"],
                         cwd=unpacked, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "sequence:1" in run.stdout
    # the command of the installed package (python -m: found even when the venv's bin
    # folder is not on PATH)
    run = subprocess.run([sys.executable, "-m", "frictionless", "validate", "datapackage.json"],
                         cwd=unpacked,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    from frictionless import validate
    report = validate(str(unpacked / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # frictionless sees an altered CSV through the declared hash
    (unpacked / "data" / "site.csv").write_text("code_site,nom,departement\r\nX,Y,75\r\n")
    report = validate(str(unpacked / "datapackage.json"))
    assert not report.valid
    assert "hash-count" in {e[0] for e in report.flatten(["type"])}
