"""Routing files to the checklist of their case type, and supplements scored as their own section."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ingest.glossary import DocKind
from scoring.checklist import ChecklistError, load_checklist
from scoring.engine import score_case, unrouted_result
from scoring.glossary import Status
from scoring.routing import PRIMARY_KEY, RoutePlan, default_routes, parse_checklist_args, parse_type_key
from tests.scoring.builders import clean_case, doc_of

MAIN = """
id: main-with-supplements
version: 1
title: 带补充项的标准
parameters: {}
categories:
  - {name: 甲, points: 100}
grades:
  - {grade: 合格, min: 60}
  - {grade: 不合格, min: 0}
items:
  - {code: A01, name: 缺立案审批表, category: 甲, points: 5, kind: document_present, args: {kinds: [filing_approval]},
     statute: 行政处罚法第五十四条, rationale: 测试}
supplements:
  - id: seizure-items
    title: 行政强制措施
    when_any: [seizure]
    items:
      - {code: Q01, name: 缺查封扣押决定书, category: 行政强制措施, points: 10, kind: document_present,
         args: {kinds: [seizure]}, statute: 行政强制法第二十四条, rationale: 测试}
      - {code: Q02, name: 缺先行登记保存文书, category: 行政强制措施, points: 15, kind: document_present,
         args: {kinds: [preservation]}, statute: 行政处罚法第五十六条, rationale: 测试}
  - checklist: other.yaml
    when_any: [license_decision]
"""

OTHER = """
id: other
version: 1
title: 另一标准
parameters: {}
categories:
  - {name: 乙, points: 100}
grades:
  - {grade: 合格, min: 60}
  - {grade: 不合格, min: 0}
items:
  - {code: B01, name: 缺结案审批表, category: 乙, points: 8, kind: document_present, args: {kinds: [closing_approval]},
     statute: 行政处罚法第四十七条, rationale: 测试}
"""


@pytest.fixture
def checklist(tmp_path: Path):
    (tmp_path / "other.yaml").write_text(OTHER, encoding="utf-8")
    path = tmp_path / "main.yaml"
    path.write_text(MAIN, encoding="utf-8")
    return load_checklist(str(path))


def test_supplement_scored_as_its_own_section_only_when_triggered(checklist) -> None:
    facts = clean_case()
    plain = score_case(facts, checklist)
    assert plain.sections == [] and plain.total_score == 100

    seizure = replace(doc_of(facts, DocKind.DECISION), kind=DocKind.SEIZURE, title="扣押决定书")
    with_seizure = replace(facts, documents=[d for d in facts.documents if d.kind != DocKind.PRESERVATION] + [seizure])
    result = score_case(with_seizure, checklist)
    assert result.total_score == 100  # the file's own score is the main checklist's alone
    [section] = result.sections
    assert (section.checklist_id, section.title) == ("seizure-items", "行政强制措施")
    statuses = {f.item_code: (f.status, f.points_deducted) for f in section.findings}
    assert statuses == {"Q01": (Status.PASS, 0), "Q02": (Status.FAIL, 15)}
    assert (section.raw_score, section.total_score, section.grade) == (85, 85, "合格")


def test_supplement_naming_another_checklist(checklist) -> None:
    facts = clean_case()
    licence = replace(doc_of(facts, DocKind.DECISION), kind=DocKind.LICENSE_DECISION, title="准予行政许可决定书")
    facts = replace(facts, documents=[d for d in facts.documents if d.kind != DocKind.CLOSING_APPROVAL] + [licence])
    [section] = score_case(facts, checklist).sections
    assert section.checklist_id == "other"
    assert [(f.item_code, f.status, f.points_deducted) for f in section.findings] == [("B01", Status.FAIL, 8)]


def test_bad_supplements_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(MAIN.replace("when_any: [seizure]", "when_any: [seizur]"), encoding="utf-8")
    with pytest.raises(ChecklistError, match="unknown document kind 'seizur'"):
        load_checklist(str(path))
    path.write_text(MAIN.replace("checklist: other.yaml", "checklist: bad.yaml"), encoding="utf-8")
    with pytest.raises(ChecklistError, match="supplements itself"):
        load_checklist(str(path))


def test_plan_routes_by_type_then_procedure(checklist) -> None:
    general = load_checklist("penalty-general")
    plan = RoutePlan.of({"penalty/general": general, "license": checklist})
    assert plan.route_for("penalty", "general").checklist_id == "penalty-general"
    assert plan.route_for("license", "").checklist_id == "main-with-supplements"
    assert plan.route_for("penalty", "summary") is None
    assert plan.primary.checklist_id == "penalty-general" and plan.multi_type
    coercion = RoutePlan.of({"coercion": general})  # plain `coercion` still maps both procedures
    assert coercion.route_for("coercion", "execution") and coercion.route_for("coercion", "measure")
    by_default = default_routes()
    assert (by_default["coercion/measure"], by_default["coercion/execution"]) == ("coercion-measure",
                                                                                 "coercion-execution")
    whole = RoutePlan.of({"penalty": general})
    assert whole.route_for("penalty", "summary").checklist_id == "penalty-general"
    single = RoutePlan.of({PRIMARY_KEY: general})
    assert single.content_hash == general.content_hash and not single.multi_type
    assert plan.content_hash != single.content_hash


def test_unrouted_file_is_listed_with_the_reason() -> None:
    plan = RoutePlan.of({"penalty/general": load_checklist("penalty-general")})
    facts = clean_case()
    reason = plan.unrouted_reason("license", "", "")
    assert "行政许可" in reason and "行政处罚（一般程序）" in reason and "未评分" in reason
    result = unrouted_result(facts, reason)
    assert (result.checklist_id, result.findings, result.grade, result.scored) == ("", [], "", False)
    assert result.needs_review and result.review_reasons[-1] == reason
    assert "人工确定案件类型" in plan.unrouted_reason("unknown", "", "案件类型无法判定")


def test_checklist_arguments() -> None:
    assert parse_checklist_args(["penalty-general"]) == {"penalty/general": "penalty-general"}
    assert parse_checklist_args(["penalty-general", "license=x/license.yaml", "penalty/summary=penalty-simple"]) == {
        "penalty/general": "penalty-general", "license": "x/license.yaml", "penalty/summary": "penalty-simple"}
    assert parse_type_key("行政许可") == "license"
    assert parse_type_key("行政处罚（简易程序）") == "penalty/summary"
    assert parse_type_key("行政处罚") == "penalty"
    assert parse_type_key("行政强制执行") == "coercion/execution"
    assert parse_type_key("行政强制措施") == "coercion/measure"
    assert parse_type_key("行政强制") == "coercion"
    assert parse_type_key("coercion/execution") == "coercion/execution"
    assert parse_checklist_args(["行政强制执行=coercion-execution", "coercion=x.yaml"]) == {
        "coercion/execution": "coercion-execution", "coercion": "x.yaml"}
    with pytest.raises(ChecklistError, match="无法识别的案件类型"):
        parse_checklist_args(["permit=license"])
    with pytest.raises(ChecklistError, match="两个评查标准"):
        parse_checklist_args(["a", "penalty/general=b"])
