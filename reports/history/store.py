"""Record a finished run into the history store, and create or upgrade the store's schema.

The store is what makes year-on-year comparison possible (整改 follow-up, domain.md): each run's contract
files (output-contract.md) are copied into SQL tables. A campaign is identified by name and year, so
re-recording a campaign after reviewer overrides replaces its rows in one transaction instead of adding a
second copy. SQLite by default; PostgreSQL (or any SQLAlchemy URL) for a bureau's shared server.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.orm import Session

from ingest.errors import PingchaError
from reports.history.models import Campaign, Case, Finding, Override, Problem
from reports.loading import (
    AUDIT_COLUMNS,
    CASE_COLUMNS,
    FINDING_COLUMNS,
    PROBLEM_COLUMNS,
    REVIEW_FINDING_COLUMNS,
    RunData,
    joined_findings,
    load_run,
)
from reports.masking import mask_person_name

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
DEFAULT_DB_NAME = "history.db"
REVIEWED_MARK = '"review": {'  # run.json of a reviewed run (reports/review.py) as the store keeps it
_CHUNK = 2000  # rows per INSERT: keeps SQLite's bound-parameter limit and memory in check


class HistoryError(PingchaError):
    """The history store cannot record or read a campaign (bad URL, no year, missing files)."""


@dataclass(frozen=True, slots=True)
class CampaignRecord:
    """What record_run wrote: the campaign's key and row counts; `replaced` when it was recorded before."""

    id: int
    name: str
    year: int
    run_at: datetime | None
    checklist_id: str
    checklist_version: str
    checklist_hash: str
    out_dir: str
    cases: int
    findings: int
    overrides: int
    problems: int
    replaced: bool


def normalize_url(url: str | Path) -> str:
    """A SQLAlchemy URL; a bare path (or a folder, meaning folder/history.db) means SQLite."""
    text = str(url)
    if "://" in text:
        return text
    path = Path(text).expanduser()
    if path.is_dir():
        path = path / DEFAULT_DB_NAME
    return f"sqlite:///{path.resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # so ON DELETE CASCADE holds on SQLite too
    cursor.close()


_ENGINES: dict[str, Engine] = {}


def make_engine(url: str) -> Engine:
    """One engine per URL for the process (engines pool connections; creating many leaks them)."""
    url = normalize_url(url)
    engine = _ENGINES.get(url)
    if engine is None:
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        _ENGINES[url] = engine
    return engine


def dispose_engines() -> None:
    """Close every pooled connection (before dropping a database, or at the end of a long-lived process)."""
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()


def alembic_config() -> Config:
    """Alembic configuration built in code: no alembic.ini to ship or to find at run time."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def ensure_schema(url: str | Path) -> None:
    """Create the store or upgrade it to the newest migration; safe to call before every use."""
    engine = make_engine(normalize_url(url))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


# --- reading a run's files -------------------------------------------------------------------------


def _none_if_nan(value: Any) -> Any:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return _none_if_nan(value.item())
    return value


def _as_date(value: Any) -> date | None:
    value = _none_if_nan(value)
    if isinstance(value, pd.Timestamp | datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _as_float(value: Any) -> float | None:
    value = _none_if_nan(value)
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _extra(row: dict[str, Any], known: tuple[str, ...]) -> str:
    extra = {k: str(v) for k, v in row.items() if k not in known and str(v) != ""}
    return json.dumps(extra, ensure_ascii=False) if extra else ""


def hash_ids_by_default(url: str) -> bool:
    """IDs of individuals are kept hashed in a shared database server (PostgreSQL …) unless
    PINGCHA_HISTORY_HASH_IDS=0; a SQLite file beside the run keeps them as cases.csv does unless it is 1."""
    chosen = os.environ.get("PINGCHA_HISTORY_HASH_IDS", "").strip()
    if chosen in ("0", "1"):
        return chosen == "1"
    return not normalize_url(url).startswith("sqlite:")


def _pseudonymised(row: dict[str, Any]) -> dict[str, Any]:
    """An individual party's ID number as an unkeyed sha256 (still comparable across campaigns) and its name
    masked (张某某): trends need neither, and a history store outlives the campaign's files."""
    if str(row.get("party_kind") or "") != "individual":
        return row
    out = dict(row)
    party_id = str(out.get("party_id") or "").strip()
    if party_id and party_id.lower() != "nan":
        out["party_id"] = "sha256:" + hashlib.sha256(party_id.encode("utf-8")).hexdigest()[:24]
    name = str(out.get("party_name") or "").strip()
    if name and name.lower() != "nan":
        out["party_name"] = mask_person_name(name)
    return out


