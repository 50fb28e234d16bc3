"""`make bench`: campaign-scale throughput of `pingcha run`, measured end to end. Not a test.

Generates (once, cached by parameters) a campaign of N dossiers with the format mix of real campaigns,
runs the real CLI on it in a subprocess with a fresh output folder while sampling the resident memory of
the whole process tree, then times the plain libraries' text extraction of the same files in this process
(bench/raw_extract.py). Prints one table and writes bench/results/<timestamp>.json; `--compare OLD.json`
prints the change against an earlier run.

    python -m bench.run_campaign --dossiers 1000 --workers 2
    python -m bench.run_campaign --compare bench/results/20261122-031500.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

from bench.campaign_data import DEFAULT_CACHE, ROOT, CampaignParams, ensure_campaign

RESULTS = ROOT / "bench" / "results"


class TreeMemory:
    """Peak summed RSS of a process and all its descendants, sampled every `interval` seconds."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        import psutil

        self._root = psutil.Process(pid)
        self._interval = interval
        self.peak_bytes = 0
        self.peak_processes = 0
        self.peak_by_role: dict[str, float] = {}
        self.samples: list[tuple[float, int]] = []  # (seconds since start, tree RSS bytes)
        self._t0 = time.perf_counter()
        self.cpu: dict[int, tuple[str, float]] = {}  # pid -> (role, user+system seconds last seen)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self._root, *self._root.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            by_role: dict[str, float] = {}
            for proc in procs:
                try:
                    rss = proc.memory_info().rss
                    times = proc.cpu_times()
                    role = self.cpu[proc.pid][0] if proc.pid in self.cpu else _role(proc, self._root)
                except psutil.Error:
                    continue
                total += rss
                by_role[role] = by_role.get(role, 0.0) + rss / 2**20
                self.cpu[proc.pid] = (role, times.user + times.system)
            self.samples.append((time.perf_counter() - self._t0, total))
            if total > self.peak_bytes:
                self.peak_bytes, self.peak_processes = total, len(procs)
                self.peak_by_role = {k: round(v, 1) for k, v in by_role.items()}
            self._stop.wait(self._interval)


def _role(proc, root) -> str:
    """flow (the CLI process), prefect-server (its temporary API server), worker (process pool) or other."""
    if proc.pid == root.pid:
        return "flow"
    cmd = " ".join(proc.cmdline())
    if "uvicorn" in cmd or "prefect.server" in cmd:
        return "prefect-server"
    if "multiprocessing" in cmd:
        return "worker"
    return "other"


def run_pipeline(dossiers: Path, out: Path, workers: int | None) -> dict:
    """`pingcha run` in a subprocess: wall time, exit status, peak tree RSS and the run.json it wrote."""
    cmd = [str(ROOT / ".venv" / "bin" / "pingcha"), "run", str(dossiers), "--out", str(out),
           "--campaign", "bench", "--no-progress", "--no-history"]  # fmt: skip
    if workers:
        cmd += ["--workers", str(workers)]
    env = {**os.environ, "PINGCHA_NO_PROGRESS": "1"}
    env.pop("PINGCHA_STATE_DIR", None)  # a fresh OUT: nothing cached, as for a new campaign
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as memory:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.stderr.write(stdout[-2000:] + stderr[-4000:])
        raise SystemExit(f"pingcha run failed with exit status {proc.returncode}")
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    cpu: dict[str, float] = {}
    for role, seconds in memory.cpu.values():
        cpu[role] = round(cpu.get(role, 0.0) + seconds, 1)
    return {"wall_seconds": round(wall, 3), "peak_rss_mb": round(memory.peak_bytes / 2**20, 1),
            "peak_processes": memory.peak_processes, "peak_rss_by_role_mb": memory.peak_by_role,
            "cpu_seconds_by_role": cpu, "run": run,
            "peak_rss_by_phase_mb": _peaks_by_phase(memory.samples, run["timings"])}  # fmt: skip


