"""The two real local plans the product was made from (../shared/seeds), as plan records.

Texts are taken from the seed documents (shortened where they run long). The document numbers
and dates of the two plans are not in the extracted text, so they are left empty. Targets are
(indicator code, period, comparison, value, note); assignments are (responsible body, task,
coordinating bodies, deadline, status) from section VI of each plan.
"""

from __future__ import annotations

import datetime as dt

DE_AN = "“Hỗ trợ hợp tác xã do phụ nữ tham gia quản lý, tạo việc làm cho lao động nữ đến năm 2030”"

CITY_PLAN = {
    "issuer": "UBND thành phố Lai Châu",
    "number": "",
    "issued_on": None,
    "title": f"Kế hoạch thực hiện Đề án {DE_AN} trên địa bàn thành phố Lai Châu",
    "period_start": dt.date(2023, 1, 1),
    "period_end": dt.date(2030, 12, 31),
    "legal_bases": "\n".join(
        [
            f"Căn cứ Quyết định số 01/ĐA-TTg ngày 03/01/2023 của Thủ tướng Chính phủ phê duyệt "
            f"Đề án {DE_AN};",
            "Căn cứ Kế hoạch số 235/KH-ĐCT ngày 21/3/2023 của Đoàn Chủ tịch Hội LHPN Việt Nam "
            "về Quyết định số 01/ĐA-TTg ngày 03/01/2023 của Thủ tướng Chính phủ;",
            "Căn cứ Kế hoạch số 2229/KH-UBND ngày 16/6/2023 của UBND tỉnh Lai Châu về thực hiện "
            "Đề án trên địa bàn tỉnh Lai Châu.",
        ]
    ),
    "purpose": (
        "Xác định rõ trách nhiệm của các cấp chính quyền từ thành phố đến cơ sở, các cơ quan, "
        "phòng, ban, đoàn thể thành phố trong triển khai thực hiện Đề án, nhằm thực hiện tốt "
        "nhiệm vụ đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể (KTTT).\n"
        "Nâng cao nhận thức của hội viên, phụ nữ và xã hội về các chính sách của Đảng, Nhà nước "
        "và các nội dung của Đề án; phát huy vai trò của phụ nữ trong phát triển KTTT, hợp tác "
        "xã (HTX), góp phần thúc đẩy bình đẳng giới, nâng cao quyền năng kinh tế của phụ nữ."
    ),
    "requirements": (
        "Phát huy vai trò, trách nhiệm của Hội LHPN các cấp trong tổ chức tuyên truyền thúc đẩy "
        "bình đẳng giới trong lĩnh vực kinh tế, việc làm; kết nối các nguồn lực hỗ trợ duy trì, "
        "phát triển các HTX do phụ nữ tham gia quản lý, điều hành, tạo việc làm cho lao động nữ.\n"
        "Các cơ quan, phòng, ban, đơn vị trực thuộc UBND thành phố phối hợp với Hội LHPN thành "
        "phố, lồng ghép trong các Chương trình mục tiêu quốc gia và các dự án khác; các hoạt "
        "động bảo đảm hiệu quả thực chất, tiết kiệm, đúng tiến độ."
    ),
    "general_goal": (
        "Nâng cao nhận thức của hội viên, phụ nữ và nhân dân về phát triển KTTT, HTX. Phát triển, "
        "củng cố, duy trì và nâng cao hiệu quả hoạt động các HTX do phụ nữ tham gia quản lý, "
        "điều hành, tạo việc làm cho lao động nữ; ưu tiên lĩnh vực nông nghiệp, ứng dụng khoa "
        "học và công nghệ, chuyển đổi số, sản phẩm OCOP, liên kết theo chuỗi giá trị."
    ),
    "target_groups": (
        "HTX do phụ nữ tham gia quản lý, điều hành; HTX tạo việc làm cho lao động nữ (trên 50% "
        "lao động là nữ). Nữ quản lý, điều hành HTX; thành viên, người lao động trong HTX, tổ hợp "
        "tác. Hội viên, phụ nữ có nhu cầu, ưu tiên phụ nữ vùng khó khăn, vùng đồng bào dân tộc "
        "thiểu số; hộ nghèo, cận nghèo; khuyết tật; hoàn lương; nạn nhân bị mua bán, bạo lực gia "
        "đình, xâm hại tình dục; di cư lao động không an toàn. Cán bộ Hội LHPN các cấp."
    ),
    "tasks": "\n".join(
        [
            "1. Tuyên truyền, vận động nâng cao nhận thức về hỗ trợ phát triển KTTT, HTX.",
            "2. Củng cố, nâng cao chất lượng hoạt động của các HTX do phụ nữ tham gia quản lý, "
            "điều hành, tạo nhiều việc làm cho lao động nữ.",
            "3. Hỗ trợ, tư vấn, thành lập mới các HTX do phụ nữ tham gia quản lý, điều hành.",
            "4. Hỗ trợ nâng cao chất lượng nguồn nhân lực của các HTX.",
            "5. Nâng cao chất lượng công tác chỉ đạo, điều hành của các cấp hội.",
            "6. Tăng cường hợp tác quốc tế.",
        ]
    ),
    "budget_text": (
        "Kinh phí được bố trí từ nguồn ngân sách nhà nước hằng năm theo phân cấp; lồng ghép từ "
        "các chương trình, đề án, kế hoạch liên quan; huy động từ doanh nghiệp, tổ chức và các "
        "nguồn vốn hợp pháp khác (nếu có)."
    ),
    "reporting": (
        "Định kỳ báo cáo kết quả thực hiện hằng năm trước ngày 15/11 và báo cáo đột xuất khi có "
        "yêu cầu về Hội LHPN thành phố để tổng hợp, báo cáo Tỉnh."
    ),
}

