"""Participants: enrollments, duplicates, dry run, commit, log, undo, cancel, report,
templates."""

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from citesdesk.core.errors import CitesDeskError
from citesdesk.services import Cancelled, importer, records

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TODAY = dt.date(2026, 11, 27)


def plan_for(db, path, kind="participants", on_duplicate="skip", **kw):
    table = importer.load_table(path, kind, **kw)
    mapping, _ = importer.suggest_mapping(db, table)
    return importer.analyse(db, table, mapping, on_duplicate=on_duplicate, today=TODAY)


def csv(tmp_path, text, name="f.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def live(db, table):
    return db.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]


def test_dry_run_counts_and_writes_nothing(db):
    plan = plan_for(db, FIX / "participants_messy.xlsx")
    assert plan.counts() == {"rows": 7, "create": 4, "update": 0, "skip": 1, "error": 2,
                             "warning": 1, "duplicate": 1, "new_cohorts": 1}
    # the official list is built in: the code is checked, and makes the person a resident
    assert plan.rows[0].warnings == []
    person = plan.rows[0].values["participant"]
    assert (person["code_qpv"], person["resident_qpv"]) == ("QN07501M", 1)
    assert plan.new_cohorts == ["Cohorte printemps"]
    assert "la cohorte « Cohorte printemps » sera créée" in plan.rows[0].reason("fr")
    assert live(db, "participant") == 0 and live(db, "cohort") == 0


def test_all_or_nothing_refuses_with_errors(db):
    plan = plan_for(db, FIX / "participants_messy.xlsx")
    with pytest.raises(CitesDeskError) as exc:
        importer.commit(db, plan)
    assert "3 erreur(s) sur 2 ligne(s), rien n'a été importé" in exc.value.message_fr
    assert "ligne 10, colonne C" in exc.value.message_fr
    assert live(db, "participant") == 0
    assert db.execute("SELECT count(*) FROM import_log").fetchone()[0] == 0


def test_valid_rows_only(db):
    plan = plan_for(db, FIX / "participants_messy.xlsx")
    result = importer.commit(db, plan, valid_only=True)
    assert result["counts"]["created"] == 4 and result["counts"]["invalid"] == 2
    assert [r["row"] for r in result["invalid_rows"]] == [10, 11]
    names = {r[0] for r in db.execute("SELECT last_name FROM participant")}
    assert names == {"Dupont", "Martin", "N'Diaye", "Lefèvre"}
    cohort = db.execute("SELECT id, name FROM cohort").fetchall()
    assert [c[1] for c in cohort] == ["Cohorte printemps"]
    enr = db.execute("SELECT p.last_name, e.date_entree, e.date_sortie, e.motif_sortie "
                     "FROM enrollment e JOIN participant p ON p.id = e.participant_id "
                     "ORDER BY p.last_name").fetchall()
    assert enr == [("Dupont", "2026-03-02", None, None),
                   ("Martin", "2026-03-12", "2026-06-30", "CDI")]
    # the log: file, checksum, counts, mapping, who, what it created
    log = db.execute("SELECT file_name, sha256, counts, mapping, changes FROM import_log"
                     ).fetchone()
    assert log[0] == "participants_messy.xlsx" and len(log[1]) == 64
    assert json.loads(log[2])["created"] == 4
    assert json.loads(log[3])["Né(e) le"] == "birth_date"
    assert len(json.loads(log[4])["created"]["participant"]) == 4
    audit = db.execute("SELECT action, table_name FROM audit_log").fetchall()
    assert audit == [("import", "import_log")]  # one audit entry per import


def test_fts_index_follows_bulk_insert(db, tmp_path):
    importer.commit(db, plan_for(db, csv(tmp_path, "Nom;Prénom\nLefèvre;Hélène\n")))
    hits = db.execute("SELECT rowid FROM participant_fts WHERE participant_fts MATCH 'lefevre'"
                      ).fetchall()
    assert len(hits) == 1


def _many(tmp_path, n=260):
    lines = "".join(f"Nom{i};Prénom{i};{dt.date(1980, 1, 1) + dt.timedelta(days=i):%d/%m/%Y};"
                    f"+262 262 {20 + i // 100} {i % 100:02d} 34;"
                    f"FT{i:05d};p{i}@exemple.fr;Saint-Denis\n" for i in range(n))
    return csv(tmp_path, "Nom;Prénom;Date de naissance;Téléphone;N° France Travail;Courriel;"
                         "Commune\n" + lines)


