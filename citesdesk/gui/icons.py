"""Icons: SVG files shipped in ``citesdesk/assets/icons`` (sources and licences in
``resources/icons``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon


def assets_dir() -> Path:
    return Path(str(resources.files("citesdesk") / "assets"))


@cache
def icon(name: str) -> QIcon:
    path = assets_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
