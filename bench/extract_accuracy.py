"""Extraction accuracy against the sample generator's ground truth: `make bench-extract`.

Generates a varied campaign (every format variant, single-file dossiers, scanned pages) in a temporary
folder, reads each dossier the way the pipeline does (readers, OCR for pages without a text layer when
the OCR engine is installed, splitting, classification) and extracts its elements, then compares every
cases.csv element with the manifest. Accuracy is reported per field, separately for values read from text
documents and from scanned ones (the manifest's `documents[].scanned` of the document the value comes from),
with the slowest steps, so that a regression in either accuracy or speed shows up in one number. Values are
compared width-insensitively (a scan cannot show ［］ from []); `exact_per_field` in the JSON is the strict
comparison.

    .venv/bin/python -m bench.extract_accuracy --dossiers 60 --seed 7 --json out/extract.json
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from ingest.classify import split_documents
from ingest.discover import DossierRef, discover_campaign
from ingest.errors import ReadError
from ingest.extract import extract_document, merge_elements
from ingest.model import Document, Elements, Evidence
from ingest.normalize import fold
from ingest.readers import ReadLimits, read_file

FIELDS = (
    "case_no", "agency", "party_name", "party_kind", "party_id", "violation_date", "source_date", "filing_date",
    "notice_no", "notice_date", "notice_served_date", "hearing_date", "decision_date", "delivery_date",
    "fine_amount", "notice_fine_amount", "officers", "officer_cert_nos",
)  # fmt: skip
# Where a value is expected when nothing was extracted (decides text vs scanned for a missed value).
SOURCE_ROLE = {
    "source_date": "case_source", "filing_date": "filing_approval", "notice_no": "penalty_notice",
    "notice_date": "penalty_notice", "notice_fine_amount": "penalty_notice",
    "notice_served_date": "service_receipt:notice", "hearing_date": "hearing_record",
    "delivery_date": "service_receipt:decision", "officers": "inspection_record",
    "officer_cert_nos": "inspection_record",
}
TEXT_TARGET, SCANNED_TARGET = 0.98, 0.95


# ---------------------------------------------------------------------------------------------------- compare


def element_values(e: Elements) -> dict[str, str]:
    """The elements as cases.csv writes them (whitespace removed, ISO dates, plain numbers, ';' lists)."""

    def text(found) -> str:
        if found is None:
            return ""
        value = found.value
        if isinstance(value, Decimal):
            return _num(value)
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return "".join(str(value).split())

    out = {name: text(getattr(e, name)) for name in FIELDS if name not in ("party_kind", "officers",
                                                                          "officer_cert_nos")}
    out["party_kind"] = e.party_kind or ""
    out["officers"] = ";".join(o.name for o in e.officers)
    out["officer_cert_nos"] = ";".join(o.cert_no or "" for o in e.officers)
    return out


def truth_values(truth: dict) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in FIELDS:
        value = truth.get(name)
        if name in ("officers", "officer_cert_nos"):
            out[name] = ";".join(value or [])
        elif name in ("fine_amount", "notice_fine_amount"):
            out[name] = _num(Decimal(value)) if value not in (None, "") else ""
        else:
            out[name] = "".join(str(value).split()) if value else ""
    return out


def _num(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def element_evidence(e: Elements) -> dict[str, Evidence | None]:
    out: dict[str, Evidence | None] = {}
    for name in FIELDS:
        if name in ("officers", "officer_cert_nos"):
            out[name] = e.officers[0].evidence if e.officers else None
        elif name == "party_kind":
            out[name] = e.party_name.evidence if e.party_name else None
        else:
            found = getattr(e, name)
            out[name] = found.evidence if found is not None else None
    return out


def scanned_of(entry: dict, evidence: Evidence | None, fname: str) -> bool:
    """Whether the value of `fname` comes from (or, when missed, belongs to) a scanned document."""
    docs = entry["documents"]
    if evidence is not None and evidence.source_file:
        page = evidence.position.page
        for d in docs:
            if entry["single_file"]:
                lo, hi = d.get("pages") or (0, 0)
                if page is not None and lo <= page <= hi:
                    return bool(d["scanned"])
            elif d["file"] == evidence.source_file:
                return bool(d["scanned"])
    role = SOURCE_ROLE.get(fname, "decision")
    doc = next((d for d in docs if d["role"] == role or d["kind"] == role), None)
    return bool(doc and doc["scanned"])


# ---------------------------------------------------------------------------------------------------- run


@dataclass
class Timings:
    per_kind: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    docs_per_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    files: list[tuple[float, str, str]] = field(default_factory=list)  # (seconds, what, file)


def ocr_hook(path: Path, doc: Document) -> Document:
    """The OCR step for pages without a text layer (ingest.ocr), pages it recognised no longer pending."""
    from ingest.ocr import apply_ocr

    new, _reasons = apply_ocr(doc, path)
    done = set(new.ocr_pages)
    return replace(new, pages_needing_ocr=tuple(p for p in new.pages_needing_ocr if p not in done))


def run_dossier(ref: DossierRef, use_ocr: bool, timings: Timings) -> tuple[Elements, list[str]]:
    """Read (with OCR), split, classify and extract one dossier; time each step."""
    parts: list[Document] = []
    problems: list[str] = []
    limits = ReadLimits()
    for name in ref.files:
        path = ref.file_path(name)
        t0 = time.perf_counter()
        try:
            doc = read_file(path, name, limits)
        except ReadError as exc:
            problems.append(f"{name}: {exc.message}")
            continue
        read_s = time.perf_counter() - t0
        ocr_s = 0.0
        if doc.pages_needing_ocr and use_ocr:
            t0 = time.perf_counter()
            try:
                doc = ocr_hook(path, doc)
            except ReadError as exc:
                problems.append(f"{name}: {exc.message}")
            ocr_s = time.perf_counter() - t0
        if doc.pages_needing_ocr:
            problems.append(f"{name}: pages without text {doc.pages_needing_ocr}")
        t0 = time.perf_counter()
        split = [p for p in split_documents(doc) if p.blocks]
        read_s += time.perf_counter() - t0
        blocks = sum(len(p.blocks) for p in split) or 1
        for p in split:
            share = len(p.blocks) / blocks
            timings.per_kind[str(p.kind)]["read"] += read_s * share
            timings.per_kind[str(p.kind)]["ocr"] += ocr_s * share
            timings.docs_per_kind[str(p.kind)] += 1
        label = f"{ref.dossier_id}/{name}" if not ref.single_file else ref.dossier_id
        timings.files.append((read_s, "read", label))
        if ocr_s:
            timings.files.append((ocr_s, "ocr", label))
        parts.extend(split)
    facts = []
    for p in parts:
        t0 = time.perf_counter()
        facts.append(extract_document(p))
        seconds = time.perf_counter() - t0
        timings.per_kind[str(p.kind)]["extract"] += seconds
    return merge_elements(facts), problems


def evaluate(root: Path, manifest: dict, use_ocr: bool, verbose: bool = False) -> dict:
    """Accuracy and timings of the campaign under `root` against `manifest`."""
    inventory = discover_campaign(root)
    refs = {r.dossier_id: r for r in inventory.dossiers}
    counts = {"text": defaultdict(lambda: [0, 0]), "scanned": defaultdict(lambda: [0, 0])}
    exact_counts = {"text": defaultdict(lambda: [0, 0]), "scanned": defaultdict(lambda: [0, 0])}
    timings = Timings()
    mismatches: list[dict] = []
    problems: dict[str, list[str]] = {}
    for entry in manifest["dossiers"]:
        ref = refs[entry["dossier_id"]]
        elements, probs = run_dossier(ref, use_ocr, timings)
        if probs:
            problems[ref.dossier_id] = probs
        got, want, evidence = element_values(elements), truth_values(entry["elements"]), element_evidence(elements)
        for name in FIELDS:
            where = "scanned" if scanned_of(entry, evidence[name], name) else "text"
            exact = got[name] == want[name]
            # a scan cannot show whether a bracket was full- or half-width (［］ vs []): width-insensitive
            ok = exact or fold(got[name]) == fold(want[name])
            exact_counts[where][name][0] += exact
            exact_counts[where][name][1] += 1
            counts[where][name][0] += ok
            counts[where][name][1] += 1
            if not ok:
                ev = evidence[name]
                mismatches.append({"dossier": ref.dossier_id, "field": name, "where": where, "got": got[name],
                                   "want": want[name], "evidence": f"{ev.source_file}@{ev.position.label()}: "
                                   f"{ev.quote[:60]}" if ev else ""})
                if verbose:
                    print(f"  MISMATCH {mismatches[-1]}", file=sys.stderr)
    per_field = {
        where: {name: {"correct": c, "total": t, "accuracy": (c / t if t else None)} for name, (c, t) in sorted(
            counts[where].items(), key=lambda kv: FIELDS.index(kv[0]))}
        for where in ("text", "scanned")
    }
    total_c = sum(c for where in counts.values() for c, _ in where.values())
    total_t = sum(t for where in counts.values() for _, t in where.values())

    def overall(where: str) -> float | None:
        c = sum(v[0] for v in counts[where].values())
        t = sum(v[1] for v in counts[where].values())
        return c / t if t else None

    kinds = {
        kind: {"documents": timings.docs_per_kind[kind], **{k: round(v, 4) for k, v in steps.items()},
               "ms_per_document": {k: round(1000 * v / max(1, timings.docs_per_kind[kind]), 2)
                                   for k, v in steps.items()}}
        for kind, steps in sorted(timings.per_kind.items())
    }
    slowest = sorted(timings.files, reverse=True)[:10]
    return {
        "dossiers": len(manifest["dossiers"]),
        "ocr": use_ocr,
        "per_field": per_field,
        "exact_per_field": {where: {name: c / t for name, (c, t) in exact_counts[where].items() if t}
                            for where in ("text", "scanned")},
        "overall": {"text": overall("text"), "scanned": overall("scanned"),
                    "all": total_c / total_t if total_t else None},
        "timings_per_kind": kinds,
        "slowest_files": [{"seconds": round(s, 4), "step": w, "file": f} for s, w, f in slowest],
        "mismatches": mismatches,
        "problems": problems,
    }


def generate(root: Path, dossiers: int, seed: int, scanned_share: float, single_share: float) -> dict:
    """A varied campaign of about `dossiers` dossiers under `root`; returns its manifest."""
    from samplegen import build_campaign, manifest, write_campaign

    units = max(1, min(6, math.ceil(dossiers / 10)))
    per_unit = math.ceil(dossiers / units)
    spec = build_campaign(seed=seed, units=units, per_unit=per_unit, styles="varied",
                          scanned_share=scanned_share, single_file_share=single_share)
    spec.dossiers = spec.dossiers[:dossiers]
    write_campaign(spec, root)
    return manifest(spec)


def _fmt(acc: float | None) -> str:
    return "   -  " if acc is None else f"{acc:6.3f}"


def print_report(result: dict) -> None:
    text, scanned = result["per_field"]["text"], result["per_field"]["scanned"]
    print(f"Extraction accuracy on {result['dossiers']} generated dossiers (OCR {'on' if result['ocr'] else 'off'})")
    print(f"{'field':<20}{'text':>8}{'n':>6}{'scanned':>9}{'n':>6}")
    for name in FIELDS:
        t, s = text.get(name, {}), scanned.get(name, {})
        print(f"{name:<20}{_fmt(t.get('accuracy'))}  {t.get('total', 0):>4}  {_fmt(s.get('accuracy'))}  "
              f"{s.get('total', 0):>4}")
    o = result["overall"]
    print(f"{'overall':<20}{_fmt(o['text'])}  {'':>4}  {_fmt(o['scanned'])}        all {_fmt(o['all'])}")
    low_t = [n for n, v in text.items() if v["accuracy"] is not None and v["accuracy"] < TEXT_TARGET]
    low_s = [n for n, v in scanned.items() if v["accuracy"] is not None and v["accuracy"] < SCANNED_TARGET]
    print(f"below target (text <{TEXT_TARGET}): {', '.join(low_t) or 'none'}; "
          f"(scanned <{SCANNED_TARGET}): {', '.join(low_s) or 'none'}")
    print("\nTime per document kind (ms per document: read / ocr / extract)")
    for kind, v in sorted(result["timings_per_kind"].items(), key=lambda kv: -sum(kv[1]["ms_per_document"].values())):
        ms = v["ms_per_document"]
        print(f"  {kind:<26}{v['documents']:>5} docs  {ms.get('read', 0):8.1f} {ms.get('ocr', 0):9.1f} "
              f"{ms.get('extract', 0):8.1f}")
    print("\nSlowest files")
    for row in result["slowest_files"]:
        print(f"  {row['seconds']:8.3f}s  {row['step']:<5} {row['file']}")
    if result["problems"]:
        print(f"\n{len(result['problems'])} dossiers with read problems (first 5):")
        for k, v in list(result["problems"].items())[:5]:
            print(f"  {k}: {'; '.join(v)[:160]}")
    if result["mismatches"]:
        print(f"\n{len(result['mismatches'])} mismatches (first 30):")
        for m in result["mismatches"][:30]:
            print(f"  {m['dossier']} {m['field']} [{m['where']}] got={m['got']!r} want={m['want']!r}  {m['evidence']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extract_accuracy", description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scanned-share", type=float, default=0.15)
    parser.add_argument("--single-file-share", type=float, default=0.2)
    parser.add_argument("--no-ocr", action="store_true", help="do not OCR scanned pages (they stay unread)")
    parser.add_argument("--json", type=Path, help="write the numbers to this JSON file")
    parser.add_argument("--keep", type=Path, help="generate into this folder (kept) instead of a temp dir")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    use_ocr = False
    if not args.no_ocr:
        from ingest.ocr import ocr_available

        use_ocr = ocr_available()
        if not use_ocr:
            print("OCR engine not available: scanned pages are not read (install rapidocr onnxruntime)",
                  file=sys.stderr)
    scanned_share = args.scanned_share if use_ocr or args.scanned_share == 0 else 0.0
    if scanned_share != args.scanned_share:
        print("no OCR: generating text documents only (--scanned-share ignored)", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="pingcha-bench-") as tmp:
        root = args.keep or Path(tmp) / "dossiers"
        t0 = time.perf_counter()
        manifest = generate(root, args.dossiers, args.seed, scanned_share, args.single_file_share)
        generated = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = evaluate(root, manifest, use_ocr, args.verbose)
        result["seconds"] = {"generate": round(generated, 2), "evaluate": round(time.perf_counter() - t0, 2)}
        result["params"] = {"dossiers": args.dossiers, "seed": args.seed, "scanned_share": scanned_share,
                            "single_file_share": args.single_file_share}
    print_report(result)
    print(f"\ngenerate {result['seconds']['generate']}s, read+extract {result['seconds']['evaluate']}s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
