"""Every registered rule kind, run on the cases of the example in its own docstring (as sqlfluff runs each
rule's case file): a new kind is tested by writing its docstring, with no edit here."""

from __future__ import annotations

import ast

import pytest

from ingest.glossary import DOC_KIND_ZH, DocKind
from scoring.glossary import Status
from scoring.rules import REGISTRY, RuleContext
from scoring.rules.docs import render
from scoring.rules.examples import build_facts, build_item, example_of, run_case
from scoring.rules.when import When
from tests.paths import ROOT

RULES = ROOT / "scoring" / "rules"
KINDS = sorted(REGISTRY)
CASES = [
    pytest.param(name, i, id=f"{name}-{case.status.value}-{i}")
    for name in KINDS
    for i, case in enumerate(example_of(REGISTRY[name]).cases)
]


@pytest.mark.parametrize("name", KINDS)
def test_each_kind_documents_an_example_with_a_pass_and_a_fail(name):
    kind = REGISTRY[name]
    example = example_of(kind)
    assert kind.summary, f"{name}: the docstring's first line is 'name: what it checks'"
    assert example.item["kind"] == name
    build_item(example.item)  # the args are valid for the kind's schema
    statuses = {case.status for case in example.cases}
    assert statuses >= ({Status.MANUAL} if kind.asks_reviewer else {Status.PASS, Status.FAIL}), statuses


@pytest.mark.parametrize(("name", "index"), CASES)
def test_case_of_each_kind(name, index):
    example = example_of(REGISTRY[name])
    case = example.cases[index]
    out = run_case(example, case)
    assert out.status == case.status, out
    if case.message is not None:
        assert out.message == case.message
    if case.occurrences is not None:
        assert out.occurrences == case.occurrences
    if case.evidence is not None:
        assert out.evidence is not None and out.evidence.source_file == case.evidence


@pytest.mark.parametrize("name", [n for n in KINDS if "when" in REGISTRY[n].args_model.model_fields])
def test_the_dispatcher_applies_each_kinds_precondition(name):
    """A kind only declares `when`: an unmet one gives n/a before its check runs, a met one changes nothing."""
    kind, example = REGISTRY[name], example_of(REGISTRY[name])
    for case in example.cases:
        facts = build_facts(case.facts)
        absent = next(k for k in (DocKind.EXTENSION_APPROVAL, DocKind.COLLECTIVE_DISCUSSION) if not facts.has(k))
        unmet = {**example.item, "args": {**example.item.get("args", {}), "when": {"has": [absent.value]}}}
        item = build_item(unmet)
        assert item.args.when == When(has=(absent,))
        out = kind.evaluate(item, facts, RuleContext(example.parameters))
        assert (out.status, out.message) == (Status.NA, f"卷内无{DOC_KIND_ZH[absent]}，不适用")
        met = {**example.item, "args": {**example.item.get("args", {}), "when": {}}}
        assert run_case(example, case) == kind.evaluate(build_item(met), build_facts(case.facts), RuleContext(example.parameters))


def test_the_rules_package_has_no_import_circle():
    """Modules of scoring/rules/ import each other one way (type-checking imports count too)."""
    graph = {}
    for path in RULES.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[path.stem] = {
            node.module.removeprefix("scoring.rules.")
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scoring.rules.")
        }
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " → ".join((*path, name))
        if name not in done:
            for dep in graph.get(name, ()):
                visit(dep, (*path, name))
            done.add(name)

    for name in graph:
        visit(name, ())


def test_the_readmes_list_of_kinds_is_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert render(readme) == readme, "run: python -m scoring.rules.docs --write README.md"
    assert all(f"`{name}`" in readme for name in REGISTRY)
