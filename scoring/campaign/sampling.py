"""Drawing the campaign's sample (抽查): stratified by unit, reproducible from a seed; reading sample.xlsx back.

reports/sample_workbook.py writes sample.xlsx with the sheet and column names defined here.

Campaigns review 1–4 files per unit or ~5–7% of the year's files (domain.md "Who uses it"). A unit disputing
its sample must be able to re-draw it: the sheet 抽样说明 records the method, the seed and a sha256 of the
sorted population, and the draw is `random.Random(seed)` consumed over units and strata in name order.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ingest.case_type import register_types
from ingest.discover import CampaignInventory, DossierRef, RegisterRef
from ingest.errors import PingchaError
from ingest.glossary import CASE_TYPE_NAME_MARKS, ELEMENT_ZH
from ingest.normalize import norm_text
from ingest.workbook_rows import Column, read_sheets, rows_of
from scoring.glossary import SAMPLE_INFO_ZH, SAMPLE_METHOD_ZH, SAMPLE_ZH, SHORT_TERMS_ZH, TERMS_ZH
from scoring.model import case_part

RESULT_SHEET = SAMPLE_ZH["sheet_result"]
INFO_SHEET = SAMPLE_ZH["sheet_info"]
UNIT_HEADER = SHORT_TERMS_ZH["unit"]  # sample.xlsx says 单位 where other outputs say 被评查单位
DOSSIER_HEADER = TERMS_ZH["dossier"]
RESULT_HEADER = (TERMS_ZH["seq"], UNIT_HEADER, DOSSIER_HEADER, ELEMENT_ZH["case_type"],
                 SAMPLE_ZH["stratum_population"], SAMPLE_ZH["unit_population"])
UNSPECIFIED_TYPE = SAMPLE_ZH["unspecified_type"]
METHOD_RATE = "rate"
METHOD_PER_UNIT = "per_unit"
METHOD_ZH = {METHOD_RATE: SAMPLE_METHOD_ZH["rate"], METHOD_PER_UNIT: SAMPLE_METHOD_ZH["per_unit"]}

# 抽样说明: machine key -> label in column A (read back by label).
INFO_LABELS = SAMPLE_INFO_ZH
UNIT_TABLE_HEADER = (UNIT_HEADER, SAMPLE_INFO_ZH["population_total"], SAMPLE_ZH["drawn"])
REDRAW_NOTE = (
    "按单位名称排序，逐单位（有案件类型时再按类型名称排序逐层）用 random.Random(随机种子) 从按案卷编号排序的名单中"
    "不放回抽取；每单位抽取数 = max(最少抽取数, 四舍五入(比例×案卷数))，不超过案卷数。"
    "总体校验值为全部案卷编号按字典序排序、以换行符连接后的 UTF-8 sha256。"
    "用同一案卷目录和同一参数运行 pingcha sample 可得到相同结果。"
)

# Folder/file naming: the first pattern found in the case's name gives its type.
_NAME_TYPES = CASE_TYPE_NAME_MARKS


class SampleError(PingchaError):
    """The sample cannot be drawn, or sample.xlsx cannot be read; the message names what and where."""


@dataclass(frozen=True, slots=True)
class SampleRow:
    unit: str
    dossier_id: str
    case_type: str = ""  # the stratum; '' when the unit was sampled as a whole
    stratum_population: int = 0
    unit_population: int = 0


@dataclass(frozen=True)
class Sample:
    """A drawn sample and everything needed to re-draw it."""

    method: str
    seed: int
    min_per_unit: int
    population: dict[str, int]
    population_hash: str
    rows: tuple[SampleRow, ...]
    rate: float | None = None
    per_unit: int | None = None
    drawn_at: str = ""
    root: str = ""
    stratified_by_type: tuple[str, ...] = ()  # units whose draw was stratified by case type
    source: str = ""  # the sample.xlsx it was read from
    drawn: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        counts = {unit: 0 for unit in self.population}
        for row in self.rows:
            counts[row.unit] = counts.get(row.unit, 0) + 1
        object.__setattr__(self, "drawn", counts)

    @property
    def dossier_ids(self) -> set[str]:
        return {row.dossier_id for row in self.rows}

    @property
    def units(self) -> list[str]:
        return list(self.population)

    def describe(self) -> dict[str, Any]:
        """What run.json records about the sample (JSON-serialisable)."""
        return {
            "method": self.method,
            "rate": self.rate,
            "per_unit": self.per_unit,
            "min_per_unit": self.min_per_unit,
            "seed": self.seed,
            "population_total": sum(self.population.values()),
            "drawn_total": len(self.rows),
            "population_hash": self.population_hash,
            "drawn_at": self.drawn_at,
            "source": self.source,
            "units": {u: {"population": n, "drawn": self.drawn.get(u, 0)} for u, n in self.population.items()},
        }

    def summary_zh(self) -> str:
        return (f"抽取案卷 {len(self.rows)} 卷（案卷总数 {sum(self.population.values())} 卷，"
                f"{len(self.population)} 个单位，随机种子 {self.seed}）")


def population_hash(dossier_ids: Iterable[str]) -> str:
    """sha256 of the sorted dossier ids joined by newlines: anyone can check they drew from the same files."""
    return hashlib.sha256("\n".join(sorted(dossier_ids)).encode("utf-8")).hexdigest()


def quota(n: int, *, rate: float | None, per_unit: int | None, min_per_unit: int) -> int:
    """Files to draw from a unit of n: rounded half up (四舍五入, not Python's banker's rounding), capped at n."""
    if per_unit is not None:
        wanted = per_unit
    else:
        assert rate is not None
        wanted = int(rate * n + 0.5 + 1e-9)
    return min(n, max(min_per_unit, wanted))


def _case_name(ref: DossierRef) -> str:
    """What a register calls the case: its folder's name, or its file's name without the suffix."""
    name = case_part(ref.dossier_id)
    return Path(name).stem if ref.single_file else name


def _type_from_name(name: str) -> str:
    for mark, case_type in _NAME_TYPES:
        if mark in name:
            return case_type
    return ""


def _register_types(register: RegisterRef) -> dict[str, str]:
    """Case name -> type from a unit's register, when it has a case-number and a type column; else {}."""
    return register_types(register.path)


