"""The site's settings, declared once with their type and default (stored in ``setting``).

Values live in the database (``db.setting(key)`` / ``db.set_setting``), as JSON, so that
they travel with a backup. Read them through :func:`get`, which falls back to the
declared default when a value is missing or unusable; change them through :func:`put`,
which checks the value and writes an audit entry in the same transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from citesdesk.core.audit import audit
from citesdesk.core.errors import FieldError, ValidationFailed

APP_NAME = "CitesDesk"


def _documents() -> str:
    return str(Path(platformdirs.user_documents_dir()) / APP_NAME)


def _backups() -> str:
    return str(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "sauvegardes")


def _check_language(value: str) -> str | None:
    return None if value in ("fr", "en") else "fr, en"


def _check_months(value: int) -> str | None:
    return None if 1 <= value <= 120 else "1–120"


#: What an age X25519 public key looks like (bech32, 58 characters after "age1").
AGE_RECIPIENT = re.compile(r"\bage1[02-9ac-hj-np-z]{58}\b")


def recipients_in(text: str) -> list[str]:
    """The ``age1…`` public keys found in a text (a key file, or keys pasted one per line),
    in order, without duplicates."""
    return list(dict.fromkeys(AGE_RECIPIENT.findall(text or "")))


def _check_lock(value: int) -> str | None:
    return None if 0 <= value <= 240 else "0–240"


def _check_every(value: int) -> str | None:
    return None if 5 <= value <= 240 else "5–240"


def _check_recipients(value: list) -> str | None:
    from pyrage import x25519

    for key in value:
        try:
            x25519.Recipient.from_str(key)
        except Exception:  # pyrage raises its own error types
            return f"age1… ({key})"
    return None


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any  # a value, or a function giving it (paths depend on the machine)
    fr: str
    en: str
    check: Callable[[Any], str | None] | None = None  # returns what is expected, or None

    def default_value(self) -> Any:
        value = self.default() if callable(self.default) else self.default
        return list(value) if isinstance(value, list) else value


OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("language", str, "fr", "Langue de l'interface", "Interface language",
           _check_language),
    Option("current_coordinator", str, "", "Coordinateur·rice qui saisit",
           "Coordinator entering data"),
    Option("retention_months", int, 24,
           "Durée de conservation après la sortie (mois)", "Retention after exit (months)",
           _check_months),
    Option("export_folder", str, _documents, "Dossier des exports", "Export folder"),
    Option("backup_folder", str, _backups, "Dossier des sauvegardes", "Backup folder"),
    Option("recipients", list, [], "Clés de chiffrement des destinataires (age)",
           "Recipients' encryption keys (age)", _check_recipients),
    Option("notice_text", str, "", "Texte de la notice d'information",
           "Information notice text"),
    Option("notice_version", str, "1", "Version de la notice", "Notice version"),
    Option("notice_contact", str, "", "Contact pour exercer ses droits",
           "Contact for exercising rights"),
    Option("last_backup_at", str, "", "Dernière sauvegarde", "Last backup"),
    Option("team_shared_folder", str, "", "Dossier partagé de l'équipe (vide : aucun)",
           "Team's shared folder (empty: none)"),
    Option("team_shared_minutes", int, 15, "Échange par le dossier partagé toutes les "
           "(minutes)", "Exchange through the shared folder every (minutes)", _check_every),
    Option("autolock_minutes", int, 10,
           "Verrouillage après inactivité (minutes, 0 : jamais ; base chiffrée)",
           "Lock after inactivity (minutes, 0: never; encrypted database)", _check_lock),
)}


def _coerce(option: Option, value: Any) -> Any:
    """``value`` as the option's type; ``ValueError`` if it cannot be."""
    if option.type is int:
        if isinstance(value, bool):
            raise ValueError(value)
        return int(str(value).strip())
    if option.type is list:
        if isinstance(value, str):
            value = [v for v in value.replace(",", "\n").split() if v]
        if not isinstance(value, list | tuple):
            raise ValueError(value)
        return [str(v).strip() for v in value if str(v).strip()]
    if option.type is str:
        if value is None:
            return ""
        if not isinstance(value, str | int | float):
            raise ValueError(value)
        return str(value).strip()
    return value


def get(db, key: str) -> Any:
    """The value of a declared option, or its default when unset or unusable."""
    option = OPTIONS[key]
    stored = db.setting(key)
    if stored is None:
        return option.default_value()
    try:
        value = _coerce(option, stored)
    except ValueError:
        return option.default_value()
    if option.check and option.check(value):
        return option.default_value()
    if option.type is str and value == "" and callable(option.default):
        return option.default_value()
    return value


def all_settings(db) -> dict[str, Any]:
    return {key: get(db, key) for key in OPTIONS}


def put(db, key: str, value: Any, audited: bool = True) -> Any:
    """Check and store one option; returns the stored value. The change is audited,
    except where the caller records bookkeeping that is not about people's data
    (``audited=False``: the date of an automatic backup every 30 minutes)."""
    option = OPTIONS.get(key)
    if option is None:
        raise ValidationFailed([FieldError(key, "unknown_field", f"Réglage inconnu « {key} ».",
                                           f"Unknown setting '{key}'.", value)], "setting")
    try:
        clean = _coerce(option, value)
        expected = option.check(clean) if option.check else None
    except ValueError:
        expected = option.type.__name__
    if expected:
        raise ValidationFailed([FieldError(
            key, "invalid", f"{option.fr} : valeur « {value} » refusée (attendu : {expected}).",
            f"{option.en}: value '{value}' refused (expected: {expected}).", value)], "setting")
    with db.atomic():
        old = db.setting(key)
        if old != clean:
            db.set_setting(key, clean)
            if audited:
                audit(db, "update", "setting", key, {key: [old, clean]})
    return clean

