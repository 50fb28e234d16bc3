"""The bundled checklist loads and matches the spec; broken checklists fail with file:line: code: reason."""

import hashlib
import re
from pathlib import Path

import pytest

from scoring.checklist import (
    BUNDLED_DIR,
    DESCRIBE_HEADER,
    ChecklistError,
    available_checklists,
    describe_checklist,
    load_checklist,
)
from scoring.rules import REGISTRY

SOURCE = BUNDLED_DIR / "penalty-general.yaml"
TEXT = SOURCE.read_text(encoding="utf-8")
CODES = [f"V{i:02d}" for i in range(1, 12)] + [f"R{i:02d}" for i in range(1, 26)] + ["T01", "T02", "T03"]


@pytest.fixture(scope="module")
def checklist():
    return load_checklist("penalty-general")


def test_bundled_checklist_has_all_39_items_in_order(checklist):
    assert checklist.id == "penalty-general"
    assert checklist.version and checklist.title
    assert [i.code for i in checklist.items] == CODES
    assert "penalty-general" in available_checklists()


def test_parameters_are_the_spec_defaults(checklist):
    p = checklist.parameters
    assert p["hearing_fine_threshold"] == {"individual": 3000, "organisation": 50000}
    assert p["major_case_fine_threshold"] == {"individual": 10000, "organisation": 100000}
    assert p["filing_working_days"] == 15
    assert p["decision_deadline_days"] == 90
    assert p["delivery_working_days"] == 7
    assert p["defense_period_working_days"] == 3
    assert p["defense_period_hearing_working_days"] == 5
    assert p["hearing_notice_working_days"] == 7
    assert p["limitation_years"] == 2


def test_categories_grades_and_points(checklist):
    cats = {c.name: c.points for c in checklist.categories if not c.veto}
    assert cats == {"立案": 10, "调查取证": 20, "审查决定": 22, "告知听证": 12, "送达执行": 16, "文书归档": 10,
                    "三项制度": 10}
    assert sum(cats.values()) == 100
    assert [(g.grade, g.min_score) for g in checklist.grades] == [("优秀", 90), ("良好", 80), ("合格", 60), ("不合格", 0)]
    spec = {"R01": (5, 5), "R03": (1, 3), "R04": (2, 6), "R09": (10, 10), "R11": (2, 8), "R17": (10, 10), "R25": (1, 3)}
    for code, (points, cap) in spec.items():
        assert (checklist.item(code).points, checklist.item(code).cap) == (points, cap)
    for item in checklist.items:
        assert item.veto == item.code.startswith("V")
        assert (item.category == "三项制度") == item.code.startswith("T")
        assert (item.category == "基础标准") == item.veto
        assert item.statute.startswith(("行政处罚法", "GB")) and item.rationale
        assert item.kind in REGISTRY


def test_content_hash_and_source(checklist):
    assert checklist.content_hash == hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    assert checklist.source_path == SOURCE
    by_path = load_checklist(str(SOURCE))
    assert by_path.content_hash == checklist.content_hash and by_path.items == checklist.items


def test_describe_rows(checklist):
    rows = describe_checklist(checklist)
    assert len(rows) == 39 and all(len(r) == len(DESCRIBE_HEADER) == 8 for r in rows)
    assert rows[0] == ("V01", "执法主体不合法或超越职权", "基础标准", None, None, True, "manual", "行政处罚法第十七条")
    r09 = next(r for r in rows if r[0] == "R09")
    assert r09 == ("R09", "超期作出决定", "审查决定", 10, 10, False, "period_between", "行政处罚法第六十条")
    assert next(r for r in rows if r[0] == "R22")[6] == "all_of(consistency, format_check)"


def test_architecture_items_use_expected_kinds(checklist):
    kinds = {i.code: i.kind for i in checklist.items}
    assert kinds["V02"] == "officers_qualified" and kinds["V03"] == "document_present"
    assert kinds["V06"] == "dates_in_order" and kinds["R04"] == "record_officers"
    assert kinds["R09"] == kinds["R18"] == "period_between"
    assert kinds["R01"] == kinds["R17"] == kinds["R24"] == "document_present"


# ---------------------------------------------------------------------------------------------------
# errors


def _broken(tmp_path: Path, old: str, new: str, name: str = "penalty-general.yaml") -> tuple[Path, str]:
    assert old in TEXT, old
    text = TEXT.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _error(path: Path) -> ChecklistError:
    with pytest.raises(ChecklistError) as info:
        load_checklist(str(path))
    assert "\n" not in str(info.value)
    return info.value


R09_KIND = "    cap: 10\n    kind: period_between\n    args:\n      start: filing_date"


def test_unknown_rule_kind_names_file_line_and_code(tmp_path):
    path, text = _broken(tmp_path, R09_KIND, R09_KIND.replace("period_between", "within_dayz"))
    err = _error(path)
    line = _line_of(text, "kind: within_dayz")
    assert str(err) == f"penalty-general.yaml:{line}: R09: unknown rule kind 'within_dayz'"


