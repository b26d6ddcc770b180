"""Errors meant for people: each says what went wrong and what to do, in French and English."""

from __future__ import annotations

from dataclasses import dataclass, field


class CitesDeskError(Exception):
    """A refusal to show to the user as it is (never with a traceback)."""

    def __init__(self, message_fr: str, message_en: str | None = None) -> None:
        super().__init__(message_fr)
        self.message_fr = message_fr
        self.message_en = message_en or message_fr

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang == "en" else self.message_fr


class DatabaseError(CitesDeskError):
    """The database file cannot be opened, created or upgraded."""


class NotFound(CitesDeskError):
    """A record asked for by uuid or reference does not exist (or is in the bin)."""


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: ``code`` is stable, the messages are for people."""

    field: str
    code: str
    message_fr: str
    message_en: str
    value: object = None
    severity: str = "error"  # "error" refuses the record, "warning" lets it through

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang == "en" else self.message_fr


@dataclass
class ValidationFailed(CitesDeskError):
    errors: list[FieldError] = field(default_factory=list)
    kind: str = ""

    def __post_init__(self) -> None:
        fr = " ; ".join(f"{e.field} : {e.message_fr}" for e in self.errors)
        en = "; ".join(f"{e.field}: {e.message_en}" for e in self.errors)
        CitesDeskError.__init__(self, fr or "Données invalides.", en or "Invalid data.")

    def __str__(self) -> str:
        return self.message_fr

    def for_field(self, name: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == name]
