"""The schema: every entity of DESIGN.md §3.

Synced records have a UUID key, the unit that owns them, created/updated stamps, a tombstone
and room for the sync version vector. Catalogues are keyed by natural codes. Sensitive facts
about a person live in `person_sensitive`, apart from the ordinary fields, each category
guarded by a consent record.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Columns every replicated record has."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    unit_code: Mapped[str] = mapped_column(String(12), ForeignKey("units.code"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    created_by: Mapped[str] = mapped_column(String(120), default="")
    updated_by: Mapped[str] = mapped_column(String(120), default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Filled by coopdesk.sync: the version vector of this record version, as canonical JSON.
    version: Mapped[str | None] = mapped_column(Text)


# --- catalogues ----------------------------------------------------------------------------


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
    sort_key: Mapped[str] = mapped_column(String(400), default="")


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


# --- registry ------------------------------------------------------------------------------


class Cooperative(Synced, Base):
    __tablename__ = "cooperatives"
    # the GUI list reads a page of a unit's rows by offset in this order, from the index alone
    __table_args__ = (
        Index("ix_cooperatives_page", "unit_code", "deleted_at", "sort_key", "id", "name_folded"),
    )
    kind: Mapped[str] = mapped_column(String(8))  # HTX | THT | LHHTX
    name: Mapped[str] = mapped_column(String(300))
    name_folded: Mapped[str] = mapped_column(String(300), index=True)
    sort_key: Mapped[str] = mapped_column(String(600), default="", index=True)
    registration_no: Mapped[str] = mapped_column(String(40), default="")
    registered_on: Mapped[dt.date | None] = mapped_column(Date)
    sector_code: Mapped[str | None] = mapped_column(ForeignKey("sectors.code"))
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    products: Mapped[str] = mapped_column(Text, default="")
    ocop_product: Mapped[str] = mapped_column(String(200), default="")
    ocop_stars: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="active")  # active|suspended|dissolved
    founded_on: Mapped[dt.date | None] = mapped_column(Date)
    dissolved_on: Mapped[dt.date | None] = mapped_column(Date)
    hoi_supported: Mapped[bool] = mapped_column(Boolean, default=False)  # Hội supports it
    founded_with_hoi_support: Mapped[bool] = mapped_column(Boolean, default=False)
    value_chain: Mapped[bool] = mapped_column(Boolean, default=False)
    traditional_craft: Mapped[bool] = mapped_column(Boolean, default=False)
    community_tourism: Mapped[bool] = mapped_column(Boolean, default=False)
    ecommerce: Mapped[bool] = mapped_column(Boolean, default=False)
    trademark: Mapped[bool] = mapped_column(Boolean, default=False)
    traceability: Mapped[bool] = mapped_column(Boolean, default=False)
    growing_area_code: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    years: Mapped[list[CooperativeYear]] = relationship(back_populates="cooperative")
    roles: Mapped[list[Role]] = relationship(back_populates="cooperative")


class CooperativeYear(Synced, Base):
    __tablename__ = "cooperative_years"
    __table_args__ = (UniqueConstraint("cooperative_id", "year"),)
    cooperative_id: Mapped[str] = mapped_column(ForeignKey("cooperatives.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    members: Mapped[int | None] = mapped_column(Integer)
    official_members: Mapped[int | None] = mapped_column(Integer)
    female_members: Mapped[int | None] = mapped_column(Integer)
    workers: Mapped[int | None] = mapped_column(Integer)
    female_workers: Mapped[int | None] = mapped_column(Integer)
    new_jobs_women: Mapped[int | None] = mapped_column(Integer)
    revenue: Mapped[int | None] = mapped_column(BigInteger)  # đồng
    average_income: Mapped[int | None] = mapped_column(BigInteger)  # đồng per worker per month
    consolidated: Mapped[bool] = mapped_column(Boolean, default=False)  # consolidated/improved

    cooperative: Mapped[Cooperative] = relationship(back_populates="years")


class Person(Synced, Base):
    __tablename__ = "people"
    # covering index for the indicators (women among managers, people trained by unit)
    __table_args__ = (
        Index("ix_people_gender_cover", "id", "gender", "deleted_at", "unit_code"),
        # GUI list: a page by offset, filtered and searched from the index alone
        Index(
            "ix_people_page", "unit_code", "deleted_at", "redacted", "sort_key", "id", "name_folded"
        ),
    )
    family_name: Mapped[str] = mapped_column(String(80), default="")
    middle_name: Mapped[str] = mapped_column(String(120), default="")
    given_name: Mapped[str] = mapped_column(String(80))
    full_name: Mapped[str] = mapped_column(String(300))
    name_folded: Mapped[str] = mapped_column(String(300), index=True)
    sort_key: Mapped[str] = mapped_column(String(900), default="", index=True)
    gender: Mapped[str] = mapped_column(String(1), default="F")  # F | M | X
    birth_year: Mapped[int | None] = mapped_column(Integer)
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    redacted: Mapped[bool] = mapped_column(Boolean, default=False)  # erased everywhere

    roles: Mapped[list[Role]] = relationship(back_populates="person")


class PersonSensitive(Synced, Base):
    """Sensitive personal data (Law 91/2025): only with consent, never in reports by default."""

    __tablename__ = "person_sensitive"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), unique=True)
    ethnicity_code: Mapped[str | None] = mapped_column(ForeignKey("ethnicities.code"))
    disability: Mapped[bool | None] = mapped_column(Boolean)
    poverty_status: Mapped[str | None] = mapped_column(String(12))  # poor | near_poor
    returnee: Mapped[bool | None] = mapped_column(Boolean)  # hoàn lương
    trafficking_victim: Mapped[bool | None] = mapped_column(Boolean)
    violence_victim: Mapped[bool | None] = mapped_column(Boolean)  # domestic violence / abuse
    unsafe_migrant: Mapped[bool | None] = mapped_column(Boolean)
    laid_off_worker: Mapped[bool | None] = mapped_column(Boolean)


class Consent(Synced, Base):
    """A recorded consent for a category of sensitive data: who recorded it, when, why."""

    __tablename__ = "consents"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    category: Mapped[str] = mapped_column(String(40))  # ethnicity|disability|poverty|victim|…
    purpose: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(120))
    given_on: Mapped[dt.date] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)


class Role(Synced, Base):
    """A person's role in a cooperative over a period (board, director, supervisor, member…)."""

    __tablename__ = "roles"
    # covering index for the indicators: management roles of each cooperative, with dates
    __table_args__ = (
        Index(
            "ix_roles_coop_cover",
            "cooperative_id",
            "role",
            "person_id",
            "start_on",
            "end_on",
            "deleted_at",
        ),
    )
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    cooperative_id: Mapped[str] = mapped_column(ForeignKey("cooperatives.id"), index=True)
    role: Mapped[str] = mapped_column(String(30))
    member_kind: Mapped[str | None] = mapped_column(String(30))
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="roles")
    cooperative: Mapped[Cooperative] = relationship(back_populates="roles")


