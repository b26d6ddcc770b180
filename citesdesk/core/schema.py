"""The database schema, as ordered and named ``sqlite_utils.Migrations`` steps.

A migration, once released, never changes: a later change of schema is a new step
appended at the end. ``SCHEMA_VERSION`` is the number of steps; it is also written to
``PRAGMA user_version`` so that an older CitésDesk can tell a newer file and refuse it.

Every record table has the same bookkeeping columns:
``id`` (local integer key, used by foreign keys), ``uuid`` (stable identity across
laptops and files), ``created_at`` / ``updated_at`` (UTC ISO 8601), ``deleted_at``
(tombstone: the record is in the bin when set) and ``hlc`` (hybrid logical clock value
of the last write, for merging).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "citesdesk"

#: ``PRAGMA application_id`` of a CitésDesk database ("CDSK").
APPLICATION_ID = 0x4344534B

migrations = Migrations(MIGRATION_SET)

_BOOKKEEPING = """
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    hlc TEXT NOT NULL"""


def _table(name: str, columns: str) -> str:
    return f"CREATE TABLE {name} ({_BOOKKEEPING},{columns}\n)"


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    statements = [
        # Key/value settings of the site (JSON values): coordinator, language, retention…
        """CREATE TABLE setting (
            key TEXT PRIMARY KEY,
            value TEXT
        )""",
        _table("site", """
            name TEXT NOT NULL,
            site_code TEXT NOT NULL,
            departement TEXT,
            qpv_codes TEXT NOT NULL DEFAULT '',
            coordinators TEXT NOT NULL DEFAULT ''"""),
        # Official QPV list (reference data loaded from the published CSV).
        """CREATE TABLE qpv (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            insee_com TEXT,
            commune TEXT,
            loaded_at TEXT NOT NULL
        )""",
        _table("cohort", """
            name TEXT NOT NULL,
            start_date TEXT,
            end_date TEXT,
            target INTEGER,
            referent TEXT,
            description TEXT"""),
        _table("participant", """
            last_name TEXT NOT NULL,
            first_name TEXT NOT NULL,
            birth_name TEXT,
            birth_date TEXT,
            genre TEXT NOT NULL DEFAULT 'NR',
            phone TEXT,
            email TEXT,
            address TEXT,
            postcode TEXT,
            commune TEXT,
            resident_qpv INTEGER,
            code_qpv TEXT,
            niveau_formation TEXT NOT NULL DEFAULT 'NR',
            situation_entree TEXT NOT NULL DEFAULT 'NR',
            anciennete_inscription TEXT NOT NULL DEFAULT 'NR',
            connu_spe INTEGER,
            brsa INTEGER,
            ass INTEGER,
            aah INTEGER,
            rqth INTEGER,
            freins TEXT NOT NULL DEFAULT '',
            ft_id TEXT,
            ml_id TEXT,
            other_id TEXT,
            referent TEXT,
            info_notice_date TEXT,
            info_notice_version TEXT,
            info_notice_channel TEXT,
            opposition_evaluation INTEGER NOT NULL DEFAULT 0,
            opposition_date TEXT"""),
        _table("enrollment", """
            participant_id INTEGER NOT NULL REFERENCES participant(id),
            cohort_id INTEGER NOT NULL REFERENCES cohort(id),
            date_entree TEXT NOT NULL,
            date_sortie TEXT,
            motif_sortie TEXT"""),
        _table("partner", """
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            siret TEXT,
            address TEXT,
            postcode TEXT,
            commune TEXT,
            website TEXT,
            phone TEXT,
            email TEXT,
            notes TEXT"""),
        _table("partner_contact", """
            partner_id INTEGER NOT NULL REFERENCES partner(id),
            last_name TEXT NOT NULL,
            first_name TEXT,
            role TEXT,
            phone TEXT,
            email TEXT"""),
        _table("partner_exchange", """
            partner_id INTEGER NOT NULL REFERENCES partner(id),
            date TEXT NOT NULL,
            type TEXT NOT NULL,
            subject TEXT,
            summary TEXT,
            contact_ids TEXT NOT NULL DEFAULT ''"""),
        _table("event", """
            participant_id INTEGER NOT NULL REFERENCES participant(id),
            type TEXT NOT NULL,
            date TEXT NOT NULL,
            code_contrat TEXT,
            code_frein TEXT,
            partner_id INTEGER REFERENCES partner(id),
            note TEXT"""),
        _table("referral", """
            participant_id INTEGER NOT NULL REFERENCES participant(id),
            partner_id INTEGER NOT NULL REFERENCES partner(id),
            date TEXT NOT NULL,
            reason TEXT,
            status TEXT NOT NULL DEFAULT 'PROPOSEE',
            status_date TEXT NOT NULL"""),
        # Dated history of a referral's status: one row per change, the first is PROPOSEE.
        _table("referral_status", """
            referral_id INTEGER NOT NULL REFERENCES referral(id),
            status TEXT NOT NULL,
            date TEXT NOT NULL,
            comment TEXT"""),
        _table("note", """
            participant_id INTEGER NOT NULL REFERENCES participant(id),
            date TEXT NOT NULL,
            text TEXT NOT NULL,
            private INTEGER NOT NULL DEFAULT 0,
            author TEXT"""),
        # Spreadsheet imports: what was read, what it did, how to undo it.
        _table("import_log", """
            kind TEXT NOT NULL,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            sheet TEXT,
            counts TEXT NOT NULL DEFAULT '{}',
            mapping TEXT NOT NULL DEFAULT '{}',
            changes TEXT NOT NULL DEFAULT '[]',
            actor TEXT,
            undone_at TEXT"""),
        # Saved column mappings, offered again when the same headers come back.
        _table("import_profile", """
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            headers_key TEXT NOT NULL,
            mapping TEXT NOT NULL"""),
        # Sync bundles produced for the national evaluation.
        _table("bundle_log", """
            sequence INTEGER NOT NULL UNIQUE,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            datapackage_sha256 TEXT NOT NULL,
            quarters TEXT NOT NULL DEFAULT '',
            counts TEXT NOT NULL DEFAULT '{}'"""),
        # Every write made through the services: who, when, what changed from what to what.
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT,
            action TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_uuid TEXT,
            changes TEXT NOT NULL DEFAULT '{}',
            hlc TEXT
        )""",
        "CREATE INDEX idx_enrollment_participant ON enrollment(participant_id)",
        "CREATE INDEX idx_enrollment_cohort ON enrollment(cohort_id)",
        "CREATE INDEX idx_enrollment_dates ON enrollment(date_entree, date_sortie)",
        "CREATE INDEX idx_event_participant ON event(participant_id, date)",
        "CREATE INDEX idx_event_date ON event(date, type)",
        "CREATE INDEX idx_event_partner ON event(partner_id)",
        "CREATE INDEX idx_referral_participant ON referral(participant_id)",
        "CREATE INDEX idx_referral_partner ON referral(partner_id)",
        "CREATE INDEX idx_referral_status ON referral(status, date)",
        "CREATE INDEX idx_referral_status_referral ON referral_status(referral_id)",
        "CREATE INDEX idx_note_participant ON note(participant_id)",
        "CREATE INDEX idx_contact_partner ON partner_contact(partner_id)",
        "CREATE INDEX idx_exchange_partner ON partner_exchange(partner_id)",
        "CREATE INDEX idx_participant_names ON participant(last_name, first_name)",
        "CREATE INDEX idx_participant_birth ON participant(birth_date)",
        "CREATE INDEX idx_participant_ft ON participant(ft_id)",
        "CREATE INDEX idx_audit_record ON audit_log(record_uuid)",
        "CREATE INDEX idx_audit_at ON audit_log(at)",
        "CREATE INDEX idx_audit_hlc ON audit_log(hlc)",
    ]
    for sql in statements:
        db.execute(sql)


