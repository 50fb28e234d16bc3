"""One document → `DocFacts`: the parsers run over its blocks, every value keeps its evidence.

Dates get their `DateRole` from the label beside them (立案日期, 送达时间 …) or from the document kind and
place (the 落款 date at the end of a decision is its decision date). Case numbers are split into the
document's own number and the decision numbers it cites (送达回证, 结案审批表, cover).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ingest.extract import amounts as amounts_mod
from ingest.extract.case_numbers import CaseNo, find_case_numbers
from ingest.extract.dates import DateHit, find_dates, find_time_spans
from ingest.extract.fields import FieldHit, extract_fields, labels_present
from ingest.extract.forms import form_lines
from ingest.extract.narrative import find_evidence, find_facts, find_penalty
from ingest.extract.officers import find_officers_in_lines
from ingest.extract.party import parse_party
from ingest.extract.provisions import Citation, classify_citations
from ingest.extract.remedies import (
    ClauseHit,
    find_defense_right,
    find_hearing_right,
    find_payment_terms,
    find_remedies,
    find_waiver,
)
from ingest.extract.remedies import is_heading as is_remedies_heading
from ingest.extract.text import quote_span
from ingest.glossary import RECORD_KINDS, DocKind
from ingest.model import (
    AmountPair,
    DateRole,
    DocFacts,
    Document,
    Evidence,
    Found,
    Officer,
    Position,
    Provision,
    TextBlock,
    TextOrigin,
)
from ingest.normalize import fold, is_page_mark, no_spaces

HEAD_BLOCKS = 10  # blocks at the top where a document's own number and party are written
TAIL_BLOCKS = 10  # blocks at the end where the 落款 (agency, date, seal) is written

# Documents whose decision numbers are citations, not their own number.
CITING_KINDS = frozenset(
    {
        DocKind.SERVICE_RECEIPT, DocKind.COVER, DocKind.CATALOG, DocKind.CLOSING_APPROVAL,
        DocKind.DECISION_APPROVAL, DocKind.PAYMENT_RECEIPT, DocKind.PAYMENT_REMINDER,
        DocKind.ENFORCEMENT_APPLICATION, DocKind.REMARKS, DocKind.REGISTER, DocKind.LEGAL_REVIEW,
        DocKind.COLLECTIVE_DISCUSSION, DocKind.DEFENSE_RECORD, DocKind.HEARING_RECORD,
    }
)  # fmt: skip
SPAN_KINDS = RECORD_KINDS | {DocKind.HEARING_RECORD, DocKind.DEFENSE_RECORD, DocKind.COLLECTIVE_DISCUSSION}

# Labels written before a date (nearest wins), and words written after it.
_BEFORE: list[tuple[DateRole, re.Pattern[str]]] = [
    (DateRole.FILING, re.compile(r"立案(?:日期|时间)|批准立案|决定立案|予以立案|同意立案|立案审批")),
    (DateRole.SOURCE, re.compile(r"(?:登记|受理|接报|发现|举报|投诉|来源|案发|受案|移送|交办)(?:日期|时间)|接到举报|收到举报")),
    (DateRole.DELIVERY, re.compile(r"送达(?:日期|时间)|签收(?:日期|时间)|收(?:到|件)(?:日期|时间)|妥投(?:日期|时间)?|签收人?[:：]")),
    (DateRole.HEARING, re.compile(r"听证(?:日期|时间)|举行听证时间|定于")),
    (DateRole.CLOSING, re.compile(r"结案(?:日期|时间)")),
    (DateRole.DECISION, re.compile(r"(?:处罚)?决定(?:日期|时间)|作出(?:处罚)?决定(?:日期|时间)")),
    (DateRole.NOTICE, re.compile(r"告知(?:日期|时间)")),
    (DateRole.EXTENSION, re.compile(r"延期(?:至|到)")),
    (DateRole.APPROVAL, re.compile(r"审批(?:日期|时间)?|批准(?:日期|时间)?|负责人|同意|签发")),
]
_AFTER: list[tuple[DateRole, re.Pattern[str]]] = [
    (DateRole.FILING, re.compile(r"\s*(?:予以|决定|批准|被)?立案")),
    (DateRole.NOTICE_SERVED, re.compile(r"[^。；]{0,30}(?:送达|告知)[^。；]{0,20}告知书")),
    # "本单位已于3月21日收到你局《行政处罚事先告知书》" (a waiver, a 陈述申辩笔录)
    (DateRole.NOTICE_SERVED, re.compile(r"\s*(?:已|就)?(?:收到|签收|收悉)[^。；，,]{0,20}(?<!听证)告知书")),
    # EMS tracking: "2024-04-17 10:21 长沙市 已妥投"
    (DateRole.DELIVERY, re.compile(r"[^。；\d]{0,12}(?:已妥投|妥投|投递成功|已签收)")),
    (DateRole.HEARING, re.compile(r"[^。；]{0,15}(?:举行|召开|组织)[^。；]{0,6}听证")),
]
_LABEL_CUT = re.compile(r"[。；;]")
_NEGATED = re.compile(r"(?:未经|未|不经|没有|无|擅自)$")
_CLAUSE_CUT = re.compile(r"[。；;，,]")
_AGENCY_WORDS = re.compile(r"本机关|本局|我局|我队|我所|本所|我委|本委|我大队|本大队|执法人员|检查|接到|收到|向你|对你|作出|送达|立案|告知")
_VIOLATION_WORDS = re.compile(r"违法|违反|未|擅自|超标|超过|无证|没有|排放|生产|销售|经营|使用|存在|拒不|伪造|非法")
_PARTY_SUBJECT = re.compile(r"当事人|你单位|你公司|你店|你厂|你(?=于|在|自)|该单位|该公司|该店|该厂|其(?=于|在|自)|被检查人|经查")
_VIOLATION_LEAD = re.compile(r"(?:于|在|自|从)\s*$")
# "当事人已于4月25日缴纳罚款": what the party did after the decision, not the violation
_AFTERMATH = re.compile(r"缴纳|缴清|交纳|缴款|缴付|履行|执行完毕|收到|签收|领取|提出|申请|到案|接受|签名|签字|整改完毕|改正完毕")
_EVENT_LEAD = re.compile(r"(?:于|在|自|从|至|到|截至|截止)\s*$")
_AGENCY_SUFFIX = re.compile(
    r"(?:人民政府|政府|局|委员会|委|办公室|办事处|大队|支队|中队|分局|所|中心|厅|署|管理处|执法队|稽查队|监察队)$"
)
_SEAL = re.compile(r"[(（]\s*(?:印章|盖章|公章|章|签章|单位印章)\s*[)）]|\(?(?:印章|盖章)\)?$")
_DECISION_WORDS = re.compile(r"决定|处以|给予|作出|如下|拟|处罚")
_REFUSED = re.compile(r"拒绝签[名字收章]|拒签|拒不签[名字收章]|不愿签[名字]|拒绝在[^。]{0,10}签[名字]|拒绝确认")
_SERVED_TITLE = re.compile(
    r"《[^《》]{2,40}》|[\u4e00-\u9fa5()（）]{0,12}(?:决定书|告知书|通知书|笔录|审批表|责令改正通知书)"
)
_RECORD_SIGN_LABELS = ("被询问人签名", "被检查人签名")
_TITLE_SUFFIX = re.compile(r"(?:行政处罚|当场|不予)?[\u4e00-\u9fa5()（）]{0,12}(?:决定书|告知书|通知书|笔录|审批表|登记表|回证|报告)$")


# A new "标签：" line, or a form row "标签  值" (a table printed without its grid), is never a wrapped tail.
_LABEL_START = re.compile(
    r"\s*(?!执法证|证号|证件)[\u4e00-\u9fa5()（）]{2,12}[:：]|\s*[\u4e00-\u9fa5]{2,12}(?:[(（][^()（）]{1,10}[)）])?[ \t\u3000]+\S"
    r"|\s*[问答][:：]"
)
_PARA_END = re.compile(r"[。：:；;！？!?）)】」”]\s*$")
_INDENT = re.compile(r"^[ \t\u3000]+\S")  # a first-line indent starts a paragraph, never a wrapped tail
# "统一社会信用代码：9141…": a field whose value is a code does not run on into the next line
_CODE_FIELD_END = re.compile(r"[:：]\s*[0-9A-Za-z*×\-]{6,}$")
_CONTINUED = re.compile(r"\(续页?\)$|续页$")
_PROSE = re.compile(r"[，,、。；;]")
_QA = re.compile(r"\s*[问答][:：]")
_MAX_PRINTED_LINE = 60  # characters in one printed line of an A4 page at the smallest usual size


def _date_only(text: str) -> bool:
    """A line that is nothing but a date (a 落款 under a signature) never continues the line above."""
    if len(text) > 24:
        return False
    hits = find_dates(text, with_time=False)
    return len(hits) == 1 and len(no_spaces(text[: hits[0].start] + text[hits[0].end :])) <= 1


class _Doc:
    """A document's blocks, and its paragraphs: PDF/OCR lines wrapped mid-sentence joined back together.

    Line-based parsers (numbers, party, fields, officers) read `lines`; sentence-based ones (amounts,
    citations, clauses, dates) read `paras`. Evidence always names the block where a value starts.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        blocks = list(doc.blocks)
        if not blocks and doc.tables:
            blocks = [
                TextBlock("\t".join(row), table.position, in_table=True) for table in doc.tables for row in table.rows
            ]
        self.blocks = blocks
        self.raw = [b.text for b in blocks]
        # parsers read form rows that lost their table ("受送达人 X公司") as "受送达人：X公司"
        self.lines = form_lines(self.raw)
        self.folded = [fold(t) for t in self.lines]
        self.paras: list[str] = []
        self.para_starts: list[list[tuple[int, int]]] = []  # per paragraph: (offset, block index)
        self.para_of_block: list[int] = []
        self._join()
        self.pfolded = [fold(t) for t in self.paras]

    def _join(self) -> None:
        wrapped_len = 0
        if self.doc.file_format == "pdf" or any(b.origin == TextOrigin.OCR for b in self.blocks):
            lengths = sorted(len(t.strip()) for t, b in zip(self.lines, self.blocks, strict=True) if not b.in_table)
            if len(lengths) >= 4:
                wrapped_len = max(12, int(lengths[int(len(lengths) * 0.9) - 1] * 0.75))
        else:
            wrapped_len = self._copied_width()
        furniture = self._furniture() if wrapped_len else set()
        previous_wraps = False
        for i, (text, block) in enumerate(zip(self.lines, self.blocks, strict=True)):
            if previous_wraps and i in furniture:
                # a page number or running header between the two halves of a sentence: the sentence goes on
                self.para_of_block.append(len(self.paras) - 1)
                continue
            if (
                previous_wraps and not block.in_table and not _LABEL_START.match(text) and not _date_only(text)
                and not _INDENT.match(text)
            ):
                offset = len(self.paras[-1])
                self.paras[-1] += text.strip()
                self.para_starts[-1].append((offset, i))
            else:
                self.paras.append(text.strip() if wrapped_len else text)
                self.para_starts.append([(0, i)])
            self.para_of_block.append(len(self.paras) - 1)
            stripped = text.strip()
            previous_wraps = bool(
                wrapped_len and not block.in_table and len(stripped) >= wrapped_len and not _PARA_END.search(stripped)
                and not _CODE_FIELD_END.search(stripped)
            )

    def _furniture(self) -> set[int]:
        """Blocks that are page furniture, not text: page numbers, and running headers or footers (a line at
        the top or bottom of a page that also stands at the top or bottom of another page, or says 续页)."""
        out: set[int] = set()
        edges: dict[str, set[int]] = {}
        by_page: dict[int, list[int]] = {}
        for i, block in enumerate(self.blocks):
            if block.in_table:
                continue
            if block.position.page is not None:
                by_page.setdefault(block.position.page, []).append(i)
            elif is_page_mark(self.folded[i]):
                out.add(i)  # a page number copied into a Word file with the text around it
        for page, indexes in by_page.items():
            for i in indexes[:2] + indexes[-2:]:
                key = no_spaces(self.folded[i])
                if is_page_mark(key) or _CONTINUED.search(key):
                    out.add(i)
                elif key:
                    edges.setdefault(key, set()).add(page)
        for page, indexes in by_page.items():
            for i in indexes[:2] + indexes[-2:]:
                if len(edges.get(no_spaces(self.folded[i]), ())) > 1 and page > min(by_page):
                    out.add(i)
        return out

    def _copied_width(self) -> int:
        """The wrap length when a Word file holds text copied from a PDF (every printed line its own paragraph,
        cut mid-sentence at one width), else 0: a normal paragraph is a whole sentence or more."""
        prose = [
            t for t in (line.strip() for line, b in zip(self.lines, self.blocks, strict=True) if not b.in_table)
            if len(t) >= 16 and _PROSE.search(t) and not _QA.match(t)
        ]
        if len(prose) < 4:
            return 0
        width = sorted(len(t) for t in prose)[int(len(prose) * 0.9) - 1]
        if width > _MAX_PRINTED_LINE:
            return 0
        cut = [t for t in prose if len(t) >= 0.8 * width and not _PARA_END.search(t)]
        if len(cut) < 3 or len(cut) < 0.4 * len(prose):
            return 0
        return max(12, int(width * 0.75))

    def evidence(self, line: int, start: int = 0, end: int | None = None) -> Evidence:
        text = self.lines[line]
        if len(self.raw[line]) == len(text):
            text = self.raw[line]  # same offsets: quote the words as written
        end = len(text) if end is None else end
        return Evidence(self.doc.source_file, self.blocks[line].position, quote_span(text, start, end))

    def found(self, value, line: int, start: int = 0, end: int | None = None) -> Found:
        return Found(value, self.evidence(line, start, end))

    def pfound(self, value, para: int, start: int = 0, end: int | None = None) -> Found:
        """A value found in paragraph `para` at [start, end): evidence at the block holding `start`."""
        text = self.paras[para]
        end = len(text) if end is None else end
        block = self.para_starts[para][0][1]
        for offset, index in self.para_starts[para]:
            if offset <= start:
                block = index
        return Found(value, Evidence(self.doc.source_file, self.blocks[block].position, quote_span(text, start, end)))