def test_unknown_arg_is_reported_at_its_line(tmp_path):
    path, text = _broken(tmp_path, "      limit: decision_deadline_days\n", "      limitt: decision_deadline_days\n")
    err = _error(path)
    assert str(err) == f"penalty-general.yaml:{_line_of(text, 'limitt')}: R09: unknown arg 'limitt' for rule kind 'period_between'"
    assert any("missing arg 'limit'" in str(i) for i in err.issues)


def test_bad_arg_value_and_unknown_parameter(tmp_path):
    path, text = _broken(tmp_path, "      limit: decision_deadline_days\n", "      limit: decision_deadline_dayz\n")
    assert str(_error(path)) == (
        f"penalty-general.yaml:{_line_of(text, 'decision_deadline_dayz')}: R09: "
        "args.limit: unknown parameter 'decision_deadline_dayz'"
    )
    path, text = _broken(tmp_path, "args: {require: complete}", "args: {require: everything}")
    err = _error(path)
    assert re.match(rf"penalty-general.yaml:{_line_of(text, 'everything')}: R12: args.require: ", str(err))


def test_working_day_period_needs_a_working_day_parameter(tmp_path):
    path, _ = _broken(tmp_path, "      limit: delivery_working_days\n      unit: working_days",
                      "      limit: delivery_working_days\n      unit: days")
    assert "R18: args.limit: parameter 'delivery_working_days' is not counted in calendar days" in str(_error(path))


def test_nested_rule_error_names_the_path(tmp_path):
    path, text = _broken(tmp_path, "format: credit_code}", "format: credit_cod}")
    err = _error(path)
    assert str(err).startswith(f"penalty-general.yaml:{_line_of(text, 'credit_cod}')}: R22: args.rules[1].args.format:")


def test_duplicate_code_line_is_the_second_one(tmp_path):
    path, text = _broken(tmp_path, "code: R24", "code: R23")
    second = text.index("code: R23", text.index("code: R23") + 1)
    line = text[:second].count("\n") + 1
    assert str(_error(path)) == f"penalty-general.yaml:{line}: R23: duplicate item code 'R23'"


def test_points_must_sum_to_100(tmp_path):
    path, text = _broken(tmp_path, "{name: 立案, points: 10}", "{name: 立案, points: 5}")
    assert str(_error(path)) == f"penalty-general.yaml:{_line_of(text, 'categories:')}: categories: category points sum to 95, not 100"


def test_cap_below_points_and_unknown_category(tmp_path):
    path, text = _broken(tmp_path, "    points: 2\n    cap: 6", "    points: 2\n    cap: 1")
    assert str(_error(path)) == f"penalty-general.yaml:{_line_of(text, 'cap: 1')}: R04: cap (1) must be at least points (2)"
    path, text = _broken(tmp_path, "code: R08\n    name: 缺案件调查终结报告\n    category: 调查取证",
                         "code: R08\n    name: 缺案件调查终结报告\n    category: 调查")
    assert "R08: unknown category '调查'" in str(_error(path))


def test_unknown_item_key_and_missing_rationale(tmp_path):
    path, _ = _broken(tmp_path, "    kind: manual\n    args: {prompt: 当事人提出", "    kinde: x\n    kind: manual\n    args: {prompt: 当事人提出")
    assert "R15: unknown key 'kinde'" in str(_error(path))


def test_yaml_syntax_error_has_a_line(tmp_path):
    path, _ = _broken(tmp_path, "title: 行政处罚", "title: [行政处罚")
    assert re.match(r"penalty-general.yaml:\d+: yaml: ", str(_error(path)))


def test_unknown_checklist_id():
    with pytest.raises(ChecklistError) as info:
        load_checklist("no-such-standard")
    assert "no-such-standard" in str(info.value) and "penalty-general" in str(info.value)


def test_minimal_custom_checklist(tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    mini = load_checklist(str(path))
    assert [i.code for i in mini.items] == ["X01", "X02"] and mini.item("X02").cap == 8


MINI = """
id: mini
version: 1
title: 测试标准
parameters: {}
categories:
  - {name: 基础标准, veto: true}
  - {name: 甲, points: 60}
  - {name: 乙, points: 40}
grades:
  - {grade: 合格, min: 60}
  - {grade: 不合格, min: 0}
items:
  - {code: X01, name: 缺立案审批表, category: 甲, points: 5, kind: document_present,
     args: {kinds: [filing_approval]}, statute: 行政处罚法第五十四条, rationale: 测试}
  - {code: X02, name: 笔录, category: 乙, points: 2, cap: 8, kind: record_officers, statute: 行政处罚法第五十五条,
     rationale: 测试}
"""
