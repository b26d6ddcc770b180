"""Shared fixtures: a fresh database per test, Qt offscreen."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CITESDESK_LANG", "fr")

import pytest  # noqa: E402

from citesdesk.core.db import open_database  # noqa: E402


@pytest.fixture
def db(tmp_path):
    """An empty, migrated site database in a temporary folder."""
    database = open_database(tmp_path / "site.sqlite", create=True)
    yield database
    database.close()
