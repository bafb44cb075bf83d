"""The HTML reader: body, title, date, URL, and captions kept apart from the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.model import Source
from eventwire.read.html import figure_captions, html_article, read_html
from eventwire.settings import Settings

PAGE = (Path(__file__).parents[1] / "data" / "belgorod-depot.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def raw():
    return read_html(PAGE.encode("utf-8"), "depot.html", Settings(), "2024-01-01")


def test_body_without_junk(raw) -> None:
    assert "A drone strike set fire to a fuel depot in Russia’s Belgorod region" in raw.text
    assert "shot down 12 drones" in raw.text
    for junk in ("tracking pixel", "font-family", "Privacy policy", "All rights reserved", "Sport"):
        assert junk not in raw.text


def test_captions_kept_apart_from_the_body(raw) -> None:
    assert raw.captions == [
        "Smoke rises over the fuel depot near Belgorod early on Friday. Photo: Steppe Courier",
        "A map of the region, with the depot marked in red.",
    ]
    assert "Smoke rises" not in raw.text and "A map of the region" not in raw.text


def test_metadata(raw) -> None:
    assert raw.title == "Drone strike hits fuel depot in Belgorod region, governor says"
    assert raw.published == "2024-05-03"  # the page's own date wins over the default
    assert raw.source == Source(
        path="depot.html", url="https://steppe.example/2024/05/03/belgorod-depot", format="html"
    )


def test_default_date_when_the_page_has_none() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2024-05-03T07:45:00+03:00">', "")
    page = page.replace("/2024/05/03/", "/")  # trafilatura reads dates in URLs too
    raw = html_article(page, Source(path="p.html", format="html"), Settings(), "2024-05-04")
    assert raw.published == "2024-05-04"


def test_title_from_the_title_tag_alone() -> None:
    page = (
        "<html><head><title>Protesters clash with police in Dhaka over job quotas | Daily Ledger"
        "</title></head><body><div><p>Hundreds of students clashed with police and ruling party supporters "
        "in Dhaka on Tuesday, leaving at least six people dead, police and witnesses said.</p><p>The "
        "protesters demand an end to quotas that reserve a third of government jobs for relatives of "
        "veterans.</p></div></body></html>"
    )
    raw = html_article(page, Source(path="q.html", format="html"), Settings())
    assert raw.title is not None and raw.title.startswith(
        "Protesters clash with police in Dhaka over job quotas"
    )
    assert raw.published is None


def test_legacy_encoding_declared_in_the_page() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace("&rsquo;", "’")
    raw = read_html(page.encode("cp1252"), "depot.html", Settings())
    assert "Russia’s Belgorod region" in raw.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>",
        "<html><head><title>Login</title></head><body><form><input name=user></form></body></html>",
        "<not html at all",
    ],
)
def test_no_article_in_the_page(page: str) -> None:
    with pytest.raises(EventwireError) as info:
        read_html(page.encode(), "empty.html", Settings())
    assert info.value.code == "EW108" and info.value.where == "empty.html"


def test_figure_captions_unique_and_in_order() -> None:
    html = (
        "<figure><figcaption>  Rescuers   search rubble. </figcaption></figure>"
        "<figure><figcaption>Rescuers search rubble.</figcaption></figure>"
        "<span class='photo caption'>Credit: AP</span>"
    )
    assert figure_captions(html, Settings()) == ["Rescuers search rubble.", "Credit: AP"]
    assert figure_captions("", Settings()) == []


def test_caption_markup_of_common_publishing_systems() -> None:
    body = "An earthquake killed at least 20 people in western Nepal on Friday night, police said."
    page = (
        f"<html><body><article><h1>Quake kills 20 in western Nepal</h1><p>{body}</p>"
        '<div class="wp-caption"><img><p class="wp-caption-text">Rescuers search the rubble.</p></div>'
        '<div class="art-img"><img src="c"><div class="img-Caption">Villagers carry a man.</div></div>'
        '<figure><figcaption><span class="caption-text">A collapsed school.</span> AP</figcaption></figure>'
        "<p>The Himalayan nation sits on a major fault line and earthquakes are common there.</p>"
        "</article></body></html>"
    )
    raw = html_article(page, Source(path="n.html", format="html"), Settings())
    assert raw.captions == ["Rescuers search the rubble.", "Villagers carry a man.", "A collapsed school. AP"]
    assert body in raw.text and "Rescuers" not in raw.text and "Villagers" not in raw.text
