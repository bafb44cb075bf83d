"""Data files shipped inside the package (lexicons, ontology, signals), read by one function."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_json(package: str, *path: str) -> Any:
    """The JSON file at `path` inside `package` (e.g. `read_json("eventwire.clean", "signals.json")`)."""
    return json.loads(resources.files(package).joinpath(*path).read_text(encoding="utf-8"))
