"""Names from the units' input (unit and dossier folder names) used in output paths and sheet names.

A unit's folder name is input: it may hold path separators, control characters or 250 bytes of text, and
a file system refuses a name over 255 bytes ("File name too long"). Such names are sanitised and, when
too long, shortened with a stable hash of the whole name, so two long names never meet in one file and a
rerun writes the same name again.
"""

from __future__ import annotations

import hashlib
import re

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # C0, DEL and C1: never in a name pingcha writes
TEXT_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # the same, bar tab and line ends
_UNSAFE_IN_FILE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]')  # and what Windows refuses
_WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                               *(f"LPT{i}" for i in range(1, 10))})
FILE_NAME_MAX_BYTES = 200  # of a name's stem: room for a suffix under the usual 255-byte limit
HASH_CHARS = 8


def name_hash(name: str) -> str:
    """A short, stable digest of a name as given (before any sanitising)."""
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_CHARS]


def _utf8_length(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def shorten(text: str, original: str, max_len: int, measure=len) -> str:
    """`text` itself when `measure(text)` <= max_len, else its head and '~' + the hash of `original`."""
    if measure(text) <= max_len:
        return text
    tail = "~" + name_hash(original)
    head = text[:max_len]  # no longer than needed: a character is at least one unit of any measure
    while head and measure(head + tail) > max_len:
        head = head[:-1]
    return head.rstrip(" .") + tail


def safe_file_name(name: str, max_bytes: int = FILE_NAME_MAX_BYTES) -> str:
    """A name as one path component: separators, characters Windows refuses and control characters become
    '_', no leading/trailing dots or spaces, no device names, at most `max_bytes` UTF-8 bytes."""
    cleaned = _UNSAFE_IN_FILE.sub("_", name).strip(" .") or "_"
    if cleaned.split(".")[0].upper() in _WINDOWS_RESERVED:
        cleaned = "_" + cleaned
    return shorten(cleaned, name, max_bytes, _utf8_length)
