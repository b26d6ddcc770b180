"""The one way tests drive a dialog that the application opens.

``drive(monkeypatch, DialogClass, fn)`` (the ``drive`` fixture of ``conftest.py`` passes
``monkeypatch``): from then on, every dialog of that class the application opens — by
``exec()``, ``open()``, ``show()`` or a :class:`SeamDialog`'s ``run()`` — is appended to
the list returned, and handed to ``fn(dialog)`` instead of waiting for a person: ``fn``
fills its fields and presses its buttons as a person would (``exec()`` then returns the
dialog's result). Without ``fn`` a dialog opened by ``open()`` or ``show()`` opens as
usual (it does not block) and the test works on it from the list; a blocking ``exec()``
needs an ``fn``. A dialog once handed over shows as usual when ``fn`` or the test calls
its ``show()`` or ``open()``.

Message boxes and file choosers are not dialogs of the application's own: they go
through :class:`citesdesk.gui.dialogs.Dialog`, answered by ``Dialog.script(...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog

from citesdesk.gui.forms import SeamDialog


def drive(monkeypatch, cls: type[QDialog],
          fn: Callable[[Any], Any] | None = None) -> list[QDialog]:
    """Hand every dialog of ``cls`` the application opens to ``fn``; returns them all."""
    opened: list[QDialog] = []

    def take(dialog) -> None:
        opened.append(dialog)
        if fn is not None:
            fn(dialog)

    if issubclass(cls, SeamDialog):
        monkeypatch.setattr(cls, "driver", take)  # run() gives it the dialog, never exec()
        return opened

    def exec_(dialog) -> int:
        if fn is None:
            raise AssertionError(f"{cls.__name__}.exec() would block: give drive() a function")
        take(dialog)
        return dialog.result()

    def non_blocking(original):
        def opener(dialog) -> None:
            if any(d is dialog for d in opened):  # already handed over: shown as usual
                original(dialog)
            elif fn is None:
                opened.append(dialog)
                original(dialog)
            else:
                take(dialog)
        return opener

    monkeypatch.setattr(cls, "exec", exec_)
    monkeypatch.setattr(cls, "open", non_blocking(cls.open))
    monkeypatch.setattr(cls, "show", non_blocking(cls.show))
    return opened
