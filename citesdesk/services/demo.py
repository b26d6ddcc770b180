"""A realistic fictional site to try CitésDesk, train coordinators and measure speed.

``build_demo(db, participants=N, seed=S, today=D)`` fills an empty database with a site,
its QPVs, six cohorts over the four years up to ``today``, partners of every type with
contacts and exchanges, participants with their enrollments, journeys, referrals and notes.

Same seed and same ``today``, same database: every uuid, date, timestamp and choice comes
from one ``random.Random(seed)`` (and Faker seeded from it), never from the wall clock. Only
the hybrid-logical-clock values (``hlc``) and the audit entry come from the database's
own clock, as for any write. Rows are inserted in bulk inside one transaction, bypassing
per-record validation, with a single audit entry ``demo``; the data are valid all the same
(the tests check a sample against the validators).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import uuid as uuidlib
from dataclasses import dataclass, field

from faker import Faker
from stdnum import luhn

from citesdesk.core import codes
from citesdesk.core.audit import audit
from citesdesk.core.db import SiteDatabase
from citesdesk.core.errors import CitesDeskError
from citesdesk.core.text import fold, fold_key
from citesdesk.services import Progress, no_progress
from citesdesk.services import demo_data as V
from citesdesk.services.demo_people import FINAL_STATUS, add_participant

#: Tables in the order they are filled (parents before children).
TABLES = ("site", "cohort", "partner", "partner_contact", "partner_exchange", "participant",
          "enrollment", "event", "referral", "referral_status", "note")
CHUNK = 250  # participants generated and inserted between two progress reports
YEARS = 4


class Picker:
    """Weighted choices from a ``(value, weight)`` table; ``forced`` values come out first,
    so that even a small demo shows every code at least once."""

    def __init__(self, rng: random.Random, table, forced: bool = False) -> None:
        self.rng = rng
        self.values = [v for v, _ in table]
        self.cum = []
        total = 0.0
        for _, w in table:
            total += w
            self.cum.append(total)
        self.pending = list(self.values) if forced else []
        rng.shuffle(self.pending)

    def __call__(self):
        if self.pending:
            return self.pending.pop()
        return self.rng.choices(self.values, cum_weights=self.cum)[0]


@dataclass
class Demo:
    """What is being built: the random source, the site's places and the rows to insert."""

    db: SiteDatabase
    rng: random.Random
    fake: Faker
    today: dt.date
    start: dt.date
    commune: str = ""
    departement: str = ""
    postcode: str = ""
    neighbours: tuple = ()
    qpv_codes: list[str] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)
    streets: list[str] = field(default_factory=list)
    cohorts: list[dict] = field(default_factory=list)
    partners_by_type: dict[str, list[int]] = field(default_factory=dict)
    rows: dict[str, list[dict]] = field(default_factory=dict)
    next_id: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    site_uuid: str = ""

    # --- randomness, all from ``rng`` -----------------------------------------------------
    def uuid(self) -> str:
        return str(uuidlib.UUID(int=self.rng.getrandbits(128), version=4))

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        if last <= first:
            return first
        return first + dt.timedelta(days=self.rng.randint(0, (last - first).days))

    def stamp(self, day: dt.date) -> str:
        seconds = self.rng.randint(8 * 3600, 18 * 3600)
        ms = self.rng.randint(0, 999)
        return (f"{day.isoformat()}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:"
                f"{seconds % 60:02d}.{ms:03d}Z")

    def digits(self, n: int) -> str:
        return "".join(str(self.rng.randint(0, 9)) for _ in range(n))

    def mobile(self) -> str:
        head = self.rng.choice(("06", "06", "06", "07"))
        # 06 10–89 and 07 50–89 are valid mobile ranges (06 39 and 06 9x are not).
        second = self.rng.randint(10, 89) if head == "06" else self.rng.randint(50, 89)
        if second == 39:
            second = 38
        return f"{head} {second:02d} {self.digits(2)} {self.digits(2)} {self.digits(2)}"

    def landline(self) -> str:
        prefix = self.rng.choice(V.LANDLINE.get(self.departement, ("01 48",)))
        return f"{prefix} {self.digits(2)} {self.digits(2)} {self.digits(2)}"

    def address(self) -> str:
        return f"{self.rng.randint(1, 180)} {self.rng.choice(self.streets)}"

    def email(self, first: str, last: str, domain: str | None = None) -> str:
        local = f"{fold_key(first)}.{fold_key(last)}"
        if domain is None:
            domain = self.rng.choice(V.EMAIL_DOMAINS)
            if self.rng.random() < 0.5:
                local += str(self.rng.randint(1, 99))
        return f"{local}@{domain}"

    # --- rows --------------------------------------------------------------------------
    def add(self, table: str, day: dt.date, values: dict, updated: dt.date | None = None) -> int:
        """Queue one record dated ``day``; returns its id."""
        rid = self.next_id[table]
        self.next_id[table] = rid + 1
        created = self.stamp(day)
        row = {"id": rid, "uuid": self.uuid(), "created_at": created,
               "updated_at": self.stamp(updated) if updated and updated > day else created,
               "deleted_at": None, "hlc": None, **values}
        self.rows[table].append(row)
        return rid

    def flush(self) -> None:
        """Insert the queued rows, table by table, parents first."""
        for table in TABLES:
            rows = self.rows[table]
            if not rows:
                continue
            cols = list(rows[0])
            sql = (f"INSERT INTO {table} ({', '.join(cols)}) "
                   f"VALUES ({', '.join('?' for _ in cols)})")
            now = self.db.clock.now
            self.db.conn.executemany(
                sql, ([now() if c == "hlc" else row[c] for c in cols] for row in rows))
            self.counts[table] = self.counts.get(table, 0) + len(rows)
            rows.clear()


