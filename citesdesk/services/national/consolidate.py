"""``national consolidate``: check every bundle, load the accepted ones, report on all.

A file is accepted only when it decrypts with the national key, holds exactly the
published members (no unsafe path, no link, nothing past 1 GiB), its ``datapackage.json``
is signed by the site's key, every CSV matches its declared size and hash, and the data
follows the published schema. Then, per site: the key is trusted on first use (a changed
key is refused until accepted with ``accept_new_keys``), the highest ``sequence`` wins, a
lower one is refused, and the same bundle again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from citesdesk.core.errors import CitesDeskError
from citesdesk.core.files import private_dir, write_private
from citesdesk.services import Progress, no_progress
from citesdesk.services.bundle.minisign import PublicKey, SignatureInvalid
from citesdesk.services.bundle.reader import BundleRefused, load_identities, open_bundle
from citesdesk.services.national import store
from citesdesk.services.national.workbook import write_workbook


@dataclass
class Outcome:
    file: str
    status: str  # accepted, unchanged, refused
    site_code: str = ""
    sequence: int | None = None
    sha256: str = ""
    reason_code: str = ""
    reason: str = ""
    reason_en: str = ""

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in ("", None)}


@dataclass
class Consolidation:
    out_dir: Path
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def accepted(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status != "refused"]

    @property
    def refused(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "refused"]


def _sha256(path: Path) -> str:
    try:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return ""


def _key(text: str):
    try:
        return PublicKey.from_text(text)
    except SignatureInvalid:
        return None


_IDENTITIES: dict[str, list] = {}


def check_file(path: Path, identity: str) -> tuple:
    """Everything that needs no national database (decrypt, members, signature, hashes,
    schema), runnable in a worker process: ``("ok", opened)`` or
    ``("refused", code, detail, sha256)`` (plain values, to cross process boundaries)."""
    if identity not in _IDENTITIES:
        _IDENTITIES[identity] = load_identities(identity)
    try:
        return ("ok", open_bundle(path, _IDENTITIES[identity]))
    except BundleRefused as exc:
        return ("refused", exc.code, exc.detail, _sha256(path))


def _one(db, path: Path, checked: tuple, accept: set[str]) -> Outcome:
    outcome = Outcome(path.name, "refused")
    try:
        if checked[0] == "refused":
            outcome.sha256 = checked[3]
            raise BundleRefused(checked[1], checked[2])
        opened = checked[1]
        code, seq = opened.site_code, opened.sequence
        outcome.site_code, outcome.sequence, outcome.sha256 = code, seq, opened.file_sha256
        known = store.known_key(db, code)
        new_key = known is not None and _key(known) != opened.public_key
        if new_key and code not in accept:
            raise BundleRefused("changed_key", f"{code}: {opened.public_key.key_id_hex}")
        current = store.loaded(db, code)
        if current is not None and not new_key:
            if seq < current[0]:
                raise BundleRefused("lower_sequence", f"{seq} < {current[0]}")
            if seq == current[0]:
                if current[1] == opened.datapackage_sha256:
                    outcome.status = "unchanged"
                    return outcome
                raise BundleRefused("sequence_conflict", str(seq))
        store.load(db, opened, path.name)
        outcome.status = "accepted"
    except BundleRefused as exc:
        outcome.reason_code, outcome.reason, outcome.reason_en = (
            exc.code, exc.message_fr, exc.message_en)
    return outcome


def _checked(files: list[Path], identity: str, workers: int) -> Iterator[tuple]:
    """The files checked, in order; with ``workers`` > 1, checked ahead in worker processes
    (at most ``workers + 1`` bundles in memory at once)."""
    if workers <= 1 or len(files) <= 1:
        for path in files:
            yield check_file(path, identity)
        return
    with ProcessPoolExecutor(workers) as pool:
        ahead: deque = deque()
        queue = iter(files)
        try:
            for path in queue:
                ahead.append(pool.submit(check_file, path, identity))
                if len(ahead) > workers:
                    yield ahead.popleft().result()
            while ahead:
                yield ahead.popleft().result()
        finally:
            for future in ahead:
                future.cancel()


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))


def consolidate(files: Iterable[str | os.PathLike], identity: str | os.PathLike,
                out_dir: str | os.PathLike, *, accept_new_keys: Iterable[str] = (),
                progress: Progress = no_progress, workers: int | None = None) -> Consolidation:
    """Check and load ``files`` (in the order given) into ``out_dir/national.sqlite``, then
    write ``out_dir/national.xlsx`` and ``out_dir/report.json``.

    Files are checked ahead in ``workers`` processes (default: the cores, at most 4) while
    this one loads, in the order given, the ones already checked."""
    load_identities(identity)  # a missing or unreadable key stops everything, before any write
    out = Path(out_dir)
    if not out.is_dir():
        try:
            private_dir(out)
        except OSError as exc:
            raise CitesDeskError(f"Impossible de créer le dossier « {out} » ({exc}).",
                                 f"Cannot create the folder '{out}' ({exc}).") from None
    accept = set(accept_new_keys)
    result = Consolidation(out)
    files = [Path(f) for f in files]
    db = store.open_store(out / "national.sqlite")
    try:
        checked = _checked(files, str(identity), default_workers() if workers is None
                           else workers)
        for i, (path, check) in enumerate(zip(files, checked, strict=True)):
            progress(i, len(files), path.name)
            result.outcomes.append(_one(db, path, check, accept))
        progress(len(files), len(files), "national.xlsx")
        write_workbook(db, out / "national.xlsx")
    finally:
        db.close()
    report = {
        "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        .replace("+00:00", "Z"),
        "accepted": len(result.accepted), "refused": len(result.refused),
        "files": [o.as_dict() for o in result.outcomes],
    }
    write_private(out / "report.json",
                  (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return result
