"""Campaign discovery and dossier loading: layout, problems, order, and pickling for worker processes."""

from __future__ import annotations

import pickle
from pathlib import Path

from ingest.discover import discover_campaign
from ingest.glossary import DocKind, ProblemKind
from ingest.load import load_dossier
from ingest.readers.sniff import OLE_MAGIC
from tests.ingest.builders import make_docx, make_pdf, make_xlsx


def _campaign(root: Path) -> Path:
    unit = root / "区城管执法局"
    case = unit / "2025-017 某某公司案"
    (case / "副卷").mkdir(parents=True)
    make_docx(case / "决定书.docx", ["北京市朝阳区城市管理综合行政执法局", "行政处罚决定书", "京朝城管罚字〔2024〕第12号"])
    make_pdf(case / "副卷" / "送达回证.pdf", [["送达回证", "受送达人：某某公司"]])
    (case / "照片.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    (case / "~$决定书.docx").write_bytes(b"lock")
    (case / ".DS_Store").write_bytes(b"\x00")
    (case / "旧文书.doc").write_bytes(OLE_MAGIC + b"\x00" * 600)
    make_pdf(unit / "２０２５－０１８　全卷.pdf", [["行政处罚决定书"], ["送达回证"]])
    make_xlsx(unit / "2025年案件台账.xlsx", {"S": [["序号", "文号"]]})
    (unit / "空案卷").mkdir()
    (unit / "空案卷" / "readme.txt").write_text("x", encoding="utf-8")
    (root / "零执法 镇政府").mkdir()
    (root / "说明.docx").write_bytes(b"")
    return root


def test_discover_layout(tmp_path: Path) -> None:
    inv = discover_campaign(_campaign(tmp_path))
    assert inv.units == ["区城管执法局", "零执法 镇政府"]
    assert [(d.dossier_id, d.single_file) for d in inv.dossiers] == [
        ("区城管执法局/2025-017 某某公司案", False),
        ("区城管执法局/２０２５－０１８　全卷.pdf", True),
    ]
    folder = inv.dossiers[0]
    assert folder.files == ("决定书.docx", "副卷/送达回证.pdf", "旧文书.doc")
    assert folder.path == tmp_path / "区城管执法局" / "2025-017 某某公司案"
    assert inv.dossiers[1].files == ("２０２５－０１８　全卷.pdf",)
    assert [r.name for r in inv.registers] == ["区城管执法局/2025年案件台账.xlsx"]
    problems = {(p.dossier_id, p.source_file, p.kind) for p in inv.problems}
    assert problems == {
        ("区城管执法局/2025-017 某某公司案", ".DS_Store", ProblemKind.UNSUPPORTED),
        ("区城管执法局/2025-017 某某公司案", "~$决定书.docx", ProblemKind.UNSUPPORTED),
        ("区城管执法局/2025-017 某某公司案", "照片.jpg", ProblemKind.UNSUPPORTED),
        ("区城管执法局/空案卷", "readme.txt", ProblemKind.UNSUPPORTED),
        ("区城管执法局/空案卷", "", ProblemKind.NO_DOCUMENTS),
        ("零执法 镇政府", "", ProblemKind.NO_DOSSIERS),
        ("", "说明.docx", ProblemKind.MISPLACED),
    }
    no_dossiers = next(p for p in inv.problems if p.kind is ProblemKind.NO_DOSSIERS)
    assert "零执法单位需说明情况" in no_dossiers.message
    lock = next(p for p in inv.problems if p.source_file.startswith("~$"))
    assert "锁定文件" in lock.message
    assert discover_campaign(tmp_path) == inv  # deterministic


def test_load_folder_dossier(tmp_path: Path) -> None:
    inv = discover_campaign(_campaign(tmp_path))
    ref = pickle.loads(pickle.dumps(inv.dossiers[0]))  # refs travel to worker processes
    dossier = load_dossier(ref)
    pickle.dumps(dossier)
    assert dossier.dossier_id == "区城管执法局/2025-017 某某公司案" and dossier.unit == "区城管执法局"
    assert [(d.source_file, d.kind) for d in dossier.documents] == [
        ("决定书.docx", DocKind.DECISION),
        ("副卷/送达回证.pdf", DocKind.SERVICE_RECEIPT),
    ]
    assert [(p.source_file, p.kind) for p in dossier.problems] == [("旧文书.doc", ProblemKind.LEGACY_FORMAT)]
    ev = dossier.documents[1].kind_evidence
    assert ev is not None and ev.source_file == "副卷/送达回证.pdf" and ev.position.page == 1


def test_load_single_file_dossier_splits(tmp_path: Path) -> None:
    inv = discover_campaign(_campaign(tmp_path))
    dossier = load_dossier(inv.dossiers[1])
    assert [d.kind for d in dossier.documents] == [DocKind.DECISION, DocKind.SERVICE_RECEIPT]
    assert {d.source_file for d in dossier.documents} == {"２０２５－０１８　全卷.pdf"}
    assert dossier.problems == []


def test_unclassified_and_unreadable(tmp_path: Path) -> None:
    case = tmp_path / "单位" / "案卷"
    case.mkdir(parents=True)
    make_docx(case / "a.docx", ["情况说明", "经研究……"])
    (case / "b.pdf").write_bytes(b"%PDF-1.4\n broken")
    dossier = load_dossier(discover_campaign(tmp_path).dossiers[0])
    assert [d.kind for d in dossier.documents] == [DocKind.UNKNOWN]
    assert [(p.source_file, p.kind) for p in dossier.problems] == [
        ("a.docx", ProblemKind.UNCLASSIFIED),
        ("b.pdf", ProblemKind.CORRUPT),
    ]


def test_nothing_readable_and_scans(tmp_path: Path) -> None:
    case = tmp_path / "单位" / "案卷"
    case.mkdir(parents=True)
    (case / "empty.docx").write_bytes(b"")
    make_pdf(case / "scan.pdf", [[]], image_pages=[1])
    dossier = load_dossier(discover_campaign(tmp_path).dossiers[0])
    assert dossier.documents == []  # nothing with text: the scan waits for OCR
    kinds = [(p.source_file, p.kind) for p in dossier.problems]
    assert kinds == [
        ("empty.docx", ProblemKind.EMPTY),
        ("scan.pdf", ProblemKind.OCR_UNAVAILABLE),
        ("", ProblemKind.NO_DOCUMENTS),
    ]


def test_long_and_nfd_names(tmp_path: Path) -> None:
    import unicodedata

    deep = tmp_path / "单位" / ("很长的案卷名称" * 12) / "子目录" / "再下一级"
    deep.mkdir(parents=True)
    make_docx(deep / "送达回证.docx", ["送达回证"])
    nfd = unicodedata.normalize("NFD", "Café 案卷")
    (tmp_path / "单位" / nfd).mkdir()
    make_docx(tmp_path / "单位" / nfd / "x.docx", ["备考表"])
    inv = discover_campaign(tmp_path)
    assert [d.dossier_id for d in inv.dossiers] == ["单位/Café 案卷", "单位/" + "很长的案卷名称" * 12]
    assert inv.dossiers[1].files == ("子目录/再下一级/送达回证.docx",)
    assert load_dossier(inv.dossiers[1]).documents[0].kind is DocKind.SERVICE_RECEIPT


def test_an_ocr_engine_that_cannot_load_keeps_the_text_pages(tmp_path: Path) -> None:
    """A PDF with a text page and a scanned page, on a machine whose OCR engine fails to load: the text
    page is still read and classified, and the scanned page is reported as ocr-unavailable with the reason."""
    from ingest.errors import ReadError

    unit = tmp_path / "区市场监管局"
    unit.mkdir()
    make_pdf(unit / "2025-003.pdf", [["行政处罚决定书", "京朝市监罚〔2025〕3号"], ["送达回证"]], image_pages=[2])

    def broken_engine(path: Path, doc):
        raise ReadError(ProblemKind.OCR_UNAVAILABLE, "OCR引擎不可用（ImportError: libGL.so.1）")

    (ref,) = discover_campaign(tmp_path).dossiers
    dossier = load_dossier(ref, ocr=broken_engine)

    assert [d.kind for d in dossier.documents] == [DocKind.DECISION]
    assert [(p.kind, p.message) for p in dossier.problems] == [
        (ProblemKind.OCR_UNAVAILABLE, "第2页没有可用的文字层，未能OCR识别：OCR引擎不可用（ImportError: libGL.so.1）")
    ]