def _peaks_by_phase(samples: list[tuple[float, int]], timings: dict) -> dict[str, float]:
    """Peak tree RSS within each phase, placing the phases (run in order) after the start-up."""
    edges, t = [], timings.get("startup_seconds") or 0.0
    edges.append(("start-up", 0.0, t))
    for name, seconds in timings.get("phases", {}).items():
        edges.append((name, t, t + seconds))
        t += seconds
    edges.append(("shutdown", t, float("inf")))
    peaks = {}
    for name, start, end in edges:
        inside = [rss for at, rss in samples if start <= at < end]
        if inside:
            peaks[name] = round(max(inside) / 2**20, 1)
    return peaks


def measure_ocr(pages_wanted: int, seed: int, workers: int | None) -> dict:
    """Dense scanned A4 pages/s as the pipeline runs OCR: one process per worker, each with its share of
    the cores (pipelines/workers.py), on generated 行政处罚决定书 scans (bench/ocr_engines.py)."""
    from ingest.ocr import ocr_available

    if not ocr_available():
        return {"available": False, "reason": "OCR engine not installed (rapidocr/onnxruntime)"}
    import random
    import tempfile

    from bench.ocr_engines import dense_page, image_pdf, render, throughput
    from ingest.ocr_engines.rapid import backends
    from pipelines.workers import default_workers

    procs = workers or default_workers()
    rng = random.Random(seed)
    specs = [dense_page(rng) for _ in range(max(1, pages_wanted))]
    with tempfile.TemporaryDirectory(prefix="pingcha-ocr-bench-") as tmp:
        pdf = image_pdf([render(spec, seed=i) for i, spec in enumerate(specs)], Path(tmp) / "dense.pdf")
        pages, seconds, cpu_per_page = throughput(pdf, len(specs), procs, 200)
    return {"available": True, "backend": (backends() or ["onnxruntime"])[0], "processes": procs, "pages": pages,
            "seconds": round(seconds, 2), "cpu_seconds_per_page": round(cpu_per_page, 2),
            "pages_per_second": round(pages / seconds, 3) if seconds else None}  # fmt: skip


def summarise(pipeline: dict, raw: dict, ocr: dict, params: CampaignParams, load: tuple, gen_s: float) -> dict:
    run = pipeline["run"]
    timings, counts = run["timings"], run["counts"]
    phases = timings.get("phases", {})
    flow_wall = timings["wall_seconds"]
    total = pipeline["wall_seconds"]
    startup = timings.get("startup_seconds")
    if startup is None:
        startup = max(0.0, total - flow_wall)
    stage_cpu = timings.get("stage_cpu_seconds", {})
    process_wall = phases.get("process", 0.0)
    cpu_sum = sum(stage_cpu.values()) or 1.0
    stages = {
        "start-up": round(startup, 2),
        "discover": phases.get("discover", 0.0),
        **{name: round(process_wall * seconds / cpu_sum, 2) for name, seconds in stage_cpu.items()},
    }
    if "finish" in phases:  # validate, charts, scorecard, history, documents: in parallel (pipelines/finish.py)
        stages["finish"] = phases["finish"]
        for job, seconds in timings.get("finish_jobs", {}).items():
            stages[f"finish: {job}"] = seconds
    else:  # runs before the jobs ran in parallel
        for name in ("validate", "report", "publish"):
            if name in phases:
                stages[name] = phases[name]
    stages["shutdown"] = round(max(0.0, total - startup - flow_wall), 2)
    dossiers = counts.get("dossiers", 0)
    pages = counts.get("pages_read", 0)
    return {
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "load_average_before": load[0],
        "load_average_after": load[1],
        "cores": os.cpu_count(),
        "params": {**params.__dict__, "workers": timings.get("workers")},
        "generation_seconds": round(gen_s, 1),
        "dossiers": dossiers,
        "files": counts.get("files_read", 0),
        "pages": pages,
        "total_wall_seconds": total,
        "flow_wall_seconds": flow_wall,
        "dossiers_per_second": round(dossiers / total, 2),
        "pages_per_second": round(pages / total, 1),
        "ocr_pages": counts.get("ocr_pages", 0),
        # scanned pages recognised per second of the OCR stage's share of the process phase
        "pipeline_ocr_pages_per_second": round(counts["ocr_pages"] / stages["ocr"], 3)
        if counts.get("ocr_pages") and stages.get("ocr") else None,
        "stage_wall_seconds": stages,
        "stage_cpu_seconds": stage_cpu,
        "process_phase_seconds": process_wall,
        "peak_rss_mb": pipeline["peak_rss_mb"],
        "peak_processes": pipeline["peak_processes"],
        "peak_rss_by_role_mb": pipeline["peak_rss_by_role_mb"],
        "peak_rss_by_phase_mb": pipeline["peak_rss_by_phase_mb"],
        "cpu_seconds_by_role": pipeline["cpu_seconds_by_role"],
        "raw_extraction": raw,
        "pipeline_over_raw": round(total / raw["seconds"], 3) if raw.get("seconds") else None,
        "process_phase_over_raw": round(process_wall / raw["seconds"], 3) if raw.get("seconds") else None,
        "ocr": ocr,
    }


