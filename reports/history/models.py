"""Tables of the results store. The schema itself is created by the Alembic migrations (migrations/).

Every cases.csv and findings.csv column is kept (output-contract.md), so a campaign can be re-analysed
later without its output folder; columns the contract may add later land in `extra` (JSON) until a
migration gives them a column of their own.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so later migrations can alter constraints on SQLite (batch mode) and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Campaign(Base):
    """One recorded run: a campaign is identified by name and year; re-recording replaces its rows."""

    __tablename__ = "history_campaigns"
    __table_args__ = (UniqueConstraint("name", "year", name="uq_history_campaigns_name_year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    run_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    checklist_id: Mapped[str] = mapped_column(String(100), default="")
    checklist_version: Mapped[str] = mapped_column(String(50), default="")
    checklist_hash: Mapped[str] = mapped_column(String(100), default="")
    checklist_title: Mapped[str] = mapped_column(Text, default="")
    out_dir: Mapped[str] = mapped_column(Text, default="")
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    run_json: Mapped[str] = mapped_column(Text, default="{}")


class Case(Base):
    """One cases.csv row."""

    __tablename__ = "history_cases"
    __table_args__ = (
        UniqueConstraint("campaign_id", "dossier_id", name="uq_history_cases_campaign_dossier"),
        Index("ix_history_cases_campaign_unit", "campaign_id", "unit"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("history_campaigns.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # row order in cases.csv
    dossier_id: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(Text)
    case_type: Mapped[str] = mapped_column(String(20), default="")
    procedure: Mapped[str] = mapped_column(String(20), default="")
    case_no: Mapped[str] = mapped_column(Text, default="")
    agency: Mapped[str] = mapped_column(Text, default="")
    party_name: Mapped[str] = mapped_column(Text, default="")
    party_kind: Mapped[str] = mapped_column(String(20), default="")
    party_id: Mapped[str] = mapped_column(String(50), default="")
    violation_date: Mapped[date | None] = mapped_column(Date)
    source_date: Mapped[date | None] = mapped_column(Date)
    filing_date: Mapped[date | None] = mapped_column(Date)
    notice_no: Mapped[str] = mapped_column(Text, default="")
    notice_date: Mapped[date | None] = mapped_column(Date)
    notice_served_date: Mapped[date | None] = mapped_column(Date)
    hearing_date: Mapped[date | None] = mapped_column(Date)
    decision_date: Mapped[date | None] = mapped_column(Date)
    delivery_date: Mapped[date | None] = mapped_column(Date)
    fine_amount: Mapped[float | None] = mapped_column(Float)
    notice_fine_amount: Mapped[float | None] = mapped_column(Float)
    officers: Mapped[str] = mapped_column(Text, default="")
    officer_cert_nos: Mapped[str] = mapped_column(Text, default="")
    checklist: Mapped[str] = mapped_column(String(100), default="")
    raw_score: Mapped[float | None] = mapped_column(Float)
    total_score: Mapped[float | None] = mapped_column(Float)
    grade: Mapped[str] = mapped_column(String(10), default="")
    vetoed: Mapped[bool] = mapped_column(Boolean, default=False)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    review_reasons: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[str] = mapped_column(Text, default="")  # JSON of columns beyond the contract's


class Finding(Base):
    """One findings.csv row, with the reviewer-override columns when the run was reviewed."""

    __tablename__ = "history_findings"
    __table_args__ = (
        Index("ix_history_findings_campaign_item", "campaign_id", "item_code"),
        Index("ix_history_findings_campaign_dossier", "campaign_id", "dossier_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("history_campaigns.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    dossier_id: Mapped[str] = mapped_column(Text)
    checklist: Mapped[str] = mapped_column(String(100), default="")
    item_code: Mapped[str] = mapped_column(String(20))
    item_name: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))
    points_deducted: Mapped[float] = mapped_column(Float, default=0.0)
    veto: Mapped[bool] = mapped_column(Boolean, default=False)
    message: Mapped[str] = mapped_column(Text, default="")
    source_file: Mapped[str] = mapped_column(Text, default="")
    page: Mapped[str] = mapped_column(String(100), default="")
    quote: Mapped[str] = mapped_column(Text, default="")
    auto_status: Mapped[str | None] = mapped_column(String(20))
    override_reason: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[str] = mapped_column(Text, default="")


class Override(Base):
    """One audit.csv row: a reviewer's change to an item (who, when, from what to what, why)."""

    __tablename__ = "history_overrides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("history_campaigns.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    time: Mapped[str] = mapped_column(String(40), default="")
    reviewer: Mapped[str] = mapped_column(Text, default="")
    dossier_id: Mapped[str] = mapped_column(Text, default="")
    item_code: Mapped[str] = mapped_column(String(20), default="")
    old_status: Mapped[str] = mapped_column(String(20), default="")
    new_status: Mapped[str] = mapped_column(String(20), default="")
    old_points: Mapped[float | None] = mapped_column(Float)
    new_points: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")


class Problem(Base):
    """One problems.csv row (a file or dossier that could not be read)."""

    __tablename__ = "history_problems"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("history_campaigns.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    dossier_id: Mapped[str] = mapped_column(Text, default="")
    source_file: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(40), default="")
    message: Mapped[str] = mapped_column(Text, default="")


CHILD_TABLES = (Finding, Case, Override, Problem)
