"""Data-quality gates on a finished run's contract files, with Great Expectations 1.x.

`validate_run(OUT)` runs the suites of `reports.expectations` on cases.csv and findings.csv. A failed
expectation never stops a campaign: the dossiers it hits get needs_review=true and a reason
`gx:<name>(<中文说明>)` in review_reasons (cases.csv is rewritten in place, untouched rows byte for byte).
Results go to OUT/validation/: one JSON per suite, summary.json, and Data Docs HTML built by a Checkpoint's
UpdateDataDocsAction on an ephemeral context (no files outside OUT, no network).

Great Expectations is imported inside `validate_run` only: importing it takes 7-8 s, which the CLI must not
pay for `--help`.
"""

from __future__ import annotations

import errno
import json
import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reports.contract_csv import CASES_COLUMNS, FINDINGS_COLUMNS
from reports.review_flags import CsvTable, flag_rows, read_table

if TYPE_CHECKING:
    from scoring.checklist import Checklist

log = logging.getLogger(__name__)

VALIDATION_DIR = "validation"
DATA_DOCS_DIR = "data_docs"
REASON_PREFIX = "gx:"


@dataclass(slots=True)
class ExpectationFailure:
    """One failed expectation: which suite, how many rows it hit, which dossiers."""

    name: str
    suite: str
    description: str
    unexpected_rows: int = 0
    dossiers: list[str] = field(default_factory=list)
    error: str = ""  # set when the expectation raised instead of evaluating

    def reason(self) -> str:
        """The review_reasons entry: stable English name, Chinese description for the reviewer."""
        zh = self.description.split("：", 1)[-1]
        return f"{REASON_PREFIX}{self.name}({zh})"


@dataclass(slots=True)
class ValidationReport:
    """What validate_run found; `as_dict()` goes into run.json under `validation`."""

    out_dir: Path
    evaluated: int = 0
    failed: int = 0
    suites: dict[str, bool] = field(default_factory=dict)
    failures: dict[str, ExpectationFailure] = field(default_factory=dict)
    affected: list[str] = field(default_factory=list)  # dossier ids flagged for review
    result_files: list[str] = field(default_factory=list)  # relative to out_dir
    data_docs_index: str = ""  # relative to out_dir; empty when Data Docs could not be built
    seconds: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    error: str = ""  # Great Expectations itself failed: nothing was flagged, the campaign goes on

    def as_dict(self) -> dict[str, Any]:
        return {
            "evaluated": self.evaluated,
            "failed": self.failed,
            "affected_dossiers": len(self.affected),
            "suites": dict(self.suites),
            "failures": {
                name: {
                    "suite": f.suite,
                    "rows": f.unexpected_rows,
                    "dossiers": len(f.dossiers),
                    **({"error": f.error} if f.error else {}),
                }
                for name, f in self.failures.items()
            },  # fmt: skip
            "results": list(self.result_files),
            "data_docs": self.data_docs_index,
            "seconds": dict(self.seconds),
            **({"notes": list(self.notes)} if self.notes else {}),
            **({"error": self.error} if self.error else {}),
        }

    def summary(self) -> dict[str, Any]:
        """summary.json: as_dict() plus the dossier lists a reviewer follows up on."""
        return {
            **self.as_dict(),
            "affected": list(self.affected),
            "failures": {
                name: {
                    "suite": f.suite,
                    "description": f.description,
                    "rows": f.unexpected_rows,
                    "dossiers": f.dossiers,
                    **({"error": f.error} if f.error else {}),
                }
                for name, f in self.failures.items()
            },  # fmt: skip
        }


def _frame(table: CsvTable, columns: tuple[str, ...]):  # -> (pd.DataFrame, list[int], list[str])
    """The table as text columns (blank lines dropped), its record positions, missing contract columns."""
    import pandas as pd

    width = len(table.header)
    kept = [i for i, row in enumerate(table.rows) if row]
    data = [(table.rows[i] + [""] * width)[:width] for i in kept]
    frame = pd.DataFrame(data, columns=table.header, dtype=object)
    missing = [c for c in columns if c not in frame.columns]
    for column in missing:
        frame[column] = ""
    return frame.astype(str), kept, missing


# --- the run's checklist ---------------------------------------------------------------------------------


