"""Sub-commands for running a campaign's operations: sample (抽查), assign (交叉评查), export (平台导入).

Kept apart from cli.py so each command's module is imported only when that command runs (`pingcha --help`
imports no pandas, Prefect or GX). Errors are raised as pipelines.usage.UsageError: one line, exit 2.

Slot for `trends`: `pingcha trends --history URL --out DIR [--campaign NAME …]` is registered only when
reports/history/command.py (run_trends(url, out_dir, campaigns=None)) exists; another engineer builds it.
"""

from __future__ import annotations

import argparse
import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ingest.glossary import INPUT_HEADERS_ZH
from pipelines.glossary import INPUT_ERRORS_ZH
from pipelines.usage import UsageError

CAMPAIGN_COMMANDS: frozenset[str] = frozenset({"sample", "assign", "export", "trends"})


def _trends_available() -> bool:
    """Looks for the file without importing reports.history (it imports pandas and SQLAlchemy)."""
    spec = importlib.util.find_spec("reports")
    roots = spec.submodule_search_locations if spec is not None else None
    return any((Path(root) / "history" / "command.py").is_file() for root in roots or ())


def add_campaign_commands(sub: argparse._SubParsersAction) -> None:
    """Register the campaign sub-commands on the `pingcha` parser."""
    sample = sub.add_parser("sample", help="抽取评查样本写入 sample.xlsx，可按 --seed 复现")
    sample.add_argument("dossiers", type=Path, help="评查目录：每个单位一个文件夹")
    how = sample.add_mutually_exclusive_group(required=True)
    how.add_argument("--rate", help="每个单位抽取的比例，如 0.06 或 6%%")
    how.add_argument("--per-unit", type=int, help="每个单位抽取的案卷数（不超过该单位案卷总数）")
    sample.add_argument("--min-per-unit", type=int, default=1, help="每个单位至少抽取的案卷数（默认 1）")
    sample.add_argument("--seed", type=int, required=True, help="随机种子；请记录，任何人可据此重新抽取")
    sample.add_argument("--out", type=Path, required=True, help="要写出的 sample.xlsx")
    sample.add_argument("--overwrite", action="store_true", help="替换已有的样本文件")

    assign = sub.add_parser("assign", help="把抽取的案卷分配给交叉评查人，写入 assignment.xlsx")
    assign.add_argument("--reviewers", type=Path, required=True, help="评查人名单 reviewers.xlsx：列“{reviewer_name}”“{reviewer_unit}”"
                        "（“{reviewer_specialty}”“{reviewer_note}”可选）".format_map(INPUT_HEADERS_ZH))
    assign.add_argument("--sample", type=Path, required=True, help="pingcha sample 生成的 sample.xlsx")
    assign.add_argument("--out", type=Path, required=True, help="要写出的 assignment.xlsx")
    assign.add_argument("--per-file", type=int, default=2, help="每卷的评查人数，不含本单位人员（默认 2）")
    assign.add_argument("--seed", type=int, help="并列时使用的随机种子（默认取样本的种子）")
    assign.add_argument("--overwrite", action="store_true", help="替换已有的分配表")

    export = sub.add_parser("export", help="把市级平台导入文件（platform_export.csv/.xlsx）写入 OUT")
    export.add_argument("out", type=Path, help="已完成的 pingcha run 输出目录")
    export.add_argument("--mapping", type=Path, help="列映射 YAML（默认 reports/platform_mapping.yaml）")
    export.add_argument("--assignment", type=Path, help="assignment.xlsx：用于填写评查人列")

    if _trends_available():
        trends = sub.add_parser("trends", help="根据历史库生成跨年度趋势")
        trends.add_argument("--history", required=True, help="历史库（SQLite 路径或数据库 URL）")
        trends.add_argument("--out", type=Path, required=True, help="趋势报告输出目录")
        trends.add_argument("--campaign", dest="campaigns", action="append", help="只看该评查活动（可重复）")


def run_campaign_command(args: argparse.Namespace) -> int:
    if args.command == "sample":
        return _cmd_sample(args)
    if args.command == "assign":
        return _cmd_assign(args)
    if args.command == "export":
        return _cmd_export(args)
    if args.command == "trends":
        return _cmd_trends(args)
    raise NotImplementedError(args.command)


def _usage(message: str) -> Exception:
    return UsageError(message)


def parse_rate(text: str) -> float:
    """'0.06', '6%' or '6％' -> 0.06; a UsageError when it is not a share in (0, 1]."""
    value = text.strip().replace("％", "%")
    try:
        rate = float(value[:-1]) / 100 if value.endswith("%") else float(value)
    except ValueError:
        raise _usage(f"--rate must be a share such as 0.06 or 6%, not {text!r}") from None
    if not 0 < rate <= 1:
        raise _usage(f"--rate must be more than 0 and at most 1 (100%), not {text}")
    return rate


