"""One transaction on the data folder's database for a sync or trust command: a SyncError is
the officer's message (exit 1); a refused import is raised as it is (its command reports it)."""

from __future__ import annotations

import argparse
from typing import Any

from coopdesk import paths
from coopdesk.cli import CliError


def run(args: argparse.Namespace, fn: Any, *fn_args: Any) -> Any:
    """`fn(session, *fn_args)` in one transaction on the data folder's database."""
    from coopdesk.db.engine import open_database, session_scope
    from coopdesk.services import sync

    engine = open_database(paths.resolve_data_dir(args.data_dir), create=False)
    try:
        with session_scope(engine) as session:
            return fn(session, *fn_args)
    except sync.ImportRefused:
        raise
    except sync.SyncError as exc:
        raise CliError(str(exc)) from exc
    finally:
        engine.dispose()
