"""Demo data: deterministic, plausible, complete (every code the reports need), valid."""

import datetime as dt
import json

import pytest

from citesdesk.core import codes
from citesdesk.core.db import open_database
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.model import KINDS
from citesdesk.core.validation import validate_record
from citesdesk.services import Cancelled
from citesdesk.services.demo import TABLES, build_demo

TODAY = dt.date(2026, 11, 27)
N = 80


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite", create=True)
    counts = build_demo(db, participants=N, seed=7, today=TODAY)
    yield db, counts
    db.close()


def _col(db, sql, params=()):
    return [r[0] for r in db.execute(sql, list(params)).fetchall()]


def _dump(db, table):
    cur = db.execute(f"SELECT * FROM {table} ORDER BY 1")
    cols = [c[0] for c in cur.description]
    keep = [i for i, c in enumerate(cols) if c != "hlc"]
    return [tuple(row[i] for i in keep) for row in cur.fetchall()]


def test_same_seed_and_day_give_the_same_database(tmp_path):
    dumps = []
    for name in ("a", "b"):
        db = open_database(tmp_path / f"{name}.sqlite", create=True)
        build_demo(db, participants=30, seed=3, today=TODAY)
        dumps.append({t: _dump(db, t) for t in (*TABLES, "qpv")})
        db.close()
    for table in (*TABLES, "qpv"):
        assert dumps[0][table] == dumps[1][table], table
    assert dumps[0]["participant"]  # not vacuously equal


def test_another_seed_gives_other_people(tmp_path):
    names = []
    for seed in (1, 2):
        db = open_database(tmp_path / f"s{seed}.sqlite", create=True)
        build_demo(db, participants=20, seed=seed, today=TODAY)
        names.append(_col(db, "SELECT last_name || first_name FROM participant ORDER BY id"))
        db.close()
    assert names[0] != names[1]


def test_counts_are_plausible(demo):
    db, counts = demo
    assert counts["participant"] == N == db.execute("SELECT count(*) FROM participant").fetchone()[0]
    assert counts["cohort"] == 6
    assert 15 * N <= counts["event"] <= 26 * N
    assert 1.6 * N <= counts["referral"] <= 2.4 * N
    assert N <= counts["enrollment"] <= 1.2 * N
    assert counts["partner"] >= len(codes.TYPE_PARTENAIRE)
    contacts = db.execute("SELECT count(*) FROM partner_contact GROUP BY partner_id").fetchall()
    assert len(contacts) == counts["partner"] and all(1 <= c[0] <= 3 for c in contacts)
    assert counts["partner_exchange"] > 0
    private = _col(db, "SELECT DISTINCT private FROM note")
    assert sorted(private) == [0, 1]


def test_every_code_the_reports_need_is_present(demo):
    db, _ = demo
    assert set(_col(db, "SELECT DISTINCT motif_sortie FROM enrollment WHERE motif_sortie "
                    "IS NOT NULL")) == set(codes.MOTIF_SORTIE.values)
    assert set(_col(db, "SELECT DISTINCT type FROM partner")) == set(codes.TYPE_PARTENAIRE.values)
    assert set(_col(db, "SELECT DISTINCT status FROM referral")) == set(
        codes.STATUT_ORIENTATION.values)
    overdue = db.execute(
        "SELECT count(*) FROM referral WHERE status = 'PROPOSEE' AND date < ?",
        [(TODAY - dt.timedelta(days=codes.ORIENTATION_DELAI_JOURS)).isoformat()]).fetchone()[0]
    assert overdue >= 1
    objectors = db.execute("SELECT count(*) FROM participant WHERE opposition_evaluation = 1 "
                           "AND opposition_date IS NOT NULL").fetchone()[0]
    assert objectors >= 1


def test_people_look_like_a_cite_de_l_emploi(tmp_path):
    db = open_database(tmp_path / "big.sqlite", create=True)
    build_demo(db, participants=600, seed=1, today=TODAY)
    avg = lambda expr: db.execute(f"SELECT avg({expr}) FROM participant").fetchone()[0]  # noqa: E731
    assert 0.22 <= avg("connu_spe = 0") <= 0.38  # publics invisibles
    assert avg("rqth = 1") < 0.1
    assert 0.75 <= avg("resident_qpv = 1") <= 0.95
    assert avg("ft_id IS NOT NULL") > 0.5
    assert avg("info_notice_date IS NOT NULL") > 0.85
    assert 0.005 <= avg("opposition_evaluation") <= 0.07
    assert avg("phone LIKE '06 %' OR phone LIKE '07 %'") > 0.85
    twice = db.execute("SELECT count(*) FROM (SELECT participant_id FROM enrollment "
                       "GROUP BY participant_id HAVING count(*) > 1)").fetchone()[0]
    assert twice > 0
    # Every recent quarter has entries, exits and people still followed.
    for start, end in (("2026-04-01", "2026-06-30"), ("2026-07-01", "2026-09-30")):
        assert _col(db, "SELECT count(*) FROM enrollment WHERE date_entree BETWEEN ? AND ?",
                    (start, end))[0] > 0
        assert _col(db, "SELECT count(*) FROM enrollment WHERE date_sortie BETWEEN ? AND ?",
                    (start, end))[0] > 0
        assert _col(db, "SELECT count(*) FROM enrollment WHERE date_entree <= ? AND "
                    "(date_sortie IS NULL OR date_sortie > ?)", (end, end))[0] > 0
    db.close()


