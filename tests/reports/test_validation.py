"""Data-quality gates (reports/validation.py): failing dossiers are flagged, never dropped; results are kept.

The OUT folders are written by hand per output-contract.md, with the column lists of reports/contract_csv.py.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reports.contract_csv import CASES_COLUMNS, CSV_ENCODING, FINDINGS_COLUMNS
from tests.paths import ROOT

CHECKLIST = "penalty-general"
ITEMS = [("V03", "未履行事先告知程序", "基础标准"), ("R01", "缺立案审批表", "立案"),
         ("R17", "决定书无送达凭证", "送达执行")]  # fmt: skip
UNIT = "区城管执法局"
RUN_JSON = {"checklist": {"id": CHECKLIST, "version": "2025.1", "content_hash": "sha256:00", "path": ""}}


def _case(n: int, **changes: str) -> dict[str, str]:
    row = dict.fromkeys(CASES_COLUMNS, "")
    row.update(
        dossier_id=f"{UNIT}/2025-{n:03d}", unit=UNIT, case_type="penalty", procedure="general",
        case_no=f"京城管罚决字〔2025〕{n}号", agency=UNIT, party_name="北京某某餐饮有限公司",
        party_kind="organisation", party_id="914101850572028342", source_date="2025-03-01",
        filing_date="2025-03-05", notice_date="2025-04-01", notice_served_date="2025-04-02",
        decision_date="2025-04-20", delivery_date="2025-04-22", fine_amount="50000",
        notice_fine_amount="50000", officers="张三;李四", officer_cert_nos="11010012345;11010012346",
        checklist=CHECKLIST, raw_score="95", total_score="95", grade="优秀", vetoed="false",
        needs_review="false", review_reasons="",
    )  # fmt: skip
    row.update(changes)
    return row


def _findings(dossier_id: str, **statuses: tuple[str, ...]) -> list[dict[str, str]]:
    """Every item passes unless given as code=(status, points, veto, message, source_file, page, quote)."""
    rows = []
    for code, name, category in ITEMS:
        status, points, veto, message, source, page, quote = statuses.get(
            code, ("pass", "0", "false", "", "", "", "")
        )
        rows.append(
            dict(
                zip(
                    FINDINGS_COLUMNS,
                    (
                        dossier_id,
                        CHECKLIST,
                        code,
                        name,
                        category,
                        status,
                        points,
                        veto,
                        message,
                        source,
                        page,
                        quote,
                    ),
                    strict=True,
                )
            )
        )
    return rows


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    """As reports.contract_csv.ContractWriter writes: BOM, csv module, '\\n' line ends."""
    with path.open("w", encoding=CSV_ENCODING, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([row[c] for c in columns] for row in rows)


def _make_out(out: Path, cases: list[dict[str, str]], findings: list[dict[str, str]]) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "cases.csv", CASES_COLUMNS, cases)
    _write(out / "findings.csv", FINDINGS_COLUMNS, findings)
    (out / "problems.csv").write_text("\ufeffdossier_id,source_file,kind,message\n", encoding="utf-8")
    (out / "run.json").write_text(json.dumps(RUN_JSON, ensure_ascii=False), encoding="utf-8")
    return out


def _lines(path: Path) -> dict[str, bytes]:
    """Raw bytes of each data line, keyed by dossier_id (no field in these fixtures spans lines)."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = raw[3:].split(b"\n")[1:-1]
    return {next(csv.reader([r.decode("utf-8")]))[0]: r for r in rows}


def _cases(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding=CSV_ENCODING, newline="") as handle:
        return {r["dossier_id"]: r for r in csv.DictReader(handle)}


CLEAN = [
    _case(1),
    _case(2, party_id="91430102**********"),  # masked codes are not invalid (domain.md)
    _case(
        3,
        party_kind="individual",
        party_name="王某某",
        party_id="11010519491231002X",
        fine_amount="3000",
        notice_fine_amount="3000",
        raw_score="86",
        total_score="86",
        grade="良好",
    ),
    _case(
        4,
        case_no="(津保)应急罚[2023]k-39号",
        party_name="北京某某,有限公司",
        notice_date="",
        notice_served_date="",
    ),  # a comma makes the csv module quote the field
    _case(
        5,
        procedure="summary",
        case_no="",
        fine_amount="200",
        notice_fine_amount="",
        notice_date="",
        notice_served_date="",
    ),
    _case(6, raw_score="98", total_score="0", grade="不合格", vetoed="true"),
    _case(
        7,
        fine_amount="",
        notice_fine_amount="",
        raw_score="72",
        total_score="72",
        grade="合格",
        needs_review="true",
        review_reasons="R01 无法判定",
    ),
]