def extract_document(doc: Document) -> DocFacts:
    """Everything the parsers find in one classified document."""
    d = _Doc(doc)
    facts = DocFacts(
        source_file=doc.source_file,
        kind=doc.kind,
        title=doc.title,
        position=d.blocks[0].position if d.blocks else Position(),
    )
    if not d.blocks:
        return facts
    _case_numbers(d, facts)
    _agency(d, facts)
    _party(d, facts)
    fields = extract_fields(d.lines)
    facts.fields = {label: d.found(hit.value, hit.line, *_span(d, hit)) for label, hit in fields.items()}
    if doc.kind in _NARRATIVE_KINDS:
        _narrative(d, facts)
    _officers(d, facts)
    _dates(d, facts, fields)
    _amounts(d, facts)
    _provisions(d, facts)
    _clauses(d, facts)
    if doc.kind in RECORD_KINDS or doc.kind in SPAN_KINDS:
        _signature(d, facts, fields)
    if doc.kind == DocKind.SERVICE_RECEIPT:
        _served(d, facts, fields)
    if "地点" in facts.fields:
        facts.place = facts.fields["地点"]
    elif "送达地点" in facts.fields:
        facts.place = facts.fields["送达地点"]
    return facts


# Documents whose Art. 59 / Art. 44 parts are prose: recorded as the fields the content checks look for.
_NARRATIVE_KINDS = frozenset({DocKind.DECISION, DocKind.PENALTY_NOTICE, DocKind.HEARING_NOTICE})
_NARRATIVE_PARTS = (("违法事实", find_facts), ("证据", find_evidence), ("处罚内容", find_penalty))


