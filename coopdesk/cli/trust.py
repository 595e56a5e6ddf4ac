"""Trust commands: identity, registration export|import, trust list|revoke, quarantine
list|retry|drop.

coopdesk identity --data-dir DIR [--password-file FILE] [--json]   make the keys, or show them
coopdesk keys rotate --data-dir DIR [--password-file FILE] [--json]   new keys, announced
coopdesk reidentify --data-dir DIR [--password-file FILE]   a copied database becomes its own
coopdesk registration export --data-dir DIR --out FILE
(export-bundle and import-bundle take --password-file too, to open the keys)
coopdesk registration import --data-dir DIR FILE --fingerprint "1234 5678 …" [--password-file FILE]
coopdesk trust list --data-dir DIR [--json]
coopdesk trust revoke --data-dir DIR KEY_OR_FINGERPRINT [--password-file FILE]
coopdesk receipts --data-dir DIR [--json]   bundles sent, and when each recipient merged them
coopdesk quarantine list --data-dir DIR [--json]
coopdesk quarantine retry --data-dir DIR ID [--fingerprint "1234 …"] [--password-file FILE]
coopdesk quarantine drop --data-dir DIR ID

A password comes from `--password-file` (its first line) or is asked for without echo.
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import Any

from coopdesk.cli import CliError, add_data_dir, print_json
from coopdesk.cli.session import run as _run
from coopdesk.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "identity",
        help="this installation's keys and fingerprint (made the first time)",
        description="Show the fingerprint of this installation's keys; the first time, make "
        "the keys, protected by a password, and print the recovery code to keep on paper.",
    )
    add_data_dir(p, json_output=True)
    p.add_argument("--password-file", help="a file whose first line is the password")
    p.set_defaults(func=_identity)

    keys = subparsers.add_parser("keys", help="change this installation's keys")
    sub = keys.add_subparsers(dest="action", required=True)
    p = sub.add_parser(
        "rotate",
        help="make new keys, announced to the others by the current ones",
        description="Make new keys for this installation (the same password, a new recovery "
        "code). The next bundles carry the new keys signed by the current ones, so the "
        "offices that trust this installation take them without a new registration file.",
    )
    add_data_dir(p, json_output=True)
    add_password_file(p)
    p.set_defaults(func=_rotate)
    p = subparsers.add_parser(
        "reidentify",
        help="a database copied from another laptop becomes an installation of its own",
        description="Run this on a laptop set up by copying another laptop's database: it "
        "gets a new replica id and new keys (its data is kept), announced by the keys it "
        "shares with the other laptop, so the changes of both reach the province.",
    )
    add_data_dir(p, json_output=True)
    add_password_file(p)
    p.set_defaults(func=_reidentify)

    reg = subparsers.add_parser("registration", help="exchange keys with another unit")
    sub = reg.add_subparsers(dest="action", required=True)
    p = sub.add_parser("export", help="write this installation's registration file")
    add_data_dir(p)
    p.add_argument("--out", required=True, help="the registration file to write")
    p.set_defaults(func=_registration_export)
    p = sub.add_parser("import", help="trust a sender once its fingerprint matches")
    add_data_dir(p, json_output=True)
    p.add_argument("file", help="the registration file received")
    p.add_argument("--fingerprint", required=True, help="the fingerprint read over the phone")
    add_password_file(p)
    p.set_defaults(func=_registration_import)

    tr = subparsers.add_parser("trust", help="the installations trusted here")
    sub = tr.add_subparsers(dest="action", required=True)
    p = sub.add_parser("list", help="who, unit, fingerprint, since, status")
    add_data_dir(p, json_output=True)
    p.set_defaults(func=_trust_list)
    p = sub.add_parser("revoke", help="stop trusting a key (a lost laptop)")
    add_data_dir(p, json_output=True)
    p.add_argument("key", help="the key id or fingerprint shown by `coopdesk trust list`")
    add_password_file(p)
    p.set_defaults(func=_revoke)

    p = subparsers.add_parser(
        "receipts", help="the bundles sent from here, and when each recipient merged them"
    )
    add_data_dir(p, json_output=True)
    p.set_defaults(func=_receipts)

    q = subparsers.add_parser("quarantine", help="bundles refused and kept aside")
    sub = q.add_subparsers(dest="action", required=True)
    p = sub.add_parser("list", help="the refused bundles, with why")
    add_data_dir(p, json_output=True)
    p.set_defaults(func=_quarantine_list)
    p = sub.add_parser(
        "retry",
        help="import a kept bundle again (with --fingerprint, trust its sender first)",
        description="Import a bundle kept aside again, as import-bundle would. With "
        "--fingerprint, first trust the keys it was signed with as its sender's, once the "
        "fingerprint its officer reads you over the phone matches.",
    )
    add_data_dir(p, json_output=True)
    add_password_file(p)
    p.add_argument("id", type=int, help="the number shown by `coopdesk quarantine list`")
    p.add_argument("--fingerprint", help="the sender's fingerprint read over the phone")
    p.set_defaults(func=_quarantine_retry)
    p = sub.add_parser("drop", help="delete a kept bundle")
    add_data_dir(p)
    p.add_argument("id", type=int, help="the number shown by `coopdesk quarantine list`")
    p.set_defaults(func=_quarantine_drop)


def read_password(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The password from --password-file, else asked for (twice when making keys)."""
    if getattr(args, "password_file", None):
        try:
            lines = Path(args.password_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise CliError(str(exc)) from exc
        return lines[0] if lines else ""
    password = getpass.getpass(_("Password: "))
    if confirm and getpass.getpass(_("Password again: ")) != password:
        raise CliError(_("The two passwords differ; nothing was changed."))
    return password


def add_password_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-file", help="a file whose first line is the password of this installation"
    )


