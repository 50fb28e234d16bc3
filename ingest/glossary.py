"""The one mapping between code identifiers and the Chinese words reviewers read.

Every reviewer-facing label (Excel headers, messages, chart titles, problem kinds) comes from here, so
that a word is spelled the same everywhere and the English identifiers in code stay stable. It lives in
the lowest layer (`ingest`) so that every layer may import it. Source: ../shared/reference/glossary.md.
"""

from __future__ import annotations

from enum import StrEnum


class DocKind(StrEnum):
    """What a document is, decided from its title lines (never from its file name)."""

    COVER = "cover"
    CATALOG = "catalog"
    CASE_SOURCE = "case_source"
    FILING_APPROVAL = "filing_approval"
    INSPECTION_RECORD = "inspection_record"
    INQUIRY_NOTICE = "inquiry_notice"
    INQUIRY_RECORD = "inquiry_record"
    PARTY_IDENTITY = "party_identity"
    EVIDENCE = "evidence"
    PRESERVATION = "preservation"
    SEIZURE = "seizure"
    RECTIFICATION_ORDER = "rectification_order"
    EXTENSION_APPROVAL = "extension_approval"
    INVESTIGATION_REPORT = "investigation_report"
    LEGAL_REVIEW = "legal_review"
    COLLECTIVE_DISCUSSION = "collective_discussion"
    PENALTY_NOTICE = "penalty_notice"
    HEARING_NOTICE = "hearing_notice"
    HEARING_APPLICATION = "hearing_application"  # the party's written request for a hearing
    HEARING_RECORD = "hearing_record"
    DEFENSE_RECORD = "defense_record"
    DECISION_APPROVAL = "decision_approval"
    DECISION = "decision"
    SERVICE_RECEIPT = "service_receipt"
    PAYMENT_RECEIPT = "payment_receipt"
    PAYMENT_REMINDER = "payment_reminder"
    ENFORCEMENT_APPLICATION = "enforcement_application"
    CLOSING_APPROVAL = "closing_approval"
    REMARKS = "remarks"
    REGISTER = "register"  # 案件台账: a unit's list of cases, not part of a dossier
    UNKNOWN = "unknown"


DOC_KIND_ZH: dict[DocKind, str] = {
    DocKind.COVER: "卷宗封面",
    DocKind.CATALOG: "卷内目录",
    DocKind.CASE_SOURCE: "案件来源登记表",
    DocKind.FILING_APPROVAL: "立案审批表",
    DocKind.INSPECTION_RECORD: "现场检查(勘验)笔录",
    DocKind.INQUIRY_NOTICE: "询问通知书",
    DocKind.INQUIRY_RECORD: "询问笔录",
    DocKind.PARTY_IDENTITY: "主体资格证明",
    DocKind.EVIDENCE: "证据材料",
    DocKind.PRESERVATION: "先行登记保存文书",
    DocKind.SEIZURE: "查封(扣押)文书",
    DocKind.RECTIFICATION_ORDER: "责令改正通知书",
    DocKind.EXTENSION_APPROVAL: "延期审批表",
    DocKind.INVESTIGATION_REPORT: "案件调查终结报告",
    DocKind.LEGAL_REVIEW: "法制审核意见",
    DocKind.COLLECTIVE_DISCUSSION: "集体讨论记录",
    DocKind.PENALTY_NOTICE: "行政处罚事先告知书",
    DocKind.HEARING_NOTICE: "听证告知书",
    DocKind.HEARING_APPLICATION: "听证申请书",
    DocKind.HEARING_RECORD: "听证笔录",
    DocKind.DEFENSE_RECORD: "陈述申辩笔录",
    DocKind.DECISION_APPROVAL: "行政处罚决定审批表",
    DocKind.DECISION: "行政处罚决定书",
    DocKind.SERVICE_RECEIPT: "送达回证",
    DocKind.PAYMENT_RECEIPT: "罚没款缴款凭证",
    DocKind.PAYMENT_REMINDER: "催告书",
    DocKind.ENFORCEMENT_APPLICATION: "强制执行申请书",
    DocKind.CLOSING_APPROVAL: "结案审批表",
    DocKind.REMARKS: "备考表",
    DocKind.REGISTER: "案件台账",
    DocKind.UNKNOWN: "未识别文书",
}