def _narrative(d: _Doc, facts: DocFacts) -> None:
    """违法事实, 证据 and 处罚内容 read from their typical sentences when no label names them."""
    for label, finder in _NARRATIVE_PARTS:
        if label in facts.fields:
            continue
        for i, para in enumerate(d.paras):
            text = para
            if para.rstrip().endswith((":", "：")) and i + 1 < len(d.paras):
                text = para + d.paras[i + 1]  # "作出如下行政处罚：" with the penalty on the next line
            hit = finder(text)
            if hit is None:
                continue
            if hit.start >= len(para):
                j, offset = i + 1, len(para)
                facts.fields[label] = d.pfound(hit.text(text), j, hit.start - offset, hit.end - offset)
            else:
                facts.fields[label] = d.pfound(hit.text(text), i, hit.start, min(hit.end, len(para)))
            break


def _span(d: _Doc, hit: FieldHit) -> tuple[int, int]:
    start = d.lines[hit.line].find(hit.value)
    return (start, start + len(hit.value)) if start >= 0 else (0, len(d.lines[hit.line]))


# ---------------------------------------------------------------------------------------------------- numbers


def _case_numbers(d: _Doc, facts: DocFacts) -> None:
    numbers: list[tuple[int, CaseNo]] = [
        (i, no) for i, line in enumerate(d.lines) if ("号" in line) for no in find_case_numbers(line)
    ]
    if not numbers:
        return
    kind = d.doc.kind
    head = [(i, no) for i, no in numbers if i < HEAD_BLOCKS]
    own: tuple[int, CaseNo] | None = None
    if kind == DocKind.DECISION:
        own = next((x for x in head if x[1].kind == "decision"), None) or next(
            (x for x in numbers if x[1].kind == "decision"), None
        ) or (head[0] if head and head[0][1].kind != "notice" else None)
    elif kind == DocKind.PENALTY_NOTICE:
        own = next((x for x in head if x[1].kind == "notice"), None) or next(
            (x for x in numbers if x[1].kind == "notice"), None
        ) or (head[0] if head else None)
    elif kind == DocKind.HEARING_NOTICE:
        own = next((x for x in head if x[1].kind in ("hearing", "notice")), None) or (head[0] if head else None)
    elif kind in CITING_KINDS:
        own = next((x for x in head if x[1].kind == "other"), None)
    else:
        own = next((x for x in head if x[1].kind != "decision"), None)
    if own is not None:
        i, no = own
        facts.own_no = d.found(no.text, i, no.start, no.end)
    seen = {facts.own_no.value} if facts.own_no else set()
    for i, no in numbers:
        if no.kind == "decision" and no.text not in seen:
            seen.add(no.text)
            facts.cited_case_nos.append(d.found(no.text, i, no.start, no.end))


