"""Participant search: accents, prefixes, phones, ranking, the bin, hostile input."""

import pytest

from citesdesk.core import search
from citesdesk.services import records


def person(db, last, first, **kw):
    return records.create(db, "participant", {"last_name": last, "first_name": first, **kw})


def names(rows):
    return [f"{r['first_name']} {r['last_name']}" for r in rows]


@pytest.fixture
def people(db):
    return {
        "helene": person(db, "Dupont-Martin", "Hélène", phone="06 12 34 56 78",
                         email="h.dupont@example.fr", commune="Saint-Denis",
                         ft_id="1234567A"),
        "leon": person(db, "Lefèvre", "Léon", phone="+33 7 98 76 54 32", commune="Bobigny"),
        "laetitia": person(db, "Lœuvre", "Lætitia", phone="+44 20 7946 0958"),
        "martin": person(db, "Martin", "Paul", commune="Helenville"),
    }


def test_accents_and_case_are_ignored(db, people):
    assert names(search.search_participants(db, "helene")) == ["Hélène Dupont-Martin"]
    assert names(search.search_participants(db, "HÉLÈNE")) == ["Hélène Dupont-Martin"]
    assert names(search.search_participants(db, "lefevre")) == ["Léon Lefèvre"]


def test_ligatures_match_their_spelled_out_form(db, people):
    assert names(search.search_participants(db, "laetitia")) == ["Lætitia Lœuvre"]
    assert names(search.search_participants(db, "loeuvre")) == ["Lætitia Lœuvre"]
    assert names(search.search_participants(db, "Lœuv")) == ["Lætitia Lœuvre"]


def test_prefix_matching_for_search_as_you_type(db, people):
    assert names(search.search_participants(db, "lef")) == ["Léon Lefèvre"]
    assert names(search.search_participants(db, "hél dup")) == ["Hélène Dupont-Martin"]
    assert names(search.search_participants(db, "dup mar")) == ["Hélène Dupont-Martin"]
    assert names(search.search_participants(db, "dupont-mar")) == ["Hélène Dupont-Martin"]


def test_phone_written_in_groups_or_compact(db, people):
    for typed in ("06 12", "06 12 34 56 78", "0612", "06.12.34", "+33 6 12 34", "0612345678"):
        assert names(search.search_participants(db, typed)) == ["Hélène Dupont-Martin"], typed
    # Stored in international form, found by its French national writing.
    assert names(search.search_participants(db, "07 98 76")) == ["Léon Lefèvre"]
    assert names(search.search_participants(db, "+44 20 7946")) == ["Lætitia Lœuvre"]


def test_email_commune_and_external_ids(db, people):
    assert names(search.search_participants(db, "h.dupont@ex")) == ["Hélène Dupont-Martin"]
    assert names(search.search_participants(db, "bobigny")) == ["Léon Lefèvre"]
    assert names(search.search_participants(db, "1234567a")) == ["Hélène Dupont-Martin"]


def test_names_rank_before_other_columns(db, people):
    # "helen" is a first name for one and a commune for the other: the name comes first.
    assert names(search.search_participants(db, "helen")) == [
        "Hélène Dupont-Martin", "Paul Martin"]
    scores = [r["score"] for r in search.search_participants(db, "helen")]
    assert scores == sorted(scores)


@pytest.mark.parametrize("typed", [
    '"', '"hélène', 'hél"ène', "hélène'", "(hél", "hél)", "hél*", "-hél", "hél:",
    "NEAR(hél dup)", "hél AND", "OR hél", "NOT", "^hél", "{hél}", "hél + dup", "l'hél",
    "\\", "*", "col:hél", "hé\u0301lène",
])
def test_punctuation_and_quotes_never_raise(db, people, typed):
    rows = search.search_participants(db, typed)
    assert search.count_matches(db, typed) == len(rows)


def test_quotes_do_not_change_the_result(db, people):
    assert names(search.search_participants(db, '"Hélène"')) == ["Hélène Dupont-Martin"]
    assert names(search.search_participants(db, "« Hélène »")) == ["Hélène Dupont-Martin"]
    assert names(search.search_participants(db, "'dupont' \"hél")) == ["Hélène Dupont-Martin"]


def test_empty_text_lists_everyone_by_name(db, people):
    assert names(search.search_participants(db, "")) == [
        "Hélène Dupont-Martin", "Léon Lefèvre", "Lætitia Lœuvre", "Paul Martin"]
    assert search.count_matches(db, "  ") == 4
    assert search.match_clause("") == ("1", [])
    assert search.match_clause("  ;; ") == ("1", [])


