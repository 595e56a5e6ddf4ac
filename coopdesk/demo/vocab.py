"""Word lists for fictional but realistic Vietnamese demo data (names, places, cooperatives).

Everything here is invented from common words; no real person or cooperative is meant.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- people ----------------------------------------------------------------------------------

# (family name, weight): the usual national distribution, roughly.
FAMILY_COMMON = [
    ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 4), ("Đặng", 3),
    ("Bùi", 3), ("Đỗ", 3), ("Hồ", 2), ("Ngô", 2), ("Dương", 2), ("Lý", 1), ("Phan", 3),
    ("Võ", 2), ("Đinh", 1), ("Trịnh", 1), ("Lương", 1), ("Mai", 1), ("Đào", 1), ("Cao", 1),
]  # fmt: skip

# Family names frequent among the Thái, Mông, Dao, Giáy and Hà Nhì of the northern mountains.
FAMILY_MOUNTAIN = [
    ("Lò", 8), ("Lường", 5), ("Tòng", 4), ("Sùng", 5), ("Giàng", 6), ("Hoàng", 4), ("Vàng", 5),
    ("Tẩn", 4), ("Lý", 4), ("Chảo", 3), ("Phàn", 2), ("Quàng", 2), ("Cầm", 2), ("Điêu", 1),
    ("Lù", 2), ("Thào", 3), ("Mùa", 2), ("Vừ", 2), ("Lầu", 1), ("Pờ", 1),
]  # fmt: skip

MIDDLE_FEMALE = [
    ("Thị", 60), ("Thu", 5), ("Ngọc", 5), ("Thanh", 4), ("Minh", 3), ("Hồng", 4), ("Kim", 3),
    ("Phương", 2), ("Thuý", 2), ("Diệu", 1), ("Bích", 2), ("Hoài", 2), ("Thị Thu", 2),
    ("Thị Ngọc", 2), ("Mỹ", 1), ("Khánh", 1), ("", 2),
]  # fmt: skip
MIDDLE_MALE = [
    ("Văn", 55), ("Đức", 6), ("Minh", 6), ("Quang", 5), ("Hữu", 5), ("Xuân", 4), ("Ngọc", 3),
    ("Thành", 3), ("Công", 3), ("Mạnh", 2), ("Tiến", 2), ("Trọng", 2), ("A", 3), ("", 1),
]  # fmt: skip

GIVEN_FEMALE = [
    "Hoa", "Hoà", "Lan", "Mai", "Hương", "Thuỷ", "Nhung", "Tươi", "Dung", "Xuân", "Hằng",
    "Huyền", "Linh", "Loan", "Ngọc", "Nga", "Oanh", "Phương", "Quyên", "Thảo", "Thơm", "Thu",
    "Trang", "Yến", "Vân", "Hạnh", "Hiền", "Hồng", "Liên", "Nguyệt", "Nhàn", "Ánh", "Bích",
    "Chi", "Duyên", "Giang", "Hà", "Huệ", "Lụa", "Mận", "Ngân", "Quỳnh", "Sen", "Tâm", "Thắm",
    "Thoa", "Thư", "Tuyết", "Uyên", "Vui", "Xoan", "Đào", "Dính", "Pằng", "Sua", "Dợ", "Chứ",
    "Mỷ", "Ỏn", "Ính", "Lả", "Phới", "Ơn", "Ấm",
]  # fmt: skip
GIVEN_MALE = [
    "Anh", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Huy", "Khánh", "Long", "Minh",
    "Nam", "Phong", "Quang", "Sơn", "Thắng", "Tuấn", "Việt", "Vinh", "Tiến", "Hưng", "Lợi",
    "Phúc", "Thành", "Toàn", "Trung", "Lâm", "Kiên", "Đạt", "Chính", "Páo", "Sử", "Chư", "Dế",
]  # fmt: skip

# Mông men often carry "A" as a middle name.
MONG_FAMILIES = {"Giàng", "Sùng", "Vàng", "Thào", "Mùa", "Vừ", "Lầu"}
MOUNTAIN_FAMILIES = {name for name, _ in FAMILY_MOUNTAIN} - {"Hoàng", "Lý"}

# Provinces (current GSO codes) where the mountain family names are common.
MOUNTAIN_PROVINCES = {"04", "08", "11", "12", "14", "15", "19", "20"}

# --- places ----------------------------------------------------------------------------------

VILLAGE_FIRST = [
    "Nà", "Hua", "Pá", "Phiêng", "Huổi", "Nậm", "Hô", "Co", "Tà", "Sin", "Lả", "Khun", "Noong",
    "Cốc", "Mường", "Sì", "Phìn", "Lùng", "Pắc", "Thẳm",
]  # fmt: skip
VILLAGE_SECOND = [
    "Khum", "Be", "Pe", "Làng", "Ló", "Cưởm", "Tát", "Sáng", "Đon", "Xe", "Hon", "Kham", "Củm",
    "Nọi", "Luông", "Chải", "Hồ", "Pậu", "Lếch", "Mỏ", "Ngà", "Phát",
]  # fmt: skip
HAMLET_LOWLAND = [
    "Tân Lập", "Phú Thịnh", "Đông", "Đoài", "Thượng", "Hạ", "Trung Hoà", "An Phú", "Bình Minh",
    "Hưng Thịnh", "Tiền Phong", "Đồng Tâm", "Quyết Tiến", "Thống Nhất", "Hoà Bình", "Yên Thế",
    "Phú Lộc", "Thanh Bình", "Cầu Mới", "Mỹ Hưng",
]  # fmt: skip

# Words cooperatives like to carry in their names.
BRANDS = [
    "Hoa Ban", "Thành Công", "Hợp Lực", "Đoàn Kết", "Ánh Dương", "Sao Mai", "Phúc Lộc",
    "Bình An", "Tân Tiến", "Hợp Thành", "Tiến Đạt", "Xuân Hoà", "Hương Sen", "Nắng Mới",
]  # fmt: skip

# --- cooperatives ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A line of business: name patterns, the sector it belongs to and what it sells."""

    key: str
    sector: str  # code in the sectors catalogue
    htx: tuple[str, ...]  # name patterns for an HTX; {place} is the commune or village
    tht: tuple[str, ...]  # name patterns for a THT; {village} is "bản X", "thôn Y", …
    products: tuple[str, ...]
    ocop: tuple[str, ...]
    mountain_only: bool = False
    weight: int = 10


