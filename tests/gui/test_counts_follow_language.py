"""Counts over a thousand read as the language writes them: « 1 200 entrées » (thin
non-breaking space) in French, « 1,200 entries » in English — never « 1200 »."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang, expected", [("fr", "1\u202f200 entrées"),
                                            ("en", "1,200 entries")])
def test_journal_count(make_app, site_path, qtbot, lang, expected):
    app = make_app(site_path, lang)
    app.window.show()
    screen = app.window.show_screen("audit")
    entry = {"at": "2026-11-02T10:00:00Z", "actor": "Awa Diallo", "action": "update",
             "table_name": "participant", "record_uuid": "0741c7a8-0000",
             "changes": {"commune": ["Stains", "Bondy"]}}
    screen.show_rows({"rows": [entry] * 1200, "people": [], "actors": ["Awa Diallo"]})
    assert screen.count.text().startswith(expected), screen.count.text()


@pytest.mark.parametrize("lang, words", [
    ("fr", {0: "0 entrée", 1: "1 entrée", 2: "2 entrées"}),
    ("en", {0: "0 entries", 1: "1 entry", 2: "2 entries"})])
def test_counts_take_the_language_s_singular_and_plural(make_app, site_path, qtbot, lang,
                                                        words):
    """« 1 entrée » and « 0 entrée » in French, « 1 entry » but « 0 entries » in English;
    never « entry(ies) »."""
    app = make_app(site_path, lang)
    app.window.show()
    screen = app.window.show_screen("audit")
    entry = {"at": "2026-11-02T10:00:00Z", "actor": "Awa Diallo", "action": "update",
             "table_name": "participant", "record_uuid": "0741c7a8-0000",
             "changes": {"commune": ["Stains", "Bondy"]}}
    for n, text in words.items():
        screen.show_rows({"rows": [entry] * n, "people": [], "actors": ["Awa Diallo"]})
        assert screen.count.text() == text
