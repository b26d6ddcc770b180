"""A name holding U+FFFE/U+FFFF: stripped at import, and even when stored by an older
version, every workbook written opens in openpyxl (as in Excel)."""

import sqlite3

import openpyxl

from citesdesk.cli import main


def _values(path):
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                for c in row if c is not None}
    finally:
        wb.close()


def test_import_strips_and_export_opens(tmp_path, capsys):
    db = tmp_path / "site.sqlite"
    assert main(["init", "--db", str(db), "--site-code", "CE-069-01", "--site-name", "Lyon"]) == 0
    source = tmp_path / "gens.csv"
    source.write_text("Nom;Prénom;Commune\nDu\ufffepont;Lé\uffffa;\u202eLyon\x1b\n"
                      "Martin;Zoé;Bron\n", "utf-8")
    report = tmp_path / "rapport.xlsx"
    assert main(["import", "participants", str(source), "--db", str(db),
                 "--report", str(report)]) == 0
    assert "invisible" in capsys.readouterr().err  # the warning says what was removed
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT last_name, first_name, commune FROM participant "
                        "WHERE last_name = 'Dupont'").fetchone() == ("Dupont", "Léa", "Lyon")
    conn.close()
    assert "Dupont" in _values(report)  # the report shows the cell, minus what XML forbids
    out = tmp_path / "classeur.xlsx"
    assert main(["export", "workbook", "--db", str(db), "--out", str(out)]) == 0
    assert {"Dupont", "Léa", "Martin"} <= _values(out)


def test_values_stored_before_the_check_still_export(tmp_path):
    db = tmp_path / "site.sqlite"
    assert main(["demo", "--db", str(db), "--participants", "5"]) == 0
    conn = sqlite3.connect(db)
    with conn:  # as an older version (or another program) may have stored them
        conn.execute("UPDATE participant SET last_name = 'Ber\ufffenard', "
                     "commune = 'Vénis\uffffsieux' WHERE id = (SELECT min(id) FROM participant)")
    conn.close()
    full = tmp_path / "classeur.xlsx"
    assert main(["export", "workbook", "--db", str(db), "--out", str(full)]) == 0
    values = _values(full)
    assert "Bernard" in values and "Vénissieux" in values
    quarter = tmp_path / "t1.xlsx"
    assert main(["export", "quarter", "--db", str(db), "--quarter", "2026-T1",
                 "--out", str(quarter)]) == 0
    _values(quarter)  # opens
