"""Labelled form fields (立案审批表, 送达回证, 笔录 headers …): label → value, in text or table rows.

Used for the 要素齐全 checks (checklist R03, R05, R06, R19). Labels vary between units, so each canonical
label (as the checklist names it) has synonyms. Text lines need a colon ("当事人：X公司   案件来源：举报");
table rows ("当事人 | X公司 | 案件来源 | 举报") need none; a header row of labels over a row of values is
read column by column. A label read with nothing filled in is recorded with an empty value: that blank is the
positive evidence a missing element needs (a label never found tells nothing: it may be wrapped or renamed).
A filled-in value of the same label found later replaces a blank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.extract.text import is_table_row, split_cells
from ingest.normalize import fold

# canonical label -> synonyms (whitespace-free, folded). Longer synonyms are tried first.
LABELS: dict[str, tuple[str, ...]] = {
    "当事人": ("当事人", "当事人名称", "当事人姓名", "当事人(单位)", "被处罚人", "被处罚单位", "当事人姓名或名称",
             "当事人名称或姓名", "单位名称", "企业名称", "被检查单位", "被检查单位(人)", "被调查单位"),
    "案件来源": ("案件来源", "案源", "案件来源方式", "线索来源", "来源"),
    "案由": ("案由", "简要案情", "案情摘要", "基本案情", "简要案情及立案理由", "案情简介", "主要违法事实",
           "违法事实", "案件名称"),
    # 承办人意见 is an opinion box ("建议立案调查。"), not the officers in charge: it names nobody
    "承办人": ("承办人", "承办人员", "办案人员", "办案人", "经办人", "主办人", "协办人"),
    "承办机构意见": ("承办机构意见", "承办部门意见", "执法机构意见", "科室意见", "部门负责人意见", "承办人意见"),
    "负责人审批意见": ("负责人审批意见", "负责人意见", "机关负责人意见", "审批意见", "领导审批意见", "局领导意见",
                "批准意见", "审批人意见", "负责人审批", "分管负责人意见", "主要负责人意见"),
    "立案日期": ("立案日期", "立案时间", "批准立案日期"),
    "登记日期": ("登记日期", "登记时间", "受理日期", "受理时间", "接报时间", "发现时间", "举报时间", "投诉时间"),
    "送达文书": ("送达文书", "送达文书名称", "送达文书名称及文号", "送达文书及文号", "文书名称", "送达文件",
             "送达文书名称文号", "文书名称及文号"),
    "受送达人": ("受送达人", "受送达人名称", "受送达单位", "受送达人(单位)"),
    "送达方式": ("送达方式",),
    "送达地点": ("送达地点", "送达地址", "送达处所"),
    "送达日期": ("送达日期", "送达时间", "送达时间及日期", "签收日期", "签收时间", "收件日期", "收件时间", "收到日期",
             "妥投时间", "妥投日期"),
    "受送达人签名": ("受送达人签名", "受送达人签字", "受送达人(签名)", "受送达人签名或盖章", "受送达人签章",
                "签收人", "签收人签名", "收件人签名", "收件人", "受送达人签收", "签收",
                # the on-the-spot form's receipt field (行政处罚法第五十二条: 当场交付当事人)
                "当事人签收", "被处罚人签收", "被处罚人签名", "当事人签收及日期", "当事人(签收)"),
    "代收人": ("代收人", "代收人签名", "代收人及代收理由"),
    "见证人": ("见证人", "见证人签名", "见证人签字"),
    "拒收说明": ("拒收事由", "拒收原因", "拒收理由", "拒收情况", "拒绝签收原因", "留置送达情况"),
    "送达人": ("送达人", "送达人签名", "送达人员"),
    "时间": ("时间", "检查时间", "检查(勘验)时间", "检查(勘察)时间", "检查(勘查)时间", "询问时间", "调查时间", "勘验时间", "起止时间", "询问起止时间", "检查起止时间"),
    "开始时间": ("开始时间",),
    "结束时间": ("结束时间",),
    "地点": ("地点", "检查地点", "检查(勘验)地点", "检查(勘察)地点", "检查(勘查)地点", "询问地点", "调查地点", "勘验地点", "检查场所"),
    "检查人": ("检查人", "检查人员", "勘验人", "勘验人员", "检查(勘验)人员", "检查(勘验)人", "检查(勘察)人"),
    "询问人": ("询问人", "调查人", "调查人员", "询问人员"),
    "执法人员": ("执法人员", "执法人员及执法证号", "执法人员及证号"),
    "记录人": ("记录人", "记录员"),
    "被检查人": ("被检查人", "被检查单位负责人", "现场负责人", "被检查人姓名", "被勘验人"),
    "被询问人": ("被询问人", "被调查人", "被询问人姓名", "被调查人姓名"),
    "被检查人签名": ("被检查人签名", "被检查人签字", "被检查人(签名)", "被检查单位签名", "现场负责人签名",
                "被检查(勘验)人签名", "当事人签名", "当事人签字", "当事人(签名)", "被勘验人签名",
                # sector forms: 农业 当事人签名或盖章, 应急 被检查单位现场负责人（签名）, 生态环境 the party's
                # opinion box it signs with 记录属实, name and date (环境行政执法文书制作指南)
                "当事人签名或盖章", "被检查人签名或盖章", "被检查单位意见及签名", "被检查单位现场负责人(签名)",
                "被检查单位负责人(签名)", "被检查(勘察)单位意见", "被检查(勘验)单位意见", "被检查单位对上述记录的意见"),
    "被询问人签名": ("被询问人签名", "被询问人签字", "被询问人(签名)", "被调查人签名", "被调查人签字"),
    "文号": ("文号", "编号", "决定书文号", "案号", "处罚决定书文号"),
    "结案日期": ("结案日期", "结案时间"),
    "审批日期": ("审批日期", "批准日期", "审批时间"),
    "执行情况": ("执行情况", "履行情况", "执行结果", "处罚执行情况"),
    "处罚决定日期": ("处罚决定日期", "决定日期", "作出处罚决定日期"),
    # the on-the-spot form (当场行政处罚决定书)
    "违法时间": ("违法时间", "违法行为时间", "违法日期", "违法行为发生时间"),
    "违法地点": ("违法地点", "违法行为地点", "违法行为发生地点", "违法行为发生地"),
    "当事人意见": ("当事人意见", "当事人陈述申辩意见", "陈述申辩意见", "当事人陈述、申辩", "当事人陈述申辩",
              "当事人陈述和申辩", "陈述申辩情况"),
    "备案日期": ("备案日期", "备案时间"),
    # 行政检查 (checklist-inspection.md): the approval's, notice's and record's own boxes
    "检查依据": ("检查依据", "检查的依据", "行政检查依据"),
    "检查事项": ("检查事项", "检查内容", "检查项目", "行政检查事项"),
    "检查结果": ("检查结果", "检查结论", "检查情况及结果", "检查处理意见"),
    "检查人员签名": ("检查人员签名", "检查人员签字", "检查人员(签名)", "检查人签名", "执法人员签名", "执法人员签字",
               "执法人员(签名)", "执法人员签名或盖章", "检查(勘察)人签名", "检查(勘验)人签名", "检查(勘验)人员签名",
               "卫生监督员签名", "监督员签名"),
}

_TO_CANON: dict[str, str] = {}
for _canon, _synonyms in LABELS.items():
    for _s in _synonyms:
        _TO_CANON[fold(_s)] = _canon
_ALTS = sorted(_TO_CANON, key=len, reverse=True)
_ALT_PATTERN = "|".join(re.escape(a).replace(r"\(", r"\s*\(\s*").replace(r"\)", r"\s*\)\s*") for a in _ALTS)
# A label in running text: at the start (after a heading's number: 三、检查依据：, (二)检查事项：, 3.检查人员：) or
# after a separator, then a colon.
_ENUMERATOR = r"(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、．])"
_TEXT_LABEL = re.compile(rf"(?:^{_ENUMERATOR}?|(?<=[\s,，;；。|]))(?P<label>{_ALT_PATTERN})\s*[:：]")
_SPACED = re.compile(r"\s+")
_BLANK = re.compile(r"^[\s_＿.…·\-—:：/()（）年月日时分]*$")
_UNDERSCORES = re.compile(r"[_＿]{2,}")
_OTHER_LABEL = re.compile(r"\s+[\u4e00-\u9fa5()]{2,10}\s*:")


@dataclass(frozen=True, slots=True)
class FieldHit:
    label: str  # canonical
    value: str  # as written, stripped
    line: int


def canonical_label(cell: str) -> str | None:
    """The canonical label a table cell or text label stands for, or None."""
    key = _SPACED.sub("", fold(cell)).rstrip(":：")
    key = key.replace("（", "(").replace("）", ")")
    return _TO_CANON.get(key)


def clean_value(value: str) -> str:
    """A field value without blank-line underscores; '' when nothing was filled in."""
    value = _UNDERSCORES.sub(" ", value).strip(" \t:：,，;；|")
    return "" if _BLANK.match(value) else value


def _put(out: dict[str, FieldHit], hit: FieldHit) -> None:
    """The first filled-in value of a label wins; a blank is kept only until a value turns up."""
    known = out.get(hit.label)
    if known is None or (not known.value and hit.value):
        out[hit.label] = hit


def _from_text(line: str, index: int, out: dict[str, FieldHit]) -> None:
    folded = fold(line)
    matches = list(_TEXT_LABEL.finditer(folded))
    for i, m in enumerate(matches):
        canon = canonical_label(m["label"])
        if canon is None:
            continue
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        other = _OTHER_LABEL.search(folded, m.end(), end)  # 当事人：X公司 参加人：Y (参加人 is no field here)
        value = clean_value(line[m.end() : other.start() if other else end])
        _put(out, FieldHit(canon, value, index))


def _from_row(cells: list[str], index: int, out: dict[str, FieldHit]) -> None:
    i = 0
    while i < len(cells):
        canon = canonical_label(cells[i])
        if canon is None:
            # "当事人：X公司" inside a single cell
            _from_text(cells[i], index, out)
            i += 1
            continue
        value = ""
        j = i + 1
        while j < len(cells) and canonical_label(cells[j]) is None:
            value = clean_value(cells[j])
            if value:
                break
            j += 1
        _put(out, FieldHit(canon, value, index))
        i = j if j > i + 1 and not value else i + 1


def extract_fields(lines: Sequence[str]) -> dict[str, FieldHit]:
    """canonical label → its first filled-in value ('' when only read blank), from text lines and table rows."""
    out: dict[str, FieldHit] = {}
    header: list[str | None] | None = None
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if is_table_row(line):
            cells = split_cells(line)
            labels = [canonical_label(c) for c in cells]
            if header is not None and len(cells) == len(header) and not any(labels):
                for canon, cell in zip(header, cells, strict=True):
                    if canon:
                        _put(out, FieldHit(canon, clean_value(cell), index))
                header = None
                continue
            header = labels if len(cells) >= 2 and all(labels) else None
            _from_row(cells, index, out)
        else:
            header = None
            _from_text(line, index, out)
    return out


def blank_in_tables(rows: Sequence[Sequence[str]]) -> list[str]:
    """Canonical labels whose value cell, right of them in a table, is empty: a form's row left blank (a
    workbook's text lines drop trailing empty cells, its table rows keep them)."""
    out: list[str] = []
    for row in rows:
        for i, cell in enumerate(row[:-1]):
            canon = canonical_label(cell) if cell.strip() else None
            if canon and not clean_value(row[i + 1]) and canon not in out:
                out.append(canon)
    return out


def labels_present(lines: Sequence[str]) -> set[str]:
    """Canonical labels that appear at all (filled in or not): tells a blank field from an absent one."""
    present: set[str] = set()
    for line in lines:
        folded = fold(line)
        for m in _TEXT_LABEL.finditer(folded):
            canon = canonical_label(m["label"])
            if canon:
                present.add(canon)
        if is_table_row(line):
            for cell in split_cells(line):
                canon = canonical_label(cell)
                if canon:
                    present.add(canon)
    return present
