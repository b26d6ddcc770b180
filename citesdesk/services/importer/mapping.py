"""Finding the header row and matching its headers to columns; saved mapping profiles.

A mapping is ``{column index: column key}`` (``None`` = ignore the column). It comes from,
in order: a mapping file (``--mapping MAP.json``), a saved profile for the same headers,
or the automatic matching: exact header variants (case, accents, punctuation and spacing
ignored), then close spellings (``difflib``, ratio ≥ 0.82).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import uuid as uuidlib
from pathlib import Path

from citesdesk.core.db import SiteDatabase, utc_now
from citesdesk.core.errors import CitesDeskError
from citesdesk.services.importer.columns import COLUMNS, VARIANT_INDEX, header_key

FUZZY_MIN = 0.82
#: How many rows from the top are searched for the header row.
HEADER_SEARCH_ROWS = 30


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def letter_index(text: str) -> int | None:
    if not re.fullmatch(r"[A-Z]{1,3}", text or ""):
        return None
    n = 0
    for ch in text:
        n = n * 26 + ord(ch) - 64
    return n - 1


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def exact_matches(kind: str, header: object) -> list[str]:
    return [key for _, key in VARIANT_INDEX[kind].get(header_key(header), [])]


def _candidates(kind: str, header: object) -> list[tuple[float, int, str]]:
    """(score, priority, key) for one header, best first; exact matches score 2."""
    key = header_key(header)
    if not key:
        return []
    out = [(2.0, prio, col) for prio, col in VARIANT_INDEX[kind].get(key, [])]
    if out:
        return out
    best: dict[str, tuple[float, int, str]] = {}
    for variant, choices in VARIANT_INDEX[kind].items():
        ratio = difflib.SequenceMatcher(None, key, variant).ratio()
        if ratio >= FUZZY_MIN:
            for prio, col in choices:
                if col not in best or best[col][0] < ratio:
                    best[col] = (ratio, prio, col)
    return sorted(best.values(), key=lambda t: (-t[0], t[1]))


def auto_mapping(kind: str, headers: list) -> dict[int, str | None]:
    """Each header's column, each column used once (the better-matching header wins)."""
    wanted = []
    for i, h in enumerate(headers):
        for score, prio, col in _candidates(kind, h):
            wanted.append((-score, prio, i, col))
    wanted.sort()
    mapping: dict[int, str | None] = {i: None for i, h in enumerate(headers) if cell_text(h)}
    taken: set[str] = set()
    for _, _, i, col in wanted:
        if mapping.get(i) is None and col not in taken:
            mapping[i] = col
            taken.add(col)
    return mapping


def find_header_row(kind: str, rows: list[list], limit: int = HEADER_SEARCH_ROWS) -> int:
    """Index of the header row: the first that matches at least two known column names.

    Title rows above (often merged cells, so one filled cell) never match two names.
    Falls back to the row with the most matches, then to the first row with two filled
    cells.
    """
    best, best_count = None, 0
    for i, row in enumerate(rows[:limit]):
        texts = [c for c in row if cell_text(c)]
        if len(texts) < 2:
            continue
        count = len({k for c in texts for k in exact_matches(kind, c)[:1]})
        if count >= min(3, len(COLUMNS[kind])) or (count >= 2 and len(texts) <= 4):
            return i
        if count > best_count:
            best, best_count = i, count
    if best is not None:
        return best
    for i, row in enumerate(rows[:limit]):
        if sum(1 for c in row if cell_text(c)) >= 2:
            return i
    return 0


def headers_key(kind: str, headers: list) -> str:
    """A fingerprint of a header row, to find the profile saved for the same headers."""
    text = kind + "|" + "|".join(header_key(h) for h in headers if cell_text(h))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def mapping_to_names(headers: list, mapping: dict[int, str | None]) -> dict[str, str | None]:
    """The mapping as stored and written to files: ``{header text: column key or null}``."""
    out = {}
    for i, key in sorted(mapping.items()):
        label = cell_text(headers[i]) if i < len(headers) else ""
        out[label or column_letter(i)] = key
    return out


