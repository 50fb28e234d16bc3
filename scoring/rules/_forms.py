"""What the `contents` kind knows of a document: its parts (present, missing, or unreadable) and how a form's
part is read. Kept apart from contents.py so that each document's parts can live in a module of their own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DateRole, DocFacts, Evidence
from scoring.rules.base import _attr_set, labelled


@dataclass(frozen=True)
class Part:
    label: str  # what a reviewer calls it
    check: Callable[[DocFacts, CaseFacts], bool | None]  # True present, False missing, None unreadable
    applies: Callable[[CaseFacts], bool] = lambda facts: True
    # prose the model cannot see (违法事实 in a decision): "cannot tell" is noted, never unknown or a fail
    narrative: bool = False
    # why the part cannot be told in this document (a scan …), said instead of "未能识别", or None
    why: Callable[[DocFacts, CaseFacts], str | None] | None = None
    # the line that shows the part (a signature line, a 未到场 note), quoted rather than the title
    evidence: Callable[[DocFacts], Evidence | None] | None = None


@dataclass(frozen=True)
class Form:
    kind: DocKind  # the document checked unless `kinds` says otherwise
    name_zh: str  # how the n/a message names it
    parts: dict[str, Part] = field(default_factory=dict)


def form_part(doc: DocFacts, attrs: tuple[str, ...] = (), labels: tuple[str, ...] = (),
              dates: tuple[DateRole, ...] = ()) -> bool | None:
    """A part of a form (送达回证): present when read; missing only when its label was read blank."""
    if any(_attr_set(doc, a) for a in attrs) or any(r in doc.dates for r in dates):
        return True
    return labelled(doc, labels)
