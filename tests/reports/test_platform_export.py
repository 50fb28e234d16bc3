"""Platform export: one row per file, columns named and ordered by the mapping file, clear mapping errors."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from pipelines.cli import main
from reports.platform_export import CSV_NAME, XLSX_NAME, PlatformMappingError, export_platform, load_mapping
from tests.reports.fake_run import UNIT_A, UNIT_B, make_run


def _read_csv(path: Path) -> list[dict[str, str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 BOM so Excel opens it
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_default_mapping(tmp_path: Path):
    out = make_run(tmp_path / "run")
    csv_path, xlsx_path = export_platform(out)
    assert (csv_path.name, xlsx_path.name) == (CSV_NAME, XLSX_NAME)
    rows = _read_csv(csv_path)
    headers = [h for h, _, _ in load_mapping()]
    assert list(rows[0]) == headers
    assert len(rows) == 6
    vetoed = next(r for r in rows if r["案件文号"] == "京市监罚〔2025〕9号")
    assert (vetoed["被评查单位"], vetoed["是否否决"], vetoed["评查等次"]) == (UNIT_B, "是", "不合格")
    assert vetoed["主要问题"].startswith("未履行事先告知程序")  # the veto item first
    assert vetoed["评查日期"] == "2025-07-01"
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert [c.value for c in sheet[1]] == headers


def test_custom_mapping_reorders_renames_and_adds_constants(tmp_path: Path):
    out = make_run(tmp_path / "run")
    mapping = tmp_path / "city.yaml"
    mapping.write_text(
        "columns:\n"
        "  - {source: case_no, header: 决定文书号}\n"
        "  - {source: score, header: 分数}\n"
        "  - {value: '110115', header: 区划代码}\n"
        "  - {source: reviewers, header: 评查人}\n"
        "  - {source: unit, header: 执法主体}\n",
        encoding="utf-8",
    )
    reviewers = {f"{UNIT_A}/2025-017": ["张伟", "李娜"]}
    csv_path, xlsx_path = export_platform(out, mapping, reviewers=reviewers)
    rows = _read_csv(csv_path)
    assert list(rows[0]) == ["决定文书号", "分数", "区划代码", "评查人", "执法主体"]
    row = next(r for r in rows if r["决定文书号"] == "京城管罚决字〔2025〕17号")
    assert (row["评查人"], row["执法主体"], row["区划代码"]) == ("张伟、李娜", UNIT_A, "110115")
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert [c.value for c in sheet[1]] == ["决定文书号", "分数", "区划代码", "评查人", "执法主体"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("columns: []\n", "须有 columns 列表"),
        ("columns:\n  - {source: scroe, header: 得分}\n", "第1列（得分）：未知的数据项“scroe”"),
        ("columns:\n  - {source: unit, header: 单位}\n  - {source: grade, header: 单位}\n", "第2列：列名“单位”重复"),
        ("columns:\n  - {source: unit}\n", "第1列：缺少列名 header"),
        ("columns:\n  - {source: unit, header: 单位, width: 3}\n", "未知的键 width"),
        ("columns: [unit\n", "不是有效的YAML"),
    ],
)
def test_mapping_errors_are_named(tmp_path: Path, text: str, message: str):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlatformMappingError, match=message.replace("(", r"\(")):
        load_mapping(path)


def test_cli_export(tmp_path: Path, capsys):
    out = make_run(tmp_path / "run")
    assert main(["export", str(out)]) == 0
    assert (out / CSV_NAME).is_file() and (out / XLSX_NAME).is_file()
    bad = tmp_path / "bad.yaml"
    bad.write_text("columns:\n  - {source: nope, header: X}\n", encoding="utf-8")
    assert main(["export", str(out), "--mapping", str(bad)]) == 2
    assert main(["export", str(tmp_path / "missing")]) == 2
    assert main(["export", str(tmp_path), "--mapping", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and "未知的数据项“nope”" in err[0]


def test_cli_export_with_assignment(tmp_path: Path):
    from reports.assignment_workbook import write_assignment
    from scoring.campaign.assignment import Reviewer, assign
    from scoring.campaign.sampling import Sample, SampleRow

    out = make_run(tmp_path / "run")
    with (out / "cases.csv").open(encoding="utf-8-sig", newline="") as f:
        cases = [(r["unit"], r["dossier_id"]) for r in csv.DictReader(f)]
    sample = Sample(method="per_unit", seed=1, min_per_unit=1, population={}, population_hash="0" * 64,
                    rows=tuple(SampleRow(u, d) for u, d in cases))
    reviewers = [Reviewer("张伟", "区司法局"), Reviewer("李娜", "区司法局"), Reviewer("王芳", "")]
    assignment = write_assignment(assign(sample, reviewers, seed=1), tmp_path / "assignment.xlsx")
    assert main(["export", str(out), "--assignment", str(assignment)]) == 0
    rows = _read_csv(out / CSV_NAME)
    assert all(len(r["评查人员"].split("、")) >= 2 for r in rows)