def mapping_from_names(kind: str, headers: list, names: dict[str, str | None],
                       source: str = "") -> dict[int, str | None]:
    """A stored or written ``{header or column letter: key}`` applied to these headers."""
    valid = {c.key for c in COLUMNS[kind]}
    by_header = {header_key(h): i for i, h in enumerate(headers) if cell_text(h)}
    mapping = {i: None for i in by_header.values()}
    for name, key in names.items():
        if key is not None and key not in valid:
            allowed = ", ".join(sorted(valid))
            raise CitesDeskError(
                f"{source} : colonne cible inconnue « {key} » pour « {name} ». "
                f"Cibles possibles : {allowed}.",
                f"{source}: unknown target column '{key}' for '{name}'. Possible targets: "
                f"{allowed}.")
        i = by_header.get(header_key(name))
        if i is None:
            i = letter_index(str(name).strip())
        if i is None:
            raise CitesDeskError(
                f"{source} : la colonne « {name} » n'est pas dans le fichier.",
                f"{source}: the column '{name}' is not in the file.")
        mapping[i] = key
    return mapping


def load_mapping_file(path: str | Path) -> dict:
    """Read a mapping file (see ``docs/import.md``): ``{"columns": {...}, ...}``."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise CitesDeskError(f"Le fichier de correspondance « {path} » n'existe pas : "
                             "vérifiez son nom et son dossier.",
                             f"The mapping file '{path}' does not exist: check its name and "
                             "folder.") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise CitesDeskError(
            f"{path.name} n'est pas un fichier JSON valide ({exc}).",
            f"{path.name} is not a valid JSON file ({exc}).") from None
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise CitesDeskError(
            f"{path.name} : il faut un objet JSON avec une clé « columns » "
            '({"columns": {"Nom de famille": "last_name", …}}).',
            f'{path.name}: a JSON object with a "columns" key is needed '
            '({"columns": {"Nom de famille": "last_name", …}}).')
    header_row = data.get("header_row")
    if header_row is not None and (not isinstance(header_row, int) or header_row < 1):
        raise CitesDeskError(f"{path.name} : « header_row » doit être un numéro de ligne ≥ 1.",
                             f"{path.name}: 'header_row' must be a row number ≥ 1.")
    return data


# --- saved profiles -------------------------------------------------------------------

def save_profile(db: SiteDatabase, name: str, kind: str, headers: list,
                 mapping: dict[int, str | None]) -> dict:
    """Save (or replace, by name and kind) a mapping profile for these headers."""
    now, hlc = utc_now(), db.clock.now()
    stored = json.dumps(mapping_to_names(headers, mapping), ensure_ascii=False)
    key = headers_key(kind, headers)
    with db.atomic():
        row = db.execute("SELECT id FROM import_profile WHERE name = ? AND kind = ? "
                         "AND deleted_at IS NULL", [name, kind]).fetchone()
        if row:
            db.execute("UPDATE import_profile SET headers_key = ?, mapping = ?, updated_at = ?, "
                       "hlc = ? WHERE id = ?", [key, stored, now, hlc, row[0]])
        else:
            db.execute("INSERT INTO import_profile (uuid, created_at, updated_at, hlc, name, "
                       "kind, headers_key, mapping) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [str(uuidlib.uuid4()), now, now, hlc, name, kind, key, stored])
    return {"name": name, "kind": kind, "headers_key": key}


def find_profile(db: SiteDatabase, kind: str, headers: list) -> dict | None:
    """The most recent profile saved for exactly these headers, as ``{name, mapping}``."""
    row = db.execute(
        "SELECT name, mapping FROM import_profile WHERE kind = ? AND headers_key = ? "
        "AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1",
        [kind, headers_key(kind, headers)]).fetchone()
    if row is None:
        return None
    return {"name": row[0], "mapping": mapping_from_names(kind, headers, json.loads(row[1]),
                                                          row[0])}


def list_profiles(db: SiteDatabase, kind: str | None = None) -> list[dict]:
    cur = db.execute(
        "SELECT name, kind, mapping, updated_at FROM import_profile WHERE deleted_at IS NULL "
        + ("AND kind = ? " if kind else "") + "ORDER BY name", [kind] if kind else [])
    return [{"name": r[0], "kind": r[1], "mapping": json.loads(r[2]), "updated_at": r[3]}
            for r in cur]
