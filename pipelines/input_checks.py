"""Refuse, before anything runs, the inputs a user gets wrong: one unit's folder given as the campaign, a
campaign without dossiers, a --unit that names no unit. Each is one Chinese line and exit 2 (UsageError);
scoring such an input would write an empty circular or letters to "units" named after case numbers."""

from __future__ import annotations

from pathlib import Path

from pipelines.glossary import INPUT_ERRORS_ZH
from pipelines.usage import UsageError

EXAMPLES_SHOWN = 3


def check_campaign_input(dossiers: Path, units: list[str] | None) -> None:
    """Raise UsageError when DOSSIERS is one unit's folder, holds no dossier, or has none of `units`."""
    from ingest.discover import discover_campaign
    from ingest.layout_hints import case_named_units

    inventory = discover_campaign(dossiers)
    cases = case_named_units(inventory)
    if cases:
        parent = dossiers.resolve().parent
        raise UsageError(INPUT_ERRORS_ZH["unit_folder"].format(
            path=dossiers, examples="、".join(cases[:EXAMPLES_SHOWN]), parent=parent))
    if units:
        unknown = [u for u in units if u not in inventory.units]
        if unknown:
            raise UsageError(INPUT_ERRORS_ZH["unknown_units"].format(
                wanted="、".join(unknown), units="、".join(inventory.units) or "（无）"))
        if not any(d.unit in units for d in inventory.dossiers):
            raise UsageError(INPUT_ERRORS_ZH["no_unit_dossiers"].format(wanted="、".join(units)))
    if not inventory.dossiers:
        raise UsageError(INPUT_ERRORS_ZH["no_dossiers"].format(path=dossiers))


def check_history_store(history: str) -> None:
    """Raise UsageError when --history names a SQLite store that does not exist: reading trends from a
    misspelt path must not create an empty store and report no campaigns."""
    text = str(history)
    if "://" in text and not text.startswith("sqlite:///"):
        return  # a database server: its own driver says whether it exists
    path = Path(text.removeprefix("sqlite:///")).expanduser()
    if path.is_dir():
        from reports.history.store import DEFAULT_DB_NAME

        path = path / DEFAULT_DB_NAME
    if not path.is_file():
        raise UsageError(INPUT_ERRORS_ZH["no_history"].format(path=history))