# 笔录: the records whose officers, times and signatures are checked one by one (R04-R06).
RECORD_KINDS: frozenset[DocKind] = frozenset(
    {DocKind.INQUIRY_RECORD, DocKind.INSPECTION_RECORD}
)


class ProblemKind(StrEnum):
    """Why a file or dossier could not be (fully) read; problems.csv `kind` column."""

    UNSUPPORTED = "unsupported"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    EMPTY = "empty"
    LEGACY_FORMAT = "legacy-format"
    OCR_FAILED = "ocr-failed"
    OCR_UNAVAILABLE = "ocr-unavailable"
    TOO_LARGE = "too-large"
    NO_DOCUMENTS = "no-documents"
    NO_DOSSIERS = "no-dossiers"
    UNCLASSIFIED = "unclassified"
    MISPLACED = "misplaced"
    INTERNAL_ERROR = "internal-error"


PROBLEM_KIND_ZH: dict[ProblemKind, str] = {
    ProblemKind.UNSUPPORTED: "不支持的文件类型",
    ProblemKind.CORRUPT: "文件损坏",
    ProblemKind.ENCRYPTED: "文件已加密",
    ProblemKind.EMPTY: "空文件",
    ProblemKind.LEGACY_FORMAT: "旧版格式",
    ProblemKind.OCR_FAILED: "OCR识别失败",
    ProblemKind.OCR_UNAVAILABLE: "OCR不可用",
    ProblemKind.TOO_LARGE: "文件超出限制",
    ProblemKind.NO_DOCUMENTS: "案卷无可读文书",
    ProblemKind.NO_DOSSIERS: "单位无案卷",
    ProblemKind.UNCLASSIFIED: "文书类型无法识别",
    ProblemKind.MISPLACED: "文件位置不符合目录约定",
    ProblemKind.INTERNAL_ERROR: "内部错误",
}


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

PARTY_KIND_ZH: dict[str, str] = {"organisation": "单位", "individual": "个人"}

CASE_TYPE_ZH: dict[str, str] = {
    "penalty": "行政处罚",
    "license": "行政许可",
    "inspection": "行政检查",
    "coercion": "行政强制",
}
PROCEDURE_ZH: dict[str, str] = {"general": "一般程序", "summary": "简易程序"}

# Element names: cases.csv column identifiers -> the words on a scorecard.
ELEMENT_ZH: dict[str, str] = {
    "dossier_id": "案卷",
    "unit": "被评查单位",
    "case_type": "案件类型",
    "procedure": "程序",
    "case_no": "决定书文号",
    "agency": "执法机关",
    "party_name": "当事人",
    "party_kind": "当事人类型",
    "party_id": "统一社会信用代码/身份证件号码",
    "violation_date": "违法行为发生日期",
    "source_date": "案源登记日期",
    "filing_date": "立案日期",
    "notice_no": "告知书文号",
    "notice_date": "告知日期",
    "notice_served_date": "告知书送达日期",
    "hearing_date": "听证日期",
    "decision_date": "决定日期",
    "delivery_date": "决定书送达日期",
    "fine_amount": "罚款金额",
    "notice_fine_amount": "拟罚款金额",
    "officers": "执法人员",
    "officer_cert_nos": "执法证号",
    "legal_basis": "法律依据",
    "violated_provision": "违法依据",
    "penalty_provision": "处罚依据",
    "remedies": "救济途径",
    "review_body": "复议机关",
    "payment_terms": "履行方式和期限",
    "waiver": "放弃陈述申辩",
    "checklist": "评查标准",
    "raw_score": "原始得分",
    "total_score": "得分",
    "grade": "等次",
    "vetoed": "否决",
    "needs_review": "需人工复核",
    "review_reasons": "复核原因",
}

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

PROBLEM_ZH: dict[str, str] = {
    "dossier_id": "案卷",
    "source_file": "文件",
    "kind": "问题类型",
    "message": "说明",
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
}


def zh(word: str) -> str:
    """Chinese label for an identifier, falling back to the identifier itself."""
    for table in (ELEMENT_ZH, FINDING_ZH, PROBLEM_ZH, TERMS_ZH):
        if word in table:
            return table[word]
    return word


# --- Reports layer (scorecards.xlsx, charts, reviewer overrides) -------------------------------------

