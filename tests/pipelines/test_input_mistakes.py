"""Inputs a user gets wrong (issue 16, point 6): each refused with its exact one-line Chinese message, exit 2,
and nothing written."""

from __future__ import annotations

import argparse
from pathlib import Path

import openpyxl
import pytest

from pipelines.cli import EXIT_USAGE, main
from samplegen import build_campaign, write_campaign

UNIT = "区市场监督管理局"


@pytest.fixture(scope="module")
def campaign(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("campaign") / "2025年度评查"
    write_campaign(build_campaign(seed=11, units=2, per_unit=2), root)
    return root


def _error(capsys) -> str:
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def test_one_units_folder_is_refused_with_the_parent_to_pass(campaign, tmp_path, capsys):
    unit = campaign / UNIT
    assert sorted(p.name for p in unit.iterdir() if p.is_dir()) == ["2025-003", "2025-005"]
    assert main(["run", str(unit), "--out", str(tmp_path / "out")]) == EXIT_USAGE
    assert _error(capsys) == (f"pingcha: error: “{unit}”像是一个单位的文件夹（其中 2025-003、2025-005 是案卷），不是评查目录；"
                              f"请传入它的上一级目录：{campaign.resolve()}")
    assert not (tmp_path / "out").exists()


def test_a_units_folder_named_like_a_case_number_is_refused(tmp_path, capsys):
    unit = tmp_path / "城管"
    write_campaign(build_campaign(seed=11, units=1, per_unit=2), tmp_path / "c")
    (tmp_path / "c" / next(p.name for p in (tmp_path / "c").iterdir())).rename(unit)
    names = sorted(p.name for p in unit.iterdir() if "台账" not in p.name)
    assert main(["run", str(unit), "--out", str(tmp_path / "out")]) == EXIT_USAGE
    assert _error(capsys).startswith(f"pingcha: error: “{unit}”像是一个单位的文件夹（其中 {names[0]}")


def test_an_empty_campaign_is_an_error(tmp_path, capsys):
    (tmp_path / "in" / "单位").mkdir(parents=True)
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == EXIT_USAGE
    assert _error(capsys) == f"pingcha: error: 评查目录中没有找到案卷：{tmp_path / 'in'}（应为“单位名称/案卷文件夹或文件”的结构）"
    assert not (tmp_path / "out").exists()


def test_a_unit_that_matches_nothing_is_an_error(campaign, tmp_path, capsys):
    assert main(["run", str(campaign), "--out", str(tmp_path / "out"), "--unit", "区城管局"]) == EXIT_USAGE
    units = "、".join(sorted(p.name for p in campaign.iterdir() if p.is_dir()))
    assert _error(capsys) == f"pingcha: error: --unit 没有匹配的单位：区城管局；评查目录中的单位有：{units}"


def test_trends_on_a_store_that_does_not_exist_is_an_error_and_creates_none(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["trends", "--history", "typo.db", "--out", "trends"]) == EXIT_USAGE
    assert _error(capsys) == "pingcha: error: 找不到历史库：typo.db（请检查 --history；历史库由 pingcha run 写入）"
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("content", ["not a zip", "truncated"])
def test_review_apply_on_a_non_workbook_is_one_chinese_line(tmp_path, capsys, content):
    target = tmp_path / "评查表.xlsx"
    if content == "truncated":
        wb = openpyxl.Workbook()
        wb.active["A1"] = "x" * 5000
        wb.save(target)
        target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])
    else:
        target.write_bytes("这是一段文字，不是工作簿".encode())
    assert main(["review", "apply", str(target), "--out", str(tmp_path / "new")]) == EXIT_USAGE
    assert _error(capsys) == ("pingcha: error: 无法读取评查表“评查表.xlsx”：不是有效的 .xlsx 工作簿"
                              "（文件损坏、未保存完整或格式不对）")
    assert not (tmp_path / "new").exists()


def _parsers(parser):
    """The parser and every sub-command's, depth first."""
    yield parser
    for action in parser._actions:
        for sub in getattr(action, "choices", None) or {}:
            if isinstance(action.choices, dict):
                yield from _parsers(action.choices[sub])


def test_help_is_chinese_with_english_option_names(capsys):
    import re

    from pipelines.cli import _build_parser

    chinese = re.compile(r"[\u4e00-\u9fff]")
    parsers = list(_parsers(_build_parser()))
    assert len(parsers) > 10
    for parser in parsers:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):  # its commands' one-line helps
                for command in action._choices_actions:
                    assert chinese.search(command.help), (parser.prog, command.dest, command.help)
                continue
            assert action.help and chinese.search(action.help), (parser.prog, action.option_strings, action.help)
            assert all(not chinese.search(option) for option in action.option_strings)
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = capsys.readouterr().out
    assert "选项:" in text and "显示本帮助后退出" in text and "show this help" not in text
