"""Rule kinds. Every public module here registers one kind; importing the package imports them all, so
adding a kind means adding a module (see registry.py)."""

from __future__ import annotations

import importlib
import pkgutil

from scoring.rules.base import Outcome, RuleContext
from scoring.rules.registry import REGISTRY, Args, RuleKind, RuleSpec, get_kind, register

# the machinery every kind builds on; every other public module is one kind
SUPPORT = frozenset({"args", "base", "when", "registry"})

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_") and _module.name not in SUPPORT:
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["REGISTRY", "Args", "Outcome", "RuleContext", "RuleKind", "RuleSpec", "get_kind", "register"]