CITY_TARGETS = [
    ("coops_consolidated_pct", "phase1", ">=", 100,
     "Củng cố, nâng cao chất lượng 100% HTX, THT do các cấp hội hỗ trợ thành lập"),
    ("women_managers_trained_pct", "phase1", ">=", 100,
     "100% nữ quản lý HTX được đào tạo, bồi dưỡng"),
    ("new_htx_programme", "phase1", ">=", 1,
     "Thành lập mới ít nhất 01 HTX do phụ nữ tham gia quản lý, trên 50% lao động là nữ"),
    ("new_jobs_women", "phase1", "about", 7, "Tạo việc làm mới cho khoảng 07 lao động nữ"),
    ("officers_trained_pct", "phase1", ">=", 100,
     "100% cán bộ hội làm công tác hỗ trợ phát triển KTTT, HTX được tập huấn"),
    ("officers_upskilled_pct", "phase1", ">=", 80,
     "Ít nhất 80% cán bộ hội được nâng cao kỹ năng tuyên truyền, vận động"),
    ("coops_consolidated_pct", "phase2", ">=", 100,
     "Củng cố, nâng cao chất lượng 100% HTX, THT do các cấp hội hỗ trợ thành lập"),
    ("women_managers_trained_pct", "phase2", ">=", 100,
     "100% nữ quản lý HTX được đào tạo, bồi dưỡng"),
    ("new_htx_programme", "all", ">=", 2,
     "Đến năm 2030 thành lập mới ít nhất 02 HTX do phụ nữ tham gia quản lý"),
    ("new_jobs_women", "all", "about", 14, "Đến năm 2030 tạo việc làm mới cho khoảng 14 lao động nữ"),
    ("officers_trained_pct", "phase2", ">=", 100,
     "100% cán bộ hội các cấp làm công tác hỗ trợ phát triển KTTT, HTX được tập huấn"),
    ("officers_upskilled_pct", "phase2", ">=", 90,
     "Ít nhất 90% cán bộ hội các cấp được bồi dưỡng, nâng cao kỹ năng"),
]  # fmt: skip

