"""A checklist file parsed with the line of every value, so that each problem names the line it is on."""

from __future__ import annotations

import yaml

from scoring.checklist.model import ChecklistError, Issue


class Source:
    """The parsed file plus a map from each value's path to its line, and the issues found so far."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.issues: list[Issue] = []
        self.lines: dict[tuple, int] = {}
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            self.data = loader.construct_document(node) if node is not None else None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 1
            problem = getattr(exc, "problem", None) or str(exc)
            raise ChecklistError([Issue(name, line, "yaml", problem)]) from exc
        finally:
            loader.dispose()
        if node is not None:
            self._walk(node, ())

    def _walk(self, node: yaml.Node, path: tuple) -> None:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set = set()
            for key_node, value_node in node.value:
                key = key_node.value
                if key in seen:
                    self.issues.append(Issue(self.name, key_node.start_mark.line + 1, fmt_path(path) or "file",
                                             f"duplicate key '{key}'"))
                seen.add(key)
                self.lines[(*path, key)] = key_node.start_mark.line + 1
                self._walk(value_node, (*path, key))
        elif isinstance(node, yaml.SequenceNode):
            for i, child in enumerate(node.value):
                self._walk(child, (*path, i))

    def line(self, path: tuple) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def error(self, path: tuple, where: str, message: str) -> None:
        self.issues.append(Issue(self.name, self.line(path), where, message))


def fmt_path(path: tuple) -> str:
    """A value's path as a reader writes it: items[3].args.days."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
