"""The dashboard page and its files over HTTP: security headers, packaged assets, no other host."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

import eventwire.web
from api.livestore import serving
from eventwire.api import create_app
from eventwire.knowledge import plover as ontology
from eventwire.settings import Settings

WEB = Path(eventwire.web.__file__).parent
ASSETS = [
    "app.js",
    "api.js",
    "article.js",
    "dom.js",
    "flags.js",
    "map.js",
    "merged.js",
    "table.js",
    "timeline.js",
    "topo.js",
    "style.css",
    "world-110m.json",
]


def test_page_has_a_strict_content_security_policy(dashboard_url: str) -> None:
    response = httpx.get(f"{dashboard_url}/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy and "object-src 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    for event_type in ontology.types():
        assert f'<option value="{event_type}">' in response.text
    assert 'data-tiles=""' in response.text


def test_every_asset_is_served_from_the_package(dashboard_url: str) -> None:
    for name in ASSETS:
        response = httpx.get(f"{dashboard_url}/static/{name}")
        assert response.status_code == 200, name
        assert response.content == (WEB / "static" / name).read_bytes()
    assert httpx.get(f"{dashboard_url}/static/app.js").headers["content-type"].startswith("text/javascript")


def test_nothing_is_loaded_from_another_host() -> None:
    """No CDN: the only URL in the page and scripts is the SVG namespace name, never fetched."""
    for path in [
        WEB / "templates" / "index.html",
        *(WEB / "static").glob("*.js"),
        WEB / "static" / "style.css",
    ]:
        urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.\w+", path.read_text(encoding="utf-8")))
        assert urls <= {"http://www.w3.org"}, (path.name, urls)


def test_basemap_is_a_topology_of_the_world_countries() -> None:
    topology = json.loads((WEB / "static" / "world-110m.json").read_text(encoding="utf-8"))
    assert topology["type"] == "Topology"
    names = {g["properties"]["name"] for g in topology["objects"]["countries"]["geometries"]}
    assert len(names) > 170 and {"Ukraine", "Poland", "Russia", "Brazil"} <= names
    assert (WEB / "static" / "world-110m.NOTICE.txt").read_text(encoding="utf-8").count("Natural Earth") >= 1


def test_tile_server_is_allowed_only_when_configured(seeded_store_path: Path) -> None:
    settings = Settings(map_tiles_url="https://tiles.example.org/{z}/{x}/{y}.png")
    with serving(create_app(seeded_store_path, settings)) as url:
        response = httpx.get(f"{url}/")
    assert "img-src 'self' data: https://tiles.example.org;" in response.headers["content-security-policy"]
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in response.text