LINES = [
    Line("agri", "mixed_farming", ("HTX Nông nghiệp {place}", "HTX Dịch vụ nông nghiệp {place}",
         "HTX Nông nghiệp và Dịch vụ tổng hợp {place}"), ("THT Sản xuất nông nghiệp {village}",),
         ("lúa", "ngô", "dịch vụ làm đất", "giống cây trồng"), ("Gạo thơm {place}",), weight=16),
    Line("tea", "crops", ("HTX Chè Shan Tuyết {place}", "HTX Chè {place}"),
         ("THT Chè {village}",), ("chè búp tươi", "chè xanh", "chè Shan tuyết"),
         ("Chè Shan tuyết {place}", "Trà xanh {place}"), mountain_only=True, weight=10),
    Line("weaving", "textiles", ("HTX Dệt thổ cẩm {place}", "HTX Thêu dệt thổ cẩm {place}"),
         ("THT Dệt thổ cẩm {village}", "THT Thêu may trang phục dân tộc {village}"),
         ("khăn piêu", "túi thổ cẩm", "váy áo dân tộc", "vỏ chăn"),
         ("Khăn piêu {place}", "Túi thổ cẩm {place}"), mountain_only=True, weight=8),
    Line("vegetables", "crops", ("HTX Rau an toàn {place}", "HTX Rau sạch {place}"),
         ("THT Trồng rau an toàn {village}",), ("rau cải", "su su", "bắp cải", "rau cải mèo"),
         ("Rau su su {place}",), weight=10),
    Line("livestock", "livestock", ("HTX Chăn nuôi {place}", "HTX Chăn nuôi và Thú y {place}"),
         ("THT Chăn nuôi lợn đen {village}", "THT Nuôi gà {village}", "THT Nuôi ong {village}"),
         ("lợn đen", "gà đồi", "trâu", "mật ong"), ("Thịt trâu gác bếp {place}",
         "Mật ong bạc hà {place}"), weight=12),
    Line("fish", "aquaculture", ("HTX Thuỷ sản {place}", "HTX Nuôi trồng thuỷ sản {place}"),
         ("THT Nuôi cá lồng {village}",), ("cá lồng", "cá tầm", "cá trắm"),
         ("Cá tầm {place}",), weight=5),
    Line("herbs", "medicinal_herbs", ("HTX Dược liệu {place}", "HTX Sâm và Dược liệu {place}"),
         ("THT Trồng dược liệu {village}",), ("sâm Lai Châu", "thảo quả", "đương quy",
         "trà hoa vàng"), ("Sâm {place}", "Thảo quả sấy {place}", "Trà hoa vàng {place}"),
         mountain_only=True, weight=6),
    Line("bamboo", "handicraft", ("HTX Mây tre đan {place}",), ("THT Mây tre đan {village}",),
         ("rổ rá", "giỏ mây", "đồ gia dụng tre"), ("Giỏ mây tre {place}",), weight=5),
    Line("processing", "processing", ("HTX Chế biến nông sản {place}", "HTX Miến dong {place}",
         "HTX Thực phẩm sạch {place}"), ("THT Làm bánh {village}", "THT Làm miến {village}"),
         ("miến dong", "măng khô", "chuối sấy", "bánh chưng đen"),
         ("Miến dong {place}", "Măng khô {place}", "Bánh chưng đen {place}"), weight=9),
    Line("tourism", "tourism", ("HTX Du lịch cộng đồng {place}",),
         ("THT Du lịch cộng đồng {village}", "THT Homestay {village}"),
         ("homestay", "ẩm thực dân tộc", "văn nghệ"), ("Bản du lịch {place}",), weight=4),
    Line("garment", "textiles", ("HTX May mặc {place}", "HTX May xuất khẩu {place}"),
         ("THT May {village}",), ("quần áo", "đồng phục", "hàng may gia công"), (), weight=5),
    Line("fruit", "crops", ("HTX Cây ăn quả {place}", "HTX Chuối {place}"),
         ("THT Trồng cam {village}", "THT Trồng chuối {village}"), ("cam", "chuối", "mắc coọc",
         "lê"), ("Chuối tiêu {place}", "Mắc coọc {place}"), weight=6),
    Line("services", "services", ("HTX Thương mại dịch vụ {place}",
         "HTX Vệ sinh môi trường {place}"), ("THT Dịch vụ {village}",),
         ("dịch vụ thu gom rác", "bán hàng nông sản", "dịch vụ ăn uống"), (), weight=5),
    Line("mushroom", "crops", ("HTX Nấm {place}",), ("THT Trồng nấm {village}",),
         ("nấm sò", "nấm linh chi", "mộc nhĩ"), ("Nấm linh chi {place}",), weight=3),
]  # fmt: skip

