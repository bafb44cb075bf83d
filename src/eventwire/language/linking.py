"""Link mentions to one entity per referent and choose its canonical name and type.

- People: a full name (two or more words) is an entity; a partial mention ("Chubais", "Biden") joins the
  nearest earlier full name that ends (or else starts) with it, whatever label the model gave it, and
  otherwise the only one that contains it.
- Organisations: the same name with or without "the"; an acronym joins the name whose initials it is;
  a name contained in a longer one of the same kind joins it ("Ministry of Defense").
- Places join by canonical place name; demonyms by the country or people they name ("Russians").

The canonical name of a person is their longest full name; of an organisation its longest non-acronym
form; of a place its gazetteer name; of a people its singular demonym.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.knowledge.entities import EntityWords
from eventwire.knowledge.places import PlaceWords
from eventwire.language.mentions import Candidate

_MARKS = re.compile(r"[.'’`]")
_SPACES = re.compile(r"[\s\-‐–]+")
_WORD_BREAKS = re.compile(r"[\s\-]+")


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """A comparison key: no accents, case, dots, apostrophes or extra spaces (memoised: linking asks for
    the same names many times)."""
    s = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    s = _MARKS.sub("", s.casefold())
    return _SPACES.sub(" ", s).strip()


@dataclass
class Cluster:
    """The mentions of one referent."""

    type: str
    key: str
    mentions: list[Candidate] = field(default_factory=list)
    name: str = ""


def _initials(name: str, lex: EntityWords) -> str:
    words = [w for w in _WORD_BREAKS.split(name) if w and w.lower() not in lex.initials_skip]
    return "".join(w[0] for w in words if w[0].isupper())


def _person_clusters(cands: list[Candidate]) -> tuple[list[Cluster], list[Candidate]]:
    """Group people; return the clusters and the candidates that are not people."""
    full: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    rest: list[Candidate] = []
    people = [c for c in cands if c.label == "PERSON" and len(norm(c.text).split()) > 1]
    for c in people:
        k = norm(c.text)
        if k not in by_key:
            by_key[k] = Cluster("PERSON", k)
            full.append(by_key[k])
        by_key[k].mentions.append(c)
    # a full name inside a longer one ("Vladimir Putin" in "Vladimir Vladimirovich Putin") is the same person
    for cl in list(full):
        longer = [o for o in full if o is not cl and _within(cl.key.split(), o.key.split())]
        if len(longer) == 1:
            longer[0].mentions += cl.mentions
            full.remove(cl)
    for c in cands:
        if c.label == "PERSON" and len(norm(c.text).split()) > 1:
            continue
        target = _person_for(c, full)
        if target is not None and not (c.org and c.label == "ORG") and not c.demonym:
            target.mentions.append(c)
        elif c.label == "PERSON":
            k = norm(c.text)
            cl = by_key.setdefault(k, Cluster("PERSON", k))
            if cl not in full:
                full.append(cl)
            cl.mentions.append(c)
        else:
            rest.append(c)
    return full, rest


def _within(short: list[str], long: list[str]) -> bool:
    """Whether a shorter full name is part of a longer one: its first and last names, or its start or end
    ("Andrés Manuel" and "Lopez Obrador" in "Andres Manuel Lopez Obrador")."""
    n = len(short)
    return n < len(long) and (
        (short[0] == long[0] and short[-1] == long[-1]) or short == long[:n] or short == long[-n:]
    )


def _person_for(c: Candidate, people: list[Cluster]) -> Cluster | None:
    """The full-name person a one-word (or partial) mention refers to, if any."""
    words = norm(c.text).split()
    if not words or c.label not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "PRODUCT", "WORK_OF_ART"):
        return None
    if c.place is not None and c.place.feature in ("country", "admin1", "region") and not c.person_evidence:
        return None

    def score(cl: Cluster) -> int:
        names = cl.key.split()
        if words == names:
            return 3
        if len(words) >= len(names):
            return 0
        if names[-len(words) :] == words:
            return 2
        if names[: len(words)] == words:
            return 1
        return 0

    ranked = [(score(cl), cl) for cl in people]
    best = max((s for s, _ in ranked), default=0)
    if best == 0:
        return None
    tied = [cl for s, cl in ranked if s == best]
    if len(tied) == 1:
        return tied[0]
    before = [cl for cl in tied if min(m.start for m in cl.mentions) < c.start]
    return (
        max(before, key=lambda cl: max(m.start for m in cl.mentions if m.start < c.start)) if before else None
    )


def _org_clusters(cands: list[Candidate], lex: EntityWords) -> list[Cluster]:
    clusters: dict[str, Cluster] = {}
    for c in cands:
        k = norm(c.text)
        clusters.setdefault(k, Cluster("ORG", k)).mentions.append(c)
    # a cluster's first mention stays first as others join it, so its initials never change
    initials = {k: norm(_initials(cl.mentions[0].text, lex)) for k, cl in clusters.items()}
    keys = sorted(clusters, key=len)
    for k in keys:
        cl = clusters[k]
        if " " not in k:  # an acronym: the last other cluster with these initials
            named = [o for j, o in clusters.items() if o is not cl and initials[j] == k]
            target = named[-1] if named else None
        else:
            containing = [
                o
                for o in clusters.values()
                if o is not cl and o.key.endswith(k) and re.search(rf"\b{re.escape(k)}$", o.key)
            ]
            target = containing[0] if len(containing) == 1 else None
        if target is not None:
            target.mentions += cl.mentions
            del clusters[k]
    return list(clusters.values())


def link(cands: list[Candidate], lex: EntityWords, place_words: PlaceWords) -> list[Cluster]:
    """Group candidates into clusters (one per referent), each with its canonical name and type."""
    people, rest = _person_clusters(cands)
    clusters = people + _org_clusters([c for c in rest if c.label == "ORG"], lex)
    others: dict[tuple[str, str], Cluster] = {}
    for c in rest:
        if c.label == "ORG":
            continue
        if c.label == "NORP":
            dem = place_words.demonym(c.text)
            k = norm(dem.word) if dem else norm(c.text)
        elif c.place is not None:
            k = norm(c.place.name)
        else:
            k = norm(c.text)
        others.setdefault((c.label, k), Cluster(c.label, k)).mentions.append(c)
    clusters += list(others.values())
    clusters = _fold_stray_people(clusters)
    for cl in clusters:
        cl.mentions.sort(key=lambda m: m.start)
        cl.name = _canonical(cl, place_words)
    clusters.sort(key=lambda cl: cl.mentions[0].start)
    return clusters


def _fold_stray_people(clusters: list[Cluster]) -> list[Cluster]:
    """A one-word "person" with no role, age or full name, named elsewhere as an organisation or place
    ("Tesla"), is that organisation or place."""
    named: dict[str, Cluster] = {}
    for cl in clusters:
        if cl.type != "PERSON":
            for m in cl.mentions:
                named.setdefault(norm(m.text), cl)
    out = []
    for cl in clusters:
        target = named.get(cl.key) if cl.type == "PERSON" and " " not in cl.key else None
        if target is not None and not any(m.person_evidence for m in cl.mentions):
            target.mentions += cl.mentions
        else:
            out.append(cl)
    return out


def _canonical(cl: Cluster, place_words: PlaceWords) -> str:
    texts = [m.text for m in cl.mentions]
    if cl.type == "PERSON":
        counts = Counter(texts)
        return max(texts, key=lambda t: (len(t.split()), counts[t], -texts.index(t)))
    if cl.type == "ORG":
        words = [t for t in texts if not t.isupper()] or texts
        return max(words, key=lambda t: (len(t), -texts.index(t)))
    if cl.type == "NORP":
        dem = place_words.demonym(texts[0])
        return dem.word if dem else texts[0]
    places = [m.place.name for m in cl.mentions if m.place is not None]
    return places[0] if places else Counter(texts).most_common(1)[0][0]