@migrations(name="0002_participant_search")
def _participant_search(db: Database) -> None:
    """Full-text index over participants, kept in step by triggers.

    Accent- and case-insensitive (``remove_diacritics 2``), with prefix indexes for
    search-as-you-type. The phone is indexed as written (``06 12 34 56 78``, so "06 12"
    matches) and without spaces (``0612345678``, so "0612" matches).
    """
    db.execute(
        """CREATE VIRTUAL TABLE participant_fts USING fts5(
            last_name, first_name, ids, phone, email, commune,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3 4'
        )"""
    )
    columns = "(rowid, last_name, first_name, ids, phone, email, commune)"
    db.execute(
        f"""CREATE TRIGGER participant_fts_insert AFTER INSERT ON participant BEGIN
            INSERT INTO participant_fts {columns} SELECT {_fts_values("new.")};
        END"""
    )
    db.execute(
        f"""CREATE TRIGGER participant_fts_update AFTER UPDATE OF
            last_name, first_name, birth_name, ft_id, ml_id, other_id, phone, email, commune
            ON participant BEGIN
            DELETE FROM participant_fts WHERE rowid = old.id;
            INSERT INTO participant_fts {columns} SELECT {_fts_values("new.")};
        END"""
    )
    db.execute(
        """CREATE TRIGGER participant_fts_delete AFTER DELETE ON participant BEGIN
            DELETE FROM participant_fts WHERE rowid = old.id;
        END"""
    )
    db.execute(f"INSERT INTO participant_fts {columns} SELECT {_fts_values('')} FROM participant")


