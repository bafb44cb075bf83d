"""Time expressions: every rule with sentences of our own, the seed's gold, and the offset invariant."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from eventwire.knowledge import load_knowledge
from eventwire.language.times import clause_tense
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
        "Supplies reached Christmas Island by boat.",
        "The siege lasted for three weeks.",
        "Two thousand people marched.",
        "Prices may fall further.",
        "The fall of the city shocked the region.",
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


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        # a verb of planning or putting off points ahead whatever its tense
        ("The ministry has scheduled a briefing for Thursday.", "Thursday", "2022-03-24"),
        ("The rally was planned for Saturday.", "Saturday", "2022-03-26"),
        ("The hearing was postponed until Tuesday.", "Tuesday", "2022-03-29"),
        ("Leaders agreed on a summit set for May.", "May", "2022-05"),
        # a modal governs its own verb, not a time on the subject
        ("Officials warned that the attack on Sunday could derail the vote.", "Sunday", "2022-03-20"),
        ("The blast may have damaged the bridge on Monday.", "Monday", "2022-03-21"),
        # "last" before a day and month; a colon or comma after the day keeps it
        ("The plant closed last Sept. 14 after a fire.", "last Sept. 14", "2021-09-14"),
        ("The agenda for Monday, March 28: a vote on the budget.", "Monday, March 28", "2022-03-28"),
        ("The day before last Tuesday, the rebels withdrew.", "The day before last Tuesday", "2022-03-21"),
    ],
)
def test_tense_scheduling_and_the_parts_of_a_date(run_text, sentence, surface, expected) -> None:
    assert value_of(run_text, sentence, surface) == expected


def test_a_time_before_the_word_that_opens_a_clause_takes_no_tense_from_it(run_text) -> None:
    """When the parse puts a time inside a later clause ("warnings on Monday that … could harm"), the
    clause's modal does not date it: the nearest Monday, not the next."""
    words = [
        "Critics",
        "brushed",
        "off",
        "warnings",
        "on",
        "Monday",
        "that",
        "prices",
        "could",
        "rise",
        "by",
        "Friday",
    ]
    heads = [9, 9, 1, 2, 1, 4, 9, 9, 9, 9, 9, 10]
    deps = ["nsubj", "advmod", "prt", "pobj", "prep", "pobj", "mark", "nsubj", "aux", "ROOT", "prep", "pobj"]
    pos = ["NOUN", "ADJ", "ADP", "NOUN", "ADP", "PROPN", "SCONJ", "NOUN", "AUX", "VERB", "ADP", "PROPN"]
    tags = ["NNS", "JJ", "RP", "NNS", "IN", "NNP", "IN", "NNS", "MD", "VB", "IN", "NNP"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    time_words = load_knowledge().language.times
    assert clause_tense(doc[5], time_words) == "present"
    assert clause_tense(doc[11], time_words) == "future"  # the clause's own time keeps its modal
    sentence = (
        "President Garcia, meantime, glossed over stern warnings from Madrid on Monday that the "
        "sanctions could do serious harm to relations with Spain."
    )
    assert value_of(run_text, sentence, "Monday") == "2022-03-21"


def test_a_relative_word_written_as_a_title_is_a_name(run_text) -> None:
    text = (
        'You are listening to Radio Kestrel Today. Speaking on the programme "This Month," the mayor said '
        "the bridge would open today. Today the council meets; last week it did not."
    )
    found = [(t.text, t.start, t.value) for t in run_text(text).times]
    assert found == [
        ("today", text.index("today"), "2022-03-23"),
        ("Today", text.index("Today the"), "2022-03-23"),
        ("last week", text.index("last week"), "2022-W11"),
    ]


def test_a_payment_date_in_december_is_next_january(run_text) -> None:
    sentence = "The board declared a dividend payable Jan. 5 to holders of record Dec. 20."
    found = values(run_text(sentence, "2022-12-10"))
    assert found["Jan. 5"][0] == "2023-01-05"
    assert found["Dec. 20"][0] == "2022-12-20"


@pytest.mark.parametrize(
    ("sentence", "published", "surface", "expected"),
    [
        ("Crops failed last fall.", PUB, "last fall", ("2021-FA", "season", ["2021-09-01", "2021-11-30"])),
        (
            "The dam will be finished this summer.",
            PUB,
            "this summer",
            ("2022-SU", "season", ["2022-06-01", "2022-08-31"]),
        ),
        (
            "Snow closed the pass in the winter of 2019.",
            PUB,
            "winter of 2019",
            ("2019-WI", "season", ["2019-12-01", "2020-02-29"]),
        ),
        (
            "Profit rose 8% in the third quarter.",
            "2022-10-20",
            "the third quarter",
            ("2022-Q3", "quarter", None),
        ),
        ("Third-quarter sales fell.", "2022-10-20", "Third-quarter", ("2022-Q3", "quarter", None)),
        (
            "The firm expects a loss in the first quarter.",
            "2022-10-20",
            "the first quarter",
            ("2023-Q1", "quarter", None),
        ),
        (
            "Output grew in the fourth quarter of 2021.",
            PUB,
            "the fourth quarter of 2021",
            ("2021-Q4", "quarter", None),
        ),
        (
            "Orders slowed in the current quarter.",
            "2022-10-20",
            "the current quarter",
            ("2022-Q4", "quarter", None),
        ),
        ("Churches were built in the 12th century.", PUB, "the 12th century", ("11XX", "century", None)),
        ("The band toured widely in the nineties.", PUB, "the nineties", ("199X", "decade", None)),
        ("The mine opened in nineteen ninety-six.", PUB, "nineteen ninety-six", ("1996", "year", None)),
        ("Markets were calm in the year two thousand.", PUB, "the year two thousand", ("2000", "year", None)),
        ("Crowds gathered over the weekend.", PUB, "the weekend", ("2022-W11", "week", None)),
        ("Rents doubled over the past year.", PUB, "past year", ("2021", "year", None)),
    ],
)
def test_seasons_quarters_centuries_and_spoken_years(
    run_text, sentence, published, surface, expected
) -> None:
    value, precision, span_range = values(run_text(sentence, published))[surface]
    assert (value, precision) == expected[:2]
    assert expected[2] is None or span_range == expected[2]


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        ("Families gathered for Thanksgiving.", "Thanksgiving", "2021-11-25"),
        ("Pilgrims will arrive before Easter.", "Easter", "2022-04-17"),
        ("Turnout was high on Election Day.", "Election Day", "2021-11-02"),
        ("The strike began on Christmas Eve 2019.", "Christmas Eve 2019", "2019-12-24"),
        ("Ash Wednesday services were cancelled.", "Ash Wednesday", "2022-03-02"),
    ],
)
def test_holidays(run_text, sentence, surface, expected) -> None:
    assert value_of(run_text, sentence, surface) == expected


