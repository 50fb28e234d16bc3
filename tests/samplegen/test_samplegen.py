"""The sample-dossier generator is ground truth for every other test: check that it is deterministic, that each
planted defect is really in the documents and flips the items it claims, and that the files read back."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from ingest.glossary import DocKind
from samplegen import build_campaign, manifest, write_campaign, write_manifest
from samplegen import defects as dfx
from samplegen.__main__ import main as cli
from samplegen.content import build_doc
from samplegen.ids import (
    corrupt_credit_code,
    is_valid_citizen_id,
    is_valid_credit_code,
    make_credit_code,
)
from samplegen.model import DossierPlan, DossierSpec
from samplegen.truth import limitation_years
from samplegen.workdays import workdays_between
from tests.paths import ROOT, SAMPLE_MANIFEST, SAMPLE_MIXED_ARGS, SAMPLE_MIXED_MANIFEST, SAMPLE_MIXED_UNIT

SAMPLE = ROOT / "sample_dossiers"


# ----------------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------------


def extract(path: Path) -> list[str]:
    """Text per document of a file, in reading order: one entry for .docx/.xlsx, one per page for PDFs."""
    if path.suffix == ".docx":
        import docx
        from docx.table import Table

        lines = []
        for item in docx.Document(str(path)).iter_inner_content():
            if isinstance(item, Table):
                lines += ["\t".join(c.text for c in row.cells) for row in item.rows]
            else:
                lines.append(item.text)
        return ["\n".join(lines)]
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        rows = ["\t".join(str(v) for v in row if v is not None) for row in wb.active.iter_rows(values_only=True)]
        return ["\n".join(rows)]
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def doc_text(d: DossierSpec, role: str) -> str:
    spec_doc = d.doc(role)
    assert spec_doc is not None, (d.dossier_id, role)
    return build_doc(d, spec_doc).text()


@pytest.fixture(scope="module")
def big() -> list[DossierSpec]:
    """Every dossier defective, varied styles: covers every defect at least twice."""
    return build_campaign(11, units=7, per_unit=12, defect_rate=1.0, styles="varied").dossiers


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("campaign")
    spec = build_campaign(5, units=2, per_unit=3, styles="varied", scanned_share=0.15, single_file_share=0.2)
    write_campaign(spec, out / "dossiers")
    write_manifest(spec, out / "manifest.json")
    return out / "dossiers", json.loads((out / "manifest.json").read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------------------------------
# determinism
# ----------------------------------------------------------------------------------------------------


def test_same_seed_same_spec_and_texts():
    a, b = build_campaign(2025, styles="varied"), build_campaign(2025, styles="varied")
    assert manifest(a) == manifest(b)
    for da, db in zip(a.dossiers, b.dossiers, strict=True):
        assert [build_doc(da, s).text() for s in da.documents] == [build_doc(db, s).text() for s in db.documents]


def test_different_seed_differs():
    a, b = build_campaign(1), build_campaign(2)
    assert [d.case_no for d in a.dossiers] != [d.case_no for d in b.dossiers]
    assert [d.party_name for d in a.dossiers] != [d.party_name for d in b.dossiers]


def test_written_files_are_byte_identical(tmp_path):
    spec = build_campaign(3, units=1, per_unit=3, single_file_share=0.34)
    write_campaign(spec, tmp_path / "a")
    write_campaign(build_campaign(3, units=1, per_unit=3, single_file_share=0.34), tmp_path / "b")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


# ----------------------------------------------------------------------------------------------------
# ground truth
# ----------------------------------------------------------------------------------------------------


def test_every_item_has_an_expected_status(big):
    for d in big + build_campaign(defect_rate=0.0).dossiers:
        assert set(d.expected) == set(dfx.ALL_ITEMS)
        assert set(d.expected.values()) <= {"pass", "fail", "n/a", "unknown", "manual"}
        assert all(d.expected[c] == "manual" for c in dfx.MANUAL_ITEMS)
        assert set(d.expected_points) == {c for c, s in d.expected.items() if s == "fail"}


def test_clean_dossiers_pass_everywhere():
    spec = build_campaign(8, units=5, per_unit=6, defect_rate=0.0, styles="varied")
    for d in spec.dossiers:
        assert not d.defects
        assert set(d.expected.values()) <= {"pass", "n/a", "manual"}, d.dossier_id
        assert d.expected_total_score == 100.0 and d.expected_grade == "优秀"
        # major fines carry a legal review and a collective discussion; hearing-level fines a hearing right
        if d.major:
            assert d.doc("legal_review") and d.doc("collective_discussion")
            assert d.expected["V05"] == d.expected["R10"] == "pass"
        if d.hearing_applies:
            assert "听证" in doc_text(d, "penalty_notice")


def test_every_defect_is_planted_and_covered(big):
    seen = {name for d in big for name in d.defects}
    assert seen == set(dfx.DEFECTS) - dfx.PLANTED_ONLY  # those only a DossierPlan plants


def _planned(*plans: DossierPlan) -> list[DossierSpec]:
    return build_campaign(12, units=1, per_unit=len(plans), plan=list(plans)).dossiers


@pytest.mark.parametrize("name", sorted(dfx.DEFECTS))
def test_defect_flips_its_items(big, name):
    cases = [d for d in big if name in d.defects] or _planned(DossierPlan((name,)), DossierPlan((name,)))
    assert cases, name
    for d in cases:
        for code in dfx.DEFECTS[name].hits:
            assert d.expected[code] == "fail", (d.dossier_id, name, code)
            if code.startswith("R"):
                assert d.expected_points[code] >= dfx.ITEM_POINTS[code][0]
        # items no defect of this dossier claims are not failed
        claimed = {c for n in d.defects for c in dfx.DEFECTS[n].hits}
        assert {c for c, s in d.expected.items() if s == "fail"} == claimed
        _assert_planted(d, name)


def _assert_planted(d: DossierSpec, name: str) -> None:
    """The defect is really in the documents or dates (independent of the expected table)."""
    roles = d.has
    t = d.timeline
    if name == "missing_filing_approval":
        assert "filing_approval" not in roles and d.expected["R03"] == "n/a"
    elif name == "late_filing":
        assert workdays_between(d.source_date, d.filing_date) > dfx.FILING_WORKING_DAYS + 4
    elif name == "filing_form_incomplete":
        text = doc_text(d, "filing_approval")  # the rows printed, their values left blank
        assert "案件来源\t\n" in text + "\n" and "\n承办人\t\n" in text + "\n"
    elif name == "record_one_officer":
        assert doc_text(d, "inquiry_record").count(d.officers[1][1]) == 0
        assert d.officers[1][1] in doc_text(d, "inspection_record")
    elif name == "record_no_end_time":
        assert "至" not in doc_text(d, "inquiry_record").splitlines()[1]
    elif name == "record_unsigned":
        text = doc_text(d, "inspection_record")  # the signature line blank, no refusal note
        assert "被检查人（签名）：\n" in text + "\n" and "拒绝签名" not in text
    elif name == "missing_party_identity":
        assert "party_identity" not in roles
    elif name == "missing_investigation_report":
        assert "investigation_report" not in roles
    elif name == "decision_overdue":
        assert (d.decision_date - d.filing_date).days > dfx.DECISION_DEADLINE_DAYS + 5
        assert "extension_approval" not in roles
    elif name == "decision_missing_remedies":
        assert "行政复议" not in doc_text(d, "decision")
    elif name == "decision_no_violated_provision":
        assert "违反了" not in doc_text(d, "decision") and d.penalty_provision in doc_text(d, "decision")
    elif name == "notice_incomplete":
        text = doc_text(d, "penalty_notice")
        assert "经查" not in text and "依据" not in text
    elif name == "decision_before_defense_period":
        assert workdays_between(d.notice_served_date, d.decision_date) < dfx.DEFENSE_WORKING_DAYS
        assert d.defense != "waiver"
    elif name == "hearing_notice_late":
        assert workdays_between(t["hearing_notice"], t["hearing"]) < dfx.HEARING_NOTICE_WORKING_DAYS
        assert "hearing_record" in roles
    elif name == "missing_service_receipt":
        assert "service_receipt:decision" not in roles and d.delivery_date is None
    elif name == "late_delivery":
        assert workdays_between(d.decision_date, d.delivery_date) > dfx.DELIVERY_WORKING_DAYS + 3
    elif name == "receipt_incomplete":
        text = doc_text(d, "service_receipt:decision")  # the rows printed, their values left blank
        assert "送达方式\t\n" in text + "\n" and "送达地点\t\n" in text + "\n"
    elif name == "fine_unpaid":
        assert not roles & {"payment_receipt", "payment_reminder", "enforcement_application"}
    elif name == "case_no_mismatch":
        assert d.wrong_case_no and d.wrong_case_no != d.case_no
        assert d.wrong_case_no in doc_text(d, "service_receipt:decision")
        assert d.case_no in doc_text(d, "decision")
    elif name == "party_mismatch":
        assert d.wrong_party_name in doc_text(d, "decision_approval") and d.wrong_party_name != d.party_name
    elif name == "invalid_credit_code":
        assert not is_valid_credit_code(d.party_id)
    elif name == "amount_upper_mismatch":
        assert d.upper_fine is not None and d.upper_fine != d.fine_amount
    elif name == "missing_closing_approval":
        assert "closing_approval" not in roles
    elif name == "document_undated":
        assert d.doc("closing_approval").date is None
        assert doc_text(d, "closing_approval").rstrip().endswith("审批日期")
    elif name == "missing_notice":
        assert "penalty_notice" not in roles and not d.hearing_applies
    elif name == "no_hearing_right":
        assert d.hearing_applies and "听证" not in doc_text(d, "penalty_notice")
    elif name == "no_legal_review":
        assert d.major and not roles & {"legal_review", "collective_discussion"}
    elif name == "procedure_reversed":
        assert t["delivery"] < d.decision_date
    elif name == "time_barred":
        years = limitation_years(d.scenario)
        assert (d.source_date - d.violation_date).days > 365 * years + 30
        assert years == (dfx.LIMITATION_EXTENDED_YEARS if "食品安全法" in d.violated_provision else years)
    elif name == "no_legal_basis":
        text = doc_text(d, "decision")
        assert not re.search(r"第[一二三四五六七八九十百零]+条", text)
    elif name == "fine_increased":
        assert d.notice_fine_amount < d.fine_amount
        assert not d.hearing_applies
    elif name == "officers_no_cert":
        for role in ("inspection_record", "inquiry_record", "filing_approval"):
            text = doc_text(d, role)
            assert all(n in text and f"{n}（" not in text for n, _ in d.officers) and "执法证号" not in text
        assert all(c == "" for _, c in d.officers)
    elif name == "missing_hearing_record":
        assert d.hearing_held and "hearing_notice" in roles and "hearing_record" not in roles
        assert workdays_between(t["hearing_notice"], t["hearing"]) >= dfx.HEARING_NOTICE_WORKING_DAYS


def test_plan_plants_exactly_its_defects_band_and_hearing():
    plans = (DossierPlan(), DossierPlan(("late_filing", "fine_unpaid")), DossierPlan(band="major", hearing_held=False),
             DossierPlan(band="hearing", hearing_held=True), DossierPlan(("officers_no_cert",)))
    dossiers = _planned(*plans)
    assert [d.defects for d in dossiers] == [list(p.defects) for p in plans]
    assert not dossiers[0].defects and dossiers[0].expected_total_score == 100.0
    assert dossiers[2].major and not dossiers[2].hearing_held and dossiers[2].expected["V05"] == "pass"
    assert dossiers[3].hearing_held and not dossiers[3].major and dossiers[3].expected["R16"] == "pass"
    assert dossiers[4].expected["V02"] == "fail" and dossiers[4].expected_points["R04"] == 4.0
    assert [d.case_no for d in _planned(*plans)] == [d.case_no for d in dossiers]  # deterministic


@pytest.mark.parametrize(("plan", "error"), [
    (DossierPlan(("no_such_defect",)), "unknown defect"),
    (DossierPlan(("missing_notice", "notice_incomplete")), "cannot join"),
    (DossierPlan(band="huge"), "band must be"),
    (DossierPlan(("missing_notice",), hearing_held=True), "contradicts"),
    (DossierPlan(("hearing_notice_late",), hearing_held=False), "contradicts"),
    (DossierPlan(("no_legal_review",), band="low"), "cannot build"),
])
def test_plan_the_generator_cannot_honour_is_refused(plan, error):
    with pytest.raises(ValueError, match=error):
        _planned(plan)
    with pytest.raises(ValueError, match="entries"):
        build_campaign(1, units=1, per_unit=2, plan=[DossierPlan()])


def test_receipt_and_amount_ground_truth():
    """R19 checks every 送达回证 (n/a only without any); R23 is n/a only when nothing writes 大写 and figures."""
    without_decision_receipt = _planned(DossierPlan(("missing_service_receipt",)))[0]
    assert without_decision_receipt.expected["R19"] == "pass" and without_decision_receipt.expected["R18"] == "n/a"
    no_receipt = _planned(DossierPlan(("missing_service_receipt", "missing_notice")))[0]
    assert no_receipt.expected["R19"] == "n/a"
    spec = build_campaign(8, units=5, per_unit=6, defect_rate=0.0, styles="varied")
    for d in spec.dossiers:
        figures_only = d.style.amount in ("rmb_fig", "wan")
        assert d.expected["R23"] == "pass"  # clean dossiers keep their 缴款凭证 (大写 and 小写 rows)
        assert figures_only or "（￥" in doc_text(d, "decision")


def test_thresholds_far_from_fines(big):
    for d in big:
        for threshold in (dfx.HEARING_THRESHOLD[d.party_kind], dfx.MAJOR_THRESHOLD[d.party_kind]):
            assert d.fine_amount != threshold
        assert d.hearing_applies == (d.fine_amount >= dfx.HEARING_THRESHOLD[d.party_kind])


# ----------------------------------------------------------------------------------------------------
# identifiers
# ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["914101850572028342", "91120116697415782C", "92430621MA4RE6UX2M",
                                  "93211221MA0U20A84Q", "9121012406473197XW"])
def test_real_credit_codes_are_valid(code):
    assert is_valid_credit_code(code)
    assert not is_valid_credit_code(corrupt_credit_code(code))


def test_generated_ids_are_valid():
    import random

    rng = random.Random(0)
    for _ in range(200):
        assert is_valid_credit_code(make_credit_code(rng, "110105"))
    for d in build_campaign(4, units=4, per_unit=5).dossiers:
        valid = is_valid_credit_code(d.party_id) or is_valid_citizen_id(d.party_id)
        assert valid == ("invalid_credit_code" not in d.defects), d.party_id


# ----------------------------------------------------------------------------------------------------
# files
# ----------------------------------------------------------------------------------------------------


def test_files_open_and_start_with_their_titles(written):
    root, data = written
    assert not list(root.rglob("*.json"))
    for d in data["dossiers"]:
        path = root / d["dossier_id"]
        if d["single_file"]:
            pages = extract(path)
            for doc in d["documents"]:
                first = pages[doc["pages"][0] - 1]
                if doc["scanned"]:
                    assert first.strip() == ""
                else:
                    assert first.splitlines()[0].strip() == doc["title"]
            continue
        assert sorted(p.name for p in path.iterdir()) == sorted(doc["file"] for doc in d["documents"])
        for doc in d["documents"]:
            texts = extract(path / doc["file"])
            if doc["scanned"]:
                assert "".join(texts).strip() == "", doc["file"]
                continue
            assert texts[0].splitlines()[0].strip() == doc["title"], (d["dossier_id"], doc["file"])
            if doc["kind"] == DocKind.DECISION:
                whole = squash("".join(texts))
                assert squash(d["elements"]["case_no"]) in whole
                assert d["elements"]["party_name"] in whole


def test_pdf_text_extracts_exactly(tmp_path):
    spec = build_campaign(2025, units=1, per_unit=2, single_file_share=0.0)
    d = spec.dossiers[0]
    for s in d.documents:
        s.format = "pdf"
    write_campaign(spec, tmp_path)
    decision = d.doc("decision")
    text = squash("".join(extract(tmp_path / d.dossier_id / decision.file)))
    expected = squash(build_doc(d, decision).text())
    assert text == expected
    for ch in "〔〕《》：（）":
        assert ch in text or ch not in expected


def test_registers_list_every_case(written):
    root, data = written
    from openpyxl import load_workbook

    for unit in data["units"]:
        wb = load_workbook(root / unit["register_file"], read_only=True)
        rows = list(wb.active.iter_rows(values_only=True))
        numbers = {r[2] for r in rows[2:]}
        assert numbers == {d["elements"]["case_no"] for d in data["dossiers"] if d["unit"] == unit["name"]}


def test_manifest_schema(written):
    _, data = written
    d = data["dossiers"][0]
    assert {"dossier_id", "unit", "elements", "documents", "defects", "expected", "expected_points"} <= set(d)
    Decimal(d["elements"]["fine_amount"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["elements"]["decision_date"])


# ----------------------------------------------------------------------------------------------------
# the committed sample
# ----------------------------------------------------------------------------------------------------


def test_sample_is_small():
    assert SAMPLE.is_dir()
    size = sum(p.stat().st_size for p in SAMPLE.rglob("*") if p.is_file())
    assert size < 8 * 1024 * 1024


def test_sample_shows_deductions_and_a_veto():
    data = json.loads(SAMPLE_MANIFEST.read_text(encoding="utf-8"))
    assert len(data["dossiers"]) >= 12
    assert any(d["expected_vetoed"] for d in data["dossiers"])
    assert any(d["expected_points"] and not d["expected_vetoed"] for d in data["dossiers"])
    assert any(not d["defects"] for d in data["dossiers"])
    formats = {doc["format"] for d in data["dossiers"] for doc in d["documents"]}
    assert formats == {"docx", "pdf", "xlsx"}
    assert not any(doc["scanned"] for d in data["dossiers"] for doc in d["documents"])


def test_sample_matches_a_fresh_generation(tmp_path):
    out, man = tmp_path / "sample", tmp_path / "manifest.json"
    assert cli([str(out), "--manifest", str(man)]) == 0
    assert json.loads(man.read_text(encoding="utf-8")) == json.loads(SAMPLE_MANIFEST.read_text(encoding="utf-8"))
    fresh = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(SAMPLE) for p in SAMPLE.rglob("*") if p.is_file()
                       and p.relative_to(SAMPLE).parts[0] != SAMPLE_MIXED_UNIT)
    assert fresh == committed
    for rel in fresh:
        if (out / rel).read_bytes() != (SAMPLE / rel).read_bytes():  # fall back to the text
            assert extract(out / rel) == extract(SAMPLE / rel), rel


def test_cli_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    assert cli([str(out), "--units", "1", "--per-unit", "1"]) == 2
    assert (out / "keep.txt").exists()
    assert cli([str(tmp_path / "o2"), "--manifest", str(tmp_path / "o2" / "m.json")]) == 2


def test_many_units_get_distinct_folders():
    spec = build_campaign(seed=4, units=30, per_unit=1, defect_rate=0)
    folders = [u.name for u in spec.units]
    assert len(set(folders)) == 30


def test_a_unit_larger_than_its_name_pool_terminates_with_distinct_parties():
    spec = build_campaign(seed=3, units=1, per_unit=80, defect_rate=0)
    names = [d.party_name for d in spec.dossiers]
    assert len(names) == 80 and len(set(names)) == 80


def test_the_mixed_unit_matches_a_fresh_generation(tmp_path):
    out, man = tmp_path / "mixed", tmp_path / "manifest.json"
    assert cli([str(out), *SAMPLE_MIXED_ARGS, "--manifest", str(man)]) == 0
    data = json.loads(man.read_text(encoding="utf-8"))
    assert data == json.loads(SAMPLE_MIXED_MANIFEST.read_text(encoding="utf-8"))
    assert {d["checklist"] for d in data["dossiers"]} == {"penalty-general", "penalty-simple", "license",
                                                        "coercion-measure", "coercion-execution", "inspection"}
    assert [u["name"] for u in data["units"]] == [SAMPLE_MIXED_UNIT]
    fresh = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(SAMPLE) for p in (SAMPLE / SAMPLE_MIXED_UNIT).rglob("*") if p.is_file())
    assert fresh == committed
    for rel in fresh:
        if (out / rel).read_bytes() != (SAMPLE / rel).read_bytes():
            assert extract(out / rel) == extract(SAMPLE / rel), rel


def test_the_generators_copy_of_penalty_general_matches_its_yaml():
    """defects.CATEGORIES and ITEM_POINTS are hand copies (the oracle never loads scoring): a moved point shows."""
    from scoring.checklist import load_checklist

    checklist = load_checklist("penalty-general")
    cats = {c.name: c.points for c in checklist.categories if not c.veto}
    assert {name: points for name, (points, _) in dfx.CATEGORIES.items()} == cats
    for name, (_, codes) in dfx.CATEGORIES.items():
        assert {i.code for i in checklist.items if i.category == name} == set(codes), name
    for item in checklist.items:
        if not item.veto:
            assert dfx.ITEM_POINTS[item.code] == (item.points, item.cap), item.code
