"""Element extraction: classified documents → per-document facts and canonical elements.

Public API: `extract_case(dossier) -> CaseFacts`, `extract_document(doc) -> DocFacts`,
`merge_elements(docs) -> Elements`. The parsers (case_numbers, dates, amounts, credit_code, party,
officers, provisions, remedies, fields) are pure functions on strings, usable on their own.
"""

from ingest.extract.document_facts import extract_document
from ingest.extract.merge import extract_case, merge_elements

__all__ = ["extract_case", "extract_document", "merge_elements"]
