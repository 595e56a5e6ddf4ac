"""Installation and document settings, stored as JSON in the `settings` table.

- `get_installation(session)` → `Installation` (the unit this copy of CoopDesk works for, its
  role, the officer) or None before `coopdesk init` / the first-run wizard.
- `get_document_settings(session, unit_code)` → `DocumentSettings` for the header, number
  symbol, place, signature and recipients of documents, with defaults derived from the unit
  ("HỘI LHPN PHƯỜNG TÂN PHONG", "HỘI LHPN TỈNH LAI CHÂU", "Lai Châu", …) where nothing was saved.
- `get_json` / `set_json` for any other setting.
- `installation_kept(session)`: within it, `get_installation` reads the setting once (a long
  import asks for it for every row); the copy lives in the session only while the block runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from sqlalchemy.orm import Session

from coopdesk.db.models import Setting
from coopdesk.domain.accounts import Permission
from coopdesk.i18n import _, normalize
from coopdesk.services import accounts, units

INSTALLATION_KEY = "installation"
DOCUMENTS_PREFIX = "documents:"
ROLES = ("commune", "aggregator")
CENTRAL_BODY = "TRUNG ƯƠNG HỘI LHPN VIỆT NAM"


class SettingsError(ValueError):
    """A setting that cannot be saved as given; the message says which and why."""


@dataclass(frozen=True)
class Installation:
    unit_code: str
    role: str  # commune | aggregator
    officer: str
    position: str = ""
    language: str = "vi"


@dataclass(frozen=True)
class DocumentSettings:
    parent_body: str  # "HỘI LHPN TỈNH LAI CHÂU"
    issuer: str  # "HỘI LHPN PHƯỜNG TÂN PHONG"
    symbol: str = "HPN"  # "Số: 07/BC-HPN"
    place: str = ""  # "Lai Châu, ngày …"
    signer_name: str = ""
    signer_authority: str = "TM. BAN THƯỜNG VỤ"
    signer_title: str = "CHỦ TỊCH"
    recipients: list[str] = field(default_factory=list)
    report_deadline: str = "15/11"  # when the yearly report is due (dd/mm)
    reporting_cutoff: str = "11-15"  # reporting year starts on this month-day


# --- generic JSON settings -------------------------------------------------------------------


def get_json(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    if row is None:
        return default
    try:
        return json.loads(row.value)
    except ValueError:
        return default


def set_json(session: Session, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text
    session.flush()


def delete(session: Session, key: str) -> None:
    row = session.get(Setting, key)
    if row is not None:
        session.delete(row)
        session.flush()


# --- installation ------------------------------------------------------------------------------


_KEPT = "coopdesk.installation"  # session.info key of installation_kept's copy


@contextmanager
def installation_kept(session: Session) -> Iterator[None]:
    """Read the installation once for the block's many get_installation calls."""
    if _KEPT in session.info:  # an outer block keeps it already
        yield
        return
    session.info[_KEPT] = _read_installation(session)
    try:
        yield
    finally:
        session.info.pop(_KEPT, None)


def get_installation(session: Session) -> Installation | None:
    if _KEPT in session.info:
        kept: Installation | None = session.info[_KEPT]
        return kept
    return _read_installation(session)


def _read_installation(session: Session) -> Installation | None:
    data = get_json(session, INSTALLATION_KEY)
    if not isinstance(data, dict) or not data.get("unit_code"):
        return None
    known = {f.name for f in fields(Installation)}
    return Installation(**{k: v for k, v in data.items() if k in known})


def save_installation(session: Session, installation: Installation) -> Installation:
    """Check and store the installation (the unit must be in the catalogue)."""
    if installation.role not in ROLES:
        raise SettingsError(
            _("The role must be “commune” or “aggregator”, not “{role}”.").format(
                role=installation.role
            )
        )
    officer = normalize(installation.officer)
    if not officer:
        raise SettingsError(_("Enter the name of the officer who uses CoopDesk."))
    code = units.resolve_code(session, installation.unit_code)
    clean = Installation(
        unit_code=code,
        role=installation.role,
        officer=officer,
        position=normalize(installation.position),
        language=installation.language if installation.language in ("vi", "en") else "vi",
    )
    set_json(session, INSTALLATION_KEY, asdict(clean))
    session.info.pop(_KEPT, None)
    return clean


