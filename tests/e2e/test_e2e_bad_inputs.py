"""A campaign holding one file of every bad kind survives: each is a named problem, good dossiers score as
in a clean campaign, inputs are untouched, a wrong value is flagged by validation, and a re-run resumes.

The good dossiers come from the generator (one of them with delivery before the decision, which the
Great Expectations gate must catch); the bad files are built here, each the way it arrives in practice.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from samplegen import build_campaign, write_campaign
from samplegen.model import DossierPlan
from tests.ingest.builders import make_pdf, make_xlsx

pytestmark = pytest.mark.slow

UNIT_RENAMED = "区 市场监督管理局（试点）"  # a space and full-width brackets in a unit name
LONG_CASE = "2025年度第一季度行政处罚案件卷宗" * 4  # long path component


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()}


def _good_dossiers(root: Path) -> None:
    plan = [DossierPlan(), DossierPlan(), DossierPlan(defects=("procedure_reversed",)), DossierPlan()]
    write_campaign(build_campaign(seed=31, units=2, per_unit=2, plan=plan), root)
    first_unit = sorted(p for p in root.iterdir() if p.is_dir())[0]
    first_unit.rename(root / UNIT_RENAMED)
    case = sorted(p for p in (root / UNIT_RENAMED).iterdir() if p.is_dir())[0]
    case.rename(case.parent / LONG_CASE)


def _bad_files(root: Path) -> dict[str, str]:
    """Write one bad file per kind, each in its own dossier of a unit 坏文件单位; returns name -> kind."""
    unit = root / "坏文件单位"
    expected: dict[str, str] = {}

    def dossier(name: str) -> Path:
        folder = unit / name
        folder.mkdir(parents=True)
        return folder

    (dossier("空文件") / "决定书.pdf").write_bytes(b"")
    expected["空文件/决定书.pdf"] = "empty"
    good_pdf = make_pdf(unit / "tmp.pdf", [["行政处罚决定书", "当事人：某公司"]] * 3)
    (dossier("损坏PDF") / "决定书.pdf").write_bytes(good_pdf.read_bytes()[: good_pdf.stat().st_size // 3])
    expected["损坏PDF/决定书.pdf"] = "corrupt"
    good_pdf.unlink()
    (dossier("损坏DOCX") / "笔录.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    expected["损坏DOCX/笔录.docx"] = "corrupt"
    good_xlsx = make_xlsx(unit / "tmp.xlsx", {"送达回证": [["送达回证"], ["受送达人", "某公司"]]})
    (dossier("损坏XLSX") / "送达回证.xlsx").write_bytes(good_xlsx.read_bytes()[:300])
    expected["损坏XLSX/送达回证.xlsx"] = "corrupt"
    good_xlsx.unlink()
    make_pdf(dossier("加密PDF") / "决定书.pdf", [["行政处罚决定书"]], encrypt="123456")
    expected["加密PDF/决定书.pdf"] = "encrypted"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (dossier("旧版DOC") / "决定书.doc").write_bytes(ole)
    expected["旧版DOC/决定书.doc"] = "legacy-format"
    (dossier("旧版XLS") / "台账.xls").write_bytes(ole)
    expected["旧版XLS/台账.xls"] = "legacy-format"
    (dossier("不支持") / "说明.txt").write_text("卷宗说明", encoding="utf-8")
    expected["不支持/说明.txt"] = "unsupported"
    make_pdf(dossier("超长PDF") / "全卷.pdf", [[f"第{i}页"] for i in range(600)])
    expected["超长PDF/全卷.pdf"] = "too-large"
    make_pdf(dossier("OCR失败") / "扫描件.pdf", [[]], image_pages=[1])  # a picture with no text at all
    expected["OCR失败/扫描件.pdf"] = "ocr-failed"
    with zipfile.ZipFile(dossier("压缩炸弹") / "决定书.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as handle:
            for _ in range(400):  # 400 MB of XML in ~2 MB
                handle.write(b" " * (1 << 20))
    expected["压缩炸弹/决定书.docx"] = "too-large"
    dossier("空案卷")  # a case folder with nothing in it
    expected["空案卷/"] = "no-documents"
    (root / "零执法单位").mkdir()  # a unit that handed in no files
    expected["零执法单位"] = "no-dossiers"
    return expected


@pytest.fixture(scope="module")
def runs(prefect_harness, tmp_path_factory):
    from pipelines.flow import review_campaign

    base = tmp_path_factory.mktemp("bad-inputs")
    clean, dirty = base / "clean", base / "dirty"
    _good_dossiers(clean)
    shutil.copytree(clean, dirty)
    expected = _bad_files(dirty)
    before = _hashes(dirty)
    summaries = {
        "clean": review_campaign(dossiers=str(clean), out=str(base / "out-clean"), workers_count=2),
        "dirty": review_campaign(dossiers=str(dirty), out=str(base / "out-dirty"), workers_count=2),
    }
    snapshot = base / "first-run"
    snapshot.mkdir()
    for name in ("cases.csv", "findings.csv", "problems.csv"):
        shutil.copy(base / "out-dirty" / name, snapshot / name)
    # the same campaign again into the same folder: finished dossiers come from the cache
    summaries["again"] = review_campaign(
        dossiers=str(dirty), out=str(base / "out-dirty"), workers_count=2, overwrite=True
    )
    return base, summaries, expected, before, dirty


def test_every_bad_file_is_a_named_problem(runs):
    base, _, expected, _, _ = runs
    problems = _rows(base / "out-dirty" / "problems.csv")
    found = {}
    for p in problems:
        dossier = p["dossier_id"]
        if dossier.startswith("坏文件单位/"):
            found[f"{dossier.split('/', 1)[1]}/{p['source_file']}"] = p["kind"]
        elif dossier == "零执法单位":
            found["零执法单位"] = p["kind"]
    for name, kind in expected.items():
        assert found.get(name) == kind, (name, found.get(name), kind)
    assert all(p["message"] for p in problems)
    assert any("零执法" in p["message"] for p in problems if p["kind"] == "no-dossiers")


def test_good_dossiers_score_exactly_as_in_a_clean_campaign(runs):
    base, summaries, _, _, _ = runs
    assert summaries["dirty"]["counts"]["scored"] == summaries["clean"]["counts"]["scored"] == 4
    clean = {r["dossier_id"]: r for r in _rows(base / "out-clean" / "cases.csv")}
    dirty = {r["dossier_id"]: r for r in _rows(base / "out-dirty" / "cases.csv")}
    assert any(UNIT_RENAMED in d and LONG_CASE in d for d in clean)
    for dossier_id, row in clean.items():
        assert {k: v for k, v in dirty[dossier_id].items()} == row
    clean_findings = _rows(base / "out-clean" / "findings.csv")
    dirty_findings = [r for r in _rows(base / "out-dirty" / "findings.csv") if r["dossier_id"] in clean]
    assert dirty_findings == clean_findings


def test_inputs_are_never_modified(runs):
    _, _, _, before, dirty = runs
    assert _hashes(dirty) == before


def test_validation_flags_a_wrong_order_of_dates_and_the_run_completes(runs):
    base, summaries, _, _, _ = runs
    flagged = [r for r in _rows(base / "out-clean" / "cases.csv") if "gx:delivery_after_decision" in r["review_reasons"]]
    assert len(flagged) == 1 and flagged[0]["needs_review"] == "true"
    assert flagged[0]["delivery_date"] < flagged[0]["decision_date"]
    assert summaries["clean"]["validation"]["failed"] >= 1
    assert (base / "out-clean" / "validation" / "summary.json").is_file()


def test_second_run_reads_no_unchanged_file_and_gives_identical_results(runs):
    base, summaries, _, _, _ = runs
    first, again = summaries["dirty"]["counts"], summaries["again"]["counts"]
    assert first["files_read"] > 0
    assert again.get("files_read", 0) == 0
    # the good dossiers were already cached by the identical clean campaign: same files, same result
    assert first["cached_dossiers"] == 4
    assert again["cached_dossiers"] == first["processed_dossiers"] + first["cached_dossiers"]
    assert again.get("processed_dossiers", 0) == 0
    run = json.loads((base / "out-dirty" / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["cached_dossiers"] == again["cached_dossiers"]
    assert run["timings"]["stage_cpu_seconds"]["read"] == 0
    for name in ("cases.csv", "findings.csv", "problems.csv"):
        assert (base / "out-dirty" / name).read_bytes() == (base / "first-run" / name).read_bytes(), name
