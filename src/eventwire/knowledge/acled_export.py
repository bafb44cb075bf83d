"""What the ACLED export writes that is data: ACLED's columns, publishers and their scale, the notes'
wording (`knowledge/acled.json` `export`, the pack's `acled.json` `notes`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class Publisher:
    """An outlet by its web address: its name and country (None for an outlet of international reach)."""

    name: str
    country: str | None


@dataclass(frozen=True)
class AcledExportWords:
    """ACLED's columns in order, the publishers known by web address, and how notes are written."""

    columns: tuple[str, ...]
    civilian_targeting: str
    crowd_types: frozenset[str]
    publishers: dict[str, Publisher]
    leads: dict[int, str]
    """ACLED time precision → the note's opening, with {date}."""
    undated: str
    months: tuple[str, ...]
    attribution: re.Pattern[str]
    lower_first: frozenset[str]

    @classmethod
    def load(cls, raw: dict[str, Any], files: PackFiles) -> AcledExportWords:
        """The export's data from `knowledge/acled.json` and a pack's `acled.json`."""
        export, notes = raw["export"], files.json("acled.json")["notes"]
        if len(notes["months"]) != 12:
            raise ValueError("acled.json: notes.months needs the 12 month names")
        return cls(
            columns=tuple(export["columns"]),
            civilian_targeting=export["civilian_targeting"],
            crowd_types=frozenset(export["crowd_types"]),
            publishers={k: Publisher(v["name"], v["country"]) for k, v in export["publishers"].items()},
            leads={int(k): v for k, v in notes["lead"].items()},
            undated=notes["undated"],
            months=tuple(notes["months"]),
            attribution=re.compile(notes["attribution"], re.IGNORECASE),
            lower_first=frozenset(w.lower() for w in notes["lower_first"]),
        )
