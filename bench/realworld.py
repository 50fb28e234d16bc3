"""`make bench-realworld`: accuracy on the independent corpus (tests/realworld), never on the generator's files.

The corpus holds real published 行政处罚决定书 and dossiers filled in from sectors' official template books,
labelled by people reading them. Each is laid out as office software and scanners produce it (.docx, PDF
hard-wrapped, headings on one or three lines), put in a campaign folder and reviewed by the same code a run
uses (discover → read → extract → score), then compared with the labels:

- elements: per cases.csv field, the share of (document, layout) pairs read exactly right — a missing value
  and a value where the text holds none both count as wrong;
- findings (dossiers): per checklist item, precision and recall of deductions and of vetoes against the
  reviewer's labels; `unsure` labels are left out, an `unknown` finding is never a deduction.

    python -m bench.realworld            # the table
    python -m bench.realworld -v         # and every miss: file, layout, expected, read
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DECISION_FIELDS = ("case_no", "agency", "party_name", "party_kind", "party_id", "decision_date", "fine_amount",
                   "officers", "officer_cert_nos")
# the decision's own statements, read as checks do: (label, how the finding shows it)
DECISION_FACTS = ("has_legal_basis", "remedies_stated", "payment_stated")
LAYOUTS = (("docx", "as-published"), ("pdf", "as-published"), ("pdf", "two-line"), ("pdf", "one-line"))
UNIT = "独立样本"


@dataclass
class Tally:
    """Right and wrong answers per field, with the misses kept for the report."""

    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # field, where, layout, want, got

    def add(self, name: str, where: str, layout: str, want: str, got: str) -> None:
        self.total[name] += 1
        if want == got:
            self.right[name] += 1
        else:
            self.misses.append((name, where, layout, want, got))

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.total[name] if self.total[name] else float("nan")

    def overall(self) -> float:
        total = sum(self.total.values())
        return sum(self.right.values()) / total if total else float("nan")


def _render_decisions(decisions, campaign: Path) -> dict[str, tuple[object, str]]:
    """Each decision in each layout as a one-document dossier: dossier id -> (decision, layout name)."""
    from tests.realworld.render import Heading, render_docx, render_pdf

    placed: dict[str, tuple[object, str]] = {}
    for decision in decisions:
        lines = decision.text.splitlines()
        heading = Heading(agency=decision.expect.agency, case_no=decision.expect.case_no)
        for fmt, layout in LAYOUTS:
            name = f"{decision.id}-{fmt}-{layout}"
            target = campaign / UNIT / name / f"行政处罚决定书.{fmt}"
            if fmt == "docx":
                render_docx(lines, target)
            else:
                render_pdf(lines, target, heading=heading, layout=layout)
            placed[f"{UNIT}/{name}"] = (decision, f"{fmt}/{layout}")
    return placed


def review_campaign(campaign: Path, checklist_source: str = "penalty-general", route_key: str = ""):
    """Every dossier of `campaign` reviewed in this process by the pipeline's own stage: id -> outcome.

    The checklist scores the dossiers of one case type (`route_key`, e.g. penalty/summary or license; default
    general-procedure penalties), routed as a campaign routes them: a dossier read as another type is unscored."""
    from ingest.discover import discover_campaign
    from pipelines.stages import review_dossier
    from scoring.checklist import load_checklist
    from scoring.routing import RoutePlan

    checklist = load_checklist(checklist_source)
    plan = RoutePlan.of({route_key: checklist}) if route_key else RoutePlan.single(
        checklist_source, checklist.content_hash)
    inventory = discover_campaign(campaign)
    return {ref.dossier_id: review_dossier(ref, plan) for ref in inventory.dossiers}


def _cases_row(result) -> dict[str, str]:
    from reports.contract_csv import CASES_COLUMNS, case_row

    return dict(zip(CASES_COLUMNS, case_row(result, result.checklist_id), strict=True))


def _decision_facts(result) -> dict[str, str]:
    e = result.elements
    return {"has_legal_basis": str(bool(e.penalty_basis)).lower(),
            "remedies_stated": str(e.remedies is not None).lower(),
            "payment_stated": str(e.payment_terms is not None).lower()}


def measure_decisions(work: Path) -> Tally:
    from tests.realworld.corpus import load_decisions

    campaign = work / "decisions"
    placed = _render_decisions(load_decisions(), campaign)
    outcomes = review_campaign(campaign)
    tally = Tally()
    for dossier_id, (decision, layout) in sorted(placed.items()):
        outcome = outcomes.get(dossier_id)
        row = _cases_row(outcome.result) if outcome else {}
        facts = _decision_facts(outcome.result) if outcome else {}
        for name in DECISION_FIELDS:
            tally.add(name, decision.file.name, layout, str(getattr(decision.expect, name)), row.get(name, ""))
        for name in DECISION_FACTS:
            tally.add(name, decision.file.name, layout, str(getattr(decision.expect, name)).lower(),
                      facts.get(name, ""))
    return tally


DOSSIER_FIELDS = ("case_no", "agency", "party_name", "party_kind", "party_id", "violation_date", "source_date",
                  "filing_date", "notice_no", "notice_date", "notice_served_date", "hearing_date", "decision_date",
                  "delivery_date", "fine_amount", "notice_fine_amount", "officers", "officer_cert_nos")


@dataclass
class Findings:
    """Deductions and vetoes found against the reviewer's labels, per item: (true, false, missed)."""

    per_item: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    veto_items: set[str] = field(default_factory=set)
    misses: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # dossier, item, want, got, why

    def add(self, dossier: str, item: str, want: str, got: str, message: str) -> None:
        said, found = want == "fail", got == "fail"
        counts = self.per_item[item]
        if said and found:
            counts[0] += 1
        elif found:
            counts[1] += 1
            self.misses.append((dossier, item, want, got, message))
        elif said:
            counts[2] += 1
            self.misses.append((dossier, item, want, got, message))

    def precision_recall(self, veto: bool) -> tuple[int, int, int, float, float]:
        true = false = missed = 0
        for item, (t, f, m) in self.per_item.items():
            if (item in self.veto_items) is veto:
                true, false, missed = true + t, false + f, missed + m
        precision = true / (true + false) if true + false else float("nan")
        recall = true / (true + missed) if true + missed else float("nan")
        return true, false, missed, precision, recall


