"""Are this tree's outputs the same as a base commit's? The check a refactor must pass. Not a test.

Checks out BASE in a temporary git worktree, makes the inputs once with the base's own generator, and
runs both trees' CLI on them with the same arguments:

- the demo campaign (`sample_dossiers/`);
- a generated campaign (3 units × 4 dossiers, seed 2025, some scanned and single-file dossiers);
- `review apply` of the demo scorecard with the same reviewer edits on both sides.

Then compares what a reviewer and other tools read: the contract CSVs and audit.csv byte for byte, every
cell value of every workbook sheet, the text of every .docx (paragraphs and table cells in order), and
run.json / validation/summary.json without the fields that differ between any two runs (times, paths,
timings). Prints one line per compared file and exits 1 on any difference.

    python -m bench.same_outputs --base 3026d54
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGN = "示例评查活动"
# run.json keys that differ between any two runs of one tree: wall clock, timings, the edited workbook's hash
VOLATILE_KEYS = {"started_at", "finished_at", "applied_at", "timings", "seconds", "scorecard_sha256", "audit_head"}
# columns whose values hash the time a review was applied (audit.csv's chain, the scorecard's row keys)
VOLATILE_COLUMNS = {"time", "prev_hash", "行校验码"}
# what reviewers write in the scorecard before `review apply`: (row of 评查明细, values of 复核结论…复核人)
# an output folder or the base tree inside the temporary work folder, up to its own name
_OUT_OR_TREE = re.compile(r"/[^\s\"']*?/(?:out-base|out-tree|base-tree)")
REVIEW_EDITS = ((3, ("改为否决", None, "执法证已过有效期", "张审核")),
                (14, ("改为扣分", 2, "笔录未记录询问起止时间", "张审核")),
                (27, ("改为通过", None, "卷内有延期审批表", "李复核")),
                (40, ("不适用", None, "本案未采取该措施", "李复核")))


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree)
    env["PINGCHA_NO_PROGRESS"] = "1"
    env.pop("PREFECT_API_URL", None)
    return env


def _run(tree: Path, *args: str) -> None:
    done = subprocess.run([sys.executable, *args], cwd=tree, env=_env(tree), capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{tree.name}: {' '.join(args[:4])} failed ({done.returncode}):\n{done.stderr[-3000:]}")


def _generate(base: Path, out: Path) -> None:
    module = "samplegen" if (base / "samplegen" / "__main__.py").exists() else "pipelines.samplegen"
    _run(base, "-m", module, str(out), "--units", "3", "--per-unit", "4", "--seed", "2025")


def _campaign_runs(tree: Path, inputs: dict[str, Path], out: Path) -> None:
    for name, folder in inputs.items():
        _run(tree, "-m", "pipelines.cli", "run", str(folder), "--out", str(out / name),
             "--campaign", CAMPAIGN, "--no-history")
    edited = out / "review-input.xlsx"
    shutil.copyfile(out / "demo" / "scorecards.xlsx", edited)
    _edit_scorecard(tree, edited)
    _run(tree, "-m", "pipelines.cli", "review", "apply", str(edited), "--out", str(out / "reviewed"))


def _edit_scorecard(tree: Path, path: Path) -> None:
    code = (
        "import sys, json, openpyxl\n"
        "path, edits = sys.argv[1], json.loads(sys.argv[2])\n"
        "wb = openpyxl.load_workbook(path)\n"
        "ws = wb['评查明细']\n"
        "head = [c.value for c in ws[1]]\n"
        "first = head.index('复核结论') + 1\n"
        "for row, values in edits:\n"
        "    for i, v in enumerate(values):\n"
        "        ws.cell(row=row, column=first + i, value=v)\n"
        "wb.save(path)\n"
    )
    _run(tree, "-c", code, str(path), json.dumps(REVIEW_EDITS, ensure_ascii=False))


def _xlsx_cells(path: Path) -> dict[str, list[tuple]]:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        return {ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


def _docx_text(path: Path) -> list[str]:
    import docx

    document = docx.Document(str(path))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            lines.extend(" | ".join(cell.text for cell in row.cells) for row in block.rows)
        else:
            lines.append(block.text)
    for section in document.sections:
        lines.extend(p.text for p in section.footer.paragraphs)
    return lines


def _docx_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml")


def _without_columns(rows: list) -> list[tuple]:
    """The rows without the columns (named in the first row) that hash a review's time."""
    if not rows:
        return rows
    keep = [i for i, name in enumerate(rows[0]) if name not in VOLATILE_COLUMNS]
    return [tuple(row[i] for i in keep if i < len(row)) for row in rows]