class Officer(Synced, Base):
    """A Hội officer of a unit; the person record holds her name."""

    __tablename__ = "officers"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    position: Mapped[str] = mapped_column(String(200), default="")
    collective_economy_work: Mapped[bool] = mapped_column(Boolean, default=True)
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)


class Training(Synced, Base):
    __tablename__ = "trainings"
    # covering index for the indicators: a participation's training, when and what kind
    __table_args__ = (
        Index("ix_trainings_id_cover", "id", "start_on", "deleted_at", "kind", "audience"),
        Index("ix_trainings_page", "unit_code", "deleted_at", "start_on", "id", "title_folded"),
    )
    title: Mapped[str] = mapped_column(String(300))
    title_folded: Mapped[str] = mapped_column(String(300), default="", index=True)
    kind: Mapped[str] = mapped_column(String(20), default="short")  # short|formal|upskilling
    topic: Mapped[str] = mapped_column(String(40), default="governance")
    audience: Mapped[str] = mapped_column(String(30), default="managers")
    start_on: Mapped[dt.date] = mapped_column(Date, index=True)
    end_on: Mapped[dt.date | None] = mapped_column(Date)
    location: Mapped[str] = mapped_column(String(300), default="")
    organiser: Mapped[str] = mapped_column(String(300), default="")
    cost: Mapped[int | None] = mapped_column(BigInteger)
    funding_source: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")


