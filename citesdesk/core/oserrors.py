"""System errors (``OSError``) told to people: one sentence naming the file, what to do,
never the raw system text (``[Errno 28] No space left on device``)."""

from __future__ import annotations

import errno


def os_error_message(exc: OSError) -> tuple[str, str]:
    """One sentence for a system error, naming the file, never the raw ``OSError`` text."""
    name = exc.filename or exc.filename2
    where_fr = f" « {name} »" if name else ""
    where_en = f" '{name}'" if name else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (f"Le disque est plein : impossible d'écrire{where_fr}. Libérez de la place "
                "puis recommencez (rien n'a été écrit).",
                f"The disk is full: cannot write{where_en}. Free some space then try again "
                "(nothing was written).")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"Droits insuffisants sur{where_fr} : choisissez un fichier ou un dossier où "
                "vous avez le droit d'écrire (rien n'a été écrit).",
                f"Permission denied on{where_en}: choose a file or folder you may write to "
                "(nothing was written).")
    if exc.errno == errno.EISDIR:
        return (f"«{where_fr[2:]} » est un dossier : donnez un nom de fichier.",
                f"'{where_en[2:]}' is a folder: give a file name.")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return (f"Chemin introuvable :{where_fr}. Vérifiez le dossier et le nom du fichier.",
                f"Path not found:{where_en}. Check the folder and the file name.")
    return (f"Erreur du système sur{where_fr or ' un fichier'} : vérifiez le disque et "
            "recommencez.",
            f"System error on{where_en or ' a file'}: check the disk and try again.")
