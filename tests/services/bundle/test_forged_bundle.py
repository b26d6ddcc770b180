"""A forged bundle costs the national side little: the signature and the signed sizes are
checked before any data member is inflated (1,000 MiB of zeros in a 1 MB bundle)."""

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pyrage
import pytest

from citesdesk.services.bundle import create_bundle
from tests.services.bundle.helpers import members
from tests.services.bundle.site_fixture import TODAY
from tests.services.zip_bombs import add_repeated

ROOT = Path(__file__).resolve().parents[3]
HUGE = "data/evenements.csv"

_LIMITED = """
import resource, sys
limit = int(sys.argv[1]) * 2**20
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from citesdesk.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _forge(good: dict, recipient: str, path: Path, *, sign: bool) -> Path:
    """``good``'s members with 1,000 MiB of zeros as the events; the description either
    keeps its valid signature (its sizes then disagree) or is altered (signature broken)."""
    items = dict(good)
    if not sign:
        package = json.loads(items["datapackage.json"])
        package["citesdesk"]["sequence"] = 7
        items["datapackage.json"] = json.dumps(package).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in items.items():
            if name != HUGE:
                zf.writestr(name, data)
    add_repeated(buf, HUGE, b"", b"\0" * (1 << 20), 1000, b"")
    path.write_bytes(pyrage.encrypt(buf.getvalue(),
                                    [pyrage.x25519.Recipient.from_str(recipient)]))
    return path


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS as Linux counts it")
@pytest.mark.parametrize("sign, reason", [(False, "bad_signature"), (True, "hash_mismatch")])
def test_forged_bundle_refused_in_little_memory(site, national, tmp_path, sign, reason):
    lot = tmp_path / "lot.citesbundle"
    create_bundle(site["db"], lot, today=TODAY)
    forged = _forge(members(lot, national[0]), national[1], tmp_path / "faux.citesbundle",
                    sign=sign)
    assert forged.stat().st_size < 2 << 20
    out = tmp_path / "national"
    proc = subprocess.run(
        [sys.executable, "-c", _LIMITED, "600", "national", "consolidate", str(forged),
         "--identity", str(national[0]), "--out", str(out), "--json"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
        timeout=300)
    assert proc.returncode == 1, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert [f["reason_code"] for f in report["files"]] == [reason]
