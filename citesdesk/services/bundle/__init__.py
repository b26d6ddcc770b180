"""The sync bundle for the national evaluation (``docs/design/BUNDLE.md``).

``preview`` says what the next bundle will hold, ``create_bundle`` writes it (encrypted to
the national recipients, signed by the site), ``history`` lists the bundles made, and
``inspect`` opens one. The national side's tools are in :mod:`citesdesk.services.national`.
"""

from citesdesk.services.bundle.create import (
    BundleResult,
    Summary,
    create_bundle,
    history,
    next_sequence,
    preview,
)
from citesdesk.services.bundle.inspect import inspect
from citesdesk.services.bundle.reader import BundleRefused

__all__ = ["BundleRefused", "BundleResult", "Summary", "create_bundle", "history", "inspect",
           "next_sequence", "preview"]
