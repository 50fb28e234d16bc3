"""A small fake run folder (3 units, 6 files, 10 items incl. veto items) written per output-contract.md.

Its items, points and caps are the bundled penalty-general checklist's, which run.json names, so the
reports load that checklist; scores are consistent with it: 100 minus capped deductions, category floors,
veto → total 0 with the raw score kept.
"""

from __future__ import annotations

import json
from pathlib import Path

from reports.loading import CASE_COLUMNS, FINDING_COLUMNS, PROBLEM_COLUMNS

CHECKLIST_ID = "penalty-general"
ITEMS = [
    # code, name, category, points, cap, veto: as in scoring/checklists/penalty-general.yaml
    ("V02", "执法人员少于二人或无执法资格", "基础标准", 0, None, True),
    ("V03", "未履行事先告知程序", "基础标准", 0, None, True),
    ("R01", "缺立案审批表", "立案", 5, 5, False),
    ("R04", "笔录执法人员不足二人或缺执法证号", "调查取证", 2, 6, False),
    ("R07", "缺当事人主体资格证明", "调查取证", 3, 3, False),
    ("R11", "决定书法定要素缺失", "审查决定", 2, 8, False),
    ("R13", "事先告知书要素不全", "告知听证", 1, 4, False),
    ("R17", "决定书无送达凭证", "送达执行", 10, 10, False),
    ("R18", "决定书送达超时", "送达执行", 5, 5, False),
    ("R24", "缺结案审批表", "文书归档", 2, 2, False),
]

UNIT_A, UNIT_B, UNIT_C = "区城管执法局", "区市场监督管理局", "某某镇人民政府"
EVIDENCE_QUOTE = "执法人员：张三（执法证号：11010012345）"
# dossier -> (unit, case_no, party, {item: (status, points, veto, message, file, page, quote)}, needs_review)
CASES = {
    f"{UNIT_A}/2025-001": (UNIT_A, "京城管罚决字〔2025〕1号", "北京某某餐饮有限公司", {}, ""),
    f"{UNIT_A}/2025-017": (UNIT_A, "京城管罚决字〔2025〕17号", "王某某", {
        "R17": ("fail", 10, False, "卷内无决定书送达凭证", "", "", ""),
        "R04": ("fail", 4, False, "2份笔录仅1名执法人员", "询问笔录.docx", "3", EVIDENCE_QUOTE),
    }, ""),
    f"{UNIT_B}/2025-003": (UNIT_B, "京市监罚〔2025〕3号", "北京某某商贸有限公司", {
        "R01": ("fail", 5, False, "卷内无立案审批表", "", "", ""),
        "R11": ("fail", 4, False, "决定书缺履行方式和期限、救济途径", "决定书.pdf", "2", "限于收到本决定书之日起"),
    }, ""),
    f"{UNIT_B}/2025-009": (UNIT_B, "京市监罚〔2025〕9号", "李某", {
        "V03": ("fail", 0, True, "一般程序案卷无行政处罚事先告知书", "", "", ""),
        "R13": ("fail", 2, False, "告知书缺陈述申辩期限", "告知书.docx", "5", "你单位可在收到本告知书之日起"),
    }, ""),
    f"{UNIT_C}/2025-004": (UNIT_C, "某镇罚决字〔2025〕4号", "某某养殖场", {
        "R17": ("fail", 10, False, "卷内无决定书送达凭证", "", "", ""),
        "R18": ("fail", 5, False, "送达超过7个工作日", "送达回证.pdf", "1", "送达日期：2025年5月30日"),
        "R07": ("fail", 3, False, "卷内无营业执照或身份证明", "", "", ""),
    }, ""),
    f"{UNIT_C}/2025-006": (UNIT_C, "某镇罚决字〔2025〕6号", "赵某某", {
        "R01": ("fail", 5, False, "卷内无立案审批表", "", "", ""),
        "R04": ("fail", 6, False, "3份笔录缺执法证号", "现场笔录.pdf", "1", "执法人员：赵六"),
        "R24": ("fail", 2, False, "卷内无结案审批表", "", "", ""),
        "R11": ("fail", 2, False, "决定书缺复议机关", "决定书.docx", "12", "如不服本决定"),
        "R13": ("unknown", 0, False, "告知书无法识别", "告知书.pdf", "1", ""),
    }, "R13: 告知书无法识别"),
}
# Expected: A 100 & 86 (avg 93), B 91 & veto 0 (raw 98; avg 45.5), C 82 & 85 (avg 83.5) → A, C, B.
EXPECTED = {
    f"{UNIT_A}/2025-001": (100, 100, "优秀", False),
    f"{UNIT_A}/2025-017": (86, 86, "良好", False),
    f"{UNIT_B}/2025-003": (91, 91, "优秀", False),
    f"{UNIT_B}/2025-009": (98, 0, "不合格", True),
    f"{UNIT_C}/2025-004": (82, 82, "良好", False),
    f"{UNIT_C}/2025-006": (85, 85, "良好", False),
}
RUN_JSON = {
    "campaign": "2025年度行政执法案卷集中评查",
    "checklist": {"id": CHECKLIST_ID, "version": "2025.1", "content_hash": "sha256:ab12cd34", "title":
                  "行政处罚一般程序案卷评查标准", "path": ""},
    "started_at": "2025-07-01T09:30:00+08:00",
    "finished_at": "2025-07-01T09:31:10+08:00",
    "arguments": {"dossiers": "/data/2025", "workers": 2},
    "counts": {"dossiers": 6},
}


