"""The data model of `eventwire.document/1`: dataclasses, their JSON form and the offset invariant.

Everything points into one string, the cleaned `Article.text`. A span is `(start, end)` into it,
end exclusive, and it carries its `text`, which must equal `Article.text[start:end]`.
The model holds no I/O and no spaCy types: steps translate.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from eventwire import SCHEMA


@dataclass
class Span:
    """A stretch of the cleaned text."""

    start: int
    end: int
    text: str


@dataclass
class Evidence(Span):
    """A span that supports an event, with the index of the paragraph it lies in."""

    paragraph: int | None = None


@dataclass
class Source:
    """Where an article came from."""

    path: str | None = None
    id: str | None = None
    url: str | None = None
    format: str = "text"


MARKUP_FORMATS = frozenset({"html", "warc"})
"""Source formats read from a page's markup, an element a paragraph: a paragraph that comes twice out of
such a page stands twice in it."""


@dataclass
class Paragraph:
    """A kept paragraph: its kind, its span in the text and the raw lines it came from.

    Kinds: "title", "body", "caption", and "table" (a table's rows, a line each, cells between pipes:
    "| Kerrow | 4,100 | 9,800 |").
    """

    index: int
    kind: str
    start: int
    end: int
    raw_lines: list[int]


@dataclass
class Dropped:
    """A raw line (the first line of a block) left out of the text, and why."""

    raw_line: int
    reason: str
    duplicate_of: int | None = None


@dataclass
class Entity:
    """A named entity with its canonical name, type, roles, attributes and mentions."""

    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Place:
    """A place resolved in the gazetteer, with its mentions."""

    id: str
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str = "other"
    mentions: list[Span] = field(default_factory=list)
    adjectival: list[Span] = field(default_factory=list)
    """References by a demonym or adjectival form ('Turkish' → Turkey): no event takes its place from them,
    and a place named only so has no `mentions`."""
    in_name: list[Span] = field(default_factory=list)
    """References inside the name of an organisation or facility ('Air Zimbabwe' → Zimbabwe): like the
    adjectival ones, no event takes its place from them."""


@dataclass
class TimeExpr(Span):
    """A time expression normalized against the publication date."""

    value: str | None = None
    precision: str | None = None
    range: list[str] | None = None


@dataclass
class Quantity(Span):
    """A number with its counted noun and qualifier."""

    value: float | int | None = None
    unit: str | None = None
    qualifier: str = "exact"


@dataclass
class Participant:
    """An event's actor or recipient: the surface text and, when linked, the entity."""

    text: str
    entity: str | None = None
    name: str | None = None


STATUSES = ("occurred", "ongoing", "expected", "historical")
"""An event's statuses (the contract's `status`)."""

DENY = "deny"
"""The stance of a claim that disputes its event (the others: assert, hedge)."""


@dataclass
class Claim:
    """Who asserts, denies or hedges an event."""

    speaker: str
    stance: str


@dataclass
class Size:
    """How many were killed, injured, arrested or counted; lower bounds when qualified."""

    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    count: int | None = None


@dataclass
class Event:
    """A PLOVER event with its participants, place, date, size, claims and evidence."""

    id: str
    type: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: Participant | None = None
    recipient: Participant | None = None
    place: str | None = None
    place_source: str | None = None
    """Where the place comes from: "text" (the event's sentence names it), "context" (the paragraph so
    far, or the one a sentence points back to), "story" (the town of the article's latest occurrence,
    for a later one that names none) or "dateline" (the town the report was filed from)."""
    date: str | None = None
    date_precision: str | None = None
    date_end: str | None = None
    date_source: str | None = None
    """Where the date comes from: "text" (the article gives it), "publication" (the publication day of a
    report of what has just happened) or "fallback" (the publication month: nothing dates it)."""
    status: str = "occurred"
    size: Size = field(default_factory=Size)
    claims: list[Claim] = field(default_factory=list)
    acled: dict[str, Any] | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    extractor: str | None = None


@dataclass
class Flag:
    """Something a careful reader would question, with its evidence."""

    kind: str
    message: str
    evidence: list[Span] = field(default_factory=list)


TABLE_ROW = re.compile(r"^\|.*\|$")
"""A raw line (stripped) that is a table row, as the HTML reader prints one: "| Kerrow | 4,100 |"."""
TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")
"""A table row that only rules off the header: "|---|---|"."""


@dataclass
class RawArticle:
    """What a reader yields: the raw text (or HTML already reduced to text) and its metadata.

    A run of lines that are table rows (`TABLE_ROW`) is one table.
    """

    text: str
    source: Source
    title: str | None = None
    published: str | None = None
    language: str | None = None
    captions: list[str] = field(default_factory=list)
    """Captions the reader found apart from the body (HTML figcaptions); appended as caption lines."""