def _fts_values(p: str) -> str:
    """The indexed values of a participant row (``p`` is ``"new."`` inside a trigger)."""
    phone = f"coalesce({p}phone, '')"
    compact = f"replace(replace(replace({phone}, ' ', ''), '.', ''), '+33', '0')"
    return f"""{p}id,
        coalesce({p}last_name, '') || ' ' || coalesce({p}birth_name, ''),
        {p}first_name,
        trim(coalesce({p}ft_id, '') || ' ' || coalesce({p}ml_id, '') || ' '
             || coalesce({p}other_id, '')),
        {phone} || ' ' || {compact},
        {p}email, {p}commune"""


@migrations(name="0003_participant_search_national_phone")
def _participant_search_national_phone(db: Database) -> None:
    """Also index the phone in its national writing without spaces (``0`` + last nine
    digits), so that an overseas number stored as ``+262 262 20 12 34`` is found by what
    people dial in France (``0262 20 12 34``). Triggers recreated, index rebuilt."""
    db.execute("DROP TRIGGER participant_fts_insert")
    db.execute("DROP TRIGGER participant_fts_update")
    columns = "(rowid, last_name, first_name, ids, phone, email, commune)"
    db.execute(
        f"""CREATE TRIGGER participant_fts_insert AFTER INSERT ON participant BEGIN
            INSERT INTO participant_fts {columns} SELECT {_fts_values_v3("new.")};
        END"""
    )
    db.execute(
        f"""CREATE TRIGGER participant_fts_update AFTER UPDATE OF
            last_name, first_name, birth_name, ft_id, ml_id, other_id, phone, email, commune
            ON participant BEGIN
            DELETE FROM participant_fts WHERE rowid = old.id;
            INSERT INTO participant_fts {columns} SELECT {_fts_values_v3("new.")};
        END"""
    )
    db.execute("DELETE FROM participant_fts")
    db.execute(f"INSERT INTO participant_fts {columns} SELECT {_fts_values_v3('')} "
               "FROM participant")


def _fts_values_v3(p: str) -> str:
    """As :func:`_fts_values`, with the national phone writing added (migration 0003)."""
    phone = f"coalesce({p}phone, '')"
    digits = phone
    for char in (" ", ".", "-", "+", "(", ")", "/"):
        digits = f"replace({digits}, '{char}', '')"
    compact = f"replace(replace(replace({phone}, ' ', ''), '.', ''), '+33', '0')"
    national = f"CASE WHEN length({digits}) >= 9 THEN '0' || substr({digits}, -9) ELSE '' END"
    return f"""{p}id,
        coalesce({p}last_name, '') || ' ' || coalesce({p}birth_name, ''),
        {p}first_name,
        trim(coalesce({p}ft_id, '') || ' ' || coalesce({p}ml_id, '') || ' '
             || coalesce({p}other_id, '')),
        {phone} || ' ' || {compact} || ' ' || {national},
        {p}email, {p}commune"""


