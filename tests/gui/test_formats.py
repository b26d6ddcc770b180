"""Numbers, percentages and dates follow the interface language, through one toolkit.

French: ``1 028`` (narrow no-break space), ``67,6 %``, ``03/12/2026``. English: ``1,028``,
``67.6%``, ``03 Dec 2026``. No module of the window formats a value on its own.
"""

from __future__ import annotations

import ast
import re
import time
from pathlib import Path

import pytest

from tests.gui.demo_site import demo_copy
from tests.gui.waiting import tasks_finished

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "citesdesk" / "gui"
TOOLKIT = GUI / "forms"

#: Names only the toolkit defines.
OWN_NAMES = {"date_text", "datetime_text", "number_text",
             "percent_text", "size_text", "quarter_text", "date_edit", "set_date", "iso",
             "iso_of", "MessageSlot", "FieldErrors", "ErrorForm", "SearchCombo", "keep_room"}
#: Placeholders that hold a count: filled through ``number_text`` (``numbers`` for ``**``).
COUNT_WORDS = {"n", "count", "rows", "k", "records", "created", "updated", "skipped",
               "invalid"}
#: Text that means a date or time is being formatted by hand.
DATE_PATTERNS = ("dd/MM", "MM/yyyy", "%d/%m", "%m/%Y", "%Y-%m", "%H:%M", "%d %b")


