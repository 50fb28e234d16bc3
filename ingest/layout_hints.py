"""Whether a folder given as the campaign is really one unit's folder (its children are cases, not units).

Pointed at `区城管执法局/` instead of the campaign folder, discovery would take each case folder
(`2025-003`) for a unit and score nothing, or write letters to "units" named 2025-003. Case folders and
files are named by their 案号 or its short form; units never are, so their names tell the two apart.
"""

from __future__ import annotations

import re

from ingest.discover import REGISTER_MARK, CampaignInventory
from ingest.glossary import ProblemKind

# 2025-003, 2025_17, 2025年第3号, 京朝城罚字〔2025〕3号, [2025]17号
_CASE_NAME = re.compile(r"^\d{4}\s*[-_－—]\s*\d{1,6}|^\d{4}年?第?\d{1,6}号|[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,6}\s*号")


def looks_like_case_name(name: str) -> bool:
    """A folder or file named like a case (its 案号), not like an enforcement unit."""
    return bool(_CASE_NAME.search(name))


def case_named_units(inventory: CampaignInventory) -> list[str]:
    """The children named like cases (else its 台账) when the folder is one unit's (at least half of its
    children named like cases, or a 台账 at the top); empty for a campaign folder."""
    root_files = [p.source_file for p in inventory.problems if not p.dossier_id and p.kind == ProblemKind.MISPLACED]
    cases = [u for u in inventory.units if looks_like_case_name(u)]
    cases += [f for f in root_files if looks_like_case_name(f)]
    registers = [f for f in root_files if REGISTER_MARK in f and f not in cases]
    if registers or (cases and len(cases) * 2 >= len(inventory.units) + len(root_files)):
        return cases or registers
    return []
