"""Three campaigns' output folders (2023-2025) with planted trends, written per output-contract.md.

Planted: 区城管执法局 improves 70 -> 80 -> 90 with no item failing both in 2024 and 2025; 区市场监督管理局
fails R17 in 2024 (2 files) and again in 2025 (1 file) and has a vetoed file in 2025; 某某镇人民政府 has
files in 2023 and 2024 and none in 2025 (零执法). Individual parties carry names and ID numbers that the
circulated documents must mask. The 2025 campaign ran in January 2026 (run.json campaign_year says 2025).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from reports.contract_csv import CASES_COLUMNS, FINDINGS_COLUMNS, PROBLEMS_COLUMNS
from scoring.checklist import BUNDLED_DIR

CHECKLIST_ID = "penalty-general"
CHECKLIST_PATH = BUNDLED_DIR / "penalty-general.yaml"
ITEMS = [  # code, name, category, veto
    ("V02", "执法人员少于二人或无执法资格", "基础标准", True),
    ("V03", "未履行事先告知程序", "基础标准", True),
    ("R01", "缺立案审批表", "立案", False),
    ("R04", "笔录执法人员不足二人或缺执法证号", "调查取证", False),
    ("R07", "缺当事人主体资格证明", "调查取证", False),
    ("R08", "缺案件调查终结报告", "调查取证", False),
    ("R11", "决定书法定要素缺失", "审查决定", False),
    ("R13", "事先告知书要素不全", "告知听证", False),
    ("R17", "决定书无送达凭证", "送达执行", False),
    ("R18", "决定书送达超时", "送达执行", False),
    ("R21", "文号前后不一致", "文书归档", False),
    ("R23", "罚款金额大小写不一致", "文书归档", False),
    ("R24", "缺结案审批表", "文书归档", False),
    ("R25", "文书落款日期缺失", "文书归档", False),
]
ITEM = {code: (name, category, veto) for code, name, category, veto in ITEMS}

CHENGGUAN, SHIJIAN, TOWN, ECO, HEALTH = "区城管执法局", "区市场监督管理局", "某某镇人民政府", "区生态环境局", "区卫生健康委员会"
# Individual parties (names and IDs must never appear unmasked in circulated documents).
WANG, WANG_ID = "王小明", "110101199003071234"
OUYANG, OUYANG_ID = "欧阳娜娜", "110101198502144321"
ZHAO = "赵大勇"
PHONE = "13812345678"
INDIVIDUALS = (WANG, OUYANG, ZHAO)
ID_NUMBERS = (WANG_ID, OUYANG_ID)


def _case(unit, case, fails, party="北京某某有限公司", kind="organisation", party_id="91110105MA01ABCD1X",
          veto=None, quotes=None, messages=None):
    return {"unit": unit, "case": case, "fails": fails, "party": party, "kind": kind, "party_id": party_id,
            "veto": veto, "quotes": quotes or {}, "messages": messages or {}}


CAMPAIGNS: dict[int, list[dict]] = {
    2023: [
        _case(CHENGGUAN, "2023-001", {"R17": 10, "R01": 5, "R04": 6, "R11": 8, "R24": 1}),
        _case(CHENGGUAN, "2023-002", {"R17": 10, "R18": 5, "R04": 6, "R07": 3, "R24": 2, "R13": 4}),
        _case(SHIJIAN, "2023-003", {"R17": 10}),
        _case(SHIJIAN, "2023-004", {}),
        _case(TOWN, "2023-005", {"R01": 5}),
        _case(ECO, "2023-006", {"R23": 1}),
    ],
    2024: [
        _case(CHENGGUAN, "2024-001", {"R17": 10, "R01": 5, "R13": 4, "R24": 1}),
        _case(CHENGGUAN, "2024-002", {"R04": 6, "R11": 8, "R18": 5, "R24": 1}),
        _case(SHIJIAN, "2024-003", {"R17": 10, "R04": 4}),
        _case(SHIJIAN, "2024-004", {"R17": 10}, party=ZHAO, kind="individual", party_id="110101197001011230",
              quotes={"R17": f"受送达人：{ZHAO}（拒签），联系电话：{PHONE}"}),
        _case(TOWN, "2024-005", {"R01": 5, "R24": 2}),
        _case(TOWN, "2024-006", {"R17": 10}),
        _case(ECO, "2024-007", {"R23": 1}),
    ],
    2025: [
        _case(CHENGGUAN, "2025-001", {"R07": 3, "R08": 3, "R21": 2, "R25": 2}),
        _case(CHENGGUAN, "2025-002", {"R07": 3, "R08": 3, "R25": 3, "R23": 1}),
        _case(SHIJIAN, "2025-003", {"R17": 10}),
        _case(SHIJIAN, f"2025-009{WANG}无照经营案", {"R13": 2}, party=WANG, kind="individual", party_id=WANG_ID,
              veto="V03", quotes={"R13": f"当事人：{WANG}，公民身份号码：{WANG_ID}，你可在收到本告知书之日起"},
              messages={"V03": f"一般程序案卷无行政处罚事先告知书（当事人{WANG}）"}),
        _case(ECO, "2025-007", {"R25": 2, "R04": 1, "R21": 2, "R08": 3, "R07": 2}, party=OUYANG,
              kind="individual", party_id=OUYANG_ID,
              quotes={"R25": f"{OUYANG}（身份证号{OUYANG_ID}）签收，日期空白"}),
        _case(HEALTH, "2025-010", {"R17": 10, "R18": 5, "R04": 6, "R11": 8, "R01": 5, "R13": 4, "R24": 2,
                                   "R08": 3, "R07": 2}),
    ],
}
# unit -> year -> average score (planted)
EXPECTED_AVERAGES = {
    CHENGGUAN: {2023: 70.0, 2024: 80.0, 2025: 90.0},
    SHIJIAN: {2023: 95.0, 2024: 88.0, 2025: 45.0},
    TOWN: {2023: 95.0, 2024: 91.5},
    ECO: {2023: 99.0, 2024: 99.0, 2025: 90.0},
    HEALTH: {2025: 55.0},
}


def campaign_name(year: int) -> str:
    return f"{year}年度行政执法案卷集中评查"


def _grade(score: float, vetoed: bool) -> str:
    if vetoed or score < 60:
        return "不合格"
    return "优秀" if score >= 90 else "良好" if score >= 80 else "合格"


def _write(path: Path, header, rows) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def make_campaign(out: Path, year: int, *, reviewed: bool = False) -> Path:
    """Write one campaign's cases.csv, findings.csv, problems.csv, run.json (and audit.csv if reviewed)."""
    out.mkdir(parents=True, exist_ok=True)
    cases, findings = [], []
    for spec in CAMPAIGNS[year]:
        dossier_id = f"{spec['unit']}/{spec['case']}"
        raw = 100 - sum(spec["fails"].values())
        vetoed = spec["veto"] is not None
        total = 0 if vetoed else raw
        row = dict.fromkeys(CASES_COLUMNS, "")
        row.update(dossier_id=dossier_id, unit=spec["unit"], case_type="penalty", procedure="general",
                   case_no=f"京罚决字〔{year}〕{spec['case'][5:8]}号", agency=spec["unit"], party_name=spec["party"],
                   party_kind=spec["kind"], party_id=spec["party_id"], filing_date=f"{year}-03-01",
                   decision_date=f"{year}-05-10", fine_amount="5000", officers="张三;李四",
                   officer_cert_nos="11010012345;11010012346", checklist=CHECKLIST_ID, raw_score=str(raw),
                   total_score=str(total), grade=_grade(total, vetoed), vetoed=str(vetoed).lower(),
                   needs_review="false")
        cases.append([row[c] for c in CASES_COLUMNS])
        for code, name, category, is_veto in ITEMS:
            hit = code in spec["fails"] or code == spec["veto"]
            points = spec["fails"].get(code, 0)
            message = spec["messages"].get(code, f"{name}（扣{points}分）" if hit and not is_veto else name if hit else "")
            quote = spec["quotes"].get(code, "")
            findings.append([dossier_id, CHECKLIST_ID, code, name, category, "fail" if hit else "pass",
                             str(points), str(hit and is_veto).lower(), message, "决定书.pdf" if quote else "",
                             "2" if quote else "", quote])
    header = list(FINDINGS_COLUMNS)
    if reviewed:  # `pingcha review apply` adds these at the end (reports/loading.py REVIEW_FINDING_COLUMNS)
        header += ["auto_status", "override_reason", "reviewer"]
        first = next(i for i, f in enumerate(findings) if f[2] == "R17" and f[5] == "fail")
        findings = [f + (["unknown", "卷内有送达回证", "评查员甲"] if i == first else ["", "", ""])
                    for i, f in enumerate(findings)]
        _write(out / "audit.csv", ["time", "reviewer", "dossier_id", "item_code", "old_status", "new_status",
                                   "old_points", "new_points", "reason", "source"],
               [[f"{year}-07-02T10:00:00+08:00", "评查员甲", findings[first][0], "R17", "unknown", "fail", "0",
                 "10", "卷内有送达回证", "评查明细!L3"]])
    _write(out / "cases.csv", CASES_COLUMNS, cases)
    _write(out / "findings.csv", header, findings)
    _write(out / "problems.csv", PROBLEMS_COLUMNS,
           [[f"{TOWN}", "", "no-dossiers", "单位无案卷"]] if year == 2025 else [])
    started = f"{year + 1}-01-10T09:30:00+08:00" if year == 2025 else f"{year}-07-01T09:30:00+08:00"
    run = {
        "campaign": campaign_name(year),
        "started_at": started,
        "finished_at": started,
        "arguments": {"dossiers": f"/data/{year}"},
        "checklist": {"id": CHECKLIST_ID, "version": "1.0.0", "content_hash": f"sha256:{year}",
                      "title": "行政处罚（一般程序）案卷评查标准", "path": str(CHECKLIST_PATH)},
        "counts": {"dossiers": len(cases)},
    }
    if year == 2025:
        run["campaign_year"] = 2025
        run["sampling"] = {"population": 120, "drawn": len(cases)}
    (out / "run.json").write_text(json.dumps(run, ensure_ascii=False, indent=2), encoding="utf-8")
    return out


def make_campaigns(root: Path) -> dict[int, Path]:
    """All three campaigns under root/<year>; 2024 carries reviewer overrides and an audit.csv."""
    return {year: make_campaign(root / str(year), year, reviewed=year == 2024) for year in CAMPAIGNS}
