"""Rule kinds. Every public module here registers one kind; importing the package imports them all, so
adding a kind means adding one module, and nothing else: the checklist loader finds it in the registry,
tests/scoring/rules/test_rule_kinds.py runs its example, and the README's list of kinds is generated (`python -m
scoring.rules.docs --write README.md`).

A kind's module holds an args model (a subclass of `Args`; unknown keys are errors) and a check decorated
with `@register("name", args=...)`. A precondition is declared, not coded: `when: When | None = None` in the
args model, and the dispatcher (`RuleKind.evaluate`) returns its n/a before the check runs.

The module docstring is the kind's documentation: a first line `name: what it checks`, then why, then one
example in a fenced yaml block (```yaml … ```), in this format:

    item:                     # the checklist item as a checklist writes it: kind and args
      kind: document_present
      args: {kinds: [filing_approval]}
    parameters: {}            # the checklist parameters the args name (optional)
    pass:                     # one case (or a list of cases) per expected status:
      facts:                  #   pass, fail, n/a, unknown, manual
        documents:            # the file as facts: documents, elements, problems
          - {file: 02立案.docx, kind: filing_approval}
      message: 卷内有立案审批表（02立案.docx）  # the exact message (optional)
      evidence: 02立案.docx   # the evidence's file, '' for an absence (optional)
    fail:
      facts: {documents: []}
      message: 卷内未见立案审批表
      occurrences: 1          # optional

Facts (examples.build_facts): `documents` is a list of DocFacts written as {file, kind, <field>: value};
`elements` the case's Elements; `problems` a list of {file, kind, message}. A value read from a document
(a `Found`) is written bare, and its evidence is that document's file; write {value, file, quote} to say
where it was read (elements have no file of their own). Dates are ISO dates, date roles and document kinds
their enum values. Every kind shows at least a pass and a fail case; a kind registered with
`asks_reviewer=True` (manual) shows a manual case instead.
"""

from __future__ import annotations

import importlib
import pkgutil

from scoring.rules.base import Outcome, RuleContext
from scoring.rules.registry import REGISTRY, Args, RuleKind, RuleSpec, get_kind, register

# the machinery kinds build on, documentation and examples; every other public module is one kind
SUPPORT = frozenset({"args", "base", "when", "registry", "examples", "docs"})

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_") and _module.name not in SUPPORT:
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["REGISTRY", "Args", "Outcome", "RuleContext", "RuleKind", "RuleSpec", "get_kind", "register"]
