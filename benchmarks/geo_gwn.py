"""GeoWebNews and GeoVirus geoparsing: toponym recognition and resolution, end to end and given gold spans.

Usage:
    .venv/bin/python benchmarks/geo_gwn.py [--gwn ../shared/data/geo/GWN.xml]
        [--geovirus ../shared/data/geo/GeoVirus.xml] [--seed ../shared/seed/article.txt]
        [--before OTHER/src] [--write]

`--before` measures the same with the eventwire sources of another checkout (a child process with that
PYTHONPATH) and prints each cell as 'before → after', in one run.

Each corpus is reported on its development part and its held-out part (a quarter of the documents, chosen
by a hash of the document id: GeoWebNews' `file`, GeoVirus' position), which tuning does not look at.
GeoVirus (WikiNews) has coordinates but no GeoNames ids and no toponym types; its toponyms count as Literal.

Recognition: precision and recall of the places step's placed mentions (literal and metonymic, as GeoWebNews
counts both) and adjectival references ('Turkish'; GeoWebNews annotates them, GeoVirus does not), against
the gold toponyms (types Literal, Metonymic, Mixed, Coercion, Literal_Modifier, Non_Literal_Modifier,
Embedded_Literal, Embedded_Non_Lit), exact span and overlap. Resolution: acc@161
(share within 161 km) and exact GeoNames id, on gold toponyms with coordinates that were recognized
(end to end) or on all of them (given the gold spans, resolved together per article). Also the time of
the places step against the bare parse, on the seed article and on the corpus. `--write` appends the
figures to BENCHMARKS.md.

The cause table counts, on the development part, why gold toponyms were missed (`miss_cause`: the first
kind that fits, from the name, its neighbours in the parse, the words of `geo_causes.json` and whether the
places step found a candidate there) and why resolved ones lie over 161 km off (`error_cause`: the
gazetteer's entries of the name nearest the gold point decide between a wrong homonym, a wrong level, an
entry placed elsewhere, or none near); given the spans, a name the gazetteer does not know takes the town
the article names closest to it (`Resolution.inferred`), counted apart when that lies over 161 km off.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eventwire.clean import clean_steps
from eventwire.knowledge import load_knowledge
from eventwire.language.nlp import Parse
from eventwire.language.places import Places, _person_words, find_mentions
from eventwire.model import Article, Paragraph, RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.places.index import load_gazetteer
from eventwire.places.names import key
from eventwire.places.rank import Mention, Resolver, km
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TOPONYM_TYPES = {
    "Literal",
    "Metonymic",
    "Mixed",
    "Coercion",
    "Literal_Modifier",
    "Non_Literal_Modifier",
    "Embedded_Literal",
    "Embedded_Non_Lit",
}


CAUSE_WORDS = json.loads((Path(__file__).with_name("geo_causes.json")).read_text(encoding="utf-8"))
MISS_KINDS = (
    "all-caps",
    "demonym",
    "abbreviation",
    "hyphen compound",
    "person-name rule",
    "in-name",
    "water/physical",
    "street/building",
    "below threshold",
    "division",
    "region",
    "not in gazetteer",
    "other",
)
ERROR_KINDS = ("wrong homonym", "wrong level city/state/country", "point off", "no entry near the gold")

HELD_OUT_SHARE = 4
"""One document in this many is held out (by the hash of its id)."""


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    geonameid: int | None
    lat: float | None
    lon: float | None


@dataclass
class Doc:
    id: str
    text: str
    golds: list[Gold]

    @property
    def held_out(self) -> bool:
        """Whether the document is in the held-out part (a hash of its id)."""
        return int(hashlib.sha1(self.id.encode()).hexdigest(), 16) % HELD_OUT_SHARE == 0


def load_gwn(path: Path) -> list[Doc]:
    """GeoWebNews articles: text and gold toponyms of the toponym types."""
    out = []
    for a in ET.parse(path).getroot():
        text = a.findtext("text") or ""
        golds = []
        for t in a.find("toponyms"):
            if t.findtext("type") not in TOPONYM_TYPES:
                continue
            lat, lon, gid = t.findtext("latitude"), t.findtext("longitude"), t.findtext("geonamesID")
            golds.append(
                Gold(
                    int(t.findtext("start")),
                    int(t.findtext("end")),
                    t.findtext("extractedName") or "",
                    t.findtext("type"),
                    int(gid) if gid else None,
                    float(lat) if lat else None,
                    float(lon) if lon else None,
                )
            )
        out.append(Doc(f"gwn:{a.get('file')}", text, golds))
    return out


def load_geovirus(path: Path) -> list[Doc]:
    """GeoVirus articles: text and gold locations (coordinates, no GeoNames id), counted as Literal.

    The file's offsets are one past the name (`start` 170 for 'Pandi' at 169): both are taken one back.
    """
    out = []
    for n, a in enumerate(ET.parse(path).getroot()):
        golds = [
            Gold(
                int(t.findtext("start")) - 1,
                int(t.findtext("end")) - 1,
                t.findtext("name") or "",
                "Literal",
                None,
                float(t.findtext("lat")),
                float(t.findtext("lon")),
            )
            for t in a.find("locations")
        ]
        out.append(Doc(f"geovirus:{n}", a.findtext("text") or "", sorted(golds, key=lambda g: g.start)))
    return out


def as_article(text: str) -> Article:
    """An article over the text as is (no cleaning, so gold offsets hold), one paragraph per block."""
    paragraphs = [
        Paragraph(i, "body", m.start(), m.end(), [i])
        for i, m in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text))
    ]
    return Article(text=text, paragraphs=paragraphs)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def parse_corpus(docs: list[Doc]) -> tuple[list[Article], float]:
    """The parsed articles of the documents, and the time of the bare parse in seconds."""
    parse = Parse(Settings(), load_knowledge())
    parse.setup()
    t0 = time.perf_counter()
    arts = [parse.process(as_article(d.text)) for d in docs]
    return arts, time.perf_counter() - t0


def _tokens_at(article: Article, start: int, end: int) -> tuple[list, object, object]:
    """The parsed tokens over [start, end) and the tokens right before and after them."""
    for p in article.scratch["parsed"]:
        if p.start <= start < p.start + len(p.doc.text):
            toks = [t for t in p.doc if p.start + t.idx < end and start < p.start + t.idx + len(t.text)]
            if not toks:
                break
            before = p.doc[toks[0].i - 1] if toks[0].i > 0 else None
            after = p.doc[toks[-1].i + 1] if toks[-1].i + 1 < len(p.doc) else None
            return toks, before, after
    return [], None, None


def _has_word(words: list[str], kind: str) -> bool:
    return any(w.casefold() in CAUSE_WORDS[kind] for w in words)


def miss_cause(text: str, g: Gold, article: Article, context: dict) -> str:
    """Why a gold toponym was not recognized, the first kind that fits (`MISS_KINDS`)."""
    words, gazetteer = context["words"], context["gazetteer"]
    name = g.text
    toks, before, after = _tokens_at(article, g.start, g.end)
    around = [t.text for t in toks] + ([after.text] if after is not None else [])
    if words.is_demonym(name) or words.demonym_place(name):
        return "demonym"
    if name.endswith(".") or re.fullmatch(r"(?:[A-Z]\.)+[A-Za-z]*\.?", name) or name in words.abbreviations:
        return "abbreviation"
    if name.isupper() and len(name) > 3:
        return "all-caps"
    if text[g.end : g.end + 1] == "-" or text[g.start - 1 : g.start] == "-":
        return "hyphen compound"
    if " " not in name and name in context["people"]:
        return "person-name rule"
    if _has_word(around, "physical"):
        return "water/physical"
    if g.type.startswith("Embedded") or any(
        t is not None and t.text[:1].isupper() and t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC")
        for t in (before, after)
    ):
        return "in-name"
    if _has_word(around, "facility"):
        return "street/building"
    matches = gazetteer.lookup(name)
    if matches and any(f.mention.start < g.end and g.start < f.mention.end for f in context["found"]):
        return "below threshold"
    if (
        name.split()[-1:]
        and words.admin_level(name.split()[-1])
        or any(m.entry.feature in ("admin1", "admin2") for m in matches)
    ):
        return "division"
    if any(m.entry.feature == "region" for m in matches):
        return "region"
    return "not in gazetteer" if not matches else "other"


def error_cause(g: Gold, entry, gazetteer) -> str:
    """Why a resolved toponym lies more than 161 km off (`ERROR_KINDS`)."""
    if g.geonameid and entry.geonameid == g.geonameid:
        return "point off"
    cands = [m.entry for m in gazetteer.lookup(g.text)] + [m.entry for m in gazetteer.lookup(entry.name)]
    if g.geonameid:
        same = gazetteer.by_geonameid(g.geonameid)
        if same is not None:
            cands.append(same)
    near = min(cands, key=lambda c: km(c.lat, c.lon, g.lat, g.lon), default=None)
    if near is None or km(near.lat, near.lon, g.lat, g.lon) > 161:
        if g.geonameid and any(c.geonameid == g.geonameid for c in cands):
            return "point off"
        if not g.geonameid and entry.feature != "city" and any(c.id == entry.id for c in cands):
            return "point off"  # the area the gold names, placed elsewhere than the gold's point
        return "no entry near the gold"
    city = {"city"}
    if (
        (near.feature in city) != (entry.feature in city)
        or near.feature != entry.feature
        and key(near.name) == key(entry.name)
    ):
        return "wrong level city/state/country"
    return "wrong homonym"


def end_to_end(docs: list[Doc], articles: list[Article]) -> tuple[dict, float]:
    """Recognition and resolution figures of the places step on the parsed articles, and its time."""
    places = Places(Settings(), load_knowledge())
    places.setup()
    tp_exact = tp_overlap = n_pred = n_pred_good = n_gold = n_names = n_names_good = 0
    coord_total = coord_found = within = gid_total = gid_ok = 0
    t_places = 0.0
    by_type: dict[str, list[int]] = {}
    misses: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    gazetteer, settings = load_gazetteer("en"), Settings()
    words = load_knowledge().language.places
    for doc, art in zip(docs, articles, strict=True):
        golds = doc.golds
        t1 = time.perf_counter()
        art = places.process(art)
        t_places += time.perf_counter() - t1
        pdocs = [(p.start, p.doc) for p in art.scratch["parsed"]]
        people_args = ([d for _, d in pdocs], words)[
            : _person_words.__code__.co_argcount
        ]  # older: docs alone
        context = {
            "words": words,
            "gazetteer": gazetteer,
            "people": _person_words(*people_args),
            "found": find_mentions(pdocs, gazetteer, words, settings),
        }
        preds = [p for p in art.scratch["place_mentions"] if p.entry is not None]
        names = len(preds)
        n_names += names
        preds += art.scratch.get("place_references", [])
        n_names_good += sum(any(p.start < g.end and g.start < p.end for g in golds) for p in preds[:names])
        n_pred += len(preds)
        n_pred_good += sum(any(p.start < g.end and g.start < p.end for g in golds) for p in preds)
        n_gold += len(golds)
        spans = {(p.start, p.end) for p in preds}
        tp_exact += sum((g.start, g.end) in spans for g in golds)
        for g in golds:
            hit = any(p.start < g.end and g.start < p.end for p in preds)
            tp_overlap += hit
            if not hit:
                misses[miss_cause(doc.text, g, art, context)] += 1
            counts = by_type.setdefault(g.type, [0, 0])
            counts[0] += hit
            counts[1] += 1
        for g in golds:
            if g.lat is None:
                continue
            coord_total += 1
            found = next((p for p in preds if p.start < g.end and g.start < p.end), None)
            if found is None or found.entry is None:
                continue
            coord_found += 1
            near = km(found.entry.lat, found.entry.lon, g.lat, g.lon) <= 161
            within += near
            if not near:
                errors[error_cause(g, found.entry, gazetteer)] += 1
            if g.geonameid:
                gid_total += 1
                gid_ok += found.entry.geonameid == g.geonameid
    figures = {
        "precision (overlap)": _ratio(n_pred_good, n_pred),
        "precision exact": _ratio(tp_exact, n_pred),
        "precision names": _ratio(n_names_good, n_names),
        "recall exact": _ratio(tp_exact, n_gold),
        "recall overlap": _ratio(tp_overlap, n_gold),
        "acc@161 (recognized)": _ratio(within, coord_found),
        "exact id (recognized)": _ratio(gid_ok, gid_total),
        "acc@161 x recall": _ratio(within, coord_total),
        "gold toponyms": n_gold,
        "gold with coordinates": coord_total,
        "predicted mentions": n_pred,
        "recall by type": {t: _ratio(*v) for t, v in sorted(by_type.items())},
        "misses": dict(misses),
        "errors": dict(errors),
    }
    return figures, t_places


def given_spans(docs: list[Doc]) -> dict:
    """Resolution of the gold spans (with coordinates), each article's spans resolved together."""
    language = load_knowledge().language
    resolver = Resolver(load_gazetteer("en"), Settings(), language.places, language.offices)
    conjunctions = getattr(language.places, "list_conjunctions", ())  # older sources (--before) have none
    gazetteer = load_gazetteer("en")
    total = within = gid_total = gid_ok = 0
    errors: Counter[str] = Counter()
    for doc in docs:
        golds = [g for g in doc.golds if g.lat is not None]
        mentions = [Mention(g.start, g.end, g.text) for g in sorted(golds, key=lambda g: g.start)]
        for m, n in zip(mentions, mentions[1:], strict=False):
            between = doc.text[m.end : n.start].replace(",", " , ").split()
            if between == [","]:  # 'Klamath Falls, Oregon'
                m.within = n
            elif between[-1:] and between[-1] in conjunctions and between[:-1] in ([], [","]):
                m.joined = n  # 'New Jersey and New York'
        res = resolver.resolve(mentions)
        by_span = {(r.mention.start, r.mention.end): r for r in res}
        for g in golds:
            total += 1
            r = by_span[(g.start, g.end)]
            if r.entry is None:
                errors["no entry"] += 1
                continue
            near = km(r.entry.lat, r.entry.lon, g.lat, g.lon) <= 161
            within += near
            if not near:
                errors[
                    "unknown name, article's town far"
                    if getattr(r, "inferred", False)  # older sources (--before) have no such field
                    else error_cause(g, r.entry, gazetteer)
                ] += 1
            if g.geonameid:
                gid_total += 1
                gid_ok += r.entry.geonameid == g.geonameid
    return {
        "acc@161": _ratio(within, total),
        "exact id": _ratio(gid_ok, gid_total),
        "toponyms": total,
        "errors": dict(errors),
    }


