"""How the main operations scale with the size of the site: ``python bench/scaling.py``.

For sites of 1,000, 5,000 and 50,000 participants (the demo, seed 1; the two larger are
the datasets of ``bench/run.py``, kept in ``bench/.data/``), prints the median time of:
the participants list after a keystroke (first page) and its full ordered ids, an import
of as many participant rows from .xlsx into an empty database, the quarterly workbook,
and the bundle. Not part of the test suite; pasted into ``docs/performance.md``.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

SIZES = (1_000, 5_000, 50_000)


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _median(fn, repeat: int, setup=None) -> float:
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _import_rows(tmp: Path, rows: int, ops_import) -> float:
    from citesdesk.core.db import open_database
    from citesdesk.services import importer

    xlsx = ops_import.write_file(tmp / f"participants-{rows}.xlsx", rows=rows)
    empty = tmp / "empty.sqlite"
    if not empty.exists():
        open_database(empty, create=True).close()
    state = {}

    def fresh() -> None:
        target = tmp / f"import-{rows}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copy(empty, target)
        state["db"] = open_database(target)

    def run() -> None:
        db = state["db"]
        table = importer.load_table(xlsx, "participants")
        mapping, _ = importer.suggest_mapping(db, table)
        result = importer.commit(db, importer.analyse(db, table, mapping))
        # (a few generated rows of the 50,000 are taken for duplicates and skipped)
        assert result["counts"]["rows"] == rows and result["counts"]["invalid"] == 0, \
            result["counts"]
        db.close()

    return _median(run, 1 if rows > 10_000 else 3, setup=fresh)


def main(argv: list[str] | None = None) -> int:
    """``python bench/scaling.py [SIZE …]`` (default: 1,000, 5,000 and 50,000)."""
    sizes = tuple(int(a) for a in (sys.argv[1:] if argv is None else argv)) or SIZES
    import pyrage

    from citesdesk.core.db import open_database
    from citesdesk.core.quarter import Quarter
    from citesdesk.gui.participants_model import PAGE_SIZE
    from citesdesk.gui.participants_query import ListQuery, first_page, matching_ids
    from citesdesk.services.bundle import create_bundle, keys
    from citesdesk.services.export import export_quarter

    run = _module("run")
    ops_import = _module("ops_import")
    quarter = Quarter.last_finished(dt.date.today())
    table: dict[str, dict[int, float]] = {}

    def put(name: str, size: int, seconds: float) -> None:
        table.setdefault(name, {})[size] = seconds
        print(f"  {name} ({size:,}): {run._fmt(seconds)}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="citesdesk-scaling-") as tmp_name:
        tmp = Path(tmp_name)
        identity = pyrage.x25519.Identity.generate()
        for size in sizes:
            path = run.build_dataset(BENCH / ".data", size)
            db = open_database(path, readonly=True)
            for text in ("m", "ma", "martin"):
                put(f"list search « {text} », first page", size,
                    _median(lambda t=text, d=db: first_page(d, ListQuery(text=t), PAGE_SIZE),
                            10))
            put("list search « m », every id (count)", size,
                _median(lambda d=db: matching_ids(d, ListQuery(text="m")), 5))
            db.close()
            put("import of as many rows from .xlsx", size, _import_rows(tmp, size, ops_import))
            site = tmp / f"site-{size}.sqlite"
            source = open_database(path, readonly=True)
            source.backup_to(site)
            source.close()
            work = open_database(site)
            put(f"quarterly workbook {quarter.label}", size,
                _median(lambda w=work: export_quarter(w, quarter, tmp / "q.xlsx"), 3))
            keys.set_recipients(work, [str(identity.to_public())])
            keys.ensure_site_keys(work)
            put("bundle create", size,
                _median(lambda w=work: create_bundle(w, tmp / "b.citesbundle"),
                        1 if size > 10_000 else 3))
            work.close()
    names = " | ".join(f"{s:,} participants".replace(",", " ") for s in sizes)
    print(f"| operation | {names} |")
    print("|---|" + "---|" * len(sizes))
    for name, by_size in table.items():
        print(f"| {name} | " + " | ".join(run._fmt(by_size.get(s)) for s in sizes) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
