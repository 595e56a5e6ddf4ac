"""CoopDesk: offline registry, indicators, reports and sync for Đề án 01."""

from importlib import metadata

try:
    __version__ = metadata.version("coopdesk")
except metadata.PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

APP_NAME = "CoopDesk"
