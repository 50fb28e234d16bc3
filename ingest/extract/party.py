"""The party (当事人) block at the top of a decision or notice, or the party fields of a form.

domain.md "Party": label style (当事人：X公司) or salutation style (X公司：) followed by 统一社会信用代码,
法定代表人/负责人/经营者 and 住所/地址; individuals with 姓名, 性别, 公民身份号码, 住址; a 个体工商户 with a trade
name is the trade name (party kind individual: a natural person in law, as samplegen and the checks
expect), its operator kept as representative. Labels spread out to align a column (当 事 人：) are brought
together by `forms.form_lines` before this parser reads them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.extract.credit_code import check_code
from ingest.extract.fields import canonical_label
from ingest.extract.text import is_table_row, split_cells
from ingest.normalize import fold

_GROUPS: dict[str, tuple[str, ...]] = {
    "name": ("当事人名称", "当事人姓名", "当事人(单位)", "当事人(个人)", "当事人", "被处罚人", "被处罚单位",
             "被处罚人名称", "被处罚人姓名", "被处罚单位名称", "被处罚行为人",
             # the combined label of forms that serve both kinds of party
             "当事人姓名或者单位名称", "当事人姓名或单位名称", "当事人名称或者姓名", "当事人名称或姓名",
             "姓名或者名称", "姓名或名称", "名称或者姓名", "名称或姓名", "单位名称或姓名", "单位名称(姓名)",
             "单位名称", "企业名称", "公司名称", "名称", "被检查单位", "被检查人", "被调查单位",
             # the 生态环境/农业 records' bracketed act (被检查（勘察）单位), the 卫生 form's 被监督人
             "被检查(勘察)单位", "被检查(勘验)单位", "被检查(勘查)单位", "被监督人", "被监督单位"),
    "trade": ("个体工商户名称", "个体工商户字号", "字号名称", "字号", "商号", "店名", "店铺名称"),
    "person": ("姓名",),
    "org_id": ("统一社会信用代码", "社会统一信用代码", "社会信用代码", "信用代码", "营业执照注册号", "营业执照号码", "营业执照号",
               "注册号", "组织机构代码", "纳税人识别号"),
    # a licence named with its number (营业执照 9111…, 娱乐经营许可证 1398…): the number may be shorter than a code
    "licence_id": ("主体资格证件名称及号码", "主体资格证照名称及号码", "证照名称及号码", "证照名称及编号",
                   "证照(证件)名称及编号", "证照(证件)名称及号码", "证件名称及编号", "证件名称及号码"),
    "person_id": ("公民身份号码", "居民身份证号码", "身份证件号码", "身份证号码", "身份证号", "证件号码", "身份证"),
    "address": ("住所地", "住所", "地址", "住址", "经营场所", "经营地址", "注册地址", "联系地址", "单位地址",
                "营业场所", "家庭住址", "现住址"),
    "rep": ("法定代表人(负责人)", "法定代表人", "主要负责人", "负责人"),
    "operator": ("经营者姓名", "经营者"),
    "gender": ("性别",),
}
_LABEL_TO_GROUP = {fold(s): g for g, syns in _GROUPS.items() for s in syns}
LABEL_SYNONYMS: tuple[str, ...] = tuple(_LABEL_TO_GROUP)
_ALT = "|".join(
    re.escape(s).replace(r"\(", r"\s*\(\s*").replace(r"\)", r"\s*\)\s*")
    for s in sorted(_LABEL_TO_GROUP, key=len, reverse=True)
)
# A parenthetical after the label (统一社会信用代码（身份证件号码）：) names the same field; 当事人（签名）
# is where the party signs, not its name.
# A label in brackets, as a template's placeholder left in place ((公司名称)：X公司), closes before its colon.
_LABEL = re.compile(rf"(?:^|(?<=[\s,，;；。|(]))(?P<label>{_ALT})(?:\s*[(（](?![^()（）]*[签章印])[^()（）:：]{{1,12}}[)）])?"
                    r"\)?\s*[:：]\s*")
_ID_GROUPS = ("org_id", "licence_id", "person_id")
# "身份证号码120224…": an identity label straight before its code, without a colon
_ID_ALT = "|".join(re.escape(k) for k, g in sorted(_LABEL_TO_GROUP.items(), key=lambda kv: -len(kv[0]))
                   if g in _ID_GROUPS)
_ID_LABEL_BARE = re.compile(
    rf"(?:^|(?<=[\s,，;；。|(]))(?P<label>{_ID_ALT})\s*(?=[0-9A-Z][0-9A-Za-z*]{{14,17}}(?![0-9A-Za-z*]))"
)
_LABEL_NOTE = re.compile(r"\((?![^()]*[签章印])[^()]{1,12}\)$")  # not 当事人(签名): a signature
# a value ends at punctuation, a wide gap, another "标签：" after a space (当事人：X公司 参加人：Y, 被监督人：X公司
# 法定代表人/负责人：Y), or the body
# of the decision after a space (当事人:张德利 你未经依法批准…, on pages that run the heading into the text)
_VALUE_END = re.compile(r"[,，;；。|?？]|\s{2,}|\s+(?=[\u4e00-\u9fa5()（）/／]{2,12}\s*[:：])"
                        # a form's next label after one space, without a colon: 被处罚人姓名 潘某 性别 男 出生日期 …
                        r"|\s+(?=(?:性别|民族|出生日期|出生年月|年龄|身份证件?号码?|工作单位|职业|现住址|住址|联系电话)(?:\s|[:：]|$))"
                        r"|\s+(?=你|您|该(?:单位|公司|店)|经查|现查明|本(?:局|机关|所)|我(?:局|所|队)|于?\d{4}年)")
_ORG_SUFFIX = re.compile(
    r"(?:公司|厂|店|部|中心|合作社|社|协会|学会|医院|诊所|卫生室|学校|幼儿园|酒店|宾馆|饭店|旅馆|馆|超市|所|站|行|坊|"
    r"场|院|园|处|队|局|委员会|集团|企业|门市|商行|工作室|餐厅|药房|农场|基地|银行|会|室|铺|屋|吧|城|楼|堂|庄|"
    r"作坊|加工点|档口|门店|分店|网吧|诊所)$"
)
_PERSON_NAME = re.compile(r"^[\u4e00-\u9fa5·]{2,5}$")
_GENDER = re.compile(r"(?:^|[,，\s])(男|女)(?:[,，\s]|$)")
_SALUTATION = re.compile(r"^\s*(?P<name>[^:：,，。；;、\s]{2,50})\s*[:：]\s*(?P<rest>.*)$")
_NOT_SALUTATION = re.compile(r"^当事人|情况|概况|如下|查明|经查|事实|证据|依据|理由|决定|告知|根据|依照|附件|抄送|备注|说明|意见|问|答|"
                             r"日期|时间|地点|电话|编号|文号|邮编|签名|签字|盖章|"
                             # a web page's furniture above a published decision
                             r"作者|发布|来源|浏览|点击|打印|分享|字号")
# what follows a representative's or contact's label describes that person, not the party (负责人：申某，女)
_PERSON_TAIL = re.compile(r"(?:法定代表人|主要负责人|负责人|经营者|委托代理人|代理人|联系人).*$")
# "钱某某（X副食店经营者）": the operator named, the trade name in brackets
_OPERATOR_NOTE = re.compile(r"^\s*(?P<trade>[^()（）]{2,40}?)\s*的?(?:经营者|业主|投资人)\s*$")
_TRAILING_NOTE = re.compile(r"\s*[(（](?P<note>[^()（）]*)[)）]\s*$")
# "社会统一信用代码：…" is a label nobody listed, not a salutation: a salutation names a party, never a field
_LABEL_WORD_END = re.compile(r"(?:代码|号码|编号|证号|名称|地址|住所|住址|电话|代表人|负责人|经营者|当事人|性别|民族|职务|"
                             r"邮编|场所|日期|时间|联系人|代理人|见证人|记录人|签收人|经办人|承办人|送达人|人员)$")
# "X公司（统一社会信用代码：…）：" — a salutation whose code is written in brackets after the name, or after its
# colon ("X公司：（纳税人识别号：…）", as tax decisions write it)
_SALUTATION_NOTE = re.compile(r"^\s*(?P<name>[^:：,，。；;、\s()]{2,50})\s*(?:\([^()]*\)\s*[:：]|[:：]\s*\([^()]*\))\s*$")
_BODY_START = re.compile(r"经查|现查明|违法事实|本机关于|本局于|我局于|本机关在|一、|你(?:单位|公司|店)?于")
_CODE = re.compile(r"[0-9A-Za-z*×＊]{15,18}")
# a code a publisher masked and shortened (911201**3307): only as the whole value of an identity label
_MASKED_CODE = re.compile(r"\s*[0-9A-Za-z]{2,17}[*×＊]+[0-9A-Za-z*×＊]{0,16}(?![0-9A-Za-z*×＊])")
_LICENCE_NO = re.compile(r"(?<![0-9A-Za-z*×＊])(?=[0-9A-Za-z*×＊]*\d{4})[0-9A-Za-z*×＊\-]{8,20}")
# "统一社会信用代码：" closing a line, its code on the next one (a PDF line wrap, or a table's next row)
_ID_LABELS = "|".join(re.escape(k) for k, g in sorted(_LABEL_TO_GROUP.items(), key=lambda kv: -len(kv[0]))
                      if g in _ID_GROUPS)
_PERSON_ID_LABELS = frozenset(k for k, g in _LABEL_TO_GROUP.items() if g == "person_id")
_ID_LABEL_OPEN = re.compile(rf"(?P<label>{_ID_LABELS})(?:\s*\([^()]{{1,12}}\))?\s*[:：(][^0-9A-Za-z*]{{0,12}}$"
                            rf"|^\s*(?P<label_alone>{_ID_LABELS})\s*$")
_CODE_AT_START = re.compile(r"^[\s(]*(?P<code>[0-9A-Za-z*×＊]{8,18})(?![0-9A-Za-z*×＊])")
_SPACED_CODE = re.compile(r"[0-9A-Za-z*]{2,8}(?: [0-9A-Za-z*]{2,8}){2,8}")  # 9111 0105 MA01 RK20 2X


@dataclass(frozen=True, slots=True)
class PartyField:
    value: str
    line: int
    start: int
    end: int


@dataclass(slots=True)
class PartyInfo:
    name: PartyField | None = None
    kind: str | None = None  # organisation | individual
    party_id: PartyField | None = None
    address: PartyField | None = None
    representative: PartyField | None = None  # 法定代表人 / 负责人 / operator of a 个体工商户
    operator: PartyField | None = None
    trade_name: PartyField | None = None
    notes: list[str] = field(default_factory=list)


_NAME_LABELS = "|".join(re.escape(k) for k, g in sorted(_LABEL_TO_GROUP.items(), key=lambda kv: -len(kv[0]))
                        if g in ("name", "trade", "person"))
# "当事人：" with nothing after it, or a form's label cell alone on its line ("姓名或名称" over "X网吧")
_EMPTY_NAME_LABEL = re.compile(rf"^\s*(?:{_NAME_LABELS})\s*[:：]?\s*$")
_NAME_LINE = re.compile(r"^\s*(?P<name>[^:：,，。；;、\s]{2,50})\s*$")
_NUMBER_LIKE = re.compile(r"[〔\[(（【［]\s*(?:19|20)\d{2}|号\s*$")  # a 文号 line is never a party's name


def _is_salutation(name: str) -> bool:
    """Whether the words before a line's colon may name the party (not a heading, not a field label)."""
    return not (_NOT_SALUTATION.search(name) or _LABEL_WORD_END.search(name) or fold(name) in _LABEL_TO_GROUP
                or canonical_label(name) is not None)  # 案件来源：举报 is a form's field, not a party saluted