# ---------------------------------------------------------------------------------------------------- agency


def _clean_agency(text: str) -> str:
    text = _SEAL.sub("", no_spaces(text)).strip("（）()")
    return text


def _agency(d: _Doc, facts: DocFacts) -> None:
    title = no_spaces(d.doc.title)
    for i in range(min(4, len(d.lines))):
        line = no_spaces(d.folded[i])
        if title and title in line and line.index(title) > 1:
            name = _clean_agency(line[: line.index(title)])
            if _AGENCY_SUFFIX.search(name):
                facts.agency = d.found(name, i)
                return
        m = _TITLE_SUFFIX.search(line)
        if m and m.start() == 0:
            break  # the title line: an agency would stand above it
        cleaned = _clean_agency(line)
        if 4 <= len(cleaned) <= 40 and _AGENCY_SUFFIX.search(cleaned) and ":" not in line:
            facts.agency = d.found(cleaned, i)
            return
    n = len(d.lines)
    for i in range(n - 1, max(-1, n - TAIL_BLOCKS - 1), -1):
        line = no_spaces(d.folded[i])
        for date_hit in find_dates(line, with_time=False):
            line = line.replace(line[date_hit.start : date_hit.end], "")
        cleaned = _clean_agency(line)
        if 4 <= len(cleaned) <= 40 and _AGENCY_SUFFIX.search(cleaned) and ":" not in cleaned:
            facts.agency = d.found(cleaned, i)
            return


