"""History store and trends: three planted campaigns recorded into SQLite and PostgreSQL."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import func, inspect, select

from reports.glossary import TREND_ZH
from reports.history import HistoryError, compute_trends, ensure_schema, record_run
from reports.history.charts import render_trend_charts
from reports.history.command import run_trends
from reports.history.models import Campaign, Case, Finding, Override, Problem
from reports.history.store import hash_ids_by_default, make_engine
from tests.reports.fake_history import (
    CHENGGUAN,
    ECO,
    EXPECTED_AVERAGES,
    HEALTH,
    SHIJIAN,
    TOWN,
    campaign_name,
    make_campaigns,
)
from tests.reports.postgres import fresh_postgres_database, requires_postgres


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    return make_campaigns(tmp_path_factory.mktemp("campaigns"))


def _counts(url: str) -> dict[str, int]:
    with make_engine(url).connect() as conn:
        return {m.__tablename__: conn.scalar(select(func.count()).select_from(m))
                for m in (Campaign, Case, Finding, Override, Problem)}


def check_store(url: str, runs: dict[int, Path]) -> None:
    """Record, re-record, and check every planted number; shared by the SQLite and PostgreSQL tests."""
    records = [record_run(runs[year], url) for year in (2023, 2024, 2025)]
    assert [r.year for r in records] == [2023, 2024, 2025]  # 2025 ran in Jan 2026: run.json campaign_year wins
    assert [r.replaced for r in records] == [False, False, False]
    assert (records[1].cases, records[1].findings, records[1].overrides) == (7, 98, 1)
    before = _counts(url)
    assert before == {"history_campaigns": 3, "history_cases": 19, "history_findings": 266,
                      "history_overrides": 1, "history_problems": 1}

    again = record_run(runs[2024], url)  # re-recording replaces, never duplicates
    assert again.replaced and again.id == records[1].id
    assert _counts(url) == before

    with make_engine(url).connect() as conn:
        reviewed = conn.execute(select(Finding.auto_status, Finding.override_reason, Finding.reviewer)
                                .where(Finding.campaign_id == records[1].id, Finding.auto_status != "")).all()
        assert reviewed == [("unknown", "卷内有送达回证", "评查员甲")]
        unreviewed = conn.scalar(select(func.count()).select_from(Finding).where(
            Finding.campaign_id == records[0].id, Finding.auto_status.is_(None)))
        assert unreviewed == 84  # never reviewed: override columns NULL, not ''
        case = conn.execute(select(Case.party_id, Case.party_name, Case.total_score, Case.raw_score, Case.vetoed,
                                   Case.filing_date).where(Case.dossier_id.like("%王小明%"))).one()
        if hash_ids_by_default(url):  # a database server keeps individuals pseudonymised
            assert case.party_id.startswith("sha256:") and "110101199003071234" not in case.party_id
            assert case.party_name == "王某某"
        else:
            assert case.party_id == "110101199003071234"
        assert case.total_score == 0 and case.raw_score == 98
        assert case.vetoed is True and case.filing_date.isoformat() == "2025-03-01"

    trends = compute_trends(url)
    assert trends.labels == ["2023", "2024", "2025"]
    assert (trends.previous, trends.latest) == ("2024", "2025")
    averages = {(r.unit, r.year): r.average for r in trends.unit_scores.itertuples()}
    expected = {(unit, year): avg for unit, years in EXPECTED_AVERAGES.items() for year, avg in years.items()}
    assert averages == pytest.approx(expected)
    improving = [averages[(CHENGGUAN, y)] for y in (2023, 2024, 2025)]
    assert improving == sorted(improving) and improving[0] < improving[-1]

    shares = {(r.year, r.grade): (r.files, r.share) for r in trends.grade_shares.itertuples()}
    assert shares[(2025, "优秀")] == (4, pytest.approx(4 / 6))
    assert shares[(2025, "不合格")] == (2, pytest.approx(2 / 6))
    assert shares[(2024, "良好")] == (3, pytest.approx(3 / 7))
    assert sum(files for (year, _), (files, _) in shares.items() if year == 2023) == 6

    top = trends.top_problems
    r17 = top[(top["item_code"] == "R17")].set_index("year")
    assert r17.loc[2024, "files"] == 4 and r17.loc[2024, "rank"] == 1
    assert r17.loc[2025, "files"] == 2 and r17.loc[2025, "share"] == pytest.approx(2 / 6)

    cats = trends.category_deductions.set_index(["year", "category"])
    assert cats.loc[(2024, "送达执行"), "points"] == pytest.approx(45)  # R17 10 × 4 files, R18 5
    assert cats.loc[(2024, "送达执行"), "per_file"] == pytest.approx(45 / 7)

    recurrence = trends.recurrence.to_dict("records")
    assert recurrence == [{"unit": SHIJIAN, "item_code": "R17", "item_name": "决定书无送达凭证",
                           "previous_files": 2, "latest_files": 1, "case_type": "行政处罚（一般程序）"}]
    assert trends.zero_enforcement.to_dict("records") == [{"unit": TOWN, "previous_files": 2}]

    two = compute_trends(url, campaigns=[campaign_name(2023), "2024"])  # by name or by year
    assert two.labels == ["2023", "2024"] and (two.previous, two.latest) == ("2023", "2024")
    assert two.zero_enforcement.empty
    assert {(r["unit"], r["item_code"]) for r in two.recurrence.to_dict("records")} == {
        (CHENGGUAN, "R17"), (CHENGGUAN, "R04"), (CHENGGUAN, "R11"), (CHENGGUAN, "R13"), (CHENGGUAN, "R18"),
        (CHENGGUAN, "R24"), (CHENGGUAN, "R01"), (SHIJIAN, "R17"), (TOWN, "R01"), (ECO, "R23")}
    with pytest.raises(HistoryError):
        compute_trends(url, campaigns=["2019"])


def test_sqlite_store_and_trends(tmp_path: Path, runs: dict[int, Path]) -> None:
    url = f"sqlite:///{tmp_path / 'history.db'}"
    check_store(url, runs)
    tables = set(inspect(make_engine(url)).get_table_names())
    assert {"history_campaigns", "history_cases", "history_findings", "history_overrides",
            "history_alembic_version"} <= tables


@requires_postgres
def test_postgres_store_and_trends(runs: dict[int, Path]) -> None:
    with fresh_postgres_database() as url:
        assert make_engine(url).dialect.name == "postgresql"
        check_store(url, runs)


def test_schema_is_alembic_head_and_idempotent(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from reports.history.models import Base

    url = f"sqlite:///{tmp_path / 'h.db'}"
    ensure_schema(url)
    ensure_schema(url)  # a second upgrade is a no-op
    with make_engine(url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": "history_alembic_version"})
        assert context.get_current_revision() == "0001_initial"
        assert compare_metadata(context, Base.metadata) == []  # migration and models agree


def test_year_override_and_bare_path(tmp_path: Path, runs: dict[int, Path]) -> None:
    db = tmp_path / "store"
    db.mkdir()
    record = record_run(runs[2023], str(db), year=2022)  # a folder means folder/history.db
    assert record.year == 2022 and (db / "history.db").exists()
    with pytest.raises(HistoryError):
        record_run(tmp_path / "nothing-here", str(db))


def test_trend_charts_workbook_and_command(tmp_path: Path, runs: dict[int, Path]) -> None:
    url = f"sqlite:///{tmp_path / 'history.db'}"
    for year in (2023, 2024, 2025):
        record_run(runs[year], url)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing CJK glyph would warn
        paths = run_trends(url, tmp_path / "trends")
    workbook, charts = paths[0], paths[1:]
    assert workbook.name == "trends.xlsx" and len(charts) == 4
    for chart in charts:
        with Image.open(chart) as image:
            assert image.width > 600 and image.height > 300
    wb = load_workbook(workbook)
    assert TREND_ZH["sheet_recurrence"] in wb.sheetnames and TREND_ZH["sheet_zero"] in wb.sheetnames
    zero = wb[TREND_ZH["sheet_zero"]]
    assert [c.value for c in zero[2]] == [TOWN, 2]
    averages = wb[TREND_ZH["sheet_averages"]]
    rows = {r[0]: r[1:] for r in averages.iter_rows(min_row=2, values_only=True)}
    assert rows[CHENGGUAN] == (70, 80, 90) and rows[HEALTH] == (None, None, 55)


def test_single_campaign_has_no_recurrence(tmp_path: Path, runs: dict[int, Path]) -> None:
    url = f"sqlite:///{tmp_path / 'history.db'}"
    record_run(runs[2025], url)
    trends = compute_trends(url)
    assert trends.previous is None and trends.latest == "2025"
    assert trends.recurrence.empty and trends.zero_enforcement.empty
    assert render_trend_charts(trends, tmp_path / "charts")  # still draws what it can


def test_individuals_ids_can_be_kept_hashed(tmp_path: Path, runs: dict[int, Path], monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'hashed.db'}"
    assert not hash_ids_by_default(url) and hash_ids_by_default("postgresql+psycopg://h/db")
    monkeypatch.setenv("PINGCHA_HISTORY_HASH_IDS", "1")
    assert hash_ids_by_default(url)
    record_run(runs[2025], url)
    with make_engine(url).connect() as conn:
        stored = conn.execute(select(Case.party_kind, Case.party_id, Case.party_name)).all()
    individuals = [r for r in stored if r.party_kind == "individual"]
    assert individuals and all(r.party_id.startswith("sha256:") or not r.party_id for r in individuals)
    assert not any(r.party_name == "王小明" for r in stored)
    organisations = [r for r in stored if r.party_kind == "organisation"]
    assert organisations and not any(r.party_id.startswith("sha256:") for r in organisations)
