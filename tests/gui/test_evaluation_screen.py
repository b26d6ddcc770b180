"""The « Évaluation nationale » screen: what will be sent, recipients, create, history."""

from __future__ import annotations

import pyrage

from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.services.bundle import inspect
from citesdesk.services.bundle.reader import outside
from tests.services.bundle.site_fixture import build_site


def _screen(make_app, tmp_path, qtbot, lang="fr"):
    path = tmp_path / "site.sqlite"
    db = open_database(path, create=True)
    build_site(db)
    db.close()
    app = make_app(path, lang)
    app.window.show()
    screen = app.window.show_screen("evaluation")
    # a setting announced meanwhile (the backup taken on opening) counts again: wait until
    # no count is on its way (« Calcul en cours… » shows from the moment one is asked for)
    qtbot.waitUntil(lambda: "…" not in screen.status.text() and not app.runner.busy(),
                    timeout=30000)
    return app, screen


def test_summary_recipients_create_and_history(make_app, tmp_path, qtbot):
    app, screen = _screen(make_app, tmp_path, qtbot)
    assert screen.title() == "Évaluation nationale"
    assert screen.values["participants"].text() == "3"
    assert screen.values["evenements"].text() == "4"
    assert screen.values["objectors"].text().startswith("1 laissée(s) de côté")
    assert screen.values["quarters"].text().startswith("2025-T1 à ")
    assert "Ajoutez la clé publique" in screen.status.text()
    assert not screen.create_button.isEnabled()

    identity = pyrage.x25519.Identity.generate()
    key = tmp_path / "national.key"
    key.write_text(f"{identity}\n")
    screen.recipient_edit.setText(str(identity.to_public()))
    screen.add_button.click()
    qtbot.waitUntil(lambda: screen.recipients.count() == 1 and screen.create_button.isEnabled(),
                    timeout=30000)
    assert screen.recipients.item(0).text() == str(identity.to_public())

    target = tmp_path / "lot"
    Dialog.script(str(target))
    screen.create_button.click()
    qtbot.waitUntil(lambda: screen.history.rowCount() == 1, timeout=30000)
    made = tmp_path / "lot.citesbundle"
    assert outside(made)["recipients"] == 1
    assert screen.history.item(0, 1).text() == "1"
    assert screen.history.item(0, 2).text() == "lot.citesbundle"
    assert screen.history.item(0, 3).text() == outside(made)["sha256"]
    assert any(kind == "info" and "Lot n° 1 enregistré" in text
               for kind, _, text in Dialog.shown)
    assert inspect(made, key)["valid"]
    qtbot.waitUntil(lambda: screen.values["sequence"].text() == "2", timeout=30000)


def test_a_bad_recipient_is_refused_with_a_message(make_app, tmp_path, qtbot):
    app, screen = _screen(make_app, tmp_path, qtbot)
    screen.recipient_edit.setText("age1pasunecle")
    screen.add_button.click()
    qtbot.waitUntil(lambda: any(k == "error" for k, _, _ in Dialog.shown), timeout=30000)
    assert any("clé publique age" in text for _, _, text in Dialog.shown)
    assert screen.recipients.count() == 0


def test_english(make_app, tmp_path, qtbot):
    app, screen = _screen(make_app, tmp_path, qtbot, lang="en")
    assert screen.title() == "National evaluation"
    assert screen.create_button.text() == "Create the bundle…"
