"""The scoring layer's words: item statuses, grades, finding columns and the campaign's terms.

Also the words of sample.xlsx and assignment.xlsx, whose rows scoring/campaign reads back by their headers.
See ingest/glossary.py for how the layers share their words.
"""

from __future__ import annotations

from enum import StrEnum

from ingest.glossary import ELEMENT_ZH, PROBLEM_ZH


class Status(StrEnum):
    """Outcome of one checklist item for one dossier (checklist-penalty-general.md, step 4)."""

    PASS = "pass"
    FAIL = "fail"
    NA = "n/a"
    UNKNOWN = "unknown"
    MANUAL = "manual"

STATUS_ZH: dict[Status, str] = {
    Status.PASS: "通过",
    Status.FAIL: "扣分",
    Status.NA: "不适用",
    Status.UNKNOWN: "无法判定",
    Status.MANUAL: "待人工评查",
}

VETO_FAIL_ZH = "否决"

GRADES_ZH: tuple[str, ...] = ("优秀", "良好", "合格", "不合格")

GRADE_FAIL = "不合格"

# Findings and scorecard columns.
FINDING_ZH: dict[str, str] = {
    "dossier_id": "案卷",
    "checklist": "评查标准",
    "item_code": "项目编号",
    "item_name": "评查项目",
    "category": "评查类别",
    "status": "评查结论",
    "points_deducted": "扣分",
    "veto": "否决项",
    "message": "说明",
    "source_file": "文件",
    "page": "页码/段落",
    "quote": "原文摘录",
    "override_status": "复核结论",
    "override_points": "复核扣分",
    "override_reason": "复核理由",
    "reviewer": "复核人",
}

# The quote of a finding that rests on two dates (period_between, dates_in_order): each date with the document
# and place it was read from, so a reviewer checks both, e.g. 告知书送达日期2024年3月1日（《送达回证》第1页）.
DATED_EVIDENCE_ZH: dict[str, str] = {
    "dated": "{event}日期{date}（{where}）",
    "undated_place": "{event}日期{date}",
    "document": "《{title}》",
    "joiner": "；",
}

# Campaign-level words.
TERMS_ZH: dict[str, str] = {
    "campaign": "评查活动",
    "unit": "被评查单位",
    "dossier": "案卷",
    "checklist": "评查标准",
    "item": "评查项目",
    "category": "评查类别",
    "finding": "评查结论",
    "evidence": "依据/证据位置",
    "average_score": "平均分",
    "total": "总分",
    "files_reviewed": "评查案卷数",
    "veto_count": "否决案卷数",
    "rank": "排名",
    "problems": "问题文件",
    "summary": "汇总",
    "details": "评查明细",
    "readme": "说明",
    "grade_distribution": "等次分布",
    "top_deductions": "主要扣分项目",
    "deductions_by_category": "各类别扣分",
    "run_date": "评查日期",
    "checklist_version": "评查标准版本",
    "checklist_hash": "评查标准校验值",
    "reviewers": "评查人员",
    "seq": "序号",
}

def zh(word: str) -> str:
    """Chinese label for an identifier, falling back to the identifier itself."""
    for table in (ELEMENT_ZH, FINDING_ZH, PROBLEM_ZH, TERMS_ZH):
        if word in table:
            return table[word]
    return word

# The long word (TERMS_ZH / FINDING_ZH, same key) is the glossary's spelling; these shorter forms are printed
# where the context already says what is meant. Kept so that outputs (and sample.xlsx, which is read back by
# its headers) stay as they are; listed here so the inconsistency is visible in one place.
SHORT_TERMS_ZH: dict[str, str] = {
    "unit": "单位",  # TERMS_ZH["unit"] 被评查单位: sample.xlsx headers, the CLI's end-of-run line
    "category": "类别",  # TERMS_ZH["category"] 评查类别: the `pingcha checklist` table
    "item_code": "编号",  # FINDING_ZH["item_code"] 项目编号: the `pingcha checklist` table
}

# sample.xlsx. read_sample reads the file back by these words: renaming one makes old sample files unreadable.
SAMPLE_ZH: dict[str, str] = {
    "sheet_result": "抽样结果",
    "sheet_info": "抽样说明",
    "stratum_population": "该类型案卷数",
    "unit_population": "该单位案卷数",
    "drawn": "抽取数",
    "unspecified_type": "未注明",  # the stratum of a unit's files whose case type is not known
}

