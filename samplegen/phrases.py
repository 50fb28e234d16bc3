"""The phrases every document of a dossier repeats: its dates, money, party, officers, seal and provisions,
written in the dossier's own style, and the agency staff who sign beside the case officers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import samplegen.catalog as cat
import samplegen.styles as styles
from samplegen.document import Doc
from samplegen.model import DossierSpec, hash_str


class DossierPhrases:
    def __init__(self, d: DossierSpec) -> None:
        self.d = d
        self.s = d.style
        self.has = set(d.defects)

    # -- small formatters -------------------------------------------------------------------------
    def date(self, day: date | None) -> str:
        return styles.fmt_date(day, self.s.date, self.s.zero) if day else ""

    def sign_date(self, day: date | None) -> str:
        return styles.fmt_date(day, self.s.sign_date, self.s.zero) if day else ""

    def span(self, role: str, with_end: bool = True) -> str:
        start, end = self.d.record_times[role]
        return styles.fmt_time_span(start, end if with_end else None, self.s.date)

    def money(self, amount: Decimal) -> str:
        return styles.fmt_fine(amount, self.s.amount)

    def officers_text(self, officers: list[tuple[str, str]] | None = None) -> str:
        officers = self.d.officers if officers is None else officers
        return "、".join(f"{n}（执法证号：{c}）" if c else n for n, c in officers)  # c "": officers_no_cert

    def officer_block(self, doc: Doc, label: str = "执法人员", officers: list[tuple[str, str]] | None = None) -> None:
        officers = self.d.officers if officers is None else officers
        if self.s.officers_table and all(c for _, c in officers):
            doc.table([[label, "执法证号"], *[[n, c] for n, c in officers]], (1, 1))
        else:
            doc.p(f"{label}：{self.officers_text(officers)}")

    def party_lines(self, name: str | None = None) -> list[str]:
        p = self.d.party
        name = name or p.name
        if p.kind == "organisation":
            return [f"统一社会信用代码：{p.id}", f"法定代表人：{p.representative}", f"住所：{p.address}"]
        if p.sole_trader:
            return [f"统一社会信用代码：{p.id}", f"经营者：{p.representative}，性别：{p.gender}，"
                    f"公民身份号码：{p.operator_id}", f"经营场所：{p.address}"]
        return [f"性别：{p.gender}", f"公民身份号码：{p.id}", f"住址：{p.address}"]

    def party_block(self, doc: Doc, salutation_ok: bool = True) -> None:
        p = self.d.party
        if self.s.party_label == "salutation" and salutation_ok:
            doc.p(f"{p.name}：")
            doc.p("；".join(self.party_lines()) + "。", indent=True)
        else:
            doc.p(f"当事人：{p.name}" + ("（个体工商户）" if p.sole_trader else ""))
            for line in self.party_lines():
                doc.p(line)

    def evidence(self) -> tuple[str, ...]:
        if self.d.party_kind == "individual" and not self.d.party.sole_trader:
            return tuple(e.replace("营业执照复印件", "身份证复印件") for e in self.d.evidence)
        return self.d.evidence

    def you(self) -> str:
        return "你单位" if self.d.party_kind == "organisation" else "你"

    def case_name(self) -> str:
        return f"{self.d.party_name}{self.d.cause}案"

    def seal(self, doc: Doc, day: date | None, agency: str | None = None) -> None:
        doc.p(agency or self.d.agency, align="right")
        doc.p("（印章）", align="right")
        doc.p(self.sign_date(day), align="right")

    def violated(self) -> str:
        return styles.provision(*prov(self.d, "violated"), self.s.item)

    def penalty(self) -> str:
        return styles.provision(*prov(self.d, "penalty"), self.s.item)


def prov(d: DossierSpec, which: str) -> tuple:
    sc = cat.SCENARIOS[d.scenario]
    p = sc.violated if which == "violated" else sc.penalty
    return p.law, p.article, p.clause, p.item


def people(d: DossierSpec) -> list[str]:
    """Agency staff who are not the case officers (chief, deputy, legal reviewer, clerk), stable per unit."""
    h = hash_str(d.unit)
    return [cat.SURNAMES[(h + 7 * i) % len(cat.SURNAMES)] + cat.GIVEN[(h + 11 * i) % len(cat.GIVEN)]
            for i in range(1, 5)]


def chief(d: DossierSpec) -> str:
    return people(d)[0]


def deputy(d: DossierSpec) -> str:
    return people(d)[1]


def reviewer(d: DossierSpec) -> str:
    return people(d)[2]


def clerk(d: DossierSpec) -> str:
    return people(d)[3]