def test_anaphoric_dates_count_from_the_last_date_told(run_text) -> None:
    article = run_text(
        "The ceasefire began on June 3, 2021. Later that day, shelling resumed near the river. "
        "The next morning, envoys met in a border town.\n\n"
        "The treaty was signed in 1998. A year earlier, talks had collapsed; later that year, "
        "the border reopened, and the following year elections were held."
    )
    found = values(article)
    assert found["Later that day"][0] == "2021-06-03"
    assert found["The next morning"][0] == "2021-06-04"
    assert found["A year earlier"][0] == "1997"
    assert found["later that year"][0] == "1998"
    assert found["the following year"][0] == "1999"


def test_a_year_back_from_a_quarter_counts_in_quarters(run_text) -> None:
    article = run_text(
        "Net income rose 12% in the third quarter from a year earlier. Sales in the year-ago quarter "
        "were hurt by a strike, and costs were higher a year ago.",
        "2022-10-20",
    )
    found = values(article)
    assert found["a year earlier"][0] == "2021-Q3"
    assert found["the year-ago quarter"][0] == "2021-Q3"
    assert found["a year ago"][0] == "2021-Q3"


def test_an_anaphor_without_a_fine_enough_date_is_unresolved(run_text) -> None:
    found = values(
        run_text(
            "The region was annexed in 2014. That day, crowds filled the square. Shops shut for the week."
        )
    )
    assert found["That day"] == (None, "day", None)
    assert found["the week"][0] == "2022-W12"  # the publication's, not unresolved


