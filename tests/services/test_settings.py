"""Installation and document settings: stored as JSON, defaults derived from the unit."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from coopdesk.db.engine import session_scope
from coopdesk.services import settings, units
from coopdesk.services.settings import DocumentSettings, Installation


def test_no_installation_before_init(engine: Engine) -> None:
    with session_scope(engine) as s:
        assert settings.get_installation(s) is None


def test_installation_round_trip_with_padded_code(engine: Engine) -> None:
    with session_scope(engine) as s:
        saved = settings.save_installation(
            s, Installation("3408", "commune", "  Lò   Thị Mai ", "Chủ tịch Hội LHPN phường")
        )
        assert saved.unit_code == "03408" and saved.officer == "Lò Thị Mai"
    with session_scope(engine) as s:
        assert settings.get_installation(s) == Installation(
            "03408", "commune", "Lò Thị Mai", "Chủ tịch Hội LHPN phường", "vi"
        )


def test_bad_installations_are_refused(engine: Engine) -> None:
    with session_scope(engine) as s:
        with pytest.raises(units.UnknownUnit, match="99999"):
            settings.save_installation(s, Installation("99999", "commune", "Lò Thị Mai"))
        with pytest.raises(settings.SettingsError):
            settings.save_installation(s, Installation("3408", "district", "Lò Thị Mai"))
        with pytest.raises(settings.SettingsError):
            settings.save_installation(s, Installation("3408", "commune", "  "))
        assert settings.get_installation(s) is None


def test_commune_defaults(engine: Engine) -> None:
    with session_scope(engine) as s:
        settings.save_installation(s, Installation("3408", "commune", "Lò Thị Mai"))
        doc = settings.get_document_settings(s, "3408")
    assert doc == DocumentSettings(
        parent_body="HỘI LHPN TỈNH LAI CHÂU",
        issuer="HỘI LHPN PHƯỜNG TÂN PHONG",
        symbol="HPN",
        place="Tân Phong",
        signer_name="Lò Thị Mai",
        signer_authority="TM. BAN THƯỜNG VỤ",
        signer_title="CHỦ TỊCH",
        recipients=[
            "Ban Thường vụ Hội LHPN tỉnh Lai Châu (b/c)",
            "Đảng ủy, UBND phường Tân Phong (b/c)",
            "Lưu: VT",
        ],
        report_deadline="15/11",
        reporting_cutoff="11-15",
    )


def test_province_and_city_defaults(engine: Engine) -> None:
    with session_scope(engine) as s:
        province = settings.get_document_settings(s, "12")
        assert (province.parent_body, province.issuer, province.place) == (
            "TRUNG ƯƠNG HỘI LHPN VIỆT NAM",
            "HỘI LHPN TỈNH LAI CHÂU",
            "Lai Châu",
        )
        ba_dinh = settings.get_document_settings(s, "00004")
        assert (ba_dinh.parent_body, ba_dinh.issuer, ba_dinh.place) == (
            "HỘI LHPN THÀNH PHỐ HÀ NỘI",
            "HỘI LHPN PHƯỜNG BA ĐÌNH",
            "Ba Đình",
        )
        con_dao = settings.get_document_settings(s, "26732")
        assert con_dao.issuer == "HỘI LHPN ĐẶC KHU CÔN ĐẢO"
        assert con_dao.place == "Côn Đảo"


def test_saved_document_settings_override_defaults(engine: Engine) -> None:
    with session_scope(engine) as s:
        settings.save_document_settings(
            s,
            "03408",
            {
                "signer_name": "Tòng Thị Hương",
                "signer_authority": "KT. CHỦ TỊCH",
                "signer_title": "PHÓ CHỦ TỊCH",
                "recipients": ["Thường trực Hội LHPN tỉnh", "", "Lưu: VT, KTTT"],
                "reporting_cutoff": "15/11",
            },
        )
    with session_scope(engine) as s:
        doc = settings.get_document_settings(s, "3408")
        assert doc.signer_name == "Tòng Thị Hương"
        assert (doc.signer_authority, doc.signer_title) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
        assert doc.recipients == ["Thường trực Hội LHPN tỉnh", "Lưu: VT, KTTT"]
        assert doc.reporting_cutoff == "11-15"
        assert doc.issuer == "HỘI LHPN PHƯỜNG TÂN PHONG"  # not saved: still the default


def test_bad_document_settings_are_refused(engine: Engine) -> None:
    with session_scope(engine) as s:
        with pytest.raises(settings.SettingsError, match="colour"):
            settings.save_document_settings(s, "3408", {"colour": "red"})
        with pytest.raises(settings.SettingsError, match="31/02"):
            settings.save_document_settings(s, "3408", {"reporting_cutoff": "31/02"})


def test_generic_json_settings(engine: Engine) -> None:
    with session_scope(engine) as s:
        assert settings.get_json(s, "ui.columns", {"x": 1}) == {"x": 1}
        settings.set_json(s, "ui.columns", {"people": ["Họ và tên", "Năm sinh"]})
        settings.set_json(s, "ui.columns", {"people": ["Tên"]})
    with session_scope(engine) as s:
        assert settings.get_json(s, "ui.columns") == {"people": ["Tên"]}
        settings.delete(s, "ui.columns")
        assert settings.get_json(s, "ui.columns") is None


def test_setup_saves_the_installation_and_the_documents_together(engine: Engine) -> None:
    with session_scope(engine) as s:
        saved = settings.save_setup(
            s,
            Installation(unit_code="3408", role="commune", officer=" Lò Thị  Mai "),
            {"issuer": "HỘI LHPN PHƯỜNG TÂN PHONG", "symbol": "HPN"},
        )
    assert (saved.unit_code, saved.officer) == ("03408", "Lò Thị Mai")
    with session_scope(engine) as s:
        assert settings.get_installation(s) == saved
        assert settings.get_document_settings(s, "03408").symbol == "HPN"
    with pytest.raises(settings.SettingsError), session_scope(engine) as s:
        settings.save_setup(
            s,
            Installation(unit_code="03408", role="commune", officer="Trần Thị Bình"),
            {"sender": "x"},  # unknown: nothing of the setup is kept
        )
    with session_scope(engine) as s:
        assert settings.get_installation(s) == saved
