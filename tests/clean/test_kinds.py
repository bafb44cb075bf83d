"""Caption, body or boilerplate: the signals of `knowledge/en/clean.json`, not any one article's lines."""

from __future__ import annotations

import pytest

from eventwire.clean import clean_steps
from eventwire.clean.blocks import Block
from eventwire.clean.kinds import Captions
from eventwire.knowledge import load_knowledge
from eventwire.knowledge.pack import PackFiles
from eventwire.model import Article, RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

TITLE = "Floods kill at least 30 in Sindh as monsoon rains swamp villages"
BODY = [
    "Floodwaters have killed at least 30 people in Sindh province over the past 48 hours, officials said.",
    "Most of the dead were children who drowned when mud houses collapsed in Dadu, the authority said.",
]


CAPTIONS = Captions(load_knowledge().language.clean, Settings())
THRESHOLD = Settings().caption_threshold


def clean(*paragraphs: str, captions: list[str] | None = None) -> Article:
    raw = RawArticle(
        text="\n\n".join([TITLE, *BODY, *paragraphs]), source=Source(path="t.txt"), captions=captions or []
    )
    return Pipeline(clean_steps(Settings(), load_knowledge())).run(raw)


def kind_of(article: Article, text: str) -> str:
    [kind] = [p.kind for p in article.paragraphs if article.text[p.start : p.end] == text]
    return kind


@pytest.mark.parametrize(
    "caption",
    [
        "Interior Minister Ali Hassan (pictured left) visited the camp in Sukkur on Saturday.",
        "Residents wade through a flooded street in Dadu district. (Photo by Asif Hassan)",
        "Flooded fields near Sukkur. Photo: AFP",
        "This satellite image taken on Friday shows the Indus overflowing near Sukkur.",
        "Submerged houses are visible from a rescue helicopter over Khairpur.",
        "A handout photo released by the army shows soldiers carrying sacks of flour.",
        "A boy carries his sister through floodwater in Larkana. REUTERS/Akhtar Soomro",
        "Rescuers pull a woman from the water in Jacobabad on Sunday.",
        "Credit: Asif Hassan",
    ],
)
def test_captions_without_duplicates(caption: str) -> None:
    assert kind_of(clean(caption, BODY[0]), caption) == "caption"


@pytest.mark.parametrize(
    "body",
    [
        "The floods were seen as the worst since 2010, when a fifth of the country was under water.",
        "The picture is still unclear, a UN official said, because aid workers cannot reach the area.",
        "A Reuters/Ipsos poll found that most Pakistanis blamed the government for the slow relief effort.",
        "Police said the officers were shown a court order before they entered the building.",
        "Credit rating agencies warned that the floods would cost the economy billions of dollars.",
        "“We lost everything in one night,” said Ghulam Rasool, a 54-year-old farmer.",
        "Officials say more rain is expected. The army has deployed boats to Dadu and Khairpur.",
    ],
)
def test_body_paragraphs_stay_body(body: str) -> None:
    assert kind_of(clean(body), body) == "body"


def test_a_reader_caption_is_a_caption() -> None:
    note = "The main road into Dadu, which the army closed on Friday, officials said."
    assert kind_of(clean(captions=[note]), note) == "caption"


def test_a_reader_caption_also_printed_in_the_body_stays_a_caption() -> None:
    note = "The main road into Dadu, which the army closed on Friday, officials said."
    a = clean(
        note, "More rain is expected over the weekend, the meteorological office said.", captions=[note]
    )
    assert kind_of(a, note) == "caption"
    assert [d.reason for d in a.dropped] == ["duplicate"]


def test_a_line_printed_twice_in_a_row_reads_as_a_caption() -> None:
    twice = "The main road into Dadu was closed by the army on Friday after the embankment broke."
    a = clean(twice, twice.replace("army", "Army"))
    assert kind_of(a, twice) == "caption"
    assert [d.reason for d in a.dropped] == ["duplicate"]


def test_scores() -> None:
    body = Block(text=BODY[0], raw_lines=[1])
    assert CAPTIONS.score(body) < THRESHOLD
    assert CAPTIONS.score(Block(text="Flooded fields. Photo: AFP", raw_lines=[2])) >= THRESHOLD
    assert CAPTIONS.score(Block(text=BODY[0], raw_lines=[1], hint="caption")) >= THRESHOLD


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT - scroll to continue",
        "Read more: Pakistan appeals for international aid",
        "See also: How the 2010 floods changed Sindh",
        "Share this article",
        "Sign up for our morning briefing",
        "© 2022 The Daily Ledger. All rights reserved.",
        "Copyright 2022 Daily Ledger",
        "Story continues below advertisement",
        "Follow us on X and Facebook",
        "By Jane Doe and Ali Khan, Reuters",
        "By Harbour Post staff · 6 January 2021",
        "Updated: 23 March 2022 10:45 GMT",
    ],
)
def test_boilerplate_is_dropped(line: str) -> None:
    assert CAPTIONS.is_boilerplate(Block(text=line, raw_lines=[0]))
    a = clean(line, "The army said it had evacuated more than 12,000 people by boat since Thursday.")
    assert line not in a.text
    assert [d.reason for d in a.dropped] == ["boilerplate"]