def test_limit_and_offset(db, people):
    page1 = search.search_participants(db, "", limit=2)
    page2 = search.search_participants(db, "", limit=2, offset=2)
    assert len(page1) == len(page2) == 2
    assert {r["id"] for r in page1}.isdisjoint(r["id"] for r in page2)


def test_match_clause_combines_with_other_sql(db, people):
    where, params = search.match_clause("mart")
    rows = db.execute(
        f"SELECT first_name FROM participant WHERE deleted_at IS NULL AND {where} "
        "ORDER BY first_name", params).fetchall()
    assert [r[0] for r in rows] == ["Hélène", "Paul"]
    where, params = search.match_clause("mart", column="p.id")
    assert where.startswith("p.id IN")
    rows = db.execute(f"SELECT count(*) FROM participant p WHERE {where}", params).fetchone()
    assert rows[0] == 2


def test_the_index_follows_create_update_delete_restore(db, people):
    helene = people["helene"]
    assert search.count_matches(db, "hélène") == 1
    records.update(db, "participant", helene["uuid"], {"first_name": "Marianne"})
    assert search.count_matches(db, "hélène") == 0
    assert names(search.search_participants(db, "marian")) == ["Marianne Dupont-Martin"]
    records.update(db, "participant", helene["uuid"], {"phone": "01 45 67 89 10"})
    assert search.count_matches(db, "06 12") == 0
    assert search.count_matches(db, "01 45") == 1
    records.delete(db, "participant", helene["uuid"])
    assert search.count_matches(db, "marianne") == 0
    assert search.search_participants(db, "marianne") == []
    assert search.count_matches(db, "") == 3
    records.restore(db, "participant", helene["uuid"])
    assert names(search.search_participants(db, "marianne")) == ["Marianne Dupont-Martin"]
    # A hard delete (retention purge) leaves nothing behind in the index.
    db.execute("DELETE FROM participant WHERE id = ?", [people["martin"]["id"]])
    assert db.execute("SELECT count(*) FROM participant_fts WHERE rowid = ?",
                      [people["martin"]["id"]]).fetchone()[0] == 0


def test_filters(db, people):
    cohort = records.create(db, "cohort", {"name": "Cohorte A"})
    records.create(db, "enrollment", {"participant_id": people["leon"]["id"],
                                      "cohort_id": cohort["id"], "date_entree": "2026-01-05"})
    records.update(db, "participant", people["martin"]["uuid"], {"referent": "Awa"})
    assert names(search.search_participants(db, "", cohort_id=cohort["id"])) == ["Léon Lefèvre"]
    assert names(search.search_participants(db, "l", active_only=True)) == ["Léon Lefèvre"]
    assert search.count_matches(db, "", referent="Awa") == 1
    flt = search.Filters(cohort_id=cohort["id"])
    assert search.count_matches(db, "helene", filters=flt) == 0


def test_overseas_numbers_are_found_as_dialled_in_france(db):
    person(db, "Payet", "Jean", phone="0262 20 12 34")
    assert names(search.search_participants(db, "0262 20")) == ["Jean Payet"]
    assert names(search.search_participants(db, "+262 262 20")) == ["Jean Payet"]


def test_any_typed_text_is_a_valid_query(db, people):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.text(max_size=30))
    def check(text):
        rows = search.search_participants(db, text)
        assert search.count_matches(db, text) == len(rows)
        where, params = search.match_clause(text)
        db.execute(f"SELECT count(*) FROM participant WHERE {where}", params).fetchone()

    check()


def test_birth_name_and_ids_are_searchable_after_an_update(db, people):
    records.update(db, "participant", people["leon"]["uuid"],
                   {"birth_name": "Kaci", "ml_id": "ML-998877"})
    assert names(search.search_participants(db, "kaci")) == ["Léon Lefèvre"]
    assert names(search.search_participants(db, "ml 998")) == ["Léon Lefèvre"]


# -- sorted by name, from the name index (migration 0008) ----------------------------

def _last_first(db, ids):
    rows = {r["id"]: r for r in db.query("SELECT id, last_name, first_name FROM participant")}
    return [f"{rows[i]['last_name']} {rows[i]['first_name']}" for i in ids]


