"""Shared fixtures: a fresh database per test, Qt offscreen."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CITESDESK_LANG", "fr")
# markers of work files in progress (citesdesk.core.files) go to a folder of the test run
os.environ.setdefault("CITESDESK_STATE_DIR", tempfile.mkdtemp(prefix="citesdesk-state-"))

import pytest  # noqa: E402

from citesdesk.core.db import open_database  # noqa: E402


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory, monkeypatch):
    """The user's data and state folders (automatic backups, wrong-passphrase counts, the
    window's place) in a temporary folder of each test, never in the real home (subprocesses inherit them)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    # CitésDesk's own state (work-file markers, the window's place): each test its own
    monkeypatch.setenv("CITESDESK_STATE_DIR", str(home / "citesdesk-state"))


@pytest.fixture
def db(tmp_path):
    """An empty, migrated site database in a temporary folder."""
    database = open_database(tmp_path / "site.sqlite", create=True)
    yield database
    database.close()
