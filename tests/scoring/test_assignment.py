"""Cross-review assignment (交叉评查): nobody reviews their own unit, ≥2 per file, balanced loads, clear errors."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipelines.cli import main
from reports.assignment_workbook import write_assignment
from reports.sample_workbook import write_sample
from scoring.campaign.assignment import (
    DETAIL_SHEET,
    SUMMARY_SHEET,
    AssignmentError,
    Reviewer,
    assign,
    read_reviewers,
    reviewers_by_dossier,
)
from scoring.campaign.sampling import Sample, SampleRow, read_sample

UNITS = ["区城管执法局", "区市场监督管理局", "区生态环境局", "某某镇人民政府", "某某街道办事处"]


def _sample(counts: dict[str, int]) -> Sample:
    rows = tuple(SampleRow(u, f"{u}/2025-{i:03d}") for u, n in counts.items() for i in range(1, n + 1))
    return Sample(method="per_unit", seed=5, min_per_unit=1, population=dict(counts), population_hash="0" * 64,
                  rows=rows, per_unit=4)


def _reviewers(spec: list[tuple[str, str]]) -> list[Reviewer]:
    return [Reviewer(name, unit) for name, unit in spec]


# a district panel: two from most units, one from the bureau itself (not a reviewed unit)
PANEL = [("张伟", UNITS[0]), ("王芳", UNITS[0]), ("李娜", UNITS[1]), ("刘洋", UNITS[1]), ("陈静", UNITS[2]),
         ("杨磊", UNITS[2]), ("赵敏", UNITS[3]), ("黄强", UNITS[4]), ("周杰", "区司法局")]
COUNTS = {UNITS[0]: 4, UNITS[1]: 4, UNITS[2]: 3, UNITS[3]: 2, UNITS[4]: 1}


def _check(result, reviewers: list[Reviewer], per_file: int) -> None:
    unit_of = {r.name: r.unit for r in reviewers}
    for f in result.files:
        assert len(set(f.reviewers)) >= per_file, f
        assert all(unit_of[name] != f.unit for name in f.reviewers), f


@pytest.mark.parametrize("seed", [0, 1, 7, 2025])
def test_no_own_unit_two_per_file_balanced(seed: int):
    reviewers = _reviewers(PANEL)
    result = assign(_sample(COUNTS), reviewers, per_file=2, seed=seed)
    _check(result, reviewers, 2)
    loads = result.loads()
    assert max(loads.values()) - min(loads.values()) <= 1, loads
    assert sum(loads.values()) == 2 * sum(COUNTS.values())
    assert {f.dossier_id for f in result.files} == {r.dossier_id for r in _sample(COUNTS).rows}
    # the 9th reviewer joins a group: every group has 2 or 3 members and a file goes to one group
    assert sorted(len(p.members) for p in result.panels) == [2, 2, 2, 3]
    members = {p.name: {m.name for m in p.members} for p in result.panels}
    assert all(set(f.reviewers) <= members[f.panel] for f in result.files)


def test_balanced_on_a_larger_campaign():
    counts = {f"单位{i:02d}": 4 for i in range(20)}
    reviewers = _reviewers([(f"评查员{i:02d}", f"单位{i:02d}") for i in range(12)])
    result = assign(_sample(counts), reviewers, per_file=2, seed=3)
    _check(result, reviewers, 2)
    loads = result.loads().values()
    assert max(loads) - min(loads) <= 1


def test_same_seed_same_assignment():
    reviewers = _reviewers(PANEL)
    a = assign(_sample(COUNTS), reviewers, seed=4)
    b = assign(_sample(COUNTS), reviewers, seed=4)
    assert a.files == b.files and a.panels == b.panels


def test_three_per_file():
    reviewers = _reviewers(PANEL)
    result = assign(_sample(COUNTS), reviewers, per_file=3, seed=1)
    _check(result, reviewers, 3)


def test_impossible_configuration_fails_with_a_one_line_reason():
    reviewers = _reviewers([("张伟", UNITS[0]), ("王芳", UNITS[0]), ("李娜", UNITS[1])])
    with pytest.raises(AssignmentError) as err:
        assign(_sample({UNITS[0]: 2, UNITS[1]: 1}), reviewers, per_file=2)
    assert str(err.value) == f"单位{UNITS[0]}的案卷需要2名非本单位评查人员，但只有1名"
    with pytest.raises(AssignmentError, match="只有1名"):
        assign(_sample({UNITS[0]: 1}), _reviewers([("周杰", "")]), per_file=2)


def test_outside_units_are_reported():
    result = assign(_sample(COUNTS), _reviewers(PANEL), seed=1)
    assert any("周杰（区司法局）" in w for w in result.warnings)


def test_workbook_and_reviewers_by_dossier(tmp_path: Path):
    result = assign(_sample(COUNTS), _reviewers(PANEL), seed=2)
    path = write_assignment(result, tmp_path / "assignment.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:2] == [SUMMARY_SHEET, DETAIL_SHEET]
    assert book.sheetnames[2:] == [p.name for p in result.panels]
    by_dossier = reviewers_by_dossier(path)
    assert by_dossier == result.reviewers_by_dossier()
    assert all(len(names) >= 2 for names in by_dossier.values())


def _write_reviewers(path: Path, rows: list[tuple], title: str | None = "评查人员名单") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    if title:
        ws.append([title])
    ws.append(["姓名", "单位", "专长", "备注"])
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def test_read_reviewers(tmp_path: Path):
    path = _write_reviewers(tmp_path / "r.xlsx", [("张 伟", UNITS[0], "城管", ""), ("周杰", None, "", "特邀")])
    assert read_reviewers(path) == [Reviewer("张伟", UNITS[0], "城管", ""), Reviewer("周杰", "", "", "特邀")]
    dup = _write_reviewers(tmp_path / "d.xlsx", [("张伟", UNITS[0]), ("张伟", UNITS[1])])
    with pytest.raises(AssignmentError, match="第4行姓名“张伟”与第3行重复"):
        read_reviewers(dup)


def test_cli_assign(tmp_path: Path, capsys):
    sample_path = write_sample(_sample(COUNTS), tmp_path / "sample.xlsx")
    reviewers = _write_reviewers(tmp_path / "reviewers.xlsx", PANEL)
    out = tmp_path / "assignment.xlsx"
    assert main(["assign", "--reviewers", str(reviewers), "--sample", str(sample_path), "--out", str(out)]) == 0
    assert set(reviewers_by_dossier(out)) == read_sample(sample_path).dossier_ids
    assert "每卷至少 2 人" in capsys.readouterr().out
    few = _write_reviewers(tmp_path / "few.xlsx", PANEL[:3])
    code = main(["assign", "--reviewers", str(few), "--sample", str(sample_path), "--out", str(tmp_path / "b.xlsx")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "非本单位评查人员" in err
    assert main(["assign", "--reviewers", str(reviewers), "--sample", str(tmp_path / "none.xlsx"),
                 "--out", str(tmp_path / "c.xlsx")]) == 2
