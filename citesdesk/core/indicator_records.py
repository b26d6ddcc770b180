"""The records behind an indicator value, for drill-down ("which people make this 12?").

Built from the same SQL fragments as the counts, so ``len(records_behind(...))`` always
equals the value (for a rate: its denominator, each exit marked ``dynamique``).
"""

from __future__ import annotations

from citesdesk.core import codes
from citesdesk.core import indicator_sql as S
from citesdesk.core.errors import NotFound
from citesdesk.core.indicator_defs import indicator
from citesdesk.core.quarter import Quarter

#: Every record returned has these keys (``None`` where they do not apply).
RECORD_KEYS = ("kind", "uuid", "participant_uuid", "name", "date", "cohort", "code",
               "partner", "dynamique")

#: The code list of the ``code`` of the records, per indicator family: show its labels.
CODE_LISTS = {"P": codes.GENRE, "E": codes.GENRE, "S": codes.MOTIF_SORTIE,
              "TX": codes.MOTIF_SORTIE, "A": codes.TYPE_EVENEMENT,
              "O": codes.STATUT_ORIENTATION, "N": codes.TYPE_PARTENAIRE}


def code_list_for(code: str) -> codes.CodeList:
    """The code list whose codes fill the ``code`` key of :func:`records_behind`'s records
    for the indicator ``code`` (so that they are shown by their label, never as codes)."""
    return CODE_LISTS[indicator(code).family]


_NAME = "(coalesce({a}.last_name, '') || ' ' || coalesce({a}.first_name, ''))"


def records_behind(db, code: str, quarter: Quarter | str, cumulative: bool = False,
                   cohort: str | int | None = None) -> list[dict]:
    """The records counted by ``code`` for ``quarter`` (or its cumulative value).

    ``kind`` says what each record is: ``participant`` for ``P_`` codes, ``enrollment``
    for ``E_``, ``S_`` and ``TX_``, ``event`` for ``A_``, ``referral`` for ``O_``,
    ``partner`` for ``N_``. ``uuid`` is that record's; ``participant_uuid`` the
    participant's (to open their file); ``name`` the participant's (or partner's) name;
    ``date`` the date that placed it in the period; ``code`` the relevant code (gender,
    exit reason, event type, referral status, partner type). ``cohort`` (uuid or id)
    restricts ``P_``, ``E_`` and ``S_`` codes to one cohort.
    """
    ind = indicator(code)
    q = Quarter.parse(quarter)
    params = {"d0": q.d0.isoformat(), "d1": q.d1.isoformat(), "cid": None}
    if cohort is not None:
        row = db.execute("SELECT id FROM cohort WHERE (uuid = ? OR id = ?) AND deleted_at IS NULL",
                         [str(cohort), cohort]).fetchone()
        if row is None:
            raise NotFound(f"Cohorte introuvable ({cohort}).", f"Cohort not found ({cohort}).")
        params["cid"] = row[0]
    cid = " AND en.cid = :cid" if cohort is not None else ""

    def period(col: str) -> str:
        return f"{col} <= :d1" if cumulative else f"{col} BETWEEN :d0 AND :d1"

    if ind.family == "P":
        running = "" if cumulative else " AND (en.date_sortie IS NULL OR en.date_sortie >= :d0)"
        sql = f"""WITH {S.ENROLLMENT_CTES}
            SELECT 'participant', pc.uuid, pc.uuid, {_NAME.format(a='pc')}, pc.first_entry,
                   NULL, pc.genre, NULL, NULL
            FROM pc WHERE pc.pid IN (SELECT en.pid FROM en WHERE en.date_entree <= :d1
                                     {running}{cid})
              AND ({S.P_PRED[code]})
            ORDER BY pc.last_name COLLATE NOCASE, pc.first_name COLLATE NOCASE, pc.uuid"""
    elif ind.family in ("E", "S", "TX"):
        if ind.family == "E":
            cond, date_col, code_col = f"{period('en.date_entree')} AND ({S.E_PRED[code]})", \
                "en.date_entree", "pc.genre"
            dyn = "NULL"
        else:
            pred = S.S_PRED["S_SORTIES" if ind.is_rate else code]
            cond, date_col, code_col = f"{period('en.date_sortie')} AND ({pred})", \
                "en.date_sortie", "en.motif_sortie"
            dyn = f"en.grp IN {S.in_list(codes.SORTIES_DYNAMIQUES)}"
        sql = f"""WITH {S.ENROLLMENT_CTES}
            SELECT 'enrollment', en.uuid, pc.uuid, {_NAME.format(a='pc')}, {date_col},
                   en.cohort_name, {code_col}, NULL, {dyn}
            FROM en JOIN pc ON pc.pid = en.pid WHERE {cond}{cid}
            ORDER BY {date_col}, pc.last_name COLLATE NOCASE, en.uuid"""
    elif ind.family == "A":
        sql = f"""WITH {S.EVENT_CTE}
            SELECT 'event', ev.uuid, ev.participant_uuid, {_NAME.format(a='ev')}, ev.date,
                   NULL, ev.type, pa.name, NULL
            FROM ev LEFT JOIN partner pa ON pa.id = ev.partner_id
            WHERE {period('ev.date')} AND ({S.A_PRED[code]})
            ORDER BY ev.date, ev.last_name COLLATE NOCASE, ev.uuid"""
    elif ind.family == "O":
        if code == "O_REALISEES":
            cond, date_col = period("rf.realised_on"), "rf.realised_on"
        elif code == "O_EN_RETARD":
            cond, date_col = S.OVERDUE_PRED, "rf.date"
        else:
            cond, date_col = f"{period('rf.date')} AND ({S.O_TYPE_PRED[code]})", "rf.date"
        sql = f"""WITH {S.REFERRAL_CTE}
            SELECT 'referral', rf.uuid, rf.participant_uuid, {_NAME.format(a='rf')}, {date_col},
                   NULL, rf.status, rf.partner_name, NULL
            FROM rf WHERE {cond}
            ORDER BY {date_col}, rf.last_name COLLATE NOCASE, rf.uuid"""
    else:  # N_PARTENAIRES_MOBILISES
        sql = f"""WITH {S.MOBILISATION_CTES}
            SELECT 'partner', pa.uuid, NULL, pa.name, min(mob.date), NULL, pa.type, pa.name, NULL
            FROM mob JOIN partner pa ON pa.id = mob.partner_id
            WHERE {period('mob.date')}
            GROUP BY pa.id ORDER BY pa.name COLLATE NOCASE, pa.uuid"""
    rows = db.execute(sql, params).fetchall()
    out = [dict(zip(RECORD_KEYS, r, strict=True)) for r in rows]
    for rec in out:
        if rec["dynamique"] is not None:
            rec["dynamique"] = bool(rec["dynamique"])
    return out
