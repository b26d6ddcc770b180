"""The team's optional shared folder (a network share, a synchronised folder): each laptop
writes its own file there and merges the colleagues' files that are new or changed.

Where and how often are settings of the registry (``team_shared_folder``,
``team_shared_minutes``: read and written through :mod:`citesdesk.core.settings`,
audited); which files were already merged is this laptop's bookkeeping
(``team_shared_seen``: name → modification stamp).
"""

from __future__ import annotations

from pathlib import Path

from citesdesk.core import settings
from citesdesk.services.team.export import export
from citesdesk.services.team.fileformat import SUFFIX, TeamRefused
from citesdesk.services.team.keys import my_key
from citesdesk.services.team.merge import NeedsConfirmation, merge

FOLDER = "team_shared_folder"
MINUTES = "team_shared_minutes"
SEEN = "team_shared_seen"


def shared_folder(db) -> tuple[str, int]:
    """(the folder, or "" for none; every how many minutes)."""
    return settings.get(db, FOLDER), settings.get(db, MINUTES)


def set_shared_folder(db, folder: str, minutes: int) -> None:
    """Choose the shared folder ("" for none) and the interval; checked and audited."""
    with db.atomic():
        settings.put(db, FOLDER, folder)
        settings.put(db, MINUTES, minutes)


def sync_shared_folder(db) -> dict:
    """Write my file in the shared folder, then merge the colleagues' files that are new
    or changed since last time; the files refused are listed with their reason, the
    others merged. Without a folder (or one not there: a USB key unplugged), nothing."""
    chosen = settings.get(db, FOLDER)
    folder = Path(chosen)
    if not chosen or not folder.is_dir():
        return {"written": None, "merged": [], "refused": []}
    me = my_key(db)
    mine = folder / f"{me.name}-{me.node}{SUFFIX}"
    seen = dict(db.setting(SEEN) or {})
    merged, refused = [], []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path == mine:
            continue
        info = path.stat()
        stamp = f"{info.st_mtime_ns}-{info.st_size}"
        if seen.get(path.name) == stamp:
            continue
        try:
            merged.append(merge(db, path, snapshot=not merged))
        except TeamRefused as exc:
            if exc.code != "own_file":
                refused.append((path.name, exc))
        except NeedsConfirmation as exc:
            refused.append((path.name, exc))
        seen[path.name] = stamp
    written = export(db, mine)
    with db.atomic():
        db.set_setting(SEEN, seen)
    return {"written": written, "merged": merged, "refused": refused}
