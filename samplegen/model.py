"""The campaign spec's data: units, dossiers, their documents and parties, as the generator planned them.

Tests and benchmarks read these (or the JSON manifest written from them) as the truth about every
generated dossier; the modules that fill them in are spec.py (the campaign), builder.py (one dossier),
timeline.py, doc_plan.py and truth.py (the expected findings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from ingest.glossary import DocKind
from samplegen.styles import Style


@dataclass(frozen=True)
class OfficerSpec:
    name: str
    cert_no: str


@dataclass
class PartySpec:
    name: str
    kind: str  # organisation | individual
    id: str  # 统一社会信用代码 or 公民身份号码, as written
    address: str
    representative: str  # 法定代表人 / 经营者 (the person for individuals)
    gender: str = ""  # individuals
    sole_trader: bool = False  # 个体工商户: the trade name is the party, the operator is named too
    operator_id: str = ""  # the operator's 公民身份号码 for a 个体工商户
    phone: str = ""


@dataclass
class DocSpec:
    kind: DocKind
    role: str  # distinguishes documents of one kind: "service_receipt:notice", "evidence:2" …
    title: str  # the title line the document starts with
    file: str  # relative to the dossier; "" for the single file of a single-file dossier
    format: str  # docx | pdf | xlsx
    scanned: bool = False
    date: date | None = None  # the document's own date (落款), None when undated


@dataclass
class DossierSpec:
    dossier_id: str
    unit: str
    single_file: bool
    scenario: str
    cause: str  # 案由
    case_no: str
    agency: str
    party_name: str
    party_kind: str
    party_id: str
    violation_date: date
    source_date: date
    filing_date: date
    notice_no: str | None
    notice_date: date | None
    notice_served_date: date | None
    hearing_date: date | None
    decision_date: date
    delivery_date: date | None
    fine_amount: Decimal
    notice_fine_amount: Decimal | None
    officers: list[tuple[str, str]]
    violated_provision: str  # as the decision writes it; "" when absent
    penalty_provision: str
    party: PartySpec
    style: Style
    source_kind: str  # 日常检查, 投诉 …
    place: str
    fact: str
    remedy: str
    evidence: tuple[str, ...]
    department: str
    archive_no: str
    timeline: dict[str, date] = field(default_factory=dict)
    record_times: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)
    hearing_applies: bool = False
    major: bool = False
    hearing_held: bool = False
    defense: str = "none"  # none | statement | waiver
    extended: bool = False
    order: str = "chronological"  # chronological | decision_first | split
    documents: list[DocSpec] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    expected: dict[str, str] = field(default_factory=dict)
    expected_points: dict[str, float] = field(default_factory=dict)
    expected_raw_score: float = 100.0
    expected_total_score: float = 100.0
    expected_grade: str = "优秀"
    expected_vetoed: bool = False
    # Values the documents write differently from the truth (planted defects).
    wrong_case_no: str | None = None
    wrong_party_name: str | None = None
    upper_fine: Decimal | None = None  # the 大写 the decision writes, when it disagrees

    @property
    def has(self) -> set[str]:
        return {d.role for d in self.documents}

    def doc(self, role: str) -> DocSpec | None:
        return next((d for d in self.documents if d.role == role), None)


@dataclass(frozen=True)
class DossierPlan:
    """What one dossier must have, for tests that need a named defect (or a clean dossier with a hearing or a
    major fine) on demand rather than by the luck of the random deck."""

    defects: tuple[str, ...] = ()
    band: str | None = None  # low | hearing | major (fine below / at the hearing / at the major threshold)
    hearing_held: bool | None = None  # None: as chance and the defects have it
    case_type: str = "penalty"  # penalty | license | coercion | inspection (samplegen.case_types.CASE_TYPES)
    procedure: str = "general"  # general | summary for a penalty, measure | execution for coercion, "" else

    @property
    def type_name(self) -> str:
        """The generator's name for the type (penalty-general, penalty-simple, license)."""
        if self.case_type == "penalty":
            return "penalty-simple" if self.procedure == "summary" else "penalty-general"
        if self.case_type == "coercion":
            return f"coercion-{self.procedure}"
        return self.case_type


@dataclass
class TypedDossierSpec:
    """A dossier of a type other than the general-procedure penalty (samplegen.case_types): its documents'
    words are written when it is built (`contents`, by role), its truth is the expected status of every item
    of its own checklist."""

    dossier_id: str
    unit: str
    single_file: bool
    case_type: str
    procedure: str
    checklist: str
    case_no: str
    party: PartySpec
    cause: str  # 案由 or 许可事项
    elements: dict[str, object]  # what the documents state (dates as date, amounts as Decimal)
    facts: dict[str, object]  # how the dossier was made (collected on the spot, extension …)
    timeline: dict[str, date]
    documents: list[DocSpec] = field(default_factory=list)
    contents: dict[str, object] = field(default_factory=dict)  # role -> samplegen.document.Doc
    defects: list[str] = field(default_factory=list)
    expected: dict[str, str] = field(default_factory=dict)
    expected_points: dict[str, float] = field(default_factory=dict)
    expected_raw_score: float = 100.0
    expected_total_score: float = 100.0
    expected_grade: str = "优秀"
    expected_vetoed: bool = False

    @property
    def party_name(self) -> str:
        return self.party.name


@dataclass
class UnitSpec:
    name: str  # the folder name
    agency: str
    code: str
    register_file: str  # <unit>/<…台账.xlsx>
    officers: list[OfficerSpec]


@dataclass
class CampaignSpec:
    seed: int
    year: int
    styles: str
    units: list[UnitSpec]
    dossiers: list[DossierSpec | TypedDossierSpec]
    params: dict[str, object]
    types: tuple[str, ...] = ("penalty-general",)


def hash_str(text: str) -> int:
    """A stable hash (Python's str hash is salted per process)."""
    return sum((i + 1) * ord(ch) for i, ch in enumerate(text))