def corpus_rows(docs: list[Doc], articles: list[Article]) -> tuple[list[tuple[str, ...]], dict, float]:
    """The table rows of one corpus, a column each for its development part, held-out part and whole;
    also the whole corpus's end-to-end figures and the places step's time."""
    parts = [[i for i, d in enumerate(docs) if not d.held_out], [i for i, d in enumerate(docs) if d.held_out]]
    parts.append(list(range(len(docs))))
    figs, gold = [], []
    t_places = 0.0
    for idx in parts:
        e2e, t = end_to_end([docs[i] for i in idx], [articles[i] for i in idx])
        figs.append(e2e)
        gold.append(given_spans([docs[i] for i in idx]))
        t_places = t
    with_ids = any(g.geonameid for d in docs for g in d.golds)
    rows: list[tuple[str, ...]] = [
        ("documents", *(str(len(idx)) for idx in parts)),
        (
            "gold toponyms (with coordinates)",
            *(f"{e['gold toponyms']} ({e['gold with coordinates']})" for e in figs),
        ),
        (
            "recognition precision, overlap / exact span",
            *(f"{e['precision (overlap)']:.3f} / {e['precision exact']:.3f}" for e in figs),
        ),
        (
            "recognition precision of names alone (adjectival references left out), overlap",
            *(f"{e['precision names']:.3f}" for e in figs),
        ),
        (
            "recognition recall, overlap / exact span",
            *(f"{e['recall overlap']:.3f} / {e['recall exact']:.3f}" for e in figs),
        ),
        (
            "end to end: acc@161 on recognized toponyms with coordinates",
            *(f"{e['acc@161 (recognized)']:.3f}" for e in figs),
        ),
        (
            "**end to end: within 161 km over all gold with coordinates**",
            *(f"**{e['acc@161 x recall']:.3f}**" for e in figs),
        ),
        ("given gold spans: acc@161", *(f"{g['acc@161']:.3f}" for g in gold)),
    ]
    if with_ids:
        rows.insert(
            6,
            (
                "end to end: exact GeoNames id on recognized toponyms with an id",
                *(f"{e['exact id (recognized)']:.3f}" for e in figs),
            ),
        )
        rows.append(("given gold spans: exact GeoNames id", *(f"{g['exact id']:.3f}" for g in gold)))
    dev_misses, dev_errors, dev_given = figs[0]["misses"], figs[0]["errors"], gold[0]["errors"]
    rows += [(f"missed (dev): {k}", str(dev_misses.get(k, 0)), "", "") for k in MISS_KINDS]
    rows += [(f"over 161 km, end to end (dev): {k}", str(dev_errors.get(k, 0)), "", "") for k in ERROR_KINDS]
    rows += [
        (f"over 161 km, given spans (dev): {k}", str(dev_given.get(k, 0)), "", "")
        for k in (*ERROR_KINDS, "unknown name, article's town far", "no entry")
    ]
    return rows, figs[2], t_places