# The 复核结论 drop-down: identifier -> the value a reviewer picks. An empty cell means 维持.
REVIEW_CHOICE_ZH: dict[str, str] = {
    "keep": "维持",
    "pass": "改为通过",
    "fail": "改为扣分",
    "veto": "改为否决",
    "n/a": "不适用",
}

YES_ZH = "是"
NO_ZH = "否"
NONE_ZH = "无"  # an empty slot in a table or list (e.g. a reviewer from no reviewed unit)

# Words on the scorecard's sheets, headers and print footer.
REPORT_ZH: dict[str, str] = {
    "title": "行政执法案卷评查汇总",
    "reviewers": "评查人员",
    "ranking": "单位排名",
    "top_problems": "常见问题",
    "files_with_problem": "涉及案卷数",
    "points_total": "扣分合计",
    "needs_review_count": "需人工复核案卷数",
    "checklist_title": "评查标准名称",
    "checklist_id": "评查标准编号",
    "generated_at": "生成时间",
    "output_folder": "输出目录",
    "top_item_deductions": "主要扣分",
    "unit_files": "案卷清单",
    "charts": "统计图",
    "auto_status": "自动评查结论",
    "reviewed": "已复核",
    "column": "列",
    "note": "说明",
    "legend": "颜色说明",
    "footer": "第 &P 页，共 &N 页",
    "no_data": "无数据",
    "all_units": "全部单位",
    "review_done": "复核已应用：读取复核意见 {edits} 条，改动 {changes} 项，重新计分 {files} 卷，等次变化 {grades} 卷",
    "review_out": "复核结果目录：{path}",
    "review_unchecked_caps": "注意：未能加载评查标准，复核扣分未按单项上限校验",
}

# Chart titles and axis labels.
CHART_ZH: dict[str, str] = {
    "avg_by_unit": "各单位案卷平均分",
    "grades_by_unit": "各单位案卷等次分布",
    "pareto": "主要扣分项目（帕累托图）",
    "heatmap": "各单位各类别平均扣分（每卷）",
    "score": "平均分",
    "files": "案卷数",
    "cumulative": "累计占比",
    "unit": "被评查单位",
    "category": "评查类别",
    "item": "评查项目",
}

# audit.csv is machine-readable (English columns); these are its words on a sheet or in a message.
AUDIT_ZH: dict[str, str] = {
    "time": "复核时间",
    "reviewer": "复核人",
    "dossier_id": "案卷",
    "item_code": "项目编号",
    "old_status": "原结论",
    "new_status": "新结论",
    "old_points": "原扣分",
    "new_points": "新扣分",
    "reason": "复核理由",
    "source": "来源单元格",
}

# Column notes: the 说明 sheet and the comments on the reviewer headers.
COLUMN_NOTES_ZH: dict[str, str] = {
    "dossier_id": "案卷在送评目录中的位置（单位/案卷），是读取复核结果的依据，请勿修改。",
    "item_code": "评查标准中的项目编号（V 为否决项，R 为扣分项），请勿修改。",
    "status": "系统评查结论：通过、扣分、否决、不适用、无法判定（需人工确认）、待人工评查。",
    "points_deducted": "系统扣分，已按单项上限计算。",
    "veto": "该项为否决项且不符合时显示“是”，案卷得分记为 0 分，原始得分另列。",
    "evidence": "文件、页码/段落、原文摘录指出问题所在；缺少文书时摘录为空。",
    "override_status": "从下拉列表选择：维持（或留空）不作改动；改为通过；改为扣分；改为否决（仅否决项）；不适用。",
    "override_points": "仅“改为扣分”时填写，不得为负，不得超过该项扣分上限；留空则按该项标准分值扣分。",
    "override_reason": "改动结论时必须填写复核理由。",
    "reviewer": "改动结论时必须填写复核人姓名。",
    "apply": "填写完成后保存，运行 pingcha review apply 本文件 --out 新目录，生成复核后的得分、等次和复核记录；原评查结果不会被修改。",
    "colors": "红色：否决项不符合；橙色：等次为不合格的案卷。",
}

