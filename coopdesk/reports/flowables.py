"""The pieces of the administrative layout that ReportLab has no ready flowable for.

- `HeaderBlock`: the two-column header, drawn line by line so the rules sit exactly under
  the issuing body (a third of its width) and under the motto (its full width).
- `CentredRule`: the short rule under the subject line.
- `ChunkedTable`: a long table cut into page-sized tables as the pages fill, header repeated;
  one huge table re-measured after each page break is what made long lists slow.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from coopdesk.domain.issuers import header_words
from coopdesk.reports import styles as S
from coopdesk.reports.fonts import FontSet, drawable
from coopdesk.reports.model import Header

LEFT_SHARE = 0.395  # the left column: parent and issuing body (≈ 65 mm of 165 mm)
RULE_WIDTH = 0.6  # pt


def _greedy(words: Sequence[str], font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def balanced_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap into as few lines as `width` allows, with those lines as even as possible; a
    line breaks only between words, and never inside a joined name ("THÀNH PHỐ")."""
    words = header_words(text)
    lines = _greedy(words, font, size, width)
    if len(lines) < 2:
        return lines
    low, high = width / len(lines), width
    for _ in range(12):
        mid = (low + high) / 2
        if len(_greedy(words, font, size, mid)) > len(lines):
            low = mid
        else:
            high = mid
    return _greedy(words, font, size, high)


class HeaderBlock(Flowable):
    def __init__(self, header: Header, fonts: FontSet) -> None:
        super().__init__()
        self.header = header
        self.fonts = fonts
        self._lines: list[tuple[str, str, float, float, float]] = []  # text font size x y
        self._rules: list[tuple[float, float, float]] = []  # x_centre y length
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._layout(avail_width)
        return avail_width, self.height

    def _layout(self, width: float) -> None:
        f, h = self.fonts, self.header
        left_w = width * LEFT_SHARE
        right_w = width - left_w
        left_x, right_x = left_w / 2, left_w + right_w / 2
        lines: list[tuple[str, str, float, float, float]] = []
        rules: list[tuple[float, float, float]] = []

        def stack(
            texts: Sequence[str], font: str, size: float, x: float, w: float, y: float, wrap=True
        ):
            leading = size * 1.2
            out: list[tuple[str, float]] = []
            for text in map(drawable, texts):
                for line in balanced_lines(text, font, size, w - 4) if wrap else [text]:
                    y += leading
                    lines.append((line, font, size, x, y))
                    out.append((line, y))
            return y, out

        y_left = 0.0
        if h.parent_body:
            y_left, _ = stack([h.parent_body.upper()], f.regular, S.HEADER_SIZE, left_x, left_w, 0)
        y_left, issuer_lines = stack(
            [h.issuer.upper()], f.bold, S.HEADER_SIZE, left_x, left_w, y_left
        )
        widest = max((stringWidth(t, f.bold, S.HEADER_SIZE) for t, _ in issuer_lines), default=0)
        y_left += 5.5
        rules.append((left_x, y_left, widest * 0.4))

        y_right, _ = stack(
            [h.national_title.upper()], f.bold, S.NATIONAL_TITLE_SIZE, right_x, right_w, 0
        )
        y_right, motto_lines = stack([h.motto], f.bold, S.MOTTO_SIZE, right_x, right_w, y_right)
        motto_w = max((stringWidth(t, f.bold, S.MOTTO_SIZE) for t, _ in motto_lines), default=0)
        y_right += 5.5
        rules.append((right_x, y_right, motto_w))

        y = max(y_left, y_right) + 8
        y_num, _ = stack([h.number_line()], f.regular, S.HEADER_SIZE, left_x, left_w, y, False)
        y_date, _ = stack([h.place_date()], f.italic, S.HEADER_SIZE, right_x, right_w, y)
        self.height = max(y_num, y_date) + 4
        # Store positions measured from the top; draw() flips them.
        self._lines = lines
        self._rules = rules

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(RULE_WIDTH)
        for text, font, size, x, y in self._lines:
            c.setFont(font, size)
            c.drawCentredString(x, self.height - y + size * 0.22, text)
        for x, y, length in self._rules:
            yy = self.height - y
            c.line(x - length / 2, yy, x + length / 2, yy)


class CentredRule(Flowable):
    def __init__(self, length: float, space_before: float = 10, space_after: float = 8) -> None:
        super().__init__()
        self.length = length
        self.space_before = space_before
        self.space_after = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.space_before + self.space_after

    def draw(self) -> None:
        self.canv.setLineWidth(RULE_WIDTH)
        y = self.space_after
        x = self.width / 2
        self.canv.line(x - self.length / 2, y, x + self.length / 2, y)


