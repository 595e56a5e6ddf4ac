"""The overview's chart of one indicator by year, 2023–2030, against the phase targets."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coopdesk.domain import indicators as reg
from coopdesk.i18n import _

SPANS = (("phase1", 2023, 2025), ("phase2", 2026, 2030), ("all", 2023, 2030))
BAR_COLOUR = "#b0245a"
RUNNING_TOTAL_COLOUR = "#1d4f91"


@dataclass(frozen=True)
class Plot:
    """Where the chart draws: the plot area inside the axis labels, and its scale."""

    left: float
    top: float
    width: float
    height: float
    scale: float  # the value at the top of the plot area
    slot: float  # the width of one year

    def y_of(self, value: Decimal | float) -> float:
        return self.top + self.height - self.height * float(value) / self.scale

    @property
    def bottom(self) -> float:
        return self.top + self.height


class YearChart(QWidget):
    """Bars: the value of each year 2023–2030. Dashed lines: the phase targets (phase 1 over
    2023–2025, phase 2 over 2026–2030, the whole programme over all years). For indicators
    that add up over time a line shows the running total since the phase started, which is
    what a phase target is compared with."""

    YEARS = tuple(range(2023, 2031))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator: reg.Indicator | None = None
        self.values: dict[int, Decimal | None] = {}
        self.targets: dict[str, Any] = {}
        self.setMinimumSize(QSize(420, 230))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(
        self,
        indicator: reg.Indicator,
        values: dict[int, Decimal | None],
        targets: dict[str, Any],
    ) -> None:
        self.indicator = indicator
        self.values = dict(values)
        self.targets = dict(targets)
        self.setToolTip(indicator.formula())
        self.update()

    def running_totals(self) -> dict[int, Decimal]:
        """Running total of the years with figures; it restarts in 2026 when phase 2 has its
        own target (else it runs on towards the 2030 target)."""
        out: dict[int, Decimal] = {}
        total = Decimal(0)
        for year in self.YEARS:
            if year == 2026 and "phase2" in self.targets:
                total = Decimal(0)
            value = self.values.get(year)
            if value is None:
                continue
            total += value
            out[year] = total
        return out

    def target_spans(self) -> list[tuple[str, int, int, Decimal]]:
        spans = []
        for key, first, last in SPANS:
            target = self.targets.get(key)
            if target is not None:
                spans.append((key, first, last, Decimal(target.value)))
        return spans

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        ind = self.indicator
        if ind is None:
            return
        flows = not ind.stock
        totals = self.running_totals() if flows else {}
        spans = self.target_spans()
        plot = self._plot(ind, [*totals.values(), *(s[3] for s in spans)])
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        p.setFont(small)
        self._paint_axis(p, plot, ind)
        self._paint_bars(p, plot)
        if flows:
            self._paint_running_total(p, plot, totals)
        self._paint_targets(p, plot, spans)
        p.setPen(QPen(self.palette().text().color()))
        legend = _("Bars: each year")
        if flows:
            legend += " · " + _("blue line: running total in the phase")
        if spans:
            legend += " · " + _("dashed: phase targets")
        p.drawText(QRectF(plot.left, 4, plot.width, 18), Qt.AlignmentFlag.AlignLeft, legend)

    def _plot(self, ind: reg.Indicator, extra: list[Decimal]) -> Plot:
        left, right, top, bottom = 58.0, 12.0, 26.0, 26.0
        width = max(10.0, self.width() - left - right)
        height = max(10.0, self.height() - top - bottom)
        peak = max([Decimal(1), *(v for v in self.values.values() if v is not None), *extra])
        step = nice_step(float(peak) * 1.05 / 4, integer=ind.unit not in ("%",))
        return Plot(left, top, width, height, step * 4, width / len(self.YEARS))

    def _paint_axis(self, p: QPainter, plot: Plot, ind: reg.Indicator) -> None:
        """Horizontal grid lines and the values they stand for."""
        text_pen = QPen(self.palette().text().color())
        grid = QPen(self.palette().mid().color())
        grid.setWidthF(0.5)
        step = plot.scale / 4
        for n in range(5):
            value = step * n
            y = plot.y_of(value)
            p.setPen(grid)
            p.drawLine(QPointF(plot.left, y), QPointF(plot.left + plot.width, y))
            p.setPen(text_pen)
            label = reg.format_value(ind, Decimal(str(value)).normalize(), with_unit=False)
            p.drawText(QRectF(0, y - 8, plot.left - 6, 16), Qt.AlignmentFlag.AlignRight, label)

    def _paint_bars(self, p: QPainter, plot: Plot) -> None:
        p.setPen(QPen(self.palette().text().color()))
        for i, year in enumerate(self.YEARS):
            x = plot.left + i * plot.slot
            value = self.values.get(year)
            if value is not None and value > 0:
                y = plot.y_of(value)
                bar = QRectF(x + plot.slot * 0.2, y, plot.slot * 0.6, plot.bottom - y)
                p.fillRect(bar, QColor(BAR_COLOUR))
            label = QRectF(x, plot.bottom + 4, plot.slot, 16)
            p.drawText(label, Qt.AlignmentFlag.AlignHCenter, str(year))

    def _paint_running_total(self, p: QPainter, plot: Plot, totals: dict[int, Decimal]) -> None:
        pen = QPen(QColor(RUNNING_TOTAL_COLOUR))
        pen.setWidthF(2)
        p.setPen(pen)
        last: QPointF | None = None
        for i, year in enumerate(self.YEARS):
            if year not in totals or (year == 2026 and "phase2" in self.targets):
                last = None  # the line restarts with phase 2's own target
            if year not in totals:
                continue
            point = QPointF(plot.left + (i + 0.5) * plot.slot, plot.y_of(totals[year]))
            if last is not None:
                p.drawLine(last, point)
            p.drawEllipse(point, 2.5, 2.5)
            last = point

    def _paint_targets(
        self, p: QPainter, plot: Plot, spans: list[tuple[str, int, int, Decimal]]
    ) -> None:
        for key, first, last_year, value in spans:
            pen = QPen(QColor("#b3261e" if key != "all" else "#8a5300"))
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setWidthF(1.6)
            p.setPen(pen)
            x0 = plot.left + (first - self.YEARS[0]) * plot.slot
            x1 = plot.left + (last_year - self.YEARS[0] + 1) * plot.slot
            y = plot.y_of(value)
            p.drawLine(QPointF(x0, y), QPointF(x1, y))
            p.drawText(
                QRectF(x0 + 2, y - 16, x1 - x0, 14),
                Qt.AlignmentFlag.AlignLeft,
                self._span_label(key, value),
            )

    def _span_label(self, key: str, value: Decimal) -> str:
        assert self.indicator is not None
        name = {"phase1": _("phase 1"), "phase2": _("phase 2"), "all": _("by 2030")}[key]
        return f"{name}: {reg.format_value(self.indicator, value)}"


def nice_step(raw: float, *, integer: bool) -> float:
    """A round step for an axis: 1, 2, 2.5 or 5 × a power of ten (whole numbers for counts)."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if step >= raw and (not integer or step == int(step)):
            return float(step)
    return float(10 * power)
