"""``citesdesk [--db PATH] [--lang fr|en]``: open the application."""

from __future__ import annotations


def run(args) -> int:
    from citesdesk.gui import app

    return app.run(getattr(args, "db", None), getattr(args, "lang", None) or "fr",
                   getattr(args, "open_bundle", None), getattr(args, "open_team", None))
