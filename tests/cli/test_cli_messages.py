"""The messages of issue 16, as a French user meets them: each names what was typed, says
what to do, never an internal field name or a raw system error; refusals write nothing."""

import datetime as dt
import errno
import hashlib
import os
import re
from pathlib import Path

import pytest

from citesdesk.cli import main
from citesdesk.core.quarter import Quarter

NNBSP = "\u202f"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("msg") / "site.sqlite"
    assert main(["init", "--db", str(path), "--site-code", "CDE-93-066", "--site-name",
                 "Cité de l'emploi de Saint-Denis", "--departement", "93"]) == 0
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("msgdemo") / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--participants", "300", "--seed", "3"]) == 0
    return path


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_global_db_before_the_command(site, capsys):
    code, out, err = run(capsys, "--db", site, "info")
    assert code == 0, err
    assert out.startswith(f"Base : {site}\n")
    code, out, err = run(capsys, "--db", site, "--lang", "en", "info")
    assert code == 0 and out.startswith(f"Database: {site}\n")
    code, out, err = run(capsys, "info", "--lang", "en", "--db", site)  # after, too
    assert code == 0 and out.startswith("Database:")


def test_a_database_option_on_a_command_without_one_is_refused(tmp_path, capsys):
    code, _, err = run(capsys, "--db", "x.sqlite", "import-template", "events", "--out",
                       tmp_path / "t.xlsx")
    assert code == 2 and "« import-template » n'utilise pas de base : retirez --db" in err
    assert _files(tmp_path) == []


def test_init_names_the_options_not_the_fields(tmp_path, capsys):
    code, _, err = run(capsys, "init", "--db", tmp_path / "s.sqlite", "--site-code", "",
                       "--site-name", " ", "--departement", "96")
    assert code == 1
    assert "--site-code : ce champ est obligatoire" in err
    assert "--site-name : ce champ est obligatoire" in err
    assert "--departement : département invalide « 96 »" in err
    assert not re.search(r"(^|[ ;])(site_code|name|departement) :", err)
    assert "rien n'a été créé" in err and _files(tmp_path) == []
    code, _, err = run(capsys, "--lang", "en", "init", "--db", tmp_path / "s.sqlite",
                       "--site-code", "", "--site-name", "X")
    assert code == 1 and err.startswith("--site-code: this field is required.")


def test_a_folder_where_a_file_is_expected(site, tmp_path, capsys):
    folder = tmp_path / "dossier"
    folder.mkdir()
    code, out, err = run(capsys, "import-template", "participants", "--out", folder)
    assert code == 1 and "Errno" not in err
    assert err == (f"« {folder} » (--out) est un dossier : donnez un nom de fichier, par "
                   f"exemple {folder / 'export.xlsx'}.\n")
    code, _, err = run(capsys, "import", "participants", folder, "--db", site)
    assert code == 1 and err == (f"« {folder} » est un dossier : donnez le tableur à importer "
                                 "(.xlsx, .xls, .ods ou .csv).\n")
    code, _, err = run(capsys, "init", "--db", folder, "--site-code", "A", "--site-name", "B")
    assert code == 1 and "(--db) est un dossier" in err and "existe déjà" not in err
    code, _, err = run(capsys, "backup", "--db", site, "--out", folder)
    assert code == 1 and "(--out) est un dossier" in err and "existe déjà" not in err
    code, _, err = run(capsys, "restore", site, "--db", folder)
    assert code == 1 and "(--db) est un dossier" in err and ".)" not in err
    assert _files(folder) == []


def test_restore_of_a_missing_backup_does_not_suggest_init(site, tmp_path, capsys):
    before = hashlib.sha256(site.read_bytes()).hexdigest()
    code, _, err = run(capsys, "restore", tmp_path / "absente.sqlite", "--db", site)
    assert code == 1 and "init" not in err
    assert err == f"« {tmp_path / 'absente.sqlite'} » n'existe pas : vérifiez son nom et son " \
                  "dossier.\n"
    assert hashlib.sha256(site.read_bytes()).hexdigest() == before


def test_access_export_asks_for_a_participant_not_a_cohort(site, tmp_path, capsys):
    code, _, err = run(capsys, "print", "access-export", "--db", site, "--out",
                       tmp_path / "a.pdf")
    assert code == 2 and "cohorte" not in err
    assert "Indiquez exactement une référence de participant (uuid ou identifiant)" in err
    code, _, err = run(capsys, "print", "cohort", "--db", site, "--out", tmp_path / "a.pdf")
    assert code == 2 and "Indiquez exactement une cohorte (son nom ou son uuid)" in err


