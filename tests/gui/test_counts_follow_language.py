"""Counts over a thousand read as the language writes them: « 1 200 entrées » (thin
non-breaking space) in French, « 1,200 entries » in English — never « 1200 »."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang, expected", [("fr", "1\u202f200 entrée(s)"),
                                            ("en", "1,200 entry(ies)")])
def test_journal_count(make_app, site_path, qtbot, lang, expected):
    app = make_app(site_path, lang)
    app.window.show()
    screen = app.window.show_screen("audit")
    entry = {"at": "2026-11-02T10:00:00Z", "actor": "Awa Diallo", "action": "update",
             "table_name": "participant", "record_uuid": "0741c7a8-0000",
             "changes": {"commune": ["Stains", "Bondy"]}}
    screen.show_rows({"rows": [entry] * 1200, "people": [], "actors": ["Awa Diallo"]})
    assert screen.count.text().startswith(expected), screen.count.text()