_END1, _END2 = dt.date(2025, 12, 31), dt.date(2030, 12, 31)
CITY_ASSIGNMENTS = [
    ("Hội LHPN thành phố", "Cơ quan thường trực triển khai Đề án; xây dựng kế hoạch tổ chức "
     "thực hiện các hoạt động của Đề án trình UBND cùng cấp phê duyệt.",
     "Các cơ quan, đơn vị liên quan", dt.date(2023, 12, 31), "done"),
    ("Hội LHPN thành phố", "Tuyên truyền nâng cao nhận thức; phối hợp tư vấn hồ sơ, thủ tục "
     "thành lập HTX; vận động THT do phụ nữ quản lý phát triển thành HTX; hỗ trợ tiếp cận nguồn "
     "vay ưu đãi của quỹ hỗ trợ phát triển HTX.", "Phòng Tài chính - Kế hoạch thành phố",
     _END2, "in_progress"),
    ("Hội LHPN thành phố", "Lập dự toán kinh phí triển khai Đề án hằng năm; đề xuất bố trí "
     "nguồn lực; huy động nguồn lực xã hội hóa.", "Phòng Tài chính - Kế hoạch thành phố",
     dt.date(2026, 7, 31), "done"),
    ("Hội LHPN thành phố", "Kiểm tra, giám sát, hướng dẫn sơ kết, tổng kết; tổng hợp, báo cáo "
     "kết quả thực hiện Đề án theo hướng dẫn của Hội LHPN tỉnh Lai Châu.",
     "Hội LHPN tỉnh Lai Châu", dt.date(2026, 11, 30), "in_progress"),
    ("Phòng Tài chính - Kế hoạch thành phố", "Tổng hợp nhu cầu, thẩm định, cân đối, tham mưu "
     "UBND thành phố bố trí kinh phí thực hiện Đề án; hướng dẫn quản lý, thanh quyết toán "
     "kinh phí; phối hợp tư vấn, kiện toàn, thành lập mới các HTX.", "Hội LHPN thành phố",
     _END2, "in_progress"),
    ("Phòng Kinh tế thành phố", "Lồng ghép hoạt động của Đề án trong lĩnh vực nông nghiệp, nông "
     "thôn; hỗ trợ chủ thể là nữ thành lập HTX và phát triển sản phẩm OCOP; ưu tiên HTX do phụ "
     "nữ quản lý trong khuyến công, xúc tiến thương mại, thương mại điện tử.",
     "Hội LHPN thành phố; UBND các xã, phường", _END2, "in_progress"),
    ("Phòng Lao động - Thương binh và Xã hội thành phố", "Lồng ghép đào tạo nghề phi nông "
     "nghiệp, giới thiệu việc làm cho lao động nữ; bố trí kinh phí Chương trình MTQG giảm nghèo "
     "bền vững; đào tạo nghề cho lao động nữ, nữ quản lý HTX, THT.", "Hội LHPN thành phố",
     _END1, "late"),
    ("Phòng Văn hóa và Thông tin thành phố; Trung tâm Văn hoá, Thể thao và Truyền thông thành "
     "phố", "Hướng dẫn HTX ứng dụng công nghệ thông tin, nền tảng số; truyền thông về chính sách "
     "hỗ trợ và các điển hình HTX do phụ nữ tham gia quản lý.", "Hội LHPN thành phố", _END2,
     "in_progress"),
    ("Ủy ban MTTQ và các tổ chức chính trị - xã hội thành phố", "Phối hợp tuyên truyền, vận "
     "động, hướng dẫn, hỗ trợ đoàn viên, hội viên tham gia phát triển KTTT, HTX.",
     "Hội LHPN thành phố", _END2, "open"),
    ("UBND các xã, phường", "Xây dựng kế hoạch thực hiện Đề án của địa phương; bố trí nguồn lực "
     "từ ngân sách địa phương và các Chương trình MTQG; kiểm tra, giám sát, đánh giá kết quả; "
     "báo cáo kết quả hằng năm trước ngày 15/11.", "Hội LHPN xã, phường",
     dt.date(2026, 11, 15), "in_progress"),
]  # fmt: skip

