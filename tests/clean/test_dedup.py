"""Dropping repeats: exact, near and truncated duplicates, with reasons; paraphrases kept."""

from __future__ import annotations

from eventwire.clean import clean_steps
from eventwire.knowledge import load_knowledge
from eventwire.model import Article, RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

TITLE = "Police fire tear gas at fuel price protesters in Lagos"
LEAD = "Police in Lagos fired tear gas and arrested at least 37 people on Thursday, officials said."
SECOND = "The protesters had blocked the expressway near the Lekki toll gate for about three hours."
THIRD = "Similar marches took place in Abuja, Kano and Port Harcourt, where turnout was lower."


def clean(text: str, settings: Settings | None = None) -> Article:
    return Pipeline(clean_steps(settings or Settings(), load_knowledge())).run(
        RawArticle(text=text, source=Source(path="t.txt"))
    )


def kept(article: Article) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs]


def drops(article: Article) -> list[tuple[int, str, int | None]]:
    return [(d.raw_line, d.reason, d.duplicate_of) for d in article.dropped]


def test_exact_duplicates_in_a_different_order() -> None:
    a = clean("\n\n".join([TITLE, LEAD, SECOND, THIRD, SECOND, LEAD]))
    assert kept(a) == [TITLE, LEAD, SECOND, THIRD]
    assert drops(a) == [(4, "duplicate", 2), (5, "duplicate", 1)]
    assert [p.raw_lines for p in a.paragraphs] == [[0], [1, 5], [2, 4], [3]]


def test_quotes_and_apostrophes_do_not_make_a_paragraph_new() -> None:
    curly = "“We are hungry,” said Ada’s mother, who joined the march in Ikeja on Thursday."
    straight = '"We are hungry," said Adas mother, who joined the march in Ikeja on Thursday.'
    a = clean("\n\n".join([TITLE, curly, straight, LEAD]))
    assert kept(a) == [TITLE, curly, LEAD]
    assert drops(a) == [(2, "duplicate", 1)]


def test_near_duplicate_keeps_the_longer_version() -> None:
    typo = LEAD.replace("Thursday", "Thurday")
    a = clean("\n\n".join([TITLE, typo, SECOND, LEAD]))
    assert kept(a) == [TITLE, SECOND, LEAD]  # the fuller version, where it stands
    assert drops(a) == [(1, "near-duplicate", 3)]


def test_truncated_prefix_is_dropped_for_the_full_paragraph() -> None:
    cut = SECOND[:40] + "…"
    a = clean("\n\n".join([TITLE, LEAD, cut, SECOND, THIRD]))
    assert kept(a) == [TITLE, LEAD, SECOND, THIRD]
    assert drops(a) == [(2, "truncated-duplicate", 3)]


def test_truncated_copy_after_the_full_one() -> None:
    a = clean("\n\n".join([TITLE, LEAD, SECOND, THIRD[:50]]))
    assert kept(a) == [TITLE, LEAD, SECOND, THIRD[:50]]  # no fuller version: kept as it is
    b = clean("\n\n".join([TITLE, LEAD, THIRD, SECOND, THIRD[:50]]))
    assert drops(b) == [(4, "truncated-duplicate", 2)]


def test_a_line_and_its_cut_copy_on_the_next_line_are_not_one_paragraph() -> None:
    a = clean("\n\n".join([TITLE, LEAD + "\n" + LEAD[:36], SECOND]))
    assert kept(a) == [TITLE, LEAD, SECOND]
    assert drops(a) == [(2, "truncated-duplicate", 1)]
    assert kept(clean(a.text, None)) == kept(a)  # cleaning the cleaned text changes nothing


def test_short_prefixes_are_not_truncations() -> None:
    a = clean(
        "\n\n".join([TITLE, "Police said", "Police said the march was illegal and had not been approved."])
    )
    assert "Police said" in kept(a)
    assert a.dropped == []
    loose = clean("\n\n".join([TITLE, "Police said", "Police said so."]), Settings(truncated_min_chars=5))
    assert [d.reason for d in loose.dropped] == ["truncated-duplicate"]


def test_paraphrases_sharing_words_are_kept() -> None:
    caption = "Police fire tear gas at protesters near the Lekki toll gate in Lagos on Thursday. Photo: AFP"
    retold = (
        "Police fired tear gas at protesters near the Lekki toll gate in Lagos on Thursday, witnesses said."
    )
    a = clean("\n\n".join([TITLE, retold, SECOND, caption]))
    assert kept(a) == [TITLE, retold, SECOND, caption]
    assert a.dropped == []


def test_a_chain_of_copies_points_at_the_kept_paragraph() -> None:
    cut = LEAD[:45]
    a = clean("\n\n".join([TITLE, cut, LEAD, LEAD.replace("’", "'"), LEAD]))
    assert kept(a) == [TITLE, LEAD]
    assert {d.duplicate_of for d in a.dropped} == {2}
    assert a.paragraphs[1].raw_lines == [1, 2, 3, 4]


def test_near_duplicate_ratio_is_a_setting() -> None:
    other = LEAD.replace("37", "73")
    assert len(clean("\n\n".join([TITLE, LEAD, other])).paragraphs) == 2
    assert len(clean("\n\n".join([TITLE, LEAD, other]), Settings(near_duplicate_ratio=0.999)).paragraphs) == 3