def test_missing_and_read_only_folders(site, tmp_path, capsys, monkeypatch):
    code, _, err = run(capsys, "export", "quarter", "--db", site, "--quarter", "2026-T1",
                       "--out", tmp_path / "absent" / "T1.xlsx")
    assert code == 1 and err == (f"Le dossier « {tmp_path / 'absent'} » n'existe pas : "
                                 "créez-le ou choisissez un dossier existant (rien n'a été "
                                 "écrit).\n")
    ro = tmp_path / "ro"
    ro.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: (
        False if Path(p) == ro and mode & os.W_OK else real(p, mode, **kw)))
    for argv in (["export", "workbook", "--db", site, "--out", ro / "all.xlsx"],
                 ["print", "consent-form", "--db", site, "--out", ro / "c.pdf"],
                 ["import-template", "events", "--out", ro / "t.xlsx"],
                 ["backup", "--db", site, "--out", ro / "b.sqlite"]):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == "", argv
        assert err == (f"Le dossier « {ro} » est en lecture seule : choisissez un dossier où "
                       "vous avez le droit d'écrire (rien n'a été écrit).\n"), argv
    assert _files(ro) == []


def test_a_full_disk_is_one_sentence_and_writes_nothing(site, tmp_path, capsys, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(args[0]))

    import citesdesk.cli.common as common
    import citesdesk.services.export.output as output

    monkeypatch.setattr(common.os, "replace", full)  # the same os module everywhere
    assert output.os is common.os
    for argv, name in ((["export", "workbook", "--db", site, "--out", tmp_path / "all.xlsx"],
                        "all.xlsx"),
                       (["import-template", "events", "--out", tmp_path / "t.xlsx"], "t.xlsx"),
                       (["print", "consent-form", "--db", site, "--out", tmp_path / "c.pdf"],
                        "c.pdf")):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == ""
        assert err == (f"Le disque est plein : impossible d'écrire « {tmp_path / name} ». "
                       "Rien n'a été modifié ni perdu ; libérez de la place (ou choisissez un "
                       "autre disque) puis réessayez.\n")
    assert _files(tmp_path) == []


def test_a_quarter_that_has_not_started_is_refused(site, tmp_path, capsys):
    today = dt.date.today()
    future = Quarter.containing(today).next()
    code, _, err = run(capsys, "export", "quarter", "--db", site, "--quarter", future.label,
                       "--out", tmp_path / "q.xlsx")
    assert code == 1
    assert err == (f"Le trimestre {future.label} (--quarter) n'a pas commencé : il débute le "
                   f"{future.d0:%d/%m/%Y}. Choisissez un trimestre commencé, par exemple "
                   f"{Quarter.last_finished(today).label} (rien n'a été écrit).\n")
    code, out, err = run(capsys, "export", "quarter", "--db", site, "--quarter",
                         Quarter.containing(today).label, "--out", tmp_path / "q.xlsx")
    assert code == 0, err  # the quarter under way has started
    assert _files(tmp_path) == ["q.xlsx"]


def test_options_a_command_does_not_use_are_refused(site, tmp_path, capsys):
    code, _, err = run(capsys, "export", "workbook", "--db", site, "--quarter", "2026-T3",
                       "--out", tmp_path / "w.xlsx")
    assert code == 2 and "retirez --quarter" in err
    code, _, err = run(capsys, "print", "consent-form", "--split", "--db", site, "--out",
                       tmp_path / "c.pdf")
    assert code == 2 and "--split ne vaut que pour participant et cohort" in err
    assert _files(tmp_path) == []