def offences(path: Path) -> list[str]:
    """What ``path`` does that only the toolkit may do."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    worded = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
              and _is_call(node.value, "number_text") for t in node.targets
              if isinstance(t, ast.Name)}  # n = number_text(…), then .format(n=n)
    out = []
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name in OWN_NAMES:
            out.append(f"{where}: defines {node.name}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.extend(f"{where}: date format {p!r}" for p in DATE_PATTERNS if p in node.value)
        elif isinstance(node, ast.JoinedStr) and any(
                isinstance(a, ast.FormattedValue) and isinstance(b, ast.Constant)
                and b.value == "/" and isinstance(c, ast.FormattedValue)
                for a, b, c in zip(node.values, node.values[1:], node.values[2:], strict=False)):
            out.append(f"{where}: a date put together by hand")
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            spec = "".join(v.value for v in node.format_spec.values
                           if isinstance(v, ast.Constant))
            if "," in spec or "_" in spec or "%" in spec:
                out.append(f"{where}: number format {spec!r}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "format":
                out.extend(f"{where}: {{{k.arg or '**'}}} not through number_text"
                           for k in node.keywords if not _counted(k, worded))
            if node.func.attr in ("strftime", "setDisplayFormat"):
                out.append(f"{where}: {node.func.attr}()")
            elif (node.func.attr == "setStyleSheet" and node.args
                  and isinstance(node.args[0], ast.Constant)
                  and "color" in str(node.args[0].value)):
                out.append(f"{where}: its own colour for a message")
    return out


def _is_call(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name


def _counted(keyword: ast.keyword, worded: set[str]) -> bool:
    """Whether a ``.format()`` argument is fine: not a count, or a count written by the
    toolkit (directly, or through a name that holds its text)."""
    value = keyword.value
    if keyword.arg is None:
        return _is_call(value, "numbers")
    if keyword.arg not in COUNT_WORDS or isinstance(value, ast.Constant):
        return True
    return _is_call(value, "number_text") or (isinstance(value, ast.Name)
                                              and value.id in worded)


def test_the_scan_finds_a_formatting_helper_of_its_own(tmp_path):
    sample = tmp_path / "screen.py"
    sample.write_text(
        "def date_text(iso):\n    y, m, d = iso.split('-')\n    return f'{d}/{m}/{y}'\n"
        "n = f'{1028:,}'\nedit.setDisplayFormat('dd/MM/yyyy')\nday.strftime('%d/%m/%Y')\n"
        "label.setStyleSheet('color: #b00020;')\n"
        "tr('{n} fiches').format(n=len(rows))\ntr('{created} créées').format(**counts)\n"
        "tr('{n} fiches, {name}').format(n=number_text(3, 'fr'), name=len(x))\n",
        encoding="utf-8")
    found = sorted(f.split(": ", 1)[1] for f in offences(sample))
    assert found == sorted([
        "defines date_text", "a date put together by hand", "number format ','",
        "setDisplayFormat()", "strftime()", "its own colour for a message",
        "date format 'dd/MM'", "date format 'MM/yyyy'", "date format '%d/%m'",
        "date format '%m/%Y'", "{n} not through number_text", "{**} not through number_text"])


def test_no_module_of_the_window_formats_on_its_own():
    found = [f"{p.relative_to(GUI)}: {o.split(': ', 1)[1]}" for p in sorted(GUI.rglob("*.py"))
             if TOOLKIT not in p.parents for o in offences(p)]
    assert found == []


@pytest.fixture(scope="module")
def big_demo(tmp_path_factory):
    """A demo site of 1,028 people (a count with a thousands separator)."""
    return demo_copy(tmp_path_factory, tmp_path_factory.mktemp("formats") / "big.sqlite",
                     participants=1028)


def _open(make_app, big_demo, tmp_path, lang):
    path = tmp_path / f"site-{lang}.sqlite"
    path.write_bytes(big_demo.read_bytes())
    app = make_app(path, lang)
    app.window.show()
    return app


@pytest.mark.parametrize(("lang", "count", "rate", "day", "referrals", "when"), [
    ("fr", "1\u202f028 participants", r"^\d{1,3},\d\u202f%$", "30/09/2026",
     r"^\d{1,3}(\u202f\d{3})+ orientations$", r"^\d\d/\d\d/20\d\d$"),
    ("en", "1,028 participants", r"^\d{1,3}\.\d%$", "30 Sep 2026",
     r"^\d{1,3}(,\d{3})+ referrals$", r"^\d\d [A-Z][a-z]{2} 20\d\d$"),
])
def test_counts_rates_and_dates_on_the_screens(make_app, big_demo, tmp_path, qtbot, lang,
                                               count, rate, day, referrals, when):
    app = _open(make_app, big_demo, tmp_path, lang)
    people = app.window.screen("participants")
    app.window.show_screen("participants")
    qtbot.waitUntil(lambda: people.count_label.text() == count, timeout=30000)

    screen = app.window.screen("referrals")
    app.window.show_screen("referrals")
    qtbot.waitUntil(lambda: screen.table.rowCount() > 1000, timeout=30000)
    assert re.match(referrals, screen.count.text()), screen.count.text()
    assert re.match(when, screen.table.item(0, 0).text()), screen.table.item(0, 0).text()

    exports = app.window.screen("exports")
    app.window.show_screen("exports")
    third = "2026-T3" if lang == "fr" else "2026-Q3"
    qtbot.waitUntil(lambda: exports.quarter_combo.findText(third) >= 0, timeout=30000)
    exports.quarter_combo.setCurrentIndex(exports.quarter_combo.findText(third))
    qtbot.waitUntil(lambda: getattr(exports, "preview_values", None) is not None
                    and exports.preview_values.quarter.n == 3, timeout=30000)
    assert exports.period_label.text().endswith(day)
    cells = [exports.preview.item(r, c).text() for r in range(exports.preview.rowCount())
             for c in (1, 2)]
    rates = [text for text in cells if "%" in text]
    assert rates, "the preview shows no rate"
    assert all(re.match(rate, text) for text in rates), rates
    counts = [text for text in cells if "%" not in text]
    separator = "," if lang == "fr" else "\u202f"
    assert not any(separator in text for text in counts), counts


@pytest.mark.parametrize(("lang", "shown"), [("fr", "03/12/2026"), ("en", "03 Dec 2026")])
def test_date_fields_and_lists_show_the_language_form(app_ctx, qtbot, db, lang, shown):
    from citesdesk.gui.forms import iso, set_date
    from citesdesk.gui.referral_dialogs import NewReferralDialog, StatusDialog
    from citesdesk.services import records, referrals

    app_ctx.lang = lang
    anne = records.create(db, "participant", {"last_name": "Lefèvre", "first_name": "Anne"})
    afpa = records.create(db, "partner", {"type": "ORGANISME_FORMATION", "name": "AFPA"})
    new = NewReferralDialog(app_ctx, participant_uuid=anne["uuid"])
    qtbot.addWidget(new)
    set_date(new.date, "2026-12-03")
    assert new.date.text() == shown
    assert iso(new.date) == "2026-12-03"
    ref = referrals.create_referral(db, anne["uuid"], afpa["uuid"], "2026-12-03")
    status = StatusDialog(app_ctx, ref["uuid"])
    qtbot.addWidget(status)
    assert status.history.item(0, 0).text() == shown


@pytest.mark.parametrize(("lang", "shown"), [("fr", "03/12/1990"), ("en", "03 Dec 1990")])
def test_a_typed_date_shows_and_saves_in_the_language_form(make_app, site_path, qtbot, lang,
                                                           shown):
    from citesdesk.core.db import open_database
    from citesdesk.services import records

    db = open_database(site_path)
    uuid = records.create(db, "participant", {"last_name": "Diallo", "first_name": "Awa",
                                              "birth_date": "1990-12-03"})["uuid"]
    db.close()
    app = make_app(site_path, lang)
    app.window.show()
    file = app.window.open_participant(uuid)
    qtbot.waitUntil(lambda: file.editors["birth_date"].widget.text() != "", timeout=30000)
    assert file.editors["birth_date"].widget.text() == shown
    file.editors["birth_date"].widget.setText(shown.replace("03", "04", 1))
    file.dirty = True
    with tasks_finished(qtbot, app.runner):
        file.save()
    check = open_database(site_path, readonly=True)
    assert check.execute("SELECT birth_date FROM participant WHERE uuid = ?",
                         [uuid]).fetchone()[0] == "1990-12-04"
    check.close()


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time zones set by TZ on Unix")
def test_stored_moments_show_on_the_computer_s_clock(monkeypatch):
    from citesdesk.gui.forms import date_text, datetime_text

    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        # stored in UTC: the coordinator in Paris reads her own clock, in winter and summer
        assert datetime_text("2026-12-03T14:05:09.000Z", "fr") == "03/12/2026 15:05"
        assert datetime_text("2026-07-01T23:30:00Z", "en") == "02 Jul 2026 01:30"
        # a stored stamp shown as a day is the local day it fell on (the bin, the imports)
        assert date_text("2026-07-01T23:30:00Z", "fr") == "02/07/2026"
        assert date_text("2026-07-01", "fr") == "01/07/2026"
        # a moment without a zone (a backup's name, already local) is shown as it is
        assert datetime_text("2026-12-03T14:05:09", "fr") == "03/12/2026 14:05"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