def _csv(path: Path, header: tuple[str, ...], rows: list[list[str]]) -> None:
    lines = [",".join(header)] + [",".join(_quote(v) for v in row) for row in rows]
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")


def _quote(value: object) -> str:
    text = str(value)
    return f'"{text}"' if any(ch in text for ch in ',"\n') else text


def make_run(out: Path) -> Path:
    """Write cases.csv, findings.csv, problems.csv and run.json into `out`; returns `out`."""
    out.mkdir(parents=True, exist_ok=True)
    cases, findings = [], []
    for dossier_id, (unit, case_no, party, hits, reasons) in CASES.items():
        raw, total, grade, vetoed = EXPECTED[dossier_id]
        row = dict.fromkeys(CASE_COLUMNS, "")
        row.update(dossier_id=dossier_id, unit=unit, case_type="penalty", procedure="general", case_no=case_no,
                   agency=unit, party_name=party, party_kind="individual", filing_date="2025-03-01",
                   decision_date="2025-05-10", fine_amount="5000", officers="张三;李四", checklist=CHECKLIST_ID,
                   raw_score=str(raw), total_score=str(total), grade=grade, vetoed=str(vetoed).lower(),
                   needs_review="true" if reasons else "false", review_reasons=reasons)
        cases.append([row[c] for c in CASE_COLUMNS])
        for code, name, category, _points, _cap, _veto in ITEMS:
            status, points, veto, message, source, page, quote = hits.get(code, ("pass", 0, False, "", "", "", ""))
            findings.append([dossier_id, CHECKLIST_ID, code, name, category, status, str(points),
                             str(veto).lower(), message, source, page, quote])
    _csv(out / "cases.csv", CASE_COLUMNS, cases)
    _csv(out / "findings.csv", FINDING_COLUMNS, findings)
    _csv(out / "problems.csv", PROBLEM_COLUMNS, [
        [f"{UNIT_C}/2025-006", "照片.jpg", "unsupported", "不支持的文件类型 .jpg"],
        [f"{UNIT_B}/2025-003", "旧决定书.doc", "legacy-format", "请另存为 .docx"],
    ])
    (out / "run.json").write_text(json.dumps(RUN_JSON, ensure_ascii=False, indent=2), encoding="utf-8")
    return out
