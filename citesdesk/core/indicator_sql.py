"""The SQL pieces that define which records make each indicator (``docs/design/INDICATORS.md``).

The counts (:mod:`citesdesk.core.indicators`) and the lists of records behind them use
these same fragments, so that a number and its drill-down can never disagree.
CTEs used by joins are ``MATERIALIZED`` (SQLite 3.35+) so that SQLite computes them once
rather than once per quarter. Tombstones never count: a record in the bin, or whose participant (or, for an
enrollment, cohort) is in the bin, is left out.
"""

from __future__ import annotations

import re

from citesdesk.core import codes
from citesdesk.core.indicator_defs import A_TYPES, P_BREAKDOWNS, S_GROUPS


def in_list(values) -> str:
    """``('A', 'B')`` from code-list values (stable ASCII codes, checked)."""
    vals = tuple(values)
    for v in vals:
        if not re.fullmatch(r"[A-Za-z0-9_]+", v):
            raise ValueError(f"not a code: {v!r}")
    return "(" + ", ".join(f"'{v}'" for v in vals) + ")" if vals else "('')"


def quarter_label(col: str) -> str:
    """SQL giving the ``YYYY-Tn`` label of an ISO date column."""
    return f"(substr({col}, 1, 4) || '-T' || ((CAST(substr({col}, 6, 2) AS INTEGER) + 2) / 3))"


_LEVEL = {g: codes.NIVEAU_FORMATION.codes_in_group(g) for g in ("INFRA_BAC", "BAC", "SUP")}
_DELD = codes.ANCIENNETE_INSCRIPTION.codes_in_group("DELD")

#: Valid enrollments (``en``) and the participants who have one, with their
#: characteristics (``pc``): gender, age band at first entry, level group, statuses.
ENROLLMENT_CTES = f"""
en AS MATERIALIZED (
    SELECT e.id, e.uuid, e.participant_id AS pid, e.cohort_id AS cid, c.name AS cohort_name,
           e.date_entree, nullif(e.date_sortie, '') AS date_sortie, e.motif_sortie,
           CASE {" ".join(f"WHEN e.motif_sortie IN {in_list(codes.MOTIF_SORTIE.codes_in_group(g))} THEN '{g}'" for g in S_GROUPS.values() if g != "AUTRE")}
                ELSE 'AUTRE' END AS grp
    FROM enrollment e
    JOIN participant p ON p.id = e.participant_id AND p.deleted_at IS NULL
    JOIN cohort c ON c.id = e.cohort_id AND c.deleted_at IS NULL
    WHERE e.deleted_at IS NULL AND coalesce(e.date_entree, '') <> ''
),
pc0 AS (
    SELECT p.id AS pid, p.uuid, p.last_name, p.first_name, f.first_entry,
           CASE WHEN p.genre IN ('F', 'H', 'X') THEN p.genre ELSE 'NR' END AS genre,
           CASE WHEN coalesce(p.birth_date, '') = '' THEN NULL
                ELSE CAST(substr(f.first_entry, 1, 4) AS INTEGER)
                     - CAST(substr(p.birth_date, 1, 4) AS INTEGER)
                     - (substr(f.first_entry, 6, 5) < substr(p.birth_date, 6, 5)) END AS age,
           coalesce(p.resident_qpv = 1, 0) AS qpv,
           coalesce(p.connu_spe = 0, 0) AS invisible,
           coalesce(p.brsa = 1, 0) AS brsa,
           coalesce(p.anciennete_inscription IN {in_list(_DELD)}, 0) AS deld,
           coalesce(p.rqth = 1, 0) AS rqth,
           CASE {" ".join(f"WHEN p.niveau_formation IN {in_list(v)} THEN '{g}'" for g, v in _LEVEL.items())}
                ELSE 'NR' END AS level
    FROM participant p
    JOIN (SELECT pid, min(date_entree) AS first_entry FROM en GROUP BY pid) f ON f.pid = p.id
),
pc AS MATERIALIZED (
    SELECT pc0.*, CASE WHEN age IS NULL THEN 'ANR' WHEN age < 26 THEN 'M26'
                       WHEN age < 50 THEN '26_49' ELSE '50P' END AS age_band
    FROM pc0
)"""

