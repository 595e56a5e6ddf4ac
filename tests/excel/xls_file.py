"""Old Excel 97–2003 (.xls) files written by hand for tests: one sheet of text and numbers in a
BIFF8 workbook stream inside an OLE2 compound file, with the fonts each text cell is typed in,
as Excel leaves them (no library writes .xls any more).

    write_xls(path, "Hội viên", [["Họ và tên", "Năm sinh"], [("NguyÔn ThÞ Hoµ", ".VnTime"), 1980]])
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SECTOR = 512
END, FREE, FAT_SECTOR = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _text(text: str, length_bytes: int) -> bytes:
    """A BIFF8 string: its length, the 'UTF-16' flag, its characters."""
    return (
        struct.pack("<H" if length_bytes == 2 else "<B", len(text))
        + b"\x01"
        + text.encode("utf-16-le")
    )


def _font(name: str) -> bytes:
    return _record(
        0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + _text(name, 1)
    )


def _xf(font: int, style: bool) -> bytes:
    kind = 0xFFF5 if style else 0x0000  # a style XF, or a cell XF whose parent is XF 0
    return _record(0x00E0, struct.pack("<HHHBBBBIIH", font, 0, kind, 0x20, 0, 0, 0, 0, 0, 0x20C0))


def _globals(sheet_name: str, fonts: list[str], sheet_at: int, encrypted: bool) -> bytes:
    body = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6))
    if encrypted:  # FILEPASS: the rest is RC4-encrypted under a password
        body += _record(0x002F, struct.pack("<HHH", 1, 1, 1) + b"\0" * 48)
    body += _record(0x0042, struct.pack("<H", 1200)) + _record(0x0022, struct.pack("<H", 0))
    body += b"".join(_font(f) for f in fonts)
    body += _xf(0, True) + b"".join(_xf(i, False) for i in range(len(fonts)))
    body += _record(0x0085, struct.pack("<IBB", sheet_at, 0, 0) + _text(sheet_name, 1))
    return body + _record(0x000A, b"")


def _sheet(rows: Sequence[Sequence[Any]], fonts: list[str]) -> bytes:
    width = max((len(r) for r in rows), default=0)
    body = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 6))
    body += _record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text, font = value if isinstance(value, tuple) else (value, fonts[0])
            xf = 1 + fonts.index(font)
            if isinstance(text, str):
                body += _record(0x0204, struct.pack("<HHH", r, c, xf) + _text(text, 2))
            elif text is not None:
                body += _record(0x0203, struct.pack("<HHHd", r, c, xf, float(text)))
    return body + _record(0x000A, b"")


def workbook_stream(
    sheet_name: str, rows: Sequence[Sequence[Any]], encrypted: bool = False
) -> bytes:
    typed = {v[1] for row in rows for v in row if isinstance(v, tuple)}
    fonts = ["Arial", *sorted(typed - {"Arial"})]
    size = len(_globals(sheet_name, fonts, 0, encrypted))
    stream = _globals(sheet_name, fonts, size, encrypted) + _sheet(rows, fonts)
    return stream.ljust(max(4096, -(-len(stream) // SECTOR) * SECTOR), b"\0")  # no mini stream


def _entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", FREE, FREE, child)
        + b"\0" * 36
        + struct.pack("<III", start, size, 0)
    )


def compound_file(stream: bytes, stream_name: str = "Workbook") -> bytes:
    """An OLE2 compound file holding one stream: FAT in sector 0, directory in 1, the stream
    from sector 2."""
    count = len(stream) // SECTOR
    assert count <= 126, "one FAT sector is enough for these tests"
    fat = [FAT_SECTOR, END] + [3 + n for n in range(count - 1)] + [END]
    fat += [FREE] * (128 - len(fat))
    header = OLE_MAGIC + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
    header += struct.pack("<109I", 0, *([FREE] * 108))
    directory = _entry("Root Entry", 5, 1, END, 0) + _entry(stream_name, 2, FREE, 2, len(stream))
    directory += _entry("", 0, FREE, 0, 0) * 2
    return header + struct.pack("<128I", *fat) + directory + stream


def write_xls(
    path: Path, sheet_name: str, rows: Sequence[Sequence[Any]], encrypted: bool = False
) -> Path:
    """Cells are text, numbers or (text, font name); others are typed in Arial. `encrypted`:
    as Excel marks a workbook saved with a password to open it."""
    path.write_bytes(compound_file(workbook_stream(sheet_name, rows, encrypted)))
    return path
