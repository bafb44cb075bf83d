"""The data model: the offset invariant, ids, and the JSON round trip of `eventwire.document/1`."""

from __future__ import annotations

import json

import pytest

from eventwire import SCHEMA
from eventwire.model import (
    Article,
    Claim,
    Dropped,
    Entity,
    Event,
    Evidence,
    Flag,
    Paragraph,
    Participant,
    Place,
    Quantity,
    Size,
    Source,
    Span,
    TimeExpr,
    article_id,
)

TEXT = "Floods hit Sindh\n\nAt least 30 people died in Dadu on Friday, officials said."


def full_article() -> Article:
    """An article with one of every span-carrying object, all spans correct."""
    a = Article(
        text=TEXT,
        source=Source(path="sindh.txt", id="r1", url="https://example.org/a", format="jsonl"),
        title="Floods hit Sindh",
        published="2022-08-26",
        paragraphs=[Paragraph(0, "title", 0, 16, [0]), Paragraph(1, "body", 18, len(TEXT), [1, 3])],
        dropped=[Dropped(raw_line=2, reason="duplicate", duplicate_of=1)],
    )
    dadu = TEXT.index("Dadu")
    a.entities.append(
        Entity(
            "e1",
            "officials",
            "ORG",
            roles=["officials"],
            attributes={"n": 2},
            mentions=[a.span(TEXT.index("officials"), TEXT.index("officials") + 9)],
        )
    )
    a.places.append(
        Place("p1", "Dadu", 1180809, 26.73, 67.78, "PK", "Sindh", "city", [a.span(dadu, dadu + 4)])
    )
    fri = TEXT.index("on Friday")
    a.times.append(TimeExpr(fri, fri + 9, "on Friday", value="2022-08-26", precision="day", range=None))
    q = TEXT.index("At least 30 people")
    a.quantities.append(
        Quantity(q, q + 18, "At least 30 people", value=30, unit="person", qualifier="at least")
    )
    a.events.append(
        Event(
            "ev1",
            "ENVIRONMENT",
            mode=None,
            context=["disaster"],
            actor=Participant("Floods"),
            recipient=Participant("30 people", entity=None, name=None),
            place="p1",
            date="2022-08-26",
            date_precision="day",
            status="occurred",
            size=Size(dead=30),
            claims=[Claim("officials", "assert")],
            acled={"event_type": "Strategic developments", "sub_event_type": "Other"},
            evidence=[Evidence(18, len(TEXT), TEXT[18:], paragraph=1)],
            confidence=0.8,
            extractor="test/1",
        )
    )
    a.flags.append(Flag("unresolved-place", "why", [a.span(0, 6)]))
    return a


def test_id_is_a_hash_of_the_text() -> None:
    a, b = Article(text=TEXT), Article(text=TEXT, title="other")
    assert a.id == b.id == article_id(TEXT)
    assert a.id.startswith("sha256:") and len(a.id) == 7 + 64
    assert Article(text=TEXT + ".").id != a.id


def test_span_is_checked_text() -> None:
    a = Article(text=TEXT)
    s = a.span(0, 6)
    assert s == Span(0, 6, "Floods")


def test_check_accepts_a_correct_article() -> None:
    full_article().check()


@pytest.mark.parametrize("field", ["entities", "places", "times", "quantities", "events", "flags"])
def test_check_rejects_a_span_whose_text_differs(field: str) -> None:
    a = full_article()
    spans = [s for where, s in a.spans() if where.startswith(field)]
    assert spans, field
    spans[0].text = spans[0].text + "x"
    with pytest.raises(ValueError, match="bad span"):
        a.check()


def test_check_rejects_spans_out_of_range() -> None:
    a = full_article()
    a.times[0].end = len(TEXT) + 5
    with pytest.raises(ValueError):
        a.check()
    b = full_article()
    b.paragraphs[1].end = len(TEXT) + 1
    with pytest.raises(ValueError, match="paragraph 1"):
        b.check()


def test_to_dict_has_every_contract_key_and_is_json() -> None:
    d = full_article().to_dict()
    assert list(d)[:9] == [
        "schema",
        "id",
        "source",
        "title",
        "published",
        "language",
        "text",
        "paragraphs",
        "dropped",
    ]
    assert d["schema"] == SCHEMA == "eventwire.document/1"
    for key in (
        "source",
        "title",
        "published",
        "language",
        "text",
        "paragraphs",
        "dropped",
        "entities",
        "places",
        "times",
        "quantities",
        "events",
        "flags",
    ):
        assert key in d
    assert "scratch" not in d
    assert d["source"] == {"path": "sindh.txt", "id": "r1", "url": "https://example.org/a", "format": "jsonl"}
    assert d["paragraphs"][1] == {
        "index": 1,
        "kind": "body",
        "start": 18,
        "end": len(TEXT),
        "raw_lines": [1, 3],
    }
    assert d["dropped"] == [{"raw_line": 2, "reason": "duplicate", "duplicate_of": 1}]
    ev = d["events"][0]
    assert ev["size"] == {"dead": 30, "injured": None, "arrested": None, "count": None}
    assert ev["evidence"][0]["paragraph"] == 1
    json.dumps(d)


def test_empty_article_has_empty_lists_not_missing_keys() -> None:
    d = Article(text="Some text.").to_dict()
    for key in ("paragraphs", "dropped", "entities", "places", "times", "quantities", "events", "flags"):
        assert d[key] == []


def test_round_trip() -> None:
    a = full_article()
    d = a.to_dict()
    b = Article.from_dict(json.loads(json.dumps(d)))
    assert b == a
    assert b.to_dict() == d
    b.check()


def test_scratch_is_never_serialized_nor_compared() -> None:
    a = full_article()
    a.scratch["parsed"] = object()
    assert "scratch" not in a.to_dict()
    assert a == full_article()


def test_from_dict_ignores_fields_added_by_later_versions() -> None:
    d = full_article().to_dict()
    d["sentiment"] = 0.2
    d["source"]["crawler"] = "x"
    d["paragraphs"][0]["lang"] = "en"
    d["entities"][0]["wikidata"] = "Q1"
    d["entities"][0]["mentions"][0]["sentence"] = 0
    d["events"][0]["severity"] = 3
    d["events"][0]["actor"]["iso"] = "PK"
    d["events"][0]["size"]["missing"] = 2
    d["events"][0]["evidence"][0]["score"] = 1.0
    d["flags"][0]["severity"] = "low"
    assert Article.from_dict(d) == full_article()


def test_from_dict_refuses_another_schema() -> None:
    d = full_article().to_dict()
    d["schema"] = "eventwire.document/2"
    with pytest.raises(ValueError, match="unsupported schema"):
        Article.from_dict(d)
    del d["schema"]
    assert Article.from_dict(d) == full_article()