def seed_timing(seed: Path, repeats: int = 5) -> tuple[float, float]:
    """Median seconds of the bare parse and of the places step on the cleaned seed article."""
    text = seed.read_text(encoding="utf-8")
    art = Pipeline(clean_steps(Settings(), load_knowledge())).run(
        RawArticle(text=text, source=Source(path="article.txt"), published="2022-03-23")
    )
    parse, places = Parse(Settings(), load_knowledge()), Places(Settings(), load_knowledge())
    parse.setup()
    places.setup()
    tp, tpl = [], []
    for _ in range(repeats):
        a = Article(text=art.text, paragraphs=art.paragraphs)
        t0 = time.perf_counter()
        a = parse.process(a)
        t1 = time.perf_counter()
        places.process(a)
        tp.append(t1 - t0)
        tpl.append(time.perf_counter() - t1)
    return statistics.median(tp), statistics.median(tpl)


def measure(gwn: Path, geovirus: Path, seed: Path) -> dict:
    """All figures: per corpus its table rows and recall by type, and the times."""
    load_gazetteer("en")  # builds the cache if absent
    load_gazetteer.cache_clear()
    t0 = time.perf_counter()
    load_gazetteer("en")
    t_load = time.perf_counter() - t0
    out: dict = {"corpora": {}, "timing": []}
    for name, docs in (("GeoWebNews", load_gwn(gwn)), ("GeoVirus", load_geovirus(geovirus))):
        articles, t_parse = parse_corpus(docs)
        rows, whole, t_places = corpus_rows(docs, articles)
        recall = ", ".join(f"{t} {r:.2f}" for t, r in whole["recall by type"].items())
        out["corpora"][name] = {"rows": rows, "recall": recall}
        out["timing"].append(
            (
                f"{name}: bare parse / places step (share)",
                f"{t_parse:.1f} s / {t_places:.1f} s ({t_places / t_parse:.1%})",
            )
        )
    s_parse, s_places = seed_timing(seed)
    out["timing"] += [
        ("gazetteer load (from the cache)", f"{t_load:.2f} s"),
        (
            "seed article: bare parse / places step (median of 5)",
            f"{s_parse * 1000:.0f} ms / {s_places * 1000:.0f} ms",
        ),
    ]
    return out


