"""An inspection file's facts (行政检查, checklist-inspection.md): whether the record says the officers showed
their certificates (行政处罚法第五十五条; 河南省行政执法条例第二十四条), and whether the notice or record tells the
inspected party its rights (申请回避、陈述申辩) and the inspection's basis or items (司法部文书格式: 告知).

Kept apart from the on-the-spot form's reader, which finds the same words on its pre-printed form: here they are
a sentence of the 现场检查笔录 ("执法人员向被检查人出示了执法证件", "已亮证", the 生态环境 form's "这是我们的执法
证件，请过目确认：☑") or a ticked box of the 检查通知书.
A sentence that denies it (未出示, 没有出示) or an unticked box is no statement. Each value keeps its evidence.
"""

from __future__ import annotations

import re

from ingest.extract.dates import find_dates
from ingest.extract.facts_on_the_spot import option_box
from ingest.extract.layout import Layout
from ingest.glossary import DocKind
from ingest.model import DateRole, DocFacts, TextOrigin

# the 现场笔录 of a coercive measure records the same step (行政强制法第十八条第（三）项)
INSPECTION_KINDS = frozenset({DocKind.INSPECTION_RECORD, DocKind.INSPECTION_NOTICE, DocKind.SEIZURE_RECORD})

_SHOWN = re.compile(r"(?<!未)(?<!没有)(?<!不)(?:出示|亮明|亮)(?:了)?(?:各自的|各自)?(?:有效)?(?:的)?(?:行政)?(?:执法)?"
                    r"(?:证件|证|身份证件|执法证|检查证|监督证)"
                    # the form books' line "这是我们的执法证件（出示）", the bracket noting the act
                    r"|(?:证件|执法证)\s*[（(]\s*(?:已)?(?:出示|亮证)\s*[）)]")
# The 生态环境 record's printed sentence, said while handing the certificate over: "这是我们的执法证件（执法证
#编号：…），请过目确认" — a statement that they were shown, unless its 请过目确认 box is left unticked.
_SAID_WHILE_SHOWING = re.compile(r"这是我们的(?:行政)?执法证(?:件)?")
_CONFIRM_BOX = re.compile(r"[^。]*?过目确认\s*[:：]?\s*(?P<box>[□☐☑■√✓])")
_UNTICKED = "□☐"
# 扫码入企 / 亮码检查: where a province runs an 执法码, scanning it stands for the 检查通知书 (a denial is no statement)
_CODE_SHOWN = re.compile(r"(?<!未)(?<!没有)(?<!不)(?:扫码亮证|扫码入企|扫(?:描)?(?:了)?(?:行政)?执法码|亮码|出示(?:了)?(?:行政)?执法码)")
# the rights a 检查通知书 or 检查笔录 tells (司法部文书格式: 告知、回避申请、权利救济)
_RIGHTS = re.compile(r"(?<!未)(?<!没有)(?:申请|要求)(?:[^，。；]{0,8})?回避|回避(?:的)?权利|陈述(?:和|、|及)?申辩|(?:复议|诉讼)的?权利")
# its basis or items: 根据《…》, 依据…规定, 检查事项（为）, a 检查依据/检查事项 line
_BASIS = re.compile(r"(?:根据|依据|依照)《[^》]{2,40}》|检查(?:事项|内容|项目|依据)(?:为|是|：|:)")
_TOLD_KINDS = frozenset({DocKind.INSPECTION_RECORD, DocKind.INSPECTION_NOTICE})
# a 责令改正通知书's deadline (行政处罚法第二十八条: 责令改正 with a period the 复查 follows)
_DEADLINE = re.compile(r"(?:立即|当即|马上)(?:停止|改正|整改|纠正)|(?:于|在)[^。；]{1,24}?(?:前|之前|以前|内|以内)[^。；]{0,6}?"
                       r"(?:改正|整改|纠正|完成)|限期[^。；]{0,16}?(?:改正|整改|纠正)|(?:改正|整改)期限|"
                       r"[\d一二三四五六七八九十]+(?:日|天|个工作日)(?:内|以内)[^。；]{0,6}?(?:改正|整改|纠正)")
