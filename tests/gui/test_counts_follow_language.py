"""Counts read as the language writes them: « 1 200 entrées » (thin non-breaking space)
in French, « 1,200 entries » in English — never « 1200 »; and with the language's
singular: « 0 entrée », « 1 entrée » in French, « 1 entry » but « 0 entries » in English,
never « entry(ies) »."""

from __future__ import annotations

import pytest

ENTRY = {"at": "2026-11-02T10:00:00Z", "actor": "Awa Diallo", "action": "update",
         "table_name": "participant", "record_uuid": "0741c7a8-0000",
         "changes": {"commune": ["Stains", "Bondy"]}}


@pytest.mark.parametrize("lang, words", [
    ("fr", {0: "0 entrée", 1: "1 entrée", 2: "2 entrées", 1200: "1\u202f200 entrées"}),
    ("en", {0: "0 entries", 1: "1 entry", 2: "2 entries", 1200: "1,200 entries"})])
def test_journal_count(make_app, site_path, qtbot, lang, words):
    app = make_app(site_path, lang)
    app.window.show()
    screen = app.window.show_screen("audit")
    for n, text in words.items():
        screen.show_rows({"rows": [ENTRY] * n, "people": [], "actors": ["Awa Diallo"]})
        assert screen.count.text() == text