# Errors a reviewer sees when the 复核 columns cannot be read; {where} is 'sheet!cell'.
REVIEW_ERROR_ZH: dict[str, str] = {
    "unknown_choice": "{where}：复核结论“{value}”不在下拉列表中",
    "unknown_item": "{where}：未知的项目编号“{value}”",
    "unknown_dossier": "{where}：未知的案卷“{value}”",
    "duplicate": "{where}：案卷“{dossier}”的项目“{item}”重复出现",
    "not_number": "{where}：复核扣分“{value}”不是数字",
    "negative": "{where}：复核扣分不得为负数（{value}）",
    "over_cap": "{where}：复核扣分 {value} 超过该项扣分上限 {cap}",
    "points_without_fail": "{where}：填写了复核扣分，但复核结论不是“改为扣分”",
    "no_reason": "{where}：改动结论须填写复核理由",
    "no_reviewer": "{where}：改动结论须填写复核人",
    "veto_not_allowed": "{where}：项目“{item}”不是否决项，不能改为否决",
    "veto_item_points": "{where}：项目“{item}”是否决项，只能改为否决、通过或不适用",
    "missing_sheet": "工作表“{sheet}”不存在，无法读取复核结果",
    "missing_column": "{where}：缺少列“{value}”",
    "missing_meta": "评查表缺少隐藏工作表“_meta”，无法确定原评查结果目录",
    "base_not_found": "找不到评查表对应的原评查结果目录（{value}）",
    "base_changed": "原评查结果目录“{value}”的内容与评查表生成时不一致",
    "out_is_base": "复核结果目录不能是原评查结果目录或其子目录：{value}",
}

# --- Campaign history: trend charts, trends.xlsx (reports/history) ----------------------------------

TREND_ZH: dict[str, str] = {
    "unit_scores": "各单位案卷平均分变化",
    "grade_shares": "案卷等次构成变化",
    "top_problems": "主要问题涉及案卷占比变化",
    "category_deductions": "各类别每卷平均扣分变化",
    "campaign": "评查活动",
    "year": "年度",
    "label": "评查批次",
    "run_at": "评查时间",
    "files": "案卷数",
    "units": "单位数",
    "share": "占比",
    "share_pct": "占比（%）",
    "per_file": "每卷平均扣分",
    "points": "扣分合计",
    "rank": "排名",
    "recurrence": "整改未到位（上次评查的问题本次再次出现）",
    "zero_enforcement": "零执法单位（上次有案卷、本次无案卷）",
    "previous_files": "上次问题案卷数",
    "latest_files": "本次问题案卷数",
    "previous_cases": "上次评查案卷数",
    "sheet_campaigns": "评查活动",
    "sheet_averages": "单位平均分",
    "sheet_grades": "等次构成",
    "sheet_problems": "主要问题",
    "sheet_categories": "类别扣分",
    "sheet_recurrence": "整改未到位",
    "sheet_zero": "零执法",
    "none": NONE_ZH,
}

# --- The circular (通报) and supervision letters (执法监督意见书): reports/circular.py, letters.py --------
# Placeholders (20XX, X号, ____) are left for the bureau to fill in; {names} are filled by the code.

DOC_ZH: dict[str, str] = {
    "organizer": "区司法局",
    "date_placeholder": "20XX年X月X日",
    "deadline_placeholder": "20XX年X月X日",
    "seq": "序号",
    "figure": "图{n}　{title}",
    "page_prefix": "— ",
    "page_suffix": " —",
    "score_vetoed": "0（原始得分{raw}）",
}