def _git_commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return ""


def print_table(r: dict, old: dict | None = None) -> None:
    rows: list[tuple[str, object, str]] = [
        ("dossiers / files / pages", f"{r['dossiers']} / {r['files']} / {r['pages']}", ""),
        ("workers", r["params"]["workers"], ""),
        ("total wall (s)", r["total_wall_seconds"], "total_wall_seconds"),
        ("dossiers/s", r["dossiers_per_second"], "dossiers_per_second"),
        ("pages/s", r["pages_per_second"], "pages_per_second"),
    ]
    for stage, seconds in r["stage_wall_seconds"].items():
        cpu = r["stage_cpu_seconds"].get(stage)
        label = f"  {stage} (s)" + (f"  [{cpu:.1f} s summed over workers]" if cpu is not None else "")
        rows.append((label, seconds, f"stage_wall_seconds.{stage}"))
    if r.get("ocr_pages"):
        rows.append((f"OCR in the pipeline: {r['ocr_pages']} scanned pages, pages/s", r["pipeline_ocr_pages_per_second"],
                     "pipeline_ocr_pages_per_second"))
    ocr = r["ocr"]
    if ocr.get("available"):
        rows.append((f"OCR dense pages/s ({ocr['processes']} procs, {ocr['backend']})", ocr["pages_per_second"],
                     "ocr.pages_per_second"))
        rows.append(("  OCR CPU s per dense page", ocr["cpu_seconds_per_page"], "ocr.cpu_seconds_per_page"))
    else:
        rows.append(("OCR pages/s", f"n/a ({ocr.get('reason', 'skipped')})", "ocr.pages_per_second"))
    rows.append((f"peak RSS, process tree (MB, {r['peak_processes']} procs)", r["peak_rss_mb"], "peak_rss_mb"))
    for role, mb in r.get("peak_rss_by_role_mb", {}).items():
        rows.append((f"  at peak: {role} (MB)", mb, f"peak_rss_by_role_mb.{role}"))
    for phase, mb in r.get("peak_rss_by_phase_mb", {}).items():
        rows.append((f"  peak during {phase} (MB)", mb, f"peak_rss_by_phase_mb.{phase}"))
    for role, seconds in r.get("cpu_seconds_by_role", {}).items():
        rows.append((f"cpu seconds: {role}", seconds, f"cpu_seconds_by_role.{role}"))
    raw = r["raw_extraction"]
    if raw.get("seconds"):
        per = ", ".join(f"{f} {v['ms_per_file']} ms/file" for f, v in raw["by_format"].items())
        rows.append((f"raw extraction, 1 process (s)  [{per}]", raw["seconds"], "raw_extraction.seconds"))
        rows.append(("pipeline wall / raw", r["pipeline_over_raw"], "pipeline_over_raw"))
        rows.append(("process phase / raw", r["process_phase_over_raw"], "process_phase_over_raw"))
    rows.append(("load average before / after", f"{r['load_average_before']} / {r['load_average_after']}", ""))
    width = max(len(label) for label, _, _ in rows)
    print(f"\nbench {r['when']}  commit {r['commit']}  cores {r['cores']}")
    header = f"{'':<{width}}  {'this run':>12}" + (f"  {'old':>12}  {'change':>8}" if old else "")
    print(header)
    for label, value, key in rows:
        line = f"{label:<{width}}  {value!s:>12}"
        if old and key:
            before = _lookup(old, key)
            if isinstance(before, int | float) and isinstance(value, int | float) and before:
                line += f"  {before!s:>12}  {100 * (value - before) / before:>+7.1f}%"
        print(line)


