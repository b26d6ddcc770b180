"""A colleague's team file double-clicked while CitésDesk already has the base open.

The base is held by one program at a time (the instance lock), so a second CitésDesk
started by the file manager on ``FILE.citesequipe`` could only open it read-only and send
the coordinator back to the first window. Instead, the window that holds the base listens
on a local socket named after the base (this user's, not reachable from the network:
``QLocalServer``, a Unix socket or a Windows named pipe); the second program hands it the
files and ends, and the running window comes forward and offers to merge them.

Loaded only when needed: by the running window once it has painted, and by a start that
was given team files.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

#: How long the second program waits for the running window to answer.
WAIT_MS = 3000


def server_name(db_path: str | Path) -> str:
    """The socket's name for this user's base at ``db_path`` (the same from any folder)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    key = f"{user}|{Path(db_path).expanduser().resolve()}"
    return "citesdesk-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def hand_to_running(db_path: str | Path, paths: list[str], wait_ms: int = WAIT_MS) -> bool:
    """Give ``paths`` to the CitésDesk window that has ``db_path`` open; whether it took
    them (False at once when no window listens)."""
    sock = QLocalSocket()
    sock.connectToServer(server_name(db_path))
    if not sock.waitForConnected(wait_ms):
        return False
    message = {"team": [str(Path(p).expanduser().resolve()) for p in paths]}
    sock.write(json.dumps(message).encode("utf-8") + b"\n")
    sock.waitForBytesWritten(wait_ms)
    answer = b""
    while b"\n" not in answer and sock.waitForReadyRead(wait_ms):
        answer += sock.readAll().data()
    sock.disconnectFromServer()
    return answer.startswith(b"ok")


class Handoff(QObject):
    """The running window's end: ``files_received`` carries the team files handed over."""

    files_received = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self, db_path: str | Path) -> bool:
        """Listen for ``db_path`` (the base this program holds for writing)."""
        self.server.close()
        name = server_name(db_path)
        # A socket left by a run that was killed: this program holds the base now.
        QLocalServer.removeServer(name)
        return self.server.listen(name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while (sock := self.server.nextPendingConnection()) is not None:
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._forget(s))

    def _forget(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()

    def _read(self, sock: QLocalSocket) -> None:
        data = self._buffers.get(sock, b"") + sock.readAll().data()
        self._buffers[sock] = data
        if b"\n" not in data:
            return
        try:
            paths = [str(p) for p in json.loads(data.split(b"\n", 1)[0])["team"]]
        except (ValueError, KeyError, TypeError):
            sock.write(b"refused\n")
            sock.flush()
            return
        sock.write(b"ok\n")
        sock.flush()
        # The question opens after this answer has gone, on a later turn of the loop.
        QTimer.singleShot(0, self, lambda: self.files_received.emit(paths))


def offer_when_free(window, paths: list[str]) -> None:
    """Bring the window forward and offer to merge ``paths`` — once no other dialog is
    open on it (a question is never opened over another modal window)."""
    from citesdesk.gui.team_open import offer

    if window is None:
        return
    if QApplication.activeModalWidget() is not None:
        QTimer.singleShot(500, window, lambda: offer_when_free(window, paths))
        return
    window.showNormal() if window.isMinimized() else window.show()
    window.raise_()
    window.activateWindow()
    offer(window, paths)
