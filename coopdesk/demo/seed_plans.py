"""The two real local plans the product was made from (../shared/seeds), as plan records
entered the way an officer enters them in the plan editor.

The texts are the seeds' own, word for word (the 2024 provincial plan names Ninh Thuận and
Quảng Nam as its seed does). What the seeds do not show is left empty (the plans' numbers and
dates) or made up for the demo (the signers' names). Each plan carries its Căn cứ lines as
citations, its issuer's header and signature (a People's Committee: "/KH-UBND", "TM. ỦY BAN
NHÂN DÂN"), its recipients, and the parts the seeds have: the opening sentence, goals in the
plan's words, the city's target groups and phases (printed from its period), the province's
focus for 2024 and its own activities ("Các hoạt động cấp tỉnh").

Targets are (indicator code, period, comparison, value, note). Assignments are (responsible
body, task, coordinating bodies, deadline, status[, own level]) from section VI of each plan
(and IV of the provincial one, its own activities): a task's text is what the plan prints.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

DE_AN = "“Hỗ trợ hợp tác xã do phụ nữ tham gia quản lý, tạo việc làm cho lao động nữ đến năm 2030”"
_d = dt.date

CITY_PLAN: dict[str, Any] = {
    "issuer": "UBND thành phố Lai Châu",
    "number": "",
    "issued_on": None,
    "title": f"Kế hoạch thực hiện Đề án {DE_AN} trên địa bàn thành phố Lai Châu",
    "period_start": _d(2023, 1, 1),
    "period_end": _d(2030, 12, 31),
    "bases": [
        {
            "kind": "QĐ",
            "number": "01/ĐA-TTg",
            "date": _d(2023, 1, 3),
            "issuer": "Thủ tướng Chính phủ",
            "title": f"phê duyệt Đề án {DE_AN}",
        },
        {
            "kind": "KH",
            "number": "235/KH-ĐCT",
            "date": _d(2023, 3, 21),
            "issuer": "Đoàn Chủ tịch Hội LHPN Việt Nam",
            "title": "về Quyết định số: 01/ĐA-TTg, ngày 03/01/2023 của Thủ tướng Chính phủ "
            f"phê duyệt Đề án {DE_AN}",
        },
        {
            "kind": "KH",
            "number": "2229/KH-UBND",
            "date": _d(2023, 6, 16),
            "issuer": "UBND tỉnh Lai Châu",
            "title": f"về thực hiện Đề án {DE_AN} trên địa bàn tỉnh Lai Châu",
        },
    ],
    "opening": (
        f"UBND thành phố Lai Châu ban hành Kế hoạch thực hiện Đề án {DE_AN} (sau đây gọi tắt là Đề"
        " án) trên địa bàn thành phố Lai Châu như sau:"
    ),
    "purpose": "\n".join(
        [
            "- Xác định rõ trách nhiệm của các cấp chính quyền từ thành phố đến cơ sở, các cơ "
            "quan, phòng, ban, đoàn thể thành phố trong triển khai thực hiện Đề án, nhằm thực "
            "hiện tốt nhiệm vụ đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể (KTTT); "
            "cụ thể hóa nội dung và nhiệm vụ trọng tâm của Đề án đảm bảo sự thống nhất, tổ chức "
            "thực hiện kịp thời, hiệu quả nhằm hoàn thành tốt các mục tiêu của Đề án.",
            "- Nâng cao nhận thức của hội viên, phụ nữ và xã hội về các chính sách của Đảng, Nhà "
            "nước và các nội dung của Đề án; phát huy vai trò của phụ nữ trong phát triển KTTT, "
            "hợp tác xã (HTX), góp phần thúc đẩy bình đẳng giới, nâng cao quyền năng kinh tế của "
            "phụ nữ trong khu vực KTTT, HTX.",
        ]
    ),
    "requirements": "\n".join(
        [
            "- Phát huy vai trò, trách nhiệm của Hội LHPN các cấp trong tổ chức tuyên truyền thúc"
            " đẩy bình đẳng giới trong lĩnh vực kinh tế, việc làm và tham gia các hoạt động xã "
            "hội, nâng cao nhận thức của hội viên, phụ nữ về đường lối, chính sách của Đảng, pháp"
            " luật của Nhà nước về phát triển và nâng cao hiệu quả KTTT, HTX và các nội dung của "
            "Đề án; kết nối các nguồn lực hỗ trợ duy trì, phát triển các HTX do phụ nữ tham gia "
            "quản lý, điều hành, tạo việc làm cho lao động nữ trên địa bàn thành phố.",
            "- Các cơ quan, phòng, ban, đơn vị trực thuộc UBND thành phố có liên quan phối hợp "
            "với Hội Liên hiệp Phụ nữ (LHPN) thành phố trong tổ chức triển khai thực hiện Đề án, "
            "kết hợp lồng ghép trong các Chương trình mục tiêu quốc gia, Chương trình hỗ trợ phát"
            " triển KTTT, HTX của tỉnh, thành phố và các dự án khác nhằm hỗ trợ cơ chế, chính "
            "sách và kinh phí theo kế hoạch đề ra, đảm bảo thực hiện thắng lợi các nhiệm vụ và "
            "mục tiêu của Đề án. Các hoạt động hỗ trợ phát triển HTX do phụ nữ tham gia quản lý, "
            "điều hành đảm bảo hiệu quả thực chất, tiết kiệm, đúng tiến độ và phù hợp với tình "
            "hình thực tế địa phương.",
        ]
    ),
    "general_goal": "\n".join(
        [
            "- Nâng cao nhận thức của hội viên, phụ nữ và nhân dân về đường lối, chính sách của "
            "Đảng, pháp luật của Nhà nước về phát triển KTTT, HTX. Phát huy nội lực, tinh thần "
            "hợp tác, khởi nghiệp sáng tạo của hội viên, phụ nữ, góp phần thực hiện các mục tiêu "
            "về phát triển kinh tế - xã hội, hội nhập quốc tế và bình đẳng giới.",
            "- Phát triển, củng cố, duy trì và nâng cao hiệu quả hoạt động các HTX do phụ nữ tham"
            " gia quản lý, điều hành, tạo việc làm cho lao động nữ trên địa bàn thành phố; ưu "
            "tiên phát triển các HTX do phụ nữ tham gia quản lý, điều hành, tạo nhiều việc làm "
            "cho lao động nữ trong lĩnh vực phát triển kinh tế nông nghiệp, ứng dụng khoa học và "
            "công nghệ, đổi mới sáng tạo, chuyển đổi số, tham gia sản xuất, chế biến, tiêu thụ "
            "sản phẩm gắn với Chương trình mỗi xã một sản phẩm (OCOP), gắn với xây dựng nông thôn"
            " mới, liên kết sản xuất theo chuỗi giá trị với sản phẩm hàng hóa chủ lực đặc trưng "
            "của địa phương nhất là vùng đặc biệt khó khăn. Hỗ trợ, nâng cao đời sống vật chất, "
            "tinh thần cho thành viên và người lao động trong HTX.",
        ]
    ),
    "specific_goals": "\n".join(
        [
            "a) Đến năm 2025",
            "- Củng cố, nâng cao chất lượng và hiệu quả hoạt động cho 100% HTX và tổ hợp tác (do "
            "phụ nữ tham gia quản lý, điều hành được các cấp hội hỗ trợ thành lập) tạo việc làm "
            "ổn định cho lao động nữ trong HTX, Tổ hợp tác (THT).",
            "- 100% nữ quản lý của HTX (Chủ tịch, thành viên Hội đồng quản trị HTX; Giám đốc, "
            "Tổng Giám đốc HTX, thành viên Ban kiểm soát) được đào tạo, bồi dưỡng, nâng cao năng "
            "lực quản trị, điều hành phù hợp với hoạt động sản xuất, kinh doanh của HTX; đào tạo,"
            " bồi dưỡng cho thành viên, người lao động trong HTX, hội viên, phụ nữ có nhu cầu "
            "tham gia phát triển KTTT, HTX.",
            "- Tư vấn, hỗ trợ thành lập mới ít nhất 01 HTX do phụ nữ tham gia quản lý, điều hành,"
            " tạo việc làm cho lao động nữ, (trên 50% lao động HTX là nữ); tạo việc làm mới cho "
            "khoảng 07 lao động nữ.",
            "- 100% cán bộ hội làm công tác hỗ trợ phát triển KTTT, HTX được tập huấn; ít nhất "
            "80% cán bộ hội các cấp được nâng cao kỹ năng tuyên truyền, vận động, hỗ trợ hội "
            "viên, phụ nữ tham gia phát triển KTTT, HTX.",
            "b) Đến năm 2030",
            "- Củng cố, nâng cao chất lượng và hiệu quả hoạt động cho 100% HTX và tổ hợp tác (do "
            "phụ nữ tham gia quản lý, điều hành được các cấp hội hỗ trợ thành lập), tạo việc làm "
            "ổn định cho lao động nữ trong HTX, THT.",
            "- Tư vấn, hỗ trợ thành lập mới ít nhất 02 HTX do phụ nữ tham gia quản lý, điều hành,"
            " tạo việc làm cho lao động nữ (trên 50% lao động HTX là nữ); tạo việc làm mới cho "
            "khoảng 14 lao động nữ.",
            "- 100% nữ quản lý của HTX được đào tạo, bồi dưỡng, nâng cao năng lực quản trị, điều "
            "hành, phù hợp với hoạt động sản xuất, kinh doanh của HTX; đào tạo, bồi dưỡng cho "
            "thành viên, người lao động trong HTX, hội viên, phụ nữ có nhu cầu tham gia phát "
            "triển kinh tế tập thể, HTX.",
            "- 100% cán bộ hội các cấp làm công tác hỗ trợ phát triển KTTT, HTX được tập huấn; ít"
            " nhất 90% cán bộ hội các cấp được bồi dưỡng, nâng cao kỹ năng tuyên truyền, vận "
            "động, hỗ trợ hội viên, phụ nữ tham gia phát triển KTTT, HTX.",
        ]
    ),
    "target_groups": "\n".join(
        [
            "- HTX do phụ nữ tham gia quản lý, điều hành (nữ quản lý, điều hành là Chủ tịch, "
            "thành viên Hội đồng quản trị HTX; Giám đốc, Tổng Giám đốc HTX, thành viên Ban kiểm "
            "soát); HTX tạo việc làm cho lao động nữ (trên 50% lao động HTX là nữ). Ưu tiên các "
            "HTX sản xuất theo chuỗi giá trị, ứng dụng công nghệ chế biến sâu, phát huy ngành "
            "nghề truyền thống, khôi phục văn hóa, khai thác tài nguyên bản địa.",
            "- Nữ quản lý, điều hành của HTX; thành viên, người lao động trong HTX, tổ hợp tác.",
            "- Hội viên, phụ nữ có nhu cầu tham gia phát triển KTTT, HTX, ưu tiên phụ nữ ở các "
            "vùng khó khăn, vùng đồng bào dân tộc thiểu số; hộ nghèo, cận nghèo; khuyết tật; hoàn"
            " lương; nạn nhân bị mua bán, bị bạo lực gia đình, bị xâm hại tình dục; di cư lao "
            "động không an toàn, công nhân mất việc làm trong các khu công nghiệp.",
            "- Cán bộ Hội LHPN các cấp, các tổ chức và cá nhân có liên quan.",
        ]
    ),
    "tasks": "\n".join(
        [
            "1. Tuyên truyền, vận động nâng cao nhận thức về hỗ trợ phát triển KTTT, HTX",
            "- Đẩy mạnh tuyên truyền trong cán bộ, người đứng đầu cơ quan, đơn vị, tổ chức, hội "
            "viên, phụ nữ và Nhân dân về các chính sách liên quan hỗ trợ phát triển KTTT, HTX do "
            "phụ nữ tham gia quản lý, điều hành, tạo nhiều việc làm cho lao động nữ; phát huy vai"
            " trò của phụ nữ trong phát triển KTTT, HTX; thúc đẩy bình đẳng giới trong lĩnh vực "
            "kinh tế, việc làm và tham gia các hoạt động xã hội. Vận động hội viên, phụ nữ tích "
            "cực tham gia xây dựng các mô hình kinh tế gắn với liên kết trong sản xuất, tiêu thụ.",
            "- Đổi mới, đa dạng các sản phẩm và phương thức truyền thông về KTTT, HTX, Đề án, vai"
            " trò của phụ nữ trong phát triển KTTT, HTX, theo hướng: Truyền thông theo nhóm đối "
            "tượng, ứng dụng rộng rãi công nghệ thông tin trong công tác truyền thông; kết hợp tổ"
            " chức các chiến dịch truyền thông quy mô lớn diện rộng với các hình thức tuyên "
            "truyền, vận động trực tiếp tại các địa bàn theo nhóm đối tượng; đa dạng các nội dung"
            " tuyên truyền gắn với các lĩnh vực hoạt động của KTTT, HTX.",
            "- Phối hợp với các cơ quan, đơn vị liên quan xây dựng các chuyên trang, chuyên mục, "
            "phóng sự tuyên truyền về kết quả hoạt động của HTX do phụ nữ tham gia quản lý, điều "
            "hành, tạo nhiều việc làm cho lao động nữ; các gương điển hình phụ nữ trong phát "
            "triển HTX, về kết quả thực hiện Đề án; đẩy mạnh thực hiện các hình thức tài liệu số "
            "hóa, trực quan (sản phẩm truyền thông nghe, nhìn).",
            "- Khuyến khích Hội LHPN các cấp đổi mới, sáng tạo trong tổ chức các hoạt động truyền"
            " thông tại cộng đồng về lợi ích của KTTT, HTX, THT; thường xuyên tổ chức các hoạt "
            "động truyền thông về phát triển KTTT, HTX, THT trên hệ thống thông tin điện tử và "
            "trên nền tảng mạng xã hội như facebook, zalo, lồng ghép truyền thông tại các cuộc "
            "sinh hoạt tổ, nhóm, câu lạc bộ của tổ chức Hội; tổ chức các cuộc thi tìm hiểu các "
            "chủ trương của Đảng, chính sách của Nhà nước về KTTT, HTX, THT bằng các hình thức "
            "phù hợp.",
            "- Tôn vinh, khen thưởng các tập thể, cá nhân điển hình có thành tích trong xây dựng,"
            " phát triển KTTT, HTX do phụ nữ tham gia quản lý, điều hành, tạo nhiều việc làm cho "
            "lao động nữ trong dịp sơ kết, tổng kết Đề án.",
            "2. Củng cố, nâng cao chất lượng hoạt động của các HTX do phụ nữ tham gia quản lý, "
            "điều hành, tạo nhiều việc làm cho lao động nữ",
            "- Tập trung khảo sát, rà soát, nghiên cứu, đánh giá, thực trạng các HTX do phụ nữ "
            "tham gia quản lý, điều hành để nắm chắc số lượng, chất lượng và những vấn đề đặt ra "
            "của các HTX hoạt động trên các lĩnh vực. Qua đó, đề xuất các giải pháp hỗ trợ cụ thể"
            " để hỗ trợ, tháo gỡ khó khăn, nâng cao chất lượng hoạt động của các HTX.",
            "- Kết nối, hỗ trợ, tư vấn, hướng dẫn các HTX xây dựng phương án sản xuất kinh doanh;"
            " phương án thu hút, mở rộng thành viên phù hợp với các quy định hiện hành; hướng dẫn"
            " thủ tục sắp xếp, củng cố tổ chức, hoạt động để tăng hiệu quả hoạt động của các HTX "
            "tăng thu nhập cho các thành viên và HTX.",
            "- Rà soát cử cán bộ phụ trách làm công tác hỗ trợ phụ nữ giảm nghèo, hỗ trợ phụ nữ "
            "làm kinh tế tập thể, vận động thành viên của các HTX, THT, các chủ thể của các sản "
            "phẩm OCOP trên địa bàn thành phố tham dự các hội nghị, hội thảo, diễn đàn kết nối, "
            "xúc tiến thương mại với các sàn giao dịch thương mại điện tử, tham gia chuỗi bán "
            "buôn/bán lẻ, hợp tác với các doanh nghiệp, nhà phân phối để đầu tư và tiêu thụ sản "
            "phẩm, dịch vụ, ứng dụng khoa học công nghệ, đăng ký nhãn hiệu, bảo hộ thương hiệu, "
            "truy xuất nguồn gốc... do các cấp, cách ngành tổ chức.",
            "- Khai thác, hỗ trợ tiếp cận nguồn vốn, chính sách từ các chương trình, dự án, đề án"
            " khác đang được triển khai trên địa bàn tỉnh, thành phố nhằm mở rộng quy mô sản "
            "xuất, đáp ứng nhu cầu vốn và xây dựng cơ sở vật chất, trang thiết bị phục vụ sản "
            "xuất - kinh doanh của HTX; hướng dẫn, hỗ trợ HTX trong lĩnh vực nông nghiệp tham gia"
            " bảo hiểm nông nghiệp, hỗ trợ phòng ngừa, rủi ro thiên tai, dịch bệnh, tiếp cận các "
            "quỹ hỗ trợ HTX, các tổ chức tín dụng.",
            "3. Hỗ trợ, tư vấn, thành lập mới các HTX do phụ nữ tham gia quản lý, điều hành, tạo "
            "nhiều việc làm cho lao động nữ",
            "- Tư vấn pháp lý, hỗ trợ thủ tục thành lập HTX cho sáng lập viên, hội viên, phụ nữ "
            "có nhu cầu thành lập mới HTX theo hướng phát triển ngành nghề truyền thống, phát huy"
            " tài nguyên bản địa, gắn với sản xuất các sản phẩm chủ lực của địa phương, sản phẩm "
            "OCOP; ứng dụng công nghệ cao, tạo giá trị gia tăng; tăng cường liên kết sản xuất "
            "theo chuỗi giá trị.",
            "- Đối với trường hợp chưa đủ điều kiện thành lập HTX, tư vấn, hỗ trợ hội viên, phụ "
            "nữ về các thủ tục, quy trình thành lập tổ hợp tác; xây dựng phương án sản xuất kinh "
            "doanh theo hình thức tổ hợp tác hay nhóm đồng sở thích do phụ nữ quản lý, điều hành.",
            "- Tổ chức các hoạt động tuyên truyền, vận động, kết nối các HTX, THT cùng ngành, "
            "nghề, lĩnh vực để tăng cường quy mô hợp tác, nâng cao sức cạnh tranh, hoạt động hiệu"
            " quả. Cung cấp thông tin đầy đủ và kịp thời về chính sách thương mại, nông nghiệp, "
            "dịch vụ cho các HTX, THT.",
            "4. Hỗ trợ nâng cao chất lượng nguồn nhân lực của các HTX do phụ nữ tham gia quản lý,"
            " điều hành, tạo nhiều việc làm cho lao động nữ",
            "- Tham gia đào tạo, bồi dưỡng nâng cao năng lực cho nữ quản lý, điều hành HTX, tổ "
            "hợp tác và lãnh đạo các HTX với các nội dung: kiến thức, kỹ năng quản trị; ứng dụng "
            "công nghệ thông tin trong quản trị kinh doanh, điều hành hợp tác xã; tham gia thương"
            " mại điện tử; cung cấp thông tin, phổ biến quy định pháp luật về KTTT, HTX và các "
            "lĩnh vực có liên quan; tư vấn, đào tạo nghề cho phụ nữ.",
            "- Vận động thành viên và lao động nữ tại các HTX, THT tham gia các khóa đào tạo "
            "nghề, chuyển giao khoa học kỹ thuật, sản xuất theo quy trình thực hành sản xuất tốt,"
            " bền vững.",
            "- Phối hợp tư vấn, đào tạo nghề cho nữ tham gia quản lý, điều hành các HTX, thành "
            "viên và lao động nữ của các HTX về kiến thức quản trị, kinh doanh, ứng dụng công "
            "nghệ, chuyển đổi số, thương mại điện tử, marketing.",
            "- Tham gia các hoạt động thăm quan, học tập kinh nghiệm cho nữ quản lý, điều hành "
            "các HTX; lãnh đạo các HTX tạo việc làm cho lao động nữ; tổ trưởng tổ hợp tác có tiềm"
            " năng phát triển thành HTX do phụ nữ quản lý, điều hành; thành viên tham gia HTX, tổ"
            " hợp tác.",
            "5. Nâng cao chất lượng công tác chỉ đạo, điều hành của các cấp hội về hỗ trợ, phát "
            "triển KTTT, HTX",
            "- Tăng cường sự lãnh đạo, chỉ đạo của Hội LHPN các cấp đối với công tác hỗ trợ, phát"
            " triển KTTT, HTX, coi đây là nhiệm vụ trọng tâm, thường xuyên và quan trọng. Chủ "
            "động xây dựng kế hoạch, chương trình hành động đẩy mạnh triển khai các hoạt động hỗ "
            "trợ phù hợp với tình hình thực tế và tiềm năng, lợi thế của thành phố.",
            "- Nghiên cứu, tham gia đề xuất chính sách hỗ trợ HTX do phụ nữ quản lý điều hành, "
            "tạo việc làm cho lao động nữ; nghiên cứu thúc đẩy quyền năng kinh tế của phụ nữ "
            "trong khu vực KTTT, HTX; đa dạng hóa các hình thức nâng cao năng lực cho cán bộ hội "
            "các cấp làm công tác hỗ trợ phát triển KTTT.",
            "- Tăng cường công tác kiểm tra, giám sát, có biện pháp hỗ trợ kịp thời đối với các "
            "HTX do phụ nữ tham gia quản lý, điều hành, tạo nhiều việc làm cho lao động nữ; giới "
            "thiệu, quảng bá các sản phẩm của HTX, THT, vận động hội viên phụ nữ sử dụng sản phẩm"
            " do phụ nữ sản xuất.",
            "- Phát huy vai trò của tổ chức Hội LHPN các cấp trong huy động các nguồn lực từ các "
            "tổ chức, cá nhân và lồng ghép các chương trình, dự án, đề án hội để triển khai hiệu "
            "quả các hoạt động theo mục tiêu đề ra.",
            "6. Tăng cường hợp tác quốc tế",
            "Vận động nguồn lực của các tổ chức trong nước và quốc tế trong tư vấn, hỗ trợ, đào "
            "tạo, kết nối các HTX, hỗ trợ thực hiện bình đẳng giới trong khu vực KTTT, HTX. Tạo "
            "điều kiện cho các HTX do phụ nữ tham gia quản lý, điều hành, tạo việc làm cho phụ nữ"
            " tham gia các hoạt động kết nối, giới thiệu sản phẩm với thị trường nước ngoài (hội "
            "chợ, diễn đàn, triển lãm, đào tạo).",
        ]
    ),
    "budget_text": "\n".join(
        [
            "- Kinh phí thực hiện Đề án được bố trí từ nguồn ngân sách nhà nước hằng năm theo quy"
            " định về phân cấp ngân sách nhà nước hiện hành; lồng ghép từ các chương trình, đề "
            "án, kế hoạch liên quan đã được phê duyệt; huy động từ các doanh nghiệp, tổ chức và "
            "các nguồn vốn hợp pháp khác (nếu có).",
            f"- Đối với kinh phí thực hiện Đề án {DE_AN} được bố trí, sắp xếp trong phạm vi dự "
            "toán chi ngân sách nhà nước hàng năm đã được cấp có thẩm quyền giao để thực hiện.",
            "- Căn cứ nội dung hoạt động của kế hoạch và chức năng, nhiệm vụ được giao, hàng năm "
            "các cơ quan, đơn vị lập dự toán kinh phí triển khai thực hiện kế hoạch trong dự toán"
            " chi hàng năm của cơ quan, đơn vị mình theo phân cấp của luật ngân sách nhà nước; "
            "định kỳ hàng năm báo cáo UBND huyện theo quy định.",
        ]
    ),
    "heading_groups": "ĐỐI TƯỢNG, THỜI GIAN THỰC HIỆN ĐỀ ÁN",
    "reporting": (
        "Yêu cầu các cơ quan, đơn vị liên quan, Chủ tịch Ủy ban nhân dân các xã, phường triển "
        "khai thực hiện kế hoạch. Định kỳ báo cáo kết quả thực hiện hằng năm trước ngày 15/11 và "
        "báo cáo đột xuất khi có yêu cầu về Hội LHPN thành phố để tổng hợp, báo cáo Tỉnh."
    ),
    "signer_name": "Trần Văn Sơn",  # made up for the demo
    "recipients": "\n".join(
        [
            "Như trên",
            "Hội LHPN tỉnh Lai Châu",
            "Lãnh đạo UBND thành phố",
            "Ủy ban MTTQVN và các Tổ chức CT-XH TP",
            "Các cơ quan chuyên môn thuộc UBND thành phố",
            "UBND các xã, phường",
            "Lưu: VT",
        ]
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

_END1, _END2 = _d(2025, 12, 31), _d(2030, 12, 31)
CITY_ASSIGNMENTS: list[tuple[Any, ...]] = [
    (
        "Hội Liên hiệp Phụ nữ thành phố",
        "- Là cơ quan thường trực triển khai Đề án trên địa bàn thành phố; xây dựng kế hoạch tổ "
        "chức thực hiện các hoạt động của Đề án trình UBND cùng cấp phê duyệt; phối hợp với các "
        "cơ quan, đơn vị liên quan triển khai thực hiện tốt các nhiệm vụ của Kế hoạch.",
        "Các cơ quan, đơn vị liên quan",
        _d(2023, 12, 31),
        "done",
    ),
    (
        "Hội Liên hiệp Phụ nữ thành phố",
        "- Chủ động tuyên truyền nâng cao nhận thức cho cán bộ, hội viên, phụ nữ, nhân dân về ý "
        "nghĩa, các chính sách hỗ trợ KTTT, HTX; tích cực hỗ trợ, phối hợp với phòng Tài chính – "
        "Kế hoạch thành phố tư vấn hồ sơ, thủ tục thành lập HTX cho hội viên, phụ nữ và các đối "
        "tượng khác có nhu cầu; rà soát, vận động, hướng dẫn các THT do phụ nữ quản lý, điều hành"
        " hoạt động có hiệu quả phát triển thành HTX, hỗ trợ HTX,THT thuộc phạm vi Đề án tiếp cận"
        " nguồn vay ưu đãi của quỹ hỗ trợ phát triển HTX.",
        "Phòng Tài chính - Kế hoạch thành phố",
        _END2,
        "in_progress",
    ),
    (
        "Hội Liên hiệp Phụ nữ thành phố",
        "- Hằng năm, trên cơ sở mục tiêu, nhiệm vụ, nội dung các hoạt động của Đề án, lập dự toán"
        " kinh phí triển khai Đề án hằng năm; phối hợp với các cơ quan liên quan đề xuất bố trí "
        "nguồn lực từ ngân sách địa phương, các chương trình, dự án để triển khai Đề án. Chủ động"
        " huy động nguồn lực xã hội hóa.",
        "Phòng Tài chính - Kế hoạch thành phố",
        _d(2026, 7, 31),
        "done",
    ),
    (
        "Hội Liên hiệp Phụ nữ thành phố",
        "- Kiểm tra, giám sát, đánh giá, hướng dẫn sơ kết, tổng kết các hoạt động của Đề án. Tổng"
        " hợp, báo cáo kết quả thực hiện Đề án theo hướng dẫn của Hội LHPN tỉnh Lai Châu; bổ "
        "sung, điều chỉnh các hoạt động của Đề án đảm bảo phù hợp với thực tế, trình UBND thành "
        "phố xem xét, phê duyệt. Tham mưu, đề xuất hình thức khen thưởng đối với các tập thể, cá "
        "nhân tiêu biểu trong triển khai, thực hiện Đề án theo quy định.",
        "Hội LHPN tỉnh Lai Châu",
        _d(2026, 11, 30),
        "in_progress",
    ),
    (
        "Phòng Tài chính - Kế hoạch thành phố",
        "\n".join(
            [
                "- Trên cơ sở dự toán do Hội LHPN thành phố xây dựng, tổng hợp nhu cầu, thẩm "
                "định, cân đối tham mưu UBND thành phố bố trí kinh phí thực hiện Đề án theo phân "
                "cấp quản lý và các quy định hiện hành.",
                "- Hướng dẫn đơn vị sử dụng ngân sách thực hiện các quy định về quản lý sử dụng "
                "kinh phí, thanh quyết toán kinh phí theo quy định.",
                "- Phối hợp với Hội LHPN thành phố và các cơ quan liên quan phổ biến, triển khai "
                "thực hiện có hiệu quả Đề án; phối hợp tư vấn, kiện toàn, thành lập mới các HTX, "
                "xúc tiến thương mại, mở rộng thị trường; quan tâm hỗ trợ các HTX do nữ lãnh đạo,"
                " quản lý, điều hành trong tham mưu các chính sách phát triển KTTT, HTX trên địa "
                "bàn thành phố.",
            ]
        ),
        "Hội LHPN thành phố",
        _END2,
        "in_progress",
    ),
    (
        "Phòng Kinh tế thành phố",
        "\n".join(
            [
                "- Phối hợp với Hội LHPN thành phố trong triển khai lồng ghép các hoạt động của "
                "Đề án theo lĩnh vực thuộc phòng phụ trách nhằm hỗ trợ phụ nữ tham gia quản lý "
                "HTX, góp phần tạo việc làm cho lao động nữ trong lĩnh vực nông nghiệp, nông dân,"
                " nông thôn.Tuyên truyền, hỗ trợ các chủ thể là nữ thành lập Hợp tác xã và hỗ trợ"
                " phát triển sản phẩm tham gia chương trình OCOP; Phối hợp tổ chức hội nghị, hội "
                "thảo, diễn đàn và các hoạt động thúc đẩy phát triển HTX nông nghiệp do phụ nữ "
                "tham gia quản lý, điều hành do các cấp tổ chức.",
                "- Phối hợp với các cơ quan liên quan, UBND các xã, phường triển khai có hiệu quả"
                " các đề án khuyến công, chương trình xúc tiến thương mại, kế hoạch phát triển "
                "thương mại điện tử trong đó ưu tiên hỗ trợ các HTX do phụ nữ tham gia quản lý, "
                "điều hành ứng dụng máy móc tiên tiến, thương mại điện tử trong sản xuất, kinh "
                "doanh, tham gia các hoạt động xúc tiến thương mại để nâng cao năng lực sản xuất,"
                " phát triển sản phẩm, mở rộng thị trường, tiêu thụ sản phẩm.",
            ]
        ),
        "Hội LHPN thành phố; UBND các xã, phường",
        _END2,
        "in_progress",
    ),
    (
        "Phòng Lao động - Thương binh và Xã hội thành phố",
        "\n".join(
            [
                "Phối hợp với Hội LHPN thành phố:",
                "- Triển khai lồng ghép các hoạt động của Đề án theo lĩnh vực đào tạo nghề phi "
                "nông nghiệp, giới thiệu, tạo việc làm cho lao động nữ, thúc đẩy bình đẳng giới; "
                "quan tâm cân đối, bố trí kinh phí thuộc Chương trình MTQG giảm nghèo bền vững và"
                " các chương trình, đề án của phòng Lao động TB&XH quản lý để thực hiện đề án.",
                "- Tổ chức đào tạo nghề cho lao động nữ, nữ quản lý các HTX, THT; tổ chức các hội"
                " nghị, diễn đàn, các hoạt động đào tạo nghề, tạo việc làm cho lao động nữ và "
                "thúc đẩy bình đẳng giới trong khu vực KTTT, HTX.",
            ]
        ),
        "Hội LHPN thành phố",
        _END1,
        "late",
    ),
    (
        "Phòng Văn hóa và Thông tin thành phố; Trung tâm văn hoá, Thể thao và truyền thông thành "
        "phố",
        "\n".join(
            [
                "Phối hợp với Hội LHPN thành phố:",
                "- Hướng dẫn các HTX do phụ nữ tham gia quản lý, điều hành, tạo việc làm cho lao "
                "động nữ trên địa bàn thành phố ứng dụng công nghệ thông tin, sử dụng các nền "
                "tảng số, công nghệ số vào sản xuất, kinh doanh, hỗ trợ kết nối, giới thiệu, "
                "quảng bá sản phẩm.",
                "- Truyền thông tuyên truyền về các chính sách liên quan hỗ trợ phát triển KTTT, "
                "HTX do phụ nữ tham gia quản lý, điều hành, tạo việc làm cho lao động nữ; phát "
                "huy vai trò của phụ nữ trong phát triển KTTT, HTX; kết quả, điển hình hỗ trợ, "
                "phát triển HTX do phụ nữ tham gia quản lý, điều hành và tạo việc làm cho lao "
                "động nữ.",
            ]
        ),
        "Hội LHPN thành phố",
        _END2,
        "in_progress",
    ),
    (
        "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thành phố",
        "Căn cứ chức năng, nhiệm vụ của đơn vị phối hợp chặt chẽ, tăng cường công tác tuyên "
        "truyền, vận động, hướng dẫn, hỗ trợ đoàn viên, hội viên tham gia, triển khai thực hiện "
        "tốt việc hỗ trợ cho hoạt động KTTT, HTX trên địa bàn thành phố; phối hợp với Hội LHPN "
        "thành phố trong triển khai thực hiện Đề án.",
        "Hội LHPN thành phố",
        _END2,
        "open",
    ),
    (
        "Ủy ban nhân dân các xã, phường",
        "\n".join(
            [
                "- Căn cứ nội dung Kế hoạch thực hiện Đề án của UBND thành phố, xây dựng Kế hoạch"
                " thực hiện Đề án phù hợp với kế hoạch phát triển kinh tế - xã hội của địa "
                "phương; phối hợp với Hội LHPN xã, phường triển khai thực hiện có hiệu quả các "
                "mục tiêu, nhiệm vụ Kế hoạch.",
                "- Hằng năm, đề xuất và bố trí nguồn lực cần thiết từ ngân sách địa phương, sử "
                "dụng nguồn vốn thuộc các Chương trình MTQG, các chương trình, dự án liên quan và"
                " các nguồn vốn hợp pháp khác để triển khai thực hiện Đề án.",
                "- Thường xuyên tổ chức kiểm tra, giám sát, đánh giá kết quả việc triển khai thực"
                " hiện Đề án tại địa phương.",
            ]
        ),
        "Hội LHPN xã, phường",
        _d(2026, 11, 15),
        "in_progress",
    ),
]

PROVINCE_PLAN: dict[str, Any] = {
    "issuer": "UBND {province}",
    "number": "",
    "issued_on": None,
    "title": f"Kế hoạch thực hiện Đề án {DE_AN} trên địa bàn tỉnh năm 2024",
    "period_start": _d(2024, 1, 1),
    "period_end": _d(2024, 12, 31),
    "bases": [
        {
            "kind": "QĐ",
            "number": "01/QĐ-TTg",
            "date": _d(2023, 1, 3),
            "issuer": "Thủ tướng Chính phủ",
            "title": f"phê duyệt Đề án {DE_AN} (viết tắt là Đề án 01)",
        },
        {
            "verb": "implementing",
            "kind": "KH",
            "number": "3608/KH-UBND",
            "date": _d(2023, 8, 28),
            "issuer": "Ủy ban nhân dân tỉnh",
            "title": f"về thực hiện Đề án {DE_AN}",
        },
    ],
    "opening": (
        f"Ủy ban nhân dân (UBND) tỉnh ban hành Kế hoạch thực hiện Đề án {DE_AN} trên địa bàn tỉnh "
        "năm 2024 như sau:"
    ),
    "purpose": "\n".join(
        [
            "- Tuyên truyền, nâng cao nhận thức cho cán bộ, hội viên, phụ nữ, người dân, xã hội "
            "về chủ trương của Đảng, chính sách pháp luật của Nhà nước về phát triển kinh tế tập "
            f"thể (KTTT), hợp tác xã (HTX) góp phần hoàn thành tốt các mục tiêu của Đề án {DE_AN};",
            "- Nâng cao năng lực, hiệu quả hoạt động các HTX do phụ nữ tham gia quản lý, tạo việc"
            " làm cho lao động nữ; hỗ trợ bồi dưỡng, đào tạo, nâng cao đời sống vật chất, tinh "
            "thần cho thành viên và người lao động trong HTX.",
            "- Cụ thể hóa các nhiệm vụ, giải pháp nhằm phát huy nội lực, tinh thần hợp tác, khởi "
            "nghiệp sáng tạo của phụ nữ; nâng cao quyền năng kinh tế của phụ nữ trong khu vực "
            "kinh tế tập thể, góp phần thúc đẩy bình đẳng giới.",
        ]
    ),
    "requirements": "\n".join(
        [
            "- Khai thác và tận dụng tối đa các nguồn lực trên cơ sở phối hợp giữa các sở, ban, "
            "ngành, đoàn thể, các tổ chức, cá nhân, các chương trình, Đề án khác đã và đang triển"
            " khai tại địa phương, đảm bảo không chồng chéo, tiết kiệm, hiệu quả.",
            "- Các hoạt động triển khai thực hiện Đề án 01 theo kế hoạch, đảm bảo tính đồng bộ và"
            " phù hợp với tình hình thực tế của các đơn vị.",
        ]
    ),
    "specific_goals": "\n".join(
        [
            "- Tổ chức các hoạt động tuyên truyền về chủ trương, chính sách phát triển HTX, KTTT "
            "của Đảng, Nhà nước; Hệ thống văn bản chỉ đạo của Trung ương Hội LHPN Việt Nam, UBND "
            "tỉnh về hướng dẫn triển khai Đề án 01; các hoạt động triển khai Đề án của Hội LHPN "
            "các cấp; xây dựng phóng sự tuyên truyền trên Báo, Đài Phát thanh truyền hình tỉnh "
            "các điển hình tập thể, cá nhân phụ nữ, HTX, mô hình KTTT điển hình; các mô hình KTTT"
            " của phụ nữ, hệ thống Hội.",
            "- 100% nữ quản lý doanh nghiệp, hợp tác xã, tổ hợp tác, hội viên, phụ nữ khởi sự "
            "kinh doanh, khởi nghiệp tham gia các lớp tập huấn về khởi nghiệp đổi mới sáng tạo.",
            "- Tư vấn, hỗ trợ thành lập mới 01 HTX do phụ nữ tham gia quản lý, điều hành, tạo "
            "việc làm cho lao động nữ.",
            "- Hỗ trợ vốn cho phụ nữ có đăng ký kinh doanh (doanh nghiệp, hợp tác xã, tổ hợp tác,"
            " hộ kinh doanh cá thể) phát triển kinh doanh thông qua Quỹ hỗ trợ phụ nữ phát triển "
            "và các tổ chức tín dụng.",
        ]
    ),
    "tasks": "\n".join(
        [
            "1. Tuyên truyền, vận động phụ nữ nâng cao nhận thức về hỗ trợ phát triển KTTT, HTX",
            "Đa dạng các hình thức tuyên truyền, xây dựng các chuyên mục, phóng sự, clip tuyên "
            "truyền trên Đài phát thanh truyền hình, Báo Ninh Thuận, cổng thông tin điện tử và "
            "các trang Fanpage về chủ trương chính sách của Đảng, Nhà nước về KTTT, HTX; chính "
            "sách hỗ trợ HTX, Tổ hợp tác (THT) của địa phương, lợi ích tham gia phát triển KTTT, "
            "HTX; điển hình, cách làm hay của tập thể, cá nhân phụ nữ, HTX do phụ nữ tham gia "
            "quản lý, tạo việc làm cho lao động nữ; định hướng chỉ đạo, hỗ trợ của Hội Liên hiệp "
            "Phụ nữ (LHPN) Việt Nam với các HTX do nữ quản lý; các hoạt động triển khai Đề án của"
            " Hội LHPN các cấp.",
            "2. Củng cố, nâng cao chất lượng hoạt động của các HTX do phụ nữ tham gia quản lý, "
            "điều hành, tạo nhiều việc làm cho lao động nữ",
            "- Rà soát kết quả hoạt động, xem xét khó khăn, vướng mắc, có biện pháp cụ thể hỗ "
            "trợ, nâng chất lượng hoạt động của HTX do nữ tham gia quản lý, tạo việc làm cho lao "
            "động nữ; các HTX có ngành nghề phù hợp với thế mạnh của phụ nữ, lao động nữ gắn với "
            "làng nghề truyền thống, bảo tồn văn hóa, phát huy tài nguyên bản địa…; sản xuất liên"
            " kết theo chuỗi giá trị, chuỗi cung ứng, du lịch cộng đồng, tạo việc làm cho lao "
            "động nữ.",
            "- Tư vấn, hướng dẫn, xây dựng phương án sản xuất kinh doanh; thu hút, mở rộng thành "
            "viên phù hợp với quy định hiện hành; hướng dẫn sắp xếp, củng cố tổ chức, hoạt động "
            "tăng hiệu quả và thu nhập cho thành viên.",
            "- Tổ chức hội nghị, diễn đàn kết nối, xúc tiến thương mại cho các HTX do phụ nữ tham"
            " gia quản lý, điều hành, tạo nhiều việc làm cho lao động nữ với các sàn giao dịch "
            "thương mại điện tử; tham gia chuỗi bán buôn/bán lẻ, hợp tác với các doanh nghiệp, "
            "nhà phân phối để đầu tư và tiêu thụ sản phẩm, dịch vụ, ứng dụng khoa học công nghệ, "
            "hỗ trợ xúc tiến thương mại, đăng ký nhãn mác, bảo hộ thương hiệu, truy xuất nguồn "
            "gốc, cấp mã số vùng trồng, phát triển hệ thống phân phối sản phẩm, dịch vụ.",
            "3. Hỗ trợ, tư vấn, xây dựng các HTX do phụ nữ tham gia quản lý, điều hành, tạo nhiều"
            " việc làm cho lao động nữ",
            "- Tư vấn, hỗ trợ thủ tục đăng ký, tư vấn thành lập HTX cho sáng lập viên, hội viên, "
            "phụ nữ có nhu cầu thành lập mới HTX do phụ nữ tham gia quản lý, điều hành, tạo việc "
            "làm cho nhiều lao động nữ gắn với sản xuất sản phẩm OCOP theo hướng ứng dụng công "
            "nghệ cao, sản xuất đặc sản địa phương, tạo giá trị gia tăng.",
            "- Tư vấn, hỗ trợ hội viên, phụ nữ tìm hiều về các quy trình thành lập HTX, THT; "
            "hướng dẫn xây dựng phương án sản xuất kinh doanh, phương án thu hút, mở rộng thành "
            "viên, phù hợp với các quy định hiện hành.",
            "- Vận động HTX, THT do phụ nữ tham gia quản lý cùng ngành, nghề, lĩnh vực tăng cường"
            " trao đổi, hợp tác tăng quy mô và gắn kết, nâng cao sức cạnh tranh, hoạt động hiệu "
            "quả. Cung cấp thông tin, chính sách thương mại, nông nghiệp, dịch vụ cho các HTX do "
            "phụ nữ tham gia quản lý, tạo việc làm cho lao động nữ.",
            "- Tổ chức hợp tác, liên kết giữa các thành viên HTX áp dụng quy trình sản xuất tốt, "
            "truy xuất nguồn gốc, xây dựng thương hiệu sản phẩm; thúc đẩy liên kết HTX với doanh "
            "nghiệp tiêu thụ sản phẩm, phát triển các chuỗi giá trị sản phẩm.",
            "4. Hỗ trợ nâng cao chất lượng nguồn nhân lực của các HTX do phụ nữ tham gia quản lý,"
            " điều hành, tạo nhiều việc làm cho lao động nữ",
            "- Tổ chức, phối hợp đào tạo, tập huấn, bồi dưỡng kiến thức cho thành viên, ban lãnh "
            "đạo các HTX, THT do phụ nữ tham gia quản lý, tạo việc làm cho lao động nữ.",
            "- Tư vấn, đào tạo nghề, chuyển giao khoa học - kỹ thuật cho thành viên và lao động "
            "nữ tại HTX do phụ nữ tham gia quản lý, tạo việc làm cho lao động nữ.",
            "- Phối hợp đào tạo ứng dụng thương mại điện tử cho thành viên của các HTX do phụ nữ "
            "tham gia quản lý, tạo việc làm cho lao động nữ.",
            "5. Nâng cao chất lượng công tác chỉ đạo, điều hành của các cấp Hội phụ nữ về hỗ trợ,"
            " phát triển KTTT, HTX",
            "- Tổ chức các đoàn khảo sát, bồi dưỡng ngắn hạn về phát triển HTX do phụ nữ tham gia"
            " quản lý, tạo việc làm cho lao động nữ, thúc đẩy quyền năng của phụ nữ trong kinh "
            "tế, văn hóa, chính trị.",
            "- Xây dựng mạng lưới các nữ lãnh đạo HTX.",
            "- Tổ chức kiểm tra, giám sát việc triển khai, thực hiện Đề án 01 tại các huyện, "
            "thành phố trên địa bàn tỉnh.",
            "6. Tăng cường hợp tác quốc tế",
            "- Đẩy mạnh hợp tác quốc tế trong kết nối, giới thiệu với thị trường nước ngoài các "
            "sản phẩm của HTX do phụ nữ tham gia quản lý, tạo việc làm cho lao động nữ.",
            "- Vận động, huy động nguồn lực của các tổ chức quốc tế trong hoạt động tư vấn, hỗ "
            "trợ, đào tạo, kết nối HTX do do phụ nữ tham gia quản lý, tạo việc làm cho lao động "
            "nữ.",
        ]
    ),
    "budget_text": (
        "Nguồn ngân sách địa phương, sử dụng nguồn vốn thuộc các Chương trình MTQG; lồng ghép các"
        " nguồn vốn khuyến công, khuyến nông, nguồn vốn tín dụng và các nguồn vốn hợp pháp khác "
        "để triển khai thực hiện Đề án."
    ),
    "heading_tasks": "ĐỊNH HƯỚNG NỘI DUNG TRỌNG TÂM NĂM 2024",
    "heading_own": "CÁC HOẠT ĐỘNG CẤP TỈNH (Do Hội LHPN tỉnh chủ trì)",
    "closing": (
        f"Trên đây là Kế hoạch thực hiện Đề án {DE_AN} năm 2024. Các sở, ban, ngành, tổ chức là "
        "thành viên Ban Chỉ đạo, Chủ tịch UBND các huyện, thành phố căn cứ chức năng, nhiệm vụ "
        "triển khai thực hiện. Báo cáo kết quả thực hiện Đề án năm 2024 về Ban Chỉ đạo (qua Hội "
        "LHPN tỉnh) trước ngày 30/11/2024 để tổng hợp theo quy định./."
    ),
    "signer_authority": "KT. CHỦ TỊCH",
    "signer_title": "PHÓ CHỦ TỊCH",
    "signer_name": "Lê Thị Hồng",  # made up for the demo
    "recipients": "\n".join(
        [
            "BĐH Dự án TW",
            "TW Hội LHPN VN",
            "TT. Tỉnh ủy, TT. HĐND tỉnh (báo cáo)",
            "Ban Tuyên giáo, Ban Dân vận Tỉnh ủy",
            "Các Sở, Ban, Ngành tỉnh",
            "Ngân hàng Nhà nước chi nhánh tỉnh Ninh Thuận",
            "Ban Dân tộc; Liên minh HTX tỉnh",
            "Ủy ban Mặt trận tổ quốc Việt Nam tỉnh",
            "Hội Nông dân tỉnh; Tỉnh Đoàn; Hội Cựu chiến binh tỉnh",
            "UBND các huyện, thành phố",
            "Hội LHPN các huyện, thành phố",
            "VPUB: LĐ, KTTH",
            "Lưu: VT, VXNV. NVT",
        ]
    ),
}

PROVINCE_TARGETS = [
    ("new_htx_programme", "2024", ">=", 1,
     "Tư vấn, hỗ trợ thành lập mới 01 HTX do phụ nữ tham gia quản lý, điều hành"),
    ("women_managers_trained_pct", "2024", ">=", 100,
     "100% nữ quản lý DN, HTX, THT, phụ nữ khởi nghiệp tham gia tập huấn khởi nghiệp đổi mới "
     "sáng tạo"),
]  # fmt: skip

_END2024 = _d(2024, 12, 31)
PROVINCE_ASSIGNMENTS: list[tuple[Any, ...]] = [
    (
        "Hội LHPN tỉnh",
        f"Tham mưu UBND tỉnh thành lập Ban Chỉ đạo Đề án {DE_AN};",
        "",
        _END2024,
        "done",
        True,
    ),
    (
        "Hội LHPN tỉnh",
        "Tuyên truyền trên cổng thông tin điện tử và Fanpage của Hội LHPN tỉnh về chủ trương, "
        "chính sách phát triển HTX, KTTT của Đảng, Nhà nước; Hệ thống văn bản chỉ đạo của Trung "
        "ương Hội LHPN Việt Nam, UBND tỉnh về hướng dẫn triển khai Đề án 01; các hoạt động triển "
        "khai Đề án của Hội LHPN các cấp; xây dựng phóng sự tuyên truyền trên Báo, Đài Phát thanh"
        " truyền hình tỉnh các điển hình tập thể, cá nhân phụ nữ, HTX, mô hình KTTT điển hình; "
        "các mô hình KTTT của phụ nữ, hệ thống Hội.",
        "Báo, Đài Phát thanh - Truyền hình tỉnh",
        _END2024,
        "done",
        True,
    ),
    (
        "Hội LHPN tỉnh",
        "Phối hợp với Liên minh Hợp tác xã và địa phương lựa chọn địa bàn thành lập mới 01 HTX do"
        " phụ nữ tham gia quản lý, điều hành, tạo việc làm cho lao động nữ gắn với sản xuất các "
        "sản phẩm chủ lực của địa phương, sản phẩm OCOP theo hướng ứng dụng công nghệ cao.",
        "Liên minh Hợp tác xã tỉnh; địa phương",
        _END2024,
        "done",
        True,
    ),
    (
        "Hội LHPN tỉnh",
        "Vận động, giới thiệu nữ doanh nghiệp, hợp tác xã, tổ hợp tác, hội viên phụ nữ khởi sự "
        "kinh doanh, khởi nghiệp tham gia các lớp tập huấn về khởi nghiệp đổi mới sáng tạo do Sở "
        "Khoa học và Công nghệ tổ chức; đăng ký tham gia Tuần lễ khởi nghiệp sáng tạo lần thứ 5 -"
        " TechFest Quảng Nam 2024.",
        "Sở Khoa học và Công nghệ",
        _END2024,
        "done",
        True,
    ),
    (
        "Hội LHPN tỉnh",
        "Hỗ trợ hội viên, phụ nữ tham gia Cuộc thi tìm hiểu Luật Hợp tác xã năm 2023 do Trung "
        "ương Hội LHPN Việt Nam tổ chức.",
        "",
        _END2024,
        "done",
        True,
    ),
    (
        "Hội LHPN tỉnh",
        "Phối hợp vận động hỗ trợ vốn cho phụ nữ có đăng ký kinh doanh (doanh nghiệp, hợp tác xã,"
        " tổ hợp tác, hộ kinh doanh cá thể) phát triển kinh doanh thông qua Quỹ hỗ trợ phụ nữ "
        "phát triển và các tổ chức tín dụng.",
        "Ngân hàng Nhà nước chi nhánh tỉnh; các tổ chức tín dụng",
        _END2024,
        "done",
        True,
    ),
    (
        "Hội Liên hiệp Phụ nữ tỉnh",
        "\n".join(
            [
                "- Chủ trì, phối hợp các Sở, ngành, Hội đoàn thể liên quan tổ chức triển khai "
                "hiệu quả các hoạt động tại mục III kế hoạch này; chỉ đạo Hội LHPN các huyện, "
                "thành phố tổ chức triển khai nội dung Kế hoạch này đúng mục đích, có hiệu quả; "
                "kiểm tra, giám sát việc thực hiện các hoạt động của Đề án.",
                "- Tổng hợp kết quả thực hiện Đề án năm 2024 của các đơn vị liên quan, báo cáo "
                "UBND tỉnh và Trung ương Hội LHPN Việt Nam trước ngày 30/11/2024.",
            ]
        ),
        "Các sở, ngành, đơn vị liên quan",
        _d(2024, 11, 30),
        "late",
        False,
    ),
    (
        "Các sở, ngành, đơn vị, thành viên Ban Chỉ đạo",
        "\n".join(
            [
                "Trên cơ sở nội dung kế hoạch này, căn cứ chức năng, nhiệm vụ chuyên môn được "
                "giao, các sở, ngành, thành viên Ban Chỉ đạo có trách nhiệm:",
                "- Thực hiện các nhiệm vụ đã được UBND tỉnh giao tại Kế hoạch số 3608/KH-UBND "
                f"ngày 28/8/2023 của UBND tỉnh về thực hiện Đề án {DE_AN}.",
                "- Phối hợp với Hội LHPN tỉnh thực hiện các nội dung hoạt động trong Kế hoạch "
                "theo chức năng, nhiệm vụ được giao.",
                "- Chỉ đạo các đơn vị trực thuộc phối hợp với các cấp Hội Phụ nữ tổ chức triển "
                "khai Kế hoạch tại địa phương.",
                "- Tạo điều kiện, lồng ghép các nguồn lực từ các chương trình, dự án liên quan "
                "của cơ quan, đơn vị để thực hiện có hiệu quả các hoạt động của Kế hoạch tại cơ "
                "quan, đơn vị.",
                "- Báo cáo kết quả thực hiện về Hội LHPN tỉnh.",
            ]
        ),
        "Hội LHPN tỉnh",
        _END2024,
        "done",
        False,
    ),
    (
        "Ủy ban nhân dân huyện/thành phố",
        "\n".join(
            [
                "- Chỉ đạo các cơ quan chức năng của địa phương triển khai thực hiện Đề án trên "
                "cơ sở kế hoạch số 3608/KH-UBND ngày 28/8/2023 của UBND tỉnh về thực hiện Đề án "
                f"{DE_AN}. Chủ động xây dựng kế hoạch, bố trí ngân sách địa phương để triển khai "
                "thực hiện các hoạt động đảm bảo hiệu quả. Thường xuyên theo dõi, kiểm tra, giám "
                "sát việc thực hiện kế hoạch tại địa phương.",
                "- Cân đối, bố trí vào dự toán ngân sách hàng năm theo quy định để tổ chức thực "
                "hiện có hiệu quả Đề án tại địa phương.",
                "- Phối hợp với Hội LHPN tỉnh chỉ đạo Hội LHPN các huyện, thành phố thực hiện các"
                " nội dung theo kế hoạch đề ra.",
            ]
        ),
        "Hội LHPN các huyện, thành phố",
        _END2024,
        "done",
        False,
    ),
]

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