def test_by_name_ignores_accents_case_and_ligatures(db):
    for last, first in (("martin", "zoé"), ("Élie", "Ana"), ("Œuvrard", "Paul"),
                        ("Eddine", "Karim"), ("ODIN", "Léa"), ("Lœuvre", "Lætitia"),
                        ("Martin", "Ève"), ("Martinez", "Ana")):
        person(db, last, first)
    assert _last_first(db, search.ids_by_name(db)) == [
        "Eddine Karim", "Élie Ana", "Lœuvre Lætitia", "Martin Ève", "martin zoé",
        "Martinez Ana", "ODIN Léa", "Œuvrard Paul"]
    assert _last_first(db, search.ids_by_name(db, descending=True))[:2] == [
        "Œuvrard Paul", "ODIN Léa"]
    assert _last_first(db, search.page_by_name(db, limit=5)[3:]) == [
        "Martin Ève", "martin zoé"]
    # "laetitia" finds « Lætitia », and the sort is that of the index.
    assert _last_first(db, search.page_by_name(db, "laetitia")) == ["Lœuvre Lætitia"]
    assert [r["first_name"] for r in search.rows_by_name(db, "mart")] == ["Ève", "zoé", "Ana"]


def test_by_name_walks_the_index_when_the_text_matches_many(db, monkeypatch):
    for i in range(30):
        person(db, f"Nom{i:02d}", "Mia" if i % 3 else "Théo")
    sorted_ = search.ids_by_name(db, "mia")  # 20 matches: few, sorted
    assert len(sorted_) == 20 and _last_first(db, sorted_[:2]) == ["Nom01 Mia", "Nom02 Mia"]
    for plan in ("walk", "python", "sort"):  # the name index walked by SQLite, by Python
        monkeypatch.setattr(search, "_plan", lambda _db, _n, _limit, plan=plan: plan)
        assert search.page_by_name(db, "mia", limit=3) == list(sorted_[:3]), plan
        assert search.page_by_name(db, "mia", limit=3, descending=True) == list(
            sorted_[::-1][:3]), plan
        if plan != "python":
            assert search.ids_by_name(db, "mia") == sorted_, plan
    # A walk in Python that runs past its budget hands over to SQLite: the same page.
    monkeypatch.setattr(search, "_plan", lambda _db, _n, _limit: "python")
    monkeypatch.setattr(search, "PYTHON_WALK_BUDGET", 0)
    real_site = search._site
    monkeypatch.setattr(search, "_site", lambda _db: 0)  # a budget of 2,000 steps, at least
    assert search.page_by_name(db, "mia", limit=3) == list(sorted_[:3])
    for i in range(2_100):
        person(db, f"Aa{i:04d}", "Zed")  # 2,100 names before the first « Mia »
    monkeypatch.setattr(search, "_site", real_site)
    handed_over = []
    real_json_ids = search.json_ids
    monkeypatch.setattr(search, "json_ids",
                        lambda ids: handed_over.append(len(ids)) or real_json_ids(ids))
    assert search.page_by_name(db, "mia", limit=3) == list(sorted_[:3])
    assert handed_over == [20]
    # The list's sort is the index's: SQLite reads it in order, with nothing to sort.
    plan = " ".join(r[-1] for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT p.id FROM participant p WHERE p.deleted_at IS NULL "
        f"ORDER BY {search.NAME_KEY}, p.id LIMIT 3"))
    assert "USING INDEX idx_participant_name_key" in plan and "TEMP B-TREE" not in plan


def test_the_name_index_follows_every_write(db):
    a = person(db, "Zola", "Émile")
    b = person(db, "Abel", "Luc")
    assert _last_first(db, search.ids_by_name(db)) == ["Abel Luc", "Zola Émile"]
    records.update(db, "participant", a["uuid"], {"last_name": "Aaron"})
    db.execute("UPDATE participant SET first_name = 'Ébène' WHERE id = ?", [b["id"]])
    assert _last_first(db, search.ids_by_name(db)) == ["Aaron Émile", "Abel Ébène"]
    records.delete(db, "participant", a["uuid"])
    assert _last_first(db, search.ids_by_name(db)) == ["Abel Ébène"]
    records.restore(db, "participant", a["uuid"])
    assert len(search.ids_by_name(db)) == 2
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_filters_of_the_list_and_pickers(db, people):
    cohort = records.create(db, "cohort", {"name": "Cohorte A"})
    records.create(db, "enrollment", {"participant_id": people["leon"]["id"],
                                      "cohort_id": cohort["id"], "date_entree": "2026-01-05"})
    records.create(db, "enrollment", {"participant_id": people["martin"]["id"],
                                      "cohort_id": cohort["id"], "date_entree": "2026-01-05",
                                      "date_sortie": "2026-03-01", "motif_sortie": "CDI"})
    flt = search.Filters
    assert _last_first(db, search.ids_by_name(db, "", flt(active_only=True))) == ["Lefèvre Léon"]
    assert _last_first(db, search.ids_by_name(db, "", flt(exited_only=True))) == ["Martin Paul"]
    left = search.ids_by_name(db, "", flt(exclude_cohort=cohort["uuid"]))
    assert _last_first(db, left) == ["Dupont-Martin Hélène", "Lœuvre Lætitia", "Martin Paul"]
