"""No window is left stuck: every long task of the application, driven to its end.

A result message is "held open" for longer than the progress box's show delay (as a real
modal message box would be, in its own event loop): the progress box must never appear
over it. Afterwards no modal window remains and the main window takes a click.
"""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog

from citesdesk.gui.dialogs import Dialog
from tests.gui.demo_site import demo_copy
from tests.gui.waiting import tasks_finished

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"
# Longer than the progress box's show delay (400 ms).
HOLD_MS = 700


def _visible_progress() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


@pytest.fixture
def held(monkeypatch, qtbot):
    """Every message (info, error) stays "open" for HOLD_MS; records what else was
    visible over it meanwhile."""
    seen: list[tuple[str, str, list]] = []
    original = Dialog._scripted.__func__

    def scripted(cls, kind, title, text, default):
        result = original(cls, kind, title, text, default)
        if kind in ("info", "error", "unexpected"):
            qtbot.wait(HOLD_MS)
            seen.append((kind, text, [w.labelText() for w in _visible_progress()]))
        return result

    monkeypatch.setattr(Dialog, "_scripted", classmethod(scripted))
    return seen


@pytest.fixture
def demo_app(make_app, tmp_path, tmp_path_factory):
    app = make_app(demo_copy(tmp_path_factory, tmp_path / "demo.sqlite", 40))
    app.window.resize(1024, 700)
    app.window.show()
    return app


def _assert_free(app, qtbot, held, message: str | None) -> None:
    """The task is over: its message was shown alone, nothing modal remains, the main
    window takes a click (on the sidebar: the screen changes)."""
    qtbot.waitUntil(lambda: not app.runner.busy(), timeout=30000)
    qtbot.wait(HOLD_MS)  # a progress box that would show itself late has had its chance
    if message is not None:
        assert any(message in text for _, text, _ in held), held
    assert all(not over for _, _, over in held), f"a progress box over a message: {held}"
    assert _visible_progress() == []
    assert QApplication.activeModalWidget() is None
    sidebar = app.window.sidebar
    target = 1 if sidebar.currentRow() != 1 else 0
    rect = sidebar.visualItemRect(sidebar.item(target))
    QTest.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sidebar.currentRow() == target
    assert app.window.stack.currentIndex() == target


def test_quarter_workbook(demo_app, qtbot, held, tmp_path):
    screen = demo_app.window.show_screen("exports")
    qtbot.waitUntil(lambda: getattr(screen, "preview_values", None) is not None, timeout=30000)
    Dialog.script(str(tmp_path / "trimestre.xlsx"))
    screen.save_quarter_button.click()
    _assert_free(demo_app, qtbot, held, "Classeur enregistré")
    assert (tmp_path / "trimestre.xlsx").stat().st_size > 0


def test_full_workbook(demo_app, qtbot, held, tmp_path):
    screen = demo_app.window.show_screen("exports")
    screen.protect_check.setChecked(False)
    Dialog.script("yes", str(tmp_path / "complet.xlsx"))
    screen.save_full_button.click()
    _assert_free(demo_app, qtbot, held, "Classeur enregistré")
    assert (tmp_path / "complet.xlsx").exists()


def test_list_export(demo_app, qtbot, held, tmp_path):
    screen = demo_app.window.show_screen("participants")
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=30000)
    Dialog.script(str(tmp_path / "liste.xlsx"))
    screen.export_button.click()
    _assert_free(demo_app, qtbot, held, None)
    assert (tmp_path / "liste.xlsx").exists()
    assert any(kind == "info" for kind, _, _ in held)


def test_batch_print(demo_app, qtbot, held, tmp_path):
    from citesdesk.gui.printing import actions

    uuids = [r[0] for r in demo_app.reader.execute(
        "SELECT uuid FROM participant WHERE deleted_at IS NULL LIMIT 3")]
    Dialog.script("one", str(tmp_path / "fiches.pdf"))
    actions.print_batch(demo_app.window.ctx, uuids, demo_app.window)
    _assert_free(demo_app, qtbot, held, "fiches imprimées")


def test_bundle(demo_app, qtbot, held, tmp_path):
    screen = demo_app.window.show_screen("evaluation")
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=30000)
    screen.recipient_edit.setText(str(pyrage.x25519.Identity.generate().to_public()))
    screen.add_button.click()
    qtbot.waitUntil(screen.create_button.isEnabled, timeout=30000)
    Dialog.script(str(tmp_path / "lot"))
    screen.create_button.click()
    _assert_free(demo_app, qtbot, held, "enregistré dans")
    assert (tmp_path / "lot.citesbundle").exists()


def test_import(demo_app, qtbot, held):
    screen = demo_app.window.show_screen("imports")
    wizard = screen.open_wizard()
    qtbot.addWidget(wizard)
    Dialog.script(str(FIX / "participants_messy.xlsx"))
    with qtbot.waitSignal(wizard.file_loaded, timeout=30000):
        wizard.file_page.browse()
    wizard.next()  # mapping
    with qtbot.waitSignal(wizard.dry_run_done, timeout=30000):
        wizard.next()  # the check, a long task
    assert _visible_progress() == []
    wizard.dry_run_page.valid_only_check.setChecked(True)
    with qtbot.waitSignal(wizard.committed, timeout=30000):
        wizard.next()  # the import, a long task
    qtbot.wait(HOLD_MS)
    assert _visible_progress() == []
    assert QApplication.activeModalWidget() is wizard  # the wizard's own last page
    wizard.accept()
    _assert_free(demo_app, qtbot, held, None)


def test_backup(demo_app, qtbot, held, tmp_path):
    Dialog.script(str(tmp_path / "copie.sqlite"))
    demo_app.window.backup_action.trigger()
    _assert_free(demo_app, qtbot, held, "Copie écrite et vérifiée")


def test_demo(make_app, site_path, qtbot, held, tmp_path):
    from citesdesk.core.db import open_database
    from citesdesk.gui import welcome

    empty = tmp_path / "vide.sqlite"
    open_database(empty, create=True).close()
    app = make_app(empty)
    app.window.show()
    with tasks_finished(qtbot, app.runner):
        welcome.fill_demo(app, 30)
    _assert_free(app, qtbot, held, None)
    assert app.reader.execute("SELECT count(*) FROM participant").fetchone()[0] == 30


def test_the_rule_itself(gui, qtbot, held):
    """A task that reports its start and ends before the box's delay, then a message: the
    box never shows up over the message (it used to, and then nothing could close it)."""
    def quick(db, progress):
        progress(0, 10, "")
        progress(10, 10, "")

    gui.runner.submit(quick, progress_title="Travail",
                      on_done=lambda _r: Dialog.info(gui.window, "Fini"))
    _assert_free(gui, qtbot, held, "Fini")
