"""A loaded review standard (评查标准) as typed, frozen data: categories, grade bands, items; and its errors.

Every number of the scoring arithmetic lives here, read from the checklist file (checklist-penalty-general.md:
"Points and thresholds are parameters of the checklist file, not code").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.errors import PingchaError
from scoring.rules import Args, RuleSpec


@dataclass(frozen=True)
class Issue:
    """One problem in a checklist file, printed like a linter's: `file:line: where: message`."""

    file: str
    line: int
    where: str  # item code or field path
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.where}: {self.message}"


class ChecklistError(PingchaError):
    """A checklist that cannot be used. str() is the first problem on one line; `issues` holds them all."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__(str(issues[0]))


@dataclass(frozen=True)
class Category:
    name: str
    points: int  # 0 for the veto category
    veto: bool = False


@dataclass(frozen=True)
class GradeBand:
    grade: str
    min_score: float  # the band holds scores >= min_score


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    name: str
    category: str
    points: float  # per occurrence; 0 for veto items
    cap: float
    veto: bool
    kind: str
    args: Args
    statute: str
    rationale: str
    line: int = 0

    @property
    def rule(self) -> RuleSpec:
        return RuleSpec(self.kind, self.args, self.line)


@dataclass(frozen=True)
class Supplement:
    """Items scored as their own section of a file when one of its documents is of a trigger kind (a 扣押决定书
    in a penalty file brings the coercive-measure items): another checklist, or a list of items in this file."""

    checklist: Checklist
    triggers: frozenset[str]  # DocKind values
    line: int = 0


@dataclass(frozen=True)
class Checklist:
    id: str
    version: str
    title: str
    content_hash: str  # sha256 of the file's bytes, hex
    parameters: dict[str, Any]
    categories: tuple[Category, ...]
    items: tuple[ChecklistItem, ...]
    grades: tuple[GradeBand, ...]  # highest first; the last has min_score 0
    source_path: Path
    description: str = ""
    supplements: tuple[Supplement, ...] = ()
    _by_code: dict[str, ChecklistItem] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {i.code: i for i in self.items})

    def item(self, code: str) -> ChecklistItem:
        return self._by_code[code]

    def find(self, code: str) -> ChecklistItem | None:
        """The item of that code, or None when this checklist has no such item."""
        return self._by_code.get(code)

    def category(self, name: str) -> Category:
        return next(c for c in self.categories if c.name == name)

    @property
    def fail_grade(self) -> str:
        return self.grades[-1].grade
