"""`coopdesk guide --out FILE.pdf [--lang vi|en]`: the user guide as a printable PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from coopdesk.cli import CliError
from coopdesk.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("guide", help="save the user guide as a printable PDF")
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="language of the guide (default vi)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from coopdesk.services import guide

    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(_("The folder {folder} does not exist.").format(folder=out.parent))
    out.write_bytes(guide.guide_pdf(args.lang))
    print(_("Saved {file}").format(file=out))
    return 0