@migrations(name="0004_bin_indexes")
def _bin_indexes(db: Database) -> None:
    """Partial indexes on the tombstone of every table the bin lists: only records in the
    bin are indexed, so they cost nothing for live records and the bin opens fast even on
    a site of 50,000 participants and a million events."""
    for table in ("participant", "cohort", "partner", "enrollment", "event", "referral",
                  "note", "partner_contact", "partner_exchange", "referral_status"):
        db.execute(f"CREATE INDEX idx_{table}_binned ON {table}(deleted_at) "
                   "WHERE deleted_at IS NOT NULL")


@migrations(name="0005_qpv_reference")
def _qpv_reference(db: Database) -> None:
    """The official QPV list shipped with CitésDesk (1,584 quarters: 1,362 in mainland
    France since 2024, 222 overseas since 2025) loaded as the reference. Codes a site
    loaded itself are kept as they are; the setting ``qpv_list`` says which list is in
    force (the shipped one, unless the site had loaded its own). Participants recorded
    with a code of the list and no "résident QPV" become residents."""
    import json

    from citesdesk.core.qpv import BUILTIN_LIST, builtin_rows

    loaded_by_site, site_date = db.execute("SELECT count(*), max(loaded_at) FROM qpv").fetchone()
    now = f"{BUILTIN_LIST['date']}T00:00:00.000Z"  # the list's date: the same in every base
    db.conn.executemany(
        "INSERT INTO qpv (code, name, insee_com, commune, loaded_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(code) DO NOTHING",
        [(r["code"], r["name"], r["insee_com"], r["commune"], now) for r in builtin_rows()])
    # People recorded with a quarter of the list and nothing said about residence (a
    # partner list with a QPV column only): they live in a QPV, as an import now decides.
    db.execute("UPDATE participant SET resident_qpv = 1 WHERE resident_qpv IS NULL "
               "AND code_qpv IN (SELECT code FROM qpv)")
    in_force = BUILTIN_LIST if not loaded_by_site else {
        "source": "import", "file": None, "date": site_date[:10],
        "name_fr": "Liste chargée par le site, complétée par la liste officielle livrée",
        "name_en": "List loaded by the site, completed by the shipped official list"}
    db.execute("INSERT INTO setting(key, value) VALUES ('qpv_list', ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
               [json.dumps(in_force, ensure_ascii=False)])


@migrations(name="0005_contact_check")
def _contact_check(db: Database) -> None:
    """Contact details that fail their check are kept as typed: ``contact_check`` lists
    the participant's fields to check (``phone|email``), for the form and the list's filter."""
    db.execute("ALTER TABLE participant ADD COLUMN contact_check TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX idx_participant_contact_check ON participant(contact_check) "
               "WHERE contact_check != ''")


@migrations(name="0006_erase_leftovers", transactional=False)
def _erase_leftovers(db: Database) -> None:
    """Wipe what earlier versions left of people already purged (issue 12).

    Before this step a purge left the person's words in the search index's segments,
    their uuid and old values in the import history, their deleted content in the file's
    free space and copies in the write-ahead log. This step removes, from every import's
    list of changes, the records that no longer exist; merges the search index (FTS5
    ``optimize``); then rewrites the whole file (``VACUUM``, with ``secure_delete`` on)
    and empties the log. It runs outside a transaction (``VACUUM`` cannot run in one) and
    may run again if interrupted: each part is harmless to repeat.
    """
    import json

    with db.atomic():
        for log_id, text in db.execute(
                "SELECT id, changes FROM import_log WHERE changes LIKE '{%'").fetchall():
            changes = json.loads(text)
            created, updated = changes.get("created") or {}, changes.get("updated") or []

            def exists(table: str, uuid: str) -> bool:
                if table == "qpv" or table not in RECORD_TABLES:
                    return True  # qpv lines are listed by code; nothing personal
                return db.execute(f"SELECT 1 FROM {table} WHERE uuid = ?",
                                  [uuid]).fetchone() is not None

            kept_created = {t: [u for u in us if exists(t, u)] for t, us in created.items()}
            kept_updated = [u for u in updated if exists(u.get("table", ""), u.get("uuid"))]
            if kept_created != created or kept_updated != updated:
                changes["created"], changes["updated"] = kept_created, kept_updated
                db.execute("UPDATE import_log SET changes = ? WHERE id = ?",
                           [json.dumps(changes, ensure_ascii=False), log_id])
        db.execute("INSERT INTO participant_fts(participant_fts) VALUES ('optimize')")
    if db.execute("PRAGMA database_list").fetchone()[2]:  # a file, not ":memory:"
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