CIRCULAR_ZH: dict[str, str] = {
    "title": "关于{year}年度行政执法案卷评查情况的通报",
    "year_placeholder": "20XX",
    "doc_no": "〔20XX〕X号",
    "addressee": "各相关单位、各镇街：",
    "intro": "为全面落实行政执法责任制，持续提升行政执法规范化水平，根据行政执法监督有关规定，{organizer}组织开展了"
             "{campaign}。现将有关情况通报如下：",
    "campaign_default": "行政执法案卷评查",
    "h_scope": "一、评查范围和方法",
    "scope": "本次评查共涉及{units}个单位，评查行政执法案卷{files}卷。",
    "sampling": "评查案卷采取抽样方式确定，从{population}卷中抽取{drawn}卷，抽取比例{ratio}。",
    "sampling_list": "评查案卷按抽样清单确定。",
    "method": "评查依据《{title}》（编号{id}，版本{version}）逐卷逐项进行：基础标准（否决项）任一项不符即评为不合格，"
              "规范标准按项扣分，扣完为止。",
    "review_note": "评查人员对系统初评结论进行了复核，共调整评查结论{n}项。",
    "unreadable": "另有{n}个文件因格式不支持、文件损坏等原因未能读取，已在评查结果中逐一列明。",
    "h_results": "二、评查结果",
    "h_ranking": "（一）各单位评查得分排名",
    "ranking_intro": "各单位按所评查案卷的平均分排名，平均分相同的按总分排名，结果如下：",
    "h_grades": "（二）案卷等次分布",
    "grades_intro": "在已评分的{files}卷案卷中，",
    "grade_part": "{grade}{files}卷（占{share}）",
    "vetoed": "其中{n}卷因存在基础标准（否决项）问题评为不合格。",
    "h_charts": "（三）统计图",
    "h_problems": "三、存在的主要问题",
    "problems_intro": "评查发现的问题主要集中在以下方面：",
    "problem_item": "（{n}）{item_name}（{item_code}）。共{files}卷存在此类问题，涉及{units}个单位，累计扣{points}分。",
    "problem_veto": "（{n}）{item_name}（{item_code}，否决项）。共{files}卷存在此类问题，涉及{units}个单位，相关案卷评为不合格。",
    "example": "如{unit}案卷“{dossier}”：{message}",
    "example_quote": "原文摘录：“{quote}”（{where}）。",
    "example_where": "{file}，{page}",
    "no_problems": "本次评查未发现扣分问题。",
    "h_recurrence": "四、整改落实情况",
    "recurrence_intro": "对照{previous}评查结果，以下单位的同类问题在本次评查中再次出现，整改未到位：",
    "recurrence_none": "对照{previous}评查结果，未发现同一单位的同类问题在本次评查中再次出现。",
    "zero_enforcement": "以下单位在{previous}中有行政执法案卷参加评查，本次评查未报送案卷（零执法）：{units}。请上述单位书面说明情况。",
    "h_requirements": "{n}、整改要求",
    "req_1": "（一）认真对照整改。各单位要对照本通报指出的问题，逐卷逐项剖析原因，立行立改，并于{deadline}前将整改情况"
             "书面报送{organizer}。",
    "req_2": "（二）健全长效机制。各单位要严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，加强案卷制作和"
             "归档管理，定期开展案卷自查、互查，评查结果于每年6月30日前录入行政执法信息服务平台。",
    "req_3": "（三）加强培训指导。各单位要针对常见问题组织专题培训，提升执法人员的程序意识和文书制作水平，落实执法人员"
             "持证上岗制度。",
    "req_4": "（四）强化结果运用。评查结果纳入年度法治政府建设绩效考评；对问题突出、整改不力的单位，{organizer}将制发"
             "行政执法监督意见书，督促限期整改。",
}

LETTER_ZH: dict[str, str] = {
    "title": "行政执法监督意见书",
    "doc_no": "〔20XX〕X号",
    "addressee": "{unit}：",
    "intro": "根据行政执法监督有关规定，{organizer}在{campaign}中对你单位的{files}卷行政执法案卷进行了评查。经评查，"
             "你单位有{flagged}卷案卷存在基础标准（否决项）问题或评查等次为不合格。现将有关问题和监督意见告知如下：",
    "h_files": "一、存在问题的案卷",
    "h_problems": "二、存在的问题及依据",
    "dossier": "（{n}）案卷“{dossier}”（决定书文号：{case_no}；得分：{score}；等次：{grade}）",
    "problem": "{n}. {item_name}（{item_code}{veto}）。{message}",
    "veto_mark": "，否决项",
    "quote": "原文摘录：“{quote}”（{where}）。",
    "basis": "依据：{statute}。",
    "no_statute": "见评查标准",
    "h_opinions": "三、监督意见",
    "req_1": "（一）请你单位对上述案卷逐一核查，对存在的问题依法予以纠正；能够补正的及时补正，不能补正的查明原因、"
             "明确责任。",
    "req_2": "（二）请你单位针对问题成因，完善执法程序和案卷管理制度，加强执法人员培训，防止同类问题再次发生。",
    "req_3": "（三）请你单位自收到本意见书之日起{days}日内（{deadline}前）完成整改，并将整改情况书面报送{organizer}。"
             "逾期未整改或整改不到位的，{organizer}将依法制发行政执法监督决定书。",
    "deadline": "____年__月__日",
    "seal": "（印章）",
}