_BREAKDOWN_SQL = {
    "F": "pc.genre = 'F'", "H": "pc.genre = 'H'", "X": "pc.genre = 'X'", "GNR": "pc.genre = 'NR'",
    "M26": "pc.age_band = 'M26'", "26_49": "pc.age_band = '26_49'",
    "50P": "pc.age_band = '50P'", "ANR": "pc.age_band = 'ANR'",
    "QPV": "pc.qpv = 1", "INVISIBLES": "pc.invisible = 1", "BRSA": "pc.brsa = 1",
    "DELD": "pc.deld = 1", "RQTH": "pc.rqth = 1",
    "INFRA_BAC": "pc.level = 'INFRA_BAC'", "BAC": "pc.level = 'BAC'",
    "SUP": "pc.level = 'SUP'", "NNR": "pc.level = 'NR'",
}
assert set(_BREAKDOWN_SQL) == {s for s, _, _ in P_BREAKDOWNS}

#: Condition on ``pc`` (the participant) for each ``P_`` code.
P_PRED: dict[str, str] = {"P_ACTIFS": "1", **{f"P_ACTIFS_{s}": _BREAKDOWN_SQL[s]
                                              for s, _, _ in P_BREAKDOWNS}}
#: Condition on ``pc`` for each ``E_`` code.
E_PRED: dict[str, str] = {"E_ENTREES": "1", **{f"E_ENTREES_{s}": _BREAKDOWN_SQL[s]
                                               for s in ("F", "H", "M26", "QPV", "INVISIBLES")}}
#: Condition on ``en.grp`` (exit group) for each ``S_`` code.
S_PRED: dict[str, str] = {
    "S_SORTIES": "1",
    **{code: f"en.grp = '{group}'" for code, group in S_GROUPS.items()},
    "S_DYNAMIQUES": f"en.grp IN {in_list(codes.SORTIES_DYNAMIQUES)}",
}

#: Valid journey events (``ev``) with their partner (tombstoned participants left out).
EVENT_CTE = """
ev AS (
    SELECT v.id, v.uuid, v.type, v.date, v.partner_id, p.uuid AS participant_uuid,
           p.last_name, p.first_name
    FROM event v JOIN participant p ON p.id = v.participant_id AND p.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND coalesce(v.date, '') <> ''
)"""

A_PRED: dict[str, str] = {code: f"ev.type IN {in_list(types)}" for code, types in A_TYPES.items()}

_TYPES = codes.TYPE_PARTENAIRE.values
#: Valid referrals (``rf``): partner type, the day it became ``REALISEE`` and the day it
#: left ``PROPOSEE`` — from the dated status history, else from the current status.
REFERRAL_CTE = f"""
rf AS MATERIALIZED (
    SELECT r.id, r.uuid, r.date, r.status, r.partner_id, p.uuid AS participant_uuid,
           p.last_name, p.first_name, pa.name AS partner_name,
           CASE WHEN pa.type IN {in_list(_TYPES)} THEN pa.type ELSE 'AUTRE' END AS ptype,
           coalesce((SELECT min(s.date) FROM referral_status s WHERE s.referral_id = r.id
                       AND s.deleted_at IS NULL AND s.status = 'REALISEE'),
                    CASE WHEN r.status = 'REALISEE' THEN r.status_date END) AS realised_on,
           coalesce((SELECT min(s.date) FROM referral_status s WHERE s.referral_id = r.id
                       AND s.deleted_at IS NULL AND s.status <> 'PROPOSEE'),
                    CASE WHEN r.status <> 'PROPOSEE' THEN r.status_date END) AS left_on
    FROM referral r JOIN participant p ON p.id = r.participant_id AND p.deleted_at IS NULL
    LEFT JOIN partner pa ON pa.id = r.partner_id
    WHERE r.deleted_at IS NULL AND coalesce(r.date, '') <> ''
)"""

O_TYPE_PRED: dict[str, str] = {"O_ORIENTATIONS": "1", **{
    f"O_ORIENTATIONS_{t}": f"rf.ptype = '{t}'" for t in _TYPES}}

#: Overdue on ``:d1``: still PROPOSEE that day, created more than the delay before it.
OVERDUE_PRED = (f"rf.date < date(:d1, '-{codes.ORIENTATION_DELAI_JOURS} days') "
                "AND (rf.left_on IS NULL OR rf.left_on > :d1)")

#: Each partner mobilisation (``mob``): a referral to it or an event linked to it.
MOBILISATION_CTES = f"""{EVENT_CTE}, {REFERRAL_CTE},
mob AS (
    SELECT m.partner_id, m.date FROM (
        SELECT partner_id, date FROM rf
        UNION ALL SELECT partner_id, date FROM ev WHERE partner_id IS NOT NULL) m
    JOIN partner pa ON pa.id = m.partner_id AND pa.deleted_at IS NULL
)"""
