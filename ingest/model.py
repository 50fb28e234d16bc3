"""The ingest layer's domain model: files become `Document`s, documents become facts.

Every reader returns the same `Document` shape whatever the format (like unstructured's partition_*),
keeping each text block's position (PDF page, .docx paragraph, sheet!cell) so that any value extracted
from it can be shown to a reviewer as evidence: file, position, quoted text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Generic, TypeVar

from ingest.glossary import LOCATION_ZH, DocKind, ProblemKind

T = TypeVar("T")

QUOTE_MAX = 200  # output-contract.md: quote ≤ 200 characters


@dataclass(frozen=True, slots=True)
class Position:
    """Where a block sits in its source file. Exactly one of page, paragraph and cell is normally set.

    A .docx block also carries what a person sees in Word, since Word numbers neither paragraphs nor (in the
    file) pages: its page where the file has page breaks, the nearest heading above it and its place under
    that heading (ingest.readers.docx_layout)."""

    page: int | None = None  # PDF page, 1-based
    paragraph: int | None = None  # .docx block number in document order (paragraphs and table rows), 1-based
    cell: str | None = None  # .xlsx "Sheet!B3"
    word_page: int | None = None  # .docx page counted from its page breaks; None when the file has none
    heading: str = ""  # .docx: the nearest heading above the block ('' when none)
    nth: int | None = None  # .docx: non-blank paragraph count after the heading (else the page's or file's top)
    row: int | None = None  # .docx: the row of its table, for a table row

    def label(self) -> str:
        """The `page` column of findings.csv: '3', 'Sheet1!B3', or a .docx place a person can find,
        '第2页，“二、调查经过”下第3段'."""
        if self.page is not None:
            return str(self.page)
        if self.paragraph is not None:
            return self.docx_place()
        return self.cell or ""

    def where(self) -> str:
        """The place in words, as evidence quoting it reads: '第3页', a .docx place, a workbook cell."""
        if self.page is not None:
            return LOCATION_ZH["page"].format(page=self.page)
        return self.label()

    def docx_place(self) -> str:
        """'第2页，“二、调查经过”下第3段', '“询问笔录”下表格第2行', '第4段' — never the internal block number."""
        if self.row is not None:
            where = LOCATION_ZH["table_row"].format(n=self.row)
        else:  # a Position built without the reader's layout (tests, examples) has only the block number
            where = LOCATION_ZH["paragraph"].format(n=self.nth if self.nth is not None else self.paragraph)
        if self.heading:
            where = LOCATION_ZH["under_heading"].format(heading=self.heading) + where
        if self.word_page is not None:
            sep = LOCATION_ZH["separator"] if self.heading else ""
            where = LOCATION_ZH["page"].format(page=self.word_page) + sep + where
        return where


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a reviewer needs to check a value: which file, where in it, and the words themselves."""

    source_file: str  # relative to the dossier, '/' separators; '' when the evidence is an absence
    position: Position = Position()
    quote: str = ""

    def __post_init__(self) -> None:
        if len(self.quote) > QUOTE_MAX:
            object.__setattr__(self, "quote", self.quote[: QUOTE_MAX - 1] + "…")


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """A value together with the evidence it was read from."""

    value: T
    evidence: Evidence


class TextOrigin(StrEnum):
    TEXT_LAYER = "text"  # PDF text layer, .docx, .xlsx
    OCR = "ocr"


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One paragraph, table row, PDF text line group, or spreadsheet row, with its position."""

    text: str
    position: Position
    in_table: bool = False
    origin: TextOrigin = TextOrigin.TEXT_LAYER
    ocr_confidence: float | None = None  # mean recognition confidence in [0, 1] for OCR text


@dataclass(frozen=True, slots=True)
class Table:
    """A table's cell texts, row by row, and where the table starts."""

    rows: tuple[tuple[str, ...], ...]
    position: Position