def _search_rows(db):
    return db.execute("SELECT rowid, * FROM participant_fts ORDER BY rowid").fetchall()


def test_bulk_search_index_equals_the_triggers(tmp_path, monkeypatch):
    """A large import fills the search index in one statement: the same rows as the
    trigger writes one by one, and the trigger is back afterwards."""
    from citesdesk.core.db import open_database
    from citesdesk.services.importer import writer

    path = _many(tmp_path)
    got = {}
    for name, threshold in (("bulk", 1), ("trigger", 10**9)):
        monkeypatch.setattr(writer, "BULK_INDEX_ROWS", threshold)
        db = open_database(tmp_path / f"{name}.sqlite", create=True)
        records.create(db, "participant", {"last_name": "Avant", "first_name": "Ana"})
        assert importer.commit(db, plan_for(db, path))["counts"]["created"] == 260
        records.create(db, "participant", {"last_name": "Après", "first_name": "Léo"})
        got[name] = _search_rows(db)
        hits = db.execute("SELECT count(*) FROM participant_fts WHERE participant_fts "
                          "MATCH 'apres OR avant OR nom259 OR 0262211734'").fetchone()[0]
        assert hits == 4  # the national writing of +262 262 21 17 34 (row 117) too
        db.close()
    assert len(got["bulk"]) == 262 and got["bulk"] == got["trigger"]


def test_a_failed_large_import_keeps_the_search_trigger(db, tmp_path, monkeypatch):
    from citesdesk.services.importer import writer

    plan = plan_for(db, _many(tmp_path))
    real = writer.Writer.insert_many

    def fail_on_enrollment(self, table, rows):
        if table == "enrollment":
            raise RuntimeError("disk full")
        real(self, table, rows)

    monkeypatch.setattr(writer.Writer, "insert_many", fail_on_enrollment)
    with pytest.raises(RuntimeError, match="disk full"):  # after the participants' insert
        importer.commit(db, plan)
    assert live(db, "participant") == 0 and _search_rows(db) == []
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                      "AND name = 'participant_fts_insert'").fetchone()[0] == 1


def test_duplicates_against_the_database(db, tmp_path):
    existing = records.create(db, "participant", {
        "last_name": "Lefèvre", "first_name": "Jean-Pierre", "birth_date": "1978-11-05",
        "phone": "06 71 22 33 44", "ft_id": "9999999X", "ml_id": "ML-42"}, today=TODAY)
    path = csv(tmp_path,
               "Nom;Prénom;Date de naissance;Téléphone;N° France Travail;Identifiant ML;Commune\n"
               "LEFEVRE;jean pierre;05/11/1978;;;;Lyon\n"  # name + birth date
               "Lefebvre;Jean-Pierre;05/11/1978;;;;\n"  # close name, same birth date
               "Autre;Personne;01/01/1990;0671223344;;;\n"  # same phone
               "X;Y;02/02/1991;;9999999X;;\n"  # same France Travail id
               "Z;W;03/03/1992;;;ml-42;\n"  # same Mission locale id
               "Nouveau;Venu;04/04/1993;;;;\n")
    plan = plan_for(db, path)
    dups = [(r.row, r.duplicate.uuid if r.duplicate else None, r.status) for r in plan.rows]
    assert dups == [(2, existing["uuid"], "skip"), (3, existing["uuid"], "skip"),
                    (4, existing["uuid"], "skip"), (5, existing["uuid"], "skip"),
                    (6, existing["uuid"], "skip"), (7, None, "create")]
    reasons = [plan.rows[i].duplicate.reason_fr for i in range(5)]
    assert reasons == ["même nom et même date de naissance",
                       "nom proche et même date de naissance", "même numéro de téléphone",
                       "même identifiant France Travail", "même identifiant Mission locale"]
    assert plan.rows[0].changes == {"commune": [None, "Lyon"]}
    assert "modifications" not in plan.rows[0].reason("fr")


