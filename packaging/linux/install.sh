#!/bin/sh
# Install CitésDesk for the current user, without administrator rights:
# the program in ~/.local/lib/citesdesk, the command in ~/.local/bin, the menu entry,
# icons, AppStream metadata and the .citesbundle and .citesequipe file types in ~/.local/share.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
lib=$HOME/.local/lib/citesdesk
bin=$HOME/.local/bin
mkdir -p "$lib" "$bin" "$data"
cp -a "$here"/. "$lib"/
ln -sf "$lib/citesdesk" "$bin/citesdesk"
cp -a "$here/share/." "$data/"
sed -i "s|^Exec=citesdesk|Exec=$lib/citesdesk|" "$data/applications/org.citesdesk.CitesDesk.desktop"
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "CitésDesk est installé : lancez-le depuis le menu ou avec « $bin/citesdesk »."
