"""Fixtures of the bundle tests (the site itself is built in ``site_fixture``)."""

from tests.services.bundle.site_fixture import national, site  # noqa: F401