@dataclass(slots=True)
class Document:
    """One document of a dossier (决定书, 笔录, …) or, before splitting, one whole source file."""

    source_file: str  # relative to the dossier
    file_format: str  # the name of its row in ingest.readers.formats.FORMATS: "docx" | "pdf" | "xlsx"
    blocks: list[TextBlock] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    kind: DocKind = DocKind.UNKNOWN
    title: str = ""
    kind_evidence: Evidence | None = None  # the title line that decided `kind`
    page_count: int = 0  # PDF pages or .docx/.xlsx 1
    pages_needing_ocr: tuple[int, ...] = ()  # PDF pages whose text layer is absent or garbled
    ocr_pages: tuple[int, ...] = ()  # pages whose text came from OCR
    control_characters: int = 0  # removed from the text when it was read (ingest.readers.common.clean_document)

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)

    def evidence_at(self, block: TextBlock, quote: str | None = None) -> Evidence:
        return Evidence(self.source_file, block.position, (quote if quote is not None else block.text).strip())


@dataclass(frozen=True, slots=True)
class Problem:
    """A file or dossier that could not be (fully) read: one row of problems.csv."""

    dossier_id: str
    source_file: str
    kind: ProblemKind
    message: str  # Chinese, for the reviewer


@dataclass(slots=True)
class Dossier:
    """One case file (案卷): a folder of files or a single file holding the whole dossier."""

    dossier_id: str  # path relative to the campaign folder, '/' separators
    unit: str
    files: list[str] = field(default_factory=list)  # relative to the dossier; [''] for a single-file dossier
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# ----------------------------------------------------------------------------------------------------
# Extracted facts
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Officer:
    name: str
    cert_no: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Provision:
    """One cited legal provision, e.g. 《中华人民共和国大气污染防治法》第一百零八条第(一)项."""

    law: str  # without 《》
    article: int | None = None  # 条
    clause: int | None = None  # 款
    item: int | None = None  # 项
    text: str = ""  # as written


@dataclass(frozen=True, slots=True)
class AmountPair:
    """A money amount written in a document, with its 大写 and figure readings when present."""

    upper: Decimal | None  # parsed from 大写 (伍万贰仟元)
    figures: Decimal | None  # parsed from digits (50000元, ¥545, 5万元)
    evidence: Evidence


class DateRole(StrEnum):
    """What a date in a document means (labels beside it or the document kind decide)."""

    VIOLATION = "violation"  # 违法行为发生日期
    VIOLATION_END = "violation_end"  # 违法行为终了日期 (…至9月5日)
    VIOLATION_SEEN = "violation_seen"  # the day an inspection found the act going on (检查发现当事人未…)
    SOURCE = "source"  # 案源登记 / 受案
    FILING = "filing"  # 立案
    NOTICE = "notice"  # 告知 (the notice's own date)
    NOTICE_SERVED = "notice_served"
    HEARING = "hearing"
    HEARING_NOTICE = "hearing_notice"
    DECISION = "decision"
    DELIVERY = "delivery"  # 送达
    EXTENSION = "extension"
    CLOSING = "closing"
    SIGNED = "signed"  # 落款日期 of the document itself
    RECORD_START = "record_start"
    APPROVAL = "approval"  # 负责人审批日期
    # 行政许可 (checklist-licensing.md)
    APPLICATION = "application"  # 申请日期 / 收件日期: when the agency received the application
    ACCEPTANCE = "acceptance"  # 受理日期
    PUBLICATION = "publication"  # 公示 / 公开日期 of a granted licence
    # 简易程序 (行政处罚法第五十二条、第七十一条)
    HANDOVER = "handover"  # 当场收缴的罚款交至行政机关
    BANK_DEPOSIT = "bank_deposit"  # 行政机关将罚款缴付指定银行
    FILED = "filed"  # 当场处罚决定报所属行政机关备案
    # 行政强制执行 (checklist-enforcement.md part B, ingest/extract/facts_execution.py)
    DEADLINE = "deadline"  # the date a 催告书 or 拆除公告 gives the party to perform by (…前履行)
    UNDERLYING_DELIVERY = "underlying_delivery"  # when the decision being enforced was served (stated in the 催告书)
    # the last day the enforced decision gives the party to perform (its service + the days it gives, or the date
    # it names): set on the 催告书, which must come after it (行政强制法第三十四条)
    PERFORMANCE_DEADLINE = "performance_deadline"