def case_types(inventory: CampaignInventory) -> dict[str, str]:
    """dossier_id -> case type, from the unit's register (台账) first, then from the case's folder or file name."""
    by_unit: dict[str, dict[str, str]] = {}
    for register in inventory.registers:
        by_unit.setdefault(register.unit, {}).update(_register_types(register))
    out: dict[str, str] = {}
    for ref in inventory.dossiers:
        name = _case_name(ref)
        found = by_unit.get(ref.unit, {}).get(norm_text(name)) or _type_from_name(name)
        if found:
            out[ref.dossier_id] = found
    return out


def _largest_remainder(total: int, sizes: dict[str, int]) -> dict[str, int]:
    """Split `total` over strata in proportion to their sizes (largest remainder; ties by name)."""
    n = sum(sizes.values())
    shares = {k: total * v / n for k, v in sizes.items()}
    out = {k: min(sizes[k], int(s)) for k, s in shares.items()}
    left = total - sum(out.values())
    order = sorted(sizes, key=lambda k: (-(shares[k] - int(shares[k])), -sizes[k], k))
    while left > 0:
        for k in order:
            if left and out[k] < sizes[k]:
                out[k] += 1
                left -= 1
    return out


def draw_sample(
    inventory: CampaignInventory,
    *,
    rate: float | None,
    per_unit: int | None,
    min_per_unit: int = 1,
    seed: int,
    types: dict[str, str] | None = None,
) -> Sample:
    """Draw per unit max(min_per_unit, round(rate × n)) files (or `per_unit`), capped at n, from a seeded RNG.

    Within a unit whose register or folder names give case types, the unit's quota is split over the types
    in proportion (largest remainder) so a unit's few licensing files are not always passed over.
    """
    if (rate is None) == (per_unit is None):
        raise SampleError("抽样方法须二选一：按比例（rate）或每单位固定数量（per_unit）")
    if rate is not None and not 0 < rate <= 1:
        raise SampleError(f"抽样比例须大于0且不超过1（100%），而不是 {rate}")
    if per_unit is not None and per_unit < 1:
        raise SampleError(f"每单位抽取数须至少为1，而不是 {per_unit}")
    if min_per_unit < 0:
        raise SampleError(f"每单位最少抽取数不能为负数（{min_per_unit}）")
    if not inventory.dossiers:
        raise SampleError(f"{inventory.root} 中没有可抽取的案卷")
    if types is None:
        types = case_types(inventory)

    by_unit: dict[str, list[DossierRef]] = {unit: [] for unit in sorted(inventory.units)}
    for ref in inventory.dossiers:
        by_unit.setdefault(ref.unit, []).append(ref)
    rng = random.Random(seed)
    rows: list[SampleRow] = []
    stratified: list[str] = []
    for unit in sorted(by_unit):
        ids = sorted(ref.dossier_id for ref in by_unit[unit])
        k = quota(len(ids), rate=rate, per_unit=per_unit, min_per_unit=min_per_unit)
        if k == 0:
            continue
        strata: dict[str, list[str]] = {}
        if any(i in types for i in ids):
            stratified.append(unit)
            for i in ids:
                strata.setdefault(types.get(i, UNSPECIFIED_TYPE), []).append(i)
        else:
            strata[""] = ids
        shares = _largest_remainder(k, {s: len(v) for s, v in strata.items()})
        for stratum in sorted(strata):
            members = strata[stratum]
            for dossier_id in sorted(rng.sample(members, shares[stratum])):
                rows.append(SampleRow(unit, dossier_id, stratum, len(members), len(ids)))
    return Sample(
        method=METHOD_RATE if rate is not None else METHOD_PER_UNIT,
        seed=seed,
        min_per_unit=min_per_unit,
        population={unit: len(refs) for unit, refs in sorted(by_unit.items())},
        population_hash=population_hash(ref.dossier_id for ref in inventory.dossiers),
        rows=tuple(rows),
        rate=rate,
        per_unit=per_unit,
        drawn_at=datetime.now().astimezone().isoformat(timespec="seconds"),
        root=str(Path(inventory.root).resolve()),
        stratified_by_type=tuple(stratified),
    )


