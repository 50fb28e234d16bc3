"""The ingest layer's words: document kinds, problem kinds, element names and the headers read from units' files.

Each layer owns the Chinese words it prints or reads (code in English, labels in Chinese; source
../shared/reference/glossary.md): ingest names what is in a dossier, scoring (scoring/glossary.py) how an item
ends, reports (reports/glossary.py) the phrases of workbooks and documents, pipelines (pipelines/glossary.py)
the console's. A word is spelled in one of them only; a higher layer imports the lower layer's word.
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
    # 简易程序 (checklist-penalty-simple.md)
    ON_THE_SPOT_DECISION = "on_the_spot_decision"  # 当场行政处罚决定书, the pre-printed numbered form
    SUMMARY_FILING_RECORD = "summary_filing_record"  # 简易程序备案登记表 / 备案记录 (行政处罚法第五十二条第三款)
    AV_RECORD_INDEX = "av_record_index"  # 音像记录清单 / 执法记录仪存储记录
    # 行政许可 (checklist-licensing.md)
    LICENSE_APPLICATION = "license_application"
    RECEIPT_OF_MATERIALS = "receipt_of_materials"
    CORRECTION_NOTICE = "correction_notice"
    ACCEPTANCE_NOTICE = "acceptance_notice"
    NON_ACCEPTANCE_DECISION = "non_acceptance_decision"
    LICENSE_REVIEW_RECORD = "license_review_record"
    ONSITE_VERIFICATION_RECORD = "onsite_verification_record"
    INTERESTED_PARTY_NOTICE = "interested_party_notice"
    SPECIAL_PROCEDURE_NOTICE = "special_procedure_notice"
    LICENSE_EXTENSION_NOTICE = "license_extension_notice"
    LICENSE_DECISION = "license_decision"
    LICENSE_REFUSAL = "license_refusal"
    LICENSE_CERTIFICATE = "license_certificate"
    COMMITMENT_LETTER = "commitment_letter"
    PUBLICATION_PROOF = "publication_proof"
    # 行政强制措施 (checklist-enforcement.md, coercion-measure): SEIZURE is the 查封/扣押决定书 itself
    COERCION_APPROVAL = "coercion_approval"  # 行政强制措施审批表 / 查封扣押审批表: the head's approval
    SEIZURE_RECORD = "seizure_record"  # 查封(扣押)现场笔录 (行政强制法第十八条第（七）项)
    SEIZURE_LIST = "seizure_list"  # 查封(扣押)清单 / 财物清单
    SEIZURE_EXTENSION = "seizure_extension"  # 延长查封(扣押)期限决定书 / 延期通知书
    SEIZURE_RELEASE = "seizure_release"  # 解除查封(扣押)决定书
    SEIZURE_DISPOSAL = "seizure_disposal"  # 查封(扣押)物品处理决定书
    TEST_PERIOD_NOTICE = "test_period_notice"  # 检测(检验、检疫、技术鉴定)期间告知书 (第二十五条第三款)
    FREEZE_NOTICE = "freeze_notice"  # 协助冻结存款(汇款)通知书, to the bank (第三十条)
    FREEZE_DECISION = "freeze_decision"  # 冻结存款(汇款)决定书, to the party (第三十一条)
    # 行政强制执行 (checklist-enforcement.md, coercion-execution): PAYMENT_REMINDER is the 催告书 of 第三十五条 and
    # ENFORCEMENT_APPLICATION the 强制执行申请书 to a court (第五十五条)
    ENFORCEMENT_DECISION = "enforcement_decision"  # 行政强制执行决定书 (第三十七条)
    SUBSTITUTE_PERFORMANCE = "substitute_performance"  # 代履行决定书 (第五十一条)
    DEMOLITION_NOTICE = "demolition_notice"  # 限期拆除公告 (第四十四条)
    EXECUTION_RECORD = "execution_record"  # 强制执行现场笔录 / 代履行现场记录
    EXECUTION_AGREEMENT = "execution_agreement"  # 执行协议 (第四十二条)
    EXECUTION_SUSPENSION = "execution_suspension"  # 中止执行 / 终结执行决定书 (第三十九条、第四十条)
    COURT_RULING = "court_ruling"  # 人民法院准予(不准予)强制执行裁定书 (第五十七条、第五十八条)
    # 行政检查 (checklist-inspection.md)
    INSPECTION_APPROVAL = "inspection_approval"  # 行政检查审批表 / 检查方案, approved by the head beforehand
    INSPECTION_PLAN = "inspection_plan"  # 年度检查计划 / 专项检查计划 / 双随机抽查计划
    INSPECTION_NOTICE = "inspection_notice"  # 行政检查通知书
    INSPECTION_RESULT_NOTICE = "inspection_result_notice"  # 检查结果告知书 / 检查处理意见书 / 卫生监督意见书
    REINSPECTION = "reinspection"  # 整改复查意见书 / 整改复查记录: the check after a 责令改正 deadline
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
    DocKind.SEIZURE: "查封(扣押)决定书",
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
    DocKind.ON_THE_SPOT_DECISION: "当场行政处罚决定书",
    DocKind.SUMMARY_FILING_RECORD: "简易程序备案记录",
    DocKind.AV_RECORD_INDEX: "音像记录清单",
    DocKind.LICENSE_APPLICATION: "行政许可申请书",
    DocKind.RECEIPT_OF_MATERIALS: "申请材料收件凭证",
    DocKind.CORRECTION_NOTICE: "补正材料通知书",
    DocKind.ACCEPTANCE_NOTICE: "受理通知书",
    DocKind.NON_ACCEPTANCE_DECISION: "不予受理决定书",
    DocKind.LICENSE_REVIEW_RECORD: "行政许可审查意见表",
    DocKind.ONSITE_VERIFICATION_RECORD: "现场核查笔录",
    DocKind.INTERESTED_PARTY_NOTICE: "利害关系人告知书",
    DocKind.SPECIAL_PROCEDURE_NOTICE: "特别程序所需时间告知书",
    DocKind.LICENSE_EXTENSION_NOTICE: "延长许可期限告知书",
    DocKind.LICENSE_DECISION: "准予行政许可决定书",
    DocKind.LICENSE_REFUSAL: "不予行政许可决定书",
    DocKind.LICENSE_CERTIFICATE: "许可证件",
    DocKind.COMMITMENT_LETTER: "告知承诺书",
    DocKind.PUBLICATION_PROOF: "公示材料",
    DocKind.COERCION_APPROVAL: "行政强制措施审批表",
    DocKind.SEIZURE_RECORD: "查封(扣押)现场笔录",
    DocKind.SEIZURE_LIST: "查封(扣押)清单",
    DocKind.SEIZURE_EXTENSION: "延长查封(扣押)期限决定书",
    DocKind.SEIZURE_RELEASE: "解除查封(扣押)决定书",
    DocKind.SEIZURE_DISPOSAL: "查封(扣押)物品处理决定书",
    DocKind.TEST_PERIOD_NOTICE: "检测(检验、鉴定)期间告知书",
    DocKind.FREEZE_NOTICE: "协助冻结通知书",
    DocKind.FREEZE_DECISION: "冻结决定书",
    DocKind.ENFORCEMENT_DECISION: "行政强制执行决定书",
    DocKind.SUBSTITUTE_PERFORMANCE: "代履行决定书",
    DocKind.DEMOLITION_NOTICE: "限期拆除公告",
    DocKind.EXECUTION_RECORD: "强制执行现场笔录",
    DocKind.EXECUTION_AGREEMENT: "执行协议",
    DocKind.EXECUTION_SUSPENSION: "中止(终结)执行决定书",
    DocKind.COURT_RULING: "法院强制执行裁定书",
    DocKind.INSPECTION_APPROVAL: "行政检查审批表",
    DocKind.INSPECTION_PLAN: "行政检查计划",
    DocKind.INSPECTION_NOTICE: "行政检查通知书",
    DocKind.INSPECTION_RESULT_NOTICE: "检查结果告知书",
    DocKind.REINSPECTION: "整改复查意见书",
    DocKind.REGISTER: "案件台账",
    DocKind.UNKNOWN: "未识别文书",
}

# 笔录: the records whose officers, times and signatures are checked one by one (R04-R06).
RECORD_KINDS: frozenset[DocKind] = frozenset(
    {DocKind.INQUIRY_RECORD, DocKind.INSPECTION_RECORD}
)

# 行政处罚决定书 in either procedure: the decision whose number, date, fine and bases are the case's elements.
DECISION_KINDS: frozenset[DocKind] = frozenset({DocKind.DECISION, DocKind.ON_THE_SPOT_DECISION})

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
    SPECIAL_ENTRY = "special-entry"  # not a regular file: a FIFO, a device, a socket, a link not followed
    TIMEOUT = "timeout"  # reading (and OCR of) one file ran past its time budget
    CONTROL_CHARACTERS = "control-characters"  # removed from a file's text or kept out of outputs from a name
    WORKER_CRASHED = "worker-crashed"  # the process reading the dossier died (OOM killer, crash): not scored
    NO_CHECKLIST = "no-checklist"  # the campaign has no checklist for the dossier's case type: listed, not scored
    BAD_REGISTER_ROW = "bad-register-row"  # a row of an input register (公示台账) that cannot be used: skipped

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
    ProblemKind.SPECIAL_ENTRY: "特殊文件或链接",
    ProblemKind.TIMEOUT: "读取超时",
    ProblemKind.CONTROL_CHARACTERS: "含控制字符",
    ProblemKind.WORKER_CRASHED: "工作进程意外终止",
    ProblemKind.NO_CHECKLIST: "无适用的评查标准",
    ProblemKind.BAD_REGISTER_ROW: "台账行无法使用",
}

PARTY_KIND_ZH: dict[str, str] = {"organisation": "单位", "individual": "个人"}

CASE_TYPE_ZH: dict[str, str] = {
    "penalty": "行政处罚",
    "license": "行政许可",
    "inspection": "行政检查",
    "coercion": "行政强制",
    "unknown": "类型未定",  # ingest/case_type.py could not decide: a reviewer must
}

# A type's procedures: a penalty's 一般/简易程序, a coercion's 措施 (查封扣押冻结) or 执行 (行政强制法第三章、第四章)
PROCEDURE_ZH: dict[str, str] = {"general": "一般程序", "summary": "简易程序",
                                "measure": "行政强制措施", "execution": "行政强制执行"}
TYPE_PROCEDURES: dict[str, tuple[str, ...]] = {"penalty": ("general", "summary"), "coercion": ("measure", "execution")}

# What a 行政强制执行 document says (DocFacts.execution_terms, ingest/extract/facts_execution.py), as a reviewer
# reads it: the parts of a 催告书 (行政强制法第三十五条), a 强制执行决定书 (第三十七条), a 代履行决定书 (第五十一条), and
# the circumstances that change what applies (立即执行, 拆除, 紧急情况, 复议或诉讼).
EXECUTION_TERM_ZH: dict[str, str] = {
    "deadline": "履行期限",
    "manner": "履行方式",
    "amount": "金额和给付方式",
    "defense_right": "陈述申辩权利",
    "surcharge_standard": "加处罚款（滞纳金）标准",
    "surcharge": "加处罚款（滞纳金）",
    "reason_basis": "强制执行的理由和依据",
    "manner_time": "强制执行的方式和时间",
    "remedies": "申请复议或提起诉讼的途径和期限",
    "performer": "代履行人",
    "budget": "代履行费用预算",
    "object": "代履行标的",
    "immediate": "立即执行的决定及理由",
    "demolition": "强制拆除",
    "emergency": "紧急情况说明",
    "review_or_suit": "当事人申请复议或提起诉讼的记载",
    "deferred": "延期或分期缴纳罚款的记载",
}

# Why a dossier has its case type (ingest/case_type.py): shown in review reasons and the scorecard's notes.
TYPE_REASON_ZH: dict[str, str] = {
    "documents": "依据案卷中的{documents}判定",
    "register": "文书不足以判定，依据台账《{register}》记载的“{label}”判定",
    "name": "文书不足以判定，依据案卷名称“{name}”中的“{mark}”判定",
    "unknown": "案件类型无法判定：案卷中没有可判定类型的文书（如行政处罚决定书、受理通知书、查封扣押决定书），台账和案卷名称也未载明",
}

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
    # 行政许可 (checklist-licensing.md)
    "application_date": "申请日期",
    "correction_notice_date": "补正告知日期",
    "acceptance_date": "受理日期",
    "license_decision": "许可决定",
    "extension_approved": "延期经负责人批准",
    "excluded_days": "书面告知的除外期限（工作日）",
    "certificate_delivery_date": "许可证件送达日期",
    "publication_date": "公开日期",
    "reasons": "理由",
    "checklist": "评查标准",
    "raw_score": "原始得分",
    "total_score": "得分",
    "grade": "等次",
    "vetoed": "否决",
    "needs_review": "需人工复核",
    "review_reasons": "复核原因",
}

# Where evidence stands in a file, as a reviewer looks for it (ingest.model.Position.label): a PDF page, and in
# a .docx the page (where the file has page breaks), the heading above and the paragraph or table row under it.
LOCATION_ZH: dict[str, str] = {
    "page": "第{page}页",
    "under_heading": "“{heading}”下",
    "paragraph": "第{n}段",
    "table_row": "表格第{n}行",
    "separator": "，",
}

PROBLEM_ZH: dict[str, str] = {
    "dossier_id": "案卷",
    "source_file": "文件",
    "kind": "问题类型",
    "message": "说明",
}

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

# A register of inspections (检查台账, ingest/inspection_register.py): the same unit's 台账, read for the campaign-level
# frequency check (inspection.yaml's head). A sheet is read when it has a party column and an inspection date column
# (or any date column beside a type column that names 检查).
INSPECTION_REGISTER_HEADERS_ZH: dict[str, tuple[str, ...]] = {
    "party": ("被检查对象", "被检查人", "被检查单位", "被检查企业", "被检查主体", "检查对象", "被检查对象名称",
              "企业名称", "市场主体名称", "当事人", "当事人名称", "单位名称"),
    "credit_code": ("统一社会信用代码", "社会信用代码", "信用代码", "被检查对象统一社会信用代码"),
    "inspection_date": ("检查日期", "检查时间", "实施检查日期", "检查开始时间", "入企检查日期", "检查起始时间"),
    "any_date": ("日期", "执法日期", "办理日期", "实施日期"),
    "inspection_type": ("检查类型", "检查方式", "检查类别", "检查来源"),
}
INSPECTION_TYPE_MARK = "检查"  # a case-type cell naming an inspection (行政检查)

# A case's folder or file name: the first mark found in it gives the case type (the sampling stratum).
CASE_TYPE_NAME_MARKS: tuple[tuple[str, str], ...] = (
    ("简易", f"{CASE_TYPE_ZH['penalty']}（{PROCEDURE_ZH['summary']}）"),
    ("许可", CASE_TYPE_ZH["license"]),
    ("检查", CASE_TYPE_ZH["inspection"]),
    ("强制执行", PROCEDURE_ZH["execution"]),
    ("强制措施", PROCEDURE_ZH["measure"]),
    ("强制", CASE_TYPE_ZH["coercion"]),
    ("处罚", CASE_TYPE_ZH["penalty"]),
)
