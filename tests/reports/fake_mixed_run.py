"""A fake run of a campaign of five standards (issue 18): general and summary-procedure penalties, licences,
coercive measures (查封扣押) and inspections, in three units, written per output-contract.md.

Every file's findings are the full item list of its own bundled standard (pass unless named below), and its
scores come from scoring.engine's own arithmetic (caps, floors, veto, bands), so the reports read a run the
flow could have written. The penalty file 甲/2025-001 holds a 扣押决定书: its coercion-measure items follow as
a supplement's section. Codes collide on purpose — V01 and R13 are items of several standards — so a report
that merges by code alone shows it. `bands` gives the licence standard other grade bands (a copy of the bundled
file written beside the run), so ranking by each file's own standard can be told from ranking by the primary
one's.
"""

from __future__ import annotations

import json
from pathlib import Path

from ingest.model import Elements
from reports.loading import CASE_COLUMNS, FINDING_COLUMNS, PROBLEM_COLUMNS, format_cell
from scoring.checklist import BUNDLED_DIR, Checklist, load_checklist
from scoring.engine import rescore
from scoring.glossary import Status
from scoring.model import CaseResult, Finding, Override

UNIT_A, UNIT_B, UNIT_C = "甲区市场监督管理局", "乙区城市管理综合行政执法局", "丙镇人民政府"
GENERAL, SIMPLE, LICENSE, COERCION, INSPECTION = (
    "penalty-general", "penalty-simple", "license", "coercion-measure", "inspection")
ROUTES = {"penalty/general": GENERAL, "penalty/summary": SIMPLE, "license": LICENSE, "coercion/measure": COERCION,
          "inspection": INSPECTION}
TYPE_OF = {GENERAL: ("penalty", "general"), SIMPLE: ("penalty", "summary"), LICENSE: ("license", ""),
           COERCION: ("coercion", "measure"), INSPECTION: ("inspection", "")}
LABELS = {GENERAL: "行政处罚（一般程序）", SIMPLE: "行政处罚（简易程序）", LICENSE: "行政许可", COERCION: "行政强制措施",
          INSPECTION: "行政检查"}
# The licence standard's bands when `bands` is asked for: a licence file of 85 is 合格 there, 良好 elsewhere.
LICENSE_BANDS = ((95, "优秀"), (88, "良好"), (86, "合格"), (0, "不合格"))

Fails = dict[str, tuple[str, str]]  # item code -> (message, quote)
# dossier -> (unit, standard, 文号, party, own items failed, supplement items failed (coercion-measure))
FILES: dict[str, tuple[str, str, str, str, Fails, Fails]] = {
    f"{UNIT_A}/2025-001": (UNIT_A, GENERAL, "甲市监罚〔2025〕1号", "甲某某商贸有限公司", {
        "R13": ("告知书缺陈述申辩期限", "你单位可在收到本告知书之日起"),
        "R17": ("卷内无决定书送达凭证", ""),
    }, {
        "V01": ("扣押决定书未经负责人批准", ""),
        "R13": ("扣押期限届满未作处理", "扣押期限自2025年3月1日起三十日"),
    }),
    f"{UNIT_A}/2025-007": (UNIT_A, LICENSE, "甲市监许〔2025〕7号", "甲某某餐饮店", {
        "R13": ("准予许可决定书未载明有效期", "准予行政许可决定书"),
    }, {}),
    f"{UNIT_A}/2025-009": (UNIT_A, INSPECTION, "甲市监检〔2025〕9号", "甲某某超市", {
        "R05": ("检查笔录仅1名执法人员", "检查人员：张三"),
    }, {}),
    f"{UNIT_B}/2025-002": (UNIT_B, SIMPLE, "乙城管简罚〔2025〕2号", "王某某", {
        "R05": ("当场处罚决定书缺违法行为地点", ""),
    }, {}),
    f"{UNIT_B}/2025-004": (UNIT_B, COERCION, "乙城管强措〔2025〕4号", "乙某某建材有限公司", {
        "V01": ("查封决定未经负责人批准", ""),
    }, {}),
    f"{UNIT_B}/2025-006": (UNIT_B, LICENSE, "乙城管许〔2025〕6号", "乙某某广告有限公司", {
        "R13": ("准予许可决定书未载明有效期", ""),
        "R18": ("决定书送达超时", "送达日期：2025年5月20日"),
    }, {}),
    f"{UNIT_C}/2025-003": (UNIT_C, GENERAL, "丙镇罚决字〔2025〕3号", "丙某某养殖场", {
        "R01": ("卷内无立案审批表", ""),
    }, {}),
    f"{UNIT_C}/2025-005": (UNIT_C, INSPECTION, "丙镇检〔2025〕5号", "丙某某农家乐", {
        "V01": ("检查无合法依据", ""),
    }, {}),
}
SUPPLEMENT_FILE = f"{UNIT_A}/2025-001"