#: Letters the participant name key folds, with the ASCII they fold to: those of French
#: names, lower case, and the capitals that begin a name or fill a name in capitals.
#: SQLite's parser allows about 24 nested calls in an index expression: other letters
#: (rare in names) keep their place after « z » in the sort; the search itself (FTS5)
#: ignores every accent. Frozen with migration 0008: the stored index must not change.
_NAME_KEY_FOLDS = (
    ("é", "e"), ("è", "e"), ("ê", "e"), ("ë", "e"), ("à", "a"), ("â", "a"), ("ç", "c"),
    ("î", "i"), ("ï", "i"), ("ô", "o"), ("ö", "o"), ("ù", "u"), ("û", "u"), ("ü", "u"),
    ("œ", "oe"), ("æ", "ae"), ("É", "e"), ("È", "e"), ("Ê", "e"), ("À", "a"), ("Ç", "c"),
    ("Ô", "o"),
)


def _folded_sql(expr: str) -> str:
    """``expr`` with the letters of :data:`_NAME_KEY_FOLDS` replaced by their ASCII, in plain
    SQL (nested ``replace``): the index must be usable, and the base writable and
    checkable, by any SQLite program (the ``sqlite3`` shell, a backup tool), not only by
    CitésDesk."""
    for letter, plain in _NAME_KEY_FOLDS:
        expr = f"replace({expr}, '{letter}', '{plain}')"
    return expr


def name_key_sql(p: str = "") -> str:
    """SQL of a participant's name key: last name, ``char(1)``, first name, in lower case
    with accents and ligatures folded (« Lœuvre », « Lætitia » → ``loeuvre\\x01laetitia``).
    Plain ASCII names (most) are only lower-cased. ``p`` prefixes the columns (``"p."``).
    A query repeats this expression exactly to read the index. Plain SQL only: no function
    of CitésDesk's own is needed to write a participant or check the file."""
    both = f"coalesce({p}last_name, '') || char(1) || coalesce({p}first_name, '')"
    plain = f"coalesce({p}last_name, '') || coalesce({p}first_name, '')"
    return (f"(CASE WHEN {plain} GLOB '*[^ -~]*' THEN {_folded_sql(f'lower({both})')} "
            f"ELSE lower({both}) END)")


_NAME_KEY_TABLE = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
                                  **dict(_NAME_KEY_FOLDS)})


def name_key(last_name: str | None, first_name: str | None) -> str:
    """:func:`name_key_sql` computed in Python, to the same string: SQLite's ``lower()``
    lowers ASCII letters only, then the letters of :data:`_NAME_KEY_FOLDS` fold (each to
    ASCII, so the order of the replacements does not matter). Compared as Python strings
    (code points), keys sort as SQLite sorts them (UTF-8 bytes, the same order): a few
    hundred matches are sorted here faster than SQLite evaluates the expression per row.
    Plain ASCII (most names) takes ``str.lower``, which also lowers ASCII letters only."""
    key = f"{last_name or ''}\x01{first_name or ''}"
    return key.lower() if key.isascii() else key.translate(_NAME_KEY_TABLE)


#: Name of the index :func:`name_key_sql` is stored in.
NAME_KEY_INDEX = "idx_participant_name_key"
#: Name of the index of live participants by id, with their names and filtered columns.
ALIVE_INDEX = "idx_participant_alive"