def _label(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def measure_dossiers(work: Path) -> tuple[Tally, Findings]:
    import yaml

    from scoring.checklist import load_checklist
    from tests.realworld.writers import render_dossier

    root = ROOT / "tests" / "realworld" / "dossiers"
    campaign = work / "dossiers"
    labels: dict[str, dict] = {}
    for folder in sorted(p.parent for p in root.glob("*/dossier.yaml")):
        render_dossier(folder, campaign / UNIT)
        labels[f"{UNIT}/{folder.name}"] = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))
    outcomes = review_campaign(campaign)
    checklist = load_checklist("penalty-general")
    findings = Findings(veto_items={item.code for item in checklist.items if item.veto})
    tally = Tally()
    for dossier_id, expect in sorted(labels.items()):
        outcome = outcomes.get(dossier_id)
        row = _cases_row(outcome.result) if outcome else {}
        for name in DOSSIER_FIELDS:
            tally.add(name, dossier_id, "dossier", _label(expect["elements"].get(name)), row.get(name, ""))
        got = {f.item_code: f for f in outcome.result.findings} if outcome else {}
        for code, label in expect["items"].items():
            if label["status"] == "unsure":
                continue
            finding = got.get(code)
            findings.add(dossier_id, code, label["status"], str(finding.status) if finding else "",
                         finding.message if finding else "")
    return tally, findings


# New case types: each corpus folder, the checklist its dossiers are scored against (given explicitly: routing by
# type is not on main yet), and the (case_type, procedure) a reviewer reads off its documents.
TYPED_CORPORA: dict[str, tuple[str, str, str]] = {
    "dossiers_simple": ("penalty-simple", "penalty", "summary"),
    "dossiers_license": ("license", "license", ""),
    # 行政强制措施: the labels say procedure `measure`; pingcha routes coercion files without a procedure yet, so
    # only the type is compared (a procedure is compared where the corpus routes by one)
    "dossiers_coercion": ("coercion-measure", "coercion", ""),
    # 行政强制执行: labelled against the draft's codes (checklist-enforcement.md part B); measured once the
    # standard is bundled
    "dossiers_execution": ("coercion-execution", "coercion", ""),
    "dossiers_inspection": ("inspection", "inspection", ""),
}


def bundled_corpora() -> list[str]:
    """The typed corpora whose checklist ships with pingcha (a corpus may be labelled before its standard)."""
    return [c for c, (checklist, _, _) in TYPED_CORPORA.items()
            if (ROOT / "scoring" / "checklists" / f"{checklist}.yaml").is_file()]


@dataclass
class TypedRun:
    """One new-type corpus scored with its checklist: the findings against the labels and the type read."""

    corpus: str
    checklist: str
    findings: Findings
    types: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)  # id -> want type, proc, got type, proc


