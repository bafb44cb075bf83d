"""The dashboard over a store of the samples, in headless Chromium: the view in the address (Back, Forward,
reload), every filter against the API, the timeline's brush, sorting, page size and columns, the export
downloaded and parsed, the map's legend and event card, no outside request, and the layout at 390, 1400
and 1920 pixels wide (screenshots kept in test-artifacts/)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from playwright.sync_api import expect

from eventwire.export.acled import columns as acled_columns
from web.offline import outside_requests

pytestmark = pytest.mark.browser

VIEW_KEYS = {"merged", "sort", "limit", "offset", "cols", "bins", "article", "event", "merged_event", "tab"}


@pytest.fixture(scope="module")
def api(samples_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=samples_url, timeout=30) as client:
        yield client


def _open(page, path: str = "/") -> None:
    page.goto(path)
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)


def _query(page) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(page.url).query))


def _filters(page) -> dict[str, str]:
    """The address's event filters, as the API takes them."""
    return {k: v for k, v in _query(page).items() if k not in VIEW_KEYS}


def _ids(page) -> list[int]:
    return [int(i) for i in page.locator("tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.id)")]


def _total(api: httpx.Client, **params: str) -> int:
    return api.get("/events", params={**params, "limit": 1}).json()["total"]


def test_back_and_forward_walk_through_the_views(samples_page, api: httpx.Client) -> None:
    page = samples_page
    _open(page)
    everything = _total(api)
    expect(page.locator("#counts")).to_contain_text(f"{everything} events")
    page.fill("input[name=country]", "UA")
    page.click("button[type=submit]")
    expect(page.locator("#counts")).to_contain_text(f"{_total(api, country='UA')} events")
    assert _query(page) == {"country": "UA"}
    page.click("th.col-fatalities button.sort")
    expect(page.locator("th.col-fatalities")).to_have_attribute("aria-sort", "descending")
    assert _query(page) == {"country": "UA", "sort": "-dead"}

    page.go_back()
    expect(page.locator("th.col-fatalities")).to_have_attribute("aria-sort", "none")
    assert _query(page) == {"country": "UA"}
    assert page.locator("input[name=country]").input_value() == "UA"
    page.go_back()
    expect(page.locator("#counts")).to_contain_text(f"{everything} events")
    assert page.locator("input[name=country]").input_value() == ""
    page.go_forward()
    expect(page.locator("#counts")).to_contain_text(f"{_total(api, country='UA')} events")
    assert page.locator("input[name=country]").input_value() == "UA"
    assert page.problems == []


def test_a_reloaded_address_keeps_the_view(samples_page, api: httpx.Client) -> None:
    page = samples_page
    chosen = api.get("/events", params={"country": "SO", "sort": "-dead", "limit": 1}).json()["items"][0]
    address = (
        f"/?country=SO&sort=-dead&limit=10&cols=date,type,place,fatalities"
        f"&article={chosen['article']}&event={chosen['local_id']}"
    )
    for step in ("open", "reload"):
        if step == "open":
            _open(page, address)
        else:
            page.reload()
            page.wait_for_selector("body[data-ready=true]")
        assert page.locator("input[name=country]").input_value() == "SO"
        expect(page.locator("#country-name")).to_have_text("Somalia")
        assert page.locator("table.events th").all_text_contents() == [
            "Date",
            "Type",
            "Place",
            "Fatalities ▼",
        ]
        assert _ids(page)[0] == chosen["id"]
        expect(page.locator("tr.event-row.selected")).to_have_count(1)
        expect(page.locator("#article h2")).to_have_text(chosen["sources"][0]["title"])
        expect(page.locator("#article mark.evidence.current").first).to_be_visible()
    _open(page, "/?tab=flags&merged=1")
    expect(page.locator("#flags")).to_be_visible()
    assert page.locator("input[name=merged]").is_checked()
    assert page.problems == []


def test_the_country_filter_takes_a_code_and_shows_its_name(samples_page, api: httpx.Client) -> None:
    page = samples_page
    _open(page)
    codes = page.locator("#country-codes option").evaluate_all("o => o.map(x => [x.value, x.textContent])")
    assert ["NG", "Nigeria"] in codes and ["SO", "Somalia"] in codes
    page.fill("input[name=country]", "ng")
    expect(page.locator("#country-name")).to_have_text("Nigeria")
    page.click("button[type=submit]")
    expected = api.get("/summary", params={"country": "NG"}).json()
    expect(page.locator("#summary")).to_contain_text(f"{expected['events']} events")
    assert "1 country" in page.locator("#summary").text_content()
    places = {p.get_attribute("data-place") for p in page.locator("#map path.marker").all()}
    assert places and places <= {"Lagos", "Lekki", "Abuja"}


