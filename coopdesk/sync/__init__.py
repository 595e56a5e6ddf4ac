"""Sync: versions, the bundle file, export and import (DESIGN.md §5). No Qt here."""
