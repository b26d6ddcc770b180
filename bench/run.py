"""CitésDesk benchmark (``docs/design/PERFORMANCE.md``): ``python bench/run.py [--only AREA] [--repeat N]
[--skip-huge]``.

Builds the demo datasets once into ``bench/.data/`` (large: 5,000 participants; huge:
50,000), discovers every ``bench/ops_<area>.py`` and calls its ``register(bench)``, runs each
operation several times and prints one row per operation: median, min, max, the median of
its *floor* (the same work done by the bare library in the same run, each run of the
operation followed by one of its floor), their ratio, the targets, and OK or "over". Never
part of the test suite: a test never fails on time.

An ``ops_<area>.py`` module::

    def register(bench):
        bench.add("name", fn, floor=None, target_s=0.03, ratio_target=3, repeat=5,
                  setup=None)

``fn()`` runs the operation once; ``floor()`` its bare-library equivalent; ``setup()`` runs
before every timed call of either (not timed), e.g. to remove a file the operation writes.
A callable with ``reports_time = True`` returns the seconds to count itself.
``bench.large_db`` / ``bench.huge_db`` are dataset paths (``huge_db`` is ``None`` with
``--skip-huge``), ``bench.tmp`` a temporary folder removed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from citesdesk.core import schema  # noqa: E402
from citesdesk.core.db import open_database  # noqa: E402

LARGE, HUGE = 5_000, 50_000
SEED = 1


@dataclass
class Operation:
    area: str
    name: str
    fn: Callable[[], object]
    floor: Callable[[], object] | None
    target_s: float | None
    ratio_target: float | None
    repeat: int
    setup: Callable[[], object] | None


def _dataset_key() -> str:
    """Changes when the schema or the demo generator changes, so the cache is rebuilt."""
    digest = hashlib.sha256()
    for name in ("demo.py", "demo_people.py", "demo_data.py"):
        digest.update((ROOT / "citesdesk" / "services" / name).read_bytes())
    return f"v{schema.SCHEMA_VERSION}-{digest.hexdigest()[:8]}"


def build_dataset(data_dir: Path, participants: int) -> Path:
    """The demo database of ``participants`` people, built once and kept in ``data_dir``."""
    path = data_dir / f"demo-{participants}-{_dataset_key()}.sqlite"
    if path.exists():
        return path
    from citesdesk.services.demo import build_demo

    data_dir.mkdir(parents=True, exist_ok=True)
    for old in data_dir.glob(f"demo-{participants}-*.sqlite*"):
        old.unlink()
    partial = path.with_name(path.name + ".partial")
    for p in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        p.unlink(missing_ok=True)
    print(f"Building the {participants:,}-participant dataset into {path} …", file=sys.stderr)
    start = time.perf_counter()
    db = open_database(partial, create=True)
    try:
        build_demo(db, participants=participants, seed=SEED)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    os.replace(partial, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    print(f"  built in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return path


class Bench:
    """What an ``ops_*.py`` module sees."""

    def __init__(self, large_db: Path, huge_db: Path | None, tmp: Path) -> None:
        self.large_db = large_db
        self.huge_db = huge_db
        self.tmp = tmp
        self.operations: list[Operation] = []
        self._area = ""

    def add(self, name: str, fn, *, floor=None, target_s=None, ratio_target=None,
            repeat: int = 5, setup=None) -> None:
        self.operations.append(Operation(self._area, name, fn, floor, target_s, ratio_target,
                                         repeat, setup))


def _time(fn, setup, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        # An operation that times itself (the cold start: up to the window's first paint,
        # not the closing) returns its seconds.
        times.append(result if getattr(fn, "reports_time", False) else elapsed)
    return times


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 0.01:
        return f"{seconds * 1000:.2f} ms"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def _interleaved(op: Operation, repeat: int) -> tuple[list[float], list[float]]:
    """The operation and its floor run in turn, so that a burst of load from another
    program on the shared machine falls on both alike, not on one block of runs."""
    times, floors = [], []
    for _ in range(repeat):
        times += _time(op.fn, op.setup, 1)
        floors += _time(op.floor, op.setup, 1)
    return times, floors


def _row(op: Operation, repeat: int | None) -> list[str]:
    n = repeat or op.repeat
    if op.floor:
        times, floors = _interleaved(op, n)
        floor = statistics.median(floors)
    else:
        times, floor = _time(op.fn, op.setup, n), None
    median = statistics.median(times)
    ratio = median / floor if floor else None
    over = (op.target_s is not None and median > op.target_s) or (
        op.ratio_target is not None and ratio is not None and ratio > op.ratio_target)
    return [op.name, _fmt(median), _fmt(min(times)), _fmt(max(times)), _fmt(floor),
            f"{ratio:.2f}" if ratio is not None else "—", _fmt(op.target_s),
            f"≤ {op.ratio_target:g}" if op.ratio_target else "—", "over" if over else "OK"]


HEADER = ["operation", "median", "min", "max", "floor median", "ratio", "target",
          "ratio target", "result"]


def _print_table(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"  # noqa: E731
    print(line(HEADER))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    sys.stdout.flush()


def discover(only: str | None) -> list[tuple[str, object]]:
    modules = []
    for path in sorted(BENCH.glob("ops_*.py")):
        area = path.stem[len("ops_"):]
        if only and area != only:
            continue
        spec = importlib.util.spec_from_file_location(f"bench_ops_{area}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append((area, module))
    return modules


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="CitésDesk benchmark (docs/design/PERFORMANCE.md)")
    parser.add_argument("--only", metavar="AREA", help="only bench/ops_AREA.py")
    parser.add_argument("--repeat", type=int, help="runs per operation (default: each one's)")
    parser.add_argument("--skip-huge", action="store_true",
                        help="do not build or use the 50,000-participant dataset")
    args = parser.parse_args(argv)
    modules = discover(args.only)
    if not modules:
        print(f"No bench/ops_{args.only or '*'}.py found.", file=sys.stderr)
        return 1
    data = BENCH / ".data"
    large = build_dataset(data, LARGE)
    huge = None if args.skip_huge else build_dataset(data, HUGE)
    print(f"CitésDesk benchmark — {dt.datetime.now():%Y-%m-%d %H:%M}")
    print(f"Machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} "
          f"{platform.release()}; Python {platform.python_version()}; "
          f"SQLite {sqlite3.sqlite_version}")
    print(f"Datasets: large = {LARGE:,} participants, huge = "
          f"{'skipped' if huge is None else f'{HUGE:,} participants'} (demo seed {SEED})\n")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="citesdesk-bench-") as tmp:
        bench = Bench(large, huge, Path(tmp))
        for area, module in modules:
            bench._area = area
            try:
                module.register(bench)
            except Exception:
                failed += 1
                print(f"ops_{area}.py: register() failed", file=sys.stderr)
                traceback.print_exc()
        rows = []
        for op in bench.operations:
            print(f"  {op.name} …", file=sys.stderr, flush=True)
            try:
                rows.append(_row(op, args.repeat))
            except Exception as exc:
                failed += 1
                rows.append([op.name, f"ERROR: {exc}", "", "", "", "", "", "", "error"])
                traceback.print_exc()
        _print_table(rows)
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
