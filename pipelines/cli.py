"""`pingcha` command line. Imports nothing heavy until a command needs it (no Prefect, no GX for --help).

Exit status (output-contract.md): 0 when the run finished, even with problem files; 2 for bad arguments,
an invalid checklist or a missing input folder, with a one-line reason on stderr; 1 for anything else.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager, nullcontext
from pathlib import Path

from pipelines.glossary import INPUT_ERRORS_ZH
from pipelines.usage import EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, UsageError


class _Parser(argparse.ArgumentParser):
    """argparse with its own words in Chinese too: section titles and -h."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title, self._optionals.title = "位置参数", "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助后退出")

    def error(self, message: str) -> None:  # one line, not argparse's usage dump
        raise UsageError(message)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pingcha", description="评查：行政执法案卷评查流水线")
    parser.add_argument("--version", action="store_true", help="显示版本号后退出")
    parser.add_argument("--shared-output", action="store_true", default=os.environ.get("PINGCHA_SHARED_OUTPUT") == "1",
                        help="输出文件允许同组及其他用户读取（默认仅运行者本人可读写：文件0600、文件夹0700；也可设 PINGCHA_SHARED_OUTPUT=1）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, title="命令")

    run = sub.add_parser("run", help="评查一次活动的案卷：读取、提取要素、评分、校验、写出结果")
    run.add_argument("dossiers", type=Path, help="评查目录：每个单位一个文件夹，每卷案卷一个文件夹或文件")
    run.add_argument("--out", type=Path, required=True, help="输出目录（不得位于评查目录之内）")
    run.add_argument("--checklist", action="append", metavar="[类型=]标准",
                     help="评查标准编号或 YAML 文件路径；不写类型时用于一般程序行政处罚案卷。多种案件类型时按“类型=标准”重复给出，"
                          "如 --checklist penalty/summary=penalty-simple --checklist license=license"
                          "（类型：penalty、penalty/general、penalty/summary、license、inspection、coercion）。"
                          "默认：penalty-general，以及已内置的 penalty-simple（简易程序）、license（行政许可）")
    run.add_argument("--campaign", help="评查活动名称，显示在评查表上（默认取文件夹名）")
    run.add_argument("--campaign-file", type=Path, help="评查活动文件 campaign.yaml：组织机关、文号、主送、抄送、印发、成文日期、监督依据（示例见 samples/campaign.example.yaml）")
    run.add_argument("--year", type=int, help="评查年度（默认取活动文件的 year，否则取运行日期的年份）")
    run.add_argument("--roster", type=Path, help="执法证件名册 .xlsx（用于 V02 持证上岗检查）")
    run.add_argument("--publications", type=Path, metavar="FILE.xlsx",
                     help="公示台账 .xlsx（公示平台导出：文号、公示日期、网址），按文号与案卷对照，用于三项制度“公示”检查；"
                          "不提供且案卷中无公示材料时该项为“无法判定”（默认取活动文件的 publications）")
    run.add_argument("--workers", type=int, help="工作进程数（默认使用全部 CPU 核）")
    run.add_argument("--unit", dest="units", action="append", help="只评查该单位（可重复）")
    run.add_argument("--sample", type=Path, help="只评查 sample.xlsx 中抽取的案卷（见 pingcha sample）")
    run.add_argument("--assignment", type=Path, help="交叉评查分配表 assignment.xlsx（见 pingcha assign）：显示每卷的评查人")
    run.add_argument("--history", default="default", help="历史库（SQLite 路径或数据库 URL），用于跨年度趋势；默认 $PINGCHA_HISTORY 或 OUT/history.db")
    run.add_argument("--no-history", action="store_true", help="不把本次评查记入历史库")
    run.add_argument("--overwrite", action="store_true", help="替换 OUT 中上一次评查的输出（已完成的案卷结果可复用）")
    run.add_argument("--dask-address", default=os.environ.get("PINGCHA_DASK_ADDRESS"), metavar="tcp://HOST:PORT",
                     help="在该 Dask 调度器上运行案卷任务（默认 $PINGCHA_DASK_ADDRESS；见 docs/performance.md）")
    run.add_argument("--no-progress", action="store_true", help="不显示进度条")
    run.add_argument("-v", "--verbose", action="store_true", help="显示 Prefect 日志和完整的错误堆栈")

    checklist = sub.add_parser("checklist", help="检查或显示评查标准")
    checklist_sub = checklist.add_subparsers(dest="checklist_command", metavar="ACTION", parser_class=_Parser)
    validate = checklist_sub.add_parser("validate", help="检查评查标准文件；有错误时报告所在行并以状态 2 退出")
    validate.add_argument("source", help="评查标准编号或 YAML 文件路径")
    show = checklist_sub.add_parser("show", help="以表格显示评查标准")
    show.add_argument("source", help="评查标准编号或 YAML 文件路径")

    review = sub.add_parser("review", help="应用评查表中的复核意见")
    review_sub = review.add_subparsers(dest="review_command", metavar="ACTION", parser_class=_Parser)
    apply = review_sub.add_parser("apply", help="按评查表的复核列重新计分，写出完整的复核结果（通报、监督意见书、评查表等）到新目录",
                                  description="应用一份评查表或多位复核人各自填写的副本（同一行意见不一致时报错，不作猜测）")
    apply.add_argument("scorecards", nargs="+", type=Path, metavar="SCORECARD", help="填好复核列的评查表 scorecards.xlsx（可多份）")
    apply.add_argument("--out", type=Path, required=True, help="新的输出目录（不改动原评查结果；不得位于原结果或案卷目录之内）")
    apply.add_argument("--overwrite", action="store_true", help="替换该目录中上一次复核的输出")
    apply.add_argument("--history", default="run", help="历史库（SQLite 路径或数据库 URL）；默认记入原评查所用的历史库")
    apply.add_argument("--no-history", action="store_true", help="不把本轮复核记入历史库")

    from pipelines.campaign_cli import add_campaign_commands

    add_campaign_commands(sub)

    generate = sub.add_parser("generate", help="生成带标准答案的模拟案卷（演示、测试、基准）")
    generate.add_argument("args", nargs=argparse.REMAINDER, help="见 pingcha generate --help")
    return parser  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in argv or "--verbose" in argv
    args = None
    try:
        args = _build_parser().parse_args(argv)
        return _dispatch(args)
    except UsageError as exc:
        print(f"pingcha: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        from pipelines.glossary import RUN_SAFETY_ZH

        hint = "review_interrupted" if args is not None and args.command == "review" else "interrupted"
        print(RUN_SAFETY_ZH[hint], file=sys.stderr)
        return 130
    except Exception as exc:  # the contract: anything unexpected is exit 1 with one line
        out = getattr(args, "out", None)
        from pipelines.diskspace import is_disk_full

        if is_disk_full(exc, out):
            from pipelines.glossary import RUN_SAFETY_ZH

            print(RUN_SAFETY_ZH["disk_full"].format(out=out), file=sys.stderr)
            if not verbose:
                return EXIT_UNEXPECTED
        if verbose:
            raise
        print(INPUT_ERRORS_ZH["unexpected"].format(kind=type(exc).__name__, error=exc), file=sys.stderr)
        return EXIT_UNEXPECTED


def _dispatch(args: argparse.Namespace) -> int:
    if not args.shared_output:
        # outputs hold individuals' names and ID numbers: the owner's only, unless the folder is meant to be shared
        os.umask(0o077)
    if args.version:
        from importlib.metadata import version

        print(f"pingcha {version('pingcha')}")
        return EXIT_OK
    if args.command == "run":
        return _cmd_run(args)
    if args.command == "checklist":
        return _cmd_checklist(args)
    if args.command == "review":
        return _cmd_review(args)
    from pipelines.campaign_cli import CAMPAIGN_COMMANDS, run_campaign_command

    if args.command in CAMPAIGN_COMMANDS:
        return run_campaign_command(args)
    if args.command == "generate":
        from samplegen.__main__ import main as generate_main

        return generate_main(args.args)
    _build_parser().print_help()
    return EXIT_USAGE


def _load_checklist_or_usage(source: str):  # -> Checklist
    from scoring.checklist import ChecklistError, load_checklist

    try:
        return load_checklist(source)
    except ChecklistError as exc:
        raise UsageError(INPUT_ERRORS_ZH["bad_checklist"].format(error=exc)) from exc


def _routes_or_usage(values: list[str] | None, campaign_file: dict | None, campaign_path: Path | None) -> dict:
    """The loaded checklist of each case type: the campaign file's `checklists:`, then --checklist (which wins
    type by type), else the default campaign (scoring/routing.py); exit 2 on a bad type or checklist."""
    from scoring.checklist import ChecklistError
    from scoring.routing import default_routes, parse_checklist_args, parse_type_key

    try:
        mapping: dict[str, str] = {}
        for key, source in ((campaign_file or {}).get("checklists") or {}).items():
            beside = campaign_path.parent / source if campaign_path else None
            mapping[parse_type_key(key)] = str(beside) if beside is not None and beside.is_file() else source
        mapping.update(parse_checklist_args(values or []))
    except ChecklistError as exc:
        raise UsageError(INPUT_ERRORS_ZH["bad_checklist"].format(error=exc)) from exc
    return {key: _load_checklist_or_usage(source) for key, source in (mapping or default_routes()).items()}


def _publications_or_usage(path: Path | None, campaign_file: dict | None, campaign_path: Path | None) -> Path | None:
    """The 公示台账: --publications, else the campaign file's `publications:` (beside the file when relative);
    exit 2 when it is missing or cannot be read at all (its bad rows are problems of the run, not errors)."""
    if path is None and (campaign_file or {}).get("publications"):
        written = Path(campaign_file["publications"])
        path = campaign_path.parent / written if campaign_path and not written.is_absolute() else written
    if path is None:
        return None
    if not path.is_file():
        raise UsageError(INPUT_ERRORS_ZH["no_file"].format(what="公示台账", path=path))
    from scoring.publications import PublicationsError, load_publications

    try:
        load_publications(path)
    except PublicationsError as exc:
        raise UsageError(str(exc)) from exc
    return path


def _load_campaign_file_or_usage(path: Path | None) -> dict | None:
    """campaign.yaml as run.json records it (JSON values), or None without one; exit 2 on a bad file."""
    if path is None:
        return None
    if not path.is_file():
        raise UsageError(f"找不到评查活动文件：{path}")
    from reports.campaign_file import CampaignFileError, load_campaign_file

    try:
        return load_campaign_file(path).model_dump(mode="json")
    except CampaignFileError as exc:
        raise UsageError(str(exc)) from exc


def _cmd_checklist(args: argparse.Namespace) -> int:
    if args.checklist_command not in ("validate", "show"):
        raise UsageError(INPUT_ERRORS_ZH["checklist_action"])
    checklist = _load_checklist_or_usage(args.source)
    if args.checklist_command == "validate":
        print(INPUT_ERRORS_ZH["checklist_ok"].format(id=checklist.id, version=checklist.version,
                                                    count=len(checklist.items), digest=checklist.content_hash[:12]))
        return EXIT_OK
    from pipelines.console import print_checklist

    print_checklist(checklist)
    return EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    if args.review_command != "apply":
        raise UsageError("review 需要指定操作：apply SCORECARD.xlsx [SCORECARD.xlsx …] --out NEW_OUT")
    for scorecard in args.scorecards:
        if not scorecard.is_file():
            raise UsageError(f"找不到评查表：{scorecard}")
    from ingest.errors import PingchaError
    from pipelines.glossary import RUN_SAFETY_ZH
    from pipelines.review_apply import apply_reviews

    created = not args.out.exists()
    try:
        with _run_safety(args.out, RUN_SAFETY_ZH["review_interrupted"], guard=False) as scratch:
            try:
                summary, written = apply_reviews(args.scorecards, args.out, args.overwrite,
                                                 None if args.no_history else args.history, scratch=scratch)
            except PingchaError as exc:
                raise UsageError(str(exc)) from exc
    except UsageError:
        if created:  # a refused review writes nothing: not even the folder its lock was taken in
            shutil.rmtree(args.out, ignore_errors=True)
        raise
    print(summary.describe())
    from pipelines.console import print_summary

    print_summary(written, summary.new_out)
    return EXIT_OK


def _cmd_run(args: argparse.Namespace) -> int:
    dossiers: Path = args.dossiers
    if not dossiers.is_dir():
        raise UsageError(INPUT_ERRORS_ZH["no_input"].format(path=dossiers))
    if args.roster is not None and not args.roster.is_file():
        raise UsageError(INPUT_ERRORS_ZH["no_file"].format(what="人员名册", path=args.roster))
    if args.sample is not None and not args.sample.is_file():
        raise UsageError(INPUT_ERRORS_ZH["no_file"].format(what="抽样", path=args.sample))
    if args.assignment is not None and not args.assignment.is_file():
        raise UsageError(INPUT_ERRORS_ZH["no_file"].format(what="分配", path=args.assignment))
    if args.workers is not None and args.workers < 1:
        raise UsageError(INPUT_ERRORS_ZH["at_least_one"].format(option="--workers"))
    campaign_file = _load_campaign_file_or_usage(args.campaign_file)
    checklists = _routes_or_usage(args.checklist, campaign_file, args.campaign_file)
    args.publications = _publications_or_usage(args.publications, campaign_file, args.campaign_file)
    if args.year is not None and not 2000 <= args.year <= 2100:
        raise UsageError(f"--year 应为 2000 至 2100 之间的年份：{args.year}")
    year = args.year if args.year is not None else (campaign_file or {}).get("year")
    from ingest.readers import ReadLimits

    try:
        ReadLimits.from_env()  # PINGCHA_MAX_* limits: a typo fails here, not in a worker process
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    from pipelines.outputs import OutputDirError, check_out_dir

    try:
        check_out_dir(args.out, dossiers, args.overwrite)
    except OutputDirError as exc:
        raise UsageError(str(exc)) from exc
    from pipelines.input_checks import check_campaign_input

    check_campaign_input(dossiers, args.units)
    args.out.mkdir(parents=True, exist_ok=True)
    from pipelines.glossary import RUN_SAFETY_ZH

    with _run_safety(args.out, RUN_SAFETY_ZH["interrupted"]):
        summary = _run_flow(args, dossiers, checklists, campaign_file, year)
    from pipelines.console import print_summary

    print_summary(summary, args.out)
    return EXIT_OK


@contextmanager
def _run_safety(out: Path, hint: str, guard: bool = True) -> Iterator[Path]:
    """OUT's lock (exit 2 when another run holds it), temporary files in OUT/.pingcha/tmp rather than the
    system's, and the SIGINT/SIGTERM handlers and guardian that stop the run's processes
    (pipelines/runlock.py, pipelines/shutdown.py). Yields the scratch folder."""
    import tempfile

    from pipelines import diskspace, runlock, shutdown
    from pipelines.glossary import RUN_SAFETY_ZH

    free, need = diskspace.free_bytes(out), diskspace.min_free_bytes()
    if free is not None and free < need:
        raise UsageError(RUN_SAFETY_ZH["disk_low"].format(
            free=diskspace.megabytes(free), need=diskspace.megabytes(need), out=out))
    with ExitStack() as stack:
        try:
            scratch = stack.enter_context(runlock.hold(out))
        except runlock.RunLocked as exc:
            raise UsageError(str(exc)) from exc
        saved_env, saved_dir = os.environ.get("TMPDIR"), tempfile.tempdir
        stack.callback(shutil.rmtree, scratch, True)  # a failed run's staged outputs must not keep the disk full
        os.environ["TMPDIR"] = tempfile.tempdir = str(scratch)
        stack.callback(_restore_tmpdir, saved_env, saved_dir)
        shutdown.install(hint, scratch)
        stack.callback(shutdown.uninstall)
        if guard:
            shutdown.start_guardian()
        yield scratch


def _restore_tmpdir(env_value: str | None, tempdir: str | None) -> None:
    import tempfile

    if env_value is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = env_value
    tempfile.tempdir = tempdir


def _run_flow(args: argparse.Namespace, dossiers: Path, checklists: dict, campaign_file: dict | None,
              year: int | None) -> dict:
    """Prefect's settings, the warm worker pool, then the campaign flow; returns the run summary."""
    from pipelines.prefect_env import configure_prefect, state_dir_for

    configure_prefect(state_dir_for(args.out.resolve()), verbose=args.verbose)
    from pipelines import progress
    from pipelines.console import ProgressBar

    show_progress = not args.no_progress and os.environ.get("PINGCHA_NO_PROGRESS") != "1"
    bar = ProgressBar() if show_progress else None
    progress.install(bar)
    from pipelines import workers

    # the local worker pool starts and imports while Prefect's temporary server starts (Dask brings its own)
    prestarted = nullcontext() if args.dask_address else workers.pool(args.workers, warm=True)
    try:
        with prestarted:
            from pipelines.flow import campaign_flow

            return campaign_flow(args.dask_address)(
                dossiers=str(dossiers),
                out=str(args.out),
                checklist=str(next(iter(checklists.values())).source_path),
                checklists={key: str(c.source_path) for key, c in checklists.items()},
                campaign=args.campaign,
                roster=str(args.roster.resolve()) if args.roster else None,
                publications=str(args.publications.resolve()) if args.publications else None,
                workers_count=args.workers,
                units=args.units,
                overwrite=args.overwrite,
                sample=str(args.sample.resolve()) if args.sample else None,
                history=None if args.no_history else args.history,
                assignment=str(args.assignment.resolve()) if args.assignment else None,
                campaign_file=campaign_file,
                year=year,
            )
    finally:
        progress.install(None)
        if bar is not None:
            bar.close()


if __name__ == "__main__":
    sys.exit(main())