# Where a quote was found, in circulated documents: {page} is findings.csv `page` (PDF page, .docx paragraph).
LOCATION_ZH: dict[str, str] = {"page": "第{page}页（段）", "cell": "{page}"}

# --- Names of reviewer-facing output files and folders (reports/circular.py, letters.py) ---------------

FILE_NAMES_ZH: dict[str, str] = {
    "circular": "通报.docx",
    "letters_dir": "监督意见书",  # one <unit>.docx per unit; LETTER_ZH["title"] is the document's full name
}

# Section numbers of a government document: 一、二、… (headings) and （一）（二）… (sub-headings).
CHINESE_NUMERALS = "一二三四五六七八九十"

# --- Short forms -------------------------------------------------------------------------------------
# The long word (TERMS_ZH / FINDING_ZH, same key) is the glossary's spelling; these shorter forms are printed
# where the context already says what is meant. Kept so that outputs (and sample.xlsx, which is read back by
# its headers) stay as they are; listed here so the inconsistency is visible in one place.
SHORT_TERMS_ZH: dict[str, str] = {
    "unit": "单位",  # TERMS_ZH["unit"] 被评查单位: sample.xlsx headers, the CLI's end-of-run line
    "category": "类别",  # TERMS_ZH["category"] 评查类别: the `pingcha checklist` table
    "item_code": "编号",  # FINDING_ZH["item_code"] 项目编号: the `pingcha checklist` table
}

# --- Campaign operations: sample.xlsx and assignment.xlsx (pipelines/campaign) ------------------------

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
# REPORT_ZH["reviewers"].
ASSIGNMENT_ZH: dict[str, str] = {
    "title": "交叉评查分配汇总",
    "sheet_detail": "分配明细",
    "panel": "评查组",
    "panel_name": "第{n}组",
    "members": "组员",
    "recused": "回避人员",
    "panel_units": "涉及被评查单位",
}

# --- The city platform's import file (reports/platform_export.py; its columns are platform_mapping.yaml) --

PLATFORM_ZH: dict[str, str] = {"sheet": "评查结果"}

# --- The command line (pipelines/console.py) ------------------------------------------------------------

CONSOLE_ZH: dict[str, str] = {
    "progress_bar": "评查",
    "progress": "评查进度",
    "scored": "已评分",
    "cached": "复用上次结果的案卷",
    "elapsed": "用时",
    "history_not_written": "历史库未写入 (history store not written)",
    "scorecard": "评查表 (scorecard)",
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

# --- Input vocabulary: header words read from the user's files ----------------------------------------
# Matched after NFKC normalisation and whitespace removal. Changing a word here changes what files are accepted.

# reviewers.xlsx (pingcha assign --reviewers): 姓名 and 单位 required, 专长 and 备注 optional. assignment.xlsx's
# 汇总 sheet repeats these columns under the same words.
INPUT_HEADERS_ZH: dict[str, str] = {
    "reviewer_name": "姓名",
    "reviewer_unit": "单位",  # the reviewer's own unit (he recuses himself from its files)
    "reviewer_specialty": "专长",
    "reviewer_note": "备注",
}

# A unit's register (案件台账): the accepted headers of the column naming the case and of the column giving its
# type, most specific first (the first one present in a header row is used).
REGISTER_HEADERS_ZH: dict[str, tuple[str, ...]] = {
    "case_key": ("案卷编号", "案卷号", "卷宗编号", "档案号", "案件编号", "编号"),
    "case_type": ("案件类型", "案件类别", "执法类别", "执法行为类别", "执法类型", "执法行为类型", "类别"),
}

# A case's folder or file name: the first mark found in it gives the case type (the sampling stratum).
CASE_TYPE_NAME_MARKS: tuple[tuple[str, str], ...] = (
    ("简易", f"{CASE_TYPE_ZH['penalty']}（{PROCEDURE_ZH['summary']}）"),
    ("许可", CASE_TYPE_ZH["license"]),
    ("检查", CASE_TYPE_ZH["inspection"]),
    ("强制", CASE_TYPE_ZH["coercion"]),
    ("处罚", CASE_TYPE_ZH["penalty"]),
)
