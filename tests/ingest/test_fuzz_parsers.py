"""Property-based: the parsers and the document extractor take any text and raise only our named errors.

Text in real dossiers is whatever a scanner, a font without a Unicode map or a careless template made of
it; a parser that raises on odd input would lose a dossier. Strings are drawn from the characters that
matter to the parsers (digits in three scripts, 大写 numerals, brackets, punctuation) plus arbitrary text.
"""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.errors import PingchaError
from ingest.extract import extract_document
from ingest.extract.amounts import find_amounts, find_fine
from ingest.extract.case_numbers import find_case_numbers
from ingest.extract.credit_code import check_code, find_codes
from ingest.extract.dates import find_dates, find_time_spans, parse_date
from ingest.extract.fields import extract_fields, labels_present
from ingest.extract.officers import find_officers_in_lines
from ingest.extract.party import parse_party
from ingest.extract.provisions import classify_citations, find_citations
from ingest.extract.remedies import (
    find_defense_right,
    find_hearing_right,
    find_payment_terms,
    find_remedies,
    find_waiver,
)
from ingest.glossary import DocKind
from ingest.model import Document, Position, TextBlock
from ingest.normalize import cn_amount, cn_to_int, fold, squash

ALPHABET = (
    "0123456789０１２３４５６７８９〇○零一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟亿元角分整"
    "年月日时分至号第条款项〔〕［］[]（）()《》【】：:；;，,。.、-—…¥￥*X "
    "罚决告字当事人统一社会信用代码执法人员证号依据违反规定复议诉讼人民政府缴纳送达\n\t\u3000"
)
texts = st.one_of(st.text(alphabet=ALPHABET, max_size=200), st.text(max_size=120))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_named_errors(fn, *args):
    with contextlib.suppress(PingchaError):  # anything else propagates and fails the test
        fn(*args)


@SETTINGS
@given(texts)
def test_text_parsers_never_raise_foreign_errors(text):
    for fn in (
        find_case_numbers, find_dates, find_time_spans, find_amounts, find_fine, find_codes, check_code,
        find_citations, classify_citations, find_remedies, find_payment_terms, find_waiver,
        find_defense_right, find_hearing_right, fold, squash, parse_date, cn_to_int, cn_amount,
    ):  # fmt: skip
        _only_named_errors(fn, text)


@SETTINGS
@given(st.lists(texts, max_size=12))
def test_line_parsers_never_raise_foreign_errors(lines):
    for fn in (parse_party, find_officers_in_lines, extract_fields, labels_present):
        _only_named_errors(fn, lines)


@SETTINGS
@given(st.lists(texts, max_size=15), st.sampled_from(list(DocKind)), st.booleans())
def test_document_extraction_never_raises(lines, kind, from_pdf):
    blocks = [
        TextBlock(line, Position(page=1 + i // 5) if from_pdf else Position(paragraph=i + 1))
        for i, line in enumerate(lines)
    ]
    doc = Document("f.pdf" if from_pdf else "f.docx", "pdf" if from_pdf else "docx", blocks=blocks, kind=kind,
                   title=lines[0] if lines else "")  # fmt: skip
    facts = extract_document(doc)
    assert facts.kind == kind
    for found in (facts.own_no, facts.party_name, facts.fine):
        if found is not None:
            assert found.evidence.source_file == doc.source_file
