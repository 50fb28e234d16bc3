"""Sub-commands for running a campaign's operations (sampling, cross-review assignment, trends, export).

Kept apart from cli.py so each command's module is imported only when that command runs.
"""

from __future__ import annotations

import argparse

CAMPAIGN_COMMANDS: frozenset[str] = frozenset()


def add_campaign_commands(sub: argparse._SubParsersAction) -> None:
    """Register the campaign sub-commands on the `pingcha` parser."""


def run_campaign_command(args: argparse.Namespace) -> int:
    raise NotImplementedError(args.command)
