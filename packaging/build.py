"""Build CitésDesk for the current system: ``python packaging/build.py``.

Runs PyInstaller on ``packaging/citesdesk.spec`` (one folder in ``dist/citesdesk``), adds the
desktop integration files, and on Windows compiles the Inno Setup installer when ``iscc`` is
on the PATH. Prints the size of what it built.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "org.citesdesk.CitesDesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def human(size: int) -> str:
    return f"{size / 1_000_000:.1f} Mo"


def add_linux_integration(app_dir: Path) -> None:
    share = app_dir / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy(PACKAGING / "linux" / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml", share / "metainfo")
    (share / "mime" / "packages").mkdir(parents=True, exist_ok=True)
    shutil.copy(PACKAGING / "linux" / "citesdesk-bundle.xml", share / "mime" / "packages")
    icons = share / "icons" / "hicolor"
    (icons / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    shutil.copy(PACKAGING / "icons" / "citesdesk.svg", icons / "scalable" / "apps" / f"{APP_ID}.svg")
    for size in ICON_SIZES:
        target = icons / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(PACKAGING / "icons" / f"citesdesk-{size}.png", target / f"{APP_ID}.png")
    shutil.copy(PACKAGING / "linux" / "install.sh", app_dir / "install.sh")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="output folder")
    parser.add_argument("--work", default=str(ROOT / "build"), help="PyInstaller work folder")
    args = parser.parse_args(argv)
    dist = Path(args.dist)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", args.work, str(PACKAGING / "citesdesk.spec")],
        check=True, cwd=ROOT,
    )
    app_dir = dist / "citesdesk"
    if sys.platform.startswith("linux"):
        add_linux_integration(app_dir)
    print(f"Dossier construit : {app_dir} — {human(folder_size(app_dir))}")
    if sys.platform == "win32":
        iscc = shutil.which("iscc") or shutil.which("ISCC")
        if iscc:
            subprocess.run([iscc, f"/DSourceDir={app_dir}", f"/O{dist}",
                            str(PACKAGING / "windows" / "citesdesk.iss")], check=True)
            for setup in dist.glob("CitesDesk-*-setup.exe"):
                print(f"Installateur : {setup} — {human(setup.stat().st_size)}")
        else:
            print("Inno Setup (iscc) introuvable : seul le dossier a été construit.",
                  file=sys.stderr)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