@pytest.mark.parametrize("argv, option, right", [
    (["export", "quarter", "--quarter", "2026-T1", "--out", "T3.csv"], "--out", "T3.xlsx"),
    (["export", "workbook", "--out", "tout"], "--out", "tout.xlsx"),
    (["print", "consent-form", "--out", "x.txt"], "--out", "x.pdf"),
    (["import-template", "events", "--out", "modele.csv"], "--out", "modele.xlsx"),
    (["backup", "--out", "copie.zip"], "--out", "copie.sqlite"),
    (["bundle", "create", "--out", "lot.zip"], "--out", "lot.citesbundle"),
    (["import", "events", "IN", "--report", "rapport.csv"], "--report", "rapport.xlsx"),
])
def test_an_extension_that_does_not_match_is_refused(argv, option, right, site, tmp_path,
                                                      capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text("Nom\nA\n", encoding="utf-8")
    argv = [a.replace("IN", "in.csv") for a in argv]
    if argv[0] != "import-template":
        argv += ["--db", str(site)]
    typed = argv[argv.index(option) + 1]
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.startswith(f"« {typed} » ({option}) : cette commande écrit ")
    assert f"donnez un nom qui finit par {Path(right).suffix}, par exemple « {right} »." in err
    assert _files(tmp_path) == ["in.csv"]


def test_info_is_read_only_and_leaves_nothing(demo, tmp_path, capsys):
    copy = tmp_path / "copie.sqlite"
    copy.write_bytes(demo.read_bytes())
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    for argv in (["info", "--db", copy], ["info", "--db", copy, "--json"]):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert _files(tmp_path) == ["copie.sqlite"]
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before


def test_import_dry_run_is_read_only(site, tmp_path, capsys):
    copy = tmp_path / "copie.sqlite"
    copy.write_bytes(site.read_bytes())
    sheet = tmp_path / "p.csv"
    sheet.write_text("Nom;Prénom\nMartin;Léa\n", encoding="utf-8")
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    code, _, err = run(capsys, "import", "participants", sheet, "--db", copy, "--dry-run")
    assert _files(tmp_path) == ["copie.sqlite", "p.csv"]
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before


def test_numbers_are_written_the_same_everywhere(demo, tmp_path, capsys):
    code, info, _ = run(capsys, "info", "--db", demo)
    events = next(line for line in info.splitlines() if line.startswith("Étapes de parcours"))
    assert NNBSP in events  # more than a thousand steps for 300 people
    code, out, err = run(capsys, "export", "workbook", "--db", demo, "--out",
                         tmp_path / "all.xlsx", "--json")
    import json

    total = json.loads(out)["records"]
    code, out, err = run(capsys, "export", "workbook", "--db", demo, "--out",
                         tmp_path / "all2.xlsx")
    assert code == 0
    assert f"({total:,} enregistrements)".replace(",", NNBSP) in out
    code, out, err = run(capsys, "--lang", "en", "export", "workbook", "--db", demo, "--out",
                         tmp_path / "all3.xlsx")
    assert f"({total:,} records)" in out


def test_success_on_stdout_errors_on_stderr(tmp_path, capsys):
    code, out, err = run(capsys, "import-template", "events", "--out", tmp_path / "t.xlsx")
    assert code == 0 and out == f"Modèle écrit : {tmp_path / 't.xlsx'}\n" and err == ""
    code, out, err = run(capsys, "import-template", "events", "--out", tmp_path / "u.xlsx",
                         "--json")
    assert code == 0 and '"path"' in out and err == ""


def test_restore_over_a_file_that_cannot_be_set_aside(site, tmp_path, capsys):
    target = tmp_path / "notes.sqlite"
    target.write_text("mes notes", encoding="utf-8")
    code, _, err = run(capsys, "restore", site, "--db", target)
    assert code == 1 and ".)" not in err and err.count("\n") == 1
    assert err.startswith("La base actuelle ne peut pas être mise de côté (« notes.sqlite » "
                          "est chiffrée ou n'est pas une base de données CitésDesk")
    assert "vérifiez le fichier choisi) ; pour ne rien perdre" in err
    assert target.read_text(encoding="utf-8") == "mes notes"


def test_references_after_the_options_are_references(demo, tmp_path, capsys):
    import sqlite3

    conn = sqlite3.connect(f"file:{demo}?mode=ro", uri=True)
    refs = [r[0] for r in conn.execute("SELECT uuid FROM participant WHERE deleted_at IS NULL "
                                       "ORDER BY id LIMIT 2")]
    conn.close()
    out = tmp_path / "fiches.pdf"
    code, stdout, err = run(capsys, "print", "participant", "--db", demo, "--out", out, *refs,
                            "--json")
    assert code == 0, err
    assert '"documents": 2' in stdout and out.read_bytes().startswith(b"%PDF-")


def test_a_folder_given_as_a_bundle_or_a_key(tmp_path, capsys):
    folder = tmp_path / "d"
    folder.mkdir()
    code, _, err = run(capsys, "bundle", "inspect", folder)
    assert code == 1 and err == f"« {folder} » est un dossier : donnez le lot à examiner " \
                                "(.citesbundle).\n"
    code, _, err = run(capsys, "national", "consolidate", folder, "--identity", folder,
                       "--out", tmp_path / "r")
    assert code == 1 and "(--identity) est un dossier : donnez la clé nationale" in err
    code, _, err = run(capsys, "national", "keygen", "--out", __file__)
    assert code == 1 and err == f"« {__file__} » (--out) est un fichier : donnez un dossier.\n"
    assert _files(tmp_path) == ["d"]