SAMPLE_COLUMNS = (
    Column("unit", (UNIT_HEADER,), required=True),
    Column("dossier_id", (DOSSIER_HEADER,), required=True),
    Column("case_type", (ELEMENT_ZH["case_type"],)),
    Column("stratum_population", (SAMPLE_ZH["stratum_population"],)),
    Column("unit_population", (SAMPLE_ZH["unit_population"],)),
)


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def read_sample(path: Path) -> Sample:
    """Read sample.xlsx back; a SampleError names the file, sheet and row when it is not one we wrote."""
    path = Path(path)
    name = path.name
    sheets = read_sheets(path, [RESULT_SHEET, INFO_SHEET], "抽样结果", SampleError, "pingcha sample")
    result = rows_of(name, RESULT_SHEET, sheets[RESULT_SHEET][1], SAMPLE_COLUMNS, SampleError)
    info_rows = sheets[INFO_SHEET][1]

    rows: list[SampleRow] = []
    seen: set[str] = set()
    for row in result:
        unit, dossier_id = row.text("unit"), row.text("dossier_id")
        if not unit and not dossier_id:
            continue
        if not unit or not dossier_id:
            raise SampleError(f"{row.where}：单位和案卷都须填写")
        if not dossier_id.startswith(unit + "/"):
            raise SampleError(f"{row.where}：案卷“{dossier_id}”不属于单位“{unit}”（案卷应为“单位/案卷”）")
        if dossier_id in seen:
            raise SampleError(f"{row.where}：案卷“{dossier_id}”重复")
        seen.add(dossier_id)
        rows.append(SampleRow(unit, dossier_id, row.text("case_type"), _int(row.text("stratum_population")),
                              _int(row.text("unit_population"))))
    if not rows:
        raise SampleError(f"{name}：工作表“{RESULT_SHEET}”中没有抽取的案卷")

    by_label = {v: k for k, v in INFO_LABELS.items()}
    info: dict[str, object] = {}
    population: dict[str, int] = {}
    in_table = False
    for row in info_rows:
        first = _text(row[0] if row else None)
        if in_table and first:
            population[first] = _int(_text(row[1] if len(row) > 1 else None))
        elif tuple(_text(c) for c in row[:3]) == UNIT_TABLE_HEADER:
            in_table = True
        elif first in by_label:
            info[by_label[first]] = row[1] if len(row) > 1 else None
    for key in ("seed", "population_hash"):
        if _text(info.get(key)) == "":
            raise SampleError(f"{name}：工作表“{INFO_SHEET}”缺少“{INFO_LABELS[key]}”")
    method = next((k for k, v in METHOD_ZH.items() if v == _text(info.get("method"))), METHOD_RATE)
    seed = _int(_text(info.get("seed")), where=f"{name}：{INFO_LABELS['seed']}")
    for r in rows:
        population.setdefault(r.unit, r.unit_population)
    rate = _text(info.get("rate"))
    per_unit = _text(info.get("per_unit"))
    return Sample(
        method=method,
        seed=seed,
        min_per_unit=_int(_text(info.get("min_per_unit"))),
        population=population,
        population_hash=_text(info.get("population_hash")),
        rows=tuple(rows),
        rate=float(rate) if rate else None,
        per_unit=_int(per_unit) if per_unit else None,
        drawn_at=_text(info.get("drawn_at")),
        root=_text(info.get("root")),
        source=str(path.resolve()),
    )


def _int(text: str, where: str = "") -> int:
    if not text:
        return 0
    try:
        return int(float(text))
    except ValueError as exc:
        if where:
            raise SampleError(f"{where}“{text}”不是整数") from exc
        return 0
