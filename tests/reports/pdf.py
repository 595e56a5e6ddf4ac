"""Read back what a rendered PDF shows: text per page (pdftotext), drawn area (pdftoppm)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

MM = 72 / 25.4


def _write(pdf: bytes) -> Path:
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as tmp:
        tmp.write(pdf)
    return Path(tmp.name)


def page_count(pdf: bytes) -> int:
    path = _write(pdf)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    path.unlink()
    for line in out.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gave no page count")


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page, in reading order (pdftotext -layout keeps columns apart)."""
    path = _write(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    path.unlink()
    return out.stdout.split("\f")[: page_count(pdf)]


def page_lines(pdf: bytes, page: int) -> list[str]:
    """Non-empty lines of one page (1-based) with runs of spaces squeezed."""
    text = page_texts(pdf)[page - 1]
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def ink_box_mm(
    pdf: bytes, page: int, dpi: int = 100
) -> tuple[float, float, float, float, float, float]:
    """(left, top, right, bottom, page width, page height) of everything drawn on a page, in mm."""
    from PIL import Image, ImageOps

    path = _write(pdf)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "pdftoppm",
                "-gray",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                str(path),
                f"{tmp}/p",
            ],
            check=True,
        )
        png = next(Path(tmp).glob("p*"))
        with Image.open(png) as img:
            dark = ImageOps.invert(img.convert("L")).point(lambda v: 255 if v > 60 else 0)
            box = dark.getbbox()
            width, height = img.size
    path.unlink()
    assert box is not None, "the page is blank"
    to_mm = 25.4 / dpi
    left, top, right, bottom = box
    return (left * to_mm, top * to_mm, right * to_mm, bottom * to_mm, width * to_mm, height * to_mm)


def words(pdf: bytes, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in points for one page, from `pdftotext -bbox`."""
    import html
    import re

    path = _write(pdf)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    path.unlink()
    pattern = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    )
    return [
        (html.unescape(m.group(5)), *(float(m.group(i)) for i in range(1, 5)))  # type: ignore[misc]
        for m in pattern.finditer(out.stdout)
    ]


def squeeze(text: str) -> str:
    """Text without white space, to find phrases that wrap inside table cells."""
    return "".join(text.split())


def page_raw(pdf: bytes, page: int) -> str:
    """One page's text in drawing order (`pdftotext -raw`): a table cell's lines stay together."""
    path = _write(pdf)
    out = subprocess.run(
        ["pdftotext", "-raw", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    path.unlink()
    return out.stdout


Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 in points, y from the top


def _page_streams(pdf: bytes) -> list[tuple[float, bytes]]:
    """(page height, decoded content stream) of every page, in page order."""
    import base64
    import re
    import zlib

    def obj(number: bytes) -> bytes:
        found = re.search(rb"(?<!\d)" + number + rb" 0 obj(.*?)endobj", pdf, re.S)
        assert found, number
        return found.group(1)

    kids = re.search(rb"/Kids \[([^\]]*)\]", pdf)
    assert kids
    out = []
    for page in re.findall(rb"(\d+) 0 R", kids.group(1)):
        head = obj(page)
        box = re.search(rb"/MediaBox \[\s*([\d.\s]+)\]", head)
        contents = re.search(rb"/Contents (\d+) 0 R", head)
        assert box and contents
        height = float(box.group(1).split()[3])
        body = obj(contents.group(1))
        data = re.search(rb"stream\r?\n(.*)endstream", body, re.S)
        assert data
        raw = data.group(1)
        if b"ASCII85Decode" in body:
            raw = base64.a85decode(raw.strip(), adobe=True)
        if b"FlateDecode" in body:
            raw = zlib.decompress(raw)
        out.append((height, raw))
    return out


def lines_drawn(pdf: bytes, page: int) -> list[Segment]:
    """The straight lines stroked on one page (1-based), as `pdftotext -bbox` places words:
    table borders and rules, read from the content stream (q/Q, cm, m, l)."""
    import re

    height, stream = _page_streams(pdf)[page - 1]
    text = re.sub(rb"\((?:\\.|[^\\)])*\)", b" ", stream).decode("latin-1")  # strings out
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    saved: list[tuple[float, ...]] = []
    operands: list[float] = []
    point = (0.0, 0.0)
    segments: list[Segment] = []

    def apply(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = ctm
        return a * x + c * y + e, height - (b * x + d * y + f)

    for token in text.split():
        try:
            operands.append(float(token))
            continue
        except ValueError:
            pass
        if token == "q":
            saved.append(ctm)
        elif token == "Q":
            ctm = saved.pop()  # type: ignore[assignment]
        elif token == "cm" and len(operands) >= 6:
            a, b, c, d, e, f = operands[-6:]
            A, B, C, D, E, F = ctm
            ctm = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
                   e * A + f * C + E, e * B + f * D + F)  # fmt: skip
        elif token == "m" and len(operands) >= 2:
            point = apply(*operands[-2:])
        elif token == "l" and len(operands) >= 2:
            end = apply(*operands[-2:])
            segments.append((*point, *end))
            point = end
        operands = []
    return segments
