"""Bundle rows: creating the bundle of the large site (≤ 3 s), and the national
consolidation of 84 large-site bundles (≤ 120 s).

The 84 bundles are made once (not timed) from copies of the large site, each with its own
site code, signing key and pseudonym secret, all encrypted to one national key.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyrage

from citesdesk.core.db import open_database
from citesdesk.services.bundle import create_bundle, keys

SITES = 84


def _copy(src: Path, dst: Path) -> Path:
    db = open_database(src, readonly=True)
    try:
        db.backup_to(dst)
    finally:
        db.close()
    return dst


def register(bench) -> None:
    from citesdesk.services.national import consolidate

    work = bench.tmp / "bundle"
    work.mkdir(exist_ok=True)
    identity = pyrage.x25519.Identity.generate()
    key_file = work / "national.key"
    key_file.write_text(f"{identity}\n")
    recipient = str(identity.to_public())
    state: dict = {}

    def site_db():
        if "db" not in state:
            db = open_database(_copy(bench.large_db, work / "site.sqlite"))
            keys.set_recipients(db, [recipient])
            keys.ensure_site_keys(db)
            state["db"] = db
        return state["db"]

    def create():
        return create_bundle(site_db(), work / "site.citesbundle")

    def make_84():
        if "files" in state:
            return
        path = _copy(bench.large_db, work / "sites.sqlite")
        db = open_database(path)
        keys.set_recipients(db, [recipient])
        files = []
        for n in range(1, SITES + 1):
            with db.atomic():
                db.execute("UPDATE site SET site_code = ?, name = ?",
                           [f"CDE-{n:03d}", f"Cité de l'emploi n° {n}"])
                db.execute("DELETE FROM setting WHERE key IN ('signing_key', "
                           "'pseudonym_secret')")
                db.execute("DELETE FROM bundle_log")
            out = work / f"site-{n:03d}.citesbundle"
            create_bundle(db, out)
            files.append(out)
        db.close()
        state["files"] = files

    def before_consolidation():
        make_84()
        shutil.rmtree(work / "national", ignore_errors=True)

    def consolidate_84():
        result = consolidate(state["files"], key_file, work / "national")
        assert len(result.accepted) == SITES, [o.reason for o in result.refused][:3]
        return result

    bench.add("bundle create (large site)", create, target_s=3.0, repeat=5)
    bench.add(f"national consolidate ({SITES} large-site bundles)", consolidate_84,
              target_s=120.0, repeat=1, setup=before_consolidation)
