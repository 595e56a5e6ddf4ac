"""The list of Đề án 01 indicators (DESIGN.md §4) and how a value compares with its target.

One place for: the code, the Vietnamese and English names, the unit of measure, the task group
(the six groups of every plan, DOMAIN.md §3), the one-line formula shown as a tooltip, and how
values of several units add up. Counting itself is in `coopdesk.services.indicators` (SQL).

Aggregation rules: a "sum" indicator of a province is the sum over its communes; a "ratio"
indicator is Σ numerators / Σ denominators over the communes, never an average of percentages.
Percentages are expressed 0–100 (a target of "100 %" is stored as 100).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from coopdesk import i18n
from coopdesk.i18n import N_, _, current_language

# Management roles (DOMAIN.md §2): chair and members of the board, director, general director,
# supervisory board (head and members) or the single controller. A THT's leader counts too.
MANAGEMENT_ROLES = (
    "chair",
    "board_member",
    "director",
    "general_director",
    "supervisor_head",
    "supervisor",
    "controller",
)
THT_MANAGEMENT_ROLES = (*MANAGEMENT_ROLES, "group_leader")

# The six task groups of every plan (DOMAIN.md §3), 1-based as in the plans.
GROUPS = {
    1: N_("Communication"),
    2: N_("Consolidating cooperatives"),
    3: N_("Founding new cooperatives"),
    4: N_("Human resources"),
    5: N_("Steering, officers and budget"),
    6: N_("International cooperation"),
}

STOCK_CODES = frozenset(
    {
        "htx_women_managed",
        "tht_women_managed",
        "htx_majority_female",
        "female_workers_htx",
        "female_workers_tht",
    }
)
UNITS_OF_MEASURE = ("HTX", "THT", "người", "lượt", "lớp", "%", "đồng")
# How a count's unit reads in each language (HTX and THT are the same in both).
UNIT_MSGIDS = {"người": N_("people"), "lượt": N_("participations"), "lớp": N_("courses")}


@dataclass(frozen=True)
class Indicator:
    code: str
    name_vi: str
    name_en: str
    unit: str  # one of UNITS_OF_MEASURE
    group: int  # 1..6, see GROUPS
    formula_vi: str
    formula_en: str
    aggregation: str = "sum"  # sum | ratio (Σ numerator / Σ denominator)
    key: bool = False  # shown in the table of child units

    @property
    def stock(self) -> bool:
        """A state at a moment (how many HTX are women-managed) rather than a flow that adds
        up over time (new HTX founded): a phase target compares with the yearly value, not
        with the running total."""
        return self.is_ratio or self.code in STOCK_CODES

    def name(self, lang: str | None = None) -> str:
        return self.name_en if (lang or current_language()) == "en" else self.name_vi

    def unit_text(self, lang: str | None = None) -> str:
        """The unit as it reads after a number: 'người' / 'people', 'HTX', '%'."""
        msgid = UNIT_MSGIDS.get(self.unit)
        if msgid is None:
            return self.unit
        return i18n.translate_in(lang or current_language(), msgid)

    def formula(self, lang: str | None = None) -> str:
        return self.formula_en if (lang or current_language()) == "en" else self.formula_vi

    @property
    def is_ratio(self) -> bool:
        return self.aggregation == "ratio"


def _i(
    code: str,
    name_vi: str,
    name_en: str,
    unit: str,
    group: int,
    formula_vi: str,
    formula_en: str,
    aggregation: str = "sum",
    key: bool = False,
) -> Indicator:
    return Indicator(code, name_vi, name_en, unit, group, formula_vi, formula_en, aggregation, key)


INDICATORS: tuple[Indicator, ...] = (
    _i(
        "htx_women_managed",
        "HTX do phụ nữ tham gia quản lý",
        "HTX with women in management",
        "HTX",
        2,
        "Số HTX (chưa giải thể) có ít nhất một phụ nữ giữ chức danh quản lý "
        "(Chủ tịch, thành viên HĐQT, Giám đốc, Tổng giám đốc, BKS/kiểm soát viên) trong kỳ",
        "HTX not dissolved with at least one woman in a management role (chair, board, "
        "director, general director, supervisory board/controller) during the period",
        key=True,
    ),
    _i(
        "tht_women_managed",
        "THT do phụ nữ tham gia quản lý",
        "THT with women in management",
        "THT",
        2,
        "Số THT (chưa giải thể) có phụ nữ làm tổ trưởng hoặc giữ chức danh quản lý trong kỳ",
        "THT not dissolved with a woman as group leader or in a management role during the period",
        key=True,
    ),
    _i(
        "htx_majority_female",
        "HTX có trên 50 % lao động nữ",
        "HTX with more than 50 % female workers",
        "HTX",
        2,
        "Số HTX (chưa giải thể) có trên một nửa lao động là nữ, theo số liệu năm gần nhất "
        "thuộc kỳ của mỗi HTX",
        "HTX not dissolved with more than half of their workers women, by each HTX's latest "
        "yearly figures within the period",
    ),
    _i(
        "coops_consolidated_pct",
        "Tỷ lệ HTX, THT được Hội hỗ trợ đã được củng cố",
        "Hội-supported HTX/THT consolidated",
        "%",
        2,
        "Số HTX, THT được Hội hỗ trợ có năm được củng cố trong kỳ / số HTX, THT được Hội hỗ "
        "trợ còn hoạt động trong kỳ",
        "Hội-supported HTX/THT marked consolidated in a year of the period / Hội-supported "
        "HTX/THT existing in the period",
        "ratio",
        key=True,
    ),
    _i(
        "women_managers_trained",
        "Nữ quản lý HTX được đào tạo, bồi dưỡng trong kỳ",
        "Women HTX managers trained in the period",
        "người",
        4,
        "Số phụ nữ giữ chức danh quản lý HTX trong kỳ đã hoàn thành ít nhất một lớp tập huấn "
        "bắt đầu trong kỳ",
        "Women in an HTX management role during the period who completed a training that "
        "started in the period",
    ),
    _i(
        "women_managers_trained_pct",
        "Tỷ lệ nữ quản lý HTX đã được đào tạo, bồi dưỡng",
        "Women HTX managers trained (%)",
        "%",
        4,
        "Nữ quản lý HTX trong kỳ đã hoàn thành một lớp tập huấn từ đầu Đề án (03/01/2023) đến "
        "hết kỳ / tổng số nữ quản lý HTX trong kỳ",
        "Women HTX managers during the period who completed a training from the programme "
        "start (03/01/2023) to the period end / all women HTX managers during the period",
        "ratio",
        key=True,
    ),
    _i(
        "new_htx_programme",
        "HTX thành lập mới theo Đề án",
        "New HTX founded under the programme",
        "HTX",
        3,
        "Số HTX được Hội hỗ trợ thành lập, có ngày thành lập trong kỳ",
        "HTX founded with the Hội's support, with a founding date in the period",
        key=True,
    ),
    _i(
        "new_tht_programme",
        "THT thành lập mới theo Đề án",
        "New THT founded under the programme",
        "THT",
        3,
        "Số THT được Hội hỗ trợ thành lập, có ngày thành lập trong kỳ",
        "THT founded with the Hội's support, with a founding date in the period",
    ),
    _i(
        "new_jobs_women",
        "Việc làm mới cho lao động nữ",
        "New jobs for women",
        "người",
        3,
        "Tổng số việc làm mới cho lao động nữ khai báo theo năm của HTX, THT, các năm thuộc kỳ",
        "Sum of new jobs for women reported in the yearly figures of HTX and THT, years of the "
        "period",
        key=True,
    ),
    _i(
        "female_workers_htx",
        "Lao động nữ trong HTX",
        "Female workers in HTX",
        "người",
        2,
        "Tổng số lao động nữ của các HTX, theo số liệu năm gần nhất thuộc kỳ của mỗi HTX",
        "Female workers of HTX, from each HTX's latest yearly figures within the period",
    ),
    _i(
        "female_workers_tht",
        "Lao động nữ trong THT",
        "Female workers in THT",
        "người",
        2,
        "Tổng số lao động nữ của các THT, theo số liệu năm gần nhất thuộc kỳ của mỗi THT",
        "Female workers of THT, from each THT's latest yearly figures within the period",
    ),
    _i(
        "officers_trained_pct",
        "Tỷ lệ cán bộ Hội làm công tác KTTT được tập huấn",
        "Hội officers (collective economy work) trained",
        "%",
        5,
        "Cán bộ Hội làm công tác KTTT trong kỳ đã hoàn thành lớp tập huấn dành cho cán bộ "
        "(hoặc lớp bồi dưỡng) từ đầu Đề án đến hết kỳ / tổng số cán bộ đó",
        "Hội officers doing collective-economy work in the period who completed an officers' "
        "or upskilling training from the programme start to the period end / all such officers",
        "ratio",
        key=True,
    ),
    _i(
        "officers_upskilled_pct",
        "Tỷ lệ cán bộ Hội được bồi dưỡng, nâng cao kỹ năng",
        "Hội officers upskilled",
        "%",
        5,
        "Cán bộ Hội làm công tác KTTT trong kỳ đã hoàn thành lớp bồi dưỡng nâng cao kỹ năng "
        "từ đầu Đề án đến hết kỳ / tổng số cán bộ đó",
        "Hội officers doing collective-economy work in the period who completed an upskilling "
        "training from the programme start to the period end / all such officers",
        "ratio",
    ),
    _i(
        "comm_events",
        "Hoạt động tuyên truyền",
        "Communication events",
        "lượt",
        1,
        "Số hoạt động tuyên truyền (hội nghị, sinh hoạt CLB, phát thanh, mạng xã hội…) trong kỳ",
        "Communication activities (meetings, club sessions, radio, social media…) in the period",
    ),
    _i(
        "comm_reach",
        "Lượt người được tuyên truyền",
        "People reached by communication",
        "lượt",
        1,
        "Tổng số lượt người được tiếp cận của các hoạt động tuyên truyền trong kỳ",
        "Sum of people reached (participations) by communication activities in the period",
        key=True,
    ),
    _i(
        "comm_reach_women",
        "Lượt phụ nữ được tuyên truyền",
        "Women reached by communication",
        "lượt",
        1,
        "Tổng số lượt phụ nữ được tiếp cận của các hoạt động tuyên truyền trong kỳ",
        "Sum of women reached by communication activities in the period",
    ),
    _i(
        "training_courses",
        "Lớp tập huấn, đào tạo",
        "Training courses",
        "lớp",
        4,
        "Số lớp tập huấn, đào tạo, bồi dưỡng do đơn vị tổ chức, bắt đầu trong kỳ",
        "Training courses held by the unit that started in the period",
    ),
    _i(
        "people_trained",
        "Số người được tập huấn",
        "People trained",
        "người",
        4,
        "Số người (không trùng) của đơn vị đã hoàn thành ít nhất một lớp bắt đầu trong kỳ",
        "Distinct people of the unit who completed at least one training started in the period",
        key=True,
    ),
    _i(
        "training_participations",
        "Lượt người được tập huấn",
        "Training participations",
        "lượt",
        4,
        "Số lượt hoàn thành lớp tập huấn của người thuộc đơn vị, các lớp bắt đầu trong kỳ",
        "Completed participations of the unit's people in trainings started in the period",
    ),
    _i(
        "support_count",
        "Lượt hỗ trợ vốn, hiện vật",
        "Support given",
        "lượt",
        2,
        "Số khoản hỗ trợ (vay, tài trợ, hiện vật) được trao trong kỳ, theo quỹ",
        "Support items (loans, grants, in kind) given in the period, by fund",
    ),
    _i(
        "support_amount",
        "Giá trị hỗ trợ",
        "Value of support",
        "đồng",
        2,
        "Tổng giá trị các khoản hỗ trợ được trao trong kỳ, theo quỹ",
        "Total value of support given in the period, by fund",
        key=True,
    ),
    _i(
        "budget_planned",
        "Kinh phí dự toán",
        "Budget planned",
        "đồng",
        5,
        "Tổng kinh phí dự toán các năm thuộc kỳ, theo nguồn",
        "Planned budget of the years of the period, by source",
    ),
    _i(
        "budget_allocated",
        "Kinh phí được cấp",
        "Budget allocated",
        "đồng",
        5,
        "Tổng kinh phí được cấp các năm thuộc kỳ, theo nguồn",
        "Allocated budget of the years of the period, by source",
    ),
    _i(
        "budget_spent",
        "Kinh phí đã sử dụng",
        "Budget spent",
        "đồng",
        5,
        "Tổng kinh phí đã sử dụng các năm thuộc kỳ, theo nguồn",
        "Budget spent in the years of the period, by source",
    ),
)

BY_CODE: dict[str, Indicator] = {ind.code: ind for ind in INDICATORS}
CODES: tuple[str, ...] = tuple(BY_CODE)
KEY_CODES: tuple[str, ...] = tuple(ind.code for ind in INDICATORS if ind.key)


def get(code: str) -> Indicator:
    try:
        return BY_CODE[code]
    except KeyError:
        raise ValueError(f"Unknown indicator {code!r}; known: {', '.join(CODES)}") from None


def ratio_value(numerator: Decimal | int, denominator: Decimal | int) -> Decimal | None:
    """A percentage (0–100) from summed parts; None when there is nothing to divide by."""
    if not denominator:
        return None
    return Decimal(numerator) * 100 / Decimal(denominator)


def format_value(indicator: Indicator, value: Decimal | None, *, with_unit: bool = True) -> str:
    """A value as a person reads it: '85,7 %', '1.500.000 ₫', '12 HTX' (numbers the
    Vietnamese way in Vietnamese); `with_unit=False` leaves out a count's unit ('12')."""
    if value is None:
        return "–"
    if indicator.unit == "%":
        whole = value == value.to_integral_value()
        return i18n.format_percent(value / 100, 0 if whole else 1)
    if indicator.unit == "đồng":
        return i18n.format_money(value)
    text = i18n.format_number(value)
    return f"{text} {indicator.unit_text()}" if with_unit else text