@pytest.mark.parametrize(
    ("act", "expected"),
    [
        (
            lambda p: (p.uncheck("input[name=status-expected]"), p.uncheck("input[name=status-historical]")),
            {"status": "occurred,ongoing"},
        ),
        (lambda p: p.check("input[name=disputed]"), {"disputed": "1"}),
        (lambda p: p.fill("input[name=min_dead]", "12"), {"min_dead": "12"}),
        (lambda p: p.fill("input[name=min_confidence]", "0.9"), {"min_confidence": "0.9"}),
        (lambda p: p.select_option("select[name=acled_type]", "Battles"), {"acled_type": "Battles"}),
        (lambda p: p.select_option("select[name=type]", "PROTEST"), {"type": "PROTEST"}),
        (lambda p: p.fill("input[name=actor]", "Russia"), {"actor": "Russia"}),
    ],
    ids=["status", "disputed", "min_dead", "min_confidence", "acled_type", "type", "actor"],
)
def test_each_filter_shows_what_the_api_selects(samples_page, api: httpx.Client, act, expected) -> None:
    page = samples_page
    _open(page)
    act(page)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: bool(urlsplit(url).query))
    assert _filters(page) == expected
    summary = api.get("/summary", params=expected).json()
    assert summary["events"] < _total(api)
    figures = [(summary["events"], "event", "events"), (summary["fatalities"], "fatality", "fatalities")]
    figures += [(summary["countries"], "country", "countries"), (summary["sources"], "source", "sources")]
    words = [f"{n} {one if n == 1 else many}" for n, one, many in figures]
    expect(page.locator("#summary")).to_have_text(" · ".join(words))
    page_size = api.get("/events", params={**expected, "limit": 50}).json()["items"]
    assert _ids(page) == [e["id"] for e in page_size]


def test_actor_names_and_date_presets_come_from_the_store(samples_page, api: httpx.Client) -> None:
    page = samples_page
    _open(page)
    names = page.locator("#actor-names option").evaluate_all("o => o.map(x => x.value)")
    assert names == [a["name"] for a in api.get("/actors", params={"limit": 1000}).json()["items"]]
    page.select_option("select[name=preset]", "30")
    page.wait_for_url(lambda url: "since=" in url)
    query = _filters(page)
    newest = api.get("/events", params={"limit": 1}).json()["items"][0]["date"]
    assert query["until"][:7] == newest[:7] and query["since"] < query["until"]
    expect(page.locator("#counts")).to_contain_text(f"{_total(api, **query)} event")


def test_the_brush_picks_the_dates(samples_page, api: httpx.Client) -> None:
    page = samples_page
    _open(page, "/?bins=month")
    everything = api.get("/events", params={"limit": 1000}).json()["items"]
    undated = sum(1 for e in everything if e["date"] is None)
    expect(page.locator("#undated")).to_have_attribute("data-undated", str(undated))
    assert page.locator("svg#timeline text.tick.x").count() >= 3
    start = page.locator("svg#timeline g.bin[data-start='2023-03-01'] rect.hit").bounding_box()
    end = page.locator("svg#timeline g.bin[data-start='2023-05-01'] rect.hit").bounding_box()
    page.mouse.move(start["x"] + 2, start["y"] + 20)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + 20, steps=5)
    page.mouse.up()
    page.wait_for_url(lambda url: "since=" in url)
    assert _filters(page) == {"since": "2023-03-01", "until": "2023-05-31"}
    assert page.locator("input[name=since]").input_value() == "2023-03-01"
    expect(page.locator("#counts")).to_contain_text(
        f"{_total(api, since='2023-03-01', until='2023-05-31')} events"
    )
    assert page.locator("svg#timeline g.bin.picked").count() == 3
    # the timeline still shows every date, so the range can be widened or moved
    assert page.locator("svg#timeline g.bin[data-start='2021-01-01']").count() == 1
    page.click("#clear-dates")
    page.wait_for_url(lambda url: "since=" not in url)


def test_headers_sort_the_table(samples_page, api: httpx.Client) -> None:
    page = samples_page
    _open(page)
    for header, key in (("fatalities", "dead"), ("place", "place"), ("date", "date")):
        page.click(f"th.col-{header} button.sort")
        expect(page.locator(f"th.col-{header}")).to_have_attribute("aria-sort", "descending")
        expected = api.get("/events", params={"sort": f"-{key}", "limit": 50}).json()["items"]
        assert _ids(page) == [e["id"] for e in expected]
    fatalities = page.locator("td.col-fatalities")
    page.click("th.col-fatalities button.sort")
    expect(page.locator("th.col-fatalities")).to_have_attribute("aria-sort", "descending")
    values = [int(v) for v in fatalities.all_text_contents() if v]
    assert values == sorted(values, reverse=True) and values[0] == 700


def test_page_size_and_columns(samples_page, api: httpx.Client) -> None:
    page = samples_page
    total = _total(api)
    _open(page)
    page.select_option("select[name=page-size]", "10")
    expect(page.locator("tr.event-row")).to_have_count(10)
    expect(page.locator(".pager .range")).to_have_text(f"1–10 of {total}")
    page.click(".pager button:has-text('Next')")
    expect(page.locator(".pager .range")).to_have_text(f"11–20 of {total}")
    page.click(".table-controls summary")
    page.uncheck("input[name=col-source]")
    expect(page.locator("th.col-source")).to_have_count(0)
    page.click(".table-controls summary")
    page.check("input[name=col-acled]")
    expect(page.locator("th.col-acled")).to_have_count(1)
    assert _query(page)["limit"] == "10" and "acled" in _query(page)["cols"]
    assert "source" not in _query(page)["cols"].split(",")