@migrations(name="0008_participant_sort_key")
def _participant_sort_key(db: Database) -> None:
    """The participants list and every picker show matches sorted by name, accents and
    case ignored. The sort key is stored in an index on the folded name, followed by the
    id (ties) and the columns the list filters on, for live records only: a page of the
    list is read in index order and stops after its rows, instead of sorting every match.
    SQLite keeps the index up to date on every write through a CitésDesk connection (the
    app, an import, a merge, the demo), whatever the code path: no trigger, no column.

    A second index, by id with the names and the same columns, lets a search that matches
    few people sort them without reading their whole rows."""
    filtered = "resident_qpv, connu_spe, referent"
    db.execute(f"CREATE INDEX {NAME_KEY_INDEX} ON participant({name_key_sql()}, id, "
               f"{filtered}) WHERE deleted_at IS NULL")
    db.execute(f"CREATE INDEX {ALIVE_INDEX} ON participant(id, last_name, first_name, "
               f"{filtered}) WHERE deleted_at IS NULL")


def purge_key(uuid: str | None) -> str | None:
    """What a purge mark keeps of an erased record's uuid: its SHA-256 in hex. A mark
    travels to the colleagues' laptops and stops the record from coming back, yet the file
    keeps nothing that was the person's, not even their uuid. (A deletion's trigger writes
    the uuid in a mark with no clock yet; :func:`citesdesk.services.team.clocks.stamp_purges`
    replaces it by this key, and every erasure calls it before it ends.)"""
    if uuid is None:
        return None
    import hashlib

    return hashlib.sha256(uuid.encode("utf-8")).hexdigest()


#: Record tables exchanged between the team's laptops, parents before children.
SYNCED_TABLES = (
    "site", "cohort", "participant", "partner", "partner_contact", "partner_exchange",
    "enrollment", "event", "referral", "referral_status", "note", "import_log",
)

#: Bookkeeping columns that are not fields of a record (local, or derived from fields).
_LOCAL_COLUMNS = ("id", "uuid", "updated_at", "hlc")


