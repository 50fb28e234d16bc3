"""campaign.yaml: who issues the circular and the supervision letters, under which number, to whom, when.

The file is optional: without it the documents keep their placeholders (X司发〔20XX〕X号, 20XX年X月X日) for the
bureau to fill in. It is read once by `pingcha run --campaign-file`, recorded in run.json (`campaign_file`),
and every document of the run takes it from there (`campaign_of`), so a review round prints the same heads.
Errors are one Chinese line with file:line, like `pingcha checklist validate`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ingest.errors import PingchaError
from reports.glossary import CAMPAIGN_FILE_ZH, DOC_ZH
from scoring.checklist.model import ChecklistError, Issue
from scoring.checklist.source import Source, fmt_path

# The neutral legal basis of a 监督意见书 when the campaign file names none: a national statute, no province
# (law/行政处罚法 第七十五条: 县级以上人民政府应当定期组织开展行政执法评议、考核，加强对行政处罚的监督检查).
NEUTRAL_BASIS = "《中华人民共和国行政处罚法》第七十五条"


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    phone: str = Field(min_length=1)


class CampaignFile(BaseModel):
    """The campaign's document settings; every field has the default the documents had before the file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    organizer: str = Field(DOC_ZH["organizer"], min_length=1)  # 组织机关: 落款, 印发机关 by default
    masthead: str = ""  # 发文机关标志; default: organizer + 文件
    code: str = ""  # 机关代字 of the circular (京兴司发)
    number: int | None = Field(None, ge=1)  # the circular's sequence number in 文号
    letter_code: str = ""  # 机关代字 of the 监督意见书; default: code
    letter_first_number: int | None = Field(None, ge=1)  # letters are numbered from here, in unit order
    year: int | None = Field(None, ge=2000, le=2100)
    addressees: tuple[str, ...] = ()  # 主送
    copy_to: tuple[str, ...] = ()  # 抄送
    printed_by: str = ""  # 印发机关; default: organizer
    printed_on: date | None = None  # 印发日期
    contact: Contact | None = None  # 联系人 and phone, after the 附件说明
    signed_on: date | None = None  # 成文日期
    legal_basis: str = NEUTRAL_BASIS  # the supervision regulation a 监督意见书 is issued under
    rectification_days: int = Field(30, ge=1, le=365)
    # 评查标准 by case type (penalty/general, penalty/summary, license …: scoring/routing.py) → id or YAML path
    checklists: dict[str, str] = Field(default_factory=dict)
    # 公示台账 .xlsx (the 公示 platform's export), beside this file when relative; --publications wins
    publications: str = ""

    @field_validator("addressees", "copy_to", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    def masthead_text(self) -> str:
        return self.masthead or self.organizer + DOC_ZH["masthead_suffix"]

    def doc_number(self, year: int | None, number: int | None = None, code: str | None = None) -> str:
        """文号: 机关代字〔year〕N号, placeholders where the file leaves a part open."""
        return DOC_ZH["doc_number"].format(
            code=(code if code is not None else self.code) or DOC_ZH["code_placeholder"],
            year=year or DOC_ZH["year_placeholder"],
            number=number if number is not None else DOC_ZH["number_placeholder"])

    def letter_number(self, year: int | None, index: int) -> str:
        """The 文号 of the `index`-th letter (0-based)."""
        first = self.letter_first_number
        return self.doc_number(year, first + index if first is not None else None, self.letter_code or self.code)

    def signed_text(self) -> str:
        return chinese_date(self.signed_on) if self.signed_on else DOC_ZH["date_placeholder"]

    def printed_text(self) -> str:
        when = chinese_date(self.printed_on) if self.printed_on else DOC_ZH["date_placeholder"]
        return DOC_ZH["printed_on"].format(date=when)


def chinese_date(day: date) -> str:
    """2025-07-08 -> 2025年7月8日 (GB/T 9704: Arabic numerals, no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


class CampaignFileError(PingchaError):
    """A campaign file that cannot be used; str() is the first problem as `file:line: 字段: 说明`."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__(str(issues[0]))


# pydantic's error type -> the CAMPAIGN_FILE_ZH message
_MESSAGES = {
    "extra_forbidden": "unknown_field", "missing": "missing", "string_type": "not_text", "string_too_short": "empty",
    "int_type": "not_int", "int_parsing": "not_int", "int_from_float": "not_int", "greater_than_equal": "too_small",
    "less_than_equal": "too_large", "date_type": "not_date", "date_parsing": "not_date",
    "date_from_datetime_parsing": "not_date", "date_from_datetime_inexact": "date_with_time",
    "tuple_type": "not_list", "model_type": "not_mapping", "model_attributes_type": "not_mapping",
    "dict_type": "not_mapping",
}  # fmt: skip


def _message(error: dict[str, Any]) -> str:
    key = _MESSAGES.get(error["type"])
    if key is None:
        return CAMPAIGN_FILE_ZH["invalid"].format(detail=error["msg"])
    return CAMPAIGN_FILE_ZH[key].format(**(error.get("ctx") or {}))


_DATE_LINE = re.compile(r"^\s*([\w-]+)\s*:\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*(#.*)?$")


def _impossible_date(text: str) -> tuple[int, str]:
    """The line and key of the first date-looking value that is no date."""
    for number, line in enumerate(text.splitlines(), start=1):
        match = _DATE_LINE.match(line)
        if match:
            try:
                date(*(int(g) for g in match.group(2, 3, 4)))
            except ValueError:
                return number, match.group(1)
    return 1, CAMPAIGN_FILE_ZH["file"]


def parse_campaign_file(text: str, name: str) -> CampaignFile:
    """The model of a campaign file's text; CampaignFileError names the line of each problem."""
    try:
        source = Source(name, text)
    except ChecklistError as exc:
        issue = exc.issues[0]
        raise CampaignFileError([Issue(name, issue.line, CAMPAIGN_FILE_ZH["yaml"],
                                       CAMPAIGN_FILE_ZH["yaml_error"].format(detail=issue.message))]) from exc
    except ValueError as exc:  # YAML reads 2025-13-01 as a date and fails on the month
        line, key = _impossible_date(text)
        raise CampaignFileError([Issue(name, line, key, CAMPAIGN_FILE_ZH["not_date"])]) from exc
    data = source.data if source.data is not None else {}
    if not isinstance(data, dict):
        raise CampaignFileError([Issue(name, 1, CAMPAIGN_FILE_ZH["file"], CAMPAIGN_FILE_ZH["not_mapping"])])
    if source.issues:  # duplicate keys
        first = source.issues[0]
        key = re.search(r"'(.+)'", first.message)
        raise CampaignFileError([Issue(name, first.line, key.group(1) if key else first.where,
                                       CAMPAIGN_FILE_ZH["duplicate"])])
    try:
        return CampaignFile.model_validate(data)
    except ValidationError as exc:
        issues = [Issue(name, source.line(tuple(e["loc"])), fmt_path(tuple(e["loc"])) or CAMPAIGN_FILE_ZH["file"],
                        _message(e)) for e in exc.errors()]
        raise CampaignFileError(issues) from exc


def load_campaign_file(path: Path) -> CampaignFile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CampaignFileError([Issue(str(path), 0, CAMPAIGN_FILE_ZH["file"],
                                       CAMPAIGN_FILE_ZH["unreadable"].format(detail=exc))]) from exc
    return parse_campaign_file(text, str(path))


def campaign_of(raw_run: dict[str, Any]) -> CampaignFile:
    """The campaign settings run.json recorded (`campaign_file`), else the defaults."""
    recorded = raw_run.get("campaign_file")
    if isinstance(recorded, dict):
        try:
            return CampaignFile.model_validate(recorded)
        except ValidationError:
            pass  # a hand-edited run.json: the documents still come out, with placeholders
    return CampaignFile()


__all__ = ["NEUTRAL_BASIS", "CampaignFile", "CampaignFileError", "campaign_of", "chinese_date",
           "load_campaign_file", "parse_campaign_file"]