def _measure_elsewhere(src: Path, gwn: Path, geovirus: Path, seed: Path) -> dict:
    """The same figures with the eventwire sources at `src` (another checkout), in a child process."""
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        cmd = [sys.executable, __file__, "--gwn", str(gwn), "--geovirus", str(geovirus), "--seed", str(seed)]
        cmd += ["--json", f.name]
        subprocess.run(cmd, check=True, env={**os.environ, "PYTHONPATH": str(src)})
        return json.loads(Path(f.name).read_text(encoding="utf-8"))


def _cells(after: list, before: list | None) -> list[str]:
    if before is None:
        return list(after)
    return [a if a == b else f"{b} → {a}" for a, b in zip(after, before, strict=True)]


def _commit() -> str:
    """The checkout's commit, short, with '+' when it has uncommitted changes."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout
    dirty = subprocess.run([*git, "status", "--porcelain", "-uno"], capture_output=True, text=True).stdout
    return (head.strip() or "unknown") + ("+" if dirty.strip() else "")


def render(after: dict, before: dict | None, before_src: Path | None) -> list[str]:
    """The markdown section of the figures, each cell 'before → after' when a baseline was measured."""
    compared = f" Cells read before → after; before is `PYTHONPATH={before_src}`." if before else ""
    lines = [
        "",
        "## Places: GeoWebNews and GeoVirus geoparsing (benchmarks/geo_gwn.py)",
        "",
        f"Command: `.venv/bin/python benchmarks/geo_gwn.py --write"
        f"{f' --before {before_src}' if before else ''}`, commit {_commit()}, {platform.machine()}, 2 cores, "
        "no GPU, "
        f"{time.strftime('%Y-%m-%d %H:%M')} UTC. Held out: one document in {HELD_OUT_SHARE} by the hash of "
        f"its id, not looked at while tuning (the cause counts are of the development part).{compared}",
    ]
    for name, corpus in after["corpora"].items():
        old = before["corpora"][name] if before else None
        old_rows = {r[0]: r[1:] for r in old["rows"]} if old else {}
        lines += ["", f"### {name}", "", "| measure | development | held out | all |", "|---|---|---|---|"]
        for row in corpus["rows"]:
            base = old_rows.get(row[0]) if old else None
            lines.append(f"| {row[0]} | {' | '.join(_cells(row[1:], base))} |")
        if name == "GeoWebNews":
            lines += ["", f"Recall (overlap) by GeoWebNews type, all: {corpus['recall']}."]
            if old:
                lines[-1] += f" Before: {old['recall']}."
    old_timing = dict(map(tuple, before["timing"])) if before else {}
    lines += ["", "| time | value |", "|---|---|"]
    for m, v in after["timing"]:
        lines.append(f"| {m} | {f'{old_timing[m]} → {v}' if m in old_timing else v} |")
    lines += [
        "",
        f"Load average at the end: {os.getloadavg()[0]:.1f} (other work ran on the machine; "
        "times are indicative).",
    ]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gwn", type=Path, default=SHARED / "data" / "geo" / "GWN.xml")
    ap.add_argument("--geovirus", type=Path, default=SHARED / "data" / "geo" / "GeoVirus.xml")
    ap.add_argument("--seed", type=Path, default=SHARED / "seed" / "article.txt")
    ap.add_argument("--before", type=Path, help="the src folder of another checkout to compare with")
    ap.add_argument("--json", type=Path, help="write the figures as JSON here instead of printing them")
    ap.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    args = ap.parse_args()
    before = _measure_elsewhere(args.before, args.gwn, args.geovirus, args.seed) if args.before else None
    after = measure(args.gwn, args.geovirus, args.seed)
    if args.json:
        args.json.write_text(json.dumps(after), encoding="utf-8")
        return
    lines = render(after, before, args.before)
    print("\n".join(lines))
    if args.write:
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
