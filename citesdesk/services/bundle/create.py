"""Creating a bundle: snapshot → CSV → ``datapackage.json`` → signature → ZIP → age.

The sequence number is taken, written into the bundle and logged in one writing
transaction (``BEGIN IMMEDIATE``): the bundle is written beside its target, the
``bundle_log`` row and the audit entry are written, the transaction commits, and only then
is the file renamed into place. A process killed before the commit leaves no bundle under
its name and no sequence used; killed after it, the sequence is used and the next bundle
takes the following one. Two bundles never share a sequence (the national side refuses
the second as a ``sequence_conflict``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import uuid as uuidlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pyrage

from citesdesk import __version__
from citesdesk.core.audit import audit
from citesdesk.core.db import SiteDatabase, utc_now
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.files import private_output
from citesdesk.services import Progress, no_progress
from citesdesk.services.bundle import figures, keys, snapshot
from citesdesk.services.bundle.package import (
    DATAPACKAGE,
    PUBLIC_KEY,
    RESOURCES,
    SCHEMA_VERSION,
    SIGNATURE,
    TABLES,
    csv_bytes,
)

#: Deflate level: the fastest; CSVs of random ids gain little from more effort.
ZIP_LEVEL = 1


@dataclass
class Summary:
    """What the next bundle will hold ("what will be sent")."""
    site_code: str
    site_name: str
    sequence: int
    quarters: list[str]
    counts: dict[str, int]
    objectors: int
    recipients: list[str]
    key_id: str

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class BundleResult:
    path: Path
    sequence: int
    bundle_id: str
    sha256: str
    datapackage_sha256: str
    size: int
    quarters: list[str]
    counts: dict[str, int]
    objectors: int
    recipients: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["path"] = str(self.path)
        return d


def _site(db: SiteDatabase) -> tuple[str, str]:
    rows = snapshot.site_rows(db)
    if not rows:
        raise CitesDeskError(
            "Le site n'est pas renseigné (code et nom) : complétez les paramètres du site "
            "avant de créer un lot.",
            "The site is not set up (code and name): fill in the site settings before "
            "creating a bundle.",
        )
    return rows[0][0], rows[0][1]


def next_sequence(db: SiteDatabase) -> int:
    return (db.execute("SELECT max(sequence) FROM bundle_log").fetchone()[0] or 0) + 1


def history(db: SiteDatabase) -> list[dict]:
    """Bundles made by this site, newest first."""
    out = []
    for d in list(db.query(
        "SELECT created_at, sequence, file_name, sha256, datapackage_sha256, quarters, counts "
        "FROM bundle_log WHERE deleted_at IS NULL ORDER BY sequence DESC"
    )):
        d["counts"] = json.loads(d["counts"] or "{}")
        d["quarters"] = [q for q in (d["quarters"] or "").split("|") if q]
        out.append(d)
    return out


def _recipients(db: SiteDatabase, extra) -> list[str]:
    found = keys.recipients(db)
    for r in extra or ():
        r = keys.check_recipient(r)
        if r not in found:
            found.append(r)
    return found


def preview(db: SiteDatabase, *, recipients=(), today: dt.date | None = None) -> Summary:
    """Counts, quarters, people left out and recipients of the next bundle."""
    code, name = _site(db)
    keys.ensure_site_keys(db)
    snap = snapshot.take(db, keys.pseudonym_secret(db))
    counts = {r: len(snap.rows(r)) for r in RESOURCES if r != "indicateurs"}
    return Summary(code, name, next_sequence(db), figures.quarters(db, today), counts,
                   snap.objectors, _recipients(db, recipients), keys.public_key(db).key_id_hex)


def _zip(members: list[tuple[str, bytes]], when: dt.datetime) -> bytes:
    buf = io.BytesIO()
    stamp = when.timetuple()[:6]
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, data, compresslevel=ZIP_LEVEL)
    return buf.getvalue()


def create_bundle(db: SiteDatabase, out: str | os.PathLike, *, recipients=(),
                  progress: Progress = no_progress, today: dt.date | None = None) -> BundleResult:
    """Write the encrypted, signed bundle of the whole site to ``out`` and log it."""
    out = Path(out)
    code, _name = _site(db)
    to = _recipients(db, recipients)
    if not to:
        raise CitesDeskError(
            "Aucun destinataire : indiquez la clé publique age de l'évaluation nationale "
            "(« age1… ») dans les paramètres, ou avec --recipient.",
            "No recipient: give the national evaluation's age public key ('age1…') in the "
            "settings, or with --recipient.",
        )
    if not out.parent.is_dir():
        raise CitesDeskError(f"Le dossier « {out.parent} » n'existe pas : choisissez un "
                             "dossier existant ou créez-le d'abord.",
                             f"The folder '{out.parent}' does not exist: choose an existing "
                             "folder or create it first.")
    secret_key = keys.signing_key(db)  # created (and saved) on the first bundle
    made, logged = None, False
    try:
        # Written through a private work file that takes the name ``out`` only after the
        # transaction that takes, uses and logs the sequence has committed.
        with private_output(out) as work:
            with db.atomic():
                made = _build(db, out, code, to, secret_key, progress, today)
                work.file.write_bytes(made["encrypted"])
                _log(db, out, made, len(to))
            logged = True
    except BaseException:
        if logged:  # the file could not take its name: nothing was sent under this sequence
            with db.atomic():
                db.execute("DELETE FROM bundle_log WHERE uuid = ?", [made["bundle_id"]])
                db.execute("DELETE FROM audit_log WHERE action = 'bundle' AND record_uuid = ?",
                           [made["bundle_id"]])
        raise
    sequence, bundle_id, quarters, counts, snap = (
        made["sequence"], made["bundle_id"], made["quarters"], made["counts"], made["snap"])
    file_sha, dp_sha, encrypted = made["file_sha"], made["dp_sha"], made["encrypted"]
    return BundleResult(out, sequence, bundle_id, file_sha, dp_sha, len(encrypted), quarters,
                        counts, snap.objectors, to)


def _build(db: SiteDatabase, out: Path, code: str, to: list[str], secret_key,
           progress: Progress, today: dt.date | None) -> dict:
    """The bundle's bytes (inside the caller's writing transaction, so that the sequence read
    here is the one logged)."""
    progress(0, 10, "snapshot")
    snap = snapshot.take(db, keys.pseudonym_secret(db))
    quarters = figures.quarters(db, today)
    progress(1, 10, "indicateurs")
    indicator_rows = figures.rows(db, quarters)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    sequence = next_sequence(db)
    previous = db.execute(
        "SELECT datapackage_sha256 FROM bundle_log WHERE sequence = ?", [sequence - 1]
    ).fetchone()
    bundle_id = str(uuidlib.uuid4())

    progress(6, 10, "csv")
    resources, members, counts = [], [], {}
    for name in RESOURCES:
        table = TABLES[name]
        data, count = csv_bytes(table, indicator_rows if name == "indicateurs"
                                else snap.rows(name))
        counts[name] = count
        members.append((table.path, data))
        resources.append({
            "name": name, "title": table.title, "path": table.path,
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "schema": table.schema(),
        })
    package = {
        "profile": "tabular-data-package",
        "name": f"citesdesk-{code.lower()}-{sequence}".replace(" ", "-"),
        "title": f"CitésDesk — lot {sequence} du site {code}",
        "created": now.isoformat().replace("+00:00", "Z"),
        "resources": resources,
        "citesdesk": {
            "bundle_id": bundle_id,
            "site_code": code,
            "sequence": sequence,
            "created_at": now.isoformat().replace("+00:00", "Z"),
            "schema_version": SCHEMA_VERSION,
            "software_version": __version__,
            "previous_bundle_sha256": previous[0] if previous else "",
            "quarters": quarters,
        },
    }
    package["name"] = "".join(ch for ch in package["name"] if ch.isalnum() or ch in "._-")
    datapackage = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    dp_sha = hashlib.sha256(datapackage).hexdigest()

    progress(7, 10, "signature")
    comment = (f"site:{code} sequence:{sequence} bundle:{bundle_id} "
               f"created:{package['citesdesk']['created_at']}")
    signature = secret_key.sign(datapackage, comment).encode("utf-8")
    zipped = _zip([(DATAPACKAGE, datapackage), (SIGNATURE, signature),
                   (PUBLIC_KEY, secret_key.public.to_text().encode("ascii")), *members], now)

    progress(8, 10, "age")
    encrypted = pyrage.encrypt(zipped, [pyrage.x25519.Recipient.from_str(r) for r in to])
    file_sha = hashlib.sha256(encrypted).hexdigest()
    progress(10, 10, out.name)  # the last point where the user may still cancel
    return {"sequence": sequence, "bundle_id": bundle_id, "quarters": quarters,
            "counts": counts, "snap": snap, "file_sha": file_sha, "dp_sha": dp_sha,
            "encrypted": encrypted}


def _log(db: SiteDatabase, out: Path, made: dict, recipients: int) -> None:
    """The ``bundle_log`` row and the audit entry (inside the transaction of :func:`_build`)."""
    logged_counts = {**made["counts"], "objecteurs_exclus": made["snap"].objectors}
    stamp = utc_now()
    db.execute(
        "INSERT INTO bundle_log (uuid, created_at, updated_at, hlc, sequence, file_name, "
        "sha256, datapackage_sha256, quarters, counts) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [made["bundle_id"], stamp, stamp, db.clock.now(), made["sequence"], out.name,
         made["file_sha"], made["dp_sha"], "|".join(made["quarters"]),
         json.dumps(logged_counts)],
    )
    audit(db, "bundle", "bundle_log", made["bundle_id"],
          {"sequence": made["sequence"], "file_name": out.name, "sha256": made["file_sha"],
           "recipients": recipients})