# ---------------------------------------------------------------------------------------------------- party


_PARTY_KINDS = frozenset({DocKind.DECISION, DocKind.PENALTY_NOTICE, DocKind.HEARING_NOTICE, DocKind.PAYMENT_REMINDER})


def _party(d: _Doc, facts: DocFacts) -> None:
    limit = 30 if d.doc.kind in _PARTY_KINDS else 60
    info = parse_party(d.lines[:limit], salutation_lines=HEAD_BLOCKS if d.doc.kind in _PARTY_KINDS else 0)
    if info.name is None:
        return
    facts.party_name = d.found(info.name.value, info.name.line, info.name.start, info.name.end)
    facts.party_kind = info.kind
    if info.party_id:
        facts.party_id = d.found(info.party_id.value, info.party_id.line, info.party_id.start, info.party_id.end)
    if info.address:
        facts.party_address = d.found(info.address.value, info.address.line, info.address.start, info.address.end)
    rep = info.representative
    if rep is not None:
        facts.party_representative = d.found(rep.value, rep.line, rep.start, rep.end)


# ---------------------------------------------------------------------------------------------------- officers


# 备考表 names its 立卷人/检查人 (archive staff), covers and catalogs name nobody who acted in the case.
_NO_OFFICER_KINDS = frozenset({DocKind.REMARKS, DocKind.COVER, DocKind.CATALOG, DocKind.REGISTER})


# A 集体讨论记录's or 听证笔录's 记录人 and a 法制审核 reviewer are clerks and lawyers: only an officer named with
# a certificate number there is one who acted in the case.
_CERTIFIED_ONLY_KINDS = frozenset({DocKind.COLLECTIVE_DISCUSSION, DocKind.LEGAL_REVIEW, DocKind.HEARING_RECORD})


def _officers(d: _Doc, facts: DocFacts) -> None:
    if d.doc.kind in _NO_OFFICER_KINDS:
        return
    for hit in find_officers_in_lines(d.paras):
        if hit.cert is None and d.doc.kind in _CERTIFIED_ONLY_KINDS:
            continue
        facts.officers.append(Officer(hit.name, hit.cert, d.pfound(None, hit.line, hit.start, hit.end).evidence))


# ---------------------------------------------------------------------------------------------------- dates


def _role_before(folded: str, hit: DateHit, previous_end: int) -> DateRole | None:
    window_start = max(previous_end, hit.start - 16)
    cuts = list(_LABEL_CUT.finditer(folded, window_start, hit.start))
    if cuts:
        window_start = cuts[-1].end()
    window = folded[window_start : hit.start]
    best: tuple[int, DateRole] | None = None
    for role, pattern in _BEFORE:
        for m in pattern.finditer(window):
            if _NEGATED.search(folded, max(0, window_start + m.start() - 3), window_start + m.start()):
                continue  # "未经审批，擅自…于…": what was not done, no label of this date
            if best is None or m.end() > best[0]:
                best = (m.end(), role)
    return best[1] if best else None


def _role_after(folded: str, hit: DateHit) -> DateRole | None:
    for role, pattern in _AFTER:
        if pattern.match(folded, hit.end):
            return role
    return None


