"""The registry and the programme's records: every synced entity of DESIGN.md §3.

Sensitive facts about a person live in `person_sensitive`, apart from the ordinary fields,
each category guarded by a consent record.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coopdesk.db.models.base import Base, Synced, sort_key_type, utcnow


class Cooperative(Synced, Base):
    __tablename__ = "cooperatives"
    # the GUI list reads a page of a unit's rows by offset in this order, from the index alone
    __table_args__ = (
        Index("ix_cooperatives_page", "unit_code", "deleted_at", "sort_key", "id", "name_folded"),
    )
    kind: Mapped[str] = mapped_column(String(8))  # HTX | THT | LHHTX
    name: Mapped[str] = mapped_column(String(300))
    name_folded: Mapped[str] = mapped_column(String(300), index=True)
    sort_key: Mapped[str] = mapped_column(sort_key_type(600), default="", index=True)
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
        # GUI list: a unit's page in order from the index alone (the country's: ix_people_order)
        Index("ix_people_page", "unit_code", "deleted_at", "sort_key", "id", "name_folded"),
        Index("ix_people_order", "deleted_at", "sort_key", "id"),
    )
    family_name: Mapped[str] = mapped_column(String(80), default="")
    middle_name: Mapped[str] = mapped_column(String(120), default="")
    given_name: Mapped[str] = mapped_column(String(80))
    full_name: Mapped[str] = mapped_column(String(300))
    name_folded: Mapped[str] = mapped_column(String(300), index=True)
    sort_key: Mapped[str] = mapped_column(sort_key_type(900), default="", index=True)
    gender: Mapped[str] = mapped_column(String(1), default="F")  # F | M | X
    birth_year: Mapped[int | None] = mapped_column(Integer)
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    redacted: Mapped[bool] = mapped_column(Boolean, default=False)  # erased everywhere

    roles: Mapped[list[Role]] = relationship(back_populates="person")


class PersonSensitive(Synced, Base):
    """Sensitive personal data (Law 91/2025): only with consent, never in reports by default.

    With accounts, the values are in `sealed` (sealed JSON, `services.sensitive_store`) and the
    clear columns are NULL."""

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
    sealed: Mapped[str | None] = mapped_column(Text)


class Consent(Synced, Base):
    """A recorded consent for a category of sensitive data: who recorded it, when, why.

    The category and purpose tell a category of person apart: with accounts they are in
    `sealed` and their columns are NULL (`services.sensitive_store`)."""

    __tablename__ = "consents"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    category: Mapped[str | None] = mapped_column(String(40))  # ethnicity|disability|poverty|…
    purpose: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(120))
    given_on: Mapped[dt.date] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    sealed: Mapped[str | None] = mapped_column(Text)


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
    # As real plans are written (0020): Căn cứ lines as JSON (domain.citations), the opening
    # sentence, goals in the plan's words, timing and phases, the closing paragraph and
    # headings worded the plan's way ("" = the usual text).
    bases: Mapped[str] = mapped_column(Text, default="", server_default="")
    opening: Mapped[str] = mapped_column(Text, default="", server_default="")
    specific_goals: Mapped[str] = mapped_column(Text, default="", server_default="")
    timing: Mapped[str] = mapped_column(Text, default="", server_default="")
    closing: Mapped[str] = mapped_column(Text, default="", server_default="")
    heading_groups: Mapped[str] = mapped_column(Text, default="", server_default="")
    heading_tasks: Mapped[str] = mapped_column(Text, default="", server_default="")
    heading_own: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Its own issuer and signature ("" = the default of its kind of body, domain.issuers).
    issuer_header: Mapped[str] = mapped_column(Text, default="", server_default="")
    parent_body: Mapped[str] = mapped_column(Text, default="", server_default="")
    symbol: Mapped[str] = mapped_column(Text, default="", server_default="")
    place: Mapped[str] = mapped_column(Text, default="", server_default="")
    signer_authority: Mapped[str] = mapped_column(Text, default="", server_default="")
    signer_title: Mapped[str] = mapped_column(Text, default="", server_default="")
    signer_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    recipients: Mapped[str] = mapped_column(Text, default="", server_default="")  # one a line


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
    # An activity the plan's issuer holds at its own level ("Các hoạt động cấp tỉnh"): printed
    # in that part of the plan, not under "Tổ chức thực hiện" (0020).
    own_level: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # in the plan


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
