"""The data-quality suites for cases.csv and findings.csv, as code so they are reviewed like code.

Each expectation carries a short stable English name (`meta["name"]`, used in review_reasons and
summary.json) and a Chinese description a reviewer reads in Data Docs. Rules that GX cannot state on the
contract's text columns (dates as dates, numbers as numbers, the credit-code check character, the grade a
score should get) are computed as derived columns first (`prepare_cases`, `prepare_findings`), so the
suites stay plain GX expectations. This module imports Great Expectations (7-8 s): import it only from
inside `reports.validation.validate_run`, never from the CLI's import path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd
from great_expectations.expectations.row_conditions import Column

from ingest.glossary import CASE_TYPE_ZH, ELEMENT_ZH, TYPE_PROCEDURES
from scoring.checklist import Checklist
from scoring.engine import case_grade
from scoring.glossary import FINDING_ZH, GRADES_ZH, Status

CASES_SUITE = "pingcha_cases"
FINDINGS_SUITE = "pingcha_findings"

# domain.md "Case number": 机关代字 (may itself hold brackets, e.g. (津保)应急罚, 湛(吴)环罚字) + bracketed
# year in 〔〕［］[]（）() + optional 第 + serial of digits/letters/hyphens + 号. Whitespace was removed upstream.
CASE_NO_REGEX = r"^\S+?[〔［\[（(][0-9０-９]{4}[〕］\]）)]第?[0-9A-Za-z０-９Ａ-Ｚａ-ｚ\-－]+号$"
PLAIN_NUMBER_REGEX = r"^-?\d+(?:\.\d+)?$"  # output-contract.md: yuan and scores as plain numbers
MISSING_WORDS = re.compile(r"未见|缺|无")  # a fail about a missing document names it with these words

DATE_COLUMNS: tuple[str, ...] = (
    "violation_date", "source_date", "filing_date", "notice_date", "notice_served_date", "hearing_date",
    "decision_date", "delivery_date",
)  # fmt: skip
NUMBER_COLUMNS: tuple[str, ...] = ("fine_amount", "notice_fine_amount", "raw_score", "total_score")
DATE_ZH: dict[str, str] = {column: ELEMENT_ZH[column] for column in DATE_COLUMNS}
NUMBER_ZH: dict[str, str] = {column: ELEMENT_ZH[column] for column in NUMBER_COLUMNS} | {
    "points_deducted": FINDING_ZH["points_deducted"]}


def _order(name: str, later: str, earlier: str) -> tuple[str, str, str, str]:
    return name, later, earlier, f"{DATE_ZH[later]}不得早于{DATE_ZH[earlier]}"


# Procedural order (checklist V06, statutes.md): (name, later column, earlier column, Chinese rule).
# Each pair is compared only when both dates are known.
DATE_ORDER: tuple[tuple[str, str, str, str], ...] = (
    _order("filing_after_source", "filing_date", "source_date"),
    _order("notice_after_filing", "notice_date", "filing_date"),
    _order("notice_served_after_notice", "notice_served_date", "notice_date"),
    _order("decision_after_notice", "decision_date", "notice_date"),
    _order("decision_after_notice_served", "decision_date", "notice_served_date"),
    _order("decision_after_filing", "decision_date", "filing_date"),
    _order("delivery_after_decision", "delivery_date", "decision_date"),
)  # fmt: skip

# Derived columns: named with a double underscore so they never collide with contract columns.
PARTY_ID_OK = "party_id__check_ok"
GRADE_EXPECTED = "grade__expected"
EVIDENCE_OK = "evidence__ok"


def num(column: str) -> str:
    return f"{column}__num"


def day(column: str) -> str:
    return f"{column}__date"


def _named(cls: type[gxe.Expectation], name: str, zh: str, **kwargs: Any) -> gxe.Expectation:
    """An expectation with its stable name in meta and 'name：中文说明' as the Data Docs description."""
    return cls(meta={"name": name, "zh": zh}, description=f"{name}：{zh}", **kwargs)


# --- derived columns ------------------------------------------------------------------------------------


def _credit_checker() -> Callable[[str], bool | None]:
    """party_id -> False when it is an 18-character 统一社会信用代码 failing the GB 32100 check character.

    None (not applicable) for empty, masked (91430102**********), citizen ID numbers and other lengths.
    The extraction layer's checker decides, so both layers call the same code valid.
    """
    from ingest.extract.credit_code import check_code

    def check(text: str) -> bool | None:
        result = check_code(text)
        if len(result.code) != 18 or result.kind != "uscc" or result.status == "masked":
            return None
        # org_code_ok is None only when the GB 32100 check character itself failed; a valid check
        # character with a bad embedded 组织机构代码 is R22's concern, not this gate's.
        return not (result.status == "invalid" and result.org_code_ok is None)

    return check



def _blank_to_none(frame: pd.DataFrame) -> pd.DataFrame:
    """Empty cells mean 'unknown' (output-contract.md); GX skips None in column-map expectations."""
    return frame.astype(object).where(frame != "", None)


def prepare_cases(raw: pd.DataFrame, checklist: Checklist | None,
                  others: dict[str, Checklist] | None = None) -> pd.DataFrame:
    """cases.csv as read (all text) -> the frame the cases suite validates, with derived columns.

    The grade each file should have comes from the checklist that scored it (`others` by id, for a campaign of
    several case types; else the run's `checklist`) by scoring.engine.case_grade; without one, grades are
    left unchecked."""
    frame = _blank_to_none(raw)
    for column in DATE_COLUMNS:
        frame[day(column)] = pd.to_datetime(raw[column], format="%Y-%m-%d", errors="coerce")
    for column in NUMBER_COLUMNS:
        frame[num(column)] = pd.to_numeric(raw[column].where(raw[column] != ""), errors="coerce")
    checker = _credit_checker()
    frame[PARTY_ID_OK] = [checker(v) if v else None for v in raw["party_id"]]
    grades: list[str | None] = []
    own = raw["checklist"] if "checklist" in raw.columns else pd.Series([""] * len(raw), index=raw.index)
    for total, vetoed, checklist_id in zip(frame[num("total_score")], raw["vetoed"], own, strict=True):
        bands = (others or {}).get(checklist_id, checklist)
        known = bands is not None and pd.notna(total) and vetoed in ("true", "false")
        grades.append(case_grade(float(total), vetoed == "true", bands) if known else None)
    frame[GRADE_EXPECTED] = grades
    return frame


def prepare_findings(raw: pd.DataFrame) -> pd.DataFrame:
    """findings.csv as read (all text) -> the frame the findings suite validates."""
    frame = _blank_to_none(raw)
    frame[num("points_deducted")] = pd.to_numeric(
        raw["points_deducted"].where(raw["points_deducted"] != ""), errors="coerce"
    )
    located = (raw["source_file"] != "") & (raw["page"] != "")
    quoted = raw["quote"] != ""
    names_missing = raw["message"].map(lambda m: bool(MISSING_WORDS.search(m)))
    frame[EVIDENCE_OK] = (located | quoted | names_missing).astype(object)
    return frame


PROCEDURES = tuple(dict.fromkeys(p for procedures in TYPE_PROCEDURES.values() for p in procedures))

# --- suites ---------------------------------------------------------------------------------------------


def cases_expectations(max_score: float = 100.0) -> list[gxe.Expectation]:
    """The cases.csv suite (output-contract.md, checklist-penalty-general.md, domain.md)."""
    found: list[gxe.Expectation] = [
        _named(gxe.ExpectColumnValuesToNotBeNull, "dossier_id_present", "每行须有案卷编号", column="dossier_id"),
        _named(gxe.ExpectColumnValuesToBeUnique, "dossier_id_unique", "案卷编号不得重复", column="dossier_id"),
        _named(gxe.ExpectColumnValuesToBeInSet, "case_type_allowed", f"{ELEMENT_ZH['case_type']}应为 {'/'.join(CASE_TYPE_ZH)}",
               column="case_type", value_set=list(CASE_TYPE_ZH)),
        _named(gxe.ExpectColumnValuesToBeInSet, "procedure_allowed", f"{ELEMENT_ZH['procedure']}应为 {'/'.join(PROCEDURES)}",
               column="procedure", value_set=list(PROCEDURES)),
        _named(gxe.ExpectColumnValuesToBeInSet, "party_kind_allowed",
               f"{ELEMENT_ZH['party_kind']}应为 organisation/individual",
               column="party_kind", value_set=["organisation", "individual"]),
        _named(gxe.ExpectColumnValuesToMatchRegex, "case_no_format",
               "决定书文号应为“机关代字〔年份〕序号号”格式（括号可为〔〕［］[]（）()，“第”可有可无）",
               column="case_no", regex=CASE_NO_REGEX),
    ]  # fmt: skip
    for column in DATE_COLUMNS:
        found.append(_named(gxe.ExpectColumnValuesToMatchStrftimeFormat, f"{column}_format",
                            f"{DATE_ZH[column]}应为有效日期（YYYY-MM-DD）", column=column,
                            strftime_format="%Y-%m-%d"))  # fmt: skip
    for name, later, earlier, zh in DATE_ORDER:
        found.append(_named(gxe.ExpectColumnPairValuesAToBeGreaterThanB, name, zh, column_A=day(later),
                            column_B=day(earlier), or_equal=True, ignore_row_if="either_value_is_missing"))  # fmt: skip
    for column in NUMBER_COLUMNS:
        found.append(_named(gxe.ExpectColumnValuesToMatchRegex, f"{column}_is_number",
                            f"{NUMBER_ZH[column]}应为数字", column=column, regex=PLAIN_NUMBER_REGEX))  # fmt: skip
    found += [
        _named(gxe.ExpectColumnValuesToBeBetween, "fine_amount_non_negative", f"{NUMBER_ZH['fine_amount']}不得为负数",
               column=num("fine_amount"), min_value=0),
        _named(gxe.ExpectColumnValuesToBeBetween, "notice_fine_amount_non_negative",
               f"{NUMBER_ZH['notice_fine_amount']}不得为负数",
               column=num("notice_fine_amount"), min_value=0),
        # Summary-procedure files have no written 告知书, so no notice amount to compare (domain.md).
        _named(gxe.ExpectColumnValuesToNotBeNull, "notice_fine_amount_present",
               "有罚款金额的一般程序案卷须有告知书拟罚款金额", column="notice_fine_amount",
               row_condition=Column("fine_amount").is_not_null() & (Column("procedure") != "summary")),
        _named(gxe.ExpectColumnValuesToBeInSet, "party_id_check_char",
               "统一社会信用代码校验位应符合GB 32100（打码代码、身份证号除外）",
               column=PARTY_ID_OK, value_set=[True]),
        _named(gxe.ExpectColumnValuesToBeBetween, "raw_score_in_range", f"{NUMBER_ZH['raw_score']}应在0至{max_score:g}分之间",
               column=num("raw_score"), min_value=0, max_value=max_score),
        _named(gxe.ExpectColumnValuesToBeBetween, "total_score_in_range", f"{NUMBER_ZH['total_score']}应在0至{max_score:g}分之间",
               column=num("total_score"), min_value=0, max_value=max_score),
        _named(gxe.ExpectColumnValuesToBeInSet, "vetoed_boolean", f"{ELEMENT_ZH['vetoed']}应为 true/false",
               column="vetoed", value_set=["true", "false"]),
        _named(gxe.ExpectColumnValuesToBeInSet, "needs_review_boolean", f"{ELEMENT_ZH['needs_review']}应为 true/false",
               column="needs_review", value_set=["true", "false"]),
        _named(gxe.ExpectColumnValuesToBeInSet, "vetoed_total_zero", "否决案卷得分应记为0分",
               column=num("total_score"), value_set=[0], row_condition=Column("vetoed") == "true"),
        _named(gxe.ExpectColumnValuesToNotBeInSet, "zero_total_only_when_vetoed", "未否决案卷得分不应为0分",
               column=num("total_score"), value_set=[0], row_condition=Column("vetoed") == "false"),
        _named(gxe.ExpectColumnValuesToBeInSet, "grade_allowed", f"{ELEMENT_ZH['grade']}应为{'/'.join(GRADES_ZH)}",
               column="grade", value_set=list(GRADES_ZH)),
        _named(gxe.ExpectColumnPairValuesToBeEqual, "grade_matches_score",
               "等次应与得分及评查标准的等次分数线一致（否决为不合格）", column_A="grade",
               column_B=GRADE_EXPECTED, ignore_row_if="either_value_is_missing"),
    ]  # fmt: skip
    return found


def findings_expectations() -> list[gxe.Expectation]:
    """The findings.csv suite (output-contract.md; checklist-penalty-general.md step 5)."""
    return [
        # a supplement's items have codes of their own standard (V01 of 行政强制措施 beside the file's V01)
        _named(gxe.ExpectCompoundColumnsToBeUnique, "finding_unique_per_item", "每个案卷在每个评查标准下的每个项目只应有一行",
               column_list=["dossier_id", "checklist", "item_code"]),
        _named(gxe.ExpectColumnValuesToNotBeNull, "finding_dossier_present", "每行须有案卷编号", column="dossier_id"),
        _named(gxe.ExpectColumnValuesToBeInSet, "status_allowed",
               f"{FINDING_ZH['status']}应为 pass/fail/n/a/unknown/manual",
               column="status", value_set=[s.value for s in Status]),
        _named(gxe.ExpectColumnValuesToMatchRegex, "points_deducted_is_number", f"{NUMBER_ZH['points_deducted']}应为数字",
               column="points_deducted", regex=PLAIN_NUMBER_REGEX),
        _named(gxe.ExpectColumnValuesToBeBetween, "points_deducted_non_negative", f"{NUMBER_ZH['points_deducted']}不得为负数",
               column=num("points_deducted"), min_value=0),
        _named(gxe.ExpectColumnValuesToBeInSet, "veto_boolean", f"{FINDING_ZH['veto']}应为 true/false",
               column="veto", value_set=["true", "false"]),
        _named(gxe.ExpectColumnValuesToBeInSet, "fail_has_evidence",
               "扣分项须注明证据（文件和页码，或原文摘录），或在说明中写明缺少的文书（未见/缺/无）",
               column=EVIDENCE_OK, value_set=[True], row_condition=Column("status") == "fail"),
    ]  # fmt: skip


def build_suite(name: str, expectations: list[gxe.Expectation]) -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name=name, expectations=expectations)
