"""The words of every document of a dossier, independent of the file format.

A `Doc` is a title and a list of blocks (paragraphs and tables); the renderers lay it out as .docx, text
PDF, image PDF or .xlsx. Planted defects change the words here and nowhere else: content_investigation.py
and content_decision.py write the documents, phrases.py what they all repeat.
"""

from __future__ import annotations

from samplegen.content_decision import DecisionDocs
from samplegen.content_investigation import InvestigationDocs
from samplegen.document import Doc, Para
from samplegen.model import DocSpec, DossierSpec


def build_doc(d: DossierSpec, doc: DocSpec) -> Doc:
    """The content of one document of the dossier."""
    return _Writer(d).build(doc)


class _Writer(InvestigationDocs, DecisionDocs):
    """One method per document role (`_decision`, `_service_receipt` …), from the two families."""

    def build(self, doc: DocSpec) -> Doc:
        role = doc.role.split(":")[0]
        method = getattr(self, f"_{role}")
        out: Doc = method(doc)
        out.blocks.insert(0, Para(doc.title, align="center", bold=True, size=18))
        return out
