"""System errors (``OSError``) told to people: one sentence naming the file, what to do,
never the raw system text (``[Errno 28] No space left on device``)."""

from __future__ import annotations

import errno

#: Errors that mean "no room left": a full disk, a quota, a file size limit.
FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})


def _where(name) -> tuple[str, str]:
    return (f" « {name} »" if name else "", f" '{name}'" if name else "")


def full_disk_message(name=None) -> tuple[str, str]:
    """The one sentence for a full disk (the command line, the window, every writer)."""
    where_fr, where_en = _where(name)
    return (f"Le disque est plein : impossible d'écrire{where_fr}. Rien n'a été modifié ni "
            "perdu ; libérez de la place (ou choisissez un autre disque) puis réessayez.",
            f"The disk is full: cannot write{where_en}. Nothing was changed or lost; free "
            "some space (or choose another disk) and try again.")


#: Errors that mean "not allowed to write here": read-only media, missing rights.
READ_ONLY = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def read_only_message(name=None) -> tuple[str, str]:
    """The one sentence for read-only media or a folder the user may not write to."""
    where_fr, where_en = _where(name)
    return (f"Impossible d'écrire{where_fr} : le support est en lecture seule ou vous n'avez "
            "pas le droit d'y écrire. Rien n'a été modifié ni perdu ; choisissez un autre "
            "dossier.",
            f"Cannot write{where_en}: the medium is read-only or you may not write there. "
            "Nothing was changed or lost; choose another folder.")


def os_error_message(exc: OSError) -> tuple[str, str]:
    """One sentence for a system error, naming the file, never the raw ``OSError`` text."""
    name = exc.filename or exc.filename2
    where_fr, where_en = _where(name)
    if exc.errno in FULL:
        return full_disk_message(name)
    if exc.errno in READ_ONLY:
        return read_only_message(name)
    if exc.errno == errno.EISDIR:
        return (f"«{where_fr[2:]} » est un dossier : donnez un nom de fichier.",
                f"'{where_en[2:]}' is a folder: give a file name.")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return (f"Chemin introuvable :{where_fr}. Vérifiez le dossier et le nom du fichier.",
                f"Path not found:{where_en}. Check the folder and the file name.")
    return (f"Erreur du système sur{where_fr or ' un fichier'} : vérifiez le disque et "
            "recommencez.",
            f"System error on{where_en or ' a file'}: check the disk and try again.")
