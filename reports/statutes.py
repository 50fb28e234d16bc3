"""Statutes as a circulated document cites them: full names in 书名号 (《中华人民共和国行政处罚法》第六十条),
from the short forms a checklist writes (行政处罚法第六十条). Full names are the titles of the texts in
reference/law/ (checked by tests/reports/test_statutes.py where that folder is present)."""

from __future__ import annotations

import re

# short name as checklists write it -> full name (law/<short>(date).md opens with '# <full name>')
FULL_NAMES: dict[str, str] = {
    "行政处罚法": "中华人民共和国行政处罚法",
    "行政许可法": "中华人民共和国行政许可法",
    "行政强制法": "中华人民共和国行政强制法",
    "行政复议法": "中华人民共和国行政复议法",
    "行政诉讼法": "中华人民共和国行政诉讼法",
    "政府信息公开条例": "中华人民共和国政府信息公开条例",
    "优化营商环境条例": "优化营商环境条例",
    "公安机关办理行政案件程序规定": "公安机关办理行政案件程序规定",
    "市场监督管理行政处罚程序规定": "市场监督管理行政处罚程序规定",  # 国家市场监督管理总局令
}
# national standards: cited by title with the number in brackets
BY_NUMBER: dict[str, str] = {"GB 32100-2015": "《法人和其他组织统一社会信用代码编码规则》（GB 32100—2015）"}
# the State Council's policy documents the standards cite: title -> 文号, cited 《title》（文号） with any part after it
DOCUMENTS: dict[str, str] = {
    "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见": "国办发〔2018〕118号",
    "国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见": "国办发〔2020〕42号",
    "国务院办公厅关于严格规范涉企行政检查的意见": "国办发〔2024〕54号",
}
_TITLE_END = re.compile(r"^(.+?(?:法|条例|规定|办法|细则|规则|决定))(第.*)?$")


def cite_one(reference: str) -> str:
    """One reference: '行政处罚法第五十七条第二款' -> '《中华人民共和国行政处罚法》第五十七条第二款'."""
    reference = reference.strip()
    if not reference or "《" in reference:
        return reference
    if reference in BY_NUMBER:
        return BY_NUMBER[reference]
    for title, number in DOCUMENTS.items():
        if reference.startswith(title):
            rest = reference[len(title):].removeprefix(f"（{number}）").removeprefix(f"({number})")
            return f"《{title}》（{number}）{rest}"
    for short in sorted(FULL_NAMES, key=len, reverse=True):
        if reference.startswith(short):
            return f"《{FULL_NAMES[short]}》{reference[len(short):]}"
    match = _TITLE_END.match(reference)
    return f"《{match.group(1)}》{match.group(2) or ''}" if match else reference


def cite(statute: str) -> str:
    """A checklist's statute string, each of its ；-separated references cited in full."""
    return "；".join(cite_one(part) for part in re.split(r"[；;]", statute or "") if part.strip())
