"""Splitting raw text into blocks, with raw line numbers."""

from __future__ import annotations

import pytest

from eventwire.clean.blocks import Split
from eventwire.errors import EventwireError
from eventwire.knowledge import load_knowledge
from eventwire.model import RawArticle, Source
from eventwire.settings import Settings


def split(text: str, captions: list[str] | None = None):
    return Split(Settings(), load_knowledge()).process(
        RawArticle(text=text, source=Source(path="t.txt"), captions=captions or [])
    )


def test_blank_line_blocks_join_their_lines() -> None:
    draft = split("Title line\n\nFirst paragraph\ncontinues here.\n\n\n  Second paragraph.  \n")
    assert [(b.text, b.raw_lines) for b in draft.blocks] == [
        ("Title line", [0]),
        ("First paragraph continues here.", [1, 2]),
        ("Second paragraph.", [3]),
    ]


def test_one_block_a_line_without_blank_lines() -> None:
    draft = split("Title line\nFirst paragraph.\nSecond paragraph.")
    assert [(b.text, b.raw_lines) for b in draft.blocks] == [
        ("Title line", [0]),
        ("First paragraph.", [1]),
        ("Second paragraph.", [2]),
    ]


def test_reader_captions_follow_the_body_with_a_hint() -> None:
    draft = split("Title\n\nBody.", captions=["Rescuers search the rubble. Photo: AP"])
    last = draft.blocks[-1]
    assert (last.text, last.raw_lines, last.hint) == ("Rescuers search the rubble. Photo: AP", [2], "caption")


def test_keys_and_repair() -> None:
    draft = split("Somaliaâ€™s army said so.\n\nSomalia's army said so.")
    assert draft.blocks[0].text == "Somalia’s army said so."
    assert draft.blocks[0].key == draft.blocks[1].key


def test_nothing_to_split() -> None:
    with pytest.raises(EventwireError) as info:
        split("\n \n")
    assert info.value.code == "EW102"


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = (
        "Floodwaters have killed at least 30 people in Pakistan's southern Sindh\n"
        "province over the past 48 hours, the provincial disaster management\n"
        "authority said on Friday.\n\n"
        "Most of the dead were children, the authority said."
    )
    draft = split(wrapped)
    assert [b.raw_lines for b in draft.blocks] == [[0, 1, 2], [3]]
    assert draft.blocks[0].text.startswith(
        "Floodwaters have killed at least 30 people in Pakistan's southern Sindh province"
    )


def test_a_headline_right_above_the_first_paragraph_stays_apart() -> None:
    text = (
        "Floods kill 30 in Sindh\n"
        "Floodwaters have killed at least 30 people in Pakistan's southern Sindh province over the past 48 "
        "hours, the provincial disaster management authority said on Friday.\n\n"
        "Most of the dead were children, the authority said."
    )
    draft = split(text)
    assert [(b.text[:23], b.raw_lines) for b in draft.blocks] == [
        ("Floods kill 30 in Sindh", [0]),
        ("Floodwaters have killed", [1]),
        ("Most of the dead were c", [2]),
    ]


def test_hard_wrapped_text_without_blank_lines_is_unwrapped() -> None:
    import textwrap

    paras = [
        "Police in Dhaka arrested two senior leaders of the opposition early on Sunday, a day after a "
        "rally in the capital ended in clashes that left a policeman and an activist dead.",
        "A police spokesman said the two were detained at their homes and accused of instigating the "
        "violence, in which more than 100 people were injured, most of them by rubber bullets.",
        "The party called a nationwide general strike for Monday in protest against the arrests.",
    ]
    text = "Bangladesh police arrest opposition leaders\n" + "\n".join(textwrap.fill(p, 72) for p in paras)
    draft = split(text)
    assert [b.text for b in draft.blocks] == ["Bangladesh police arrest opposition leaders", *paras]
    assert draft.blocks[1].raw_lines == [1, 2, 3]


@pytest.mark.parametrize("copy", ["Police in Lagos fired tear gas at pr", "Police in Lagos fired tear"])
def test_a_line_printed_twice_is_never_one_wrapped_paragraph(copy: str) -> None:
    """A line scraped twice in a row, whole or cut shorter, stays two blocks (dedup drops the copy), so
    cleaning the cleaned text again finds the same paragraphs."""
    draft = split(f"Police in Lagos fired tear gas at pr\n{copy}\n\nThe rest of the story.")
    assert [b.text for b in draft.blocks] == [
        "Police in Lagos fired tear gas at pr",
        copy,
        "The rest of the story.",
    ]


def test_a_boilerplate_line_is_never_part_of_a_wrapped_paragraph() -> None:
    draft = split("Police in Lagos fired tear gas at pr\nAdvertisement\n\nThe rest of the story.")
    assert [b.text for b in draft.blocks] == [
        "Police in Lagos fired tear gas at pr",
        "Advertisement",
        "The rest of the story.",
    ]
