"""Many participant files at once: to one PDF, or one PDF per person in a folder.

One PDF on a machine of two cores or fewer is one reportlab document built in this process
(:func:`in_one_document`; page numbers restart for each person). Otherwise work is shared
between processes (``ProcessPoolExecutor``, *spawn* so that it is safe from the GUI's
threads); each worker opens the database read-only and builds a chunk of files; for one
PDF, each chunk is one document and the chunks are joined in order with pypdf. Progress is
reported per person (one document) or per chunk; the callback may raise
:class:`Cancelled`, in which case nothing is left behind: the PDF is written to a private
work file first, and split files written by this run are removed.
"""

from __future__ import annotations

import io
import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from citesdesk.core import files
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.files import private_output
from citesdesk.services import Cancelled, Progress, no_progress

#: Below this many files, processes cost more than they save.
PROCESS_THRESHOLD = 24
CHUNK = 20


@dataclass
class BatchResult:
    count: int
    files: list[Path] = field(default_factory=list)


def file_name(person: dict) -> str:
    """``participant-1a2b3c4d5e6f.pdf``: from the participant's reference (the start of their
    uuid), never their name, which the file name would show to anyone seeing the folder."""
    return f"participant-{person['uuid'].replace('-', '')[:12]}.pdf"


_worker_db: dict = {}


def _open(db_path: str, key: str | None = None):
    from citesdesk.core.db import open_database

    db = _worker_db.get(db_path)
    if db is None:  # an encrypted database: its passphrase comes with the work (a pipe)
        db = _worker_db[db_path] = open_database(db_path, readonly=True, key=key)
    return db


def _chunk(db, uuids: list[str], lang: str, folder: str | None) -> bytes | list[str]:
    """Build one chunk: the PDF bytes (one file) or the names written (split)."""
    from citesdesk.services.printing import data
    from citesdesk.services.printing.participant_file import write_pdf

    if folder is None:
        buffer = io.BytesIO()
        write_pdf(db, uuids, buffer, lang)
        return buffer.getvalue()
    names = []
    for uuid in uuids:
        name = file_name(data.person(db, uuid))
        with private_output(Path(folder) / name, sweep_first=False) as work:  # owner-only
            write_pdf(db, uuid, str(work.file), lang)
        names.append(name)
    return names


def _watch_parent() -> None:
    """Worker initialiser: end this worker as soon as the process that started it dies
    (``kill -9``), instead of living on with the database open and half a file written."""
    import threading

    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=lambda: (parent.join(), os._exit(1)), daemon=True).start()


def _worker(db_path: str, uuids: list[str], lang: str, folder: str | None,
            key: str | None = None):
    return _chunk(_open(db_path, key), uuids, lang, folder)


def _join(parts: list[bytes], target: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part))
    with target.open("wb") as fh:
        writer.write(fh)


def in_one_document(db, uuids: list[str], out: Path, lang: str,
                    progress: Progress) -> BatchResult:
    """Every file in one reportlab document built here, written whole or not at all.

    On a machine with two cores (the usual coordinator's laptop), this is quicker than
    worker processes: each must start an interpreter and import reportlab (≈ 1 s), their
    documents must then be joined (pypdf reads and writes every page again: ≈ 1.4 s for
    500 files), and the second core is seldom free. Progress follows the layout, person
    by person; a :class:`Cancelled` raised by ``progress`` stops it."""
    from citesdesk.services.printing.participant_file import write_pdf

    total = len(uuids)
    with files.private_output(out) as work:
        write_pdf(db, uuids, str(work.file), lang, progress=lambda done, _t: progress(
            done, total, ""))
    progress(total, total, "")
    return BatchResult(total, [out])


def print_batch(db, uuids: list[str], out, *, split: bool = False, lang: str = "fr",
                progress: Progress = no_progress, workers: int | None = None) -> BatchResult:
    """Participant files of ``uuids`` to the PDF ``out``, or with ``split=True`` one PDF per
    person in the folder ``out`` (created if missing). Raises :class:`Cancelled` when the
    progress callback does, having removed what it wrote."""
    out = Path(out)
    total = len(uuids)
    if total == 0:
        raise CitesDeskError("Aucun participant à imprimer.", "No participant to print.")
    if split:
        files.private_dir(out)
        files.sweep(out)
    elif not out.parent.is_dir():
        raise CitesDeskError(
            f"Le dossier « {out.parent} » n'existe pas : choisissez un dossier existant.",
            f"The folder '{out.parent}' does not exist: choose an existing folder.")
    chunks = [uuids[i:i + CHUNK] for i in range(0, total, CHUNK)]
    folder = str(out) if split else None
    results: list = [None] * len(chunks)
    written: list[str] = []
    progress(0, total, "")
    if workers is None and not split and (os.cpu_count() or 1) <= 2:
        workers = 1  # one PDF on two cores: see in_one_document
    use_processes = (total >= PROCESS_THRESHOLD and getattr(db, "path", None) is not None
                     and (workers is None or workers > 1))
    try:
        if not split and not use_processes:
            return in_one_document(db, uuids, out, lang, progress)
        if use_processes:
            n = workers or min(os.cpu_count() or 1, 4, len(chunks))
            ctx = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=n, mp_context=ctx,
                                     initializer=_watch_parent) as pool:
                pending = {pool.submit(_worker, str(db.path), c, lang, folder,
                                       getattr(db, "key", None)): i
                           for i, c in enumerate(chunks)}
                done_count = 0
                try:
                    while pending:
                        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                        for fut in finished:
                            i = pending.pop(fut)
                            results[i] = fut.result()
                            if split:
                                written += results[i]
                            done_count += len(chunks[i])
                            progress(done_count, total, "")
                except BaseException:
                    pool.shutdown(wait=True, cancel_futures=True)
                    for fut in pending:
                        if fut.done() and not fut.cancelled() and fut.exception() is None \
                                and split:
                            written += fut.result()
                    raise
        else:
            done_count = 0
            for i, c in enumerate(chunks):
                results[i] = _chunk(db, c, lang, folder)
                if split:
                    written += results[i]
                done_count += len(c)
                progress(done_count, total, "")
        if split:
            return BatchResult(total, [out / name for sub in results for name in sub])
        with files.private_output(out) as work:
            if len(results) == 1:
                work.file.write_bytes(results[0])
            else:
                _join(results, work.file)
        return BatchResult(total, [out])
    except Cancelled:
        for name in written:
            try:
                os.remove(os.path.join(folder, name))
            except OSError:
                pass
        raise