@pytest.mark.parametrize(
    ("sentence", "published", "surface", "expected"),
    [
        (
            "Earnings will slip in the second half of 2023.",
            PUB,
            "the second half of 2023",
            ("2023-H2", "half", ["2023-07-01", "2023-12-31"]),
        ),
        ("First-half revenue climbed 4%.", "2022-10-20", "First-half", ("2022-H1", "half", None)),
        (
            "The mill expects a recovery in the last half of the year.",
            "2022-04-11",
            "the last half of the year",
            ("2022-H2", "half", None),
        ),
        (
            "Orders should pick up over the first two quarters of next year.",
            "2022-10-20",
            "the first two quarters of next year",
            ("2023-H1", "half", None),
        ),
    ],
)
def test_half_years(run_text, sentence, published, surface, expected) -> None:
    value, precision, span_range = values(run_text(sentence, published))[surface]
    assert (value, precision) == expected[:2]
    assert expected[2] is None or span_range == expected[2]


@pytest.mark.parametrize(
    "sentence",
    [
        "The keeper was injured in the first half of the match.",
        "Traffic stopped for the last half hour.",
        "The second half of the report deals with prisons.",
    ],
)
def test_halves_of_other_things_are_no_dates(run_text, sentence) -> None:
    assert run_text(sentence).times == []


@pytest.mark.parametrize(
    ("sentence", "published", "surface", "expected"),
    [
        # the end of a year: the publication's, the one before in a past clause
        ("The bank hopes to close the deal by year-end.", "2022-10-20", "year-end", "2022"),
        ("Shares have lost 9% since year-end.", "2022-10-20", "since year-end", "2021"),
        ("Repairs must be done by the year's end.", "2022-10-20", "year's end", "2022"),
        # a part of "the month" or "the year": of the last date told, else of publication
        ("Troops should be home by the end of the month.", PUB, "the end of the month", "2022-03"),
        ("The mine opened in 2016 and closed at the end of the year.", PUB, "the end of the year", "2016"),
        ("The firm sees higher sales for the full year.", "2022-10-20", "the full year", "2022"),
        ("Revenue fell in the latest fiscal year.", "2022-10-20", "latest fiscal year", "2021"),
    ],
)
def test_ends_of_periods_and_the_year_of_a_report(run_text, sentence, published, surface, expected) -> None:
    assert value_of(run_text, sentence, surface, published) == expected


def test_the_end_of_the_month_covers_its_last_days(run_text) -> None:
    found = values(run_text("Aid should arrive by the end of the month."))
    assert found["the end of the month"] == ("2022-03", "month", ["2022-03-21", "2022-03-31"])


def test_a_year_back_after_the_months_to_date_is_a_year(run_text) -> None:
    article = run_text(
        "Net income rose in the third quarter from a year earlier.\n\n"
        "For the nine months, profit was $4 million, against $3 million a year earlier, and year-earlier "
        "sales were lower.",
        "2022-10-20",
    )
    found = [(t.text, t.value) for t in article.times]
    assert found == [
        ("the third quarter", "2022-Q3"),
        ("a year earlier", "2021-Q3"),
        ("a year earlier", "2021"),
        ("year-earlier", "2021"),
    ]


def test_a_year_given_to_the_period_named_keeps_its_quarter(run_text) -> None:
    found = values(
        run_text("Profit rose in the third quarter. In the 2021 period, costs had been higher.", "2022-10-20")
    )
    assert found["the 2021 period"][0] == "2021-Q3"


@pytest.mark.parametrize(
    ("sentence", "published", "surface", "expected"),
    [
        # a Sunday's last week is the week that ends that day
        ("Talks stalled last week.", "2022-03-20", "last week", "2022-W11"),
        ("Talks stalled last week.", "2022-03-21", "last week", "2022-W11"),
        # the weekday before or after the last day told
        (
            "The index closed at 310 on March 11, down 2% from the previous Friday.",
            PUB,
            "the previous Friday",
            "2022-03-04",
        ),
        (
            "Rebels took the town on March 2 and left the following Monday.",
            PUB,
            "the following Monday",
            "2022-03-07",
        ),
        # a count of units ahead in a future clause; a vague count of years is the decade
        ("The bonds will be repaid in five years.", PUB, "in five years", "2027"),
        ("The ferry was sold a few years ago.", PUB, "a few years ago", "201X"),
        # a single year back is the same month then; a longer count, the year
        ("The port now handles 40 ships a day, up from 25 a year ago.", PUB, "a year ago", "2021-03"),
        ("The old dam burst five years ago.", PUB, "five years ago", "2017"),
        ("Villagers fled in July last year.", PUB, "July last year", "2021-07"),
        ("A second inquiry started later in the day.", PUB, "later in the day", "2022-03-23"),
    ],
)
def test_weeks_weekdays_and_counts(run_text, sentence, published, surface, expected) -> None:
    assert value_of(run_text, sentence, surface, published) == expected


