"""The HTML reader loses no line of the body: caption classes as words, tables kept, paragraphs apart."""

from __future__ import annotations

from pathlib import Path

from eventwire.clean import clean_steps
from eventwire.knowledge import load_knowledge
from eventwire.model import Source
from eventwire.pipeline import Pipeline
from eventwire.read.html import figure_captions, html_article
from eventwire.settings import Settings

PAGES = Path(__file__).resolve().parents[2] / "benchmarks" / "pages"
LEAD = "The coastguard rescued eleven people from a fishing boat that ran aground off Porth Ellan on Monday."
MORE = (
    "A lifeboat and a helicopter were sent after the skipper raised the alarm at about four in the morning."
)
LAST = "Salvage crews will try to refloat the vessel at high tide on Wednesday, the harbour master said."


def read(name_or_html: str) -> object:
    html = (
        (PAGES / name_or_html).read_text(encoding="utf-8") if name_or_html.endswith(".html") else name_or_html
    )
    return html_article(html, Source(path="p.html", format="html"), Settings())


def story(article_class: str = "story", body_class: str = "single", inner: str = "") -> str:
    return (
        f"<html><head><title>Eleven rescued off Porth Ellan</title></head><body class='{body_class}'>"
        f"<article class='{article_class}'><h1>Eleven rescued off Porth Ellan</h1>"
        f"<p>{LEAD}</p>{inner}<p>{MORE}</p><p>{LAST}</p></article></body></html>"
    )


def test_a_body_class_that_holds_the_word_caption_inside_a_word_is_not_a_caption() -> None:
    raw = read(story(body_class="post-template-default theme-photo-caption-overlay"))
    assert all(p in raw.text for p in (LEAD, MORE, LAST))
    assert read("body-class-caption.html").text.count("\n\n") >= 3


def test_a_wrapper_named_as_a_caption_that_holds_the_story_is_not_pruned() -> None:
    inner = (
        "<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>The boat on the rocks.</p></div>"
    )
    raw = read(story(article_class="story has-drop-caption", inner=inner))
    assert all(p in raw.text for p in (LEAD, MORE, LAST)) and "The boat on the rocks." not in raw.text
    assert raw.captions == ["The boat on the rocks."]


def test_class_words_that_are_not_captions() -> None:
    page = (
        "<div class='has-captions'><p>The boat had a crew of eleven and had sailed from Kilbride.</p></div>"
        "<span class='captions-toggle'>Share</span><span class='Img-Caption'>The boat at dawn.</span>"
        "<p>The harbour master said the boat had lost power in heavy seas and drifted onto the rocks.</p>"
    )
    assert figure_captions(page, Settings()) == ["The boat at dawn."]


def test_paragraphs_are_apart_and_a_tables_rows_together() -> None:
    raw = read("table-figures.html")
    assert raw.text.split("\n\n")[2:4] == [
        "| District | Displaced in March | Displaced in April |\n|---|---|---|\n| Kerrow | 4,100 | 9,800 |\n"
        "| Ashfield | 2,750 | 6,300 |\n| Norland | 1,900 | 3,450 |\n| Total | 8,750 | 19,550 |",
        "The agency said most of the displaced were staying with relatives, while about 2,000 were in three"
        " camps near the regional capital.",
    ]


def test_a_caption_that_is_the_storys_first_line_is_left_to_the_body() -> None:
    for page in ("video-caption.html", "video-figure-lead.html"):
        raw = read(page)
        lead = raw.text.split("\n\n")[1]
        assert lead.startswith(("Firefighters brought", "A tornado tore")) and lead not in raw.captions
    inner = f"<figure><img src='a.jpg'><figcaption>{MORE}</figcaption></figure>"
    assert read(story(inner=inner)).captions == [MORE]  # a copy of a later line stays a caption
    near = f"<figure><video></video><figcaption>{LEAD.replace('Monday.', 'Monday')}</figcaption></figure>"
    page = story().replace("<p>", near + "<p>", 1)
    assert read(page).captions == []  # a near copy of the lead, as the clean stage compares them


def test_short_paragraphs_of_like_width_are_not_joined_as_wrapped_lines() -> None:
    article = Pipeline(clean_steps(Settings(), load_knowledge())).run(read("short-paragraphs.html"))
    kinds = [(p.kind, article.text[p.start : p.end][:30]) for p in article.paragraphs]
    assert kinds == [
        ("title", "Dock strike halts port for sec"),
        ("body", "Striking dock workers blocked "),
        ("caption", "Photo: Hallam Gazette"),
        ("body", "About 600 workers joined the p"),
        ("body", "The port's operator said talks"),
        ("body", "Lorry drivers waiting outside "),
    ]
