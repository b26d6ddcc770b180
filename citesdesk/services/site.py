"""The site: the one row that says who uses this database (name, code, QPVs, coordinators)."""

from __future__ import annotations

from citesdesk.core.errors import ValidationFailed
from citesdesk.core.model import Field
from citesdesk.core.site import get_site  # noqa: F401 - the one accessor, also offered here
from citesdesk.core.validation import clean_value
from citesdesk.services import records

_QPV = Field("qpv_codes", "qpv", "QPV couverts", "QPVs covered")


def _clean_qpvs(db, value) -> tuple[str, list]:
    items = value.split("|") if isinstance(value, str) else list(value or ())
    codes, errors, warnings = [], [], []
    reference = records.qpv_reference(db)
    for item in items:
        if not str(item).strip():
            continue
        code, problems = clean_value(_QPV, item, qpv_reference=reference)
        errors += [p for p in problems if p.severity == "error"]
        warnings += [p for p in problems if p.severity != "error"]
        if code and code not in codes:
            codes.append(code)
    if errors:
        raise ValidationFailed(errors, "site")
    return "|".join(codes), warnings


def save_site(db, values: dict) -> dict:
    """Create the site row, or update it if it exists (there is only ever one)."""
    values = dict(values)
    warnings = []
    if "qpv_codes" in values:
        values["qpv_codes"], warnings = _clean_qpvs(db, values["qpv_codes"])
    with db.atomic():
        current = get_site(db)
        if current is None:
            row = records.create(db, "site", values)
        else:
            row = records.update(db, "site", current["id"], values)
    row["warnings"] = warnings + row.get("warnings", [])
    return row


def coordinators(db) -> list[str]:
    site = get_site(db)
    return [n for n in (site or {}).get("coordinators", "").split("|") if n]
