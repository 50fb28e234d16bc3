"""Checklists as data: load a review standard (评查标准) from YAML, validate it, describe it.

A checklist file holds every number and every item (checklist-penalty-general.md: "Points and thresholds are
parameters of the checklist file, not code"). Validation errors name file, line and field, one per line,
like a linter: `penalty-general.yaml:57: R09: unknown rule kind 'within_dayz'`.

model.py holds the typed checklist, source.py reads YAML with lines, validate.py checks and builds,
load.py finds files, describe.py lists items for people.
"""

from scoring.checklist.describe import DESCRIBE_HEADER, describe_checklist
from scoring.checklist.load import BUNDLED_DIR, available_checklists, load_checklist, resolve_checklist
from scoring.checklist.model import Category, Checklist, ChecklistError, ChecklistItem, GradeBand, Issue

__all__ = [
    "BUNDLED_DIR", "DESCRIBE_HEADER", "Category", "Checklist", "ChecklistError", "ChecklistItem", "GradeBand",
    "Issue", "available_checklists", "describe_checklist", "load_checklist", "resolve_checklist",
]