def _unclosed(folded: str) -> bool:
    """A bracket opened on the line and not closed on it."""
    return folded.count("(") > folded.count(")")


def _closes_earlier(folded: str) -> bool:
    """The line closes a bracket before opening one: it continues the line above."""
    close, open_ = folded.find(")"), folded.find("(")
    return close >= 0 and (open_ < 0 or close < open_)


def _name_line(line: str) -> str | None:
    """The line after an empty "当事人：", when it is nothing but a name."""
    m = _NAME_LINE.match(fold(line))
    if not m or not _is_salutation(m["name"]):
        return None
    name = line[m.start("name") : m.end("name")]
    bare = _TRAILING_NOTE.sub("", fold(name))
    return name if is_organisation_name(bare) or _PERSON_NAME.match(bare) else None


def is_organisation_name(name: str) -> bool:
    return bool(_ORG_SUFFIX.search(name)) or len(name) > 5


def _strip_note(value: str, start: int) -> tuple[str, int, str | None]:
    """'X店（个体工商户）' → ('X店', end, '个体工商户'); 'X公司（以下简称X）' likewise."""
    m = _TRAILING_NOTE.search(value)
    if m and (len(m["note"]) <= 12 or "简称" in m["note"] or _OPERATOR_NOTE.match(m["note"])):
        inner = value[: m.start()].rstrip()
        if inner and not inner.endswith(("(", "（")):
            return inner, start + len(inner), m["note"]
    return value, start + len(value), None