class Participation(Synced, Base):
    __tablename__ = "participations"
    __table_args__ = (
        UniqueConstraint("training_id", "person_id"),
        # covering indexes for the indicators: who completed which training
        Index(
            "ix_participations_person_cover", "person_id", "completed", "deleted_at", "training_id"
        ),
        Index(
            "ix_participations_training_cover",
            "training_id",
            "completed",
            "deleted_at",
            "person_id",
        ),
    )
    training_id: Mapped[str] = mapped_column(ForeignKey("trainings.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    completed: Mapped[bool] = mapped_column(Boolean, default=True)


class Activity(Synced, Base):
    """Communication, fairs, study tours, inspections, advice on founding…"""

    __tablename__ = "activities"
    __table_args__ = (  # GUI list page by offset
        Index("ix_activities_page", "unit_code", "deleted_at", "held_on", "id", "title_folded"),
    )
    kind: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str | None] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    title_folded: Mapped[str] = mapped_column(String(300), default="", index=True)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    reach_total: Mapped[int | None] = mapped_column(Integer)  # lượt
    reach_women: Mapped[int | None] = mapped_column(Integer)
    cost: Mapped[int | None] = mapped_column(BigInteger)
    funding_source: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")


class ActivityCooperative(Synced, Base):
    __tablename__ = "activity_cooperatives"
    __table_args__ = (UniqueConstraint("activity_id", "cooperative_id"),)
    activity_id: Mapped[str] = mapped_column(ForeignKey("activities.id"), index=True)
    cooperative_id: Mapped[str] = mapped_column(ForeignKey("cooperatives.id"), index=True)


class Support(Synced, Base):
    """Loans, grants, in-kind support given to a cooperative or a person."""

    __tablename__ = "support"
    __table_args__ = (Index("ix_support_page", "unit_code", "deleted_at", "given_on", "id"),)
    kind: Mapped[str] = mapped_column(String(20))  # loan | grant | in_kind
    fund: Mapped[str] = mapped_column(String(40))
    amount: Mapped[int] = mapped_column(BigInteger, default=0)  # đồng
    given_on: Mapped[dt.date] = mapped_column(Date, index=True)
    cooperative_id: Mapped[str | None] = mapped_column(ForeignKey("cooperatives.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")


class Budget(Synced, Base):
    __tablename__ = "budgets"
    __table_args__ = (UniqueConstraint("unit_code", "year", "source"),)
    year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(40))
    planned: Mapped[int] = mapped_column(BigInteger, default=0)
    allocated: Mapped[int] = mapped_column(BigInteger, default=0)
    spent: Mapped[int] = mapped_column(BigInteger, default=0)


class Plan(Synced, Base):
    """A kế hoạch: the structure of the seed plans."""

    __tablename__ = "plans"
    issuer: Mapped[str] = mapped_column(String(300))
    number: Mapped[str] = mapped_column(String(60), default="")
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    legal_bases: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    requirements: Mapped[str] = mapped_column(Text, default="")
    general_goal: Mapped[str] = mapped_column(Text, default="")
    target_groups: Mapped[str] = mapped_column(Text, default="")
    tasks: Mapped[str] = mapped_column(Text, default="")  # tasks and solutions
    budget_text: Mapped[str] = mapped_column(Text, default="")
    reporting: Mapped[str] = mapped_column(Text, default="")


class Target(Synced, Base):
    __tablename__ = "targets"
    plan_id: Mapped[str | None] = mapped_column(ForeignKey("plans.id"), index=True)
    target_unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    indicator_code: Mapped[str] = mapped_column(String(60), index=True)
    period: Mapped[str] = mapped_column(String(40))  # "2025", "phase1", "2026-01-01..2026-06-30"
    value: Mapped[Decimal] = mapped_column(Numeric(20, 4))
    comparison: Mapped[str] = mapped_column(String(8), default=">=")  # >= | = | about
    note: Mapped[str] = mapped_column(Text, default="")


class Assignment(Synced, Base):
    __tablename__ = "assignments"
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), index=True)
    task: Mapped[str] = mapped_column(Text)
    responsible_body: Mapped[str] = mapped_column(String(300))
    coordinating_bodies: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open|in_progress|done|late
    evidence: Mapped[str] = mapped_column(Text, default="")


class Report(Synced, Base):
    """A document made by CoopDesk: a draft, or issued with its number and file hash."""

    __tablename__ = "reports"
    doc_type: Mapped[str] = mapped_column(String(8))  # BC | KH | …
    template: Mapped[str] = mapped_column(String(40))  # annual | plan | list-…
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer)
    symbol: Mapped[str] = mapped_column(String(40), default="")
    period: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft | issued
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    signer: Mapped[str] = mapped_column(String(200), default="")
    file_hash: Mapped[str] = mapped_column(String(64), default="")
    reissue_of: Mapped[str | None] = mapped_column(ForeignKey("reports.id"))
    paragraphs: Mapped[str] = mapped_column(Text, default="{}")  # JSON: officer-written text
    settings: Mapped[str] = mapped_column(Text, default="{}")  # JSON: header/signer overrides


