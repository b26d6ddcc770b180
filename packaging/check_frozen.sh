#!/usr/bin/env bash
# Build the Linux folder and run the frozen program offscreen, as a coordinator's laptop would:
# --version, demo, export quarter, print participant, an encrypted database (CLI and window),
# and a real window start in English.
# Usage: bash packaging/check_frozen.sh [PYTHON]   (run from the project root; used by .ci/run)
set -euo pipefail
python=${1:-python3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen

"$python" "$root/packaging/build.py" --dist "$work/dist" --work "$work/build"
app="$work/dist/citesdesk/citesdesk"
internal="$work/dist/citesdesk/_internal"
# The resources the program loads by path: our translations, fonts, help, icons, Qt's French.
for f in citesdesk/assets/i18n/gui_en.qm citesdesk/assets/fonts/DejaVuSans.ttf \
         citesdesk/assets/help/fr/10-demarrer.md citesdesk/assets/icons/citesdesk.svg \
         citesdesk/assets/i18n/qtbase_extra_fr.qm PySide6/Qt/translations/qtbase_fr.qm; do
    test -s "$internal/$f" || { echo "missing in the frozen folder: $f" >&2; exit 1; }
done
run() { echo "+ citesdesk $*"; (cd "$work" && "$app" "$@"); }

run --version | grep -q "CitésDesk"
# The commands are found in the frozen folder, and the parser speaks French.
run --help | grep -q "import-template"
run info --help | grep -q "afficher cette aide et quitter"
run demo --db "$work/demo.sqlite" --participants 40 --seed 3
run info --db "$work/demo.sqlite" --json > "$work/info.json"
grep -q '"participant"' "$work/info.json"
run export quarter --db "$work/demo.sqlite" --quarter "$(date +%Y)-T1" --out "$work/q.xlsx"
test -s "$work/q.xlsx"
ref=$("$python" - "$work/demo.sqlite" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT uuid FROM participant WHERE deleted_at IS NULL LIMIT 1").fetchone()[0])
PY
)
run print participant "$ref" --db "$work/demo.sqlite" --out "$work/fiche.pdf"
head -c 5 "$work/fiche.pdf" | grep -q "%PDF-"
# An encrypted database (SQLCipher carried in the folder): created, read back with its
# passphrase, refused without it, and no name readable in the raw file.
export CITESDESK_PASSPHRASE="phrase secrète du contrôle gelé"
run init --db "$work/enc.sqlite" --site-code C93099 --site-name "Cité Quintessence" --encrypt
run info --db "$work/enc.sqlite" > "$work/enc-info.txt"
grep -q "Cité Quintessence" "$work/enc-info.txt"
if grep -a -q "Quintessence" "$work"/enc.sqlite*; then
    echo "the encrypted database shows the site's name in clear" >&2; exit 1
fi
if CITESDESK_PASSPHRASE="une phrase qui est fausse" run info --db "$work/enc.sqlite" 2> "$work/wrong.txt"; then
    echo "a wrong passphrase opened the encrypted database" >&2; exit 1
fi
grep -q "ne permet pas d'ouvrir" "$work/wrong.txt"
CITESDESK_SMOKE_TEST=1 run --db "$work/enc.sqlite" > "$work/window-enc.txt"
grep -q "window shown" "$work/window-enc.txt"
unset CITESDESK_PASSPHRASE
# A real window, in English, that paints and closes itself.
CITESDESK_SMOKE_TEST=1 run --db "$work/demo.sqlite" --lang en > "$work/window.txt"
cat "$work/window.txt"
grep -q "window shown" "$work/window.txt"
grep -q "lang=en" "$work/window.txt"
echo "Frozen program checked: $(du -sh "$work/dist/citesdesk" | cut -f1)"