def _case_rows(data: RunData, campaign_id: int, hash_ids: bool = False) -> list[dict[str, Any]]:
    rows = []
    dates = {c for c in CASE_COLUMNS if c.endswith("_date")}
    for position, row in enumerate(data.cases.to_dict("records")):
        row = _pseudonymised(row) if hash_ids else row
        out: dict[str, Any] = {"campaign_id": campaign_id, "position": position}
        for col in CASE_COLUMNS:
            value = row.get(col)
            if col in dates:
                out[col] = _as_date(value)
            elif col in ("fine_amount", "notice_fine_amount", "raw_score", "total_score"):
                out[col] = _as_float(value)
            elif col in ("vetoed", "needs_review"):
                out[col] = bool(_none_if_nan(value))
            else:
                out[col] = "" if _none_if_nan(value) is None else str(value)
        out["extra"] = _extra(row, CASE_COLUMNS)
        rows.append(out)
    return rows


def _finding_rows(data: RunData, campaign_id: int) -> list[dict[str, Any]]:
    rows = []
    known = FINDING_COLUMNS + REVIEW_FINDING_COLUMNS
    every = joined_findings(data)  # the store keeps findings.csv as written, supplements' rows too
    reviewed = [c for c in REVIEW_FINDING_COLUMNS if c in every.columns]
    for position, row in enumerate(every.to_dict("records")):
        out: dict[str, Any] = {"campaign_id": campaign_id, "position": position}
        for col in FINDING_COLUMNS:
            value = row.get(col)
            if col == "points_deducted":
                out[col] = _as_float(value) or 0.0
            elif col == "veto":
                out[col] = bool(_none_if_nan(value))
            else:
                out[col] = str(value) if _none_if_nan(value) is not None else ""
        for col in REVIEW_FINDING_COLUMNS:  # NULL when the run was never reviewed, '' when not overridden
            out[col] = str(row[col]) if col in reviewed else None
        out["extra"] = _extra(row, known)
        rows.append(out)
    return rows


def _audit_rows(data: RunData, campaign_id: int) -> list[dict[str, Any]]:
    rows = []
    for position, row in enumerate(data.audit.to_dict("records")):
        out: dict[str, Any] = {"campaign_id": campaign_id, "position": position}
        for col in AUDIT_COLUMNS:
            value = row.get(col, "")
            out[col] = _as_float(value) if col in ("old_points", "new_points") else str(value or "")
        rows.append(out)
    return rows


def _problem_rows(data: RunData, campaign_id: int) -> list[dict[str, Any]]:
    return [
        {"campaign_id": campaign_id, "position": i, **{c: str(row.get(c, "") or "") for c in PROBLEM_COLUMNS}}
        for i, row in enumerate(data.problems.to_dict("records"))
    ]


def campaign_year(raw: dict[str, Any], started_at: datetime | None) -> int | None:
    """run.json `campaign_year` when present, else the year the run started."""
    value = raw.get("campaign_year")
    if value not in (None, ""):
        try:
            return int(value)
        except (TypeError, ValueError):
            raise HistoryError(f"run.json campaign_year is not a year: {value!r}") from None
    return started_at.year if started_at else None


def _insert_chunks(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), _CHUNK):
        session.execute(insert(model), rows[start : start + _CHUNK])