@dataclass
class Article:
    """One cleaned article and everything found in it: the `eventwire.document/1` object."""

    text: str
    source: Source = field(default_factory=Source)
    title: str | None = None
    published: str | None = None
    language: str = "en"
    paragraphs: list[Paragraph] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    id: str = ""
    scratch: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Working state handed between steps (a parsed doc, say). Never serialized."""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)

    def span(self, start: int, end: int) -> Span:
        """A checked span of this article's text."""
        return Span(start, end, self.text[start:end])

    def spans(self) -> list[tuple[str, Span]]:
        """Every span object in the article, with the field it was found in."""
        out: list[tuple[str, Span]] = []
        for key, items in (("entities", self.entities), ("places", self.places)):
            out += [(f"{key}.mentions", m) for item in items for m in item.mentions]
        out += [("places.adjectival", m) for p in self.places for m in p.adjectival]
        out += [("places.in_name", m) for p in self.places for m in p.in_name]
        out += [("times", t) for t in self.times]
        out += [("quantities", q) for q in self.quantities]
        out += [("events.evidence", e) for ev in self.events for e in ev.evidence]
        out += [("flags.evidence", e) for fl in self.flags for e in fl.evidence]
        return out

    def check(self) -> None:
        """Enforce the offset invariant and the paragraph layout.

        Raises:
            ValueError: naming the first span whose text is not `text[start:end]`.
        """
        n = len(self.text)
        for p in self.paragraphs:
            if not 0 <= p.start <= p.end <= n:
                raise ValueError(f"paragraph {p.index} out of range: {p.start}..{p.end}")
        for where, s in self.spans():
            if not (0 <= s.start <= s.end <= n and self.text[s.start : s.end] == s.text):
                raise ValueError(f"bad span in {where}: {s.start}..{s.end} {s.text!r:.80}")

    def to_dict(self) -> dict[str, Any]:
        """The `eventwire.document/1` JSON object."""
        names = [f.name for f in dataclasses.fields(self) if f.name != "scratch"]
        names.sort(key=lambda name: _ORDER.index(name) if name in _ORDER else len(_ORDER))
        return {"schema": SCHEMA, **{name: _plain(getattr(self, name)) for name in names}}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Rebuild an article from its JSON object (the inverse of `to_dict`).

        Keys this version does not know are ignored: the contract lets later versions add fields.

        Raises:
            ValueError: for a document of another schema (one that may have renamed fields).
        """
        if d.get("schema", SCHEMA) != SCHEMA:
            raise ValueError(f"unsupported schema {d.get('schema')!r}, this eventwire reads {SCHEMA}")
        spans = lambda items, kind=Span: [_make(kind, s) for s in items or []]  # noqa: E731
        events = []
        for e in d.get("events") or []:
            e = dict(e)
            for role in ("actor", "recipient"):
                e[role] = _make(Participant, e[role]) if e.get(role) else None
            e["size"] = _make(Size, e.get("size") or {})
            e["claims"] = [_make(Claim, c) for c in e.get("claims") or []]
            e["evidence"] = spans(e.get("evidence"), Evidence)
            events.append(_make(Event, e))
        return cls(
            id=d.get("id", ""),
            text=d["text"],
            source=_make(Source, d.get("source") or {}),
            title=d.get("title"),
            published=d.get("published"),
            language=d.get("language") or "en",
            paragraphs=[_make(Paragraph, p) for p in d.get("paragraphs") or []],
            dropped=[_make(Dropped, x) for x in d.get("dropped") or []],
            entities=[
                _make(Entity, {**e, "mentions": spans(e.get("mentions"))}) for e in d.get("entities") or []
            ],
            places=[
                _make(
                    Place,
                    {
                        **p,
                        "mentions": spans(p.get("mentions")),
                        "adjectival": spans(p.get("adjectival")),
                        "in_name": spans(p.get("in_name")),
                    },
                )
                for p in d.get("places") or []
            ],
            times=spans(d.get("times"), TimeExpr),
            quantities=spans(d.get("quantities"), Quantity),
            events=events,
            flags=[_make(Flag, {**f, "evidence": spans(f.get("evidence"))}) for f in d.get("flags") or []],
        )


def _make(kind: type, d: dict[str, Any]) -> Any:
    """An instance of the dataclass `kind` from the keys of `d` that it has."""
    names = {f.name for f in dataclasses.fields(kind)}
    return kind(**{k: v for k, v in d.items() if k in names})


_ORDER = ["id", "source", "title", "published", "language", "text", "paragraphs", "dropped"]
"""The contract's key order for the leading fields; the annotation lists follow in declaration order."""


def _plain(value: Any) -> Any:
    """JSON-ready copy of a field value (never touching `scratch`, whose spaCy docs are costly to copy)."""
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def article_id(text: str) -> str:
    """The article id: a hash of the cleaned text, so the same article always gets the same id."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
