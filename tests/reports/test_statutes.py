"""Statutes cited in full with 书名号 (reports/statutes.py), against the checklist and the texts in law/."""

from __future__ import annotations

import pytest

from reports.statutes import BY_NUMBER, DOCUMENTS, FULL_NAMES, cite
from scoring.checklist import load_checklist
from tests.paths import ROOT

LAW = ROOT.parent / "shared" / "reference" / "law"  # shared/ beside the checkout, as on every machine here


@pytest.mark.parametrize(("short", "full"), [
    ("行政处罚法第六十条", "《中华人民共和国行政处罚法》第六十条"),
    ("行政处罚法第四十二条、第五十五条", "《中华人民共和国行政处罚法》第四十二条、第五十五条"),
    ("行政处罚法第五十四条；市场监督管理行政处罚程序规定第十八条",
     "《中华人民共和国行政处罚法》第五十四条；《市场监督管理行政处罚程序规定》第十八条"),
    ("行政处罚法第五十九条；GB 32100-2015",
     "《中华人民共和国行政处罚法》第五十九条；《法人和其他组织统一社会信用代码编码规则》（GB 32100—2015）"),
    ("《北京市行政执法监督办法》第十四条", "《北京市行政执法监督办法》第十四条"),
    ("某省行政执法条例第十条", "《某省行政执法条例》第十条"),
    ("国务院办公厅关于严格规范涉企行政检查的意见（国办发〔2024〕54号）第二部分",
     "《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）第二部分"),
])  # fmt: skip
def test_short_references_are_cited_in_full(short: str, full: str) -> None:
    assert cite(short) == full


# the standards whose every reference is a statute or a national document (the drafts of the other types still
# cite local rules and form books by description)
@pytest.mark.parametrize("checklist", ["penalty-general", "license", "coercion-measure"])
def test_every_statute_of_the_bundled_checklists_is_cited_with_a_known_full_name(checklist: str) -> None:
    for item in load_checklist(checklist).items:
        cited = cite(item.statute)
        assert cited.startswith("《"), (item.code, cited)
        for part in cited.split("；"):
            name = part.split("》")[0].lstrip("《")
            assert name in FULL_NAMES.values() or name in DOCUMENTS or part in BY_NUMBER.values(), (
                checklist, item.code, part)


@pytest.mark.skipif(not LAW.is_dir(), reason="the reference law texts are not on this machine")
def test_full_names_are_the_titles_of_the_law_texts() -> None:
    titles = {}
    for path in LAW.glob("*.md"):
        short = path.name.split("(")[0]
        titles[short] = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
    checked = [short for short in FULL_NAMES if short in titles]
    assert len(checked) >= 7
    for short in checked:
        assert FULL_NAMES[short] == titles[short], short
