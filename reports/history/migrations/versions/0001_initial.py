"""Initial history schema: campaigns, cases, findings, overrides (audit) and problems.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def _campaign_fk(table: str) -> sa.Column:
    """campaign_id: deleting a campaign deletes its rows (store.record_run also deletes them explicitly)."""
    return sa.Column(
        "campaign_id",
        sa.Integer(),
        sa.ForeignKey("history_campaigns.id", ondelete="CASCADE", name=f"fk_{table}_campaign_id_history_campaigns"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "history_campaigns",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checklist_id", sa.String(100), nullable=False),
        sa.Column("checklist_version", sa.String(50), nullable=False),
        sa.Column("checklist_hash", sa.String(100), nullable=False),
        sa.Column("checklist_title", sa.Text(), nullable=False),
        sa.Column("out_dir", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_history_campaigns"),
        sa.UniqueConstraint("name", "year", name="uq_history_campaigns_name_year"),
    )
    date_columns = ("violation_date", "source_date", "filing_date", "notice_date", "notice_served_date",
                    "hearing_date", "decision_date", "delivery_date")
    text = sa.Text()
    op.create_table(
        "history_cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        _campaign_fk("history_cases"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("dossier_id", text, nullable=False),
        sa.Column("unit", text, nullable=False),
        sa.Column("case_type", sa.String(20), nullable=False),
        sa.Column("procedure", sa.String(20), nullable=False),
        sa.Column("case_no", text, nullable=False),
        sa.Column("agency", text, nullable=False),
        sa.Column("party_name", text, nullable=False),
        sa.Column("party_kind", sa.String(20), nullable=False),
        sa.Column("party_id", sa.String(50), nullable=False),
        *[sa.Column(name, sa.Date(), nullable=True) for name in date_columns[:6]],
        sa.Column("notice_no", text, nullable=False),
        *[sa.Column(name, sa.Date(), nullable=True) for name in date_columns[6:]],
        sa.Column("fine_amount", sa.Float(), nullable=True),
        sa.Column("notice_fine_amount", sa.Float(), nullable=True),
        sa.Column("officers", text, nullable=False),
        sa.Column("officer_cert_nos", text, nullable=False),
        sa.Column("checklist", sa.String(100), nullable=False),
        sa.Column("raw_score", sa.Float(), nullable=True),
        sa.Column("total_score", sa.Float(), nullable=True),
        sa.Column("grade", sa.String(10), nullable=False),
        sa.Column("vetoed", sa.Boolean(), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("review_reasons", text, nullable=False),
        sa.Column("extra", text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_history_cases"),
        sa.UniqueConstraint("campaign_id", "dossier_id", name="uq_history_cases_campaign_dossier"),
    )
    op.create_index("ix_history_cases_campaign_unit", "history_cases", ["campaign_id", "unit"])
    op.create_table(
        "history_findings",
        sa.Column("id", sa.Integer(), primary_key=True),
        _campaign_fk("history_findings"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("dossier_id", text, nullable=False),
        sa.Column("checklist", sa.String(100), nullable=False),
        sa.Column("item_code", sa.String(20), nullable=False),
        sa.Column("item_name", text, nullable=False),
        sa.Column("category", text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("points_deducted", sa.Float(), nullable=False),
        sa.Column("veto", sa.Boolean(), nullable=False),
        sa.Column("message", text, nullable=False),
        sa.Column("source_file", text, nullable=False),
        sa.Column("page", sa.String(100), nullable=False),
        sa.Column("quote", text, nullable=False),
        sa.Column("auto_status", sa.String(20), nullable=True),
        sa.Column("override_reason", text, nullable=True),
        sa.Column("reviewer", text, nullable=True),
        sa.Column("extra", text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_history_findings"),
    )
    op.create_index("ix_history_findings_campaign_item", "history_findings", ["campaign_id", "item_code"])
    op.create_index("ix_history_findings_campaign_dossier", "history_findings", ["campaign_id", "dossier_id"])
    op.create_table(
        "history_overrides",
        sa.Column("id", sa.Integer(), primary_key=True),
        _campaign_fk("history_overrides"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("time", sa.String(40), nullable=False),
        sa.Column("reviewer", text, nullable=False),
        sa.Column("dossier_id", text, nullable=False),
        sa.Column("item_code", sa.String(20), nullable=False),
        sa.Column("old_status", sa.String(20), nullable=False),
        sa.Column("new_status", sa.String(20), nullable=False),
        sa.Column("old_points", sa.Float(), nullable=True),
        sa.Column("new_points", sa.Float(), nullable=True),
        sa.Column("reason", text, nullable=False),
        sa.Column("source", text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_history_overrides"),
    )
    op.create_index("ix_history_overrides_campaign_id", "history_overrides", ["campaign_id"])
    op.create_table(
        "history_problems",
        sa.Column("id", sa.Integer(), primary_key=True),
        _campaign_fk("history_problems"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("dossier_id", text, nullable=False),
        sa.Column("source_file", text, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("message", text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_history_problems"),
    )
    op.create_index("ix_history_problems_campaign_id", "history_problems", ["campaign_id"])


def downgrade() -> None:
    for table in ("history_problems", "history_overrides", "history_findings", "history_cases"):
        op.drop_table(table)
    op.drop_table("history_campaigns")
