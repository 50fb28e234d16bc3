"""coercion-measure R02–R06 (行政强制法第十八条) on hand-built 现场笔录 in the form book's wording: the signatures,
the witness when the party is absent, 当场告知, 陈述申辩 and 出示证件, each passed, failed or unknown as a reviewer
reading the record would, with the line that shows it quoted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.discover import discover_campaign
from ingest.extract import extract_case
from ingest.load import load_dossier
from scoring.checklist import load_checklist
from scoring.engine import score_case
from scoring.rules.examples import build_facts
from tests.scoring.builders import score_folders
from tests.scoring.coercion_dossiers import STEPS, write_dossier

DAY = date(2025, 3, 3)
SIGNED = "执法人员签名：张三、李四"
BOXES = "{0}已出示执法证件  {0}已告知当事人采取行政强制措施的理由、依据及当事人依法享有的权利、救济途径  {0}已听取当事人的陈述和申辩"

RECORDS: dict[str, dict] = {
    "clean": {},
    "absent_no_witness": dict(steps=(STEPS, "当事人未到场。"), signatures=(SIGNED,)),
    "absent_witness": dict(steps=(STEPS, "当事人未到场，执法人员邀请见证人到场。"),
                           signatures=("见证人：孙七（某某社区居民委员会）", SIGNED)),
    "absent_silent": dict(steps=("当事人未到场，执法人员邀请见证人到场。",),
                          signatures=("见证人：孙七", SIGNED)),
    "witness_in_words": dict(steps=(STEPS, "当事人未到场，执法人员邀请所在社区工作人员孙七作为见证人到场。"),
                             signatures=(SIGNED,)),
    "no_witness_said": dict(steps=(STEPS, "当事人未到场，未邀请见证人。"), signatures=("见证人：", SIGNED)),
    "refused": dict(signatures=("当事人签名：当事人拒绝签字", SIGNED)),
    "blank_party": dict(signatures=("当事人签名：", SIGNED)),
    "blank_officers": dict(signatures=("当事人签名：赵六", "执法人员签名：")),
    "silent": dict(steps=()),
    "unticked": dict(steps=(BOXES.format("□"),)),
    "ticked": dict(steps=(BOXES.format("☑"),)),
    # 第十八条第（五）项 tells the right; （六） hears the party: the right told is no hearing
    "right_told_only": dict(steps=("执法人员向当事人出示了执法证件，当场告知当事人采取扣押的理由、依据以及依法享有的陈述、申辩权利和"
                                   "救济途径。",)),
    # the form books' "这是我们的执法证件（出示）" and the party's words written after "当事人陈述："
    "form_book_words": dict(steps=("我们是某某局的执法人员，这是我们的执法证件（出示）。现告知你单位扣押的理由、依据，你单位依法享有"
                                   "陈述、申辩的权利，不服可申请行政复议或提起行政诉讼。", "当事人陈述：货是从批发商处进的，有进货单。")),
    # a seizure recorded in a 现场检查笔录 of the decision's day is the measure's record
    "inspection_record": dict(record_title="现场检查笔录", signatures=("当事人签名：", SIGNED)),
    "opinion_blank": dict(steps=("执法人员向当事人出示了执法证件，告知了采取扣押措施的理由、依据和救济途径。", "当事人陈述申辩：")),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    root: Path = tmp_path_factory.mktemp("campaign")
    for name, spec in RECORDS.items():
        write_dossier(root / "朝阳区市场监管局" / name, onsite=DAY, approved=DAY, decided=DAY,
                      released=date(2025, 3, 20), **spec)
    return {name: result for name, (_, result) in score_folders(root, "coercion-measure").items()}


@pytest.mark.parametrize(("record", "code", "expected", "says", "quotes"), [
    ("clean", "R02", "pass", "当事人签名或拒签注明、执法人员签名", "当事人签名：赵六"),
    ("clean", "R03", "pass", "", ""),
    ("clean", "R04", "pass", "当场告知", "当场告知当事人"),
    ("clean", "R05", "pass", "听取陈述申辩", "陈述、申辩"),
    ("clean", "R06", "pass", "出示执法证件", "出示了执法证件"),
    ("absent_no_witness", "R03", "fail", "缺当事人到场或见证人到场签名", "当事人未到场"),
    ("absent_no_witness", "R02", "pass", "", ""),  # the party absent signs nothing: R03 asks for the witness
    ("absent_witness", "R03", "pass", "", "当事人未到场"),
    ("absent_silent", "R04", "unknown", "当事人不在场时如何告知、听取由评查人员判定", ""),
    ("absent_silent", "R05", "unknown", "笔录记载当事人未到场", ""),
    ("absent_silent", "R03", "pass", "", "当事人未到场"),
    ("witness_in_words", "R03", "unknown", "未找到见证人签名栏", ""),
    ("no_witness_said", "R03", "fail", "缺当事人到场或见证人到场签名", "未邀请见证"),
    ("absent_witness", "R02", "pass", "", ""),
    ("refused", "R02", "pass", "", "拒绝签字"),
    ("blank_party", "R02", "fail", "缺当事人签名或拒签注明", "当事人签名"),
    ("blank_officers", "R02", "fail", "缺执法人员签名", "执法人员签名"),
    ("silent", "R04", "fail", "缺当场告知理由、依据、权利和救济途径", ""),
    ("silent", "R05", "fail", "缺听取陈述申辩", ""),
    ("silent", "R06", "fail", "未载明出示执法证件", ""),
    ("unticked", "R04", "fail", "当场告知", "□已告知"),
    ("unticked", "R05", "fail", "听取陈述申辩", "□已听取"),
    ("unticked", "R06", "fail", "未载明出示执法证件", ""),
    ("ticked", "R04", "pass", "", "☑已告知"),
    ("ticked", "R05", "pass", "", "☑已听取"),
    ("ticked", "R06", "pass", "", "☑已出示"),
    ("opinion_blank", "R04", "pass", "", "告知了"),
    ("opinion_blank", "R05", "fail", "听取陈述申辩", "当事人陈述申辩："),
    ("form_book_words", "R05", "pass", "", "当事人陈述：货"),
    ("form_book_words", "R06", "pass", "", "执法证件（出示）"),
    ("inspection_record", "V02", "pass", "", ""),
    ("inspection_record", "R10", "pass", "同日", ""),
    ("inspection_record", "R02", "fail", "缺当事人签名或拒签注明", "当事人签名"),
    ("inspection_record", "R05", "pass", "", "陈述和申辩"),
    ("right_told_only", "R04", "pass", "", "当场告知"),
    ("right_told_only", "R05", "fail", "缺听取陈述申辩", ""),
])  # fmt: skip
def test_onsite_record_items(results, record: str, code: str, expected: str, says: str, quotes: str) -> None:
    finding = next(f for f in results[record].findings if f.item_code == code)
    assert finding.status.value == expected, (record, code, finding.message)
    assert says in finding.message, (record, code, finding.message)
    assert quotes in (finding.evidence.quote if finding.evidence else ""), (record, code, finding.evidence)


def _score(document: dict, code: str):
    checklist = load_checklist("coercion-measure")
    facts = build_facts({"documents": [{"file": "02现场笔录.pdf", "kind": "seizure_record", **document}]})
    return next(f for f in score_case(facts, checklist).findings if f.item_code == code)


OFFICERS = [{"name": "张三", "cert_no": "11010020001"}, {"name": "李四", "cert_no": "11010020002"}]


@pytest.mark.parametrize(("document", "code", "says"), [
    # a scan: the blank signature line may hold a handwritten signature OCR did not read
    ({"scanned": True, "officers": OFFICERS, "fields": {"被检查人签名": "", "检查人员签名": ""}}, "R02", "扫描件"),
    ({"scanned": True, "officers": OFFICERS, "party_absent": True}, "R03", "扫描件"),
    ({"scanned": True, "officers": OFFICERS, "reasons_told": False}, "R04", "扫描件"),
    ({"scanned": True, "officers": OFFICERS}, "R05", "扫描件"),
    # a record whose officers were not read: its form was not understood
    ({"fields": {"被检查人签名": "赵六", "检查人员签名": "张三"}}, "R04", "未能识别执法人员"),
    # nothing says whether the party was there, no party signature read
    ({"officers": OFFICERS}, "R03", "未记载当事人是否到场"),
    # no signature line found at all: wrapped or renamed
    ({"officers": OFFICERS}, "R02", "未能在"),
])  # fmt: skip
def test_what_the_text_cannot_show_is_unknown(document: dict, code: str, says: str) -> None:
    finding = _score(document, code)
    assert finding.status.value == "unknown", finding.message
    assert says in finding.message, finding.message
    assert finding.points_deducted == 0


def test_a_record_of_another_day_is_not_taken_for_the_measures(tmp_path) -> None:
    """A 现场检查笔录 dated before the decision may be an earlier inspection: never read as the seizure's record (its
    date against the decision's would make a false R10); the items stay n/a and R01 counts the record."""
    from datetime import timedelta

    write_dossier(tmp_path / "区局" / "earlier", onsite=DAY - timedelta(days=2), approved=DAY, decided=DAY,
                  released=date(2025, 3, 20), record_title="现场检查笔录")
    [ref] = discover_campaign(tmp_path).dossiers
    result = score_case(extract_case(load_dossier(ref)), load_checklist("coercion-measure"))
    got = {f.item_code: f.status.value for f in result.findings}
    assert (got["R01"], got["V02"], got["R10"], got["R02"]) == ("pass", "n/a", "n/a", "n/a")


@pytest.mark.parametrize(("inside", "expected"), [(True, "pass"), (False, "fail")])
def test_a_list_printed_inside_the_decision_is_the_list(tmp_path, inside: bool, expected: str) -> None:
    """V04 (无查封扣押清单): a .docx decision whose 清单 is a table of its own (名称 … 数量) is not vetoed; a decision
    without one, and no 清单, is."""
    write_dossier(tmp_path / "区局" / "list", onsite=DAY, approved=DAY, decided=DAY, released=date(2025, 3, 20),
                  listed=False, list_inside=inside)
    [ref] = discover_campaign(tmp_path).dossiers
    result = score_case(extract_case(load_dossier(ref)), load_checklist("coercion-measure"))
    v04 = next(f for f in result.findings if f.item_code == "V04")
    assert v04.status.value == expected, v04.message
    assert not inside or "载于" in v04.message
