"""Benchmark: 20,000 participant rows from .xlsx, validated and committed.

Floor (docs/design/PERFORMANCE.md): python-calamine reading the same file + ``executemany`` inserting
the same rows into the participant table of the same kind of database. Both start from a
copy of the same empty migrated database, so both pay the same opening cost.

Run alone: ``python bench/ops_import.py`` (or through ``bench/run.py --only import``).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

ROWS = 20_000
HEADERS = ["Nom", "Prénom", "Date de naissance", "Genre", "Téléphone", "Courriel",
           "Code postal", "Commune", "Niveau de formation", "Cohorte", "Date d'entrée"]
LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
        "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "García", "N'Diaye"]
FIRST = ["Marie", "Jean", "Aïcha", "Lucas", "Léa", "Hugo", "Chloé", "Mohamed", "Inès",
         "Noah", "Zoé", "Karim", "Fatou", "Éloïse", "Yanis", "Sofia"]


def _phone(n: int) -> str:
    d = f"0{n}"
    return " ".join(d[i:i + 2] for i in range(0, 10, 2))


def write_file(path: Path, rows: int = ROWS, seed: int = 1) -> Path:
    import xlsxwriter

    rnd = random.Random(seed)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Participants")
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, HEADERS)
    for r in range(1, rows + 1):
        # one person per day (a 55-year cycle: files of more than 20,000 rows stay adult)
        birth = dt.datetime(1955, 1, 1) + dt.timedelta(days=r % 20_000)
        ws.write_row(r, 0, [f"{rnd.choice(LAST)}{r}", rnd.choice(FIRST)])
        ws.write_datetime(r, 2, birth, date_fmt)
        ws.write_row(r, 3, [rnd.choice(["F", "Homme", "femme", "H"]),
                            _phone(612_000_000 + r * 13),
                            f"p{r}@exemple.fr", float(rnd.choice([75019, 93200, 69001, 13001])),
                            rnd.choice(["Paris", "Saint-Denis", "Lyon", "Marseille"]),
                            rnd.choice(["Bac", "CAP, BEP", "NV3", "Aucune formation scolaire"]),
                            f"Cohorte {rnd.randrange(1, 7)}"])
        ws.write_datetime(r, 10, dt.datetime(2026, 1, 1) + dt.timedelta(days=rnd.randrange(300)),
                          date_fmt)
    wb.close()
    return path


class ImportBench:
    def __init__(self, tmp: Path) -> None:
        from citesdesk.core.db import open_database

        self.tmp = Path(tmp)
        self.xlsx = write_file(self.tmp / "participants-20000.xlsx")
        self.empty = self.tmp / "empty.sqlite"
        if not self.empty.exists():
            open_database(self.empty, create=True).close()
        self.n = 0

    def prepare(self) -> None:
        """A fresh copy of the empty database for the next timed call (not timed)."""
        from citesdesk.core.db import open_database

        self.n += 1
        target = self.tmp / f"run-{self.n}.sqlite"
        shutil.copy(self.empty, target)
        self.db = open_database(target)

    def _fresh(self):
        if getattr(self, "db", None) is None:
            self.prepare()
        db, self.db = self.db, None
        return db

    def run(self) -> None:
        from citesdesk.services import importer

        db = self._fresh()
        try:
            table = importer.load_table(self.xlsx, "participants")
            mapping, _ = importer.suggest_mapping(db, table)
            plan = importer.analyse(db, table, mapping)
            result = importer.commit(db, plan)
            assert result["counts"]["created"] == ROWS, result["counts"]
        finally:
            db.close()

    def floor(self) -> None:
        import python_calamine as pc

        db = self._fresh()
        try:
            rows = pc.CalamineWorkbook.from_path(str(self.xlsx)).get_sheet_by_index(0) \
                .to_python()[1:]
            now = "2026-01-01T00:00:00.000Z"
            with db.atomic():
                db.conn.executemany(
                    "INSERT INTO participant (uuid, created_at, updated_at, hlc, last_name, "
                    "first_name, birth_date, genre, phone, email, postcode, commune, "
                    "niveau_formation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(str(uuid.uuid4()), now, now, "0", r[0], r[1], str(r[2]), r[3], r[4], r[5],
                      str(r[6]), r[7], r[8]) for r in rows])
        finally:
            db.close()


def register(bench) -> None:
    state: dict = {}

    def setup():
        if "b" not in state:
            state["b"] = ImportBench(Path(bench.tmp))
        state["b"].prepare()

    def run():
        state["b"].run()

    def floor():
        state["b"].floor()

    bench.add("import 20,000 participants from .xlsx (validate + commit)", run, floor=floor,
              target_s=4.0, ratio_target=4.0, repeat=5, setup=setup)


if __name__ == "__main__":
    import os
    import statistics
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    with tempfile.TemporaryDirectory() as tmp:
        b = ImportBench(Path(tmp))
        times = {"run": [], "floor": []}
        for _ in range(int(os.environ.get("REPEAT", "3"))):
            for name in ("floor", "run"):
                b.prepare()
                t0 = time.perf_counter()
                getattr(b, name)()
                times[name].append(time.perf_counter() - t0)
        med, fl = statistics.median(times["run"]), statistics.median(times["floor"])
        print(f"import 20,000 participants: median {med:.2f} s (min {min(times['run']):.2f}, "
              f"max {max(times['run']):.2f}), floor {fl:.2f} s, ratio {med / fl:.2f} "
              f"(targets ≤ 4 s, ≤ 4×)")
