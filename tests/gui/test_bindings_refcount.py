"""The Qt bindings keep Python's reference counts right.

PySide6 6.12.0 on Python 3.11 dropped a reference to ``None`` on every call of a method
that returns nothing; a screen filling a few thousand table cells then aborted the whole
program ("Fatal Python error: none_dealloc"). This guards the pinned version: a fresh
interpreter fills 60,000 cells (what the referrals screen does on the large site) and
must live to say so.
"""

import os
import subprocess
import sys

FILL = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QTableWidgetItem
app = QApplication([])
table, label = QTableWidget(10000, 6), QLabel()
before = sys.getrefcount(None)
for row in range(10000):
    for col in range(6):
        table.setItem(row, col, QTableWidgetItem("x"))
    label.setText(str(row))
print("alive", before - sys.getrefcount(None))
"""


def test_filling_sixty_thousand_cells_does_not_abort_the_program():
    result = subprocess.run([sys.executable, "-c", FILL], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-500:]
    lost = int(result.stdout.split("alive")[1])
    assert lost < 1000  # a reference lost per call would be 70,000
