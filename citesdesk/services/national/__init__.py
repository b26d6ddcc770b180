"""The national evaluation's tools: its key, and the consolidation of the sites' bundles."""

from citesdesk.services.national.consolidate import Consolidation, Outcome, consolidate
from citesdesk.services.national.keygen import keygen

__all__ = ["Consolidation", "Outcome", "consolidate", "keygen"]
