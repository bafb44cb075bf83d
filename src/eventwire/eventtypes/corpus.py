"""The annotated event corpus (`data/events/*.jsonl`): reading it, checking it, and the labels each
record teaches.

A record is one sentence or short passage written by the team, with the events it reports. Spans (trigger,
actor, recipient) are exact substrings of the text; `<role>_start` gives the offset when the substring occurs
more than once. Run `python -m eventwire.eventtypes.corpus FILE...` to check files and count their classes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.knowledge import plover
from eventwire.knowledge.files import read_json

STATUSES = ("occurred", "ongoing", "expected", "historical", "negated", "denied")
CODED_STATUSES = ("occurred", "ongoing")  # what ACLED codes: an event that happened or is happening
GENRES = ("lede", "body", "headline", "caption", "liveblog", "note", "quote")
SPAN_ROLES = ("trigger", "actor", "recipient")
NONE = "none"


class CorpusError(ValueError):
    """A record that breaks the corpus format; the message names the file, line and field."""


@dataclass(frozen=True)
class Span:
    """A character span of a record's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One event a record reports."""

    plover: str
    mode: str | None
    acled: str | None
    status: str
    trigger: Span | None
    actor: Span | None
    recipient: Span | None


@dataclass(frozen=True)
class Record:
    """One annotated sentence or passage."""

    id: str
    text: str
    genre: str
    country: str
    events: tuple[Mention, ...]
    note: str

    @property
    def plover_labels(self) -> frozenset[str]:
        """The PLOVER types it reports, whatever their status: the rules decide status."""
        return frozenset(e.plover for e in self.events)

    @property
    def acled_label(self) -> str:
        """The ACLED sub-event type of its first event ACLED would code, or "none"."""
        for e in self.events:
            if e.acled and e.status in CODED_STATUSES:
                return e.acled
        return NONE

    @property
    def acled_labels(self) -> frozenset[str]:
        """Every ACLED sub-event type it reports of events ACLED would code."""
        return frozenset(e.acled for e in self.events if e.acled and e.status in CODED_STATUSES)


def acled_sub_event_types() -> list[str]:
    """ACLED's 25 sub-event types, in the codebook's order."""
    typology = read_json("eventwire.knowledge", "acled.json")["typology"]
    return [sub for subs in typology.values() for sub in subs]


def _span(raw: dict, role: str, text: str, where: str) -> Span | None:
    value = raw.get(role)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise CorpusError(f"{where}: {role} must be a string")
    start = raw.get(f"{role}_start")
    if start is None:
        first = text.find(value)
        if first < 0:
            raise CorpusError(f"{where}: {role} {value!r} is not in the text")
        if text.find(value, first + 1) >= 0:
            raise CorpusError(f"{where}: {role} {value!r} occurs twice: give {role}_start")
        start = first
    if not isinstance(start, int) or text[start : start + len(value)] != value:
        raise CorpusError(f"{where}: {role}_start {start!r} does not point at {value!r}")
    return Span(start, start + len(value), value)


def _mention(raw: dict, text: str, where: str, sub_event_types: set[str]) -> Mention:
    kind = raw.get("plover")
    if kind not in plover.types():
        raise CorpusError(f"{where}: plover {kind!r} is not a PLOVER type")
    mode = raw.get("mode") or None
    if mode is not None and mode not in plover.modes(kind):
        raise CorpusError(f"{where}: mode {mode!r} is not a mode of {kind}")
    sub = raw.get("acled") or None
    if sub is not None and sub not in sub_event_types:
        raise CorpusError(f"{where}: acled {sub!r} is not an ACLED sub-event type")
    status = raw.get("status")
    if status not in STATUSES:
        raise CorpusError(f"{where}: status {status!r} is not one of {', '.join(STATUSES)}")
    spans = {role: _span(raw, role, text, where) for role in SPAN_ROLES}
    if spans["trigger"] is None:
        raise CorpusError(f"{where}: an event needs its trigger")
    return Mention(kind, mode, sub, status, spans["trigger"], spans["actor"], spans["recipient"])


def parse(line: str, where: str, sub_event_types: set[str] | None = None) -> Record:
    """One JSON line as a Record; CorpusError says what is wrong."""
    subs = sub_event_types if sub_event_types is not None else set(acled_sub_event_types())
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{where}: not JSON ({exc.msg})") from None
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: a record is a JSON object")
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise CorpusError(f"{where}: text is missing")
    genre = raw.get("genre")
    if genre not in GENRES:
        raise CorpusError(f"{where}: genre {genre!r} is not one of {', '.join(GENRES)}")
    events = raw.get("events")
    if not isinstance(events, list):
        raise CorpusError(f"{where}: events must be a list (empty for a negative)")
    mentions = tuple(_mention(e, text, f"{where} event {i + 1}", subs) for i, e in enumerate(events))
    return Record(
        id=str(raw.get("id") or where),
        text=text,
        genre=genre,
        country=str(raw.get("country") or ""),
        events=mentions,
        note=str(raw.get("note") or ""),
    )


def _lines(paths: list[Path]) -> Iterator[tuple[str, str]]:
    """("file:line", text) of every non-blank line of the files, in order."""
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield f"{path.name}:{n}", line


def read(paths: list[Path]) -> list[Record]:
    """Every record of the files, in order; the first bad line raises CorpusError; ids must be unique."""
    subs = set(acled_sub_event_types())
    records: list[Record] = []
    seen: set[str] = set()
    for where, line in _lines(paths):
        record = parse(line, where, subs)
        if record.id in seen:
            raise CorpusError(f"{where}: id {record.id!r} is used twice")
        seen.add(record.id)
        records.append(record)
    return records


def files(folder: Path) -> list[Path]:
    """The corpus files of a folder, sorted."""
    return sorted(folder.glob("*.jsonl"))


def class_counts(records: list[Record]) -> tuple[Counter[str], Counter[str]]:
    """(records per ACLED label that ACLED would code, records per PLOVER type)."""
    acled_counts: Counter[str] = Counter()
    plover_counts: Counter[str] = Counter()
    for r in records:
        acled_counts.update(r.acled_labels or {NONE})
        plover_counts.update(r.plover_labels or {NONE})
    return acled_counts, plover_counts


def main(argv: list[str]) -> int:
    """Check the files given (or data/events/) and print the records per class; exit 1 on a bad record."""
    parser = argparse.ArgumentParser(
        prog="python -m eventwire.eventtypes.corpus",
        description="Check annotated corpus files and count their classes.",
    )
    parser.add_argument("files", nargs="*", type=Path, help="JSON Lines files (default: data/events/)")
    paths = parser.parse_args(argv).files or files(Path("data/events"))
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    errors = 0
    subs = set(acled_sub_event_types())
    records: list[Record] = []
    for where, line in _lines(paths):
        try:
            records.append(parse(line, where, subs))
        except CorpusError as exc:
            errors += 1
            print(exc)
    acled_counts, plover_counts = class_counts(records)
    print(f"{len(records)} records, {errors} bad")
    print("ACLED (coded statuses):", ", ".join(f"{k} {v}" for k, v in sorted(acled_counts.items())))
    print("PLOVER:", ", ".join(f"{k} {v}" for k, v in sorted(plover_counts.items())))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
