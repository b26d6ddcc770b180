"""Where the main window opens: where the coordinator left it last time.

The size, position and maximised state (Qt's ``saveGeometry``) are kept for this user in
CitésDesk's state folder (``window.json``), not in the site database: they belong to this
screen, not to the site, and travel with no team file. Qt's ``restoreGeometry`` brings a
window back onto a screen that is still there (a laptop unplugged from its large screen).

On a first start the window takes most of the screen (a coordinator's laptop is often
1366×768), at least its comfortable size, centred.
"""

from __future__ import annotations

import base64
import json

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QWidget

from citesdesk.core import files

FILE = "window.json"
#: At most this share of the screen on a first start, and at most this size.
SHARE, LARGEST = 0.88, (1440, 960)


def restore(window: QWidget) -> bool:
    """Put ``window`` where it was left; whether a place was known."""
    try:
        data = json.loads((files.state_dir() / FILE).read_text("utf-8"))
        geometry = QByteArray(base64.b64decode(data["geometry"]))
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return bool(window.restoreGeometry(geometry))


def first_size(window: QWidget, comfortable: tuple[int, int]) -> None:
    """The size of a first start: most of the screen, never less than ``comfortable``."""
    width, height = comfortable
    screen = QWidget.screen(window)  # (the main window has a screen(key) of its own)
    if screen is not None:
        room = screen.availableGeometry()
        width = max(width, min(int(room.width() * SHARE), LARGEST[0]))
        height = max(height, min(int(room.height() * SHARE), LARGEST[1]))
        window.resize(width, height)
        frame = window.frameGeometry()
        frame.moveCenter(room.center())
        window.move(frame.topLeft())
    else:
        window.resize(width, height)


def save(window: QWidget) -> None:
    """Remember where ``window`` is (a failure to write is no reason to stop leaving)."""
    geometry = bytes(window.saveGeometry().data())
    data = {"geometry": base64.b64encode(geometry).decode("ascii")}
    try:
        files.write_private(files.private_dir(files.state_dir()) / FILE,
                            json.dumps(data).encode("utf-8"))
    except OSError:
        pass