def _site(d: Demo) -> None:
    commune, dep, postcode, insee, neighbours, qpv_names = d.rng.choice(V.SITES)
    d.commune, d.departement, d.postcode, d.neighbours = commune, dep, postcode, neighbours
    d.streets = sorted({d.fake.street_name() for _ in range(120)})
    d.coordinators = [f"{d.fake.first_name()} {d.fake.last_name()}"
                      for _ in range(d.rng.randint(2, 3))]
    # The real quarters of the commune, from the official list every database holds.
    real = [r[0] for r in d.db.execute(
        "SELECT code FROM qpv WHERE '|' || insee_com || '|' LIKE ? ORDER BY code",
        [f"%|{insee}|%"])]
    for order, name in enumerate(qpv_names, start=1):
        letter = d.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")  # drawn as before: same demo data
        if len(real) >= order:
            d.qpv_codes.append(real[order - 1])
            continue
        code = f"QN0{dep}{order:02d}{'MINC'[ord(letter) % 4]}"
        d.qpv_codes.append(code)
        d.db.execute(
            "INSERT OR IGNORE INTO qpv(code, name, insee_com, commune, loaded_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [code, name, insee, commune, f"{d.start.isoformat()}T09:00:00.000Z"])
    d.add("site", d.start, {
        "name": f"Cité de l'emploi de {commune}", "site_code": f"CDE-{dep}-{insee[-3:]}",
        "departement": dep, "qpv_codes": "|".join(d.qpv_codes),
        "coordinators": "|".join(d.coordinators)})
    d.site_uuid = d.rows["site"][-1]["uuid"]


def _cohorts(d: Demo, participants: int) -> None:
    step = (d.today - d.start).days // 6
    for k in range(6):
        start = d.start + dt.timedelta(days=15 + k * step)
        end = start + dt.timedelta(days=540)
        name = f"Cohorte {k + 1} — {V.SEASONS[start.month - 1]} {start.year}"
        cid = d.add("cohort", start - dt.timedelta(days=d.rng.randint(10, 30)), {
            "name": name, "start_date": start.isoformat(), "end_date": end.isoformat(),
            "target": round(participants / 6 * 1.1) or 1,
            "referent": d.coordinators[k % len(d.coordinators)],
            "description": f"Accompagnement renforcé des habitant·es des QPV de {d.commune}."})
        d.cohorts.append({"id": cid, "start": start,
                          "window_end": min(start + dt.timedelta(days=300), d.today)})


def _partner_name(d: Demo, ptype: str, taken: set[str]) -> str:
    place = d.rng.choice((d.commune, d.commune, *(c for c, _ in d.neighbours)))
    if ptype == "ENTREPRISE":
        name = d.fake.company()
    else:
        name = d.rng.choice(V.PARTNER_NAMES[ptype]).format(c=place, n=d.fake.last_name())
    base, k = name, 2
    while name in taken:
        name = f"{base} ({k})"
        k += 1
    taken.add(name)
    return name


def _siret(d: Demo) -> str:
    """A SIRET that passes the checks: a valid SIREN (Luhn), then the NIC (Luhn over all)."""
    siren = str(d.rng.randint(1, 8)) + d.digits(7)
    body = siren + luhn.calc_check_digit(siren) + "000" + d.digits(1)
    return body + luhn.calc_check_digit(body)


def _partners(d: Demo, participants: int) -> None:
    pick = Picker(d.rng, V.PARTNER_TYPES, forced=True)
    kinds = codes.TYPE_PARTENAIRE.values
    taken: set[str] = set()
    for _ in range(max(len(kinds), round(participants * 0.06))):
        ptype = pick()
        name = _partner_name(d, ptype, taken)
        slug = re.sub(r"[^0-9a-z]+", "-", fold(name))[:40].strip("-")
        commune, postcode = d.rng.choice(((d.commune, d.postcode), *d.neighbours))
        known = d.day_between(d.start, d.today - dt.timedelta(days=30))
        pid = d.add("partner", known, {
            "type": ptype, "name": name,
            "siret": _siret(d) if ptype in ("ENTREPRISE", "SIAE", "ORGANISME_FORMATION",
                                            "ASSOCIATION") and d.rng.random() < 0.8 else None,
            "address": d.address(), "postcode": postcode, "commune": commune,
            "website": f"https://www.{slug}.example" if d.rng.random() < 0.4 else None,
            "phone": d.landline(), "email": f"contact@{slug}.example",
            "notes": "Partenaire historique du site." if d.rng.random() < 0.1 else None})
        d.partners_by_type.setdefault(ptype, []).append(pid)
        roles = V.CONTACT_ROLES.get(ptype, V.CONTACT_ROLES["_"])
        contacts = []
        for _ in range(d.rng.randint(1, 3)):
            first, last = d.fake.first_name(), d.fake.last_name()
            contacts.append(d.add("partner_contact", known, {
                "partner_id": pid, "last_name": last, "first_name": first,
                "role": d.rng.choice(roles),
                "phone": (d.mobile() if d.rng.random() < 0.5 else d.landline())
                if d.rng.random() < 0.7 else None,
                "email": d.email(first, last, f"{slug}.example")}))
        for _ in range(d.rng.choice((0, 1, 1, 2, 2, 3, 4, 6))):
            kind = d.rng.choice(codes.TYPE_ECHANGE.values)
            day = d.day_between(known, d.today)
            d.add("partner_exchange", day, {
                "partner_id": pid, "date": day.isoformat(), "type": kind,
                "subject": d.rng.choice(V.EXCHANGE_SUBJECTS[kind]),
                "summary": d.rng.choice(V.EXCHANGE_SUMMARIES),
                "contact_ids": "|".join(str(c) for c in d.rng.sample(
                    contacts, d.rng.randint(1, len(contacts))))})


def _check_empty(db: SiteDatabase) -> None:
    used = db.execute("SELECT (SELECT count(*) FROM site) + (SELECT count(*) FROM participant)"
                      " + (SELECT count(*) FROM partner)").fetchone()[0]
    if used:
        raise CitesDeskError(
            "Cette base contient déjà des données : les données de démonstration ne se créent "
            "que dans une base neuve. Choisissez un nouveau fichier.",
            "This database already holds data: demo data are only built in a new database. "
            "Choose a new file.")


def check_participants(participants) -> None:
    """Refuse a number of participants that is not a whole number of at least 1."""
    if isinstance(participants, bool) or not isinstance(participants, int) or participants < 1:
        raise CitesDeskError(
            f"Nombre de participants invalide ({participants}) : il en faut au moins 1.",
            f"Invalid number of participants ({participants}): at least 1 is needed.")


def build_demo(db: SiteDatabase, participants: int = 500, seed: int = 1,
               today: dt.date | None = None, progress: Progress | None = None) -> dict[str, int]:
    """Fill an empty database with a fictional site; returns the number of rows per table.

    ``progress(done, total, text)`` is called between batches of participants; it may raise
    :class:`citesdesk.services.Cancelled`, and then nothing is written.
    """
    check_participants(participants)
    progress = progress or no_progress
    today = today or dt.date.today()
    rng = random.Random(seed)
    fake = Faker("fr_FR")
    fake.seed_instance(rng.getrandbits(32))
    d = Demo(db=db, rng=rng, fake=fake, today=today,
             start=today - dt.timedelta(days=round(365.25 * YEARS)))
    d.rows = {t: [] for t in TABLES}
    with db.atomic():
        _check_empty(db)
        for t in TABLES:
            d.next_id[t] = (db.execute(f"SELECT max(id) FROM {t}").fetchone()[0] or 0) + 1
        progress(0, participants, "Site, cohortes et partenaires")
        _site(d)
        _cohorts(d, participants)
        _partners(d, participants)
        d.flush()
        pickers = {
            "genre": Picker(rng, V.GENRE), "niveau": Picker(rng, V.NIVEAU),
            "situation_connu": Picker(rng, V.SITUATION_CONNU),
            "situation_invisible": Picker(rng, V.SITUATION_INVISIBLE),
            "anciennete": Picker(rng, V.ANCIENNETE),
            "motif": Picker(rng, V.MOTIF_SORTIE, forced=True),
            "status": Picker(rng, FINAL_STATUS, forced=True),
        }
        for done in range(participants):
            add_participant(d, pickers)
            if (done + 1) % CHUNK == 0 or done + 1 == participants:
                d.flush()
                progress(done + 1, participants, "Participants et parcours")
        counts = {t: d.counts.get(t, 0) for t in TABLES}
        counts["qpv"] = len(d.qpv_codes)
        audit(db, "demo", "site", d.site_uuid, {"participants": participants, "seed": seed,
                                         "today": today.isoformat(), **counts})
    return counts