# Lines of business that are common in a phường (town ward).
URBAN_LINES = {"services", "garment", "processing", "bamboo", "weaving", "tourism"}

# --- Hội officers ----------------------------------------------------------------------------

# {unit} is "phường Tân Phong" or "tỉnh Lai Châu"; {village} a hamlet of the commune.
OFFICER_POSITIONS = [
    "Chủ tịch Hội LHPN {unit}",
    "Phó Chủ tịch Hội LHPN {unit}",
    "Ủy viên Ban Thường vụ Hội LHPN {unit}, phụ trách kinh tế tập thể",
    "Ủy viên Ban Chấp hành Hội LHPN {unit}",
    "Chi hội trưởng phụ nữ {village}",
    "Chi hội trưởng phụ nữ {village}",
]
PROVINCE_OFFICER_POSITIONS = [
    "Chủ tịch Hội LHPN {unit}",
    "Phó Chủ tịch Hội LHPN {unit}",
    "Trưởng ban Gia đình - Xã hội, Hội LHPN {unit}",
    "Chuyên viên ban Gia đình - Xã hội, Hội LHPN {unit}",
    "Chuyên viên phụ trách kinh tế tập thể, Hội LHPN {unit}",
]

# --- trainings -------------------------------------------------------------------------------

TRAINING_TOPICS: dict[str, tuple[str, ...]] = {
    "governance": (
        "Tập huấn nâng cao năng lực quản trị, điều hành HTX cho nữ quản lý",
        "Bồi dưỡng kiến thức quản trị HTX theo Luật Hợp tác xã 2023",
    ),
    "it": ("Tập huấn ứng dụng công nghệ thông tin trong quản lý HTX",),
    "digital": ("Tập huấn chuyển đổi số cho HTX, THT do phụ nữ quản lý",),
    "ecommerce": (
        "Tập huấn bán hàng trên sàn thương mại điện tử",
        "Tập huấn livestream bán hàng nông sản",
    ),
    "law": ("Phổ biến Luật Hợp tác xã năm 2023 cho hội viên, phụ nữ",),
    "vocational": (
        "Đào tạo nghề trồng và chế biến chè",
        "Đào tạo nghề dệt thổ cẩm",
        "Chuyển giao kỹ thuật chăn nuôi an toàn sinh học",
        "Tập huấn kỹ thuật trồng rau an toàn",
    ),
    "startup": ("Tập huấn khởi nghiệp đổi mới sáng tạo cho phụ nữ",),
}
# Officers' courses (topic "governance": supporting the collective economy).
OFFICER_TRAININGS = (
    "Bồi dưỡng kỹ năng tuyên truyền, vận động phát triển KTTT cho cán bộ Hội",
    "Tập huấn nghiệp vụ hỗ trợ phát triển HTX cho cán bộ Hội",
)  # fmt: skip
ORGANISERS = [
    "Hội LHPN {unit}",
    "Hội LHPN {province}",
    "Liên minh HTX {province}",
    "UBND {unit}",
    "Trung tâm Khuyến nông {province}",
]

