"""The streaming writer of big sheets: what Excel-strict readers see."""

import datetime as dt

import openpyxl
from python_calamine import CalamineWorkbook

from citesdesk.services.export.fastxlsx import FastWorkbook, column_name

TRICKY = ["a & b < c > d", "ctrl\x01char", "_x0041_ literal", " lead", "trail ", "tab\there",
          "line\nbreak", "cr\rhere", "=SUM(A1)", "-1", "é œ € « »", ""]


def test_column_names():
    assert [column_name(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_values_round_trip(tmp_path):
    wb = FastWorkbook()
    rows = [(t, i, f"2026-03-0{i % 9 + 1}", 1.5) for i, t in enumerate(TRICKY)]
    rows.append(("not a date", None, "31/02/2026", None))
    n = wb.add_table("Données", ["Texte", "Nombre", "Date", "Décimal"],
                     ["text", "int", "date", "number"], rows)
    wb.add_table("Vide", ["A", "B"], ["text", "text"], [])
    out = tmp_path / "f.xlsx"
    wb.close(out)
    assert n == len(rows)
    back = CalamineWorkbook.from_path(str(out))
    assert back.sheet_names == ["Données", "Vide"]
    data = back.get_sheet_by_name("Données").to_python()
    assert data[0] == ["Texte", "Nombre", "Date", "Décimal"]
    assert [r[0] for r in data[1:len(TRICKY) + 1]] == TRICKY
    assert data[2][1:] == [1.0, dt.date(2026, 3, 2), 1.5]
    assert data[-1][2] == "31/02/2026"  # not a date: kept as text, nothing lost
    book = openpyxl.load_workbook(out)
    ws = book["Données"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:D{len(rows) + 1}"
    assert ws["A10"].quotePrefix and not ws["A2"].quotePrefix  # "=SUM(A1)" shown as text
    assert ws["A10"].data_type == "s" and ws["A10"].value == "=SUM(A1)"
    assert ws["C2"].number_format == "dd/mm/yyyy" and ws["C2"].is_date
    assert ws.dimensions == f"A1:D{len(rows) + 1}"
    assert book["Vide"].max_row <= 2


def test_long_text_cut_at_excel_limit(tmp_path):
    wb = FastWorkbook()
    wb.add_table("Notes", ["Texte"], ["text"], [("x" * 40_000,)])
    wb.close(tmp_path / "n.xlsx")
    rows = CalamineWorkbook.from_path(str(tmp_path / "n.xlsx")).get_sheet_by_name("Notes")
    assert len(rows.to_python()[1][0]) == 32_767


def test_rows_past_excel_limit_go_to_a_second_sheet(db, tmp_path, monkeypatch):
    from citesdesk.services import records
    from citesdesk.services.export import full

    monkeypatch.setattr(full, "MAX_ROWS", 4)  # 3 data rows per sheet
    cohort = records.create(db, "cohort", {"name": "C"})
    person = records.create(db, "participant", {"last_name": "A", "first_name": "B"})
    for day in range(1, 8):
        records.create(db, "event", {"participant_id": person["id"], "type": "CONTACT",
                                     "date": f"2026-01-0{day}"})
    assert cohort
    result = full.export_workbook(db, tmp_path / "w.xlsx")
    book = CalamineWorkbook.from_path(str(tmp_path / "w.xlsx"))
    assert [n for n in book.sheet_names if n.startswith("Étapes")] == [
        "Étapes", "Étapes (2)", "Étapes (3)"]
    assert result.counts["event"] == 7
    assert len(book.get_sheet_by_name("Étapes (3)").to_python()) == 2
