"""CoopDesk: offline registry, indicators, reports and sync for Đề án 01."""

import os
import sys


def _installed_version() -> str:
    """The version of the installed distribution, as importlib.metadata finds it (the first
    entry of sys.path holding coopdesk's metadata), read without importing importlib.metadata:
    its email parser costs every start and every command 0.1–0.4 s."""
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        for name in names:
            lowered = name.lower()
            if lowered.startswith("coopdesk-") and lowered.endswith(".dist-info"):
                found = _version_line(os.path.join(entry, name, "METADATA"))
            elif lowered.startswith("coopdesk") and lowered.endswith(".egg-info"):
                found = _version_line(os.path.join(entry, name, "PKG-INFO"))
            else:
                continue
            if found:
                return found
    from importlib import metadata  # an unusual layout: ask the library

    try:
        return metadata.version("coopdesk")
    except metadata.PackageNotFoundError:  # running from a source tree that was not installed
        return "0.0.0"


def _version_line(file: str) -> str | None:
    try:
        with open(file, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
                if not line.strip():  # the headers end at the first empty line
                    break
    except OSError:
        pass
    return None


__version__ = _installed_version()

APP_NAME = "CoopDesk"