def test_update_lists_changes_and_writes_them(db, tmp_path):
    existing = records.create(db, "participant", {
        "last_name": "Roux", "first_name": "Anne", "birth_date": "1990-01-01",
        "commune": "Paris"}, today=TODAY)
    cohort = records.create(db, "cohort", {"name": "Cohorte A"})
    path = csv(tmp_path, "Nom;Prénom;Né le;Ville;CP;Cohorte;Date d'entrée\n"
                         "Roux;Anne;01/01/1990;Lyon;69001;cohorte a;01/02/2026\n")
    plan = plan_for(db, path, on_duplicate="update")
    row = plan.rows[0]
    assert row.status == "update"
    assert row.changes == {"commune": ["Paris", "Lyon"], "postcode": [None, "69001"],
                           "cohorte": [None, "cohorte a"]}
    assert "modifications : commune Paris → Lyon" in row.reason("fr")
    assert plan.new_cohorts == []  # "cohorte a" is "Cohorte A"
    result = importer.commit(db, plan)
    assert result["counts"]["updated"] == 1
    p = records.get(db, "participant", existing["uuid"])
    assert (p["commune"], p["postcode"], p["first_name"]) == ("Lyon", "69001", "Anne")
    enr = db.execute("SELECT cohort_id, date_entree FROM enrollment").fetchall()
    assert enr == [(cohort["id"], "2026-02-01")]
    # undo restores the previous values and removes the enrollment
    out = importer.undo(db, result["import_id"])
    assert out["restored"] == 1
    p = records.get(db, "participant", existing["uuid"])
    assert (p["commune"], p["postcode"]) == ("Paris", None)
    assert live(db, "enrollment") == 0


def test_update_existing_enrollment_exit(db, tmp_path):
    p = records.create(db, "participant", {"last_name": "Roux", "first_name": "Anne",
                                           "birth_date": "1990-01-01"}, today=TODAY)
    c = records.create(db, "cohort", {"name": "Cohorte A"})
    records.create(db, "enrollment", {"participant_id": p["id"], "cohort_id": c["id"],
                                      "date_entree": "2026-01-05"})
    path = csv(tmp_path, "Nom;Prénom;Né le;Cohorte;Date d'entrée;Date de sortie;Motif de sortie\n"
                         "Roux;Anne;01/01/1990;Cohorte A;05/01/2026;30/06/2026;CDD de 6 mois et plus\n")
    plan = plan_for(db, path, on_duplicate="update")
    assert plan.rows[0].changes == {"date_sortie": [None, "2026-06-30"],
                                    "motif_sortie": [None, "CDD_6P"]}
    importer.commit(db, plan)
    assert db.execute("SELECT date_sortie, motif_sortie FROM enrollment").fetchall() == [
        ("2026-06-30", "CDD_6P")]


def test_create_anyway_and_per_row_choice(db, tmp_path):
    records.create(db, "participant", {"last_name": "Roux", "first_name": "Anne",
                                       "birth_date": "1990-01-01"}, today=TODAY)
    path = csv(tmp_path, "Nom;Prénom;Né le\nRoux;Anne;01/01/1990\nRoux;Anne;01/01/1990\n"
                         "Petit;Léa;02/02/1992\n")
    plan = plan_for(db, path, on_duplicate="create")
    assert [r.status for r in plan.rows] == ["create", "create", "create"]
    assert plan.rows[0].duplicate.uuid and plan.rows[1].duplicate
    assert plan.rows[2].duplicate is None
    plan.decide(2, "skip")
    plan.decide(3, "skip")
    assert [r.status for r in plan.rows] == ["skip", "skip", "create"]
    with pytest.raises(ValueError):
        plan.decide(4, "update")  # not a duplicate
    importer.commit(db, plan)
    assert live(db, "participant") == 2


def test_duplicates_inside_the_file(db, tmp_path):
    path = csv(tmp_path, "Nom;Prénom;Né le;Courriel;Ville\n"
                         "Roux;Anne;01/01/1990;a@x.fr;\n"
                         "ROUX;anne;01/01/1990;;Lyon\n"
                         "Other;Name;02/02/1980;A@X.FR;\n")
    plan = plan_for(db, path, on_duplicate="update")
    assert [(r.status, r.duplicate and r.duplicate.row) for r in plan.rows] == [
        ("create", None), ("update", 2), ("update", 2)]
    importer.commit(db, plan)
    rows = db.execute("SELECT last_name, commune FROM participant").fetchall()
    assert rows == [("Other", "Lyon")]  # row 3 updated the record of row 2 (names too)


def test_cancel_writes_nothing(db):
    plan = plan_for(db, FIX / "participants_win1252.csv")

    def cancel(done, total, text=""):
        if done == total:
            raise Cancelled()

    with pytest.raises(Cancelled):
        importer.commit(db, plan, progress=cancel)
    assert live(db, "participant") == 0
    assert db.execute("SELECT count(*) FROM import_log").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0


