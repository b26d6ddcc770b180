"""The team exchange between the site's laptops (``docs/design/SYNC.md``, ``docs/team.md``).

``keys`` (this laptop's keys, the colleagues'), ``export`` (the file for the team),
``merge`` (a colleague's file), ``conflicts`` (concurrent edits, "keep this value"),
``copies`` (the site for a new colleague's laptop), ``shared`` (the optional shared
folder). No Qt here.
"""

from citesdesk.services.team.apply import Cancelled
from citesdesk.services.team.conflicts import conflicts, keep, waiting_count
from citesdesk.services.team.copies import copy_for_colleague
from citesdesk.services.team.export import ExportResult, export
from citesdesk.services.team.fileformat import SUFFIX, TeamRefused
from citesdesk.services.team.keys import (
    add_member,
    members,
    my_key,
    read_public_key,
    write_public_key,
)
from citesdesk.services.team.merge import MergeResult, NeedsConfirmation, check, merge
from citesdesk.services.team.shared import (
    set_shared_folder,
    shared_folder,
    sync_shared_folder,
)

__all__ = ["SUFFIX", "Cancelled", "ExportResult", "MergeResult", "NeedsConfirmation",
           "TeamRefused", "add_member", "check", "conflicts", "copy_for_colleague", "export",
           "keep", "members", "merge", "my_key", "read_public_key", "set_shared_folder",
           "shared_folder", "sync_shared_folder", "waiting_count", "write_public_key"]
