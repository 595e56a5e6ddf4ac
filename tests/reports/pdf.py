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
