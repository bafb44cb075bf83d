"""Merging across articles: the rule pair by pair, and merged events built from stored articles."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.model import Article, Event, Evidence, Participant, Place
from eventwire.settings import Settings
from eventwire.store import EventFilter, Store
from eventwire.store.merge_across import Occurrence, Where, same_occurrence, words

REPORTS = Path(__file__).with_name("reports.jsonl")
KHARKIV = Where("Kharkiv", 49.98081, 36.25272, "UA", "Kharkivska Oblast", "city")
SETTINGS = Settings()


def reports() -> list[Article]:
    return [Article.from_dict(json.loads(line)) for line in REPORTS.read_text(encoding="utf-8").splitlines()]


def occ(**changes: object) -> Occurrence:
    base = Occurrence(
        type="ASSAULT",
        status="occurred",
        actor=words("Russia"),
        recipient=None,
        place=KHARKIV,
        days=("2022-03-22", "2022-03-22"),
        article=1,
    )
    return replace(base, **changes)


def test_two_reports_of_one_shelling_make_one_merged_event_with_two_sources(tmp_path: Path) -> None:
    kharkiv_a, kharkiv_b, other = reports()
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for article in (kharkiv_a, kharkiv_b, other):
            store.ingest(article)
        assert store.counts()["events"] == 4
        assert store.count_events(merged=True) == 3
        [merged] = store.merged_events(EventFilter(place="Kharkiv"))
    assert merged["source_count"] == 2
    assert {s["article"] for s in merged["sources"]} == {kharkiv_a.id, kharkiv_b.id}
    assert len(merged["events"]) == 2
    assert {v["text"] for v in merged["evidence"]} == {
        kharkiv_a.events[0].evidence[0].text,
        kharkiv_b.events[0].evidence[0].text,
    }
    assert merged["size"]["dead"] == 4, "the largest reported toll (tolls are lower bounds)"
    assert {(c["speaker"], c["stance"]) for c in merged["claims"]} == {
        ("the regional governor", "assert"),
        ("emergency services", "assert"),
        ("Russia", "deny"),
    }
    assert merged["confidence"] == pytest.approx(1 - 0.2 * 0.3)
    assert merged["actor"]["name"] == "Russia" and merged["date"] == "2022-03-22"
    assert merged["acled"]["sub_event_type"] == "Shelling/artillery/missile attack"


def test_grouping_does_not_depend_on_ingest_order(tmp_path: Path) -> None:
    def groups(order: list[Article], name: str) -> set[frozenset[str]]:
        with Store.open(tmp_path / name, Settings()) as store:
            for article in order:
                store.ingest(article)
            merged = store.merged_events(limit=100)
        return {frozenset(f"{v['article']}:{v['text']}" for v in m["evidence"]) for m in merged}

    articles = reports()
    assert groups(articles, "a.db") == groups(articles[::-1], "b.db")


def test_a_coarse_report_joins_but_does_not_chain_distinct_places(tmp_path: Path) -> None:
    def report(text: str, place: Place) -> Article:
        a = Article(text=text, published="2022-03-23")
        place.mentions = [a.span(text.index(place.name), text.index(place.name) + len(place.name))]
        a.places = [place]
        troops = Participant("Russian troops", name="Russia")
        evidence = [Evidence(0, len(text), text, 0)]
        a.events = [
            Event("ev1", "ASSAULT", actor=troops, place=place.id, date="2022-03-22", evidence=evidence)
        ]
        return a

    city = report(
        "Russian troops shelled Kharkiv.",
        Place("p1", "Kharkiv", 1, 49.98, 36.25, "UA", "Kharkiv Oblast", "city"),
    )
    country = report(
        "Russian troops shelled Ukraine.", Place("p1", "Ukraine", 2, 49.0, 32.0, "UA", None, "country")
    )
    elsewhere = report(
        "Russian troops shelled Mariupol.",
        Place("p1", "Mariupol", 3, 47.10, 37.54, "UA", "Donetsk Oblast", "city"),
    )
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for article in (city, country, elsewhere):
            store.ingest(article)
        merged = store.merged_events()
    assert sorted(m["source_count"] for m in merged) == [1, 2]
    joined = next(m for m in merged if m["source_count"] == 2)
    assert joined["place"]["name"] == "Kharkiv", "the merged event keeps the most precise place"


@pytest.mark.parametrize(
    ("other", "same"),
    [
        (occ(), True),
        (occ(type="PROTEST"), False),
        (occ(status="ongoing"), True),
        (occ(status="expected"), False),
        (occ(actor=words("Russian forces")), False),
        (occ(actor=words("the Russian Federation")), False),
        (occ(actor=None), True),
        (occ(recipient=words("civilians")), True),
        (occ(place=replace(KHARKIV, lat=50.10, lon=36.40)), True),  # about 17 km away
        (occ(place=replace(KHARKIV, name="Chuhuiv", lat=49.84, lon=36.69)), False),  # about 35 km away
        (occ(place=replace(KHARKIV, lat=None, lon=None)), True),  # same name, no coordinates
        (occ(place=Where("Kharkivska Oblast", 49.5, 36.5, "UA", None, "admin1")), True),
        (occ(place=Where("Donetsk Oblast", 48.0, 37.8, "UA", None, "admin1")), False),
        (occ(place=Where("Ukraine", 49.0, 32.0, "UA", None, "country")), True),
        (occ(place=Where("Ukraine", 49.0, 32.0, "UA", None, "country"), actor=None), False),  # any town's
        (occ(place=Where("Russia", 60.0, 100.0, "RU", None, "country")), False),
        (occ(place=replace(KHARKIV, country_code="RU")), False),
        (occ(place=None), True),  # the same day
        (occ(place=None, actor=None), True),
        (occ(place=None, days=("2022-03-21", "2022-03-27"), span=7), True),  # the same ISO week
        (occ(place=None, days=("2022-03-01", "2022-03-31"), span=31), False),  # a month is no shared date
        (occ(place=None, span=None), False),  # a publication window is no shared date
        (occ(place=None, actor=None, article=0, span=None), True),  # a headline above the report
        (occ(span=None), True),  # the same city
        (occ(place=Where("Ukraine", 49.0, 32.0, "UA", None, "country"), span=None), False),
        (occ(days=("2022-03-23", "2022-03-23")), True),  # one day of slack
        (occ(days=("2022-03-24", "2022-03-24")), False),
        (occ(days=("2022-03-21", "2022-03-27")), True),  # the ISO week 2022-W12
        (occ(days=("2022-04-01", "2022-04-30")), False),
        (occ(days=("2022-03-23", "2022-03-29")), False),  # slack is for single days only
        (occ(days=None), False),
    ],
)
def test_the_rule_pair_by_pair(other: Occurrence, same: bool) -> None:
    me = occ(article=0)
    assert same_occurrence(me, other, SETTINGS) is same
    assert same_occurrence(other, me, SETTINGS) is same


def test_events_of_two_articles_must_share_a_place_or_a_date() -> None:
    bare = occ(place=None, days=None)
    assert not same_occurrence(bare, occ(place=None, days=None, article=2), SETTINGS), "no place, no time"
    assert same_occurrence(bare, occ(place=None, days=None), SETTINGS), "one article ties them"
    assert not same_occurrence(bare, occ(place=None), SETTINGS), "an undated event never matches a dated one"
    window = occ(place=None, span=None)
    assert not same_occurrence(window, occ(place=None, span=None, article=2), SETTINGS)
    assert same_occurrence(window, occ(place=None, span=None), SETTINGS), "one article ties them"
    wide = occ(place=None, days=("2022-03-21", "2022-03-27"), span=7)
    assert not same_occurrence(wide, replace(wide, article=2), Settings(merge_shared_date_days=6))


def test_symmetric_types_match_with_actor_and_recipient_swapped() -> None:
    talks = occ(type="CONSULT", actor=words("Ukraine"), recipient=words("Russia"))
    assert same_occurrence(talks, replace(talks, actor=words("Russia"), recipient=words("Ukraine")), SETTINGS)
    attack = occ(actor=words("Ukraine"), recipient=words("Russia"))
    assert not same_occurrence(
        attack, replace(attack, actor=words("Russia"), recipient=words("Ukraine")), SETTINGS
    )


def test_thresholds_are_settings() -> None:
    near = occ(place=replace(KHARKIV, lat=50.10, lon=36.40))
    assert not same_occurrence(occ(), near, Settings(merge_city_km=5.0))
    assert same_occurrence(occ(), occ(days=("2022-03-25", "2022-03-25")), Settings(merge_date_slack_days=3))
    unnamed = occ(place=Where("eastern Ukraine", 48.5, 37.5, "UA", None, "region"))  # about 180 km away
    assert same_occurrence(occ(), unnamed, SETTINGS)
    assert not same_occurrence(occ(), unnamed, Settings(merge_admin1_km=100.0))


def test_words_normalise_names() -> None:
    assert words("The Kremlin") == words("kremlin")
    assert words("U.S.") == frozenset({"u", "s"})
    assert words("") is None and words(None) is None


def _stored(
    text: str,
    published: str,
    date: str | None,
    place: Place | None,
    kind: str = "ASSAULT",
    source: str = "text",
) -> Article:
    """An article of one event, told by all of `text`, at `place` (named in the text) on `date`, a date
    from `source` ("text", "publication", "fallback")."""
    a = Article(text=text, published=published)
    if place is not None:
        at = text.index(place.name)
        place.mentions = [a.span(at, at + len(place.name))]
        a.places = [place]
    evidence = [Evidence(0, len(text), text, 0)]
    a.events = [
        Event(
            "ev1", kind, place=place and place.id, date=date, date_source=date and source, evidence=evidence
        )
    ]
    return a


def test_stored_events_of_two_articles_join_only_on_a_shared_place_or_date(tmp_path: Path) -> None:
    diyarbakir = Place("p1", "Diyarbakir", 1, 37.91, 40.22, "TR", "Diyarbakir", "city")
    placed = _stored("A car bomb hit a police bus in Diyarbakir.", "2022-03-18", "2022-03-17", diyarbakir)
    unplaced = _stored("Nine officers died in a car bombing on Thursday.", "2022-03-18", "2022-03-17", None)
    moscow = _stored("The ministry accused a senior official of fraud.", "2022-03-18", None, None, "ACCUSE")
    dhaka = _stored("Students accused the university of negligence.", "2022-03-19", None, None, "ACCUSE")
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for article in (placed, unplaced, moscow, dhaka):
            store.ingest(article)
        merged = store.merged_events(limit=10)
    assert sorted((m["type"], m["source_count"]) for m in merged) == [
        ("ACCUSE", 1),
        ("ACCUSE", 1),
        ("ASSAULT", 2),
    ]
    [bombing] = [m for m in merged if m["type"] == "ASSAULT"]
    assert bombing["place"]["name"] == "Diyarbakir" and bombing["date"] == "2022-03-17"


def test_an_undated_report_joins_on_its_place_and_keeps_the_others_date(tmp_path: Path) -> None:
    diyarbakir = Place("p1", "Diyarbakir", 1, 37.91, 40.22, "TR", "Diyarbakir", "city")
    week = _stored("Bombers struck Diyarbakir last week.", "2022-03-21", "2022-W11", diyarbakir)
    undated = _stored("Residents of Diyarbakir described the blast.", "2022-03-18", None, diyarbakir)
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for article in (week, undated):
            store.ingest(article)
        [merged] = store.merged_events(limit=10)
    assert merged["source_count"] == 2
    assert merged["date"] == "2022-W11", "a member's own date, not the undated report's narrower window"


def test_an_unplaced_undated_mention_joins_through_its_articles_placed_one(tmp_path: Path) -> None:
    diyarbakir = Place("p1", "Diyarbakir", 1, 37.91, 40.22, "TR", "Diyarbakir", "city")
    wire = _stored("A car bomb hit a police bus in Diyarbakir.", "2022-03-17", "2022-03-17", diyarbakir)
    paper = _stored(
        "Nine officers died in Diyarbakir on Thursday. The attack shocked the city.",
        "2022-03-18",
        "2022-03-17",
        diyarbakir,
    )
    mention = replace(
        paper.events[0], id="ev2", place=None, date="2022-03", evidence=paper.events[0].evidence[:1]
    )
    paper.events.append(mention)
    other = _stored("Another attack shocked the region.", "2022-03-18", "2022-03", None)
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for article in (wire, paper, other):
            store.ingest(article)
        merged = store.merged_events(limit=10)
    assert sorted((m["source_count"], len(m["events"])) for m in merged) == [(1, 1), (2, 3)]


def test_a_report_bounds_what_it_tells_but_a_month_stays_a_month(tmp_path: Path) -> None:
    quetta = Place("p1", "Quetta", 1, 30.18, 67.00, "PK", "Balochistan", "city")
    market = _stored("A bomb hit a market in Quetta.", "2023-05-03", "2023-05", quetta)
    checkpoint = _stored("A bomber struck a checkpoint in Quetta.", "2023-05-09", "2023-05-09", quetta)
    month = _stored("Protesters marched against prices.", "2024-08-01", "2024-08", None, "PROTEST")
    day = _stored("Protesters marched in the capital.", "2024-08-01", "2024-08-01", None, "PROTEST")
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for article in (market, checkpoint, month, day):
            store.ingest(article)
        merged = store.merged_events(limit=10)
    assert [m["source_count"] for m in merged] == [1, 1, 1, 1], "May up to the 3rd; a month cut to one day"


def test_two_dates_that_are_each_a_reports_publication_day_do_not_tie(tmp_path: Path) -> None:
    moscow = _stored(
        "Investigators have accused a former minister.",
        "2024-04-23",
        "2024-04-23",
        None,
        "ACCUSE",
        "publication",
    )
    dhaka = _stored(
        "Students have accused university officials.",
        "2024-04-24",
        "2024-04-24",
        None,
        "ACCUSE",
        "publication",
    )
    recalled = _stored("The minister was accused on Tuesday.", "2024-04-24", "2024-04-23", None, "ACCUSE")
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for article in (moscow, dhaka):
            store.ingest(article)
        assert store.count_events(merged=True) == 2
        store.ingest(recalled)
        assert store.count_events(merged=True) == 2, "a date the text gave ties to a publication day"