def _stable_json(value: object) -> object:
    """The JSON without volatile keys, the two output folders and the two trees named alike."""
    if isinstance(value, dict):
        return {k: _stable_json(v) for k, v in value.items() if k not in VOLATILE_KEYS}
    if isinstance(value, list):
        return [_stable_json(v) for v in value]
    if isinstance(value, str):
        return _OUT_OR_TREE.sub("<HERE>", value.replace(str(ROOT), "<HERE>"))
    return value


def _compare_file(rel: Path, a: Path, b: Path) -> str | None:
    """None when the two files say the same to a reader, else what differs."""
    suffix = rel.suffix
    if rel.name == "audit.csv":  # the time a review was applied, and the hash chain over it
        cut = [_without_columns(list(csv.reader(p.open(encoding="utf-8-sig", newline="")))) for p in (a, b)]
        return None if cut[0] == cut[1] else "rows differ (time and hash columns ignored)"
    if suffix == ".csv":
        return None if a.read_bytes() == b.read_bytes() else "bytes differ"
    if suffix == ".xlsx":
        ca, cb = _xlsx_cells(a), _xlsx_cells(b)
        if list(ca) != list(cb):
            return f"sheets {list(ca)} vs {list(cb)}"
        for sheet in ca:
            if sheet == "_meta":
                continue  # fingerprints of the run folder; checked through the review round trip
            ca[sheet], cb[sheet] = _without_columns(ca[sheet]), _without_columns(cb[sheet])
            if ca[sheet] != cb[sheet]:
                rows = [i + 1 for i, (x, y) in enumerate(zip(ca[sheet], cb[sheet], strict=False)) if x != y]
                return f"sheet {sheet}: rows {rows[:5]} (of {len(ca[sheet])} / {len(cb[sheet])})"
        return None
    if suffix == ".docx":
        if _docx_text(a) != _docx_text(b):
            return "text differs"
        return None if _docx_xml(a) == _docx_xml(b) else "document.xml differs (same text)"
    if rel.name in ("run.json", "summary.json"):
        ja, jb = (_stable_json(json.loads(p.read_text(encoding="utf-8"))) for p in (a, b))
        return None if ja == jb else "content differs"
    return None


def _compared_files(folder: Path) -> list[Path]:
    wanted = {".csv", ".xlsx", ".docx", ".json"}
    return sorted(p.relative_to(folder) for p in folder.rglob("*")
                  if p.is_file() and p.suffix in wanted and ".pingcha" not in p.parts
                  and "data_docs" not in p.parts and p.name != "review-input.xlsx"
                  and not (p.suffix == ".json" and p.name not in ("run.json", "summary.json")))


def compare(out_a: Path, out_b: Path) -> list[str]:
    files_a, files_b = _compared_files(out_a), _compared_files(out_b)
    problems = [f"only in base: {p}" for p in sorted(set(files_a) - set(files_b))]
    problems += [f"only in this tree: {p}" for p in sorted(set(files_b) - set(files_a))]
    for rel in sorted(set(files_a) & set(files_b)):
        diff = _compare_file(rel, out_a / rel, out_b / rel)
        print(f"{'DIFF' if diff else 'same'}  {rel}" + (f"  ({diff})" if diff else ""))
        if diff:
            problems.append(f"{rel}: {diff}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="commit whose outputs are the reference")
    parser.add_argument("--keep", type=Path, help="keep the outputs in this folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pingcha-same-"))
    base = work / "base-tree"
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), args.base], cwd=ROOT, check=True)
    try:
        generated = work / "inputs" / "generated"
        _generate(base, generated)
        inputs = {"demo": ROOT / "sample_dossiers", "generated": generated}
        _campaign_runs(base, inputs, work / "out-base")
        _campaign_runs(ROOT, inputs, work / "out-tree")
        problems = compare(work / "out-base", work / "out-tree")
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=False)
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'identical' if not problems else f'{len(problems)} difference(s)'} against {args.base}")
    for line in problems:
        print("  " + line)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
