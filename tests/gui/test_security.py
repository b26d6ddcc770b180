"""The window on an encrypted database: asked at start, auto-lock, encrypt from the
menu, restore an automatic backup."""

from __future__ import annotations

import gc
import re
import time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from citesdesk.core import cipher, settings
from citesdesk.core.db import open_database
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.security import menu, passphrase
from citesdesk.services import backup, records

KEY = "le canal Saint-Denis au matin"


@pytest.fixture(autouse=True)
def _forget():
    yield
    cipher._keys.clear()


@pytest.fixture
def encrypted_path(tmp_path):
    path = tmp_path / "chiffree.sqlite"
    db = open_database(path, create=True, key=KEY)
    records.create(db, "site", {"name": "Cité Quintessence", "site_code": "CDE-93-002",
                                "coordinators": "Awa Diallo"})
    records.create(db, "participant", {"last_name": "Zéphirine", "first_name": "Aïcha"})
    db.close()
    cipher._keys.clear()
    return path


def test_the_passphrase_is_asked_until_right_then_the_window_opens(encrypted_path, make_app):
    Dialog.script("pas la bonne phrase", KEY)
    assert passphrase.unlock_file(encrypted_path)
    asked = [s for s in Dialog.shown if s[0] == "passphrase"]
    assert len(asked) == 2 and "chiffree.sqlite" in asked[0][2]
    assert "ne permet pas d'ouvrir" in asked[1][2]  # the second prompt says why
    app = make_app(encrypted_path)
    app.window.show()
    assert "Cité Quintessence" in app.window.site_label.text()


def test_cancelling_the_prompt_opens_nothing(encrypted_path):
    Dialog.script(None)
    assert not passphrase.unlock_file(encrypted_path)
    assert cipher.key_for(encrypted_path) is None


def test_auto_lock_covers_every_window_until_the_passphrase(encrypted_path, make_app, qtbot):
    assert passphrase.unlock_file(encrypted_path) is False  # headless: nothing typed
    cipher.remember(encrypted_path, KEY)
    app = make_app(encrypted_path)
    window = app.window
    window.show()
    dialog = window.open_participant(None)
    qtbot.waitExposed(dialog)
    session = app.session
    assert session.lock_minutes() == settings.OPTIONS["autolock_minutes"].default
    session.last_input = time.monotonic() - 11 * 60
    session.tick()
    assert session.locked
    assert window.windowTitle() == "CitésDesk (verrouillé)"
    assert dialog.windowTitle() == "CitésDesk (verrouillé)"
    for w in (window, dialog):
        cover = \
            [c for c in w.children() if getattr(c, "objectName", lambda: "")() == "lockOverlay"]
        assert cover and cover[0].isVisible() and cover[0].geometry() == w.rect()
    field = dialog.findChildren(QLineEdit)[0]
    before = field.text()
    QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                            Qt.KeyboardModifier.NoModifier, "a"))
    assert field.text() == before  # typing reaches nothing while locked
    assert not session.try_unlock("une mauvaise phrase")
    assert session.locked
    assert session.try_unlock(KEY)
    assert not session.locked and window.windowTitle() == "CitésDesk"
    dialog.close()


def test_no_lock_on_a_plain_database(gui):
    gui.session.last_input = time.monotonic() - 3600
    gui.session.tick()
    assert not gui.session.locked


def test_encrypt_from_the_menu_then_remove(gui, site_path, qtbot):
    window = gui.window
    Dialog.script(KEY)  # the new passphrase (typed twice in the real dialog)
    dialog = menu.show_security(window)
    dialog.encrypt()
    assert b"Saint-Denis" not in site_path.read_bytes()
    assert site_path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert gui.window is not window  # reopened
    assert "Saint-Denis" in gui.window.site_label.text()
    assert ("info", "CitésDesk", "La base est maintenant chiffrée.") in Dialog.shown
    snaps = backup.snapshots(backup.folder(gui.reader), "site")
    assert "chiffrement" in [s.reason for s in snaps]
    Dialog.script("yes", "pas la phrase actuelle")
    menu.show_security(gui.window).remove()
    assert site_path.read_bytes()[:16] != b"SQLite format 3\x00"  # refused: still encrypted
    Dialog.script("yes", KEY)
    menu.show_security(gui.window).remove()
    assert site_path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert cipher.key_for(site_path) is None


