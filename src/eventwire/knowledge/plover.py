"""The PLOVER ontology as data: 16 event types with their modes, and 37 contexts.

Loaded from `plover.json` (taken from the PLOVER manual, DRAFT Version 2.0) and, for data coded with
older labels, `plover_legacy.json` (PLOVER 0.5b1 → current types, modes and contexts, each with a reason).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from eventwire.knowledge.files import read_json


@cache
def _load(name: str) -> dict[str, Any]:
    return read_json(__package__, name)


def _plover() -> dict[str, Any]:
    return _load("plover.json")


def _legacy() -> dict[str, Any]:
    return _load("plover_legacy.json")


def manual() -> dict[str, str]:
    """Where the ontology comes from: the manual's title, version, repository and commit."""
    return dict(_plover()["manual"])


def data_version() -> int:
    """The version of the ontology data file, raised whenever its content changes."""
    return int(_plover()["data_version"])


def types() -> list[str]:
    """The 16 PLOVER event types, in the manual's order."""
    return list(_plover()["types"])


def modes(event_type: str) -> list[str]:
    """The modes of one event type (empty when the type has none).

    Raises:
        KeyError: when `event_type` is not a PLOVER type.
    """
    return list(_plover()["types"][event_type]["modes"])


def contexts() -> list[str]:
    """The 37 PLOVER contexts, in the manual's order."""
    return list(_plover()["contexts"])


def describe(event_type: str, mode: str | None = None) -> str:
    """The manual's definition of a type, or of one of its modes."""
    entry = _plover()["types"][event_type]
    return entry["modes"][mode] if mode else entry["definition"]


def quad(event_type: str) -> str:
    """The type's quad category, e.g. "material conflict"."""
    return _plover()["types"][event_type]["quad"]


def requires_recipient(event_type: str) -> bool:
    """Whether the manual requires a recipient for this type."""
    return bool(_plover()["types"][event_type]["requires_recipient"])


def is_valid(event_type: str, mode: str | None = None) -> bool:
    """Whether `event_type` is a PLOVER type and `mode` (if given) one of its modes."""
    entry = _plover()["types"].get(event_type)
    return entry is not None and (mode is None or mode in entry["modes"])


def is_context(name: str) -> bool:
    """Whether `name` is one of the 37 PLOVER contexts."""
    return name in _plover()["contexts"]


def legacy_type(label: str) -> tuple[str | None, str | None]:
    """A PLOVER 0.5b1 event label as a current (type, mode); (None, None) for labels that code no event.

    Raises:
        KeyError: for a label that 0.5b1 did not have.
    """
    if label in _legacy()["skip"]:
        return None, None
    entry = _legacy()["types"][label]
    return entry["type"], entry.get("mode")


def legacy_mode(event_type: str, mode: str | None) -> str | None:
    """A 0.5b1 mode as a mode of the current `event_type`, or None when it has no counterpart."""
    if not mode:
        return None
    mode = _legacy()["modes"].get(mode, mode)
    return mode if is_valid(event_type, mode) else None


def legacy_context(name: str) -> str | None:
    """A 0.5b1 context as a current context, or None when it has no counterpart."""
    name = _legacy()["contexts"].get(name.strip(), name.strip())
    return name if is_context(name) else None
