"""``team copy``: the site for a new colleague's laptop, with its own node and keys.

The copy is a consistent backup of this database that then takes a new clock node, drops
this laptop's team keys (it creates its own on first use) and is named after the
colleague. Both laptops know each other at once: each adds the other as a colleague,
with a vector saying that the other has everything written so far, so that their first
files are small deltas.
"""

from __future__ import annotations

from pathlib import Path

from citesdesk.core import node as nodes
from citesdesk.core.audit import audit
from citesdesk.core.db import SiteDatabase, open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.services.bundle.keys import ensure_site_keys
from citesdesk.services.team import clocks, keys


def copy_for_colleague(db: SiteDatabase, out: str | Path, name: str) -> dict:
    """Write the copy at ``out``; returns its name, node and fingerprint."""
    path = Path(out)
    if path.exists():
        raise CitesDeskError(
            f"« {path} » existe déjà : choisissez un autre nom pour la copie.",
            f"'{path}' already exists: choose another name for the copy.")
    if not name.strip():
        raise CitesDeskError("Indiquez le nom du ou de la collègue qui recevra la copie.",
                             "Give the name of the colleague who will receive the copy.")
    mine = keys.my_key(db)
    # The site's secrets are the site's, not the laptop's: the copy shares them, so that
    # both laptops give every person the same pseudonym and sign bundles alike.
    ensure_site_keys(db)
    with db.atomic():
        clocks.stamp_purges(db)
        own = db.clock.now()
        vec = clocks.vector(db, own)
        audit(db, "team_copy", "team", None, {"for": name})
    db.backup_to(path)
    copy = open_database(path, migrate=False)
    try:
        with copy.atomic():
            for key in (keys.AGE_IDENTITY, keys.SIGNING_KEY):
                copy.delete_setting(key)
            copy.set_setting("team_laptop_name", name.strip())
            new = nodes.new_node(copy)
            copy.set_setting(nodes.HOST_SETTING, "")  # claimed by the laptop that opens it
            copy.clock = type(copy.clock)(new, copy.clock.last)
            clocks.raise_vector(copy, vec)
            colleague_text = keys.public_key_text(copy)
        # The copy knows the original (and keeps the other colleagues); the original knows
        # the copy, and that it holds everything written until now.
        keys.add_member(copy, _key_of(keys.public_key_text(db)), mine.name, vec)
        copy.execute("UPDATE team_member SET node = ? WHERE key_id = ?",
                     [mine.node, mine.public.key_id_hex])
        theirs = _key_of(colleague_text)
        keys.add_member(db, theirs, name.strip(), vec)
    finally:
        copy.close()
    return {"path": str(path), "name": name.strip(), "node": theirs.node,
            "fingerprint": theirs.fingerprint}


def _key_of(text: str) -> keys.ColleagueKey:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=keys.KEY_SUFFIX, delete=False,
                                     encoding="utf-8") as fh:
        fh.write(text)
    try:
        return keys.read_public_key(fh.name)
    finally:
        Path(fh.name).unlink(missing_ok=True)


