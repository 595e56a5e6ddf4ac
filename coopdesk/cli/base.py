"""Foundation commands: init, backup, restore, units."""

from __future__ import annotations

import argparse

from coopdesk.cli import add_data_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("init", help="create the database for a unit")
    add_data_dir(p)
    p.add_argument("--unit", required=True, help="unit code, e.g. 3408 (Phường Tân Phong)")
    p.add_argument("--role", choices=["commune", "aggregator"], default="commune")
    p.add_argument("--officer", required=True, help="the officer's full name")
    p.set_defaults(func=_init)


def _init(args: argparse.Namespace) -> int:
    raise NotImplementedError  # the foundation helper fills this in