@dataclass(slots=True)
class DocFacts:
    """Everything extracted from one document, each value with its evidence.

    Kept per document so that checks can compare documents (文号前后一致, 当事人一致) and look at each
    笔录 on its own; `Elements` is the canonical merge.
    """

    source_file: str
    kind: DocKind
    title: str
    position: Position = Position()  # where the document starts
    own_no: Found[str] | None = None  # the document's own 文号 (decision: the case number; notice: 告知书文号)
    cited_case_nos: list[Found[str]] = field(default_factory=list)  # decision numbers it cites
    agency: Found[str] | None = None
    party_name: Found[str] | None = None
    party_kind: str | None = None  # organisation | individual
    party_id: Found[str] | None = None
    party_address: Found[str] | None = None
    party_representative: Found[str] | None = None  # 法定代表人 / 负责人 / 经营者 (of a 个体工商户)
    dates: dict[DateRole, Found[date]] = field(default_factory=dict)
    time_span: Found[tuple[datetime, datetime]] | None = None  # 笔录 起止时间, to the minute
    violation_ongoing: Found[bool] | None = None  # the act went on past the dates read (自…起, 至今, 截至…)
    violation_month: Found[str] | None = None  # the act dated to the month only (当事人自2023年10月起…)
    place: Found[str] | None = None
    officers: list[Officer] = field(default_factory=list)
    signed_by_party: Found[bool] | None = None  # signature of the interviewee, or a note of refusal
    fine: Found[Decimal] | None = None  # the fine this document decides (decision) or intends (notice)
    amounts: list[AmountPair] = field(default_factory=list)
    violated: list[Found[Provision]] = field(default_factory=list)  # 违反了…的规定
    penalty_basis: list[Found[Provision]] = field(default_factory=list)  # 依据…
    remedies: Found[str] | None = None
    review_body: Found[str] | None = None
    payment_terms: Found[str] | None = None
    waiver: Found[str] | None = None
    hearing_right: Found[str] | None = None  # the text telling the party of a right to a hearing
    defense_right: Found[str] | None = None  # the text telling the party of a right to state a case
    defense_period_days: int | None = None  # the period the notice gives (e.g. 3 or 5 days)
    served_document: Found[str] | None = None  # service receipt: the document it serves
    # The pre-printed on-the-spot form (当场行政处罚决定书, 行政处罚法第五十一条至第五十二条、第六十八条至第七十条)
    form_serial: Found[str] | None = None  # the printed serial number (No.0012345 / 编号)
    credentials_shown: Found[str] | None = None  # "已出示执法证件" (tick or sentence)
    code_shown: Found[str] | None = None  # an inspection's 执法码 shown or scanned (扫码入企, 亮码): the notice's stand-in
    penalty_kinds: list[Found[str]] = field(default_factory=list)  # 警告, 罚款, 没收… as decided (ticked)
    collected_on_spot: Found[bool] | None = None  # 当场收缴 ticked or stated (True); 银行缴纳 chosen (False)
    onsite_collection_reason: Found[str] | None = None  # 事后难以执行 / 边远、水上、交通不便 (Art. 68, 69)
    # Labelled fields found in forms (立案审批表, 送达回证 …): label (as in the checklist) -> where.
    fields: dict[str, Found[str]] = field(default_factory=dict)
    # 行政许可 documents (ingest/extract/facts_license.py)
    reasons: Found[str] | None = None  # 不予受理 / 不予许可: the reasons given
    excluded_days: Found[int] | None = None  # 特别程序告知书: the working days it tells the applicant of
    extension_approved: Found[bool] | None = None  # 延期: stated to be approved by the agency's head
    # A 现场笔录 of a coercive measure (行政强制法第十八条, ingest/extract/facts_onsite_record.py): True stated
    # (a sentence or a ticked box), False denied (an unticked box, 未听取); None the record does not say.
    party_absent: Found[bool] | None = None  # 当事人未到场 (True) / 当事人到场 (False)
    witness_mentioned: Found[bool] | None = None  # a witness named in a sentence (True) / 未邀请见证人 (False)
    reasons_told: Found[bool] | None = None  # 当场告知理由、依据、权利和救济途径
    defense_heard: Found[bool] | None = None  # 听取陈述、申辩
    # An inspection's notice or record (ingest/extract/facts_inspection.py), the same three states:
    rights_told: Found[bool] | None = None  # 被检查人 told of its rights (申请回避、陈述申辩)
    basis_told: Found[bool] | None = None  # the inspection's basis or items stated (依据《…》, 检查事项)
    emergency_noted: Found[str] | None = None  # an approval given afterwards explained: 情况紧急、补办手续
    correction_deadline: Found[str] | None = None  # a 责令改正通知书's deadline: 于…前改正, 立即改正, 限期…改正
    goods_table: Found[str] | None = None  # a 清单 printed inside a 查封（扣押）决定书: its header row (名称 … 数量)
    scanned: bool = False  # some of its text came from OCR: a handwritten signature or tick may not be read
    # 行政强制执行 documents (ingest/extract/facts_execution.py): EXECUTION_TERM_ZH names -> the text saying it
    execution_terms: dict[str, Found[str]] = field(default_factory=dict)
    surcharge: Found[Decimal] | None = None  # 加处罚款 / 滞纳金 stated as a sum
    principal: Found[Decimal] | None = None  # the fine (本金) the surcharge is added to
    # 三项制度 (ingest/extract/facts_three_systems.py)
    av_mention: Found[str] | None = None  # a sentence naming the audio/video recording (执法记录仪, 全程录音录像)
    reviewer: Found[str] | None = None  # 法制审核意见: 审核人 ('' when the label is read blank)
    review_conclusion: Found[str] | None = None  # 法制审核意见: 审核意见 / 审核结论
    reviewer_qualification: Found[str] | None = None  # 法律职业资格 (证书编号), where the form has the box
    performance_days: Found[int] | None = None  # an enforced decision: 自收到本决定书之日起N日内 to perform