DIRTY = {
    "decision_before_filing": _case(
        11,
        filing_date="2025-03-10",
        notice_date="",
        notice_served_date="",
        decision_date="2025-03-01",
        delivery_date="2025-03-05",
    ),
    "bad_credit_code": _case(12, party_id="914101850572028343"),
    "veto_with_score": _case(13, raw_score="70", total_score="70", grade="不合格", vetoed="true"),
    "fail_without_evidence": _case(14, raw_score="90", total_score="90"),
    "duplicate_findings": _case(15),
    "flagged_before": _case(16, grade="良好", needs_review="true", review_reasons="R17 无法判定"),
}


def _findings_for(cases: list[dict[str, str]]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for case in cases:
        dossier = case["dossier_id"]
        if case is DIRTY["fail_without_evidence"]:
            rows += _findings(dossier, R17=("fail", "10", "false", "送达有问题", "", "", ""))
        elif case is DIRTY["duplicate_findings"]:
            rows += _findings(dossier) + _findings(dossier)[1:2]
        elif case is CLEAN[0]:
            rows += _findings(
                dossier,
                R01=("fail", "5", "false", "卷内未见立案审批表", "", "", ""),
                R17=("fail", "10", "false", "回证无日期", "送达回证.pdf", "1", ""),
            )
        else:
            rows += _findings(dossier)
    return rows


EXPECTED_REASONS = {
    "decision_before_filing": "gx:decision_after_filing(",
    "bad_credit_code": "gx:party_id_check_char(",
    "veto_with_score": "gx:vetoed_total_zero(",
    "fail_without_evidence": "gx:fail_has_evidence(",
    "duplicate_findings": "gx:finding_unique_per_item(",
    "flagged_before": "gx:grade_matches_score(",
}


@pytest.fixture(scope="module")
def dirty_run(tmp_path_factory: pytest.TempPathFactory):
    from reports.validation import validate_run

    cases = CLEAN + list(DIRTY.values())
    out = _make_out(tmp_path_factory.mktemp("dirty"), cases, _findings_for(cases))
    before = _lines(out / "cases.csv")
    report = validate_run(out)
    return out, before, report


def test_failing_dossiers_are_flagged_with_the_expectation_name(dirty_run) -> None:
    out, _, report = dirty_run
    after = _cases(out / "cases.csv")
    for key, reason in EXPECTED_REASONS.items():
        row = after[DIRTY[key]["dossier_id"]]
        assert row["needs_review"] == "true", key
        assert reason in row["review_reasons"], (key, row["review_reasons"])
    assert set(report.affected) == {c["dossier_id"] for c in DIRTY.values()}
    # an existing reason is kept and the new one appended after it
    kept = after[DIRTY["flagged_before"]["dossier_id"]]["review_reasons"].split(";")
    assert kept[0] == "R17 无法判定" and len(kept) == 2
    assert "(等次应与得分" in kept[1]


def test_untouched_rows_stay_byte_identical(dirty_run) -> None:
    out, before, _ = dirty_run
    after = _lines(out / "cases.csv")
    assert list(after) == list(before)  # same rows, same order
    for case in CLEAN:
        assert after[case["dossier_id"]] == before[case["dossier_id"]]
    header = (out / "cases.csv").read_bytes()[3:].split(b"\n")[0].decode()
    assert header == ",".join(CASES_COLUMNS)


def test_report_counts_and_result_files(dirty_run) -> None:
    out, _, report = dirty_run
    summary = report.as_dict()
    assert summary["evaluated"] > 40 and summary["failed"] == len(report.failures) >= 6
    assert summary["affected_dossiers"] == len(DIRTY)
    assert summary["failures"]["finding_unique_per_item"]["dossiers"] == 1
    assert summary["failures"]["decision_after_filing"]["rows"] == 1
    json.dumps(summary, ensure_ascii=False)  # recorded in run.json by the flow
    validation = out / "validation"
    cases_json = json.loads((validation / "pingcha_cases.json").read_text(encoding="utf-8"))
    assert cases_json["success"] is False
    failed = {r["expectation_config"]["meta"]["name"] for r in cases_json["results"] if not r["success"]}
    assert {"decision_after_filing", "party_id_check_char", "vetoed_total_zero"} <= failed
    findings_text = (validation / "pingcha_findings.json").read_text(encoding="utf-8")
    assert "fail_has_evidence" in findings_text
    on_disk = json.loads((validation / "summary.json").read_text(encoding="utf-8"))
    assert DIRTY["bad_credit_code"]["dossier_id"] in on_disk["failures"]["party_id_check_char"]["dossiers"]


def test_data_docs_mention_the_failing_expectation(dirty_run) -> None:
    out, _, report = dirty_run
    index = out / report.data_docs_index
    assert index == out / "validation" / "data_docs" / "index.html" and index.exists()
    assert "pingcha_cases" in index.read_text(encoding="utf-8")
    pages = list((out / "validation" / "data_docs" / "validations").rglob("*.html"))
    assert len(pages) == 2
    text = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "decision_after_filing" in text and "决定日期不得早于立案日期" in text


def test_clean_out_has_no_failures_and_is_left_alone(tmp_path: Path) -> None:
    from reports.validation import validate_run

    out = _make_out(tmp_path / "out", CLEAN, _findings_for(CLEAN))
    before = (out / "cases.csv").read_bytes()
    report = validate_run(out)
    assert report.failed == 0, report.summary()["failures"]
    assert report.evaluated > 40 and report.affected == []
    assert all(report.suites.values())
    assert (out / "cases.csv").read_bytes() == before
    assert (out / report.data_docs_index).exists()


def test_rerun_does_not_repeat_reasons(dirty_run, tmp_path: Path) -> None:
    from reports.validation import validate_run

    out, _, _ = dirty_run
    copy = tmp_path / "again"
    copy.mkdir()
    for name in ("cases.csv", "findings.csv", "run.json"):
        (copy / name).write_bytes((out / name).read_bytes())
    validate_run(copy)
    validate_run(copy)
    assert (copy / "cases.csv").read_bytes() == (out / "cases.csv").read_bytes()
    pages = list((copy / "validation" / "data_docs" / "validations").rglob("*.html"))
    assert len(pages) == 2  # the data docs show this validation only, not the earlier ones


def test_a_broken_gate_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reports.validation as validation

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(validation, "_run_suite", broken)
    out = _make_out(tmp_path / "out", [DIRTY["bad_credit_code"]], _findings_for([DIRTY["bad_credit_code"]]))
    before = (out / "cases.csv").read_bytes()
    report = validation.validate_run(out)
    assert report.as_dict()["error"] == "RuntimeError: boom"
    assert (out / "cases.csv").read_bytes() == before


@pytest.mark.parametrize("case_no", [
    "岳汨环罚决字〔2023〕020号", "盘环罚决(2021)138号", "(津保)应急罚[2023]k-39号", "豫0185环罚决字〔2023〕22号",
    "昌州环罚字〔2022〕1-10号", "湛(吴)环罚字〔2021〕18号", "兴消行罚决字〔2023〕第100066号",
    "京环境监察罚字〔2018〕29号", "京建法罚（朝房）字[2008]第XX-XXXX号", "京市监罚［2025］3号",
])  # fmt: skip
def test_case_numbers_from_domain_md_are_accepted(case_no: str) -> None:
    from reports.expectations import CASE_NO_REGEX

    assert re.search(CASE_NO_REGEX, case_no)


@pytest.mark.parametrize(
    "case_no", ["〔2023〕20号", "京环罚字2023年20号", "京环罚字〔23〕20号", "京环罚字〔2023〕20"]
)
def test_malformed_case_numbers_are_rejected(case_no: str) -> None:
    from reports.expectations import CASE_NO_REGEX

    assert not re.search(CASE_NO_REGEX, case_no)


def test_importing_validation_does_not_import_great_expectations() -> None:
    code = "import sys, reports.validation; print('great_expectations' in sys.modules)"
    root = ROOT  # the project, so `import reports` finds this checkout
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_grade_bands_come_from_the_run_checklist(tmp_path: Path) -> None:
    from reports.validation import validate_run
    from scoring.checklist import resolve_checklist

    bundled = resolve_checklist(CHECKLIST).read_text(encoding="utf-8")
    assert "{grade: 优秀, min: 90}" in bundled  # the band this test makes stricter
    strict = tmp_path / "strict.yaml"
    strict.write_text(bundled.replace("{grade: 优秀, min: 90}", "{grade: 优秀, min: 96}"), encoding="utf-8")
    out = _make_out(tmp_path / "out", CLEAN[:1], _findings_for(CLEAN[:1]))
    (out / "run.json").write_text(
        json.dumps({"checklist": {"id": "strict", "path": str(strict)}}), encoding="utf-8"
    )
    report = validate_run(out)
    assert list(report.failures) == ["grade_matches_score"]  # 95 is 良好 under this checklist


def test_without_the_runs_checklist_grades_are_not_checked_and_the_report_says_so(tmp_path: Path) -> None:
    from reports.validation import validate_run

    out = _make_out(tmp_path / "out", CLEAN[:1], _findings_for(CLEAN[:1]))
    (out / "run.json").write_text(json.dumps({"checklist": {"id": "no-such-checklist"}}), encoding="utf-8")
    report = validate_run(out)
    assert not report.failures and "未能加载评查标准，未校验等次" in report.notes


def test_header_only_files_and_missing_files_do_not_fail(tmp_path: Path) -> None:
    from reports.validation import validate_run

    out = _make_out(tmp_path / "empty", [], [])
    report = validate_run(out)
    assert report.failed == 0 and report.affected == []
    assert (out / "validation" / "summary.json").exists()
    missing = tmp_path / "missing"
    missing.mkdir()
    report = validate_run(missing)
    assert report.evaluated == 0 and report.notes
