"""An import reads the installation once (`settings.installation_kept`), and the copy it
kept lives only while the import runs: a change of the installation is seen right after."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from sqlalchemy.orm import Session

from coopdesk.services import settings
from coopdesk.services.excel_import import export, preview
from tests.services.excel_import.conftest import OFFICER, fill


def _retype_officer(session: Session, name: str) -> None:
    """The stored setting changed behind the kept copy's back."""
    data = asdict(settings.get_installation(session))
    settings.set_json(session, settings.INSTALLATION_KEY, {**data, "officer": name})


def test_the_kept_installation_lives_only_in_its_block(session: Session) -> None:
    with settings.installation_kept(session):
        _retype_officer(session, "Đặng Thị Đào")
        assert settings.get_installation(session).officer == OFFICER  # read once
    assert settings.get_installation(session).officer == "Đặng Thị Đào"


def test_saving_the_installation_inside_the_block_is_seen(session: Session) -> None:
    with settings.installation_kept(session):
        settings.save_installation(
            session, settings.Installation(unit_code="03408", role="commune", officer="Vũ Thị Yến")
        )
        assert settings.get_installation(session).officer == "Vũ Thị Yến"


def test_a_preview_keeps_nothing_after_it(session: Session, tmp_path: Path) -> None:
    template = export.write_kind_template(session, "people", tmp_path / "mau.xlsx")
    preview.preview(session, fill(template, [["Nguyễn Thị Hoa", "Nữ", 1985]]), "people")
    _retype_officer(session, "Bùi Thị Nga")
    assert settings.get_installation(session).officer == "Bùi Thị Nga"