def comparison_text(comparison: str) -> str:
    """A target's comparison as shown beside its value: '≥', '=', 'khoảng'."""
    return {">=": "≥", "=": "=", "about": _("about")}.get(comparison, comparison)


# --- targets -------------------------------------------------------------------------------

COMPARISONS = (">=", "=", "about")


class Status(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BEHIND = "behind"
    NO_TARGET = "no_target"


STATUS_LABELS = {
    Status.ON_TRACK: N_("On track"),
    Status.AT_RISK: N_("At risk"),
    Status.BEHIND: N_("Behind"),
    Status.NO_TARGET: N_("No target"),
}

# How far under the expected pace a value may be before it is "at risk", then "behind".
ON_TRACK_SHARE = Decimal("0.9")
AT_RISK_SHARE = Decimal("0.6")
ABOUT_TOLERANCE = Decimal("0.1")  # "about 7" accepts 6.3 … 7.7
EQUAL_TOLERANCE = Decimal("0.02")


def normalize_target(indicator: Indicator, value: Decimal | int | float) -> Decimal:
    """Targets of % indicators are 0–100; a share typed as 0–1 (e.g. 0.8) is read as 80 %."""
    target = Decimal(str(value))
    if indicator.unit == "%" and 0 < target <= 1:
        target *= 100
    return target


def target_status(
    value: Decimal | int | float | None,
    target: Decimal | int | float | None,
    comparison: str,
    elapsed: float,
) -> Status:
    """Where a value stands against its target when `elapsed` (0–1) of the period has passed.

    The expected value grows linearly with time: at 40 % of the period a "≥ 10" target
    expects 4. At or above 90 % of the expected value → on track; from 60 % → at risk; below
    → behind. Once the period is over the target itself is expected. "about" accepts ±10 %,
    "=" ±2 %; overshooting an "=" target by more than that is "at risk" (not behind).
    """
    if target is None:
        return Status.NO_TARGET
    if comparison not in COMPARISONS:
        raise ValueError(f"Unknown comparison {comparison!r}; use one of {', '.join(COMPARISONS)}")
    v = Decimal(str(value)) if value is not None else Decimal(0)
    t = Decimal(str(target))
    if t <= 0:
        return Status.ON_TRACK if v >= t else Status.BEHIND
    tolerance = {"about": ABOUT_TOLERANCE, "=": EQUAL_TOLERANCE}.get(comparison, Decimal(0))
    if comparison == "=" and v > t * (1 + tolerance):
        return Status.AT_RISK
    if v >= t * (1 - tolerance):
        return Status.ON_TRACK
    if elapsed >= 1:  # the period is over and the target was missed
        return Status.AT_RISK if v >= t * ON_TRACK_SHARE else Status.BEHIND
    expected = t * Decimal(str(max(0.0, elapsed)))
    if v >= expected * ON_TRACK_SHARE:
        return Status.ON_TRACK
    if v >= expected * AT_RISK_SHARE:
        return Status.AT_RISK
    return Status.BEHIND


def progress(value: Decimal | int | float | None, target: Decimal | int | float | None) -> float:
    """value / target, clamped to 0–1, for a progress bar (0 when there is no target)."""
    if value is None or target is None or Decimal(str(target)) <= 0:
        return 0.0
    return float(max(Decimal(0), min(Decimal(1), Decimal(str(value)) / Decimal(str(target)))))
