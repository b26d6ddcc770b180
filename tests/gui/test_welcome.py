"""First run: the welcome dialog creates the site."""

from __future__ import annotations

from PySide6.QtCore import Qt

from citesdesk.core.db import open_database
from citesdesk.gui.app import has_site
from citesdesk.gui.welcome import WelcomeDialog


def test_welcome_creates_the_site(qtbot, tmp_path, type_text):
    path = tmp_path / "nouveau" / "site.sqlite"
    dialog = WelcomeDialog(path)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "Cité de l'emploi de Roubaix")
    type_text(dialog.code, "CDE-59-002")
    type_text(dialog.departement, "9Z")  # wrong: refused under the field
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is None
    assert not dialog.errors["departement"].isHidden()
    assert dialog.errors["departement"].text()
    dialog.departement.setText("59")
    type_text(dialog.coordinator, "Inès Martin")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is not None and dialog.choice.path == path
    assert has_site(path)
    db = open_database(path, readonly=True)
    row = db.execute("SELECT name, site_code, departement, coordinators FROM site").fetchone()
    db.close()
    assert row == ("Cité de l'emploi de Roubaix", "CDE-59-002", "59", "Inès Martin")


def test_no_database_means_welcome(tmp_path):
    assert not has_site(tmp_path / "absent.sqlite")
