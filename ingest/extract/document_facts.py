"""One document → `DocFacts`: the collectors run over its layout, every value keeps its evidence.

`layout` joins a document's lines into paragraphs; `date_roles` names each date's role; `facts_identity`
reads case numbers, agency, party and officers; `facts_decision` the narrative, amounts, provisions and
clauses; `facts_records` a party's signature and the document served.
"""

from __future__ import annotations

from ingest.extract.date_roles import SPAN_KINDS, collect_dates
from ingest.extract.facts_coercion import collect_coercion
from ingest.extract.facts_decision import (
    collect_amounts,
    collect_clauses,
    collect_narrative,
    collect_provisions,
)
from ingest.extract.facts_execution import collect_execution
from ingest.extract.facts_identity import (
    collect_agency,
    collect_case_numbers,
    collect_officers,
    collect_party,
)
from ingest.extract.facts_inspection import collect_inspection
from ingest.extract.facts_license import collect_license
from ingest.extract.facts_on_the_spot import collect_on_the_spot
from ingest.extract.facts_onsite_record import collect_onsite_record
from ingest.extract.facts_records import collect_served, collect_signature
from ingest.extract.facts_three_systems import collect_three_systems
from ingest.extract.fields import FieldHit, blank_in_tables, canonical_label, extract_fields
from ingest.extract.layout import Layout, field_span
from ingest.glossary import RECORD_KINDS, DocKind
from ingest.model import DocFacts, Document, Position


def extract_document(doc: Document) -> DocFacts:
    """Everything the parsers find in one classified document."""
    d = Layout(doc)
    facts = DocFacts(
        source_file=doc.source_file,
        kind=doc.kind,
        title=doc.title,
        position=d.blocks[0].position if d.blocks else Position(),
    )
    if not d.blocks:
        return facts
    collect_case_numbers(d, facts)
    collect_agency(d, facts)
    collect_party(d, facts)
    read = extract_fields(d.lines)
    for label in blank_in_tables([row for table in doc.tables for row in table.rows]):
        line = next((i for i, text in enumerate(d.lines) if canonical_label(text.split("\t")[-1]) == label), None)
        if label not in read and line is not None:
            read[label] = FieldHit(label, "", line)
    facts.fields = {label: d.found(hit.value, hit.line, *field_span(d, hit)) for label, hit in read.items()}
    fields = {label: hit for label, hit in read.items() if hit.value}  # what is filled in
    collect_narrative(d, facts)
    collect_officers(d, facts)
    collect_dates(d, facts, fields)
    collect_amounts(d, facts)
    collect_provisions(d, facts)
    collect_clauses(d, facts)
    if doc.kind in RECORD_KINDS or doc.kind in SPAN_KINDS or doc.kind == DocKind.SEIZURE_RECORD:
        collect_signature(d, facts, fields)
    if doc.kind == DocKind.SERVICE_RECEIPT:
        collect_served(d, facts, fields)
    collect_license(d, facts)
    collect_coercion(d, facts)
    collect_execution(d, facts)
    collect_inspection(d, facts)
    collect_onsite_record(d, facts)
    collect_three_systems(d, facts)
    if doc.kind == DocKind.ON_THE_SPOT_DECISION:
        collect_on_the_spot(d, facts, fields)
    place = fields.get("地点") or fields.get("违法地点") or fields.get("送达地点")
    if place is not None:
        facts.place = facts.fields[place.label]
    return facts