# Sampling method (抽样说明 → 抽样方法); keys are the Sample.method identifiers.
SAMPLE_METHOD_ZH: dict[str, str] = {"rate": "按比例抽取", "per_unit": "每单位抽取固定数量"}

# 抽样说明, column A: machine key -> label (read back by label).
SAMPLE_INFO_ZH: dict[str, str] = {
    "method": "抽样方法",
    "rate": "抽样比例",
    "per_unit": "每单位抽取数",
    "min_per_unit": "每单位最少抽取数",
    "seed": "随机种子",
    "population_total": "案卷总数",
    "drawn_total": "抽取案卷数",
    "population_hash": "总体校验值(sha256)",
    "drawn_at": "抽样时间",
    "root": "案卷目录",
    "strata": "分层方式",
    "redraw": "重现方法",
}

# assignment.xlsx (交叉评查). Its 分配明细 sheet is read back (reviewers_by_dossier) by TERMS_ZH["dossier"] and
# TERMS_ZH["reviewers"].
ASSIGNMENT_ZH: dict[str, str] = {
    "title": "交叉评查分配汇总",
    "sheet_detail": "分配明细",
    "panel": "评查组",
    "panel_name": "第{n}组",
    "members": "组员",
    "recused": "回避人员",
    "panel_units": "涉及被评查单位",
}

# `pingcha checklist`: one row per item, in scoring.checklist.describe_checklist's column order. Shorter than
# the scorecard's words (and than scoring.checklist.DESCRIBE_HEADER: 扣分上限, 否决项, 检查方式, 法律依据).
CHECKLIST_TABLE_ZH: dict[str, str] = {
    "code": SHORT_TERMS_ZH["item_code"],
    "name": TERMS_ZH["item"],
    "category": SHORT_TERMS_ZH["category"],
    "points": "分值",
    "cap": "上限",
    "veto": VETO_FAIL_ZH,
    "rule": "规则",
    "statute": "依据",
}

# Routing dossiers to checklists by case type (scoring/routing.py): why a file is not scored, and the mistakes
# in a campaign's mapping.
ROUTING_ZH: dict[str, str] = {
    "no_checklist": "案件类型为{type}，本次评查未配置该类型的评查标准（已配置：{known}），未评分",
    "unknown": "{reason}，未评分，请人工确定案件类型",
    "bad_type": "无法识别的案件类型“{type}”（可用：{known}）",
    "empty": "“{value}”未给出评查标准编号或文件",
    "twice": "案件类型 {type} 配置了两个评查标准：{first} 和 {second}",
}

# The campaign-level check of a unit's inspections against its register (scoring/campaign/inspection_frequency.py):
# what each finding is, and the messages a reviewer reads in unit_findings.csv and the scorecard.
FREQUENCY_ZH: dict[str, str] = {
    "annual_cap": "年度检查次数超过上限",
    "same_day": "同日多次入企检查",
    "not_checked": "未核查",
    "none_found": "未发现问题",
    "annual_cap_message": "{party}于{year}年被本单位检查{count}次（不含线索核查等不计频次的检查），超过年度上限{cap}次",
    "same_day_message": "{party}于{day}被本单位检查{count}次，同日多次入企未合并检查",
    "no_folder": "案卷目录（{path}）已不可访问，未读取检查台账，未核查检查频次",
    "no_register": "未提供检查台账（单位目录下文件名含“台账”的Excel），未核查检查频次",
    "not_read": "检查台账未能读取检查记录：{notes}",
    "no_cap": "评查标准未设定年度检查频次上限（参数 {parameter}），未核查年度频次；已核查同日多次入企",
    "checked": "已核查检查台账{count}条检查记录，未发现{what}",
    "excluded": "（{count}条为线索核查等不计频次的检查，未计入年度次数）",
}

# The State Council's holidays as chinese_calendar names them -> as a reviewer reads them (execution_time: 行政强制法
# 第四十三条 forbids enforcement on 法定节假日).
HOLIDAY_ZH: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}