def _is_violation(folded: str, hit: DateHit) -> bool:
    before = folded[max(0, hit.start - 3) : hit.start]
    if not _VIOLATION_LEAD.search(before):
        return False
    left = max(0, hit.start - 14)
    cut = max((m.end() for m in _CLAUSE_CUT.finditer(folded, left, hit.start)), default=left)
    if _AGENCY_WORDS.search(folded, cut, hit.start):
        return False
    if _AFTERMATH.search(folded[hit.end : hit.end + 10]):
        return False
    if _PARTY_SUBJECT.search(folded, cut, hit.start):
        return True  # 当事人于…, 你单位于…: what the party did on that day
    after = folded[hit.end : hit.end + 60]
    after = _LABEL_CUT.split(after, maxsplit=1)[0]
    return bool(_VIOLATION_WORDS.search(after)) and not _AGENCY_WORDS.search(after[:6])


def _signed_line(d: _Doc, hits: list[tuple[int, DateHit]]) -> tuple[int, DateHit] | None:
    """The 落款 date: the last date in the last blocks that stands (nearly) alone on its line."""
    n = len(d.paras)
    for i, hit in reversed(hits):
        if i < n - TAIL_BLOCKS and n > TAIL_BLOCKS:
            break
        if _EVENT_LEAD.search(d.pfolded[i], 0, hit.start):
            continue  # "当事人已于6月16日缴纳罚款": a date in a sentence, not the 落款
        rest = no_spaces(d.pfolded[i][: hit.start] + d.pfolded[i][hit.end :])
        rest = _SEAL.sub("", rest)
        if len(rest) <= 24 and ":" not in rest[-6:]:
            return i, hit
    return None


def _dates(d: _Doc, facts: DocFacts, fields: dict[str, FieldHit]) -> None:
    kind = d.doc.kind
    if kind == DocKind.CATALOG:
        return  # "立案审批表  2024.3.5": a listed document's date, read from that document itself
    hits: list[tuple[int, DateHit]] = []
    roles: dict[DateRole, Found[date]] = {}

    def put(role: DateRole, i: int, hit: DateHit) -> None:
        if role not in roles:
            roles[role] = d.pfound(hit.value, i, hit.start, hit.end)

    for i, folded in enumerate(d.pfolded):
        previous_end = 0
        for hit in find_dates(folded):
            hits.append((i, hit))
            role = _role_before(folded, hit, previous_end) or _role_after(folded, hit)
            if role is None and _is_violation(folded, hit):
                role = DateRole.VIOLATION
            if role is not None:
                put(role, i, hit)
            previous_end = hit.end
    if not hits:
        facts.dates = roles
        return
    signed = _signed_line(d, hits)
    if signed:
        put(DateRole.SIGNED, *signed)
    if kind in SPAN_KINDS:
        _time_span(d, facts, hits)
        if facts.time_span is not None:
            span = facts.time_span
            roles.setdefault(DateRole.RECORD_START, Found(span.value[0].date(), span.evidence))
        else:
            put(DateRole.RECORD_START, *hits[0])
    # the document kind decides what its own date means
    own: DateRole | None = {
        DocKind.DECISION: DateRole.DECISION,
        DocKind.PENALTY_NOTICE: DateRole.NOTICE,
        DocKind.HEARING_NOTICE: DateRole.HEARING_NOTICE,
        DocKind.CLOSING_APPROVAL: DateRole.CLOSING,
        DocKind.EXTENSION_APPROVAL: DateRole.EXTENSION,
        DocKind.DECISION_APPROVAL: DateRole.APPROVAL,
    }.get(kind)
    if own is not None and own not in roles and DateRole.SIGNED in roles:
        roles[own] = roles[DateRole.SIGNED]
    if kind == DocKind.FILING_APPROVAL:
        # 立案日期 as labelled, else the date the 负责人 signed the approval ("同意立案 李四 3月4日" in the
        # 承办机构意见 above it is a proposal, not the filing)
        for label in ("立案日期", "负责人审批意见"):
            in_field = _in_field(d, hits, fields.get(label))
            if in_field:
                roles[DateRole.FILING] = d.pfound(in_field[-1][1].value, *_span_of(in_field[-1]))
                break
    if kind == DocKind.FILING_APPROVAL and DateRole.FILING not in roles:
        src = roles.get(DateRole.APPROVAL) or roles.get(DateRole.SIGNED)
        if src is None:
            i, hit = hits[-1]
            src = d.pfound(hit.value, i, hit.start, hit.end)
        roles[DateRole.FILING] = src
    elif kind == DocKind.CASE_SOURCE and DateRole.SOURCE not in roles:
        i, hit = hits[0]
        roles[DateRole.SOURCE] = d.pfound(hit.value, i, hit.start, hit.end)
    elif kind == DocKind.SERVICE_RECEIPT and DateRole.DELIVERY not in roles:
        in_field = _in_field(d, hits, fields.get("送达日期") or fields.get("受送达人签名"))
        if in_field:
            put(DateRole.DELIVERY, *in_field[-1])
        elif DateRole.SIGNED in roles:
            roles[DateRole.DELIVERY] = roles[DateRole.SIGNED]
        else:
            # the last date that no other label claims ("填发日期：…" is when the form was filled in)
            free = [(i, h) for i, h in hits if not _OTHER_DATE_LABEL.search(d.pfolded[i][max(0, h.start - 10) : h.start])]
            if free:
                put(DateRole.DELIVERY, *free[-1])
    elif kind == DocKind.HEARING_RECORD and DateRole.HEARING not in roles:
        roles[DateRole.HEARING] = roles.get(DateRole.RECORD_START) or d.pfound(hits[0][1].value, hits[0][0])
    facts.dates = roles