def _lookup(d: dict, dotted: str) -> object:
    for part in dotted.split("."):
        if not isinstance(d, dict):
            return None
        d = d.get(part)  # type: ignore[assignment]
    return d


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run_campaign", description=__doc__.splitlines()[0])
    ap.add_argument("--dossiers", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=None, help="pingcha run --workers (default: all cores)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--pages-target", type=int, default=15, help="about this many pages per dossier")
    ap.add_argument("--scanned-share", type=float, default=0.0, help="share of scanned documents (OCR)")
    ap.add_argument("--single-file-share", type=float, default=0.1)
    ap.add_argument("--ocr-pages", type=int, default=4, help="pages for the separate OCR measurement (0: skip)")
    ap.add_argument("--no-raw", action="store_true", help="skip the raw-extraction baseline")
    ap.add_argument("--keep", action="store_true", help="keep the run's output folder (printed)")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where generated campaigns are kept")
    ap.add_argument("--compare", type=Path, help="an earlier bench/results/*.json to compare with")
    ap.add_argument("--json", type=Path, help="write the results here instead of bench/results/<timestamp>.json")
    args = ap.parse_args(argv)

    params = CampaignParams(dossiers=args.dossiers, seed=args.seed, pages_target=args.pages_target,
                            scanned_share=args.scanned_share, single_file_share=args.single_file_share)  # fmt: skip
    print(f"campaign {params.key()} ...", flush=True)
    dossiers, gen_seconds = ensure_campaign(params, args.cache)
    print(f"  {f'generated in {gen_seconds:.0f} s' if gen_seconds else 'cached'}: {dossiers}", flush=True)

    out = Path(tempfile.mkdtemp(prefix="pingcha-bench-"))
    load_before = round(os.getloadavg()[0], 2)
    try:
        print("pingcha run ...", flush=True)
        pipeline = run_pipeline(dossiers, out / "out", args.workers)
        load_after = round(os.getloadavg()[0], 2)
        raw: dict = {}
        if not args.no_raw:
            from bench.raw_extract import dossier_files, raw_extract

            print("raw extraction ...", flush=True)
            raw = raw_extract(dossier_files(dossiers))
        ocr = measure_ocr(args.ocr_pages, args.seed, args.workers) if args.ocr_pages else {"available": False, "reason": "skipped"}
    finally:
        if args.keep:
            print(f"output kept in {out / 'out'}")
        else:
            shutil.rmtree(out, ignore_errors=True)

    result = summarise(pipeline, raw, ocr, params, (load_before, load_after), gen_seconds)
    old = json.loads(args.compare.read_text()) if args.compare else None
    print_table(result, old)
    target = args.json or RESULTS / f"{datetime.now():%Y%m%d-%H%M%S}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nresults: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