def test_undo_whole_import_and_refuse_twice(db):
    plan = plan_for(db, FIX / "participants_messy.xlsx")
    result = importer.commit(db, plan, valid_only=True)
    out = importer.undo(db, result["import_id"])
    assert out["removed"] == 7  # 4 participants, 1 cohort, 2 enrollments
    assert live(db, "participant") == live(db, "cohort") == live(db, "enrollment") == 0
    assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 4  # tombstones
    hist = importer.history(db)
    assert hist[0]["undone_at"] and hist[0]["file"] == "participants_messy.xlsx"
    with pytest.raises(CitesDeskError, match="déjà été annulé"):
        importer.undo(db, result["import_id"])


def test_undo_keeps_fields_changed_since(db, tmp_path):
    p = records.create(db, "participant", {"last_name": "Roux", "first_name": "Anne",
                                           "birth_date": "1990-01-01", "commune": "Paris"},
                       today=TODAY)
    path = csv(tmp_path, "Nom;Prénom;Né le;Ville;CP\nRoux;Anne;01/01/1990;Lyon;69001\n")
    result = importer.commit(db, plan_for(db, path, on_duplicate="update"))
    records.update(db, "participant", p["uuid"], {"commune": "Villeurbanne"}, today=TODAY)
    out = importer.undo(db, result["import_id"])
    assert [k["field"] for k in out["kept"]] == ["commune"]
    after = records.get(db, "participant", p["uuid"])
    assert (after["commune"], after["postcode"]) == ("Villeurbanne", None)


def test_error_report(db, tmp_path):
    plan = plan_for(db, FIX / "participants_messy.xlsx")
    out = importer.write_report(plan, tmp_path / "rapport.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Lignes", "Résumé"]
    ws = wb["Lignes"]
    header = [c.value for c in ws[1]]
    assert header[-3:] == ["Ligne", "Statut", "Erreurs et avertissements"]
    rows = {r[len(header) - 3].value: r for r in ws.iter_rows(min_row=2)}
    bad = rows[10]
    assert bad[len(header) - 2].value == "en erreur"
    assert "colonne C (« Né(e) le ») : Date impossible" in bad[len(header) - 1].value
    assert bad[2].fill.fgColor.rgb.endswith("F4B6B6")  # the bad cell is highlighted
    assert bad[0].fill.fgColor.rgb in (None, "00000000")
    assert rows[11][2].fill.fgColor.rgb.endswith("FCE4B6")  # a warning, in orange
    summary = {r[0].value: r[1].value for r in wb["Résumé"].iter_rows()}
    assert summary["Fichier"] == "participants_messy.xlsx"
    assert summary["En erreur"] == 2 and summary["À créer"] == 4


def test_template_filled_imports_with_no_mapping_step(db, tmp_path):
    path = importer.write_template("participants", tmp_path / "modele.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Participants", "Notice", "Listes"]
    ws = wb["Participants"]
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["Nom", "Prénom", "Date de naissance", "Identifiant France Travail"]
    validations = {str(v.sqref).split(":")[0]: v.formula1 for v in ws.data_validations.dataValidation}
    genre_col = importer.column_letter(headers.index("Genre"))
    assert validations[f"{genre_col}2"].startswith("Listes!")
    notice = [r[0].value for r in wb["Notice"].iter_rows()]
    assert "Date de naissance" in notice
    said = {r[0].value: r[2].value for r in wb["Notice"].iter_rows() if r[0].value}
    assert "le nom du quartier seul" in said["Code QPV"]
    assert "« à vérifier » : la ligne est importée" in said["Téléphone"]
    assert "une date impossible" in said["Ce qui bloque une ligne"]
    assert "un téléphone ou un courriel" in said["Ce qui n'est qu'un avertissement"]
    ws.append(["Dupont", "Marie", dt.datetime(1990, 3, 12)] + [None] * (len(headers) - 3))
    ws.cell(2, headers.index("Genre") + 1, "Femme")
    ws.cell(2, headers.index("Cohorte") + 1, "Cohorte 1")
    ws.cell(2, headers.index("Date d'entrée") + 1, dt.datetime(2026, 1, 5))
    wb.save(path)
    table = importer.load_table(path, "participants")
    mapping, source = importer.suggest_mapping(db, table)
    assert source == "auto" and all(mapping[i] for i in range(len(headers)))
    result = importer.commit(db, importer.analyse(db, table, mapping, today=TODAY))
    assert result["counts"]["created"] == 1
    assert db.execute("SELECT genre, birth_date FROM participant").fetchone() == ("F",
                                                                                  "1990-03-12")


