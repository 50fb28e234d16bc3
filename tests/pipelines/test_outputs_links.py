"""Publishing a run into an OUT whose previous outputs were replaced by links (issue 15, minor): the link is
replaced, never followed — what it points to stays as it was — and a failed run changes nothing in OUT."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pipelines.outputs import check_out_dir, publish_outputs


def _stage(tmp_path: Path) -> Path:
    stage = tmp_path / "stage"
    (stage / "charts").mkdir(parents=True)
    (stage / "charts" / "grades_by_unit.png").write_bytes(b"new chart")
    (stage / "cases.csv").write_text("new cases", encoding="utf-8")
    return stage


def test_a_symlinked_output_folder_is_replaced_not_followed(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("keep me", encoding="utf-8")
    os.symlink(elsewhere, out / "charts")
    os.symlink(elsewhere / "precious.txt", out / "cases.csv")
    (out / "run.json").write_text("{}", encoding="utf-8")
    check_out_dir(out, tmp_path / "campaign", overwrite=True)  # outputs' names only: accepted

    publish_outputs(_stage(tmp_path), out, {"finished": True})

    assert (elsewhere / "precious.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["precious.txt"]
    assert not (out / "charts").is_symlink() and (out / "charts" / "grades_by_unit.png").read_bytes() == b"new chart"
    assert not (out / "cases.csv").is_symlink() and (out / "cases.csv").read_text(encoding="utf-8") == "new cases"
    assert json.loads((out / "run.json").read_text(encoding="utf-8")) == {"finished": True}


def test_outputs_the_new_run_does_not_write_are_removed_at_publication(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "监督意见书").mkdir(parents=True)
    (out / "监督意见书" / "区某局.docx").write_bytes(b"last year's letter")
    publish_outputs(_stage(tmp_path), out, {"finished": True})
    assert not (out / "监督意见书").exists()  # no letters this run: last run's are not left to look current
