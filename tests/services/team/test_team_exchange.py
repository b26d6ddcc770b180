"""The team exchange as coordinators meet it: standard tools open the file, a crash
leaves the database as it was, purges never come back, notes keep both texts, copies
take their own node, separately created databases ask first."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile

import openpyxl
import pytest

from citesdesk.core.db import open_database
from citesdesk.services import records, retention, team
from citesdesk.services.export import export_quarter
from citesdesk.services.team import fileformat, keys
from tests.services.team.helpers import (
    canonical,
    import_people,
    make_site,
    make_team,
    new_file,
)


def _tool(name):
    if shutil.which(name) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} must be installed in CI")
        pytest.skip(f"{name} not installed")


@pytest.fixture
def pair(tmp_path):
    a, b = make_team(tmp_path, 2)
    yield a, b
    a.close()
    b.close()


def test_file_opens_with_age_and_its_signature_checks_with_minisign(tmp_path, pair):
    _tool("age")
    _tool("minisign")
    a, _b = pair
    f = team.export(a, tmp_path / "equipe.citesequipe", full=True).path
    identity = tmp_path / "moi.key"
    identity.write_text(a.setting(keys.AGE_IDENTITY) + "\n", "ascii")
    zipped = tmp_path / "equipe.zip"
    subprocess.run(["age", "-d", "-i", str(identity), "-o", str(zipped), str(f)], check=True)
    with zipfile.ZipFile(zipped) as zf:
        assert sorted(zf.namelist()) == ["changes.jsonl", "manifest.json",
                                         "manifest.json.minisig"]
        zf.extractall(tmp_path / "x")
    pub = tmp_path / "moi.pub"
    pub.write_text(keys.signing_key(a).public.to_text(), "ascii")
    done = subprocess.run(["minisign", "-V", "-p", str(pub), "-m",
                           str(tmp_path / "x" / "manifest.json")], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert "Signature and comment signature verified" in done.stdout
    # the manifest names the hash of changes.jsonl, so the signature covers it
    import hashlib
    import json
    manifest = json.loads((tmp_path / "x" / "manifest.json").read_text("utf-8"))
    body = (tmp_path / "x" / "changes.jsonl").read_bytes()
    assert manifest["changes_sha256"] == hashlib.sha256(body).hexdigest()
    assert manifest["site_code"] == "CE-069-01" and manifest["full"] is True
    assert b'"last_name":"Martin"' in body


def test_merge_twice_changes_nothing_the_second_time(tmp_path, pair):
    a, b = pair
    p = records.find(a, "participant")[0]
    records.update(a, "participant", p["uuid"], {"commune": "Bron"})
    f = team.export(a, new_file(tmp_path)).path
    first = team.merge(b, f)
    assert first.updated == 1
    after = canonical(b)
    second = team.merge(b, f)
    assert (second.created, second.updated, second.purged, second.conflicts) == (0, 0, 0, 0)
    assert canonical(b) == after
    assert records.get(b, "participant", p["uuid"])["commune"] == "Bron"


def test_concurrent_edits_are_applied_by_clock_and_listed(tmp_path, pair):
    a, b = pair
    p = records.find(a, "participant")[0]
    records.update(a, "participant", p["uuid"], {"phone": "06 11 11 11 11"})
    records.update(b, "participant", p["uuid"], {"phone": "07 98 76 54 32",
                                                 "commune": "Bron"})
    fa, fb = team.export(a, new_file(tmp_path)).path, team.export(b, new_file(tmp_path)).path
    assert team.merge(a, fb).conflicts == 1
    assert team.merge(b, fa).conflicts == 1
    for db in (a, b):
        row = records.get(db, "participant", p["uuid"])
        assert (row["phone"], row["commune"]) == ("07 98 76 54 32", "Bron")  # later edit
        [c] = team.conflicts(db)
        assert c["field_label"] == "Téléphone" and c["record"] == "Martin Léa"
        assert c["a"]["value"] == "06 11 11 11 11" and c["a"]["by"] == "Nadia Ferhat"
        assert c["b"]["value"] == "07 98 76 54 32" and c["b"]["by"] == "Collègue 1"
        assert team.waiting_count(db) == 1
    # "garder cette valeur" on one laptop: a new edit that travels and closes the conflict
    team.keep(a, c["key"], "a")
    assert records.get(a, "participant", p["uuid"])["phone"] == "06 11 11 11 11"
    team.merge(b, team.export(a, new_file(tmp_path)).path)
    assert records.get(b, "participant", p["uuid"])["phone"] == "06 11 11 11 11"
    assert team.waiting_count(a) == team.waiting_count(b) == 0


def test_notes_never_conflict_both_texts_are_kept(tmp_path, pair):
    a, b = pair
    p = records.find(a, "participant")[0]
    note = records.create(a, "note", {"participant_id": p["id"], "date": "2026-11-30",
                                      "text": "Premier entretien."})
    team.merge(b, team.export(a, new_file(tmp_path)).path)
    records.update(a, "note", note["uuid"], {"text": "Premier entretien.\n\nCV à reprendre."})
    records.update(b, "note", note["uuid"], {"text": "Premier entretien.\n\nVoir la Mission "
                                                     "locale."})
    fa, fb = team.export(a, new_file(tmp_path)).path, team.export(b, new_file(tmp_path)).path
    ra, rb = team.merge(a, fb), team.merge(b, fa)
    assert ra.conflicts == rb.conflicts == 0 and ra.texts_kept == rb.texts_kept == 1
    team.merge(a, team.export(b, new_file(tmp_path)).path)
    team.merge(b, team.export(a, new_file(tmp_path)).path)
    texts = {records.get(db, "note", note["uuid"])["text"] for db in (a, b)}
    assert texts == {"Premier entretien.\n\nCV à reprendre.\n\nVoir la Mission locale."}
    assert team.conflicts(a) == team.conflicts(b) == []


def test_a_purged_person_never_comes_back(tmp_path, pair):
    a, b = pair
    p = records.find(a, "participant")[0]
    records.create(a, "event", {"participant_id": p["id"], "type": "ENTRETIEN",
                                "date": "2026-10-01"})
    team.merge(b, team.export(a, new_file(tmp_path)).path)
    retention.purge(a, [p["uuid"]])
    old_b = team.export(b, new_file(tmp_path)).path  # b still has them
    pb = records.get(b, "participant", p["uuid"])
    records.update(b, "participant", p["uuid"], {"commune": "Bron"})
    records.create(b, "note", {"participant_id": pb["id"], "date": "2026-12-01",
                               "text": "Rappel."})
    newer_b = team.export(b, new_file(tmp_path)).path
    for f in (old_b, newer_b, old_b):
        team.merge(a, f)
    assert a.execute("SELECT count(*) FROM participant WHERE uuid = ?", [p["uuid"]]
                     ).fetchone()[0] == 0
    assert a.execute("SELECT count(*) FROM note").fetchone()[0] == 0
    team.merge(b, team.export(a, new_file(tmp_path)).path)
    for db in (a, b):
        assert db.execute("SELECT count(*) FROM participant WHERE uuid = ?", [p["uuid"]]
                          ).fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM event").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM audit_log WHERE record_uuid = ?",
                          [p["uuid"]]).fetchone()[0] == 0
    assert canonical(a) == canonical(b)


def test_merge_can_be_cancelled_and_changes_nothing(tmp_path, pair):
    a, b = pair
    import_people(a, tmp_path, [(f"Nom{i}", "Test") for i in range(30)])
    f = team.export(a, new_file(tmp_path)).path
    before, seen = canonical(b), []
    with pytest.raises(team.Cancelled):
        team.merge(b, f, progress=lambda done, total: seen.append((done, total)),
                   cancel=lambda: len(seen) > 0)
    assert canonical(b) == before and seen


_KILLED_MERGE = """
import sys, time
from citesdesk.core.db import open_database
from citesdesk.services import team
db = open_database(sys.argv[1])
def progress(done, total):
    if done > 500:
        open(sys.argv[3], "w").write("started")
        time.sleep(60)