def _download(page, fmt: str) -> str:
    page.select_option("#export-format", fmt)
    with page.expect_download() as info:
        page.click("#export")
    return info.value.path().read_text(encoding="utf-8")


def test_export_downloads_the_view(samples_page, api: httpx.Client) -> None:
    page = samples_page
    _open(page, "/?country=SO")
    somalia = api.get("/events", params={"country": "SO", "limit": 1000}).json()["items"]
    collection = json.loads(_download(page, "geojson"))
    assert sorted(f["id"] for f in collection["features"]) == sorted(e["id"] for e in somalia)
    assert {f["properties"]["country_code"] for f in collection["features"]} == {"SO"}
    rows = list(csv.DictReader(io.StringIO(_download(page, "acled"))))
    assert list(rows[0]) == acled_columns()
    assert {r["country"] for r in rows} == {"Somalia"}
    assert {r["location"] for r in rows} <= {e["place"]["name"] for e in somalia}
    records = [json.loads(line) for line in _download(page, "plover").splitlines()]
    assert len(records) == len(somalia)
    assert {r["event_loc"]["country_code"] for r in records} == {"SOM"}
    page.check("input[name=merged]")
    page.wait_for_url(lambda url: "merged=1" in url)
    merged = [json.loads(line) for line in _download(page, "plover").splitlines()]
    assert len(merged) == api.get("/merged-events", params={"country": "SO"}).json()["total"]


def test_map_legend_sizes_and_event_card(samples_page, api: httpx.Client) -> None:
    page = samples_page
    _open(page)
    placed = [
        e
        for e in api.get("/events", params={"limit": 1000}).json()["items"]
        if e["place"] and e["place"]["lat"]
    ]
    legend = page.locator("#legend li").evaluate_all("li => li.map(x => [x.dataset.type, x.textContent])")
    assert sum(int(text.split()[-1]) for _, text in legend) == len(placed)
    assert {t for t, _ in legend} == {e["type"] for e in placed}
    _open(page, "/?min_dead=100")
    marker = page.locator("#map path.marker")
    expect(marker).to_have_count(1)
    assert int(page.locator("#map").get_attribute("data-zoom")) <= 6
    assert page.locator("svg#timeline g.bin").count() == 7  # one day's bar among a week of days
    assert float(marker.get_attribute("d").split("a")[1].split(",")[0]) > 20  # the radius grows with the dead
    marker.click()
    card = page.locator(".leaflet-popup .event-card")
    expect(card).to_contain_text("700 dead")
    assert "Khartoum" in card.text_content()


def test_the_dashboard_asks_nothing_of_the_network(samples_page, samples_url: str) -> None:
    page = samples_page
    outside = outside_requests(page, samples_url)
    _open(page)
    page.locator("#map .cluster").first.click()
    page.locator("tr.event-row").first.click()
    expect(page.locator("#article h2")).to_be_visible()
    assert outside == [] and page.problems == []


BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll("table.events td, table.events th, #summary, #legend li")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // a word may end a line after its hyphen ("al-" / "Shabaab"), never elsewhere
      for (const match of node.textContent.matchAll(/[^\\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize(
    "samples_page",
    [{"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}],
    indirect=True,
)
def test_a_phone_sees_whole_words_and_taps_to_the_article(samples_page, artifacts) -> None:
    page = samples_page
    _open(page)
    expect(page.locator("#map .cluster").first).to_be_visible()
    page.screenshot(path=str(artifacts / "dashboard-390x844.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate(BROKEN_WORDS) == []
    heights = page.locator("tr.event-row").evaluate_all(
        "rows => rows.map(r => r.getBoundingClientRect().height)"
    )
    assert max(heights) < 120
    row = page.locator("tr.event-row").nth(2)
    row.scroll_into_view_if_needed()
    row.tap()
    expect(page.locator("#article h2")).to_be_visible()
    page.wait_for_function(
        "() => { const t = document.querySelector('#article').getBoundingClientRect().top;"
        " return t >= 0 && t < window.innerHeight / 2; }"
    )
    assert page.problems == []


@pytest.mark.parametrize(
    ("samples_page", "name"),
    [
        ({"viewport": {"width": 1400, "height": 900}}, "1400x900"),
        ({"viewport": {"width": 1920, "height": 1080}}, "1920x1080"),
    ],
    indirect=["samples_page"],
)
def test_wide_screens_put_the_article_beside_the_map(samples_page, name: str, artifacts) -> None:
    page = samples_page
    _open(page)
    page.locator("tr.event-row").first.click()
    expect(page.locator("#article mark.evidence.current").first).to_be_visible()
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    map_box = page.locator("#map").bounding_box()
    side = page.locator("#side").bounding_box()
    assert side["x"] >= map_box["x"] + map_box["width"] and side["y"] < map_box["y"] + 10
    assert page.evaluate(BROKEN_WORDS) == []
    page.screenshot(path=str(artifacts / f"dashboard-{name}.png"))
    assert page.problems == []
