"""Reading one found dossier: every file read, split into documents and classified; failures become Problems.

`ingest.discover` finds the dossiers; this module reads them, one `DossierRef` at a time (in a worker process).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.classify import split_documents
from ingest.discover import DossierRef
from ingest.errors import ReadError
from ingest.glossary import DocKind, ProblemKind
from ingest.model import Document, Dossier, Problem
from ingest.readers import ReadLimits, read_file
from ingest.readers.budget import file_budget
from ingest.readers.common import CONTROL_CHARACTERS, clean_document

# OCR hook: given the file and its Document, return the Document with OCR text for `pages_needing_ocr`.
OcrHook = Callable[[Path, Document], Document]


def load_dossier(ref: DossierRef, limits: ReadLimits = ReadLimits(), ocr: OcrHook | None = None) -> Dossier:
    """Read, split and classify every file of a dossier; read failures become Problems, never exceptions.

    `documents` holds every part with text (UNKNOWN ones too, each also reported as UNCLASSIFIED).

    `ocr` (a module-level function, so it pickles) fills pages the text layer could not give; without it such
    pages are reported as OCR_UNAVAILABLE.
    """
    dossier = Dossier(dossier_id=ref.dossier_id, unit=ref.unit, files=list(ref.files))
    in_names = len(CONTROL_CHARACTERS.findall(ref.dossier_id))
    if in_names:
        dossier.problems.append(Problem(ref.dossier_id, "", ProblemKind.CONTROL_CHARACTERS,
                                        f"单位或案卷文件夹名称中有{in_names}个控制字符，工作簿和文书中已删除"))
    for name in ref.files:
        with file_budget(limits):  # one time budget for reading and OCR of the file
            _load_file(ref, name, limits, ocr, dossier)
    if not dossier.documents:
        dossier.problems.append(Problem(ref.dossier_id, "", ProblemKind.NO_DOCUMENTS,
                                        "案卷中没有任何可读取的文书"))
    return dossier


def _load_file(ref: DossierRef, name: str, limits: ReadLimits, ocr: OcrHook | None, dossier: Dossier) -> None:
    """Read, OCR, split and classify one file into `dossier`."""
    path = ref.file_path(name)
    try:
        doc = read_file(path, name, limits)
    except ReadError as exc:
        dossier.problems.append(Problem(ref.dossier_id, name, exc.kind, exc.message))
        return
    except Exception as exc:  # a bug, not the file's fault: report it and go on with the other files
        dossier.problems.append(Problem(ref.dossier_id, name, ProblemKind.INTERNAL_ERROR,
                                        f"读取时发生内部错误（{type(exc).__name__}: {exc}）"))
        return
    ocr_error: ReadError | None = None
    if ocr is not None and doc.pages_needing_ocr:
        try:
            doc = ocr(path, doc)
        except ReadError as exc:  # e.g. the engine cannot load: the file's text pages are still read
            ocr_error = exc
        except Exception as exc:
            ocr_error = ReadError(ProblemKind.INTERNAL_ERROR, f"OCR时发生内部错误（{type(exc).__name__}: {exc}）")
        doc = clean_document(doc)  # OCR output is read text too
    in_name = len(CONTROL_CHARACTERS.findall(name))
    if doc.control_characters or in_name:
        where = "、".join(part for part in (f"文件名称中有{in_name}个" if in_name else "",
                                            f"文字中有{doc.control_characters}个" if doc.control_characters else "")
                         if part)
        dossier.problems.append(Problem(ref.dossier_id, name, ProblemKind.CONTROL_CHARACTERS,
                                        f"{where}控制字符（不可见的格式符或损坏的字节），评查和输出时已删除"))
    if doc.pages_needing_ocr:
        pages = "、".join(map(str, doc.pages_needing_ocr))
        if ocr is None:
            kind, message = ProblemKind.OCR_UNAVAILABLE, f"第{pages}页没有可用的文字层（扫描件或字体乱码），需OCR识别后才能评查"
        elif ocr_error is not None:
            kind, message = ocr_error.kind, f"第{pages}页没有可用的文字层，未能OCR识别：{ocr_error.message}"
        else:
            kind, message = ProblemKind.OCR_FAILED, f"第{pages}页没有可用的文字层，OCR也未能识别，请人工查阅"
        dossier.problems.append(Problem(ref.dossier_id, name, kind, message))
    for part in split_documents(doc):
        if not part.blocks:  # a scan without OCR: reported above, nothing to extract
            continue
        dossier.documents.append(part)
        if part.kind is DocKind.UNKNOWN:
            first = part.blocks[0]
            dossier.problems.append(Problem(
                ref.dossier_id, name, ProblemKind.UNCLASSIFIED,
                f"未能识别文书类型（位置 {first.position.label()}，首行：{first.text.strip()[:40]}）",
            ))