def _segments(line: str) -> list[tuple[str, int, int, str]]:
    """(group, value start, value end, label) for each labelled party field on one line."""
    out: list[tuple[str, int, int, str]] = []
    folded = fold(line)
    if is_table_row(line):
        cells = split_cells(line)
        pos = 0
        for i, cell in enumerate(cells):
            key = re.sub(r"\s+", "", fold(cell)).rstrip(":：")
            group = _LABEL_TO_GROUP.get(key) or _LABEL_TO_GROUP.get(_LABEL_NOTE.sub("", key))
            if group and i + 1 < len(cells) and cells[i + 1] and _LABEL_TO_GROUP.get(
                re.sub(r"\s+", "", fold(cells[i + 1])).rstrip(":：")
            ) is None:
                start = line.find(cells[i + 1], pos)
                if start >= 0:
                    out.append((group, start, start + len(cells[i + 1]), key))
            pos = max(pos, line.find(cell, pos) if cell else pos)
        if out:
            return out
    matches = sorted([*_LABEL.finditer(folded), *_ID_LABEL_BARE.finditer(folded)], key=lambda m: m.start())
    for i, m in enumerate(matches):
        label = re.sub(r"\s+", "", m["label"])
        group = _LABEL_TO_GROUP[label]
        limit = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        end_m = _VALUE_END.search(folded, m.end(), limit)
        end = _balanced_end(folded, m.end(), end_m.start() if end_m else limit)
        value = line[m.end() : end].strip()
        if value:
            out.append((group, m.end(), m.end() + len(line[m.end() : end].rstrip()), label))
    return out


