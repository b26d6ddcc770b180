"""Shared fixtures: a fresh database per test, Qt offscreen."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CITESDESK_LANG", "fr")
# markers of work files in progress (citesdesk.core.files) go to a folder of the test run
os.environ.setdefault("CITESDESK_STATE_DIR", tempfile.mkdtemp(prefix="citesdesk-state-"))

import pytest  # noqa: E402

from citesdesk.core.db import open_database  # noqa: E402


@pytest.fixture
def db(tmp_path):
    """An empty, migrated site database in a temporary folder."""
    database = open_database(tmp_path / "site.sqlite", create=True)
    yield database
    database.close()