def _in_field(d: _Doc, hits: list[tuple[int, DateHit]], field: FieldHit | None) -> list[tuple[int, DateHit]]:
    """The dates in the paragraph holding a labelled field's value."""
    if field is None:
        return []
    return [(i, h) for i, h in hits if i == d.para_of_block[field.line]]


def _span_of(hit: tuple[int, DateHit]) -> tuple[int, int, int]:
    return hit[0], hit[1].start, hit[1].end


_OTHER_DATE_LABEL = re.compile(
    r"(?<!送达)(?<!签收)(?<!收件)(?<!收到)(?<!妥投)(?<!投递)(?:填发|制作|填表|打印|寄出|收寄|交寄|发出|作出|审批|批准|填写)"
    r"(?:日期|时间)?\s*[:：]?\s*$"
)
_START_LABEL = re.compile(r"(?:开始|起始|起)(?:时间)?\s*[:：]?\s*$")
_END_LABEL = re.compile(r"(?:结束|终止|止|至)(?:时间)?\s*[:：]?\s*$")


def _time_span(d: _Doc, facts: DocFacts, hits: list[tuple[int, DateHit]]) -> None:
    for i, folded in enumerate(d.pfolded[: HEAD_BLOCKS * 2]):
        spans = find_time_spans(folded)
        if spans:
            s = spans[0]
            facts.time_span = d.pfound((s.begin, s.finish), i, s.start, s.end)
            return
    # 开始时间：… 结束时间：… written as two labelled values
    begin = finish = None
    for i, hit in hits:
        if hit.time is None:
            continue
        window = d.pfolded[i][max(0, hit.start - 8) : hit.start]
        if begin is None and _START_LABEL.search(window):
            begin = (i, hit)
        elif begin is not None and _END_LABEL.search(window):
            finish = (i, hit)
            break
    if begin and finish:
        from datetime import datetime

        b = datetime.combine(begin[1].value, begin[1].time)  # type: ignore[arg-type]
        f = datetime.combine(finish[1].value, finish[1].time)  # type: ignore[arg-type]
        facts.time_span = d.pfound((b, f), begin[0], begin[1].start, begin[1].end)


# ---------------------------------------------------------------------------------------------------- amounts


def _amounts(d: _Doc, facts: DocFacts) -> None:
    fine: tuple[int, amounts_mod.AmountHit] | None = None
    fallback: tuple[int, amounts_mod.AmountHit] | None = None
    for i, folded in enumerate(d.pfolded):
        if "元" not in folded and "¥" not in folded:
            continue
        for hit in amounts_mod.find_amounts(folded):
            if hit.role == "range":
                continue
            facts.amounts.append(AmountPair(hit.upper, hit.figures, d.pfound(None, i, hit.start, hit.end).evidence))
            if hit.role != "fine":
                continue
            if fallback is None:
                fallback = (i, hit)
            if fine is None:
                a, b = _sentence(folded, hit.start)
                if _DECISION_WORDS.search(folded, a, b):
                    fine = (i, hit)
    _pair_form_amounts(d, facts)
    chosen = fine or fallback
    if chosen:
        i, hit = chosen
        facts.fine = d.pfound(Decimal(hit.value), i, hit.start, hit.end)


_UPPER_LABEL = re.compile(r"大写")
_FIGURES_LABEL = re.compile(r"小写")


def _pair_form_amounts(d: _Doc, facts: DocFacts) -> None:
    """金额（大写） and 金额（小写） on consecutive form rows (缴款书, 收据) are one amount written twice."""
    pairs = facts.amounts
    i = 0
    while i + 1 < len(pairs):
        a, b = pairs[i], pairs[i + 1]
        if a.upper is not None and a.figures is None and b.figures is not None and b.upper is None:
            qa, qb = fold(a.evidence.quote), fold(b.evidence.quote)
            if _UPPER_LABEL.search(qa) and _FIGURES_LABEL.search(qb) and not _FIGURES_LABEL.search(qa):
                pairs[i : i + 2] = [AmountPair(a.upper, b.figures, a.evidence)]
        i += 1


