"""The gazetteer's side tables (data files in this folder): where GeoNames places each country, the regions
news names, the countries whose names come through romanized Cyrillic. They are language-neutral."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.files import read_rows, read_words
from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class Region:
    """A region news names that is neither a country nor a division ("Middle East")."""

    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    """ISO alpha-2 codes of its member countries."""


@dataclass(frozen=True)
class Feature:
    """A physical feature news names that the GeoNames packages lack ("Black Sea", "Lake Victoria")."""

    name: str
    names: tuple[str, ...]
    """Its other names, each its own ("Atlantic" for the Atlantic Ocean)."""
    lat: float
    lon: float


@dataclass(frozen=True)
class GazetteerTables:
    """The gazetteer's side tables: where GeoNames places each country, regions, romanized countries."""

    country_points: dict[str, tuple[float, float]]
    """ISO alpha-2 → (lat, lon) of GeoNames' country feature (`country_points.tsv`)."""
    regions: tuple[Region, ...]
    """Regions placed at the mean of their members' points (`regions.tsv`)."""
    romanized_cyrillic: frozenset[str]
    """Countries whose place names come through romanized Cyrillic (`romanized_cyrillic.txt`)."""
    country_names: dict[str, tuple[str, ...]]
    """ISO alpha-2 → short names the news gives it beyond the packages' ('Congo' for CD)."""
    features: tuple[Feature, ...]
    """Oceans, seas, lakes, mountain ranges and other physical features, as regions (`features.tsv`)."""

    @classmethod
    def load(cls, files: PackFiles) -> GazetteerTables:
        """Read the tables (shared by every language pack; `files` names the pack asking)."""
        return cls(
            country_points={
                r[0]: (float(r[1]), float(r[2])) for r in read_rows(__name__, "country_points.tsv")
            },
            regions=tuple(
                Region(r[0], tuple(r[1].split("|")) if r[1] else (), tuple(r[2].split(",")))
                for r in read_rows(__name__, "regions.tsv")
            ),
            romanized_cyrillic=frozenset(read_words(__name__, "romanized_cyrillic.txt")),
            country_names={r[0]: tuple(r[1].split("|")) for r in read_rows(__name__, "country_names.tsv")},
            features=tuple(
                Feature(r[0], tuple(r[1].split("|")) if r[1] else (), float(r[2]), float(r[3]))
                for r in read_rows(__name__, "features.tsv")
            ),
        )