# --- activities ------------------------------------------------------------------------------

COMMUNICATION = {
    "meeting": "Hội nghị tuyên truyền Đề án 01 tại {place}",
    "club": "Sinh hoạt câu lạc bộ phụ nữ phát triển kinh tế {place}",
    "radio": "Bản tin phát thanh về HTX do phụ nữ quản lý",
    "tv": "Phóng sự truyền hình: phụ nữ {place} làm kinh tế tập thể",
    "facebook": "Bài viết trên Fanpage Hội LHPN về HTX điển hình",
    "zalo": "Tin nhắn nhóm Zalo chi hội về chính sách hỗ trợ HTX",
    "contest": "Cuộc thi tìm hiểu Luật Hợp tác xã năm 2023",
    "leaflet": "Phát tờ rơi giới thiệu chính sách hỗ trợ HTX, THT",
}
# What a communication event was about (added to its title).
THEMES = (
    "Luật Hợp tác xã năm 2023", "lợi ích khi tham gia hợp tác xã", "thành lập tổ hợp tác",
    "vay vốn Quỹ hỗ trợ phụ nữ phát triển", "bán hàng qua mạng xã hội", "sản phẩm OCOP",
    "chuyển đổi số trong sản xuất", "bình đẳng giới trong kinh tế", "liên kết theo chuỗi giá trị",
    "gương phụ nữ làm kinh tế tập thể giỏi",
)  # fmt: skip
FAIRS = ("Hội chợ OCOP {province}", "Phiên chợ sản phẩm của phụ nữ {place}",
         "Hội chợ nông sản vùng Tây Bắc", "Tuần lễ giới thiệu sản phẩm HTX do phụ nữ quản lý")  # fmt: skip
STUDY_TOURS = ("Tham quan học tập mô hình HTX chè tại Thái Nguyên",
               "Học tập kinh nghiệm HTX du lịch cộng đồng tại Sa Pa",
               "Tham quan mô hình HTX nông nghiệp công nghệ cao tại Lâm Đồng")  # fmt: skip
INSPECTIONS = ("Kiểm tra, giám sát thực hiện Đề án 01 tại {place}",
               "Giám sát hoạt động HTX do phụ nữ tham gia quản lý")  # fmt: skip
ADVICE = {
    "founding_advice": "Tư vấn thủ tục thành lập HTX cho hội viên {place}",
    "consolidation_advice": "Tư vấn xây dựng phương án sản xuất kinh doanh cho HTX",
    "meeting": "Hội nghị sơ kết thực hiện Đề án 01 năm {year}",
}

SUPPORT_TEXT = {
    "womens_development_fund": "Vay vốn Quỹ hỗ trợ phụ nữ phát triển",
    "vbsp": "Vay vốn Ngân hàng Chính sách xã hội qua tổ TK&VV của Hội",
    "agribank": "Vay vốn Agribank hỗ trợ mở rộng sản xuất",
    "state_budget": "Hỗ trợ từ ngân sách địa phương",
    "project": "Hỗ trợ từ dự án phát triển sinh kế cho phụ nữ",
}