def test_journeys_are_coherent(demo):
    db, _ = demo
    # A job start at the exit carries the exit's contract.
    bad = db.execute(
        """SELECT count(*) FROM enrollment e WHERE e.motif_sortie IN
           ('CDI','CDD_6P','CDD_6M','INTERIM_6P','INTERIM_6M','CONTRAT_AIDE','IAE',
            'ALTERNANCE','CREATION','FONCTION_PUBLIQUE')
           AND NOT EXISTS (SELECT 1 FROM event v WHERE v.participant_id = e.participant_id
               AND v.type = 'EMPLOI_DEBUT' AND v.date = e.date_sortie
               AND v.code_contrat = e.motif_sortie)""").fetchone()[0]
    assert bad == 0
    # A removed barrier is one the person had.
    for frein, freins in db.execute(
            "SELECT v.code_frein, p.freins FROM event v JOIN participant p "
            "ON p.id = v.participant_id WHERE v.type = 'LEVEE_FREIN'"):
        assert frein in freins.split("|")
    assert _col(db, "SELECT count(*) FROM event WHERE partner_id IS NOT NULL")[0] > 0
    assert _col(db, "SELECT max(date) FROM event")[0] <= TODAY.isoformat()
    first = dict(db.execute("SELECT participant_id, type FROM event GROUP BY participant_id "
                            "HAVING date = min(date)").fetchall())
    assert set(first.values()) == {"REPERAGE"}
    # Referral history: starts PROPOSEE, dated in order, ends on the referral's status.
    for rid, status, status_date in db.execute("SELECT id, status, status_date FROM referral"):
        hist = db.execute("SELECT status, date FROM referral_status WHERE referral_id = ? "
                          "ORDER BY id", [rid]).fetchall()
        assert hist[0][0] == "PROPOSEE"
        assert [h[1] for h in hist] == sorted(h[1] for h in hist)
        assert hist[-1] == (status, status_date)
        for (a, _), (b, _) in zip(hist, hist[1:], strict=False):
            assert b in codes.TRANSITIONS_ORIENTATION[a]


def test_records_pass_the_validators(demo):
    db, _ = demo
    reference = set(_col(db, "SELECT code FROM qpv"))  # the demo loads its QPV reference
    for table in ("site", "cohort", "participant", "enrollment", "partner", "partner_contact",
                  "partner_exchange", "event", "referral", "referral_status", "note"):
        cur = db.execute(f"SELECT * FROM {table} ORDER BY id LIMIT 200")
        cols = [c[0] for c in cur.description]
        for row in cur.fetchall():
            record = dict(zip(cols, row, strict=True))
            values = {k: v for k, v in record.items() if k in KINDS[table].names}
            clean, warnings = validate_record(table, values, today=TODAY,
                                              qpv_reference=reference)
            assert not warnings, (table, warnings)
            assert {k: clean[k] for k in values} == values, table


def test_uuids_and_stamps_are_well_formed(demo):
    db, _ = demo
    for table in TABLES:
        row = db.execute(f"SELECT uuid, created_at, updated_at, hlc FROM {table} "
                         "ORDER BY id LIMIT 1").fetchone()
        assert len(row[0]) == 36 and row[0][14] == "4"
        assert row[1] <= row[2] and row[2].endswith("Z")
        assert row[3] and row[3] > "0"


def test_one_audit_entry_and_search_index(demo):
    db, counts = demo
    rows = db.execute("SELECT action, table_name, changes FROM audit_log").fetchall()
    assert len(rows) == 1 and rows[0][0] == "demo"
    assert json.loads(rows[0][2])["participants"] == N
    name = db.execute("SELECT last_name FROM participant ORDER BY id LIMIT 1").fetchone()[0]
    hits = db.execute("SELECT count(*) FROM participant_fts WHERE participant_fts MATCH ?",
                      [f'last_name:"{name}"']).fetchone()[0]
    assert hits >= 1


def test_refusals_and_cancel_write_nothing(db):
    with pytest.raises(CitesDeskError, match="au moins 1"):
        build_demo(db, participants=0)

    def cancel(done, total, text):
        if done:
            raise Cancelled()

    with pytest.raises(Cancelled):
        build_demo(db, participants=10, today=TODAY, progress=cancel)
    assert db.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM site").fetchone()[0] == 0
    build_demo(db, participants=5, today=TODAY)
    with pytest.raises(CitesDeskError, match="déjà des données"):
        build_demo(db, participants=5, today=TODAY)
