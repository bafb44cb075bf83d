"""The gazetteer index: lookups by name, variant, code and id; the cache location."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.knowledge import load_knowledge
from eventwire.places import index
from eventwire.places.build import Table
from eventwire.places.index import cache_dir, load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer("en")


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.delenv("EVENTWIRE_CACHE")
    assert cache_dir() == Path.home() / ".cache" / "eventwire"


def test_built_once_then_read_from_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    (tmp_path / "gazetteer-stale.pickle").write_bytes(b"old")
    small = Table()
    small.add(
        geonameid=1,
        name="Testville",
        lat=1.0,
        lon=2.0,
        country="ZZ",
        admin1=None,
        population=5,
        feature="city",
    )
    monkeypatch.setattr(index, "build", lambda tables, words, language: small)
    index.load_gazetteer.cache_clear()
    try:
        assert [m.entry.name for m in index.load_gazetteer("en").lookup("Testville")] == ["Testville"]
        assert not (tmp_path / "gazetteer-stale.pickle").exists()

        def no_build(tables: object, words: object, language: str) -> Table:
            raise AssertionError("the cache should have been read")

        monkeypatch.setattr(index, "build", no_build)
        index.load_gazetteer.cache_clear()
        assert len(index.load_gazetteer("en")) == 1
    finally:
        index.load_gazetteer.cache_clear()


def test_lookup_by_own_alternate_and_variant_name(gaz) -> None:
    own = {m.entry.geonameid: m for m in gaz.lookup("Kyiv")}
    assert 703448 in own and not own[703448].alternate
    alt = {m.entry.geonameid: m for m in gaz.lookup("Kiev")}
    assert 703448 in alt and alt[703448].alternate
    var = {m.entry.geonameid: m for m in gaz.lookup("Chernigov Oblast")}
    assert any(m.entry.feature == "admin1" and m.entry.country == "UA" for m in var.values())


def test_non_latin_names_are_not_indexed(gaz) -> None:
    assert not gaz.has("Київ")


def test_countries_sit_where_geonames_places_them(gaz) -> None:
    us = gaz.by_code("US")
    assert us.feature == "country" and (us.lat, us.lon) == (39.76, -98.5)
    assert gaz.by_code("UA").name == "Ukraine"
    assert gaz.by_code("RU").name == "Russia"


def test_divisions_have_coordinates_names_and_parents(gaz) -> None:
    oblast = gaz.by_code("UA.16")
    assert oblast.name == "Mykolaiv Oblast" and oblast.feature == "admin1"
    assert 46.0 < oblast.lat < 48.5 and 30.0 < oblast.lon < 34.0
    alaska = gaz.by_code("US.AK")
    assert -170 < alaska.lon < -140  # placed across the antimeridian correctly


def test_cities_carry_their_admin1_and_capitals_are_known(gaz) -> None:
    kharkiv = gaz.by_geonameid(706483)
    assert kharkiv.admin1 == "Kharkiv Oblast" and kharkiv.feature == "city"
    assert gaz.is_capital(gaz.by_geonameid(703448))
    assert not gaz.is_capital(kharkiv)


def test_the_stamp_covers_the_data_the_build_reads() -> None:
    knowledge = load_knowledge()
    tables, words = knowledge.gazetteer, knowledge.language.places
    stamp = index._stamp(tables, words, "en")
    assert index._stamp(tables, words, "en") == stamp
    assert index._stamp(tables, words, "fr") != stamp
    moved = dict(tables.country_points, FR=(46.5, 2.0))
    assert index._stamp(dataclasses.replace(tables, country_points=moved), words, "en") != stamp
    assert index._stamp(dataclasses.replace(tables, regions=tables.regions[1:]), words, "en") != stamp
    fewer = dataclasses.replace(words, division_titles=words.division_titles - {"Oblast"})
    assert index._stamp(tables, fewer, "en") != stamp
    fewer = dataclasses.replace(words, division_suffixes=words.division_suffixes - {"Oblast'"})
    assert index._stamp(tables, fewer, "en") != stamp


def test_the_gazetteer_imports_no_spacy() -> None:
    code = "import sys, eventwire.places.index, eventwire.places.rank; assert 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_pipeline_run_holds_one_gazetteer() -> None:
    """Every step that asks for the gazetteer shares one index (a second copy costs ~170 MiB a worker)."""
    code = (
        "from eventwire.knowledge import load_knowledge\n"
        "from eventwire.model import RawArticle, Source\n"
        "from eventwire.places.index import load_gazetteer\n"
        "from eventwire.settings import Settings\n"
        "from eventwire.stages import article_pipeline\n"
        "p = article_pipeline(Settings(), load_knowledge())\n"
        "p.run(RawArticle(text='Police in Lagos arrested six people.', source=Source(path='t.txt')))\n"
        "print(load_gazetteer.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1"]
