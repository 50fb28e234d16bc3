"""The command line follows output-contract.md: exit codes, one-line errors, light start-up."""

from __future__ import annotations

import subprocess
import sys
import time

from pipelines.cli import EXIT_USAGE, main
from tests.paths import ROOT


def _stderr_lines(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if line.strip()]


def test_help_imports_neither_prefect_nor_great_expectations():
    code = (
        "import sys, time; t=time.perf_counter(); from pipelines.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy=[m for m in ('prefect','great_expectations','pandas','matplotlib') if m in sys.modules]\n"
        "print('HEAVY', heavy, round(time.perf_counter()-t, 3))"
    )
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    elapsed = time.perf_counter() - started
    assert "HEAVY [] " in out.stdout, out.stdout
    assert "run" in out.stdout and "checklist" in out.stdout
    assert elapsed < 5  # generous for a loaded CI machine; `make bench` reports the real figure


def test_missing_input_folder_exits_2_with_one_line(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == EXIT_USAGE
    lines = _stderr_lines(capsys)
    assert len(lines) == 1 and "找不到评查目录" in lines[0]


def test_bad_arguments_exit_2_with_one_line(capsys):
    assert main(["run"]) == EXIT_USAGE
    lines = _stderr_lines(capsys)
    assert len(lines) == 1 and lines[0].startswith("pingcha: error:")


def test_output_inside_input_is_refused(tmp_path, capsys):
    (tmp_path / "in" / "单位").mkdir(parents=True)
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "in" / "out")]) == EXIT_USAGE
    assert "输出目录不能位于案卷目录之内" in _stderr_lines(capsys)[0]


def test_existing_output_needs_overwrite(tmp_path, capsys):
    (tmp_path / "in" / "单位").mkdir(parents=True)
    out = tmp_path / "out"
    out.mkdir()
    (out / "cases.csv").write_text("x", encoding="utf-8")
    assert main(["run", str(tmp_path / "in"), "--out", str(out)]) == EXIT_USAGE
    assert "--overwrite" in _stderr_lines(capsys)[0]
    assert (out / "cases.csv").read_text(encoding="utf-8") == "x"


def test_overwrite_never_deletes_foreign_files(tmp_path, capsys):
    (tmp_path / "in" / "单位").mkdir(parents=True)
    out = tmp_path / "out"
    out.mkdir()
    (out / "我的笔记.docx").write_bytes(b"mine")
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--overwrite"]) == EXIT_USAGE
    assert "非本程序生成" in _stderr_lines(capsys)[0]
    assert (out / "我的笔记.docx").read_bytes() == b"mine"


def test_invalid_checklist_exits_2_naming_the_line(tmp_path, capsys):
    (tmp_path / "in" / "单位").mkdir(parents=True)
    bad = tmp_path / "bad.yaml"
    source = (ROOT / "scoring" / "checklists" / "penalty-general.yaml").read_text(encoding="utf-8")
    lines = source.splitlines()
    kind_lines = [i for i, line in enumerate(lines) if line.strip().startswith("kind:")]
    target = kind_lines[len(kind_lines) // 2]
    lines[target] = lines[target].split("kind:")[0] + "kind: within_dayz"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--checklist", str(bad)]) == EXIT_USAGE
    err = _stderr_lines(capsys)
    assert len(err) == 1
    assert f":{target + 1}:" in err[0] and "within_dayz" in err[0]
    assert not (tmp_path / "out").exists()


def test_checklist_validate_and_show(capsys):
    assert main(["checklist", "validate", "penalty-general"]) == 0
    assert "penalty-general" in capsys.readouterr().out
    assert main(["checklist", "show", "penalty-general"]) == 0
    shown = capsys.readouterr().out
    for code in ("V01", "V11", "R01", "R25"):
        assert code in shown
    assert main(["checklist", "validate", "coercion-execution"]) == 0
    assert "coercion-execution" in capsys.readouterr().out
    assert main(["checklist", "show", "coercion-execution"]) == 0
    shown = capsys.readouterr().out
    for text in ("行政强制执行案卷评查标准", "V06", "R18", "months_wi", "execution", "三项制度"):
        assert text in shown
    for name in ("coercion-measure", "inspection"):
        assert main(["checklist", "validate", name]) == 0
        assert main(["checklist", "show", name]) == 0
    shown = capsys.readouterr().out
    assert "None" not in shown and "True" not in shown and "False" not in shown  # a veto row reads — and 是
    assert "是" in shown and "—" in shown


def test_invalid_campaign_file_exits_2_naming_the_line(tmp_path, capsys):
    (tmp_path / "in" / "单位").mkdir(parents=True)
    bad = tmp_path / "campaign.yaml"
    bad.write_text("organizer: 区司法局\nsigned_on: 2025-02-30\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--campaign-file", str(bad)]) == EXIT_USAGE
    assert _stderr_lines(capsys) == [f"pingcha: error: {bad}:2: signed_on: 应为日期（如2025-07-08）"]
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--year", "25"]) == EXIT_USAGE
    assert _stderr_lines(capsys) == ["pingcha: error: --year 应为 2000 至 2100 之间的年份：25"]
    assert not (tmp_path / "out").exists()


def test_checklist_per_case_type(tmp_path, capsys):
    """Repeated --checklist TYPE=ID|PATH maps several types; an unknown type exits 2 naming the types there are;
    the campaign file's `checklists:` maps types and --checklist wins type by type."""
    from pipelines.cli import _build_parser, _routes_or_usage
    from pipelines.usage import UsageError

    args = _build_parser().parse_args(["run", "in", "--out", "out", "--checklist", "penalty-general",
                                      "--checklist", "行政许可=penalty-general"])
    routes = _routes_or_usage(args.checklist, None, None)
    assert {k: c.id for k, c in routes.items()} == {"penalty/general": "penalty-general", "license": "penalty-general"}
    own = tmp_path / "mine.yaml"
    own.write_text((ROOT / "scoring" / "checklists" / "penalty-general.yaml").read_text(encoding="utf-8")
                   .replace("id: penalty-general", "id: mine"), encoding="utf-8")
    campaign = {"checklists": {"penalty/summary": "mine.yaml", "license": "mine.yaml"}}
    routes = _routes_or_usage(["license=penalty-general"], campaign, tmp_path / "campaign.yaml")
    assert {k: c.id for k, c in routes.items()} == {"penalty/summary": "mine", "license": "penalty-general"}
    assert [c.id for c in _routes_or_usage(None, None, None).values()][0] == "penalty-general"
    assert _routes_or_usage(None, None, None)["coercion/execution"].id == "coercion-execution"
    routes = _routes_or_usage(["行政强制执行=penalty-general", "行政强制措施=penalty-general"], None, None)
    assert set(routes) == {"coercion/execution", "coercion/measure"}
    try:
        _routes_or_usage(["permit=penalty-general"], None, None)
    except UsageError as exc:
        assert "无法识别的案件类型“permit”" in str(exc) and "penalty/summary" in str(exc)
    else:
        raise AssertionError("an unknown case type must be refused")
    assert main(["run", str(tmp_path), "--out", str(tmp_path.parent / "o"), "--checklist", "x=penalty-general"]) == EXIT_USAGE
    assert "无法识别的案件类型" in _stderr_lines(capsys)[0]
