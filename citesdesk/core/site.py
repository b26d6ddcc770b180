"""The one accessor of the site's row (who uses this database): read by the window's start,
the status bar, the exports, the bundle and printing alike."""

from __future__ import annotations


def get_site(db) -> dict | None:
    """The site's row (a dict), or ``None`` before it is set up."""
    for row in db.query("SELECT * FROM site WHERE deleted_at IS NULL ORDER BY id LIMIT 1"):
        return row
    return None