def unlock_keys(args: argparse.Namespace) -> None:
    """Open this installation's keys for the run (the password asked for, or its file),
    unless they are open already, are a demo's, or there are none (the command says so)."""
    from coopdesk.services import trust

    if _run(args, trust.identity) is None or _run(args, trust.is_unlocked):
        return
    if args.password_file or not _run(args, trust.unlock_demo):
        _run(args, trust.unlock, read_password(args))


def _identity(args: argparse.Namespace) -> int:
    from coopdesk.services import trust

    info = _run(args, trust.identity)
    if info is None:
        info = _run(args, trust.create_identity, read_password(args, confirm=True))
    if args.json:
        print_json({"fingerprint": info.fingerprint, "key_id": info.key_id,
                    "recovery_code": info.recovery_code or None})  # fmt: skip
        return 0
    print(_("Fingerprint of this installation: {fp}").format(fp=info.fingerprint))
    if info.recovery_code:
        print(_("Recovery code (write it down and keep it safe): {code}").format(
            code=info.recovery_code))  # fmt: skip
    return 0


def _rotate(args: argparse.Namespace) -> int:
    from coopdesk.services import trust

    return _print_new_keys(args, _run(args, trust.rotate_keys, read_password(args)))


def _reidentify(args: argparse.Namespace) -> int:
    from coopdesk.services import trust

    info = _run(args, trust.reidentify, read_password(args))
    if not args.json:
        print(_("This laptop is now an installation of its own; its data is kept."))
    return _print_new_keys(args, info)


def _print_new_keys(args: argparse.Namespace, info: Any) -> int:
    if args.json:
        print_json({"fingerprint": info.fingerprint, "key_id": info.key_id,
                    "recovery_code": info.recovery_code})  # fmt: skip
        return 0
    print(_("New keys made. Fingerprint: {fp}").format(fp=info.fingerprint))
    print(_("Recovery code (write it down and keep it safe): {code}").format(
        code=info.recovery_code))  # fmt: skip
    print(_("The next bundles carry the new keys, signed by the old ones: the offices that "
            "trust this installation take them when they import one."))  # fmt: skip
    return 0


def _registration_export(args: argparse.Namespace) -> int:
    from coopdesk.services import trust

    data = _run(args, trust.export_registration)
    Path(args.out).write_bytes(data)
    info = _run(args, trust.identity)
    print(_("Registration file written to {file}. Read this fingerprint to the receiver by "
            "phone: {fp}").format(file=args.out, fp=info.fingerprint))  # fmt: skip
    return 0