def _balanced_end(folded: str, start: int, end: int) -> int:
    """Where a value in folded[start:end] really ends: before a ")" it did not open (the label sat inside
    brackets: "X店（经营者：吴某）"), and without an opening bracket left dangling at its end ("X店（")."""
    depth = 0
    opened = -1  # where the outermost bracket still open was opened
    for pos in range(start, end):
        ch = folded[pos]
        if ch == "(":
            if depth == 0:
                opened = pos
            depth += 1
        elif ch == ")":
            if depth == 0:
                end = pos
                break
            depth -= 1
    if depth > 0 and opened > start:
        end = opened  # "X厂（李某，410…）": a comma inside the brackets ended the value, the name is before them
    while end > start and folded[end - 1] in "( \t":
        end -= 1
    return end


def _code_in(value: str, licence: bool = False) -> tuple[int, int] | None:
    """(start, end) of the identity code in a field value, also when written in spaced groups; in a licence
    field (`licence`), the licence's number, which may be shorter than a code."""
    folded = fold(value)
    m = _CODE.search(folded) or (_LICENCE_NO.search(folded) if licence else None) or _MASKED_CODE.match(folded)
    if m:
        return m.start(), m.end()
    m = _SPACED_CODE.search(folded)
    if m and len(m.group().replace(" ", "")) in (15, 18):
        return m.start(), m.end()
    return None


