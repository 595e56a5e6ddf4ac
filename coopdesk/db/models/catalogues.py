"""Catalogues keyed by natural codes: units, sectors, ethnic groups, settings."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    ForeignKey,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.db.models.base import Base, sort_key_type


class Unit(Base):
    """An administrative unit: current (34 provinces, 3,321 communes) or legacy (pre-2025)."""

    __tablename__ = "units"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)  # "12", "03408", "old:…"
    name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(String(200), index=True)
    division_type: Mapped[str] = mapped_column(String(40))  # tỉnh, xã, phường, đặc khu, …
    level: Mapped[str] = mapped_column(String(12))  # province | district | commune
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("units.code"), index=True)
    province_code: Mapped[str | None] = mapped_column(String(12), index=True)
    legacy: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_key: Mapped[str] = mapped_column(sort_key_type(400), default="")


class Sector(Base):
    __tablename__ = "sectors"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))


class Ethnicity(Base):
    __tablename__ = "ethnicities"
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))


class Setting(Base):
    """Installation and per-unit settings (issuer, symbol, signer, deadlines, language…)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