def test_a_count_of_years_outside_a_future_clause_is_no_date(run_text) -> None:
    assert run_text("Prices reached their highest level in five years.").times == []


def test_the_period_of_a_report_is_its_first_quarter(run_text) -> None:
    found = values(
        run_text(
            "Net income rose 9% in the third quarter.\n\n"
            "After a weak second quarter, sales of tissue recovered.\n\n"
            "Charges taken in the year-ago period were larger.",
            "2022-10-20",
        )
    )
    assert found["the year-ago period"][0] == "2021-Q3"


@pytest.mark.parametrize(
    ("sentence", "published", "surface", "expected"),
    [
        # a month that qualifies a noun is the nearest one: the verb's tense is not the month's
        (
            "The firm said it is still bound by a June agreement with its lenders.",
            "2022-10-20",
            "June",
            "2022-06",
        ),
        ("The agency reported a cut in fuel exports in September.", "2022-08-16", "September", "2022-09"),
        # a month the verb governs keeps the verb's tense
        ("Fighting flared in September.", "2022-08-16", "September", "2021-09"),
    ],
)
def test_a_month_on_a_noun_is_the_nearest(run_text, sentence, published, surface, expected) -> None:
    assert value_of(run_text, sentence, surface, published) == expected


def test_a_year_back_from_the_quarter_referred_to_counts_in_quarters(run_text) -> None:
    article = run_text(
        "Profit rose in the third quarter ended Sept. 30.\n\n"
        "Loans were $6 million in the quarter, compared with $9 million a year ago.",
        "2022-10-20",
    )
    found = values(article)
    assert found["the quarter"][0] == "2022-Q3"
    assert found["a year ago"][0] == "2021-Q3"


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        (
            "Demand should recover in the first quarter of next year.",
            "the first quarter of next year",
            "2023-Q1",
        ),
        ("Margins were thin in 2021's third quarter.", "2021's third quarter", "2021-Q3"),
        ("Costs climbed in 2020's second half.", "2020's second half", "2020-H2"),
    ],
)
def test_a_quarter_or_half_of_a_year_named_after_or_before_it(run_text, sentence, surface, expected) -> None:
    assert value_of(run_text, sentence, surface, "2022-10-20") == expected


def test_a_weekday_in_the_possessive_without_a_tense_is_the_last_one(run_text) -> None:
    sentence = "The notes convert at a 20% premium over Thursday's closing price."
    assert value_of(run_text, sentence, "Thursday", "2022-03-21") == "2022-03-17"


def test_the_quarter_ended_in_a_month(run_text) -> None:
    found = values(run_text("In the quarter ended July 31, the chain sold 40 stores.", "2022-10-20"))
    assert found["the quarter"][0] == "2022-Q2"  # May to July: mostly the second calendar quarter
    found = values(
        run_text(
            "The mill posted a profit for the fiscal first quarter. Orders rose in the quarter ended "
            "Sept. 30.",
            "2022-10-20",
        )
    )
    assert found["the quarter"][0] == found["the fiscal first quarter"][0]


def test_a_season_before_or_after_the_last_date_told(run_text) -> None:
    found = values(
        run_text(
            "The dam was begun in March 2015; the previous winter had been dry and the following summer wet."
        )
    )
    assert found["the previous winter"][0] == "2014-WI"
    assert found["the following summer"][0] == "2015-SU"


def test_the_year_ended_in_a_month(run_text) -> None:
    found = values(run_text("Sales for the year ended Dec. 31 rose 4%.", "2022-03-05"))
    assert found["the year"][0] == "2021"


def test_a_count_of_units_after_a_coarser_date(run_text) -> None:
    found = values(
        run_text(
            "In May, four drivers were seized near the border; they were freed a week later.\n\n"
            "In late 2019, an engineer was abducted and released several months later."
        )
    )
    assert found["a week later"][:2] == ("2021-05", "month")  # the May before publication
    assert found["several months later"] == (None, "month", None)