@pytest.mark.parametrize(
    "text",
    [
        "Read the full statement, the minister told reporters, and you will see we warned of the floods.",
        "By Friday, 30 people had died.",
        "By noon the crowd had grown to thousands.",
        "Posted on Facebook, the video showed police beating protesters.",
        "Published figures show that 30 people died in Sindh.",
    ],
)
def test_prose_is_not_boilerplate(text: str) -> None:
    assert not CAPTIONS.is_boilerplate(Block(text=text, raw_lines=[0]))


def test_signals_are_versioned_data() -> None:
    data = PackFiles("en").json("clean.json")
    assert isinstance(data["version"], int)
    assert {
        "function_words",
        "caption_patterns",
        "caption_weak_patterns",
        "scene_verbs",
        "reporting_verbs",
        "boilerplate_patterns",
        "headline_dangling_words",
    } <= set(data)


def test_the_caption_weights_are_settings() -> None:
    credit = Block(text="Flooded fields. Photo: AFP", raw_lines=[2])
    assert Captions(load_knowledge().language.clean, Settings(caption_weight_words=0.0)).score(credit) < 0.6
    assert Captions(load_knowledge().language.clean, Settings(caption_weight_words=2.0)).score(credit) >= 2.0


def _lead_story(lead: str, *rest: str, settings: Settings | None = None) -> Article:
    text = "\n\n".join(["Police fire tear gas at Lagos fuel protest", lead, *rest])
    return Pipeline(clean_steps(settings or Settings(), load_knowledge())).run(
        RawArticle(text=text, source=Source(path="t"))
    )


SCENE_LEAD = "Protesters gather outside the parliament in Lagos as lawmakers vote on a rise in fuel taxes."
REST = "The crowd had gathered at dawn to oppose a rise in the price of petrol, witnesses said."


def test_a_one_sentence_scene_lead_is_body() -> None:
    assert CAPTIONS.score(Block(text=SCENE_LEAD, raw_lines=[1])) >= THRESHOLD  # a caption anywhere else
    assert kind_of(_lead_story(SCENE_LEAD, REST), SCENE_LEAD) == "body"
    assert kind_of(_lead_story(REST, SCENE_LEAD, BODY[0]), SCENE_LEAD) == "caption"


def test_a_lead_with_more_than_weak_cues_is_still_a_caption() -> None:
    assert kind_of(_lead_story(SCENE_LEAD, SCENE_LEAD, REST), SCENE_LEAD) == "caption"  # printed twice
    credit = "Protesters gather outside the parliament in Lagos. Photo: AFP"
    assert kind_of(_lead_story(credit, REST), credit) == "caption"


def test_the_lead_weight_is_a_setting() -> None:
    story = _lead_story(SCENE_LEAD, REST, settings=Settings(caption_weight_lead=0.0))
    assert kind_of(story, SCENE_LEAD) == "caption"


def test_a_one_sentence_lead_is_body() -> None:
    lead = "Police fired tear gas at hundreds of protesters in Lagos on Thursday."
    rest = "The crowd had gathered at dawn to oppose a rise in the price of petrol, witnesses said."
    assert kind_of(_lead_story(lead, rest), lead) == "body"


def test_pictured_in_a_body_paragraph_is_one_weak_cue() -> None:
    body = (
        "The governor (pictured above) met union leaders late on Wednesday. He promised to review the"
        " price rise but gave no date, the leaders said."
    )
    assert CAPTIONS.score(Block(text=body, raw_lines=[3])) < THRESHOLD
    assert kind_of(_lead_story(BODY[0], body, BODY[1]), body) == "body"


def test_two_weak_cues_make_a_caption_and_one_strong_cue_alone() -> None:
    pictured = "The governor (pictured above) at a rally in Ikeja on Wednesday."  # pictured + one sentence
    assert CAPTIONS.score(Block(text=pictured, raw_lines=[3])) >= THRESHOLD
    credit = "Protesters near the toll gate on Thursday, after police fired tear gas. They ran. Photo: AFP"
    assert CAPTIONS.score(Block(text=credit, raw_lines=[3])) >= THRESHOLD


def test_the_weak_word_weight_is_a_setting() -> None:
    pictured = Block(text="The governor (pictured above) at a rally in Ikeja on Wednesday.", raw_lines=[3])
    clean_words = load_knowledge().language.clean
    assert Captions(clean_words, Settings(caption_weight_weak_words=0.0)).score(pictured) < THRESHOLD