@migrations(name="0009_team_sync")
def _team_sync(db: Database) -> None:
    """The team exchange (``docs/design/SYNC.md``): field clocks, version vectors, purge
    marks, conflicts and the team's members.

    ``field_clock`` holds, per record field, the clock value of the write that set it; the
    field ``*`` stands for every field without a row of its own. A record without any row
    there was written whole (created, imported) and never changed since: every field's
    clock is the record's ``hlc``, so creations and imports cost nothing more. Triggers
    keep the table in step with every update whatever its path (form, import, undo, bin,
    retention): the first update of a record records ``*`` (its previous ``hlc``), then
    each update records, for each field it changes, the record's new ``hlc``. A deletion
    for good leaves a ``purge_mark`` whose clock value is set by the team service before
    the mark travels (the record's clocks and conflicts go with it).
    """
    statements = [
        """CREATE TABLE field_clock (
            tbl TEXT NOT NULL,
            uuid TEXT NOT NULL,
            field TEXT NOT NULL,
            hlc TEXT NOT NULL,
            PRIMARY KEY (tbl, uuid, field)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_field_clock_hlc ON field_clock(hlc)",
        # Per node heard of, the highest clock value received from it.
        """CREATE TABLE version_vector (
            node TEXT PRIMARY KEY,
            hlc TEXT NOT NULL
        )""",
        # A record deleted for good: no personal data, only which record and when.
        """CREATE TABLE purge_mark (
            uuid_hash TEXT PRIMARY KEY,
            tbl TEXT NOT NULL,
            hlc TEXT
        )""",
        "CREATE INDEX idx_purge_mark_hlc ON purge_mark(hlc)",
        # Concurrent edits of one field: both values, who and when; the choice made.
        """CREATE TABLE sync_conflict (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            tbl TEXT NOT NULL,
            uuid TEXT NOT NULL,
            field TEXT NOT NULL,
            value_a TEXT,
            hlc_a TEXT NOT NULL,
            author_a TEXT,
            value_b TEXT,
            hlc_b TEXT NOT NULL,
            author_b TEXT,
            noted_hlc TEXT NOT NULL,
            resolved_hlc TEXT,
            resolved_value TEXT,
            resolved_by TEXT
        )""",
        "CREATE INDEX idx_sync_conflict_record ON sync_conflict(tbl, uuid)",
        # The colleagues' laptops: their public keys and what was last exchanged.
        """CREATE TABLE team_member (
            id INTEGER PRIMARY KEY,
            key_id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            node TEXT,
            age_recipient TEXT NOT NULL,
            minisign_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            added_at TEXT NOT NULL,
            vector TEXT NOT NULL DEFAULT '{}',
            last_received_at TEXT,
            last_received_file TEXT,
            last_sent_at TEXT,
            last_sent_file TEXT
        )""",
    ]
    for sql in statements:
        db.execute(sql)
    for table in SYNCED_TABLES:
        field_clock_triggers(db, table)
        db.execute(f"""CREATE TRIGGER field_clock_{table}_delete AFTER DELETE ON {table} BEGIN
            DELETE FROM field_clock WHERE tbl = '{table}' AND uuid = old.uuid;
            DELETE FROM sync_conflict WHERE tbl = '{table}' AND uuid = old.uuid;
            INSERT INTO purge_mark(uuid_hash, tbl, hlc) VALUES (old.uuid, '{table}', NULL)
                ON CONFLICT(uuid_hash) DO NOTHING;
        END""")


def field_clock_triggers(db: Database, table: str) -> None:
    """(Re)create the update trigger that records the field clocks of ``table``, for the
    columns it has now. A later step that adds a column to a synced table calls it."""
    columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    fields = [c for c in columns if c not in _LOCAL_COLUMNS]
    upserts = "\n".join(
        f"INSERT INTO field_clock(tbl, uuid, field, hlc) SELECT '{table}', new.uuid, "
        f"'{c}', new.hlc WHERE old.{c} IS NOT new.{c} "
        "ON CONFLICT(tbl, uuid, field) DO UPDATE SET hlc = excluded.hlc;"
        for c in fields)
    db.execute(f"DROP TRIGGER IF EXISTS field_clock_{table}_update")
    db.execute(f"""CREATE TRIGGER field_clock_{table}_update AFTER UPDATE ON {table}
        BEGIN
        INSERT INTO field_clock(tbl, uuid, field, hlc) SELECT '{table}', old.uuid, '*',
            old.hlc WHERE NOT EXISTS (SELECT 1 FROM field_clock WHERE tbl = '{table}'
            AND uuid = old.uuid);
        {upserts}
    END""")


@migrations(name="0010_team_audit")
def _team_audit(db: Database) -> None:
    """The audit entries travel between the team's laptops like the other appending
    tables (``docs/design/SYNC.md``, point 2): a union by ``uuid``. Entries written before
    this step get a uuid derived from the entry itself (its id and contents), so that the
    same entry in two copies of one database has the same uuid and is not doubled."""
    import hashlib

    db.execute("ALTER TABLE audit_log ADD COLUMN uuid TEXT")
    rows = db.execute("SELECT id, at, actor, action, table_name, record_uuid, changes, hlc "
                      "FROM audit_log").fetchall()
    db.conn.executemany("UPDATE audit_log SET uuid = ? WHERE id = ?", [
        (hashlib.sha256("|".join("" if v is None else str(v) for v in row).encode("utf-8"))
         .hexdigest()[:32], row[0]) for row in rows])
    db.execute("CREATE UNIQUE INDEX idx_audit_uuid ON audit_log(uuid)")


#: Number of schema steps this version of CitésDesk knows.
SCHEMA_VERSION = len(migrations._migrations)

#: Names of the record tables that carry uuid, timestamps, tombstone and clock.
RECORD_TABLES = (
    "site", "cohort", "participant", "enrollment", "partner", "partner_contact",
    "partner_exchange", "event", "referral", "referral_status", "note",
    "import_log", "import_profile", "bundle_log",
)
