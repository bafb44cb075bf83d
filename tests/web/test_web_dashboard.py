"""The dashboard in headless Chromium over the seed store: map, timeline, table, filters, merged events,
article view, flags, hostile text. (The samples' store drives the rest: test_web_view.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from api.livestore import XSS_TITLE, hostile_report, seed_store, serving
from eventwire.api import create_app
from eventwire.settings import Settings

pytestmark = pytest.mark.browser


def _open(page) -> None:
    page.goto("/")
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)


def test_map_table_and_article_view(page, artifacts: Path) -> None:
    _open(page)
    assert page.locator("#map path.country").count() > 150
    # Kharkiv's two events share a point: one cluster of 2; Lviv and Warsaw are single circles.
    markers = page.locator("#map path.marker")
    expect(markers).to_have_count(2)
    assert sorted(markers.nth(i).get_attribute("data-place") for i in range(markers.count())) == [
        "Lviv",
        "Warsaw",
    ]
    expect(page.locator("#map .cluster")).to_have_count(1)
    assert page.locator("#map .cluster").text_content() == "2"
    # a day a bin, 21 to 23 March, padded to a week so that a bar is not the whole chart
    bins = page.locator("svg#timeline g.bin").evaluate_all("g => g.map(b => b.dataset.start)")
    assert bins == [f"2022-03-{d}" for d in range(19, 26)]
    assert page.locator("svg#timeline rect.bar").count() == 3
    assert page.locator("tr.event-row").count() == 3
    assert page.locator(".pager .range").text_content() == "1–3 of 4"
    assert "4 events at 3 places" in page.locator("#counts").text_content()

    page.locator("tr.event-row", has_text="Shelling hits Kharkiv market").click()
    current = page.locator("#article .article-text mark.evidence.current")
    current.first.wait_for()
    assert "".join(current.all_text_contents()) == "Russian forces shelled a market in Kharkiv on Tuesday"
    assert page.locator("#article h2").text_content() == "Shelling hits Kharkiv market"
    assert page.locator("#article .article-text mark.entity-ORG").first.text_content() == "Russian forces"
    assert page.locator("#article .article-text mark.place").first.text_content() == "Kharkiv"
    assert (
        "".join(page.locator("#article .article-text mark.flag-evidence").all_text_contents())
        == "Moscow denied"
    )
    assert "article=sha256" in page.url and "event=ev1" in page.url
    page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)
    assert page.problems == []


def test_table_pages(page) -> None:
    _open(page)
    page.click(".pager button:has-text('Next')")
    expect(page.locator(".pager .range")).to_have_text("4–4 of 4")
    assert page.locator("tr.event-row").count() == 1
    assert page.locator(".pager button:has-text('Next')").is_disabled()
    page.click(".pager button:has-text('Previous')")
    expect(page.locator(".pager .range")).to_have_text("1–3 of 4")


def test_marker_opens_the_event_card(page) -> None:
    _open(page)
    page.locator("#map path.marker[data-place=Warsaw]").click()
    card = page.locator(".leaflet-popup .event-card")
    expect(card.locator("h3")).to_have_text("SANCTION / expel")
    text = card.text_content()
    assert "Poland → Russia" in text and "45 counted" in text and "1 source: Poland expels" in text
    card.locator("button.open").click()
    expect(page.locator("#article h2")).to_have_text("Poland expels 45 Russian diplomats")
    listed = page.locator("#article .article-events li")
    expect(listed).to_contain_text("Poland → 45 Russian diplomats · 2022-03-23")
    assert "event=ev1" in page.url
    card.locator("button.here").click()
    expect(page.locator("tr.event-row")).to_have_count(1)
    assert page.locator("input[name=place]").input_value() == "Warsaw"


def test_timeline_bar_picks_its_day(page) -> None:
    _open(page)
    page.locator("svg#timeline g.bin[data-start='2022-03-22']").click()
    expect(page.locator("tr.event-row")).to_have_count(2)
    assert page.locator("input[name=since]").input_value() == "2022-03-22"
    assert page.locator("input[name=until]").input_value() == "2022-03-22"


def test_filters_and_merged_events(page) -> None:
    _open(page)
    page.select_option("select[name=type]", "ASSAULT")
    page.click("button[type=submit]")
    expect(page.locator("tr.event-row")).to_have_count(2)
    page.check("input[name=merged]")
    expect(page.locator("tr.event-row")).to_have_count(1)
    row = page.locator("tr.event-row")
    assert "2 sources" in row.text_content()
    row.click()
    members = page.locator("#article ol.members li")
    members.first.wait_for()
    assert members.count() == 2
    members.locator("button", has_text="Market in Kharkiv shelled").click()
    current = page.locator("#article .article-text mark.evidence.current")
    current.first.wait_for()
    assert "".join(current.all_text_contents()) == "A market in Kharkiv was shelled on March 22"
    page.click("button[type=reset]")
    expect(page.locator(".pager .range")).to_have_text("1–3 of 4")


def test_bad_filter_shows_the_api_error(page) -> None:
    _open(page)
    page.fill("input[name=since]", "2022-03-25")
    page.fill("input[name=until]", "2022-03-20")
    page.click("button[type=submit]")
    error = page.locator("#error")
    error.wait_for()
    assert "EW701" in error.text_content() and "after" in error.text_content()


def test_article_opens_from_the_address(page, dashboard_url: str) -> None:
    article = httpx.get(f"{dashboard_url}/articles", params={"q": "Poland"}).json()["items"][0]["id"]
    page.goto(f"/?article={article}&event=ev1")
    current = page.locator("#article .article-text mark.evidence.current")
    current.first.wait_for()
    assert (
        "".join(current.all_text_contents()) == "Poland expelled 45 Russian diplomats in Warsaw on Wednesday"
    )


def test_country_and_region_filters_by_code(page) -> None:
    _open(page)
    page.fill("input[name=country]", "UA")
    page.click("button[type=submit]")
    expect(page.locator("#counts")).to_contain_text("3 events at 2 places")
    page.fill("input[name=admin1]", "PL-14")
    page.click("button[type=submit]")
    expect(page.locator("#counts")).to_contain_text("0 events at 0 places")
    page.fill("input[name=country]", "PL")
    page.click("button[type=submit]")
    expect(page.locator("#counts")).to_contain_text("1 event at 1 place")
    expect(page.locator("#admin1-name")).to_have_text("Mazovia Province")
    expect(page.locator("#country-name")).to_have_text("Poland")
    page.fill("input[name=admin1]", "XX-99")
    page.click("button[type=submit]")
    expect(page.locator("#error")).to_contain_text("EW701: admin1: no first-level division")


def test_one_source_is_singular(page) -> None:
    _open(page)
    page.check("input[name=merged]")
    row = page.locator("tr.event-row", has_text="SANCTION")
    expect(row).to_contain_text("1 source")
    assert "1 sources" not in row.text_content()
    row.click()
    expect(page.locator("#article p.meta").first).to_contain_text(" · 1 source · ")


def test_flags_tab(page) -> None:
    _open(page)
    page.click("#tab-flags")
    items = page.locator("#flags li.flag")
    assert items.count() == 2
    assert page.locator("#flags h2").text_content() == "Flags (2)"
    items.filter(has_text="contradiction").locator("button").click()
    page.locator("#article .article-text mark.flag-evidence").first.wait_for()
    assert page.locator("#article h2").text_content() == "Shelling hits Kharkiv market"


@pytest.mark.parametrize("page", [{}, {"bypass_csp": True}], ids=["with-csp", "without-csp"], indirect=True)
def test_hostile_article_renders_as_text(page) -> None:
    """Payloads in the title, text, actor and flag stay text, even with the Content-Security-Policy off."""
    _open(page)
    page.select_option("select[name=type]", "PROTEST")
    page.click("button[type=submit]")
    expect(page.locator("tr.event-row")).to_have_count(1)
    page.locator("tr.event-row", has_text="PROTEST").click()
    page.wait_for_selector("#article .article-text mark.evidence.current")
    page.locator("#article").hover()
    page.click("#tab-flags")
    page.locator("#flags").hover()
    page.click("#tab-article")
    assert page.evaluate("window.__xss") is None
    for scope in ("#article", "#table", "#flags"):
        assert (
            page.locator(f"{scope} img, {scope} script, {scope} b, {scope} a[href^=javascript]").count() == 0
        )
    assert page.locator("#article h2").text_content() == '<img src=x onerror="window.__xss=1">Protest in Lviv'
    evidence = page.locator("#article .article-text mark.evidence.current").all_text_contents()
    assert "".join(evidence) == "protested in Lviv on Monday <script>window.__xss = 1</script>"
    assert (
        '<b onmouseover="window.__xss=1">peace</b>' in page.locator("#article .article-text").text_content()
    )
    assert "<script>window.__xss=1</script>Hundreds" in page.locator("#table").text_content()
    assert page.problems == []


def test_tiles_are_drawn_under_the_markers_when_configured(browser, seeded_store_path: Path) -> None:
    settings = Settings(map_tiles_url="http://127.0.0.1:9/{z}/{x}/{y}.png")
    with serving(create_app(seeded_store_path, settings)) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=url)
        try:
            page = context.new_page()
            _open(page)
            tiles = page.locator("#map img.leaflet-tile")
            tiles.first.wait_for(state="attached")
            href = tiles.first.get_attribute("src")
            assert re.fullmatch(r"http://127\.0\.0\.1:9/\d+/\d+/\d+\.png", href)
            assert page.locator("#map path.marker").count() == 2
        finally:
            context.close()


def test_a_hostile_place_name_stays_text_on_the_map(browser, tmp_path: Path) -> None:
    """The marker's tooltip and pop-up show a place named with markup as text (Leaflet would write HTML)."""
    article = hostile_report()
    article.places[0].name = XSS_TITLE
    db = seed_store(tmp_path / "hostile-place.db", [article])
    with serving(create_app(db, Settings())) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=url, bypass_csp=True)
        try:
            page = context.new_page()
            _open(page)
            marker = page.locator("#map path.marker")
            marker.hover()
            expect(page.locator(".leaflet-tooltip")).to_contain_text(XSS_TITLE)
            marker.click()
            expect(page.locator(".leaflet-popup .event-card")).to_contain_text(XSS_TITLE)
            assert page.locator("#map img").count() == 0
            assert page.evaluate("window.__xss") is None
        finally:
            context.close()