def _sentence(text: str, pos: int) -> tuple[int, int]:
    from ingest.extract.text import sentence_at

    return sentence_at(text, pos)


# ---------------------------------------------------------------------------------------------------- provisions


def _provisions(d: _Doc, facts: DocFacts) -> None:
    seen_v: set[tuple] = set()
    seen_b: set[tuple] = set()
    for i, line in enumerate(d.paras):
        if "《" not in line and "法" not in line:
            continue
        violated, basis = classify_citations(line)
        _add_citations(d, i, violated, seen_v, facts.violated)
        _add_citations(d, i, basis, seen_b, facts.penalty_basis)


def _add_citations(d: _Doc, i: int, cites: list[Citation], seen: set[tuple], out: list[Found[Provision]]) -> None:
    for c in cites:
        p = c.provision
        key = (p.law, p.article, p.clause, p.item)
        if key in seen:
            continue
        seen.add(key)
        out.append(d.pfound(p, i, c.start, c.end))


# ---------------------------------------------------------------------------------------------------- clauses


def _first_clause(d: _Doc, finder, prefer=None) -> tuple[int, ClauseHit] | None:
    """The first paragraph where `finder` finds its clause; with `prefer`, the first whose hit it accepts,
    else the first hit at all."""
    first: tuple[int, ClauseHit] | None = None
    for i, line in enumerate(d.paras):
        hit = finder(line)
        if hit is None:
            continue
        if prefer is None or prefer(hit):
            return i, hit
        first = first or (i, hit)
    return first


def _clauses(d: _Doc, facts: DocFacts) -> None:
    kind = d.doc.kind
    if kind in (DocKind.DECISION, DocKind.PENALTY_NOTICE, DocKind.HEARING_NOTICE, DocKind.PAYMENT_REMINDER):
        found = _first_clause(d, find_remedies, prefer=lambda hit: not is_remedies_heading(hit))
        if found:
            i, hit = found
            facts.remedies = d.pfound(d.paras[i][hit.start : hit.end].strip(), i, hit.start, hit.end)
            if hit.body:
                start = d.paras[i].find(hit.body, hit.start)
                facts.review_body = d.pfound(hit.body, i, start, start + len(hit.body))
        found = _first_clause(d, find_payment_terms)
        if found:
            i, hit = found
            facts.payment_terms = d.pfound(d.paras[i][hit.start : hit.end].strip(), i, hit.start, hit.end)
    if kind in (DocKind.PENALTY_NOTICE, DocKind.HEARING_NOTICE):
        found = _first_clause(d, find_defense_right)
        if found:
            i, hit = found
            facts.defense_right = d.pfound(d.paras[i][hit.start : hit.end].strip(), i, hit.start, hit.end)
            facts.defense_period_days = hit.days
        found = _first_clause(d, find_hearing_right)
        if found:
            i, hit = found
            facts.hearing_right = d.pfound(d.paras[i][hit.start : hit.end].strip(), i, hit.start, hit.end)
            if facts.defense_period_days is None:
                facts.defense_period_days = hit.days
    found = _first_clause(d, find_waiver)
    if found:
        i, hit = found
        facts.waiver = d.pfound(d.paras[i][hit.start : hit.end].strip(), i, hit.start, hit.end)


# ---------------------------------------------------------------------------------------------------- records


def _signature(d: _Doc, facts: DocFacts, fields: dict[str, FieldHit]) -> None:
    for label in _RECORD_SIGN_LABELS:
        hit = fields.get(label)
        if hit is None:
            continue
        value = hit.value
        for date_hit in find_dates(value):
            value = value.replace(value[date_hit.start : date_hit.end], "")
        value = re.sub(r"[\s:：_＿()（）年月日]", "", value)
        if value:
            facts.signed_by_party = d.found(True, hit.line, *_span(d, hit))
            return
    for i, folded in enumerate(d.folded):
        m = _REFUSED.search(folded)
        if m:
            facts.signed_by_party = d.found(True, i, m.start(), m.end())
            return
    present = labels_present(d.lines)
    for label in _RECORD_SIGN_LABELS:
        if label in present:
            for i, folded in enumerate(d.folded):
                if "签" in folded and ("被询问" in folded or "被检查" in folded or "当事人" in folded):
                    facts.signed_by_party = d.found(False, i)
                    return


def _served(d: _Doc, facts: DocFacts, fields: dict[str, FieldHit]) -> None:
    hit = fields.get("送达文书")
    if hit is not None:
        facts.served_document = d.found(hit.value, hit.line, *_span(d, hit))
        return
    for i, folded in enumerate(d.folded[1:], start=1):
        m = _SERVED_TITLE.search(folded)
        if m and "送达回证" not in m.group():
            facts.served_document = d.found(d.lines[i][m.start() : m.end()].strip(), i, m.start(), m.end())
            return
