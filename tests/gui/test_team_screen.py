"""The « Équipe » screen: my key, colleagues, preparing and merging files, the summary, the
conflict list and « Garder cette valeur », the dashboard's count, the File menu."""

from __future__ import annotations

from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.services import records, team
from citesdesk.services.team import keys
from tests.services.team.helpers import make_team, new_file


def test_team_screen_merges_a_file_and_keeps_a_value(make_app, tmp_path, qtbot):
    a, b = make_team(tmp_path, 2)
    p = records.find(a, "participant")[0]
    records.update(a, "participant", p["uuid"], {"commune": "Bron"})
    records.update(b, "participant", p["uuid"], {"commune": "Vénissieux"})
    from_b = team.export(b, new_file(tmp_path)).path
    fingerprint = keys.my_key(a).fingerprint
    path = a.path
    a.close()
    b.close()

    app = make_app(path, "fr")
    app.window.show()
    screen = app.window.show_screen("team")
    qtbot.waitUntil(lambda: screen.data is not None, timeout=30000)
    assert screen.title() == "Équipe"
    assert screen.my_fingerprint.text() == fingerprint
    assert screen.members.rowCount() == 1
    assert screen.members.item(0, 0).text() == "Collègue 1"
    assert screen.members.item(0, 2).text() == "jamais"

    screen.merge_file(str(from_b))
    qtbot.waitUntil(lambda: "(de Collègue 1)" in screen.summary.text(), timeout=30000)
    assert "1 modifié(s)" in screen.summary.text()
    assert "1 conflit(s) nouveau(x)" in screen.summary.text()
    qtbot.waitUntil(lambda: screen.conflicts.rowCount() == 1, timeout=30000)
    assert screen.conflicts.item(0, 0).text() == "Martin Léa"
    assert screen.conflicts.item(0, 1).text() == "Commune"
    assert screen.conflicts.item(0, 2).text().startswith("Bron — Nadia Ferhat, le ")
    assert screen.conflicts.item(0, 3).text().startswith("Vénissieux — Collègue 1, le ")
    assert screen.conflicts.item(0, 4).text() == "à examiner"
    assert screen.members.item(0, 2).text().endswith(from_b.name)

    screen.conflicts.setCurrentCell(0, 2)
    screen.keep_button.click()
    qtbot.waitUntil(lambda: screen.conflicts.item(0, 4).text() == "réglé : Bron",
                    timeout=30000)
    check = open_database(path, readonly=True)
    assert records.get(check, "participant", p["uuid"])["commune"] == "Bron"
    check.close()

    folder = tmp_path / "usb"
    folder.mkdir()
    Dialog.script(str(folder))
    screen.export_button.click()
    qtbot.waitUntil(lambda: "Fichier pour l'équipe écrit" in screen.summary.text(),
                    timeout=30000)
    assert len(list(folder.glob("*.citesequipe"))) == 1

    menu = [a.text() for a in app.window.file_menu.actions()]
    assert "Intégrer un fichier d'é&quipe…" in menu


def test_dashboard_counts_waiting_conflicts(make_app, tmp_path, qtbot):
    a, b = make_team(tmp_path, 2)
    p = records.find(a, "participant")[0]
    records.update(a, "participant", p["uuid"], {"referent": "Paul"})
    records.update(b, "participant", p["uuid"], {"referent": "Nadia"})
    team.merge(a, team.export(b, new_file(tmp_path)).path)
    path = a.path
    a.close()
    b.close()
    app = make_app(path, "en")
    app.window.show()
    dash = app.window.show_screen("dashboard")
    qtbot.waitUntil(lambda: dash.team_conflicts.isVisible(), timeout=30000)
    assert dash.team_conflicts.text() == "Team conflicts to review: 1"
    dash.team_conflicts.click()
    qtbot.waitUntil(lambda: app.window.sidebar.currentItem().text() == "Team", timeout=30000)

def test_team_screen_says_when_the_database_took_a_new_node(make_app, tmp_path, qtbot):
    from tests.services.team.helpers import make_site

    db = make_site(tmp_path / "site.sqlite")
    db.set_setting("node_host", "autre-portable|camille")  # last written elsewhere
    path = db.path
    db.close()
    app = make_app(path, "fr")
    app.window.show()
    screen = app.window.show_screen("team")
    qtbot.waitUntil(lambda: screen.data is not None, timeout=30000)
    assert "a pris une identité propre avant toute saisie" in screen.summary.text()
