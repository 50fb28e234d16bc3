"""Cross-review assignment (交叉评查): reviewers are formed into panels (评查组) and every drawn file goes to one.

Panel design, as a bureau runs it: reviewers are grouped into fixed 评查组 of `per_file` people (when the number
of reviewers does not divide evenly, the remaining one or two join a group as an extra member). Groups are
formed from colleagues of the same unit where possible, so each group has to stay away from as few units
as possible. Each file goes to one group; a member from the file's own unit recuses himself (回避) and the
file is reviewed by the other members, of whom there must be at least `per_file` (监督人员不得少于二人).
Files are spread so that every reviewer's workload differs by at most one file where the constraints allow
(greedy least-loaded, then improving moves and swaps); among equally loaded groups a unit's files go to
the group that already has some of them. Everything is decided by a seeded RNG over sorted inputs, so the same inputs give the
same assignment.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations
from pathlib import Path

from ingest.errors import PingchaError
from ingest.glossary import INPUT_HEADERS_ZH
from ingest.normalize import norm_text
from ingest.workbook_rows import Column, read_rows
from scoring.campaign.sampling import Sample
from scoring.glossary import ASSIGNMENT_ZH, TERMS_ZH

NAME_COL, UNIT_COL, SPECIALTY_COL, NOTE_COL = (INPUT_HEADERS_ZH[k] for k in
                                ("reviewer_name", "reviewer_unit", "reviewer_specialty", "reviewer_note"))
REVIEWER_COLUMNS = (NAME_COL, UNIT_COL)
OPTIONAL_COLUMNS = (SPECIALTY_COL, NOTE_COL)
SUMMARY_SHEET = TERMS_ZH["summary"]
DETAIL_SHEET = ASSIGNMENT_ZH["sheet_detail"]
DOSSIER, REVIEWERS = TERMS_ZH["dossier"], TERMS_ZH["reviewers"]  # 分配明细 is read back by these two
DETAIL_HEADER = (TERMS_ZH["seq"], DOSSIER, TERMS_ZH["unit"], ASSIGNMENT_ZH["panel"], REVIEWERS,
                 ASSIGNMENT_ZH["recused"])
PANEL_HEADER = (TERMS_ZH["seq"], TERMS_ZH["unit"], DOSSIER, REVIEWERS, ASSIGNMENT_ZH["recused"])
# 汇总 repeats the reviewers.xlsx columns (单位 is the reviewer's own unit, not the reviewed one).
WORKLOAD_HEADER = (NAME_COL, UNIT_COL, ASSIGNMENT_ZH["panel"], TERMS_ZH["files_reviewed"], SPECIALTY_COL, NOTE_COL)
GROUPS_HEADER = (ASSIGNMENT_ZH["panel"], ASSIGNMENT_ZH["members"], TERMS_ZH["files_reviewed"],
                 ASSIGNMENT_ZH["panel_units"])
REVIEWER_SEP = "、"
REVIEWER_FIELDS = (
    Column("name", (NAME_COL,), required=True),
    Column("unit", (UNIT_COL,), required=True),
    Column("specialty", (SPECIALTY_COL,)),
    Column("note", (NOTE_COL,)),
)
DETAIL_FIELDS = (Column("dossier", (DOSSIER,), required=True), Column("reviewers", (REVIEWERS,), required=True))
FORMATION_ATTEMPTS = 40  # group formations tried until loads differ by at most one


class AssignmentError(PingchaError):
    """The assignment cannot be made or read; the message is one line saying why."""


@dataclass(frozen=True, slots=True)
class Reviewer:
    name: str
    unit: str = ""  # '' for someone from no reviewed unit (e.g. the bureau's own staff, an invited lawyer)
    specialty: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Panel:
    name: str  # 第1组, 第2组, …
    members: tuple[Reviewer, ...]

    def reviewers_for(self, unit: str) -> tuple[Reviewer, ...]:
        """The members who may review a file of `unit` (everyone not from it)."""
        return tuple(m for m in self.members if not same_unit(m.unit, unit))


@dataclass(frozen=True, slots=True)
class FileAssignment:
    dossier_id: str
    unit: str
    panel: str
    reviewers: tuple[str, ...]
    recused: tuple[str, ...] = ()


@dataclass
class Assignment:
    panels: tuple[Panel, ...]
    files: tuple[FileAssignment, ...]
    reviewers: tuple[Reviewer, ...]
    per_file: int
    seed: int
    sample_hash: str = ""
    made_at: str = ""
    warnings: list[str] = field(default_factory=list)

    def loads(self) -> dict[str, int]:
        """Files per reviewer (every reviewer, 0 when none)."""
        out = {r.name: 0 for r in self.reviewers}
        for f in self.files:
            for name in f.reviewers:
                out[name] += 1
        return out

    def reviewers_by_dossier(self) -> dict[str, list[str]]:
        return {f.dossier_id: list(f.reviewers) for f in self.files}

    def summary_zh(self) -> str:
        loads = self.loads().values()
        return (f"{len(self.files)} 卷分配给 {len(self.panels)} 个评查组、{len(self.reviewers)} 名评查人员，"
                f"每卷至少 {self.per_file} 人；每人 {min(loads)}–{max(loads)} 卷")


def same_unit(a: str, b: str) -> bool:
    """Unit names compare after NFKC and whitespace removal ('' is nobody's unit)."""
    return bool(norm_text(a)) and norm_text(a) == norm_text(b)


def read_reviewers(path: Path) -> list[Reviewer]:
    """reviewers.xlsx: first sheet, a header row (within the first 5 rows) with 姓名 and 单位; 专长/备注 optional."""
    path = Path(path)
    sheet = read_rows(path, 0, REVIEWER_FIELDS, what="评查人员名单", error=AssignmentError, header_within=5)
    reviewers: list[Reviewer] = []
    seen: dict[str, int] = {}
    for row in sheet:
        name = norm_text(row.text("name"))
        if not name:
            raise AssignmentError(f"{path.name}：第{row.number}行未填写{NAME_COL}")
        if name in seen:
            raise AssignmentError(f"{path.name}：第{row.number}行{NAME_COL}“{name}”与第{seen[name]}行重复（同名人员请加注以区分，如“张伟（市场）”）")
        seen[name] = row.number
        reviewers.append(Reviewer(name, row.text("unit"), row.text("specialty"), row.text("note")))
    if not reviewers:
        raise AssignmentError(f"{path.name}：名单中没有评查人员")
    return reviewers


def _check_feasible(units_with_files: Iterable[str], reviewers: list[Reviewer], per_file: int) -> None:
    if len(reviewers) < per_file:
        raise AssignmentError(f"每卷需要{per_file}名评查人员，但名单中只有{len(reviewers)}名")
    for unit in sorted(units_with_files):
        outside = sum(not same_unit(r.unit, unit) for r in reviewers)
        if outside < per_file:
            raise AssignmentError(f"单位{unit}的案卷需要{per_file}名非本单位评查人员，但只有{outside}名")


def _form_panels(reviewers: list[Reviewer], per_file: int, rng: random.Random,
                 attempt: int) -> list[list[Reviewer]]:
    """Attempt 0: colleagues of a unit side by side, cut into groups of per_file (each group then stays away
    from as few units as possible). Later attempts: a seeded shuffle. The remainder joins existing groups."""
    if attempt == 0:
        by_unit: dict[str, list[Reviewer]] = {}
        for r in sorted(reviewers, key=lambda r: r.name):
            by_unit.setdefault(norm_text(r.unit), []).append(r)
        ordered = [r for unit in sorted(by_unit, key=lambda u: (-len(by_unit[u]), u)) for r in by_unit[unit]]
    else:
        ordered = sorted(reviewers, key=lambda r: r.name)
        rng.shuffle(ordered)
    count = len(ordered) // per_file
    panels = [ordered[i * per_file:(i + 1) * per_file] for i in range(count)]
    for extra in ordered[count * per_file:]:
        # an extra member joins a group that already has a colleague (it excludes no new unit), else the smallest
        home = [p for p in panels if any(same_unit(m.unit, extra.unit) for m in p)] or panels
        min(home, key=len).append(extra)
    return panels


def _eligible(panels: list[Panel], unit: str, per_file: int) -> list[int]:
    return [i for i, p in enumerate(panels) if len(p.reviewers_for(unit)) >= per_file]


Option = tuple[int, tuple[str, ...]]  # (panel index, the members who review the file)


def _options(panels: list[Panel], unit: str, per_file: int) -> list[Option]:
    """Every (group, per_file of its members not from `unit`) a file could go to: in a group of three each
    file is reviewed by two of them, so the third member's load can be evened out."""
    out: list[Option] = []
    for i in _eligible(panels, unit, per_file):
        names = tuple(m.name for m in panels[i].reviewers_for(unit))
        out.extend((i, combo) for combo in combinations(names, per_file))
    return out


def _cost(loads: dict[str, int]) -> int:
    return sum(v * v for v in loads.values())


def _improve(files: list[str], choice: dict[str, Option], options: dict[str, list[Option]],
             loads: dict[str, int]) -> None:
    """Local search on Σ load² (its minimum spreads work as evenly as the constraints allow): move one file
    to another option, or let two files trade options, while that lowers the cost."""

    def shift(option: Option, sign: int) -> None:
        for name in option[1]:
            loads[name] += sign

    def better(out_: list[Option], in_: list[Option]) -> bool:
        before = _cost(loads)
        for o in out_:
            shift(o, -1)
        for o in in_:
            shift(o, +1)
        if _cost(loads) < before:
            return True
        for o in in_:
            shift(o, -1)
        for o in out_:
            shift(o, +1)
        return False

    improved = True
    while improved:
        improved = False
        for dossier in files:
            for there in options[dossier]:
                if there != choice[dossier] and better([choice[dossier]], [there]):
                    choice[dossier], improved = there, True
        if improved:
            continue
        # two files trade: a takes one of its options, b another of its options (escapes single-move minima)
        for i, a in enumerate(files):
            for b in files[i + 1:]:
                for oa in options[a]:
                    if oa == choice[a]:
                        continue
                    for ob in options[b]:
                        if ob != choice[b] and better([choice[a], choice[b]], [oa, ob]):
                            choice[a], choice[b], improved = oa, ob, True
                            break
                    if improved:
                        break
                if improved:
                    break
            if improved:
                break


def _assign_files(files: list[tuple[str, str]], panels: list[Panel], reviewers: list[Reviewer], per_file: int,
                  rng: random.Random) -> tuple[dict[str, Option], dict[str, int]]:
    """Greedy, most constrained files first (least resulting load, then the group already holding the
    file's unit), then local search."""
    unit_of = dict(files)
    options = {d: _options(panels, unit, per_file) for d, unit in files}
    loads = {r.name: 0 for r in reviewers}
    choice: dict[str, Option] = {}
    for dossier, unit in sorted(files, key=lambda f: (len(options[f[0]]), rng.random())):
        ties = {o: rng.random() for o in options[dossier]}

        def key(o: Option, unit: str = unit, ties: dict[Option, float] = ties) -> tuple:
            held = sum(1 for d, c in choice.items() if c[0] == o[0] and unit_of[d] == unit)
            return (max(loads[n] for n in o[1]), sum(loads[n] for n in o[1]), -held, ties[o])

        best = min(options[dossier], key=key)
        choice[dossier] = best
        for name in best[1]:
            loads[name] += 1
    _improve([d for d, _ in files], choice, options, loads)
    return choice, loads


def assign(sample: Sample, reviewers: list[Reviewer], per_file: int = 2, seed: int = 0) -> Assignment:
    """Assign every drawn file to a group and ≥ per_file of its members from other units, loads balanced."""
    if per_file < 1:
        raise AssignmentError(f"每卷评查人员数须至少为1，而不是{per_file}")
    files = sorted((row.dossier_id, row.unit) for row in sample.rows)
    if not files:
        raise AssignmentError("抽样结果中没有案卷")
    units_with_files = {unit for _, unit in files}
    _check_feasible(units_with_files, reviewers, per_file)
    rng = random.Random(seed)
    best: tuple[tuple[int, int], list[Panel], dict[str, Option]] | None = None
    for attempt in range(FORMATION_ATTEMPTS):
        groups = _form_panels(reviewers, per_file, rng, attempt)
        panels = [Panel(ASSIGNMENT_ZH["panel_name"].format(n=i),
                        tuple(sorted(g, key=lambda r: (norm_text(r.unit), r.name))))
                  for i, g in enumerate(groups, start=1)]
        if not all(_eligible(panels, unit, per_file) for unit in units_with_files):
            continue
        choice, loads = _assign_files(files, panels, reviewers, per_file, rng)
        score = (max(loads.values()) - min(loads.values()), _cost(loads))
        if best is None or score < best[0]:
            best = (score, panels, choice)
        if score[0] <= 1:
            break
    if best is None:
        raise AssignmentError(f"无法编组：有单位的案卷找不到{per_file}名非本单位成员组成的评查组，请增加其他单位的评查人员")
    _, panels, choice = best

    out = []
    for dossier, unit in files:
        index, names = choice[dossier]
        panel = panels[index]
        out.append(FileAssignment(
            dossier, unit, panel.name, names,
            tuple(m.name for m in panel.members if same_unit(m.unit, unit)),
        ))
    known = {norm_text(u) for u in sample.population} | {norm_text(u) for u in units_with_files}
    outsiders = [f"{r.name}（{r.unit}）" for r in reviewers if r.unit and norm_text(r.unit) not in known]
    warnings = []
    if outsiders:
        warnings.append("以下评查人员的单位不是被评查单位，视为无需回避（如单位名称与案卷目录不一致，请改正后重新分配）："
                        + REVIEWER_SEP.join(outsiders))
    return Assignment(
        panels=tuple(panels), files=tuple(out), reviewers=tuple(reviewers), per_file=per_file, seed=seed,
        sample_hash=sample.population_hash, made_at=datetime.now().astimezone().isoformat(timespec="seconds"),
        warnings=warnings,
    )


def reviewers_by_dossier(assignment_path: Path) -> dict[str, list[str]]:
    """dossier_id -> reviewer names, read from assignment.xlsx's 分配明细 sheet (for scorecards and the export)."""
    sheet = read_rows(Path(assignment_path), DETAIL_SHEET, DETAIL_FIELDS, what="分配结果", error=AssignmentError,
                      producer="pingcha assign")
    return {row.text("dossier"): [n for n in re.split(r"[、,，;；\s]+", row.text("reviewers")) if n]
            for row in sheet if row.text("dossier")}
