"""Update the Qt Linguist sources and compile them.

    python i18n/update.py            # lupdate every area, then lrelease
    python i18n/update.py gui        # only some areas
    python i18n/update.py --check    # fail if a translation is missing (unfinished)

Each area is a list of source files (globs, relative to the project root) whose visible
strings go to ``i18n/<area>_en.ts``. French is the source language; the ``.ts`` files
hold the English translations (edit them with Qt Linguist or by hand: replace every
``type="unfinished"`` translation). Compiled files go to
``citesdesk/assets/i18n/<area>_en.qm`` (committed, shipped in the wheel, loaded by
:func:`citesdesk.gui.app.load_translators`). To add an area: one line in ``AREAS``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en",)

#: area -> source files (globs). Keep one line per area to ease merges.
AREAS: dict[str, list[str]] = {
    "gui": ["citesdesk/gui/*.py", "citesdesk/gui/screens/__init__.py",
            "citesdesk/gui/screens/base.py", "citesdesk/gui/screens/participants.py",
            "citesdesk/gui/participant_*.py", "citesdesk/gui/participants_*.py"],
    "journey": ["citesdesk/gui/journey.py", "citesdesk/gui/journey_dialogs.py",
                "citesdesk/gui/notes.py",
                "citesdesk/gui/cohort_dialogs.py", "citesdesk/gui/screens/cohorts.py",
                "citesdesk/gui/screens/bin.py"],
    "export": ["citesdesk/gui/screens/exports.py"],
    "import": ["citesdesk/gui/import_wizard.py", "citesdesk/gui/import_dry_run.py",
               "citesdesk/gui/screens/imports.py"],
    "print": ["citesdesk/gui/printing/*.py"],
    "bundle": ["citesdesk/gui/screens/evaluation.py"],
    "partners": ["citesdesk/gui/partner_form.py", "citesdesk/gui/referral_dialogs.py",
                 "citesdesk/gui/settings_dialog.py",
                 "citesdesk/gui/screens/dashboard.py", "citesdesk/gui/screens/partners.py",
                 "citesdesk/gui/screens/referrals.py", "citesdesk/gui/bundle_inspect.py"],
    "safety": ["citesdesk/gui/instance.py"],
    "qpv": ["citesdesk/gui/qpv_picker.py"],
    "search": ["citesdesk/gui/participant_picker.py"],
    "team": ["citesdesk/gui/screens/team.py", "citesdesk/gui/team_tasks.py",
             "citesdesk/gui/team_moved.py", "citesdesk/gui/team_open.py"],
    "window": ["citesdesk/gui/screens/retention.py", "citesdesk/gui/records_dialog.py",
               "citesdesk/gui/erasure.py"],
    "forms": ["citesdesk/gui/forms/*.py"],
    "security": ["citesdesk/gui/security/*.py", "citesdesk/gui/screens/audit.py"],
}


def _claimed_elsewhere(area: str) -> set[str]:
    """Files that another area names exactly (no wildcard): they belong to that area only,
    even when a wider pattern of ``area`` (``citesdesk/gui/*.py``) matches them too."""
    return {p for other, patterns in AREAS.items() if other != area
            for p in patterns if not any(ch in p for ch in "*?[")}


def sources(area: str) -> list[str]:
    files: list[str] = []
    for pattern in AREAS[area]:
        files.extend(str(p.relative_to(ROOT)) for p in sorted(ROOT.glob(pattern)))
    return sorted(set(files) - _claimed_elsewhere(area))


def ts_path(area: str, lang: str) -> Path:
    return ROOT / "i18n" / f"{area}_{lang}.ts"


def qm_path(area: str, lang: str) -> Path:
    return ROOT / "citesdesk" / "assets" / "i18n" / f"{area}_{lang}.qm"


def update(area: str) -> None:
    files = sources(area)
    if not files:
        print(f"{area}: no source files", file=sys.stderr)
        return
    for lang in LANGUAGES:
        ts = ts_path(area, lang)
        subprocess.run(["pyside6-lupdate", "-no-obsolete", "-locations", "none",
                        "-source-language", "fr", "-target-language", lang,
                        *files, "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)
        qm = qm_path(area, lang)
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


#: Qt's own strings that PySide6's qtbase_fr.qm leaves in English: a French catalogue of
#: ours, loaded after Qt's (see citesdesk.gui.app.load_translators, "*_fr.qm").
QT_EXTRA = ROOT / "i18n" / "qtbase_extra_fr.ts"


def update_qt_extra() -> None:
    qm = ROOT / "citesdesk" / "assets" / "i18n" / "qtbase_extra_fr.qm"
    subprocess.run(["pyside6-lrelease", str(QT_EXTRA), "-qm", str(qm)], cwd=ROOT, check=True)


def unfinished(area: str) -> int:
    count = 0
    for lang in LANGUAGES:
        ts = ts_path(area, lang)
        if ts.exists():
            count += ts.read_text(encoding="utf-8").count('type="unfinished"')
    return count


def main(argv: list[str]) -> int:
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("--")] or list(AREAS)
    unknown = [n for n in names if n not in AREAS]
    if unknown:
        print(f"unknown area(s): {', '.join(unknown)}; known: {', '.join(AREAS)}",
              file=sys.stderr)
        return 2
    missing = 0
    if not check:
        update_qt_extra()
    for name in names:
        if not check:
            update(name)
        n = unfinished(name)
        missing += n
        if n:
            print(f"{name}: {n} translation(s) missing in {ts_path(name, 'en').name}")
    return 1 if (check and missing) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