def table_style(n_rows: int, bold_last: bool, numeric_cols: Sequence[int], fonts: FontSet):
    cmds: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONT", (0, 0), (-1, -1), fonts.regular, S.TABLE_SIZE, S.TABLE_LEADING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for col in numeric_cols:
        cmds.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
    if bold_last and n_rows > 1:
        cmds.append(("FONT", (0, -1), (-1, -1), fonts.bold, S.TABLE_SIZE, S.TABLE_LEADING))
    return TableStyle(cmds)


class ChunkedTable(Flowable):
    """Rows already converted to cells; cuts itself into tables that fit the frame."""

    PADDING = 5.0  # top + bottom cell padding
    KEEP_WITH_TOTAL = 3  # data rows that go to the next page with the totals row

    def __init__(
        self,
        head: list[Any],
        rows: list[list[Any]],
        col_widths: list[float],
        numeric_cols: Sequence[int],
        fonts: FontSet,
        bold_last: bool = False,
        lead: Sequence[Flowable] = (),
    ) -> None:
        super().__init__()
        self.lead = list(lead)  # title lines kept on the page of the first rows
        self.head = head
        self.rows = rows  # shared by the pieces; each piece starts at `start`
        self.col_widths = col_widths
        self.numeric_cols = list(numeric_cols)
        self.fonts = fonts
        self.bold_last = bold_last
        self.start = 0
        self.cum = list(accumulate((self._height(r) for r in rows), initial=0.0))
        self.head_height = self._height(head)
        self.hAlign = "CENTER"
        self._whole: Table | None = None
        self.on_rows: Callable[[int], None] | None = None  # rows laid out so far

    def _rest(self, start: int) -> ChunkedTable:
        """The rows from `start` on, sharing the measured heights (no re-measuring)."""
        piece = ChunkedTable.__new__(ChunkedTable)
        Flowable.__init__(piece)
        for name in ("head", "rows", "col_widths", "numeric_cols", "fonts", "bold_last"):
            setattr(piece, name, getattr(self, name))
        piece.cum, piece.head_height, piece.hAlign = self.cum, self.head_height, "CENTER"
        piece.on_rows = self.on_rows
        piece.lead, piece.start, piece._whole = [], start, None
        return piece

    def _height(self, row: list[Any]) -> float:
        tallest = float(S.TABLE_LEADING)
        for cell, width in zip(row, self.col_widths, strict=True):
            if hasattr(cell, "wrap"):
                tallest = max(tallest, cell.wrap(width - 6, 10_000)[1])
        return tallest + self.PADDING

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.col_widths)
        estimate = self.head_height + self.cum[-1] - self.cum[self.start]
        if self.lead:
            return self.width, 0xFFFFFF  # make the frame split: the lead goes with the rows
        if estimate > avail_height + 50:
            return self.width, estimate  # the frame will split it; do not measure it all
        self._whole = self._table(self.start, len(self.rows), self.bold_last)
        self._placed(len(self.rows))
        return self._whole.wrap(avail_width, avail_height)

    def _table(self, first: int, end: int, bold_last: bool) -> Table:
        data = [self.head, *self.rows[first:end]]
        t = Table(data, colWidths=self.col_widths, repeatRows=1, hAlign="CENTER")
        t.setStyle(table_style(len(data), bold_last, self.numeric_cols, self.fonts))
        return t

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lead_height = sum(
            f.wrap(avail_width, avail_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            for f in self.lead
        )
        room = avail_height - lead_height - self.head_height - 2
        end = bisect_right(self.cum, self.cum[self.start] + room) - 1
        if end <= self.start:
            return []  # not even one row fits: start on the next page
        if end >= len(self.rows):
            self._placed(len(self.rows))
            return [*self.lead, self._table(self.start, len(self.rows), self.bold_last)]
        if self.bold_last:  # never the totals alone (or with one row) on the last page
            end = min(end, len(self.rows) - 1 - self.KEEP_WITH_TOTAL)
            if end <= self.start:
                return []
        self._placed(end)
        return [*self.lead, self._table(self.start, end, False), self._rest(end)]

    def _placed(self, rows: int) -> None:
        if self.on_rows is not None:
            self.on_rows(rows)

    def draw(self) -> None:
        assert self._whole is not None
        self._whole.drawOn(self.canv, 0, 0)