def license_with_bands(folder: Path) -> Path:
    """The bundled licence standard with LICENSE_BANDS, written into `folder`."""
    text = (BUNDLED_DIR / "license.yaml").read_text(encoding="utf-8")
    head, _, rest = text.partition("grades:\n")
    tail = rest[rest.index("\n", rest.index("{grade: 不合格")) + 1:]
    bands = "".join(f"  - {{grade: {grade}, min: {minimum}}}\n" for minimum, grade in LICENSE_BANDS)
    path = folder / "license-strict.yaml"
    path.write_text(head + "grades:\n" + bands + tail, encoding="utf-8")
    return path


def scored(dossier_id: str, checklist: Checklist, fails: Fails) -> CaseResult:
    """The file's findings (every item of `checklist`) totalled by scoring.engine with the named items failed."""
    findings = [Finding(dossier_id=dossier_id, item_code=i.code, item_name=i.name, category=i.category,
                        status=Status.PASS, points_deducted=0.0, veto=False, message="") for i in checklist.items]
    result = CaseResult(dossier_id=dossier_id, unit="", checklist_id=checklist.id, elements=Elements(),
                        findings=findings, raw_score=100.0, total_score=100.0, grade="", vetoed=False,
                        needs_review=False, review_reasons=[])
    overrides = {code: Override(status=Status.FAIL, points=None, reason="", reviewer="") for code in fails}
    return rescore(result, overrides, checklist)


def _finding_rows(result: CaseResult, checklist_id: str, fails: Fails) -> list[list[str]]:
    rows = []
    for f in result.findings:
        message, quote = fails.get(f.item_code, ("", ""))
        where = ("决定书.docx", "1") if f.item_code in fails else ("", "")  # every failure says where
        rows.append([result.dossier_id, checklist_id, f.item_code, f.item_name, f.category, f.status.value,
                     format_cell(f.points_deducted), format_cell(f.veto), message, *where, quote])
    return rows


def _csv(path: Path, header: tuple[str, ...], rows: list[list[str]]) -> None:
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def make_mixed_run(out: Path, bands: bool = False) -> Path:
    """Write cases.csv, findings.csv, problems.csv and run.json of the five-standard campaign into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    sources = {cid: cid for cid in ROUTES.values()}
    if bands:
        sources[LICENSE] = str(license_with_bands(out.parent))
    standards = {cid: load_checklist(source) for cid, source in sources.items()}
    cases, findings = [], []
    for dossier_id, (unit, cid, case_no, party, fails, supplement) in FILES.items():
        result = scored(dossier_id, standards[cid], fails)
        case_type, procedure = TYPE_OF[cid]
        row = dict.fromkeys(CASE_COLUMNS, "")
        row.update(dossier_id=dossier_id, unit=unit, case_type=case_type, procedure=procedure, case_no=case_no,
                   agency=unit, party_name=party, party_kind="organisation", checklist=cid,
                   raw_score=format_cell(result.raw_score), total_score=format_cell(result.total_score),
                   grade=result.grade, vetoed=format_cell(result.vetoed), needs_review="false")
        cases.append([row[c] for c in CASE_COLUMNS])
        findings += _finding_rows(result, cid, fails)
        if supplement:
            findings += _finding_rows(scored(dossier_id, standards[COERCION], supplement), COERCION, supplement)
    _csv(out / "cases.csv", CASE_COLUMNS, cases)
    _csv(out / "findings.csv", FINDING_COLUMNS, findings)
    _csv(out / "problems.csv", PROBLEM_COLUMNS, [])
    refs = {key: {"id": cid, "version": standards[cid].version, "title": standards[cid].title,
                  "path": sources[cid] if sources[cid] != cid else ""} for key, cid in ROUTES.items()}
    run = {"campaign": "2025年度行政执法案卷评查（多类型）", "checklist": refs["penalty/general"], "checklists": refs,
           "started_at": "2025-07-01T09:30:00+08:00", "finished_at": "2025-07-01T09:31:10+08:00",
           "arguments": {"dossiers": "/data/2025"}, "counts": {"dossiers": len(FILES)}}
    (out / "run.json").write_text(json.dumps(run, ensure_ascii=False, indent=2), encoding="utf-8")
    return out


def expected_scores(bands: bool = False, folder: Path | None = None) -> dict[str, tuple[float, str]]:
    """dossier -> (total, grade) by each file's own standard (the oracle the tests compare with)."""
    out = {}
    for dossier_id, (_unit, cid, _no, _party, fails, _supp) in FILES.items():
        source = str(license_with_bands(folder)) if bands and cid == LICENSE and folder is not None else cid
        result = scored(dossier_id, load_checklist(source), fails)
        out[dossier_id] = (result.total_score, result.grade)
    return out
