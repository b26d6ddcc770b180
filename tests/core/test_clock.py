"""Hybrid logical clock: never backwards, whatever the laptop's clock does."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citesdesk.core.clock import HybridLogicalClock, Timestamp


class FakeWall:
    def __init__(self, steps):
        self.steps = list(steps)
        self.now = 1_700_000_000_000

    def __call__(self):
        if self.steps:
            self.now = max(0, self.now + self.steps.pop(0))
        return self.now


jumps = st.lists(st.integers(min_value=-10**9, max_value=10**6), min_size=1, max_size=200)


@given(steps=jumps)
def test_now_is_strictly_increasing_even_when_the_wall_clock_jumps_back(steps):
    clock = HybridLogicalClock("a1", wall=FakeWall(steps))
    values = [clock.now() for _ in steps]
    assert values == sorted(values)
    assert len(set(values)) == len(values)
    parsed = [Timestamp.parse(v) for v in values]
    assert parsed == sorted(parsed)


@given(steps=jumps, remote_ms=st.integers(min_value=0, max_value=10**13),
       remote_counter=st.integers(min_value=0, max_value=999), data=st.data())
def test_receive_dominates_both_clocks(steps, remote_ms, remote_counter, data):
    clock = HybridLogicalClock("a1", wall=FakeWall(steps))
    before = [clock.now() for _ in range(data.draw(st.integers(0, 5)))]
    remote = str(Timestamp(remote_ms, remote_counter, "b2"))
    merged = clock.receive(remote)
    assert Timestamp.parse(merged) > Timestamp.parse(remote)
    assert all(merged > b for b in before)
    assert clock.now() > merged  # and the clock keeps going from there
    assert merged.endswith("-a1")


def test_string_order_is_time_order():
    small = str(Timestamp(999, 5, "z"))
    big = str(Timestamp(1000, 0, "a"))
    assert small < big
    assert Timestamp.parse(big) == Timestamp(1000, 0, "a")


def test_restart_from_the_last_value_never_goes_back():
    first = HybridLogicalClock("a1", wall=lambda: 5_000)
    last = first.now()
    again = HybridLogicalClock("a1", last, wall=lambda: 1_000)  # laptop clock set back
    assert again.now() > last


@pytest.mark.parametrize("bad", ["", "12-3-a", "000000000000001-000001-", "abc"])
def test_bad_values_are_refused(bad):
    with pytest.raises(ValueError):
        Timestamp.parse(bad)


def test_node_names_cannot_break_the_format():
    with pytest.raises(ValueError):
        HybridLogicalClock("a-b")


def test_database_writes_carry_increasing_clock_values(db):
    from citesdesk.services import records

    rows = [records.create(db, "cohort", {"name": f"C{i}"}) for i in range(5)]
    hlcs = [r["hlc"] for r in rows]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == 5
    updated = records.update(db, "cohort", rows[0]["uuid"], {"name": "C0 bis"})
    assert updated["hlc"] > hlcs[-1]
    audit = [r[0] for r in db.execute("SELECT hlc FROM audit_log ORDER BY id")]
    assert audit == sorted(audit)


def test_counter_overflow_moves_to_the_next_millisecond():
    clock = HybridLogicalClock("a1", "000000000005000-999998-a1", wall=lambda: 1_000)
    values = [clock.now() for _ in range(3)]
    assert values == ["000000000005000-999999-a1", "000000000005001-000000-a1",
                      "000000000005001-000001-a1"]
    merged = clock.receive("000000000009000-999999-b2")
    assert merged == "000000000009001-000000-a1"


@given(a=st.tuples(st.integers(0, 10**15 - 1), st.integers(0, 10**6 - 1)),
       b=st.tuples(st.integers(0, 10**15 - 1), st.integers(0, 10**6 - 1)))
def test_text_order_matches_time_order(a, b):
    ta, tb = Timestamp(*a, "n1"), Timestamp(*b, "n1")
    assert (str(ta) < str(tb)) == (ta < tb)
    assert Timestamp.parse(str(ta)) == ta