team.merge(db, sys.argv[2], progress=progress)
"""


def test_sigkill_during_a_merge_leaves_the_database_as_before(tmp_path, pair):
    a, b = pair
    import_people(a, tmp_path, [(f"Nom{i}", "Test") for i in range(1200)])
    f = team.export(a, new_file(tmp_path)).path
    path = b.path
    before = canonical(b)
    b.close()
    flag = tmp_path / "started"
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_MERGE, str(path), str(f),
                             str(flag)], env=env)
    for _ in range(600):
        if flag.exists() or proc.poll() is not None:
            break
        time.sleep(0.1)
    assert flag.exists(), "the merge did not start"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    again = open_database(path)
    try:
        assert again.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert canonical(again) == before
        assert team.merge(again, f).created == 1201  # still merges: 1,200 people, 1 import
    finally:
        again.close()


def _sheets(path):
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        rows = [tuple(c for c in row) for row in ws.iter_rows(values_only=True)]
        out[ws.title] = [r for r in rows if not any(
            isinstance(c, str) and c.startswith("Édité le") for c in r)]
    return out


def test_quarterly_workbook_is_the_same_on_both_laptops(tmp_path, pair):
    a, b = pair
    cohort = records.find(a, "cohort")[0]
    for db, who in ((a, "A"), (b, "B")):
        for i in range(4):
            p = records.create(db, "participant", {
                "last_name": f"{who}nom{i}", "first_name": "Eva", "genre": "F",
                "birth_date": "1995-05-05", "brsa": 1})
            local_cohort = records.get(db, "cohort", cohort["uuid"])
            records.create(db, "enrollment", {"participant_id": p["id"],
                                              "cohort_id": local_cohort["id"],
                                              "date_entree": "2026-07-01"})
            records.create(db, "event", {"participant_id": p["id"], "type": "EMPLOI_DEBUT",
                                         "date": "2026-08-15", "code_contrat": "CDI"})
    fa = team.export(a, new_file(tmp_path), full=True).path
    fb = team.export(b, new_file(tmp_path), full=True).path
    team.merge(a, fb)
    team.merge(b, fa)
    wa, wb = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    import datetime as dt
    ra = export_quarter(a, "2026-T3", wa, today=dt.date(2026, 10, 5))
    rb = export_quarter(b, "2026-T3", wb, today=dt.date(2026, 10, 5))
    assert ra.site.quarter_value("P_ACTIFS") == rb.site.quarter_value("P_ACTIFS") == 8
    sa, sb = _sheets(wa), _sheets(wb)
    assert sa == sb
    assert len(sa["Participants"]) - 1 == 8  # the four people of each laptop


def test_first_merge_of_separately_created_databases_asks_then_lists_duplicates(tmp_path):
    a = make_site(tmp_path / "a.sqlite")
    b = make_site(tmp_path / "b.sqlite")  # the same site code, created apart
    for db, other in ((a, b), (b, a)):
        path, _ = keys.write_public_key(other, tmp_path / "k.citesequipe-cle")
        keys.add_member(db, keys.read_public_key(path))
    f = team.export(b, new_file(tmp_path)).path
    before = canonical(a)
    with pytest.raises(team.NeedsConfirmation) as exc:
        team.merge(a, f)
    assert "créée séparément" in exc.value.message_fr
    assert canonical(a) == before
    result = team.merge(a, f, confirm_site=True)
    assert result.first_join and result.created >= 2
    pairs = {(d["received"]["last_name"], d["existing"]["last_name"])
             for d in result.duplicates}
    assert pairs == {("Martin", "Martin"), ("Benali", "Benali")}
    assert all(d["reasons"] for d in result.duplicates)
    # once confirmed, the next file merges without asking
    records.update(b, "participant", records.find(b, "participant")[0]["uuid"],
                   {"commune": "Bron"})
    assert not team.merge(a, team.export(b, new_file(tmp_path)).path).first_join
    assert a.execute("SELECT count(*) FROM site").fetchone()[0] == 1
    a.close()
    b.close()


def test_copy_for_a_colleague_has_its_own_node_and_keys(tmp_path):
    a = make_site(tmp_path / "a.sqlite")
    info = team.copy_for_colleague(a, tmp_path / "b.sqlite", "Sami")
    b = open_database(tmp_path / "b.sqlite")
    try:
        assert b.clock.node != a.clock.node and info["node"] == b.clock.node
        assert not b.moved
        assert keys.my_key(b).fingerprint == info["fingerprint"] != keys.my_key(a).fingerprint
        assert [m["name"] for m in keys.members(a)] == ["Sami"]
        assert [m["name"] for m in keys.members(b)] == ["Nadia Ferhat"]
        # both know the other has everything: the first files are small
        records.update(b, "participant", records.find(b, "participant")[0]["uuid"],
                       {"commune": "Bron"})
        assert team.export(b, new_file(tmp_path)).records == 1
    finally:
        b.close()
        a.close()


def test_database_copied_by_hand_takes_a_new_node(tmp_path):
    a = make_site(tmp_path / "a.sqlite")
    node = a.clock.node
    a.set_setting("node_host", "autre-portable|camille")  # as if last written elsewhere
    a.close()
    again = open_database(tmp_path / "a.sqlite")
    try:
        assert again.moved and again.clock.node != node
        assert again.setting("clock_node") == again.clock.node
        assert node in dict(again.execute("SELECT node, hlc FROM version_vector").fetchall())
        p = records.create(again, "participant", {"last_name": "Neuf", "first_name": "Ana"})
        assert p["hlc"].endswith(again.clock.node)
    finally:
        again.close()
    third = open_database(tmp_path / "a.sqlite")  # same machine again: no new node
    assert not third.moved
    third.close()
    assert fileformat.SUFFIX == ".citesequipe"


def test_access_export_lists_the_colleagues_laptops(tmp_path, pair):
    from pypdf import PdfReader

    from citesdesk.services import printing

    a, b = pair
    p = records.find(a, "participant")[0]
    team.export(a, new_file(tmp_path))
    out = tmp_path / "acces.pdf"
    printing.access_export_pdf(a, p["uuid"], out)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Postes de l'équipe qui détiennent vos données" in text.replace("’", "'")
    assert "Collègue 1" in text


def test_a_restored_backup_gets_back_what_it_lost_from_colleagues(tmp_path, pair):
    from citesdesk.cli import main

    a, b = pair
    backup = tmp_path / "sauvegarde.sqlite"
    a.backup_to(backup)
    p = records.find(a, "participant")[0]
    records.update(a, "participant", p["uuid"], {"commune": "Bron"})  # after the backup
    team.merge(b, team.export(a, new_file(tmp_path)).path)
    team.merge(a, team.export(b, new_file(tmp_path)).path)  # b knows a has « Bron »
    path, node = a.path, a.clock.node
    a.close()
    assert main(["restore", str(backup), "--db", str(path)]) == 0
    restored = open_database(path)
    try:
        assert restored.clock.node != node  # a new node: an older state of this laptop
        assert records.get(restored, "participant", p["uuid"])["commune"] != "Bron"
        team.merge(b, team.export(restored, new_file(tmp_path)).path)
        team.merge(restored, team.export(b, new_file(tmp_path)).path)
        assert records.get(restored, "participant", p["uuid"])["commune"] == "Bron"
    finally:
        restored.close()