def _registration_import(args: argparse.Namespace) -> int:
    from coopdesk.services import trust

    try:
        data = Path(args.file).read_bytes()[: 64 * 1024]
    except OSError as exc:
        raise CliError(str(exc)) from exc
    peer = _run(args, trust.import_registration, data, args.fingerprint)
    if args.json:
        print_json(peer)
    else:
        print(_("{unit} ({officer}) is now trusted: its bundles can be imported.").format(
            unit=peer["unit_name"], officer=peer["officer"]))  # fmt: skip
    return 0


def _trust_list(args: argparse.Namespace) -> int:
    from coopdesk.services import trust

    peers = _run(args, trust.trust_list)
    if args.json:
        print_json(peers)
        return 0
    if not peers:
        print(_("No installation is trusted here yet."))
    for p in peers:
        since = _("since {date}").format(date=p["since"][:10])
        status = trust.status_label(p["status"])
        print(f"{_unit(p)}  {p['officer']}  {p['fingerprint']}  {since}  {status}")
    return 0


def _unit(peer: dict[str, str]) -> str:
    """A unit as an officer knows it: its name, with its code."""
    return f"{peer['unit_name']} ({peer['unit']})"


def _revoke(args: argparse.Namespace) -> int:
    from coopdesk.services import trust

    peer = _run(args, trust.revoke, args.key)
    if args.json:
        print_json(peer)
    else:
        print(_("The key of {unit} ({officer}) is revoked: its bundles will be refused.").format(
            unit=peer["unit_name"], officer=peer["officer"]))  # fmt: skip
    return 0


def _receipts(args: argparse.Namespace) -> int:
    from coopdesk.services import trust

    sent = _run(args, trust.sent_bundles)
    if args.json:
        print_json(sent)
        return 0
    if not sent:
        print(_("No bundle has been sent from here yet."))
    for b in sent:
        head = _("Bundle {seq} to {unit}").format(seq=b["seq"], unit=b["recipient_name"])
        print(f"{head}  {b['created_at'][:10]}: {trust.receipt_text(b)}")
    return 0


def _quarantine_list(args: argparse.Namespace) -> int:
    from coopdesk.services import trust

    kept = _run(args, trust.quarantine_list)
    if args.json:
        print_json(kept)
        return 0
    if not kept:
        print(_("No bundle has been refused and kept aside."))
    for q in kept:
        sender = f"{q['sender_name']} ({q['sender_unit']})" if q["sender_unit"] else "?"
        when = q["received_at"][:16].replace("T", " ")
        print(f"{q['id']}  {when}  {sender}  {q['fingerprint']}  {q['file']}")
        print(f"    {q['reason_text']}: {q['message']}")
    return 0


def _quarantine_retry(args: argparse.Namespace) -> int:
    from coopdesk.services import sync, trust

    if args.fingerprint:
        peer = _run(args, trust.trust_kept_sender, args.id, args.fingerprint)
        print(_("{unit} is now trusted with the fingerprint {fp}.").format(
            unit=peer["unit_name"], fp=peer["fingerprint"]))  # fmt: skip
    unlock_keys(args)
    try:
        report = _run(args, trust.retry_kept, args.id)
    except sync.ImportRefused as exc:
        if args.json:
            print_json(exc.report.to_json())
            return 2
        raise CliError(exc.report.message) from exc
    if args.json:
        print_json(report.to_json())
    elif report.already_imported:
        print(report.message)
    else:
        print(_("Bundle {seq} from {unit} imported (import {id}):").format(
            seq=report.seq, unit=report.sender_name, id=report.import_id))  # fmt: skip
        print(report.summary())
    return 0


def _quarantine_drop(args: argparse.Namespace) -> int:
    from coopdesk.services import trust

    _run(args, trust.drop_kept, args.id)
    print(_("The kept bundle {id} is deleted.").format(id=args.id))
    return 0