def test_restore_dialog_lists_backups_and_restores_one(gui, site_path, qtbot):
    folder = backup.folder(gui.reader)
    # the copy taken on opening, once the window has painted
    qtbot.waitUntil(lambda: backup.snapshots(folder, "site") != [])
    db = open_database(site_path)
    records.create(db, "participant", {"last_name": "Dans", "first_name": "Sauvegarde"})
    backup.snapshot(db, "manuelle")
    records.create(db, "participant", {"last_name": "Après", "first_name": "Sauvegarde"})
    db.close()
    dialog = menu.show_restore(gui.window)
    assert dialog.table.rowCount() == len(backup.snapshots(folder, "site")) >= 2
    reasons = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    row = reasons.index("sauvegarde demandée")  # the other: on opening
    qtbot.waitUntil(lambda: len(dialog.counts) == dialog.table.rowCount())
    assert dialog.table.item(row, 3).text() == "1"
    assert re.fullmatch(r"\d+,\d\u202fMo", dialog.table.item(row, 2).text())  # 0,3 Mo
    dialog.table.selectRow(row)
    Dialog.script("yes")
    dialog.restore_selected()
    names = [r[0] for r in gui.reader.execute("SELECT last_name FROM participant")]
    assert names == ["Dans"]
    [aside] = site_path.parent.glob("site.avant-restauration-*.sqlite")
    assert open_database(aside, readonly=True).execute(
        "SELECT count(*) FROM participant").fetchone()[0] == 2
    assert any("L'ancienne base est gardée" in s[2] for s in Dialog.shown)
    dialog = None  # it holds the first window, which the reopening deleted
    gc.collect()


def test_welcome_creates_an_encrypted_site(qtbot, tmp_path, type_text):
    from citesdesk.gui.app import has_site
    from citesdesk.gui.welcome import WelcomeDialog

    path = tmp_path / "nouveau" / "site.sqlite"
    dialog = WelcomeDialog(path)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "Cité de l'emploi de Quintessence")
    type_text(dialog.code, "CDE-59-003")
    dialog.passphrase.enabled.setChecked(True)
    type_text(dialog.passphrase.first, KEY)
    type_text(dialog.passphrase.again, KEY + "x")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is None and not path.exists()
    assert Dialog.shown[-1][2] == "Les deux phrases secrètes diffèrent : retapez-les."
    dialog.passphrase.again.setText(KEY)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.working, timeout=30000)  # created off the GUI thread
    assert dialog.choice is not None and has_site(path)
    assert b"Quintessence" not in path.read_bytes()
    cipher._keys.clear()
    with pytest.raises(cipher.PassphraseRequired):  # a new process needs it again
        open_database(path, readonly=True)
    Dialog.script(KEY)
    assert passphrase.unlock_file(path)
    assert open_database(path, readonly=True).execute(
        "SELECT name FROM site").fetchone()[0] == "Cité de l'emploi de Quintessence"


def test_the_lock_prompt_gets_the_keys_the_covered_windows_do_not(
        encrypted_path, make_app, qtbot, monkeypatch, drive):
    """Keys go to the prompt through its window, as a real keyboard's do (xcb)."""
    from PySide6.QtTest import QTest

    def keys(window, text):
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(window, QKeyEvent(
                    kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))

    cipher.remember(encrypted_path, KEY)
    app = make_app(encrypted_path)
    app.window.show()
    monkeypatch.setattr(Dialog, "headless", False)  # the real, non-blocking prompt
    from citesdesk.gui.security.passphrase import PassphraseDialog

    prompts = drive(PassphraseDialog)
    app.session.lock()
    assert len(prompts) == 1
    prompt = prompts[0]
    qtbot.waitExposed(prompt)
    main_handle = app.window.windowHandle()
    keys(main_handle, "rien")  # swallowed: the covered window gets nothing
    assert prompt.field.text() == ""
    prompt.field.setFocus()
    keys(prompt.windowHandle(), KEY)
    assert prompt.field.text() == KEY
    QTest.keyClick(prompt.windowHandle(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not app.session.locked)
    assert app.window.windowTitle() == "CitésDesk"
