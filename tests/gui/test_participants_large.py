"""100,000 participants: the list opens, scrolls and sorts without blocking the GUI.

The rows are inserted with one ``executemany`` (the full-text trigger is set aside during
the insert to keep the fixture quick: these tests scroll and sort, they do not search).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer

from citesdesk.core.db import open_database
from citesdesk.gui.participants_model import MAX_PAGES, PAGE_SIZE

N = 100_000
NOW = "2026-01-01T00:00:00.000Z"


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "site.sqlite"
    db = open_database(path, create=True)
    db.execute("INSERT INTO site(uuid, created_at, updated_at, hlc, name, site_code) "
               "VALUES ('s', ?, ?, 'h', 'Grand site', 'CDE-93-100')", [NOW, NOW])
    trigger = db.execute("SELECT sql FROM sqlite_master "
                         "WHERE name = 'participant_fts_insert'").fetchone()[0]
    db.execute("DROP TRIGGER participant_fts_insert")
    rows = ((f"u{i}", NOW, NOW, f"h{i}", f"Nom{i * 7919 % N:05d}", f"Prénom{i % 50}",
             f"19{50 + i % 50}-0{1 + i % 9}-1{i % 10}", "FHXN"[i % 4]) for i in range(N))
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO participant(uuid, created_at, updated_at, hlc, last_name, first_name, "
            "birth_date, genre) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute(trigger)
    db.close()
    return path


@pytest.fixture
def big_list(big_site, make_app, qtbot):
    app = make_app(big_site)
    app.window.show()
    screen = app.window.screen("participants")
    if screen.model.loading or screen.model.rowCount() == 0:
        with qtbot.waitSignal(screen.model.loaded, timeout=30000):
            pass
    return screen


def test_opens_with_every_row_but_reads_only_visible_pages(big_list, qtbot):
    model = big_list.model
    assert model.rowCount() == N
    assert big_list.count_label.text() == "100\u202f000 participants"
    QCoreApplication.processEvents()
    assert model.index(0, 0).data() == "Nom00000"
    assert model.pages_fetched <= 2
    big_list.table.scrollToBottom()
    QCoreApplication.processEvents()
    assert model.index(N - 1, 0).data() == f"Nom{N - 1:05d}"
    assert model.index(N - 1, 2).data().count("/") == 2  # dd/mm/yyyy
    # Only the pages at the top and at the bottom were read: not the 500 in between.
    assert model.pages_fetched <= 4
    assert model.cached_pages() <= MAX_PAGES
    big_list.table.verticalScrollBar().setValue(N // 2)
    QCoreApplication.processEvents()
    assert model.pages_fetched <= 6
    assert model.index(N // 2, 0).data() == f"Nom{N // 2:05d}"


def test_sorting_runs_off_the_gui_thread(big_list, qtbot):
    model = big_list.model
    header = big_list.table.horizontalHeader()
    ticks = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(model.loaded, timeout=30000):
        # A click on the "Nom" header: sorted by name already, so now descending.
        x = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))
        assert model.loading  # the click returned at once; SQLite sorts on the read thread
    timer.stop()
    assert ticks  # the GUI's event loop kept running while the 100,000 rows were sorted
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert model.rowCount() == N
    assert model.index(0, 0).data() == f"Nom{N - 1:05d}"
    assert model.index(N - 1, 0).data() == "Nom00000"
    assert model.pages_fetched <= 2
    with qtbot.waitSignal(model.loaded, timeout=30000):
        big_list.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    births = [model.index(r, 2).data() for r in range(PAGE_SIZE)]
    assert births[0].endswith("/1950")


def test_search_on_a_large_list_is_paged_too(big_list, qtbot, type_text):
    model = big_list.model
    with qtbot.waitSignal(model.loaded, timeout=30000):
        big_list.status.setCurrentIndex(big_list.status.findData("active"))
    assert model.rowCount() == 0
    assert big_list.count_label.text() == "0 participant"
