"""The dashboard page and its files over HTTP: security headers, packaged assets, no other host."""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
import tomllib
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
    "card.js",
    "colors.js",
    "state.js",
    "dom.js",
    "flags.js",
    "map.js",
    "merged.js",
    "table.js",
    "timeline.js",
    "topo.js",
    "style.css",
    "world-110m.json",
    "vendor/leaflet-1.9.4/leaflet.js",
    "vendor/leaflet-1.9.4/leaflet.css",
    "vendor/leaflet.markercluster-1.5.3/leaflet.markercluster.js",
    "vendor/leaflet.markercluster-1.5.3/MarkerCluster.css",
]
ROOT = Path(__file__).resolve().parents[2]


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


def test_vendored_libraries_are_the_pinned_files_with_their_licences(dashboard_url: str) -> None:
    vendor = WEB / "static" / "vendor"
    lines = (vendor / "VENDOR.txt").read_text(encoding="utf-8").splitlines()
    listed = [line.split("  ", 1) for line in lines]
    sums = {name: digest for digest, name in (p for p in listed if len(p) == 2 and len(p[0]) == 64)}
    files = {str(p.relative_to(vendor)) for p in vendor.rglob("*") if p.is_file() and p.name != "VENDOR.txt"}
    assert set(sums) == files
    for name, digest in sums.items():
        assert hashlib.sha256((vendor / name).read_bytes()).hexdigest() == digest, name
    assert {"leaflet-1.9.4/LICENSE.txt", "leaflet.markercluster-1.5.3/MIT-LICENCE.txt"} <= files
    page = httpx.get(f"{dashboard_url}/").text
    for name in ("leaflet-1.9.4/leaflet.js", "leaflet.markercluster-1.5.3/leaflet.markercluster.js"):
        assert f'src="/static/vendor/{name}"' in page


def test_the_package_data_ships_every_web_file() -> None:
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    globs = patterns["package-data"]["eventwire"]
    package = WEB.parent
    for path in WEB.rglob("*"):
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts:
            name = str(path.relative_to(package))
            assert any(fnmatch.fnmatch(name, g.removeprefix("**/")) for g in globs), name


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
