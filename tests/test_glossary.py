"""The glossary is the one place reviewer-facing Chinese words live (design: code in English, labels in Chinese).

Checks: every enum member has its Chinese label; within one glossary dict no two keys share a word unless that
is intended; and the modules that print labels define none of their own at module level.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

import ingest.glossary
import pipelines.glossary
import reports.glossary
import scoring.glossary
from ingest.glossary import DOC_KIND_ZH, PROBLEM_KIND_ZH, REGISTER_HEADERS_ZH, DocKind, ProblemKind
from scoring.glossary import CHECKLIST_TABLE_ZH, FINDING_ZH, SHORT_TERMS_ZH, STATUS_ZH, TERMS_ZH, Status
from tests.paths import ROOT

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # ideographs; punctuation such as 、； is not a label

# Two keys of one dict that intentionally spell the same word: (dict name, word) -> the keys.
INTENDED_SYNONYMS: dict[tuple[str, str], set[str]] = {
    # trends.xlsx's first sheet is named after its subject, the campaigns (评查活动), like the column header.
    ("TREND_ZH", "评查活动"): {"campaign", "sheet_campaigns"},
    # Both are placeholders the bureau fills in with a date; the circular uses them in different places.
    ("DOC_ZH", "20XX年X月X日"): {"date_placeholder", "deadline_placeholder"},
}

# The modules that print reviewer-facing labels; none of them may define Chinese words at module level.
LABEL_MODULES: tuple[str, ...] = (
    "scoring/campaign/sampling.py",
    "scoring/campaign/assignment.py",
    "reports/sample_workbook.py",
    "reports/assignment_workbook.py",
    "pipelines/campaign_cli.py",
    "pipelines/console.py",
    "reports/platform_export.py",
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "reports" / "history").glob("*.py")),
    "reports/circular.py",
    "reports/letters.py",
    "reports/document_text.py",
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "reports" / "govdoc").glob("*.py")),
    "reports/scorecard.py",
    "reports/xlsx.py",
    "reports/charts.py",
    "reports/validation.py",
    "reports/expectations.py",
)

# Module-level constants with Chinese in them that are not labels, so they stay where they are.
ALLOWED_CONSTANTS: dict[tuple[str, str], str] = {
    # A paragraph of instructions on re-drawing the sample, written into 抽样说明; prose, not a label.
    ("scoring/campaign/sampling.py", "REDRAW_NOTE"): "prose",
    # Patterns matched against document text (case numbers, 'missing document' wording), not words we print.
    ("reports/expectations.py", "CASE_NO_REGEX"): "pattern",
    ("reports/expectations.py", "MISSING_WORDS"): "pattern",
    # Characters after which a long 公文 title may be broken onto its second line.
    ("reports/govdoc/writer.py", "_TITLE_BREAKS"): "pattern",
}


# Each layer's words, lowest first: a higher layer imports a lower layer's word, never spells it again.
GLOSSARIES = (ingest.glossary, scoring.glossary, reports.glossary, pipelines.glossary)


def _own_names(module) -> dict[str, object]:
    """The upper-case names a glossary module defines itself (not those it imports from a lower layer)."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    defined = {t.id for n in tree.body if isinstance(n, ast.Assign | ast.AnnAssign)
               for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
    return {name: getattr(module, name) for name in defined if name.isupper()}


def _glossary_dicts() -> dict[str, dict]:
    return {name: value for module in GLOSSARIES for name, value in _own_names(module).items()
            if isinstance(value, dict) and value}


def test_each_name_is_defined_in_one_layer_only():
    seen: dict[str, str] = {}
    for module in GLOSSARIES:
        for name in _own_names(module):
            assert name not in seen, f"{name} defined in both {seen[name]} and {module.__name__}"
            seen[name] = module.__name__


def test_every_glossary_table_is_used():
    """A word nobody prints is a word to delete, not to keep."""
    sources = [p.read_text(encoding="utf-8") for layer in ("ingest", "scoring", "reports", "pipelines")
               for p in (ROOT / layer).rglob("*.py") if p.name != "glossary.py"]
    unused = [name for module in GLOSSARIES for name in _own_names(module)
              if not any(re.search(rf"\b{name}\b", text) for text in sources)]
    assert not unused, f"glossary names nothing uses: {unused}"


def test_every_doc_kind_problem_kind_and_status_has_a_chinese_label():
    for enum, table in ((DocKind, DOC_KIND_ZH), (ProblemKind, PROBLEM_KIND_ZH), (Status, STATUS_ZH)):
        missing = [member for member in enum if not CJK.search(table.get(member, ""))]
        assert not missing, f"{enum.__name__} without a Chinese label: {missing}"
        assert set(table) == set(enum), f"{enum.__name__}: labels for unknown members"


def test_no_two_keys_of_one_dict_share_a_word_unless_intended():
    clashes = []
    used_synonyms = set()
    for name, table in _glossary_dicts().items():
        keys_by_word: dict[str, set[str]] = defaultdict(set)
        for key, word in table.items():
            if isinstance(word, str):
                keys_by_word[word].add(str(key))
        for word, keys in keys_by_word.items():
            if len(keys) < 2:
                continue
            if INTENDED_SYNONYMS.get((name, word)) == keys:
                used_synonyms.add((name, word))
            else:
                clashes.append(f"{name}: {sorted(keys)} -> {word}")
    assert not clashes, "same word under two keys (add to INTENDED_SYNONYMS if intended):\n" + "\n".join(clashes)
    assert used_synonyms == set(INTENDED_SYNONYMS), "stale INTENDED_SYNONYMS entries"


def test_register_header_synonyms_are_not_shared_between_columns():
    seen: dict[str, str] = {}
    for column, words in REGISTER_HEADERS_ZH.items():
        assert len(set(words)) == len(words), column
        for word in words:
            assert word not in seen, f"{word} accepted for both {seen[word]} and {column}"
            seen[word] = column


def test_short_forms_name_a_glossary_word_and_differ_from_it():
    long_forms = TERMS_ZH | FINDING_ZH
    for key, short in SHORT_TERMS_ZH.items():
        assert key in long_forms and long_forms[key] != short, key
    # the checklist table's columns are, in order, describe_checklist's tuple
    assert list(CHECKLIST_TABLE_ZH) == ["code", "name", "category", "points", "cap", "veto", "rule", "statute"]


def _has_cjk(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and CJK.search(n.value)
               for n in ast.walk(node))


def _module_constants_with_cjk(path: Path) -> list[tuple[str, int]]:
    """Names (and lines) of module-level assignments whose value contains a Chinese string literal."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if not _has_cjk(value):
            continue
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    found.append((name.id, node.lineno))
    return found


@pytest.mark.parametrize("module", LABEL_MODULES)
def test_label_modules_take_their_words_from_the_glossary(module):
    path = ROOT / module
    offenders = [f"{module}:{line} {name}" for name, line in _module_constants_with_cjk(path)
                 if (module, name) not in ALLOWED_CONSTANTS]
    assert not offenders, "Chinese labels defined outside the layers' glossaries:\n" + "\n".join(offenders)


def test_allowed_constants_still_exist():
    for module, name in ALLOWED_CONSTANTS:
        names = {n for n, _ in _module_constants_with_cjk(ROOT / module)}
        assert name in names, f"stale allow-list entry {module} {name}"