@dataclass(slots=True)
class Elements:
    """The canonical elements of a case (cases.csv), the decision being the preferred source."""

    case_type: str = "penalty"
    procedure: str = "general"
    case_type_reason: str = ""  # why this type (ingest/case_type.py): documents, register or name
    case_no: Found[str] | None = None
    agency: Found[str] | None = None
    party_name: Found[str] | None = None
    party_kind: str | None = None
    party_id: Found[str] | None = None
    violation_date: Found[date] | None = None
    violation_end_date: Found[date] | None = None  # a continuing act's end, when written
    violation_ongoing: Found[bool] | None = None  # the act went on past the dates read, no end written
    source_date: Found[date] | None = None
    filing_date: Found[date] | None = None
    notice_no: Found[str] | None = None
    notice_date: Found[date] | None = None
    notice_served_date: Found[date] | None = None
    hearing_date: Found[date] | None = None
    decision_date: Found[date] | None = None
    delivery_date: Found[date] | None = None
    fine_amount: Found[Decimal] | None = None
    notice_fine_amount: Found[Decimal] | None = None
    officers: list[Officer] = field(default_factory=list)  # each officer once, in order of appearance
    violated: list[Found[Provision]] = field(default_factory=list)
    penalty_basis: list[Found[Provision]] = field(default_factory=list)
    remedies: Found[str] | None = None
    review_body: Found[str] | None = None
    payment_terms: Found[str] | None = None
    waiver: Found[str] | None = None
    # 行政许可 (checklist-licensing.md); decision_date above is the licence decision's date
    application_date: Found[date] | None = None
    correction_notice_date: Found[date] | None = None  # the first 补正 notice
    acceptance_date: Found[date] | None = None
    license_decision: str | None = None  # grant | refuse
    extension_approved: Found[bool] | None = None
    excluded_days: Found[int] | None = None  # working days told in writing (特别程序), all notices summed
    certificate_delivery_date: Found[date] | None = None
    publication_date: Found[date] | None = None


@dataclass(slots=True)
class CaseFacts:
    """What scoring gets: the dossier's identity, its per-document facts and the canonical elements."""

    dossier_id: str
    unit: str
    documents: list[DocFacts]
    elements: Elements
    problems: list[Problem] = field(default_factory=list)
    # Reasons a reviewer must look at this file whatever the checklist says (low OCR confidence, …).
    review_reasons: list[str] = field(default_factory=list)

    def of_kind(self, *kinds: DocKind) -> list[DocFacts]:
        return [d for d in self.documents if d.kind in kinds]

    def has(self, *kinds: DocKind) -> bool:
        return any(d.kind in kinds for d in self.documents)