def record_run(
    out_dir: Path, url: str, *, name: str | None = None, year: int | None = None, hash_ids: bool | None = None,
    shown_as: Path | None = None,
) -> CampaignRecord:
    """Write a finished run (cases.csv, findings.csv, run.json, problems.csv and audit.csv if present) into
    the store at `url`. Same name and year as a recorded campaign: its rows are replaced, in one transaction.

    `name` defaults to run.json `campaign` (else the folder's name); `year` overrides the derived year;
    `hash_ids` keeps individuals' ID numbers hashed and names masked (default: `hash_ids_by_default(url)`).
    `shown_as` is the folder recorded when the run is read from elsewhere (a staging folder before it is moved).
    """
    out_dir = Path(out_dir)
    if not (out_dir / "cases.csv").exists() or not (out_dir / "run.json").exists():
        raise HistoryError(f"not a finished run (cases.csv and run.json expected): {out_dir}")
    data = load_run(out_dir)
    meta = data.run
    shown = Path(shown_as or out_dir).resolve()
    name = (name or meta.campaign or shown.name).strip()
    year = year if year is not None else campaign_year(meta.raw, meta.started_at)
    if year is None:
        raise HistoryError(f"campaign year unknown (run.json has neither campaign_year nor started_at): {out_dir}")

    url = normalize_url(url)
    ensure_schema(url)
    engine = make_engine(url)
    now = datetime.now().astimezone()
    fields = {
        "run_at": meta.started_at,
        "finished_at": meta.finished_at,
        "checklist_id": meta.checklist.id,
        "checklist_version": meta.checklist.version,
        "checklist_hash": meta.checklist.content_hash,
        "checklist_title": meta.checklist.title,
        "out_dir": str(shown),
        "fingerprint": data.fingerprint,
        "recorded_at": now,
        "run_json": json.dumps(meta.raw, ensure_ascii=False, default=str),
    }
    with Session(engine) as session, session.begin():
        campaign = session.scalar(
            select(Campaign).where(Campaign.name == name, Campaign.year == year).with_for_update()
        )
        replaced = campaign is not None
        if campaign is None:
            campaign = Campaign(name=name, year=year, **fields)
            session.add(campaign)
            session.flush()
        else:
            for model in (Finding, Case, Override, Problem):
                session.execute(delete(model).where(model.campaign_id == campaign.id))
            for key, value in fields.items():
                setattr(campaign, key, value)
        cases = _case_rows(data, campaign.id, hash_ids_by_default(url) if hash_ids is None else hash_ids)
        findings = _finding_rows(data, campaign.id)
        overrides = _audit_rows(data, campaign.id)
        problems = _problem_rows(data, campaign.id)
        _insert_chunks(session, Case, cases)
        _insert_chunks(session, Finding, findings)
        _insert_chunks(session, Override, overrides)
        _insert_chunks(session, Problem, problems)
        record = CampaignRecord(
            id=campaign.id, name=name, year=year, run_at=meta.started_at, checklist_id=meta.checklist.id,
            checklist_version=meta.checklist.version, checklist_hash=meta.checklist.content_hash,
            out_dir=fields["out_dir"], cases=len(cases), findings=len(findings), overrides=len(overrides),
            problems=len(problems), replaced=replaced,
        )
    return record


def list_campaigns(url: str) -> pd.DataFrame:
    """Recorded campaigns in time order (year, then run time), with their file counts and whether their
    scores are the reviewers' (`reviewed`: recorded by `pingcha review apply`)."""
    engine = make_engine(normalize_url(url))
    files = (
        select(Case.campaign_id, func.count().label("files")).group_by(Case.campaign_id).subquery()
    )
    query = (
        select(Campaign.id, Campaign.name, Campaign.year, Campaign.run_at, Campaign.checklist_id,
               Campaign.checklist_version, Campaign.checklist_hash, Campaign.out_dir,
               func.coalesce(files.c.files, 0).label("files"),
               Campaign.run_json.like(f"%{REVIEWED_MARK}%").label("reviewed"))
        .outerjoin(files, files.c.campaign_id == Campaign.id)
        .order_by(Campaign.year, Campaign.run_at, Campaign.id)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    columns = ["id", "name", "year", "run_at", "checklist_id", "checklist_version", "checklist_hash",
               "out_dir", "files", "reviewed"]
    frame = pd.DataFrame([dict(r) for r in rows], columns=columns)
    frame["reviewed"] = frame["reviewed"].fillna(False).astype(bool)
    return frame