def _check_new_file(path: Path, overwrite: bool, suffix: str = ".xlsx") -> None:
    if path.suffix.lower() != suffix:
        raise _usage(f"{path} must be a {suffix} file")
    if path.exists() and not overwrite:
        raise _usage(INPUT_ERRORS_ZH["record_exists"].format(path=path))


def _cmd_sample(args: argparse.Namespace) -> int:
    if not args.dossiers.is_dir():
        raise _usage(INPUT_ERRORS_ZH["no_input"].format(path=args.dossiers))
    rate = parse_rate(args.rate) if args.rate is not None else None
    if args.per_unit is not None and args.per_unit < 1:
        raise _usage(INPUT_ERRORS_ZH["at_least_one"].format(option="--per-unit"))
    if args.min_per_unit < 0:
        raise _usage(INPUT_ERRORS_ZH["not_negative"].format(option="--min-per-unit"))
    _check_new_file(args.out, args.overwrite)
    from ingest.discover import discover_campaign
    from reports.sample_workbook import write_sample
    from scoring.campaign.sampling import SampleError, draw_sample

    try:
        sample = draw_sample(discover_campaign(args.dossiers), rate=rate, per_unit=args.per_unit,
                             min_per_unit=args.min_per_unit, seed=args.seed)
    except SampleError as exc:
        raise _usage(str(exc)) from exc
    write_sample(sample, args.out)
    print(f"{sample.summary_zh()} → {args.out}")
    return 0


def _cmd_assign(args: argparse.Namespace) -> int:
    for label, path in (("评查人员名单", args.reviewers), ("抽样", args.sample)):
        if not path.is_file():
            raise _usage(INPUT_ERRORS_ZH["no_file"].format(what=label, path=path))
    if args.per_file < 1:
        raise _usage(INPUT_ERRORS_ZH["at_least_one"].format(option="--per-file"))
    _check_new_file(args.out, args.overwrite)
    from reports.assignment_workbook import write_assignment
    from scoring.campaign.assignment import AssignmentError, assign, read_reviewers
    from scoring.campaign.sampling import SampleError, read_sample

    try:
        sample = read_sample(args.sample)
        reviewers = read_reviewers(args.reviewers)
        result = assign(sample, reviewers, per_file=args.per_file,
                        seed=args.seed if args.seed is not None else sample.seed)
    except (AssignmentError, SampleError) as exc:
        raise _usage(str(exc)) from exc
    write_assignment(result, args.out)
    for warning in result.warnings:
        print(f"注意：{warning}")
    print(f"{result.summary_zh()} → {args.out}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    if not args.out.is_dir():
        raise _usage(INPUT_ERRORS_ZH["no_out"].format(path=args.out))
    if args.mapping is not None and not args.mapping.is_file():
        raise _usage(INPUT_ERRORS_ZH["no_file"].format(what="字段对照", path=args.mapping))
    reviewers = None
    if args.assignment is not None:
        from scoring.campaign.assignment import AssignmentError, reviewers_by_dossier

        try:
            reviewers = reviewers_by_dossier(args.assignment)
        except AssignmentError as exc:
            raise _usage(str(exc)) from exc
    from pipelines.outputs import relocated, staged_writes
    from reports.loading import FINGERPRINT_FILES
    from reports.platform_export import PlatformMappingError, export_platform

    with _locked(args.out) as scratch, staged_writes(args.out, scratch, (*FINGERPRINT_FILES, "run.json", "audit.csv")) as stage:
        try:
            written = export_platform(stage, args.mapping, reviewers)
        except PlatformMappingError as exc:
            raise _usage(str(exc).replace(str(stage), str(args.out))) from exc
    csv_path, xlsx_path = relocated(list(written), stage, args.out)
    print(f"平台导入文件：{csv_path}，{xlsx_path}")
    return 0


@contextmanager
def _locked(out: Path) -> Iterator[Path]:
    """OUT's lock for a command that writes into it (a run in progress there is refused); yields the scratch
    folder where its files are written before they are moved in (pipelines/runlock.py, pipelines/outputs.py)."""
    from pipelines import runlock

    try:
        with runlock.hold(out) as scratch:
            yield scratch
    except runlock.RunLocked as exc:
        raise _usage(str(exc)) from exc


def _cmd_trends(args: argparse.Namespace) -> int:
    from ingest.errors import PingchaError
    from pipelines.input_checks import check_history_store
    from pipelines.outputs import relocated, staged_writes
    from reports.history.command import run_trends

    check_history_store(args.history)
    args.out.mkdir(parents=True, exist_ok=True)
    with _locked(args.out) as scratch, staged_writes(args.out, scratch) as stage:
        try:
            paths = run_trends(args.history, stage, campaigns=args.campaigns)
        except PingchaError as exc:
            raise _usage(str(exc)) from exc
    for path in relocated(list(paths or ()), stage, args.out):
        print(path)
    return 0


