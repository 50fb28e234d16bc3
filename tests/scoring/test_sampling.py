"""Sampling (抽查): reproducible from the seed, every unit gets its minimum, the population hash is stable."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ingest.discover import CampaignInventory, DossierRef
from pipelines.cli import main
from reports.sample_workbook import write_sample
from scoring.campaign.sampling import (
    INFO_SHEET,
    RESULT_SHEET,
    SampleError,
    draw_sample,
    population_hash,
    quota,
    read_sample,
)

COUNTS = {"区城管执法局": 40, "区市场监督管理局": 25, "某某镇人民政府": 3, "某某街道办事处": 1}


def _inventory(counts: dict[str, int] = COUNTS, names: dict[str, list[str]] | None = None) -> CampaignInventory:
    inv = CampaignInventory(root=Path("/campaign"), units=sorted(counts))
    for unit, n in counts.items():
        for case in (names or {}).get(unit) or [f"2025-{i:03d}" for i in range(1, n + 1)]:
            inv.dossiers.append(DossierRef(f"{unit}/{case}", unit, Path("/campaign") / unit / case, False, ("a.docx",)))
    return inv


def _make_campaign(root: Path, counts: dict[str, int]) -> Path:
    for unit, n in counts.items():
        for i in range(1, n + 1):
            case = root / unit / f"2025-{i:03d}"
            case.mkdir(parents=True)
            (case / "决定书.pdf").write_bytes(b"%PDF-1.4\n")
    return root


def test_same_seed_same_sample_and_different_seed_different():
    inv = _inventory()
    a = draw_sample(inv, rate=0.1, per_unit=None, seed=2025)
    b = draw_sample(inv, rate=0.1, per_unit=None, seed=2025)
    c = draw_sample(inv, rate=0.1, per_unit=None, seed=2026)
    assert a.rows == b.rows
    assert a.dossier_ids != c.dossier_ids


def test_every_unit_gets_its_minimum_and_rate_is_rounded_half_up():
    sample = draw_sample(_inventory(), rate=0.06, per_unit=None, min_per_unit=2, seed=1)
    # 40 × 6% = 2.4 → 2; 25 × 6% = 1.5 → 2 (四舍五入); 3 → min 2; 1 → capped at 1
    assert sample.drawn == {"区城管执法局": 2, "区市场监督管理局": 2, "某某镇人民政府": 2, "某某街道办事处": 1}
    assert sample.population == COUNTS | {}
    assert quota(50, rate=0.05, per_unit=None, min_per_unit=1) == 3  # 2.5 → 3, not Python's round() → 2


def test_per_unit_is_capped_at_the_unit_count():
    sample = draw_sample(_inventory(), rate=None, per_unit=4, seed=1)
    assert sample.drawn == {"区城管执法局": 4, "区市场监督管理局": 4, "某某镇人民政府": 3, "某某街道办事处": 1}
    assert all(row.dossier_id.startswith(row.unit + "/") for row in sample.rows)


def test_population_hash_is_stable_and_order_free():
    inv = _inventory()
    ids = [d.dossier_id for d in inv.dossiers]
    sample = draw_sample(inv, rate=None, per_unit=1, seed=3)
    assert sample.population_hash == population_hash(reversed(ids)) == population_hash(sorted(ids))
    assert len(sample.population_hash) == 64
    assert draw_sample(_inventory({"A": 2}), rate=None, per_unit=1, seed=3).population_hash != sample.population_hash


def test_case_type_from_folder_names_stratifies_the_unit():
    names = {"区城管执法局": [f"处罚-{i:02d}" for i in range(8)] + ["许可-01", "许可-02"]}
    inv = _inventory({"区城管执法局": 10}, names)
    sample = draw_sample(inv, rate=0.4, per_unit=None, seed=9)
    types = sorted(row.case_type for row in sample.rows)
    assert types.count("行政许可") == 1 and types.count("行政处罚") == 3  # 4 split 8:2 in proportion
    assert sample.stratified_by_type == ("区城管执法局",)


def test_write_and_read_back(tmp_path: Path):
    sample = draw_sample(_inventory(), rate=0.1, per_unit=None, seed=7)
    path = write_sample(sample, tmp_path / "sample.xlsx")
    back = read_sample(path)
    assert back.dossier_ids == sample.dossier_ids
    assert (back.seed, back.population_hash, back.population) == (sample.seed, sample.population_hash, sample.population)
    assert back.describe()["drawn_total"] == len(sample.rows)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [RESULT_SHEET, INFO_SHEET]
    assert [c.value for c in book[RESULT_SHEET][1]][:3] == ["序号", "单位", "案卷"]


def test_read_sample_names_what_is_wrong(tmp_path: Path):
    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.save(path)
    with pytest.raises(SampleError, match="缺少工作表“抽样结果”"):
        read_sample(path)
    with pytest.raises(SampleError, match="不存在"):
        read_sample(tmp_path / "missing.xlsx")


def test_bad_parameters_are_named():
    with pytest.raises(SampleError, match="二选一"):
        draw_sample(_inventory(), rate=0.1, per_unit=2, seed=1)
    with pytest.raises(SampleError, match="抽样比例"):
        draw_sample(_inventory(), rate=1.5, per_unit=None, seed=1)


def test_cli_sample(tmp_path: Path, capsys):
    root = _make_campaign(tmp_path / "campaign", {"区城管执法局": 5, "某某镇人民政府": 2})
    out = tmp_path / "sample.xlsx"
    assert main(["sample", str(root), "--rate", "40%", "--seed", "11", "--out", str(out)]) == 0
    assert read_sample(out).drawn == {"区城管执法局": 2, "某某镇人民政府": 1}
    assert "抽取案卷 3 卷" in capsys.readouterr().out
    # a sample is a campaign record: not overwritten by accident
    assert main(["sample", str(root), "--per-unit", "1", "--seed", "11", "--out", str(out)]) == 2
    assert main(["sample", str(root), "--per-unit", "1", "--seed", "11", "--out", str(out), "--overwrite"]) == 0
    assert main(["sample", str(root), "--rate", "2", "--seed", "1", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert main(["sample", str(root), "--seed", "1", "--out", str(tmp_path / "x.xlsx")]) == 2  # no method
    assert main(["sample", str(tmp_path / "nowhere"), "--per-unit", "1", "--seed", "1", "--out", str(tmp_path / "y.xlsx")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert all(line.startswith("pingcha: error:") for line in err)
