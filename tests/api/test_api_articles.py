"""Articles over HTTP: list and read, and `POST /articles`, which ingests only with the configured token."""

from __future__ import annotations

import threading

import httpx
import pytest

from api.livestore import TOKEN

SHELLING = {
    "title": "Shelling in Kharkiv",
    "text": "Russian forces shelled a market in Kharkiv on Tuesday, killing at least five people, "
    "regional officials said on Wednesday.",
    "published": "2022-03-23",
    "url": "https://news.example/a",
}


def test_articles_page_has_total(client: httpx.Client) -> None:
    page = client.get("/articles", params={"limit": 10}).json()
    assert page["total"] == 4 and len(page["items"]) == 4 and page["next"] is None
    summary = next(a for a in page["items"] if a["title"] == "Shelling hits Kharkiv market")
    assert summary["events"] == 1 and summary["flags"] == 1
    assert client.get("/articles", params={"limit": 3, "offset": 3}).json()["items"][0]["id"]


def test_articles_search_pages_with_total(client: httpx.Client) -> None:
    page = client.get("/articles", params={"q": "Kharkiv", "limit": 1}).json()
    assert page["total"] == 2 and len(page["items"]) == 1 and page["next"] == 1
    rest = client.get("/articles", params={"q": "Kharkiv", "limit": 1, "offset": 1}).json()
    assert rest["next"] is None and rest["items"][0]["id"] != page["items"][0]["id"]


def test_article_is_the_full_document(client: httpx.Client) -> None:
    first = client.get("/articles", params={"q": "Poland"}).json()["items"][0]
    doc = client.get(f"/articles/{first['id']}").json()
    assert doc["schema"] == "eventwire.document/1" and doc["id"] == first["id"]
    assert doc["text"].startswith("Poland expels 45 Russian diplomats\n\n")
    for span in doc["events"][0]["evidence"] + doc["entities"][0]["mentions"]:
        assert doc["text"][span["start"] : span["end"]] == span["text"]


def test_unknown_article_is_404(client: httpx.Client) -> None:
    response = client.get("/articles/sha256:0000")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "EW702", "message": "no article sha256:0000"}}


def test_post_is_403_on_a_read_only_api(client: httpx.Client) -> None:
    response = client.post("/articles", json=SHELLING, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "EW704"


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", "Bearer"])
def test_post_needs_the_token(writable_url: str, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = httpx.post(f"{writable_url}/articles", json=SHELLING, headers=headers, timeout=30)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "EW703"
    assert httpx.get(f"{writable_url}/articles").json()["total"] == 0


def test_post_with_the_token_extracts_and_ingests_once(writable_url: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=writable_url, headers=auth, timeout=120) as c:
        created = c.post("/articles", json=SHELLING)
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["created"] is True and body["id"].startswith("sha256:")
        assert created.headers["location"] == f"/articles/{body['id']}"
        doc = c.get(created.headers["location"]).json()
        assert doc["title"] == "Shelling in Kharkiv" and doc["published"] == "2022-03-23"
        assert doc["source"]["url"] == "https://news.example/a"
        assert "shelled a market in Kharkiv" in doc["text"]
        again = c.post("/articles", json=SHELLING)
        assert again.status_code == 200 and again.json() == {**body, "created": False}
        assert c.get("/stats").json()["counts"]["articles"] == 1


@pytest.mark.parametrize(
    ("record", "code"),
    [
        ({"title": "no text"}, "EW701"),
        ({"text": "x", "body": "unknown field"}, "EW701"),
        ({"text": "x", "published": "March 2022"}, "EW701"),
        ({"text": "   "}, "EW102"),
        ({"text": 42}, "EW701"),
    ],
)
def test_post_rejects_bad_records(writable_url: str, record: dict, code: str) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    response = httpx.post(f"{writable_url}/articles", json=record, headers=headers, timeout=30)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == code


def test_post_of_malformed_json_is_400(writable_url: str) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    response = httpx.post(f"{writable_url}/articles", content=b'{"text": ', headers=headers, timeout=30)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "EW701"
    assert response.json()["error"]["message"].startswith("body: not valid JSON")


def test_reads_are_served_while_an_article_is_ingested(writable_url: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    posted: list[httpx.Response] = []
    writer = threading.Thread(
        target=lambda: posted.append(
            httpx.post(f"{writable_url}/articles", json=SHELLING, headers=auth, timeout=120)
        )
    )
    writer.start()
    reads = []
    while writer.is_alive():
        reads.append(httpx.get(f"{writable_url}/events", timeout=30).status_code)
    writer.join()
    assert posted[0].status_code == 201
    assert reads and set(reads) == {200}
    assert httpx.get(f"{writable_url}/articles").json()["total"] == 1