def parse_party(lines: Sequence[str], salutation_lines: int = 12) -> PartyInfo:
    """The party named in `lines` (a document's top lines or a form's rows)."""
    info = PartyInfo()
    person_name: PartyField | None = None
    seen_body = False
    gender = False
    pending_name = False  # the line before was "当事人：" with nothing after it
    bare_line: tuple[int, PartyField] | None = None  # the line before was a name and nothing else
    named_by_salutation = False  # the name came from "X公司：": a labelled 当事人 found later replaces it
    second_party = False
    previous = -1  # index of the last non-empty line
    id_open: re.Match | None = None  # the line before ended with an identity label and no code
    legal_rep = False  # a 法定代表人 was named above
    # a block that says 个体工商户 or names an 经营者 describes one party, however many names it gives
    sole_trader = any("个体工商户" in line or "经营者" in line for line in lines[:salutation_lines])
    trade_id = False  # the business was named after its operator: its code, not the operator's ID, is the party's
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        segments = _segments(line)
        for group, start, end, _label in segments:
            raw = line[start:end]
            value, value_end, note = _strip_note(raw.strip(), start + (len(raw) - len(raw.lstrip())))
            hit = PartyField(value, index, start + (len(raw) - len(raw.lstrip())), value_end)
            if group == "name" and info.name is not None and not named_by_salutation and index > info.name.line:
                if sole_trader and info.trade_name is None and is_organisation_name(value) and not is_organisation_name(
                        info.name.value):
                    # a 个体工商户's form: the operator (被处罚人姓名) and then the business (单位名称): one party
                    info.trade_name, trade_id = hit, True
                    continue
                second_party = True  # "当事人：张某" after the first party's block: another party, not this one
                break
            if group == "name" and (info.name is None or named_by_salutation):
                info.name, named_by_salutation = hit, False
                if note:
                    info.notes.append(note)
                    trade = _OPERATOR_NOTE.match(note)
                    if trade and info.trade_name is None and _PERSON_NAME.match(value) and is_organisation_name(
                        trade["trade"]
                    ):
                        s = line.find(trade["trade"], hit.end)
                        info.trade_name = PartyField(trade["trade"], index, s, s + len(trade["trade"]))
            elif group == "trade" and info.trade_name is None:
                info.trade_name = hit
            elif group == "person" and person_name is None:
                person_name = hit
            elif group in _ID_GROUPS and (info.party_id is None or (trade_id and group == "org_id")):
                code = _code_in(value, licence=group == "licence_id")
                if code:
                    s = hit.start + code[0]
                    info.party_id = PartyField(value[code[0] : code[1]], index, s, s + code[1] - code[0])
                    if group == "person_id" and not legal_rep:
                        gender = True  # an identity-card number marks an individual (not a representative's)
            elif group == "address" and info.address is None:
                info.address = hit
            elif group == "rep" and info.representative is None:
                info.representative = hit
            elif group == "operator" and info.operator is None:
                info.operator = hit
            elif group == "gender":
                gender = True
        if second_party:
            break
        if info.party_id is None and id_open and index == previous + 1:
            m = _CODE_AT_START.match(fold(line))
            if m:
                info.party_id = PartyField(m["code"], index, m.start("code"), m.end("code"))
                label = id_open["label"] or id_open["label_alone"]
                gender = gender or (label in _PERSON_ID_LABELS and not legal_rep)
        id_open = _ID_LABEL_OPEN.search(fold(line)) if info.party_id is None else None
        # only an organisation has a 法定代表人: a personal identity number after one is the representative's
        legal_rep = legal_rep or fold(line).lstrip().startswith("法定代表人")
        if (info.name is None and person_name is None and bare_line is not None and bare_line[0] == previous
                and any(g in ("org_id", "person_id", "rep", "operator") for g, *_ in segments)):
            # a party block without a 当事人 label: the name alone on the line above its code or representative
            info.name = bare_line[1]
        bare_line = None
        if not segments and not seen_body and index < salutation_lines and not _NUMBER_LIKE.search(line):
            name = _name_line(line)
            if name is not None:
                s = line.find(name)
                value, value_end, _note = _strip_note(name, s)
                bare_line = (index, PartyField(value, index, s, value_end))
        previous = index
        if info.name is None and person_name is None and pending_name and not segments:
            # "当事人：" with the name on the next line
            name = _name_line(line)
            if name is not None:
                s = line.find(name)
                value, value_end, note = _strip_note(name, s)
                info.name = PartyField(value, index, s, value_end)
                if note:
                    info.notes.append(note)
        pending_name = not segments and _EMPTY_NAME_LABEL.match(fold(line)) is not None
        if info.name is None and person_name is None and not seen_body and index < salutation_lines:
            folded_line = fold(line)
            m = None if segments else _SALUTATION.match(folded_line)
            if m and _CODE.match(m["rest"].strip()):
                m = None  # "社会统一信用代码：9143…": an unlisted label with its value, not a party saluted
            m = m or _SALUTATION_NOTE.match(folded_line)
            if m is None and _unclosed(folded_line) and index + 1 < len(lines):
                # "X经营部（经营者田某，地址：…滨" + "江大道8号）：": a salutation wrapped inside its brackets
                m = _SALUTATION_NOTE.match(folded_line + fold(lines[index + 1]).strip())
            if m and _closes_earlier(folded_line):
                m = None  # "江大道8号）：" closes a bracket opened on the line above: its tail, not a salutation
            if m and _is_salutation(m["name"].strip()):
                name = m["name"].strip()
                if is_organisation_name(name) or _PERSON_NAME.match(name):
                    s = line.find(name[0]) if name else 0
                    value, value_end, note = _strip_note(line[s : s + len(name)], s)
                    info.name, named_by_salutation = PartyField(value, index, s, value_end), True
        if _BODY_START.search(fold(line)) and index > 0:
            seen_body = True
        if _GENDER.search(_PERSON_TAIL.sub("", fold(line))) and (info.name or person_name):
            gender = True
    if info.name is None and person_name is not None:
        info.name = person_name
    code = check_code(info.party_id.value) if info.party_id is not None else None
    # a masked number cannot tell a code from an identity card: then its label (身份证号码) and 性别 decide
    org_id = code is not None and code.kind in ("uscc", "registration_no") and not (code.status == "masked" and gender)
    sole_trader = info.trade_name is not None or info.operator is not None or "个体工商户" in info.notes or (
        info.party_id is not None and fold(info.party_id.value).startswith("92")
    )
    if info.trade_name is not None:
        # 个体工商户: the trade name is the party; the operator (or the person named) is kept
        operator = info.operator or (info.name if info.name and info.name.value != info.trade_name.value else None)
        info.operator = operator
        info.name = info.trade_name
    if info.operator and not info.representative:
        info.representative = info.operator
    if info.name is not None:
        # a 个体工商户 is a natural person in law (its operator answers for it): kind individual
        if sole_trader:
            info.kind = "individual"
        elif org_id or (is_organisation_name(info.name.value) and not gender):
            info.kind = "organisation"
        else:
            info.kind = "individual"
    return info
