"""What an import would do, row by row: the dry run's result, which the commit carries out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACTIONS = ("create", "update", "skip")


@dataclass
class Issue:
    """One problem with one cell (or one row when ``column`` is None)."""

    row: int
    column: str | None  # letter, e.g. "D"
    header: str | None
    field: str
    code: str
    message_fr: str
    message_en: str
    severity: str = "error"
    value: Any = None

    def where(self, lang: str = "fr") -> str:
        if lang == "en":
            text = f"row {self.row}"
            if self.column:
                text += f", column {self.column}" + (f" ('{self.header}')" if self.header else "")
            return text
        text = f"ligne {self.row}"
        if self.column:
            text += f", colonne {self.column}" + (f" (« {self.header} »)" if self.header else "")
        return text

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang == "en" else self.message_fr

    def text(self, lang: str = "fr") -> str:
        sep = ": " if lang == "en" else " : "
        return self.where(lang) + sep + self.message(lang)

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "header": self.header,
                "field": self.field, "code": self.code, "severity": self.severity,
                "message_fr": self.message_fr, "message_en": self.message_en}


@dataclass
class Duplicate:
    """What a row looks like a duplicate of: a record of the database or an earlier row."""

    reason_fr: str
    reason_en: str
    uuid: str | None = None  # a record of the database
    row: int | None = None  # an earlier row of the same file
    label: str = ""

    def text(self, lang: str = "fr") -> str:
        if lang == "en":
            what = f"row {self.row}" if self.row else f"'{self.label}'"
            return f"looks like {what} ({self.reason_en})"
        what = f"la ligne {self.row}" if self.row else f"« {self.label} »"
        return f"ressemble à {what} ({self.reason_fr})"


@dataclass
class RowResult:
    row: int
    values: dict[str, dict] = field(default_factory=dict)  # per table, cleaned
    issues: list[Issue] = field(default_factory=list)
    duplicate: Duplicate | None = None
    #: What updating the duplicate would change: {table.field: [old, new]}
    changes: dict[str, list] = field(default_factory=dict)
    #: The action chosen: create / update / skip; "error" when the row has errors.
    action: str = "create"
    notes: list[tuple[str, str]] = field(default_factory=list)  # (fr, en) for the dry run

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity != "error"]

    @property
    def status(self) -> str:
        return "error" if self.errors else self.action

    def reason(self, lang: str = "fr") -> str:
        parts = [i.text(lang) for i in self.issues]
        if self.duplicate:
            parts.append(self.duplicate.text(lang))
        if self.status == "update" and self.changes:
            parts.append(("changes: " if lang == "en" else "modifications : ")
                         + ", ".join(f"{k} {_show(v[0])} → {_show(v[1])}"
                                     for k, v in self.changes.items()))
        elif self.status == "update":
            parts.append("nothing to change" if lang == "en" else "rien à modifier")
        parts.extend(n[1] if lang == "en" else n[0] for n in self.notes)
        return " ; ".join(parts) if lang == "fr" else "; ".join(parts)

    def as_dict(self) -> dict:
        return {"row": self.row, "status": self.status,
                "duplicate": (self.duplicate.text("fr") if self.duplicate else None),
                "changes": self.changes, "issues": [i.as_dict() for i in self.issues]}


def _show(value) -> str:
    return "∅" if value in (None, "") else str(value)


def basis(db) -> tuple:
    """A fingerprint of the records an import compares with: it changes whenever a record
    is written, deleted or purged (each writes an audit entry with a new clock value), so
    that the commit can tell, inside its writing transaction, that its plan is stale."""
    return tuple(db.execute(
        "SELECT (SELECT max(id) FROM audit_log), (SELECT max(hlc) FROM audit_log), "
        "(SELECT count(*) FROM participant), (SELECT max(id) FROM participant), "
        "(SELECT count(*) FROM partner), (SELECT count(*) FROM cohort), "
        "(SELECT count(*) FROM qpv)").fetchone())


@dataclass
class ImportPlan:
    kind: str
    table: Any  # citesdesk.services.importer.table.Table
    mapping: dict[int, str | None]
    on_duplicate: str
    rows: list[RowResult] = field(default_factory=list)
    #: Cohorts named in the file that do not exist yet (created by the commit).
    new_cohorts: list[str] = field(default_factory=list)
    #: Notices about the whole file (fr, en).
    notices: list[tuple[str, str]] = field(default_factory=list)
    today: Any = None
    #: What the database looked like when the plan was made (see ``commit.basis``).
    basis: tuple | None = None

    def decide(self, row: int, action: str) -> None:
        """Choose what to do with a duplicate row: create, update or skip."""
        if action not in ACTIONS:
            raise ValueError(action)
        for r in self.rows:
            if r.row == row:
                if r.duplicate is None and action == "update":
                    raise ValueError(f"row {row} is not a duplicate")
                r.action = action
                if self.kind == "partners" and r.values.get("group_row") == row:
                    for other in self.rows:  # the organisation's other rows follow it
                        if other is not r and other.values.get("group_row") == row:
                            other.action = "skip" if action == "skip" else "create"
                return
        raise KeyError(row)

    def counts(self) -> dict[str, int]:
        out = {"rows": len(self.rows), "create": 0, "update": 0, "skip": 0, "error": 0,
               "warning": 0, "duplicate": 0}
        for r in self.rows:
            out[r.status] += 1
            if r.warnings:
                out["warning"] += 1
            if r.duplicate:
                out["duplicate"] += 1
        if self.kind == "participants":
            out["new_cohorts"] = len(self.new_cohorts)
        return out

    @property
    def errors(self) -> list[Issue]:
        return [i for r in self.rows for i in r.errors]

    def summary(self) -> dict:
        t = self.table
        return {"kind": self.kind, "file": t.file_name, "sha256": t.sha256, "sheet": t.sheet,
                "header_row": t.header_row, "counts": self.counts(),
                "new_cohorts": self.new_cohorts,
                "mapping": {(t.headers[i] if i < len(t.headers) else str(i)): k
                            for i, k in sorted(self.mapping.items())},
                "notices": [n[0] for n in self.notices],
                "rows": [r.as_dict() for r in self.rows if r.issues or r.duplicate]}
