"""Opening an officer's spreadsheet safely: limits checked before and while reading.

A file may be huge, a zip bomb (tiny on disk, gigabytes once inflated), hold XML entities
that expand without end or read other files, be password-protected or simply broken.
`check_file` refuses what it can see before anything parses it: size, the zip's declared sizes,
encryption, and any DOCTYPE or ENTITY declaration in its XML (Excel never writes one; openpyxl
parses worksheets through defusedxml but the workbook, styles and strings through lxml when it
is installed, which expands internal entities). `Limits` bounds rows and cells while reading. Every refusal is an ExcelFileError whose message names the file.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from openpyxl import xml as openpyxl_xml

from coopdesk.i18n import _

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and an encrypted .xlsx
DECLARATIONS = tuple(
    word.encode(codec)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 60_000_000
    inflated_bytes: int = 600_000_000  # all the zip's members, as declared
    member_ratio: int = 200  # inflated / compressed for a member over 10 MB
    rows: int = 200_000
    columns: int = 200
    cells: int = 4_000_000


DEFAULT_LIMITS = Limits()


class ExcelFileError(Exception):
    """A spreadsheet that cannot be read, with the reason for a person (naming the file)."""


def named(path: Path, message: str) -> ExcelFileError:
    return ExcelFileError(_("The file “{name}”: {problem}").format(name=path.name, problem=message))


def check_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """The file's format, "xlsx" or "xls", once its size and make-up are safe to read."""
    if not openpyxl_xml.DEFUSEDXML:
        raise named(path, _("the protection against unsafe spreadsheets is not installed."))
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        reason = exc.strerror
        raise named(path, _("it cannot be opened ({reason}).").format(reason=reason)) from None
    if size > limits.file_bytes:
        raise named(
            path,
            _("it is larger than {mb} MB; split it into smaller files.").format(
                mb=limits.file_bytes // 1_000_000
            ),
        )
    if head == OLE_MAGIC:
        return _old_or_encrypted(path)
    if not zipfile.is_zipfile(path):
        raise named(path, _("it is damaged or is not an Excel file (.xlsx or .xls)."))
    _check_zip(path, limits)
    return "xlsx"


def _old_or_encrypted(path: Path) -> str:
    """An OLE file is an old .xls, or an .xlsx that Excel encrypted with a password."""
    with path.open("rb") as fh:
        body = fh.read(1_000_000)
    if "EncryptionInfo".encode("utf-16-le") in body:
        raise named(path, password_message())
    return "xls"


def password_message() -> str:
    return _("it is protected by a password; open it in Excel, remove the password and save.")


def _check_zip(path: Path, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise named(path, _("it is damaged or is not an Excel file (.xlsx or .xls).")) from None
    if sum(m.file_size for m in members) > limits.inflated_bytes:
        raise named(path, _("its contents would be too large once unpacked."))
    for member in members:
        if member.file_size > 10_000_000 and member.file_size > limits.member_ratio * max(
            member.compress_size, 1
        ):
            raise named(path, _("its contents would be too large once unpacked."))
    if not any(m.filename == "xl/workbook.xml" for m in members):
        raise named(path, _("it is damaged or is not an Excel file (.xlsx or .xls)."))
    try:
        with zipfile.ZipFile(path) as archive:
            declared = any(
                _declares(archive, m)
                for m in members
                if not m.is_dir() and not m.filename.startswith("xl/media/")  # pictures
            )
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
        raise named(path, _("it is damaged or is not an Excel file (.xlsx or .xls).")) from None
    if declared:
        raise named(
            path,
            _(
                "it holds declarations Excel never writes, which can be used to harm the computer; open it in Excel and save it again."
            ),
        )


def _declares(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether the member holds a DOCTYPE or ENTITY declaration, read in blocks."""
    tail = b""
    with archive.open(member) as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            window = tail + block
            if any(word in window for word in DECLARATIONS):
                return True
            tail = window[-32:]
    return False