def measure_typed(work: Path, corpus: str) -> TypedRun:
    """Render every dossier of tests/realworld/<corpus>, review it with the corpus's checklist, compare."""
    import yaml

    from scoring.checklist import load_checklist
    from tests.realworld.writers import render_dossier

    checklist_id, case_type, procedure = TYPED_CORPORA[corpus]
    root = ROOT / "tests" / "realworld" / corpus
    campaign = work / corpus
    labels: dict[str, dict] = {}
    for folder in sorted(p.parent for p in root.glob("*/dossier.yaml")):
        render_dossier(folder, campaign / UNIT)
        labels[f"{UNIT}/{folder.name}"] = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))
    outcomes = review_campaign(campaign, checklist_id, f"{case_type}/{procedure}" if procedure else case_type)
    checklist = load_checklist(checklist_id)
    run = TypedRun(corpus, checklist_id, Findings(veto_items={i.code for i in checklist.items if i.veto}))
    for dossier_id, expect in sorted(labels.items()):
        outcome = outcomes.get(dossier_id)
        e = outcome.result.elements if outcome else None
        run.types[dossier_id] = (expect.get("case_type", case_type), expect.get("procedure", procedure),
                                 e.case_type if e else "", e.procedure if e else "")
        got = {f.item_code: f for f in outcome.result.findings} if outcome else {}
        for code, label in expect["items"].items():
            if label["status"] == "unsure":
                continue
            finding = got.get(code)
            run.findings.add(dossier_id, code, label["status"], str(finding.status) if finding else "",
                             finding.message if finding else "")
    return run


def type_read(corpus: str, want_type: str, want_procedure: str, got_type: str, got_procedure: str) -> bool:
    """The type read as labelled: the procedure counts only where the corpus is routed by one."""
    routed = TYPED_CORPORA[corpus][2]
    return want_type == got_type and (not routed or not want_procedure or want_procedure == got_procedure)


def print_typed(run: TypedRun, verbose: bool) -> None:
    print(f"\nNew case type (tests/realworld/{run.corpus}, checklist {run.checklist}): deductions and vetoes")
    _print_counts(run.findings)
    right = sum(1 for want_t, want_p, got_t, got_p in run.types.values() if type_read(run.corpus, want_t, want_p,
                                                                                           got_t, got_p))
    print(f"{'type read':<12}{right:>7} of {len(run.types)} dossiers")
    if verbose:
        _print_misses(run.findings)
        for dossier, (want_t, want_p, got_t, got_p) in sorted(run.types.items()):
            if not type_read(run.corpus, want_t, want_p, got_t, got_p):
                print(f"  type  {dossier:<28} want {want_t}/{want_p or '-'} got {got_t}/{got_p}")


def _print_counts(findings: Findings) -> None:
    print(f"{'':<12}{'found':>7}{'false':>7}{'missed':>8}{'precision':>11}{'recall':>8}")
    for title, veto in (("deductions", False), ("vetoes", True)):
        true, false, missed, precision, recall = findings.precision_recall(veto)
        print(f"{title:<12}{true:>7}{false:>7}{missed:>8}{precision:>11.3f}{recall:>8.3f}")
    # per checklist item, those a label or pingcha marked `fail` (every other item passed where both agree)
    for item, (true, false, missed) in sorted(findings.per_item.items()):
        if true or false or missed:
            precision = true / (true + false) if true + false else float("nan")
            recall = true / (true + missed) if true + missed else float("nan")
            kind = "veto" if item in findings.veto_items else "item"
            print(f"  {kind} {item:<6}{true:>7}{false:>7}{missed:>8}{precision:>11.3f}{recall:>8.3f}")


def _print_misses(findings: Findings) -> None:
    for dossier, item, want, got, message in findings.misses:
        print(f"  {item:<5} {dossier:<28} want {want:<5} got {got:<8} {message[:90]}")


def print_findings(findings: Findings, verbose: bool) -> None:
    print("\nTemplate-book dossiers (tests/realworld/dossiers): deductions and vetoes against the labels")
    _print_counts(findings)
    if verbose:
        _print_misses(findings)


def print_tally(title: str, tally: Tally, names: tuple[str, ...], verbose: bool) -> None:
    print(f"\n{title}")
    print(f"{'field':<20}{'n':>6}{'right':>7}{'accuracy':>10}")
    for name in names:
        print(f"{name:<20}{tally.total[name]:>6}{tally.right[name]:>7}{tally.accuracy(name):>10.3f}")
    print(f"{'all fields':<20}{sum(tally.total.values()):>6}{sum(tally.right.values()):>7}{tally.overall():>10.3f}")
    if verbose:
        for name, where, layout, want, got in tally.misses:
            print(f"  {name:<16} {where:<40} {layout:<18} want {want!r:<30} got {got!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="accuracy on the independent real-world corpus")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pingcha-realworld-") as tmp:
        decisions = measure_decisions(Path(tmp))
        elements, findings = measure_dossiers(Path(tmp))
        typed = [measure_typed(Path(tmp), corpus) for corpus in bundled_corpora()]
    print_tally("Published decisions (tests/realworld/decisions), each in 4 layouts", decisions,
                DECISION_FIELDS + DECISION_FACTS, args.verbose)
    print_tally("Template-book dossiers (tests/realworld/dossiers): elements", elements, DOSSIER_FIELDS,
                args.verbose)
    print_findings(findings, args.verbose)
    for run in typed:
        print_typed(run, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
