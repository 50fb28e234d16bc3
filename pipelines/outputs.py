"""The output folder: refuse dangerous places, never clobber a user's files, publish atomically, run.json last.

A run writes its outputs into a staging folder under OUT/.pingcha/tmp (pipelines/runlock.py) and moves each
into OUT by rename when all are written, run.json last. The previous run's outputs stay in OUT until then: a
run that fails (a full disk, a crash) leaves them as they were; one killed while publishing leaves OUT without
a run.json and without half-written files. The staging folder is emptied when the run ends and at the next start.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ingest.errors import PingchaError
from pipelines.prefect_env import STATE_DIR_NAME

# Everything a run writes into OUT; only these are removed by --overwrite.
OUTPUT_NAMES: tuple[str, ...] = (
    "cases.csv", "findings.csv", "problems.csv", "run.json", "scorecards.xlsx", "charts", "validation",
    "audit.csv", "platform_export.csv", "platform_export.xlsx", "通报.docx", "监督意见书", "评查表", "trends",
    "unit_findings.csv",
)  # fmt: skip
# Written by pingcha but kept across --overwrite: the default history store accumulates campaigns.
KEPT_NAMES: tuple[str, ...] = ("history.db",)


class OutputDirError(PingchaError):
    """OUT is inside the input tree, holds a previous run without --overwrite, or holds foreign files."""


def _is_within(path: Path, parent: Path) -> bool:
    return path == parent or parent in path.parents


def check_out_dir(out_dir: Path, dossiers_root: Path, overwrite: bool) -> None:
    out_dir, dossiers_root = out_dir.resolve(), dossiers_root.resolve()
    if _is_within(out_dir, dossiers_root):
        raise OutputDirError(f"输出目录不能位于案卷目录之内: {out_dir} (inside {dossiers_root})")
    if _is_within(dossiers_root, out_dir):
        raise OutputDirError(f"输出目录不能包含案卷目录: {out_dir} contains {dossiers_root}")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputDirError(f"输出路径已存在且不是目录: {out_dir}")
    if not out_dir.exists():
        return
    existing = {p.name for p in out_dir.iterdir()} - {STATE_DIR_NAME}
    if not existing:
        return
    if not overwrite:
        raise OutputDirError(f"输出目录已有内容，如需覆盖请加 --overwrite: {out_dir}")
    foreign = sorted(existing - set(OUTPUT_NAMES) - set(KEPT_NAMES))
    if foreign:
        raise OutputDirError(
            f"输出目录中有非本程序生成的文件，拒绝覆盖: {', '.join(foreign[:5])} (in {out_dir})"
        )


def prepare_out_dir(out_dir: Path, dossiers_root: Path, overwrite: bool) -> None:
    """Create OUT, or clear the previous run's outputs (never other files; the resume cache is kept)."""
    check_out_dir(out_dir, dossiers_root, overwrite)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in OUTPUT_NAMES:
        target = out_dir / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


RUN_JSON = "run.json"
STAGE_NAME = "outputs"


def fresh_stage(scratch: Path) -> Path:
    """An empty staging folder in the run's scratch folder, on OUT's file system so that rename is atomic."""
    stage = Path(scratch) / STAGE_NAME
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    return stage


def write_run_json(directory: Path, summary: dict[str, Any], scratch: Path | None = None) -> None:
    """run.json by temporary file + rename (the temporary file in `scratch`, default `directory`)."""
    tmp = Path(scratch or directory) / f".{RUN_JSON}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, Path(directory) / RUN_JSON)


def publish_outputs(stage: Path, out_dir: Path, summary: dict[str, Any]) -> dict[str, Any]:
    """Move every output written in `stage` into OUT by rename, then write run.json; returns the summary
    with the staging paths it mentions (reports, documents) turned into OUT's."""
    summary = _relocated(summary, str(stage), str(out_dir))
    _remove(out_dir / RUN_JSON)  # from here until the new run.json, OUT says it holds no finished run
    for name in OUTPUT_NAMES:
        if name == RUN_JSON:
            continue
        source, target = stage / name, out_dir / name
        _remove(target)  # the previous run's, also when this run has none (no letters this year)
        if source.exists() or source.is_symlink():
            os.replace(source, target)
    write_run_json(out_dir, summary, scratch=stage)
    shutil.rmtree(stage, ignore_errors=True)
    return summary


def _remove(target: Path) -> None:
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif target.exists() or target.is_symlink():
        target.unlink()


@contextmanager
def staged_writes(out_dir: Path, scratch: Path, inputs: tuple[str, ...] = ()) -> Iterator[Path]:
    """A staging folder for a command that reads files of OUT and writes new ones next to them (the platform
    export, the trend reports): `inputs` are linked into it, and what the command added there is moved
    into OUT by rename when the block ends without error."""
    stage = fresh_stage(scratch)
    for name in inputs:
        source = Path(out_dir) / name
        if source.is_file():
            try:
                os.link(source, stage / name)
            except OSError:  # a file system without hard links
                shutil.copy2(source, stage / name)
    try:
        yield stage
        for entry in sorted(stage.iterdir()):
            if entry.name in inputs:
                continue
            target = Path(out_dir) / entry.name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            os.replace(entry, target)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def relocated(paths: list[Path], stage: Path, out_dir: Path) -> list[Path]:
    """Paths written in a staging folder, where they are once moved into OUT."""
    return [Path(_relocated(str(p), str(stage), str(out_dir))) for p in paths]


def _relocated(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return new + value[len(old):] if value == old or value.startswith(old + os.sep) else value
    if isinstance(value, dict):
        return {key: _relocated(item, old, new) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_relocated(item, old, new) for item in value]
    return value
