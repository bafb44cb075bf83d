"""Quantities: counts with nouns and qualifiers, vague counts, money and percent, and what is not a count."""

from __future__ import annotations

import json

import pytest

from eventwire.model import Article


def found(article: Article) -> dict[str, tuple[int | float | None, str | None, str]]:
    """Surface text → (value, unit, qualifier) for every quantity found."""
    return {q.text: (q.value, q.unit, q.qualifier) for q in article.quantities}


def test_seed_gold_quantities(seed: Article, shared_dir) -> None:
    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))["quantities"]
    for g in gold:
        assert any(g["surface"] in q.text and q.value == g["value"] for q in seed.quantities), g


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        # floods, storms
        (
            "Floods in Kerala killed at least 12 people on Sunday.",
            "at least 12 people",
            (12, "person", "at least"),
        ),
        (
            "Monsoon rains destroyed five hundred homes in Sindh.",
            "five hundred homes",
            (500, "home", "exact"),
        ),
        (
            "The cyclone displaced more than 1.2 million people in Mozambique.",
            "more than 1.2 million people",
            (1200000, "person", "more than"),
        ),
        (
            "Some 3,000 villagers were evacuated from the river banks.",
            "Some 3,000 villagers",
            (3000, "villager", "about"),
        ),
        # protests
        (
            "Police fired tear gas at about 400 protesters in Santiago.",
            "about 400 protesters",
            (400, "protester", "about"),
        ),
        ("Twenty-five students were injured in Dhaka.", "Twenty-five students", (25, "student", "exact")),
        (
            "Nearly two hundred and fifty demonstrators marched in Lagos.",
            "Nearly two hundred and fifty demonstrators",
            (250, "demonstrator", "about"),
        ),
        # arrests
        (
            "Authorities in Hong Kong arrested 2 dozen activists.",
            "2 dozen activists",
            (24, "activist", "exact"),
        ),
        ("Up to 60 journalists were detained in Minsk.", "Up to 60 journalists", (60, "journalist", "up to")),
        (
            "Fewer than 10 police officers were on duty.",
            "Fewer than 10 police officers",
            (10, "police officer", "fewer than"),
        ),
        ("Poland expelled 45 Russian diplomats.", "45 Russian diplomats", (45, "diplomat", "exact")),
        ("Shelling killed two civilians in Kharkiv.", "two civilians", (2, "civilian", "exact")),
        ("A million people lost power.", "A million people", (1000000, "person", "exact")),
        ("Organisers said 2000 people marched in Nairobi.", "2000 people", (2000, "person", "exact")),
        ("Villagers counted a dozen dead cattle.", "a dozen dead cattle", (12, "cattle", "about")),
        ("Forecasters expect a busy season with 14 named storms.", "14 named storms", (14, "storm", "exact")),
        (
            "Seven of the detained students were released.",
            "Seven of the detained students",
            (7, "student", "exact"),
        ),
    ],
)
def test_counts_with_their_nouns_and_qualifiers(run_text, sentence, surface, expected) -> None:
    assert found(run_text(sentence))[surface] == expected


@pytest.mark.parametrize(
    ("sentence", "surface", "expected"),
    [
        (
            "Dozens of protesters gathered outside parliament.",
            "Dozens of protesters",
            (12, "protester", "at least"),
        ),
        ("Hundreds of people were buried alive.", "Hundreds of people", (100, "person", "at least")),
        ("Thousands of farmers blocked the highway.", "Thousands of farmers", (1000, "farmer", "at least")),
        (
            "Tens of thousands of workers went on strike.",
            "Tens of thousands of workers",
            (10000, "worker", "at least"),
        ),
        (
            "Hundreds of thousands of people fled the city.",
            "Hundreds of thousands of people",
            (100000, "person", "at least"),
        ),
        ("Scores of houses collapsed in the flood.", "Scores of houses", (20, "house", "at least")),
        ("Several journalists were detained.", "Several journalists", (10, "journalist", "about")),
        ("A dozen soldiers were wounded.", "A dozen soldiers", (12, "soldier", "about")),
    ],
)
def test_vague_counts_follow_acled(run_text, sentence, surface, expected) -> None:
    assert found(run_text(sentence))[surface] == expected


def test_money_and_percent_are_not_people(run_text) -> None:
    got = found(
        run_text(
            "The bank pledged $5 million and €3 billion; 40% of the district and 12 percent of farms flooded."
        )
    )
    assert got["$5 million"] == (5000000, "USD", "exact")
    assert got["€3 billion"] == (3000000000, "EUR", "exact")
    assert got["40%"] == (40, "percent", "exact")
    assert got["12 percent"] == (12, "percent", "exact")
    assert found(run_text("The war cost 2bn dollars."))["2bn dollars"] == (2000000000, "USD", "exact")


def test_a_count_without_a_noun_is_kept_as_an_argument(run_text) -> None:
    assert found(run_text("The death toll rose to 35, the governor said."))["35"] == (35, None, "exact")


@pytest.mark.parametrize(
    "sentence",
    [
        "Chubais, 66, had resigned.",
        "The activist, aged 31, was released.",
        "A 17-year-old boy was shot.",
        "The victim was 72 years old.",
        "The curfew starts at 9 p.m. each day.",
        "Flight 17 was shot down in 2014.",
        "He rose to power in the 1990s and left on March 11.",
        "He is one of the leaders of the opposition.",
        "It was a four-week war.",
        "The G7 met in Elmau.",
        "At the age of 12 she won a prize.",
        "Her birth year was given as 1912.",
        "Call the hotline on 1 877 855-3222.",
        "The club is a 501(c)(3) charity.",
        "The team reached the Final Four and the match was shown on BBC Two.",
        "A man in his 60's was hurt.",
        "The plot was sold for N60 million.",
    ],
)
def test_not_counts(run_text, sentence) -> None:
    assert run_text(sentence).quantities == []


def test_spans_point_at_their_text(run_text) -> None:
    article = run_text("Police arrested 14 students. Later, 3 teachers were freed.")
    for q in article.quantities:
        assert article.text[q.start : q.end] == q.text
    assert [x.text for x in article.quantities] == ["14 students", "3 teachers"]


def test_a_tables_figures_are_counts(run_text) -> None:
    table = "| Province | Dead | Missing |\n|---|---|---|\n| Dorran | 19 | 12 |\n| Leyth | 11 | 3 |"
    article = run_text(
        f"Floods killed 41 people in two provinces, the agency said.\n\n{table}", title="Floods"
    )
    [kind] = [p.kind for p in article.paragraphs if article.text[p.start : p.end].startswith("| Province")]
    assert kind == "table"
    got = found(article)
    assert {k: got[k] for k in ("19", "12", "11", "3")} == {
        k: (int(k), None, "exact") for k in ("19", "12", "11", "3")
    }
    assert got["41 people"] == (41, "person", "exact")
    assert all("|" not in (q.unit or "") for q in article.quantities)  # a pipe counts nothing


@pytest.mark.parametrize(
    "text",
    [
        "COTABATO CITY — Three people were killed in the town.",
        "Update: Three people were killed in the town.",
    ],
)
def test_a_dateline_dash_or_a_colon_opens_a_sentence(run_text, text) -> None:
    assert [(q.text, q.value) for q in run_text(text).quantities] == [("Three people", 3)]


def test_a_number_the_parser_put_in_a_name_still_counts_the_plural_after_it(run_text) -> None:
    article = run_text("Three Somali National Army soldiers were killed near the town.")
    assert [(q.text, q.value) for q in article.quantities] == [("Three Somali National Army soldiers", 3)]
