"""The import templates: the canonical headers in French, drop-down lists on coded
columns, and a notice sheet. A filled template imports with no mapping step."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import xlsxwriter
import xlsxwriter.exceptions

from citesdesk.core import codes
from citesdesk.core.files import Work, private_output
from citesdesk.services.importer.columns import COLUMNS, KINDS_FR
from citesdesk.services.importer.mapping import column_letter

TEMPLATE_ROWS = 2000
_SHEETS = {"participants": "Participants", "partners": "Partenaires", "events": "Étapes"}
_EXPECT = {
    "date": "date jj/mm/aaaa", "bool": "Oui ou Non",
    "phone": "téléphone (06 12 34 56 78) — un numéro qui ne passe pas le contrôle est gardé "
             "tel quel et signalé « à vérifier » : la ligne est importée",
    "email": "adresse de courriel — une adresse invalide est gardée telle quelle et signalée "
             "« à vérifier » : la ligne est importée",
    "postcode": "cinq chiffres",
    "qpv": "code du QPV en majuscules ou minuscules (QN07511M), « nom (code) » ou le nom du "
           "quartier seul (Goutte d'Or ; accents, majuscules et tirets indifférents) — un "
           "quartier de la liste officielle fait de la personne un·e résident·e QPV, sauf si "
           "« Résident d'un QPV » dit non",
    "siret": "14 chiffres", "url": "adresse web", "text": "texte", "longtext": "texte libre",
    "int": "nombre entier",
}


#: What a cell problem does to its row (the same rules as the import and the forms).
RULES = (
    ("Ce qui bloque une ligne",
     "une ligne sans nom ou sans prénom, une date impossible (31/02), une sortie avant "
     "l'entrée, une valeur codée qu'aucun code ni libellé des listes ne reconnaît (motif "
     "de sortie, niveau…), un QPV qui n'est ni un code ni le nom d'un quartier de la liste."),
    ("Ce qui n'est qu'un avertissement",
     "un téléphone ou un courriel qui ne passe pas le contrôle (gardé, signalé « à "
     "vérifier »), un code QPV bien formé absent de la liste (gardé, signalé « non "
     "vérifié »), un nom de quartier porté par plusieurs QPV hors du département du site "
     "(la personne est comptée résidente, le code reste à préciser), « Résident d'un QPV : "
     "non » avec un quartier de la liste, un âge peu vraisemblable."),
)


def _allowed(col) -> list[str]:
    f = col.field
    if f.type in ("code", "codes") and f.codelist:
        return [c.fr for c in codes.ALL[f.codelist]]
    if f.type == "bool":
        return ["Oui", "Non"]
    return []


def write_template(kind: str, path: str | Path) -> Path:
    if kind not in _SHEETS:
        raise ValueError(kind)
    path = Path(path)
    with private_output(path) as work:
        _write_template(kind, work)
    return path


def _write_template(kind: str, work: Work) -> None:
    path = work.target
    cols = COLUMNS[kind]
    wb = xlsxwriter.Workbook(str(work.file), {"tmpdir": str(work.dir)})
    head = wb.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1, "text_wrap": True})
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    text_fmt = wb.add_format({"num_format": "@"})
    bold = wb.add_format({"bold": True})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    data = wb.add_worksheet(_SHEETS[kind])
    notice = wb.add_worksheet("Notice")
    lists = wb.add_worksheet("Listes")
    lists.hide()
    list_col = 0
    for c, col in enumerate(cols):
        data.write_string(0, c, col.header, head)
        f = col.field
        width = max(12, min(40, len(col.header) + 4))
        fmt = date_fmt if f.type == "date" else (text_fmt if f.type in (
            "phone", "postcode", "siret", "text") else None)
        data.set_column(c, c, width, fmt)
        allowed = _allowed(col)
        if allowed:
            lists.write_string(0, list_col, col.header)
            for r, label in enumerate(allowed, 1):
                lists.write_string(r, list_col, label)
            letter = column_letter(list_col)
            source = f"=Listes!${letter}$2:${letter}${len(allowed) + 1}"
            validation = {"validate": "list", "source": source}
            if f.type == "codes":  # several barriers: free text allowed, list as a help
                validation.update({"error_type": "information",
                                   "error_message": "Plusieurs freins : séparez-les par « | »."})
            else:
                validation.update({"error_title": col.header[:32],
                                   "error_message": "Choisissez une valeur de la liste."})
            data.data_validation(1, c, TEMPLATE_ROWS, c, validation)
            list_col += 1
        elif f.type == "date":
            data.data_validation(1, c, TEMPLATE_ROWS, c, {
                "validate": "date", "criteria": ">", "value": dt.date(1900, 1, 1),
                "error_type": "warning", "error_message": "Saisissez une date jj/mm/aaaa."})
    data.freeze_panes(1, 0)
    notice.set_column(0, 0, 34)
    notice.set_column(1, 1, 14)
    notice.set_column(2, 2, 90)
    notice.write_string(0, 0, f"Modèle d'import CitésDesk — {KINDS_FR[kind]}", bold)
    intro = ("Remplissez une ligne par " + {"participants": "personne",
                                             "partners": "contact (les lignes d'une même "
                                                         "structure sont regroupées)",
                                             "events": "étape du parcours"}[kind]
             + " dans la feuille « " + _SHEETS[kind] + " », sans changer les en-têtes. "
             "Les colonnes vides sont ignorées. Importez ensuite le fichier avec "
             "Fichier > Importer un tableur, ou « citesdesk import " + kind + " FICHIER ».")
    notice.write_string(1, 0, intro, wrap)
    notice.write_string(3, 0, "Colonne", head)
    notice.write_string(3, 1, "Obligatoire", head)
    notice.write_string(3, 2, "Valeurs attendues", head)
    required = {"participants": {"last_name", "first_name"}, "events": {"type", "date"},
                "partners": {"name", "type"}}[kind]
    for r, col in enumerate(cols, 4):
        allowed = _allowed(col)
        text = ", ".join(allowed) if allowed else _EXPECT.get(col.field.type, "texte")
        if col.field.type == "codes":
            text = "un ou plusieurs, séparés par « | » : " + text
        if kind == "events" and col.key in ("ft_id", "ml_id", "other_id", "last_name",
                                            "first_name", "birth_date"):
            text += " — pour retrouver la personne : un identifiant, ou nom + prénom + date " \
                    "de naissance"
        if kind == "events" and col.key == "partner":
            text += " — nom du partenaire tel qu'il est dans l'annuaire"
        if kind == "participants" and col.key == "cohort":
            text += " — une cohorte qui n'existe pas encore est créée"
        notice.write_string(r, 0, col.header)
        notice.write_string(r, 1, "oui" if col.key in required else "")
        notice.write_string(r, 2, text, wrap)
    at = len(cols) + 5
    for n, (title, text) in enumerate(RULES if kind == "participants" else (), at):
        notice.write_string(n, 0, title, bold)
        notice.write_string(n, 2, text, wrap)
    _close(wb, path)


def _close(wb, path: Path) -> None:
    from citesdesk.core.errors import CitesDeskError

    try:
        wb.close()
    except (xlsxwriter.exceptions.FileCreateError, OSError) as exc:
        from citesdesk.core.oserrors import os_error_message

        cause = exc if isinstance(exc, OSError) else getattr(exc, "__context__", None)
        if not isinstance(cause, OSError):
            cause = OSError(errno.EACCES, "", str(path))
        raise CitesDeskError(*os_error_message(
            OSError(cause.errno, "", str(path)))) from None