def _run_checklist(out_dir: Path) -> Checklist | None:
    """The run's checklist (run.json), whose bands give each file's grade; None when it cannot be loaded."""
    from reports.loading import load_run_checklist, parse_run_json
    from scoring.checklist import ChecklistError

    try:
        raw = json.loads((out_dir / "run.json").read_text(encoding="utf-8"))
        return load_run_checklist(parse_run_json(raw if isinstance(raw, dict) else {}).checklist)
    except (OSError, ValueError, ChecklistError):
        return None


def _type_checklists(out_dir: Path, primary: Checklist | None) -> dict[str, Checklist]:
    """Every checklist of a campaign of several case types (run.json `checklists`), by id."""
    from reports.loading import parse_run_json, run_checklists

    try:
        raw = json.loads((out_dir / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return run_checklists(parse_run_json(raw if isinstance(raw, dict) else {}), primary)


# --- Great Expectations ------------------------------------------------------------------------------------


def _context(docs_dir: Path):  # -> EphemeralDataContext
    """An in-memory context whose only side effect is the Data Docs site under OUT/validation."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.variables.analytics_enabled = False
    context.add_data_docs_site(
        "pingcha",
        {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(docs_dir.resolve())},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )  # fmt: skip
    return context


def _run_suite(context: Any, suite_name: str, expectations: list, frame: Any) -> dict[str, Any]:
    """Validate one frame through a Checkpoint that updates Data Docs; returns the result as JSON dict."""
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    from reports.expectations import build_suite

    datasource = context.data_sources.add_pandas(f"{suite_name}_source")
    batch = datasource.add_dataframe_asset(suite_name).add_batch_definition_whole_dataframe("whole")
    suite = context.suites.add(build_suite(suite_name, expectations))
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=suite_name, data=batch, suite=suite)
    )
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name=suite_name,
            validation_definitions=[definition],
            actions=[UpdateDataDocsAction(name="data_docs", site_names=["pingcha"])],
            result_format={"result_format": "COMPLETE"},
        )
    )
    result = checkpoint.run(batch_parameters={"dataframe": frame})
    (only,) = result.run_results.values()
    return only.to_json_dict()


def _collect(
    report: ValidationReport, suite: str, result: dict[str, Any], dossier_of_row: list[str]
) -> dict[int, list[str]]:
    """Record each expectation's outcome; return frame row -> reasons for the rows that failed."""
    hits: dict[int, list[str]] = {}
    for outcome in result.get("results", []):
        config = outcome.get("expectation_config") or {}
        meta = config.get("meta") or {}
        name = meta.get("name") or config.get("type", "unnamed")
        report.evaluated += 1
        if outcome.get("success"):
            continue
        report.failed += 1
        failure = ExpectationFailure(
            name, suite, config.get("description") or f"{name}：{meta.get('zh', '')}"
        )
        exception = outcome.get("exception_info") or {}
        if exception.get("raised_exception"):
            failure.error = str(exception.get("exception_message") or "")[:300]
        rows = [int(i) for i in (outcome.get("result") or {}).get("unexpected_index_list") or []]
        failure.unexpected_rows = len(rows)
        failure.dossiers = sorted({dossier_of_row[r] for r in rows if 0 <= r < len(dossier_of_row)} - {""})
        report.failures[name] = failure
        for r in rows:
            hits.setdefault(r, []).append(failure.reason())
    return hits


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")


def validate_run(out_dir: Path) -> ValidationReport:
    """Validate OUT's cases.csv and findings.csv; flag failing dossiers for review; write OUT/validation."""
    started = time.perf_counter()
    out_dir = Path(out_dir)
    report = ValidationReport(out_dir)
    target = out_dir / VALIDATION_DIR
    target.mkdir(parents=True, exist_ok=True)
    cases_path, findings_path = out_dir / "cases.csv", out_dir / "findings.csv"
    if not cases_path.exists():
        report.notes.append("cases.csv 不存在，未进行数据校验")
        _write_json(target / "summary.json", report.summary())
        return report

    import great_expectations  # noqa: F401 - timed separately: the import alone costs 7-8 s

    report.seconds["import"] = round(time.perf_counter() - started, 3)
    from reports import expectations as ex
    from scoring.engine import FULL_SCORE

    t0 = time.perf_counter()
    checklist = _run_checklist(out_dir)
    if checklist is None:
        report.notes.append("未能加载评查标准，未校验等次")
    cases_table = read_table(cases_path)
    cases_raw, cases_pos, missing = _frame(cases_table, CASES_COLUMNS)
    if missing:
        report.notes.append(f"cases.csv 缺少列: {', '.join(missing)}")
    findings_table = read_table(findings_path) if findings_path.exists() else CsvTable([], "", [], [])
    findings_raw, _, missing = _frame(findings_table, FINDINGS_COLUMNS)
    if missing and findings_table.header:
        report.notes.append(f"findings.csv 缺少列: {', '.join(missing)}")
    report.seconds["read"] = round(time.perf_counter() - t0, 3)

    t0 = time.perf_counter()
    shutil.rmtree(target / DATA_DOCS_DIR, ignore_errors=True)  # a re-validated OUT shows this run only
    findings_result = None
    try:
        context = _context(target / DATA_DOCS_DIR)
        cases_result = _run_suite(
            context, ex.CASES_SUITE, ex.cases_expectations(FULL_SCORE), ex.prepare_cases(cases_raw, checklist, _type_checklists(out_dir, checklist))
        )
        if len(findings_raw):
            findings_result = _run_suite(
                context, ex.FINDINGS_SUITE, ex.findings_expectations(), ex.prepare_findings(findings_raw)
            )
    except Exception as exc:  # noqa: BLE001 - a broken gate is reported in run.json, never fatal
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise  # a full disk stops the run with its own message (pipelines/diskspace.py), not a note
        log.exception("validation could not run")
        report.error = f"{type(exc).__name__}: {exc}"[:500]
        report.notes.append("数据校验未能完成，请查看日志")
        _write_json(target / "summary.json", report.summary())
        return report
    report.seconds["validate"] = round(time.perf_counter() - t0, 3)

    # Map failures to cases.csv records: cases rows directly, findings rows through their dossier_id.
    t0 = time.perf_counter()
    case_ids = list(cases_raw["dossier_id"])
    reasons: dict[int, list[str]] = {}
    for row, found in _collect(report, ex.CASES_SUITE, cases_result, case_ids).items():
        reasons.setdefault(cases_pos[row], []).extend(found)
    report.suites[ex.CASES_SUITE] = bool(cases_result.get("success"))
    if findings_result is not None:
        records_of: dict[str, list[int]] = {}
        for row, dossier in enumerate(case_ids):
            records_of.setdefault(dossier, []).append(cases_pos[row])
        finding_ids = list(findings_raw["dossier_id"])
        for row, found in _collect(report, ex.FINDINGS_SUITE, findings_result, finding_ids).items():
            for record in records_of.get(finding_ids[row], []):
                reasons.setdefault(record, []).extend(found)
        report.suites[ex.FINDINGS_SUITE] = bool(findings_result.get("success"))
    for record, found in reasons.items():
        reasons[record] = list(dict.fromkeys(found))
    dossier_of_record = dict(zip(cases_pos, case_ids, strict=True))
    report.affected = sorted({dossier_of_record[r] for r in reasons} - {""})
    flagged = flag_rows(cases_path, cases_table, reasons)
    if reasons and not flagged and "needs_review" not in cases_table.header:
        report.notes.append("cases.csv 无 needs_review/review_reasons 列，未能标记需复核案卷")

    for name, result in ((ex.CASES_SUITE, cases_result), (ex.FINDINGS_SUITE, findings_result)):
        if result is not None:
            _write_json(target / f"{name}.json", result)
            report.result_files.append(f"{VALIDATION_DIR}/{name}.json")
    index = target / DATA_DOCS_DIR / "index.html"
    if index.exists():
        report.data_docs_index = index.relative_to(out_dir).as_posix()
    else:
        report.notes.append("Data Docs 未生成")
    report.seconds["write"] = round(time.perf_counter() - t0, 3)
    report.seconds["total"] = round(time.perf_counter() - started, 3)
    _write_json(target / "summary.json", report.summary())
    log.info("validation: %d expectations, %d failed, %d dossiers flagged",
             report.evaluated, report.failed, len(report.affected))  # fmt: skip
    return report
