"""Reading the data files shipped inside the package: JSON, tab-separated rows and word lists."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_json(package: str, *path: str) -> Any:
    """The JSON file at `path` inside `package` (e.g. `read_json("eventwire.knowledge.en", "cues.json")`)."""
    return json.loads(_text(package, *path))


def read_rows(package: str, *path: str) -> list[list[str]]:
    """The tab-separated rows of a file inside `package`, without blank lines and `#` comments."""
    return [
        line.split("\t")
        for line in _text(package, *path).splitlines()
        if line.strip() and not line.startswith("#")
    ]


def read_words(package: str, *path: str) -> list[str]:
    """The words of a one-word-a-line file inside `package`, without blank lines and `#` comments."""
    return [row[0] for row in read_rows(package, *path)]


def _text(package: str, *path: str) -> str:
    return resources.files(package).joinpath(*path).read_text(encoding="utf-8")
