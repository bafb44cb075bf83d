"""Time expressions: every rule with sentences of our own, the seed's gold, and the offset invariant."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.model import Article

PUB = "2022-03-23"  # a Wednesday


def values(article: Article) -> dict[str, tuple[str | None, str | None, list[str] | None]]:
    """Surface text → (value, precision, range) for every time expression found."""
    return {t.text: (t.value, t.precision, t.range) for t in article.times}


def value_of(run_text, sentence: str, surface: str, published: str | None = PUB) -> str | None:
    found = values(run_text(sentence, published))
    assert surface in found, f"{surface!r} not found in {sorted(found)}"
    return found[surface][0]


def test_seed_gold_times(seed: Article, shared_dir) -> None:
    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))["times"]
    for g in gold:
        surface = re.sub(r"^(on|in|since) ", "", g["surface"].lower())
        hits = [t for t in seed.times if surface in t.text.lower()]
        assert any(str(t.value).startswith(tuple(g["values"])) for t in hits), (g, hits)


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        # past reports: the most recent such day on or before publication (a Wednesday is that day)
        ("The spokesman confirmed on Wednesday that the minister had resigned.", "Wednesday", "2022-03-23"),
        ("Troops shelled the port on Monday, officials said.", "Monday", "2022-03-21"),
        ("This satellite image taken on Tuesday shows the damage.", "Tuesday", "2022-03-22"),
        ("Protesters have gathered since Saturday in the capital.", "since Saturday", "2022-03-19"),
        # future, expected, scheduled, modal: the next one on or after publication
        ("Leaders are expected to impose new sanctions on Thursday.", "Thursday", "2022-03-24"),
        ("The president will visit the flooded towns on Friday.", "Friday", "2022-03-25"),
        ("The talks are due to resume on Monday in Geneva.", "Monday", "2022-03-28"),
        ("The minister, who is scheduled to land on Saturday, will meet farmers.", "Saturday", "2022-03-26"),
        ("Rescuers could reach the village on Sunday.", "Sunday", "2022-03-27"),
        ("Police said they would release the two men on Tuesday.", "Tuesday", "2022-03-29"),
        # present progressive of a plan: the same day when it is today
        ("The president is flying to Europe on Wednesday for a summit.", "Wednesday", "2022-03-23"),
        (
            "The president is scheduled to arrive in Brussels on Wednesday evening.",
            "Wednesday evening",
            "2022-03-23",
        ),
        # explicit direction
        ("The court will rule next Monday.", "next Monday", "2022-03-28"),
        ("The court ruled last Friday.", "last Friday", "2022-03-18"),
    ],
)
def test_weekdays_follow_the_tense_of_their_clause(run_text, sentence, surface, expected) -> None:
    assert value_of(run_text, sentence, surface) == expected


def test_the_night_before_publication(run_text) -> None:
    found = values(
        run_text(
            "Rockets hit the city overnight. Officials reported shelling during the night. "
            "Last night was calm."
        )
    )
    assert found["overnight"] == ("2022-03-22", "day", ["2022-03-22", "2022-03-23"])
    assert found["during the night"] == ("2022-03-22", "day", ["2022-03-22", "2022-03-23"])
    assert found["Last night"][0] == "2022-03-22"


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        ("The army withdrew last week.", "last week", ("2022-W11", "week", ["2022-03-14", "2022-03-20"])),
        ("Talks resume next week.", "next week", ("2022-W13", "week", ["2022-03-28", "2022-04-03"])),
        (
            "Prices rose earlier this week.",
            "earlier this week",
            ("2022-W12", "week", ["2022-03-21", "2022-03-27"]),
        ),
        ("The war began a month ago.", "a month ago", ("2022-02", "month", ["2022-02-01", "2022-02-28"])),
        ("The dam burst two weeks ago.", "two weeks ago", ("2022-W10", "week", ["2022-03-07", "2022-03-13"])),
        (
            "He was arrested three days ago.",
            "three days ago",
            ("2022-03-20", "day", ["2022-03-20", "2022-03-20"]),
        ),
        ("Elections were held last year.", "last year", ("2021", "year", ["2021-01-01", "2021-12-31"])),
        (
            "Floods hit the delta last month.",
            "last month",
            ("2022-02", "month", ["2022-02-01", "2022-02-28"]),
        ),
        ("The strike ended yesterday.", "yesterday", ("2022-03-22", "day", ["2022-03-22", "2022-03-22"])),
        ("The vote is tomorrow.", "tomorrow", ("2022-03-24", "day", ["2022-03-24", "2022-03-24"])),
        (
            "Fighting escalated late last year.",
            "late last year",
            ("2021", "year", ["2021-09-01", "2021-12-31"]),
        ),
        (
            "Talks resume early next month.",
            "early next month",
            ("2022-04", "month", ["2022-04-01", "2022-04-10"]),
        ),
    ],
)
def test_relative_periods(run_text, sentence, surface, expected) -> None:
    assert values(run_text(sentence))[surface] == expected


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        (
            "The city has been under siege since early March.",
            "since early March",
            ("2022-03", "month", ["2022-03-01", "2022-03-23"]),
        ),
        (
            "Rains intensified in mid-February.",
            "mid-February",
            ("2022-02", "month", ["2022-02-11", "2022-02-20"]),
        ),
        ("The harvest failed in late 2021.", "late 2021", ("2021", "year", ["2021-09-01", "2021-12-31"])),
        ("She has led the party since 2015.", "since 2015", ("2015", "year", ["2015-01-01", "2022-03-23"])),
        (
            "They met in December 2016 in Moscow.",
            "December 2016",
            ("2016-12", "month", ["2016-12-01", "2016-12-31"]),
        ),
        (
            "A school was destroyed on March 18.",
            "March 18",
            ("2022-03-18", "day", ["2022-03-18", "2022-03-18"]),
        ),
        ("Voting ends on 5 April 2021.", "5 April 2021", ("2021-04-05", "day", ["2021-04-05", "2021-04-05"])),
        (
            "It happened on Tuesday, March 22, 2022.",
            "Tuesday, March 22, 2022",
            ("2022-03-22", "day", ["2022-03-22", "2022-03-22"]),
        ),
        (
            "The decree is dated 2021-11-30.",
            "2021-11-30",
            ("2021-11-30", "day", ["2021-11-30", "2021-11-30"]),
        ),
        ("He rose to power in the 1990s.", "the 1990s", ("199X", "decade", ["1990-01-01", "1999-12-31"])),
        (
            "Oil boomed in the early 2000s.",
            "the early 2000s",
            ("200X", "decade", ["2000-01-01", "2003-12-31"]),
        ),
        ("The band was famous in the '80s.", "the '80s", ("198X", "decade", ["1980-01-01", "1989-12-31"])),
        ("In 2020, he was named envoy.", "2020", ("2020", "year", ["2020-01-01", "2020-12-31"])),
        (
            "They criticised the 2016 military operations.",
            "2016",
            ("2016", "year", ["2016-01-01", "2016-12-31"]),
        ),
        ("Markets rallied this weekend.", "this weekend", ("2022-W12", "week", ["2022-03-26", "2022-03-27"])),
    ],
)
def test_absolute_and_partial_dates(run_text, sentence, surface, expected) -> None:
    assert values(run_text(sentence))[surface] == expected


def test_yearless_dates_and_months_take_the_year_the_tense_implies(run_text) -> None:
    assert (
        value_of(run_text, "Six men were arrested on December 28.", "December 28", "2023-01-05")
        == "2022-12-28"
    )
    assert value_of(run_text, "The monsoon will peak in July.", "July", "2022-03-23") == "2022-07"
    assert value_of(run_text, "Fighting flared in November.", "November", "2022-03-23") == "2021-11"
    assert value_of(run_text, "The troops arrived on Sept 11.", "Sept 11", "2022-03-23") == "2021-09-11"


@pytest.mark.parametrize(
    "sentence",
    [
        "Chubais, 66, had resigned.",
        "Russia may still be hoping to make gains.",
        "The front is now static.",
        "Poland expelled 45 Russian diplomats.",
        "Officials counted 2,020 people and 1,999 tents.",
        "Theresa May met the envoy.",
        "It was a four-week war.",
        "Crowds march through the capital.",
        "Ash Wednesday services were cancelled.",
        "Farmers hope for a better tomorrow.",
    ],
)
def test_no_false_dates(run_text, sentence) -> None:
    assert run_text(sentence).times == []


def test_without_publication_date_relative_times_stay_unresolved(run_text) -> None:
    article = run_text(
        "Troops withdrew on Tuesday and last week; the treaty dates from May 2019.", published=None
    )
    found = values(article)
    assert found["Tuesday"] == (None, "day", None)
    assert found["last week"] == (None, "week", None)
    assert found["May 2019"] == ("2019-05", "month", ["2019-05-01", "2019-05-31"])


def test_spans_point_at_their_text(run_text) -> None:
    article = run_text("Floods struck on Sunday. Rescuers will return on Friday.")
    for t in article.times:
        assert article.text[t.start : t.end] == t.text
    assert [x.text for x in article.times] == ["Sunday", "Friday"]


@settings(max_examples=15, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)), st.sampled_from(range(7)))
def test_weekday_resolution_stays_within_a_week(run_text, pub: date, weekday: int) -> None:
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]
    article = run_text(f"Troops attacked the town on {name}. Envoys will meet on {name}.", pub.isoformat())
    past, future = (date.fromisoformat(t.value) for t in article.times)
    assert past.weekday() == future.weekday() == weekday
    assert pub - timedelta(days=6) <= past <= pub <= future <= pub + timedelta(days=6)