# an approval signed after the inspection, explained (解答: 情况紧急、需要当场实施的，及时报告并补办手续)
_EMERGENCY = re.compile(r"情况紧急|紧急情况|需(?:要)?当场(?:实施|检查)|补办|补签|补批|事后(?:补|报告|审批)|先行(?:实施|检查)")

# A notice's 落款: the seal's mark ("（印章）") with the agency and the date around it. A notice read whole (not a scan:
# a handwritten date is often not read) whose closing lines hold no date is undated: its 落款日期 is read blank.
_SEAL = re.compile(r"[（(](?:印章|公章|盖章|章)[）)]")
_LETTERS = frozenset({DocKind.INSPECTION_NOTICE, DocKind.INSPECTION_RESULT_NOTICE})
_ABOVE, _BELOW = 1, 2  # the closing lines around the seal: a date right above it, or below (the body never)


def collect_inspection(d: Layout, facts: DocFacts) -> None:
    """credentials_shown of a 检查笔录 or 检查通知书 (or a 现场笔录): the first sentence or ticked box that says so;
    rights_told and basis_told of a 检查笔录 or 检查通知书."""
    if d.doc.kind in _TOLD_KINDS:
        _told(d, facts)
    if d.doc.kind == DocKind.RECTIFICATION_ORDER and facts.correction_deadline is None:
        for i, text in enumerate(d.pfolded):
            if m := _DEADLINE.search(text):
                facts.correction_deadline = d.pfound(m.group(), i, m.start(), m.end())
                break
    if d.doc.kind in (DocKind.INSPECTION_APPROVAL, DocKind.INSPECTION_RECORD) and facts.emergency_noted is None:
        for i, text in enumerate(d.pfolded):
            if m := _EMERGENCY.search(text):
                facts.emergency_noted = d.pfound(text.strip(), i, m.start(), m.end())
                break
    if d.doc.kind in _LETTERS:
        _undated(d, facts)
    if d.doc.kind in _TOLD_KINDS and facts.code_shown is None:
        for i, text in enumerate(d.pfolded):
            if m := _CODE_SHOWN.search(text):
                facts.code_shown = d.pfound(m.group(), i, m.start(), m.end())
                break
    if d.doc.kind not in INSPECTION_KINDS or facts.credentials_shown is not None:
        return
    for i, text in enumerate(d.pfolded):
        for m in _SHOWN.finditer(text):
            if any(ch in _UNTICKED for ch in text[max(0, m.start() - 3) : m.start()]):
                continue
            facts.credentials_shown = d.pfound(m.group(), i, m.start(), m.end())
            return
        m = _SAID_WHILE_SHOWING.search(text)
        if m:
            box = _CONFIRM_BOX.match(text, m.end())
            if box and box["box"] in _UNTICKED:
                continue
            facts.credentials_shown = d.pfound(m.group(), i, m.start(), m.end())
            return


def _told(d: Layout, facts: DocFacts) -> None:
    """The first statement of the rights and of the basis; an option beside an unticked box is False (kept only
    until a statement turns up)."""
    for attr, pattern in (("rights_told", _RIGHTS), ("basis_told", _BASIS)):
        for i, text in enumerate(d.pfolded):
            known = getattr(facts, attr)
            if known is not None and known.value:
                break
            for m in pattern.finditer(text):
                unticked = option_box(text, m.start()) == "unticked"
                if unticked and known is None:
                    setattr(facts, attr, d.pfound(False, i, max(0, m.start() - 1), m.end()))
                    known = getattr(facts, attr)
                elif not unticked:
                    setattr(facts, attr, d.pfound(True, i, m.start(), m.end()))
                    break


def _undated(d: Layout, facts: DocFacts) -> None:
    """A 落款 without a date: the last seal mark, no date on its line, the line above or the two below, nothing
    read by OCR."""
    if DateRole.SIGNED in facts.dates or "落款日期" in facts.fields or \
            any(b.origin == TextOrigin.OCR for b in d.doc.blocks):
        return
    seals = [(i, m) for i, text in enumerate(d.folded) for m in _SEAL.finditer(text)]
    if not seals:
        return
    i, m = seals[-1]
    closing = d.folded[max(0, i - _ABOVE) : i + _BELOW + 1]
    if not any(find_dates(text) for text in closing):
        facts.fields["落款日期"] = d.found("", i, m.start(), m.end())