PROVINCE_PLAN = {
    "issuer": "UBND {province}",
    "number": "",
    "issued_on": None,
    "title": f"Kế hoạch thực hiện Đề án {DE_AN} trên địa bàn tỉnh năm 2024",
    "period_start": dt.date(2024, 1, 1),
    "period_end": dt.date(2024, 12, 31),
    "legal_bases": "\n".join(
        [
            f"Căn cứ Quyết định số 01/QĐ-TTg ngày 03/01/2023 của Thủ tướng Chính phủ phê duyệt "
            f"Đề án {DE_AN} (viết tắt là Đề án 01);",
            "Thực hiện Kế hoạch số 3608/KH-UBND ngày 28/8/2023 của Ủy ban nhân dân tỉnh về thực "
            "hiện Đề án.",
        ]
    ),
    "purpose": (
        "Tuyên truyền, nâng cao nhận thức cho cán bộ, hội viên, phụ nữ, người dân, xã hội về "
        "chủ trương của Đảng, chính sách pháp luật của Nhà nước về phát triển kinh tế tập thể, "
        "hợp tác xã.\nNâng cao năng lực, hiệu quả hoạt động các HTX do phụ nữ tham gia quản lý, "
        "tạo việc làm cho lao động nữ.\nCụ thể hóa các nhiệm vụ, giải pháp nhằm phát huy nội "
        "lực, tinh thần hợp tác, khởi nghiệp sáng tạo của phụ nữ."
    ),
    "requirements": (
        "Khai thác và tận dụng tối đa các nguồn lực trên cơ sở phối hợp giữa các sở, ban, "
        "ngành, đoàn thể, bảo đảm không chồng chéo, tiết kiệm, hiệu quả; các hoạt động đồng bộ "
        "và phù hợp với tình hình thực tế của các đơn vị."
    ),
    "general_goal": (
        "Tuyên truyền về chủ trương, chính sách phát triển HTX, KTTT; 100% nữ quản lý doanh "
        "nghiệp, HTX, THT, hội viên, phụ nữ khởi nghiệp tham gia tập huấn về khởi nghiệp đổi "
        "mới sáng tạo; thành lập mới 01 HTX do phụ nữ tham gia quản lý; hỗ trợ vốn cho phụ nữ "
        "qua Quỹ hỗ trợ phụ nữ phát triển và các tổ chức tín dụng."
    ),
    "target_groups": "",
    "tasks": "\n".join(
        [
            "1. Tuyên truyền, vận động phụ nữ nâng cao nhận thức về hỗ trợ phát triển KTTT, HTX.",
            "2. Củng cố, nâng cao chất lượng hoạt động của các HTX do phụ nữ tham gia quản lý.",
            "3. Hỗ trợ, tư vấn, xây dựng các HTX do phụ nữ tham gia quản lý, điều hành.",
            "4. Hỗ trợ nâng cao chất lượng nguồn nhân lực của các HTX.",
            "5. Nâng cao chất lượng công tác chỉ đạo, điều hành của các cấp Hội phụ nữ.",
            "6. Tăng cường hợp tác quốc tế.",
        ]
    ),
    "budget_text": (
        "Nguồn ngân sách địa phương, nguồn vốn thuộc các Chương trình MTQG; lồng ghép các nguồn "
        "vốn khuyến công, khuyến nông, nguồn vốn tín dụng và các nguồn vốn hợp pháp khác."
    ),
    "reporting": (
        "Báo cáo kết quả thực hiện Đề án năm 2024 về Ban Chỉ đạo (qua Hội LHPN tỉnh) trước "
        "ngày 30/11/2024."
    ),
}

PROVINCE_TARGETS = [
    ("new_htx_programme", "2024", ">=", 1,
     "Tư vấn, hỗ trợ thành lập mới 01 HTX do phụ nữ tham gia quản lý, điều hành"),
    ("women_managers_trained_pct", "2024", ">=", 100,
     "100% nữ quản lý DN, HTX, THT, phụ nữ khởi nghiệp tham gia tập huấn khởi nghiệp đổi mới "
     "sáng tạo"),
]  # fmt: skip

