"""`coopdesk` / `python -m coopdesk`: a command runs headless; no command starts the GUI."""

from coopdesk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
