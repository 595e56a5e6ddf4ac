"""The annual report's blocks as they are written: numbered parts, the officer's own parts and
the generated passages, each under its key (paragraph_keys.WORDING_KEYS) so that the officer's
wording, when she gave one, is printed in its place and the document lists what it generated."""

from __future__ import annotations

from coopdesk.reports.annual_data import AnnualData, times
from coopdesk.reports.model import BlockStyle, Paragraph, Table, Wording
from coopdesk.reports.text import number, percent_0_100, translate_in

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
DASHES = ("-", "+", "•")


class Writer:
    def __init__(self, data: AnnualData, lang: str) -> None:
        self.data = data
        self.lang = lang
        self.blocks: list[Paragraph | Table] = []
        self.wording: list[Wording] = []
        self.parts = iter(ROMAN)

    def add(self, text: str, style: BlockStyle = "body") -> None:
        self.blocks.append(Paragraph(text, style))

    def part(self, heading: str) -> None:
        """A numbered part (I., II., …): numbers follow the parts printed."""
        self.add(f"{next(self.parts)}. {heading}", "part")

    def passage(self, key: str, lines: list[str], style: BlockStyle = "body") -> None:
        """A generated passage (one or more lines in `style`), or the officer's wording in its
        place: her '- …' lines are a list, her other lines keep the passage's style (body text
        where the passage was a list)."""
        generated = "\n".join(lines)
        written = (self.data.wording.get(key) or "").strip()
        self.wording.append(Wording(key, generated))
        if not written:
            for line in lines:
                self.add(line, style)
            return
        own: BlockStyle = "body" if style == "dash" else style
        for line in (raw.strip() for raw in written.splitlines()):
            if line:
                self.add(line, "dash" if line.startswith(DASHES) else own)

    def dashes(self, key: str, items: list[str]) -> None:
        """A generated '- …;' list, the last line closed with a full stop."""
        last = len(items)
        lines = [f"- {text}{'.' if i == last else ';'}" for i, text in enumerate(items, start=1)]
        if lines:
            self.passage(key, lines, "dash")

    def left_out(self, key: str) -> bool:
        return key in self.data.paragraphs and self.data.paragraphs[key] is None

    def written(self, key: str) -> str:
        return (self.data.paragraphs.get(key) or "").strip()

    def officer_text(self, key: str) -> None:
        text = self.written(key)
        if not text:
            self.add(translate_in(self.lang, "(to be written by the officer)"))
            return
        for line in text.splitlines():
            line = line.strip()
            if line:
                self.add(line, "dash" if line.startswith(DASHES) else "body")

    def times(self, code: str) -> str:
        fig = self.data.figures.get(code)
        return times(int(fig.value or 0) if fig is not None else 0, self.lang)

    def n(self, code: str) -> str:
        fig = self.data.figures.get(code)
        if fig is not None and fig.is_percent:
            return percent_0_100(fig.value or 0, self.lang)
        if fig is None or fig.value is None:
            return "0"
        return number(fig.value, self.lang)