def save_setup(
    session: Session, installation: Installation, documents: dict[str, Any]
) -> Installation:
    """The installation and its unit's document settings in one step: what the first-run
    wizard and the Settings page save."""
    saved = save_installation(session, installation)
    save_document_settings(session, saved.unit_code, documents)
    return saved


# --- document settings ----------------------------------------------------------------------


_DIVISION_WORDS = ("Thành phố ", "Đặc khu ", "Phường ", "Xã ", "Tỉnh ")


def _lower_first(name: str) -> str:
    """'Phường Tân Phong' → 'phường Tân Phong' (as written inside a sentence)."""
    for prefix in _DIVISION_WORDS:
        if name.startswith(prefix):
            return prefix.lower() + name[len(prefix) :]
    return name


def _province_label(info: units.UnitInfo) -> str:
    """'tỉnh Lai Châu', 'thành phố Hà Nội'."""
    if info.name.startswith("Thành phố"):
        return _lower_first(info.name)
    return f"tỉnh {info.name}"


def document_place(info: units.UnitInfo, province: units.UnitInfo) -> str:
    """The place in the date line ("…, ngày … tháng … năm …"), Nghị định 30: where the issuing
    body sits. A province's documents name the province ('Lai Châu'), a commune's the commune
    ('Tân Phong'); a commune named by a number keeps its division word ('Phường 5')."""
    if info.level == "province":
        return units.short_province_name(province.name)
    for prefix in _DIVISION_WORDS:
        if info.name.startswith(prefix):
            rest = info.name[len(prefix) :]
            return info.name if rest[:1].isdigit() else rest
    return info.name


def default_document_settings(session: Session, unit_code: str) -> DocumentSettings:
    """What documents of this unit print when nothing was set: derived from the unit."""
    info = units.get(session, unit_code)
    if info is None:
        raise units.UnknownUnit(
            _("There is no unit with the code {code} in the catalogue.").format(code=unit_code)
        )
    province = units.province_of(session, info.code) or info
    if info.level == "province":
        own = _province_label(info)
        parent_body = CENTRAL_BODY
        recipients = [
            "Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam (b/c)",
            f"Tỉnh ủy, UBND {own} (b/c)",
            "Lưu: VT",
        ]
    else:
        own = _lower_first(info.name)
        parent_body = f"HỘI LHPN {_province_label(province).upper()}"
        recipients = [
            f"Ban Thường vụ Hội LHPN {_province_label(province)} (b/c)",
            f"Đảng ủy, UBND {own} (b/c)",
            "Lưu: VT",
        ]
    installation = get_installation(session)
    signer = ""
    if installation is not None and installation.unit_code == info.code:
        signer = installation.officer
    return DocumentSettings(
        parent_body=parent_body,
        issuer=f"HỘI LHPN {own.upper()}",
        place=document_place(info, province),
        signer_name=signer,
        recipients=recipients,
    )


def get_document_settings(session: Session, unit_code: str) -> DocumentSettings:
    """The unit's saved document settings over the defaults derived from the unit."""
    code = units.normalize_code(unit_code)
    base = asdict(default_document_settings(session, code))
    saved = get_json(session, DOCUMENTS_PREFIX + code, {})
    if isinstance(saved, dict):
        for key, value in saved.items():
            if key in base and value is not None:
                base[key] = list(value) if key == "recipients" else str(value)
    return DocumentSettings(**base)


def save_document_settings(
    session: Session, unit_code: str, values: DocumentSettings | dict[str, Any]
) -> DocumentSettings:
    """Store document settings for a unit (texts normalised; unknown keys refused)."""
    accounts.require(session, Permission.EDIT_RECORDS)
    code = units.resolve_code(session, unit_code)
    data = asdict(values) if isinstance(values, DocumentSettings) else dict(values)
    known = {f.name for f in fields(DocumentSettings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise SettingsError(
            _("Unknown document setting: {names}.").format(names=", ".join(unknown))
        )
    clean: dict[str, Any] = {}
    for key, value in data.items():
        if key == "recipients":
            clean[key] = [normalize(r) for r in value or [] if normalize(r)]
        else:
            clean[key] = normalize(str(value or ""))
    if "reporting_cutoff" in clean:
        from coopdesk.domain.periods import parse_cutoff

        try:
            month, day = parse_cutoff(clean["reporting_cutoff"] or None)
        except ValueError as exc:
            raise SettingsError(str(exc)) from None
        clean["reporting_cutoff"] = f"{month:02d}-{day:02d}"
    set_json(session, DOCUMENTS_PREFIX + code, clean)
    return get_document_settings(session, code)