_END2024 = dt.date(2024, 12, 31)
PROVINCE_ASSIGNMENTS = [
    ("Hội LHPN tỉnh", "Tham mưu UBND tỉnh thành lập Ban Chỉ đạo Đề án.", "", _END2024, "done"),
    ("Hội LHPN tỉnh", "Tuyên truyền trên cổng thông tin điện tử và Fanpage của Hội LHPN tỉnh; "
     "xây dựng phóng sự trên Báo, Đài Phát thanh truyền hình tỉnh về các điển hình.",
     "Báo, Đài Phát thanh - Truyền hình tỉnh", _END2024, "done"),
    ("Hội LHPN tỉnh", "Lựa chọn địa bàn thành lập mới 01 HTX do phụ nữ tham gia quản lý, điều "
     "hành gắn với sản phẩm chủ lực, sản phẩm OCOP.", "Liên minh Hợp tác xã tỉnh; địa phương",
     _END2024, "done"),
    ("Hội LHPN tỉnh", "Vận động nữ doanh nghiệp, HTX, THT, hội viên khởi nghiệp tham gia các lớp "
     "tập huấn về khởi nghiệp đổi mới sáng tạo; đăng ký tham gia Tuần lễ khởi nghiệp sáng tạo "
     "lần thứ 5 - TechFest Quảng Nam 2024.", "Sở Khoa học và Công nghệ", _END2024, "done"),
    ("Hội LHPN tỉnh", "Hỗ trợ hội viên, phụ nữ tham gia Cuộc thi tìm hiểu Luật Hợp tác xã năm "
     "2023 do Trung ương Hội LHPN Việt Nam tổ chức.", "", _END2024, "done"),
    ("Hội LHPN tỉnh", "Phối hợp vận động hỗ trợ vốn cho phụ nữ có đăng ký kinh doanh qua Quỹ hỗ "
     "trợ phụ nữ phát triển và các tổ chức tín dụng.", "Ngân hàng Nhà nước chi nhánh tỉnh; các "
     "tổ chức tín dụng", _END2024, "done"),
    ("Hội LHPN tỉnh", "Tổng hợp kết quả thực hiện Đề án năm 2024, báo cáo UBND tỉnh và Trung "
     "ương Hội LHPN Việt Nam.", "Các sở, ngành, đơn vị liên quan", dt.date(2024, 11, 30),
     "late"),
    ("Các sở, ngành, thành viên Ban Chỉ đạo", "Thực hiện nhiệm vụ được giao tại Kế hoạch số "
     "3608/KH-UBND; lồng ghép nguồn lực các chương trình, dự án; báo cáo kết quả về Hội LHPN "
     "tỉnh.", "Hội LHPN tỉnh", _END2024, "done"),
    ("UBND các huyện, thành phố", "Chỉ đạo các cơ quan chức năng triển khai Đề án; bố trí ngân "
     "sách địa phương; theo dõi, kiểm tra, giám sát việc thực hiện kế hoạch tại địa phương.",
     "Hội LHPN các huyện, thành phố", _END2024, "done"),
]  # fmt: skip

NATIONAL_PLAN = {
    "issuer": "Thủ tướng Chính phủ",
    "number": "01/QĐ-TTg",
    "issued_on": dt.date(2023, 1, 3),
    "title": f"Đề án {DE_AN} (Đề án 01)",
    "period_start": dt.date(2023, 1, 1),
    "period_end": dt.date(2030, 12, 31),
    "legal_bases": "",
    "purpose": "Mục tiêu toàn quốc của Đề án 01, giai đoạn 1 đến hết năm 2025, giai đoạn 2 "
    "từ năm 2026 đến năm 2030.",
    "reporting": "Tỉnh báo cáo Trung ương Hội LHPN Việt Nam trước ngày 30/11 hằng năm.",
}

NATIONAL_TARGETS = [
    ("htx_women_managed", "phase1", ">=", 750,
     "HTX do phụ nữ tham gia quản lý được củng cố, nâng cao chất lượng"),
    ("htx_women_managed", "all", ">=", 1500,
     "HTX do phụ nữ tham gia quản lý được củng cố, nâng cao chất lượng"),
    ("tht_women_managed", "phase1", ">=", 5000, "THT được củng cố, hỗ trợ"),
    ("tht_women_managed", "all", ">=", 10000, "THT được củng cố, hỗ trợ"),
    ("female_workers_htx", "phase1", ">=", 15000, "Việc làm ổn định cho lao động nữ trong HTX"),
    ("female_workers_htx", "all", ">=", 30000, "Việc làm ổn định cho lao động nữ trong HTX"),
    ("female_workers_tht", "phase1", ">=", 40000, "Việc làm cho lao động nữ trong THT"),
    ("female_workers_tht", "all", ">=", 100000, "Việc làm cho lao động nữ trong THT"),
    ("women_managers_trained_pct", "phase1", ">=", 100, "100% nữ quản lý HTX được đào tạo"),
    ("women_managers_trained_pct", "phase2", ">=", 100, "100% nữ quản lý HTX được đào tạo"),
]  # fmt: skip
