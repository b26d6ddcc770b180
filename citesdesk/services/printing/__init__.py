"""Printed documents (PDF, reportlab): the participant file, the information notice and
consent form, the subject-access export (RGPD art. 15), and batches of participant files.

Every function writes to ``target``: a path, or a binary file object (``io.BytesIO`` for a
preview). Text is French by default, English with ``lang="en"``. No Qt here.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from citesdesk.core.db import SiteDatabase
from citesdesk.core.files import private_output
from citesdesk.services.printing import access_export, consent, data, layout
from citesdesk.services.printing import labels as L
from citesdesk.services.printing import participant_file as pf
from citesdesk.services.printing.batch import BatchResult, print_batch
from citesdesk.services.printing.data import cohort_members, resolve

__all__ = [
    "BatchResult", "access_export_pdf", "cohort_members", "consent_form_pdf",
    "participant_pdf", "print_batch", "resolve", "resolve_refs",
]


def resolve_refs(db: SiteDatabase, refs: list[str]) -> list[str]:
    """The uuids of the participants named by ``refs`` (uuid or external id), in order."""
    return [resolve(db, ref)["uuid"] for ref in refs]


@contextlib.contextmanager
def _out(target):
    """A file object as it is; a path through a private work file (owner-only, whole or
    not at all, see :func:`citesdesk.core.files.private_output`)."""
    if isinstance(target, str | os.PathLike):
        with private_output(Path(target), sweep_first=False) as work:
            yield str(work.file)
    else:
        yield target


def participant_pdf(db: SiteDatabase, uuids: str | list[str], target, lang: str = "fr") -> int:
    """The participant file of one or several participants in one PDF; returns the count."""
    with _out(target) as out:
        return pf.write_pdf(db, uuids, out, lang)


def consent_form_pdf(db: SiteDatabase, target, uuid: str | None = None,
                     lang: str = "fr") -> None:
    """The information notice and consent form, blank (``uuid=None``) or filled in."""
    person = data.person(db, uuid) if uuid else None
    with _out(target) as out:
        layout.build(layout.make_doc(out, L.t("consent_form", lang), lang),
                     consent.story(db, person, lang))


def access_export_pdf(db: SiteDatabase, uuid: str, target, lang: str = "fr") -> dict:
    """The subject-access export of one person; returns the dossier it printed (with
    ``purge_date``). The export itself is recorded in the audit log by the caller that
    has a writable database (the CLI and the window)."""
    d = data.dossier(db, uuid, full=True)
    with _out(target) as out:
        layout.build(layout.make_doc(out, L.t("access_export", lang), lang),
                     access_export.story(d, lang))
    return d
