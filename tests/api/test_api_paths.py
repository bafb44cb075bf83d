"""The API shows the input file's name, never the folders it was read from on the extracting machine."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest

from api.livestore import expulsion_report, seed_store, serving, shelling_report
from eventwire.api import create_app
from eventwire.model import Source
from eventwire.settings import Settings

FOLDERS = ("/home/analyst/feeds/", "C:\\Users\\analyst\\feeds\\")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> httpx.Client:
    shelling, expulsion = shelling_report(), expulsion_report()
    shelling.source = replace(shelling.source, path=FOLDERS[0] + "kharkiv-1.txt")
    expulsion.source = Source(path=FOLDERS[1] + "warsaw.txt", format="text")
    db = seed_store(tmp_path_factory.mktemp("paths") / "ew.db", [shelling, expulsion])
    with serving(create_app(db, Settings())) as url, httpx.Client(base_url=url, timeout=30) as c:
        yield c


def _no_folders(response: httpx.Response) -> dict:
    assert response.status_code == 200
    text = response.text.replace("\\\\", "\\")
    assert not any(folder in text for folder in FOLDERS) and "analyst" not in text
    return response.json()


def test_articles_and_their_documents_give_the_file_name(client: httpx.Client) -> None:
    items = _no_folders(client.get("/articles"))["items"]
    assert sorted(a["source"]["path"] for a in items) == ["kharkiv-1.txt", "warsaw.txt"]
    for a in items:
        doc = _no_folders(client.get(f"/articles/{a['id']}"))
        assert doc["source"]["path"] == a["source"]["path"]


@pytest.mark.parametrize("path", ["/events", "/merged-events"])
def test_event_sources_give_the_file_name_and_url(client: httpx.Client, path: str) -> None:
    items = _no_folders(client.get(path, params={"limit": 50}))["items"]
    sources = {(s["path"], s["url"]) for e in items for s in e["sources"]}
    assert sources == {("kharkiv-1.txt", "https://news.example/kharkiv-1"), ("warsaw.txt", None)}
    for e in items:
        _no_folders(client.get(f"{path}/{e['id']}"))


def test_search_shows_no_folders(client: httpx.Client) -> None:
    _no_folders(client.get("/search", params={"q": "Kharkiv"}))