def test_qpv_codes_checked_against_the_list_in_force(db, tmp_path):
    path = csv(tmp_path, "Nom;Prénom;QPV\nA;B;QN07501M\nC;D;QN07599Z\nE;F;Mermoz\n")
    plan = plan_for(db, path)
    assert [r.status for r in plan.rows] == ["create", "error", "create"]
    assert "QN + département + numéro + M, I, N ou C" in plan.rows[1].errors[0].message_fr
    assert plan.rows[2].values["participant"]["code_qpv"] == "QN06933I"  # by its name
    # a site's own list adds to the reference
    importer.commit(db, plan_for(db, FIX / "qpv_2024.csv", kind="qpv"))
    assert db.execute("SELECT insee_com FROM qpv WHERE code = 'QN09301M'").fetchone()[0] == "93066"
    plan = plan_for(db, csv(tmp_path, "Nom;Prénom;QPV\nA;B;qn09301m\n", "g.csv"))
    assert plan.rows[0].values["participant"]["code_qpv"] == "QN09301M"
    assert plan.rows[0].warnings == []


def test_duplicate_rules_agree_with_the_participant_form(db, tmp_path):
    """The import finds what the form's find_duplicates finds, for the shared rules."""
    from citesdesk.services.participants import find_duplicates

    records.create(db, "participant", {"last_name": "Ben Ali", "first_name": "Sarah",
                                       "birth_date": "1991-05-04", "email": "s.benali@x.fr",
                                       "phone": "06 71 22 33 45"}, today=TODAY)
    rows = [("Sarah", "BENALI", "04/05/1991", "", ""),  # swapped names
            ("Autre", "Nom", "01/01/1990", "S.BenAli@X.fr", ""),
            ("Encore", "Autre", "01/01/1990", "", "+33 6 71 22 33 45"),
            ("Sans", "Rapport", "01/01/1990", "", "")]
    path = csv(tmp_path, "Nom;Prénom;Né le;Courriel;Téléphone\n"
               + "".join(";".join(r) + "\n" for r in rows))
    plan = plan_for(db, path)
    for row, result in zip(rows, plan.rows, strict=True):
        form = find_duplicates(db, {"last_name": row[0], "first_name": row[1],
                                    "birth_date": row[2], "email": row[3], "phone": row[4]})
        assert bool(form) == bool(result.duplicate), row


def test_blank_rows_and_trailing_empty_columns_ignored(db, tmp_path):
    path = csv(tmp_path, "Nom;Prénom;;;\n\nRoux;Anne;;;\n;;;;\nPetit;Léa;;;x\n")
    table = importer.load_table(path, "participants")
    assert table.headers == ["Nom", "Prénom"]
    assert [(n, cells) for n, cells in table.rows] == [(3, ["Roux", "Anne"]),
                                                        (5, ["Petit", "Léa"])]


def test_log_says_who(db, tmp_path):
    records.create(db, "site", {"name": "Cité", "site_code": "CDE-93-001",
                                "coordinators": "Awa Diallo"})
    result = importer.commit(db, plan_for(db, csv(tmp_path, "Nom;Prénom\nRoux;Anne\n")))
    entry = importer.history(db)[0]
    assert entry["import_id"] == result["import_id"] and entry["actor"] == "Awa Diallo"
    assert entry["at"][:2] == "20" and entry["file"] == "f.csv"
    audit = db.execute("SELECT actor, changes FROM audit_log WHERE action = 'import'").fetchone()
    assert audit[0] == "Awa Diallo" and json.loads(audit[1])["file"] == "f.csv"


def test_valid_rows_only_refuses_a_file_with_no_valid_row(db, tmp_path):
    bad = tmp_path / "tout_faux.csv"
    bad.write_text("Nom;Prénom;Date de naissance\nDupont;Marie;31/02/1990\n"
                   "Martin;Paul;45/13/1985\n", encoding="utf-8")
    plan = plan_for(db, bad)
    with pytest.raises(CitesDeskError) as exc:
        importer.commit(db, plan, valid_only=True)
    assert "aucune de ses lignes n'est valide" in exc.value.message_fr
    assert live(db, "participant") == 0
    assert db.execute("SELECT count(*) FROM import_log").fetchone()[0] == 0
