"""``citesdesk erase``: erasure at the person's request (RGPD, art. 17), confirmed, total."""

from __future__ import annotations

import json

from citesdesk.cli import main
from citesdesk.core.db import open_database
from citesdesk.services import records


def _site(path):
    db = open_database(path, create=True)
    records.create(db, "site", {"name": "Cité test", "site_code": "T01"})
    person = records.create(db, "participant", {"last_name": "Quincampoix", "first_name": "Léa",
                                                 "ft_id": "FT1234567", "commune": "Zuydcoote"})
    cohort = records.create(db, "cohort", {"name": "Cohorte hiver"})
    records.create(db, "enrollment", {"participant_id": person["id"], "cohort_id": cohort["id"],
                                      "date_entree": "2026-01-05"})
    for day in ("2026-01-06", "2026-01-20", "2026-02-03"):
        records.create(db, "event", {"participant_id": person["id"], "type": "ENTRETIEN",
                                     "date": day})
    kept = records.create(db, "participant", {"last_name": "Dupont", "first_name": "Paul"})
    db.close()
    return person, kept


def test_without_yes_nothing_is_erased_and_the_command_says_what_it_would(tmp_path, capsys):
    path = tmp_path / "site.sqlite"
    person, _ = _site(path)
    assert main(["erase", "--db", str(path), "FT1234567"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Rien n'a été effacé. L'effacement supprimerait pour de bon "
                          f"Léa QUINCAMPOIX ({person['uuid']}) : 3 étape(s), 0 orientation(s), "
                          "0 note(s), 1 inscription(s) en cohorte, sans retour possible")
    assert "--yes" in err
    db = open_database(path, readonly=True)
    assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 2
    db.close()


def test_erase_removes_the_person_everywhere_and_keeps_the_others(tmp_path, capsys):
    path = tmp_path / "site.sqlite"
    person, kept = _site(path)
    records_before = open_database(path, readonly=True)
    records_before.close()
    assert main(["erase", "--db", str(path), "FT1234567", "--yes", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Erased for good: Léa QUINCAMPOIX ({person['uuid']}): 3 step(s)")
    db = open_database(path, readonly=True)
    try:
        assert [r[0] for r in db.execute("SELECT uuid FROM participant")] == [kept["uuid"]]
        assert db.execute("SELECT count(*) FROM event").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM enrollment").fetchone()[0] == 0
        entry = db.execute("SELECT action, changes FROM audit_log ORDER BY id DESC LIMIT 1"
                           ).fetchone()
        assert entry[0] == "erase"
        assert json.loads(entry[1]) == {"participants": 1,
                                        "motif": "demande de la personne (RGPD, art. 17)"}
        assert db.execute("SELECT count(*) FROM audit_log WHERE record_uuid = ?",
                          [person["uuid"]]).fetchone()[0] == 0
    finally:
        db.close()
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("site.sqlite")
                    and not p.name.endswith(".lock"))
    for value in (b"Quincampoix", b"quincampoix", b"FT1234567", b"Zuydcoote", b"zuydcoote",
                  person["uuid"].encode()):
        assert value not in data


def test_an_unknown_reference_is_one_sentence(tmp_path, capsys):
    path = tmp_path / "site.sqlite"
    _site(path)
    assert main(["erase", "--db", str(path), "FT0000000", "--yes"]) == 1
    assert capsys.readouterr().err.startswith(
        "Aucun participant ne correspond à « FT0000000 »")
