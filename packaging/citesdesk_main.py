"""Entry point of the frozen application (PyInstaller)."""

import multiprocessing

from citesdesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # batch printing uses worker processes
    raise SystemExit(main())