class AuditEvent(Base):
    """Who changed what and when, with the values before and after. Local, never synced."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(120), default="")
    # create | update | delete | erase | resolve | view | import | undo-import
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str | None] = mapped_column(String(12))
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON
    # JSON: where a change came from when not typed here, e.g. {"bundle": 3, "sender": "03408",
    # "import": 12} for a record received in a bundle (and for undoing that import)
    source: Mapped[str | None] = mapped_column(Text)


# --- sync bookkeeping (coopdesk.sync; local to each database, never synced) ----------------


class SyncState(Base):
    """This database as a replica: install id, replica id and the local transaction counter."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    install_id: Mapped[str] = mapped_column(String(36))
    replica_id: Mapped[str] = mapped_column(String(36))
    counter: Mapped[int] = mapped_column(BigInteger, default=0)
    retired_replicas: Mapped[str] = mapped_column(Text, default="[]")  # JSON: before restores


class SyncReplica(Base):
    """A replica seen in a bundle: which installation and unit it belongs to."""

    __tablename__ = "sync_replicas"
    replica_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    install_id: Mapped[str] = mapped_column(String(36), default="")
    unit_code: Mapped[str] = mapped_column(String(12), default="")
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SyncKnowledge(Base):
    """All changes by `replica_id` to records of `unit_code` up to `counter` are held here."""

    __tablename__ = "sync_knowledge"
    replica_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    counter: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncAck(Base):
    """What a peer replica said it holds (its knowledge), from its latest bundle."""

    __tablename__ = "sync_acks"
    replica_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(12), index=True)
    knowledge: Mapped[str] = mapped_column(Text, default="{}")  # JSON {replica: {unit: n}}
    receipts: Mapped[str] = mapped_column(Text, default="[]")  # JSON: its import receipts
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SyncConflict(Base):
    """A concurrent version of a record that did not win; kept until someone resolves it."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_record", "table_name", "record_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[str] = mapped_column(Text)  # JSON
    data: Mapped[str] = mapped_column(Text)  # canonical JSON of the record's fields


class SyncPending(Base):
    """A received record version waiting for its parent record to arrive."""

    __tablename__ = "sync_pending"
    __table_args__ = (Index("ix_sync_pending_record", "table_name", "record_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[str] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text)
    bundle_id: Mapped[str] = mapped_column(String(64), default="")


class SyncOutgoing(Base):
    """A bundle this database exported: its number for that recipient, its id and file."""

    __tablename__ = "sync_outgoing"
    __table_args__ = (UniqueConstraint("recipient_unit", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recipient_unit: Mapped[str] = mapped_column(String(12), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    bundle_id: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(300), default="")
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    records: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SyncImport(Base):
    """A bundle merged here: who sent it, its number, a summary, and how to undo it."""

    __tablename__ = "sync_imports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bundle_id: Mapped[str] = mapped_column(String(64), index=True)
    sender_install: Mapped[str] = mapped_column(String(36), default="")
    sender_replica: Mapped[str] = mapped_column(String(36), index=True)
    sender_unit: Mapped[str] = mapped_column(String(12), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    file_name: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON counts
    undo: Mapped[str | None] = mapped_column(Text)  # JSON before-images; None once not undoable
    counter_after: Mapped[int] = mapped_column(BigInteger, default=0)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


# --- derived data (local to each database, never synced) -----------------------------------


class IndicatorSummary(Base):
    """Partial indicator values of one unit (or the sum of a subtree) for one period, kept by
    `coopdesk.services.indicator_summary`; triggers (`coopdesk.db.summary_triggers`) delete
    a row as soon as a record it was computed from changes."""

    __tablename__ = "indicator_summaries"
    # "u:03408" a unit's own records; "t:12" a province with its communes; "t:*" the country;
    # "t:~" units outside today's provinces (pre-2025 units, the country itself)
    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    period: Mapped[str] = mapped_column(String(48), primary_key=True)  # start..end|years
    formula: Mapped[int] = mapped_column(Integer)  # indicator_summary.FORMULA when computed
    payload: Mapped[str] = mapped_column(Text)  # JSON: code → [numerator, denominator, parts]


@event.listens_for(Base.metadata, "after_create")
def _create_summary_triggers(_target: object, connection: Any, **_kw: Any) -> None:
    """A database made with `create_all` gets the triggers a migrated one has."""
    from sqlalchemy import text

    from coopdesk.db.summary_triggers import create_statements

    for statement in create_statements():
        connection.execute(text(statement))
