"""The places step: find place names in the parse, resolve them in the gazetteer, fill `article.places`.

Recognition does not trust spaCy's entity label alone (the small model calls Mariupol an ORG and Kherson
a PERSON, and misses Donetsk): a gazetteer matcher runs over runs of capitalized proper-noun tokens,
alongside the GPE/LOC/FAC entities. Matches are checked against context: demonyms, dates, people's
names, words that are rarely places, a lower-case feature word after the name ('the
Juba river': no town), and a score threshold for names no entity label supports.
"X Oblast", "X Province", "X County" ask for the division, not the city. A mention used as an actor
("Moscow says", "under Kyiv's control") is kept apart by `metonymy` and is not a place mention. A
demonym or adjectival form that points to a place ("Turkish", "Texan") is recorded as the place's
`adjectival` reference, and a place inside the name of an organisation or facility ("Air Zimbabwe", "the
New York Police Department") as its `in_name` reference: neither is one of its mentions.

A word of a person's name elsewhere in the article ("Biden" once "Joe Biden" appears) is no place where
the model gives it no place label; where the model calls that mention a place, or a preposition of place
comes before it ("in Riverdale"), it is one, and so is every other mention of that word in the article
(one name, one place: "the Riverdale gas station" once "in Riverdale" appears).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from spacy.attrs import ENT_TYPE, LOWER, ORTH
from spacy.tokens import Doc, Span

from eventwire.knowledge.places import PlaceWords
from eventwire.language.metonymy import dateline, is_metonymic, is_seat_of_government
from eventwire.language.nlp import parsed
from eventwire.model import Article, Place
from eventwire.pipeline import ArticleStep
from eventwire.places.index import Entry, Gazetteer, gazetteer_with
from eventwire.places.names import key
from eventwire.places.rank import Mention, Resolution, Resolver, contains
from eventwire.settings import Settings

SKIP_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "NORP", "LANGUAGE", "LAW"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""Entities taken as candidate names; only GPE and LOC count as support for a weak match."""
SUPPORT_LABELS = frozenset({"GPE", "LOC"})
FEATURE_OUT = {"admin2": "other"}


@dataclass
class PlaceMention:
    """A place name found in the text, its entry, whether it names an actor, and the place id it joined.

    The step leaves every one in `article.scratch["place_mentions"]`: actors (metonymic) as well as
    places, and names the model labels GPE or LOC that the gazetteer cannot place (entry None); the
    adjectival references ('Turkish') apart, in `article.scratch["place_references"]`.
    """

    start: int
    end: int
    text: str
    entry: Entry | None
    metonymic: bool = False
    place: str | None = None
    reference: str | None = None
    """'adjectival' or 'in-name' for a reference that is no mention of the place."""


@dataclass
class _Found:
    span: Span
    offset: int
    mention: Mention
    labeled: bool
    in_name: bool = False
    """The name lies inside an organisation's or facility's name ('Air Zimbabwe')."""
    opens: bool = False
    """The name is the town of the paragraph's dateline ('GAROWE, March 3 (Agency) -')."""
    after_name: bool = False
    """The name follows another name and a comma ('Oulton Park, Cheshire'): likely the division it lies in."""


def _capitalized(tok) -> bool:
    return tok.text[:1].isupper()


def _name_runs(doc: Doc, words: PlaceWords, max_tokens: int) -> Iterator[tuple[int, list[int]]]:
    """For each capitalized token i, the ends j (longest first, at most `max_tokens` tokens) of the runs
    doc[i:j] that could be a name: capitalized at both ends, only connectors in lower case inside, no
    token of a skipped entity type."""
    caps = [t.text[:1].isupper() for t in doc]
    connectors = words.name_connectors
    inside = [
        c or t.lower_ in connectors or t.text in (".", "'", "'s", "’s")
        for c, t in zip(caps, doc, strict=True)
    ]
    allowed = [ok and t.ent_type_ not in SKIP_LABELS for ok, t in zip(inside, doc, strict=True)]
    for i, cap in enumerate(caps):
        if not cap:
            continue
        ends = []
        for j in range(i + 1, min(i + max_tokens, len(doc)) + 1):
            if not allowed[j - 1]:
                break
            if caps[j - 1]:
                ends.append(j)
        yield i, ends[::-1]


def _person_words(docs: list[Doc], words: PlaceWords) -> set[str]:
    """Every word of a multi-word PERSON name in the article ('Biden' once 'Joe Biden' appears) that the
    article does not mark as a place as often (`_placed_words`)."""
    people = {t.text for d in docs for e in d.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    return people - _placed_words(docs, people, words) if people else people


def _placed_words(docs: list[Doc], candidates: set[str], words: PlaceWords) -> set[str]:
    """The candidate words the article marks as a place at least as often as a person: labeled GPE or LOC,
    or right after a preposition of place ('in Riverdale'), against labeled PERSON ('Mr. Heiden' eight
    times and once a GPE stays a person). Read from token arrays: no token objects for the whole text."""
    votes: Counter[str] = Counter()
    for d in docs:
        strings = d.vocab.strings
        wanted = {strings.add(w): w for w in candidates}
        place = {strings.add(label) for label in SUPPORT_LABELS}
        locative = {strings.add(w) for w in words.locative_before}
        person = strings.add("PERSON")
        rows = d.to_array([ORTH, LOWER, ENT_TYPE])
        for i in np.flatnonzero(np.isin(rows[:, 0], list(wanted))):
            orth, _, ent = rows[i]
            if ent in place or i > 0 and rows[i - 1, 1] in locative:
                votes[wanted[orth]] += 1
            elif ent == person:
                votes[wanted[orth]] -= 1
    return {w for w, n in votes.items() if n >= 0}


NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "EVENT", "FAC", "MONEY"})
"""Labels of the longer names a place name may stand inside ('11 billion US dollars': a currency's)."""


def _enclosing_label(span: Span) -> str | None:
    """The label of a longer PERSON, ORG, FAC, EVENT or WORK_OF_ART name the span lies strictly inside
    ('Bank of England': ORG), else None.

    An entity is cut at commas and conjunctions first, since the model often joins a list of towns.
    """
    for t in span:
        if t.ent_type_ in NAME_LABELS:
            ent = next((e for e in span.doc.ents if e.start <= t.i < e.end), None)
            if ent is None:
                continue
            first = ent.start + (ent[0].pos_ == "DET")
            start, end = t.i, t.i + 1
            while start > first and not (span.doc[start - 1].is_punct or span.doc[start - 1].pos_ == "CCONJ"):
                start -= 1
            while end < ent.end and not (span.doc[end].is_punct or span.doc[end].pos_ == "CCONJ"):
                end += 1
            if start < span.start or end > span.end:
                return ent.label_
    return None


def _longer_name_neighbour(span: Span, words: PlaceWords):
    """A proper noun right before or after the span that makes it part of a longer name ('Free' in 'Free
    People of Color'), or None."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return next(
        (
            t
            for t in (before, after)
            if t is not None
            and t.pos_ == "PROPN"
            and _capitalized(t)
            and not words.admin_level(t.text)
            and t.ent_type_ not in SUPPORT_LABELS
        ),
        None,
    )


def _names_feature(span: Span, words: PlaceWords) -> bool:
    """Whether a feature word around the span makes it a river, lake, mountain or other physical feature
    ('along the Juba river', 'the Mississippi River', 'Lake Manassas', 'the Gulf of Aden'), or the span is
    a feature word alone ('Valley'): the town of that name is not meant (the gazetteer's own features,
    'Lake Victoria', 'the Black Sea', are matched whole before this check)."""
    doc = span.doc
    if len(span) == 1 and (
        span.text.casefold() in words.features_after or span.text.casefold() in words.features_before
    ):
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text.casefold() in words.features_after:
        return True
    before = [t.text.casefold() for t in doc[max(0, span.start - 2) : span.start]]
    return bool(before) and (
        before[-1] in words.features_before
        or (len(before) == 2 and before[1] == "of" and before[0] in words.features_before)
    )


def _opens_office(doc: Doc, i: int, words: PlaceWords) -> bool:
    """Whether the division word at token i opens an office's name ('Department of Public Health')."""
    return doc[i].lower_ in words.office_divisions and i + 1 < len(doc) and doc[i + 1].lower_ == "of"


def _with_admin_word(span: Span, words: PlaceWords) -> tuple[Span, str | None, int | None]:
    """Extend 'Mykolaiv' to 'Mykolaiv Oblast' when a division word follows; return span, name, level."""
    last = span[-1]
    if span.text in words.abbreviations:
        return span, None, None
    if len(span) > 1 and words.admin_level(last.text) and not _opens_office(span.doc, last.i, words):
        return span, span[:-1].text, words.admin_level(last.text)
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        nxt is not None
        and words.admin_level(nxt.text)
        and (nxt.text[0].isupper() or nxt.lower_ in words.lowercase_divisions)
        and not _opens_office(span.doc, nxt.i, words)
    ):
        return span.doc[span.start : span.end + 1], span.text, words.admin_level(nxt.text)
    return span, None, None


def find_mentions(
    docs: list[tuple[int, Doc]], gazetteer: Gazetteer, words: PlaceWords, settings: Settings
) -> list[_Found]:
    """Candidate place names in parsed paragraphs given as (article offset, doc)."""
    people = _person_words([d for _, d in docs], words)
    named = {t.text for _, d in docs for t in d if t.is_title}  # "ICA —" shouts the "Ica" of the text
    abbr = words.abbreviations
    found: list[_Found] = []
    for offset, doc in docs:
        taken: set[int] = set()
        spans: list[tuple[Span, bool]] = []
        for i, ends in _name_runs(doc, words, settings.place_max_tokens):
            if i in taken:
                continue
            for j in ends:
                span, n = doc[i:j], j - i
                text = span.text
                code = _acronym(text, settings) and not _shouted(span, named, dateline(span))
                if (
                    text in abbr
                    or (gazetteer.has(text) and not code)
                    or (n == 1 and len(text) >= settings.place_lookup_min_chars and gazetteer.lookup(text))
                ):
                    spans.append((span, False))
                    taken.update(range(span.start, span.end))
                    break
        for ent in doc.ents:
            if ent.label_ == "NORP" and _town_not_people(ent, gazetteer, words):
                spans.append(
                    (ent, False)
                )  # 'between Afgooye and Mogadishu': a town the model took for a people
                taken.update(range(ent.start, ent.end))
            if ent.label_ not in PLACE_LABELS:
                continue
            if ent[0].lower_ in words.articles:
                ent = ent[1:]
            if len(ent) and _capitalized(ent[0]) and not any(t.i in taken for t in ent):
                spans.append((ent, True))
                taken.update(range(ent.start, ent.end))
        checked = (_check(span, offset, people, named, words, settings) for span, _ in spans)
        here = [f for f in checked if f is not None]
        for f in here:
            if (
                f.mention.level is None
                and _cued(f.span, words.division_cues)
                and any(m.entry.feature == "admin1" for m in gazetteer.lookup(f.mention.lookup_name))
            ):
                f.mention.level = 1
        here.sort(key=lambda f: f.span.start)
        for f, g in zip(here, here[1:], strict=False):
            gap = g.span.start - f.span.end
            between = [doc[i].lower_ for i in range(f.span.end, g.span.start)] if 0 < gap <= 2 else []
            if between == [","]:
                f.mention.within = g.mention
                g.after_name = True
            elif between[-1:] and between[-1] in words.list_conjunctions and between[:-1] in ([], [","]):
                f.mention.joined = g.mention
        found += here
    return found


def _town_not_people(ent: Span, gazetteer: Gazetteer, words: PlaceWords) -> bool:
    """Whether a NORP entity is no demonym but a town of the gazetteer by its own name ('Afgooye')."""
    return (
        _capitalized(ent[0])
        and not words.is_demonym(ent.text)
        and any(m.entry.feature == "city" and not m.alternate for m in gazetteer.lookup(ent.text, False))
    )


def _cued(span: Span, cues: tuple[tuple[str, ...], ...]) -> bool:
    """Whether lower-case words right before the span are one of the cues ('the governor of' New York,
    'the outskirts of' Izium)."""
    before = tuple(t.lower_ for t in span.doc[max(0, span.start - 3) : span.start])
    return any(before[len(before) - len(c) :] == c for c in cues if len(c) <= len(before))


def _acronym(text: str, settings: Settings) -> bool:
    """Whether a name is a short all-caps code ('AP', 'NATO'), rarely a place unless an abbreviation."""
    return text.isupper() and len(text) <= settings.place_acronym_max_chars


def _shouted(span: Span, named: set[str], opens: bool) -> bool:
    """Whether a short all-caps name that `opens` a dateline is one the text names in title case ("ICA —
    … south of Ica"): the town, not a code ("NATO (AP) —")."""
    return opens and span.start == 0 and span.text.title() in named


def _check(
    span: Span, offset: int, people: set[str], named: set[str], words: PlaceWords, settings: Settings
) -> _Found | None:
    text = span.text
    if words.is_demonym(text) or text.casefold() in words.not_places:
        return None
    opens = dateline(span)  # "CAIRO —", "MARDAN:": a town, though shouted and parsed as anything
    if text not in words.abbreviations and _acronym(text, settings) and not _shouted(span, named, opens):
        return None
    if _names_feature(span, words):
        return None
    labeled = opens or any(t.ent_type_ in SUPPORT_LABELS for t in span)
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    enclosing = _enclosing_label(span)
    if enclosing == "PERSON":
        return None
    if (
        len(span) == 1
        and text in people
        and not labeled
        and enclosing is None
        and text not in words.abbreviations
        and before not in words.locative_before
    ):
        return None  # 'Biden' said, once 'Joe Biden' appears; 'in Riverdale', 'the Abuja Chamber' stay places
    in_name = enclosing is not None
    if not labeled and not all(
        t.pos_ == "PROPN" or t.lower_ in words.name_connectors or t.is_punct for t in span
    ):
        return None
    if not labeled and not in_name:
        neighbour = _longer_name_neighbour(span, words)
        if neighbour is not None:
            if neighbour.ent_type_ == "PERSON":
                return None
            in_name = True
    span, name, level = _with_admin_word(span, words)
    start = offset + span.start_char
    town = level is None and _cued(span, words.town_cues)
    mention = Mention(start, start + len(span.text), span.text, name, level, town)
    return _Found(span, offset, mention, labeled and not in_name, in_name, opens)


def _accept(
    f: _Found,
    r: Resolution,
    supported: set[str],
    resolved: dict[int, Resolution],
    words: PlaceWords,
    settings: Settings,
) -> bool:
    """Keep a match with an entry when an entity label, an abbreviation or a division word supports it
    (here or at another mention of the same name), when the name after its comma contains it, when it is
    a division after another name and a comma ('Oulton Park, Cheshire') with a high enough score, or when
    its prior and score are high enough; a dateline's town always. A name inside a longer name needs
    support elsewhere or a high prior of its own (a country, a division, a large city)."""
    if r.entry is None or r.inferred:
        return False
    m = f.mention
    own = key(r.entry.name) == key(m.lookup_name)
    if m.text in words.abbreviations or m.level or f.opens or (m.town and r.entry.feature == "city"):
        return True
    if f.in_name:
        return key(m.lookup_name) in supported or (own and r.prior >= settings.place_in_name_min_prior)
    outer = resolved.get(m.within.start) if m.within is not None else None
    if outer is not None and outer.entry is not None and contains(outer.entry, r.entry):
        return True
    if f.after_name and r.entry.feature in ("admin1", "admin2") and r.score >= settings.place_min_score:
        return True
    if f.labeled or key(m.lookup_name) in supported:
        return own or r.score >= settings.place_min_score  # another name needs context ('Makarov' → Makariv)
    floor = settings.place_min_prior if own else settings.place_min_prior_alternate
    return r.prior >= floor and r.score >= settings.place_min_score


class Places(ArticleStep):
    """Find, resolve and group the article's places (needs the parse)."""

    name = "places"
    needs = frozenset({"parse"})
    adds = frozenset({"places"})

    def setup(self) -> None:
        gazetteer_with(self.knowledge.language.code, self.settings.place_gazetteer_file)

    def process(self, article: Article) -> Article:
        gazetteer = gazetteer_with(self.knowledge.language.code, self.settings.place_gazetteer_file)
        words = self.knowledge.language.places
        entity_words = self.knowledge.language.entities
        docs = [(p.start, p.doc) for p in parsed(article)]
        found = find_mentions(docs, gazetteer, words, self.settings)
        resolver = Resolver(gazetteer, self.settings, words, self.knowledge.language.offices)
        resolutions = resolver.resolve([f.mention for f in found], _demonym_countries(docs, gazetteer, words))
        by_start = {f.mention.start: f for f in found}
        supported = {key(f.mention.lookup_name) for f in found if f.labeled}
        resolved = {r.mention.start: r for r in resolutions}
        mentions: list[PlaceMention] = []
        in_name: list[PlaceMention] = []
        places: dict[int, Place] = {}
        for r in resolutions:
            f = by_start[r.mention.start]
            unknown = r.entry is None or r.inferred  # the article's town is no placement of the name itself
            if unknown and f.labeled and not is_seat_of_government(f.span.text, entity_words):
                mentions.append(PlaceMention(r.mention.start, r.mention.end, r.mention.text, None))
            if not _accept(f, r, supported, resolved, words, self.settings) or is_seat_of_government(
                f.span.text, entity_words
            ):
                continue
            e = r.entry
            if f.in_name:
                m = r.mention
                in_name.append(PlaceMention(m.start, m.end, m.text, e, reference="in-name"))
                continue
            political = e.feature in ("country", "admin1") or gazetteer.is_capital(e)
            pm = PlaceMention(
                r.mention.start,
                r.mention.end,
                r.mention.text,
                e,
                is_metonymic(f.span, entity_words, political),
            )
            mentions.append(pm)
            if pm.metonymic:
                continue
            place = places.get(e.id) or places.setdefault(e.id, _place(f"p{len(places) + 1}", e))
            place.mentions.append(article.span(pm.start, pm.end))
            pm.place = place.id
        adjectival = _adjectival(docs, mentions + in_name, resolver, words)
        for pm in adjectival + in_name:
            e = pm.entry
            place = places.get(e.id) or places.setdefault(e.id, _place(f"p{len(places) + 1}", e))
            refs = place.in_name if pm.reference == "in-name" else place.adjectival
            refs.append(article.span(pm.start, pm.end))
            pm.place = place.id
        article.places = list(places.values())
        article.scratch["place_mentions"] = mentions
        article.scratch["place_references"] = sorted(adjectival + in_name, key=lambda m: m.start)
        return article


def _demonym_countries(
    docs: list[tuple[int, Doc]], gazetteer: Gazetteer, words: PlaceWords
) -> tuple[Entry, ...]:
    """The country of each capitalized demonym of the article ('Turkish officials' → Turkey), as often as
    it occurs (read from the distinct words of each paragraph, no token objects)."""
    out: list[Entry] = []
    for _, d in docs:
        orths, counts = np.unique(d.to_array(ORTH), return_counts=True)
        for orth, n in zip(orths, counts, strict=True):
            text = d.vocab.strings[orth]
            code = words.demonym_country(text) if text[:1].isupper() else None
            entry = gazetteer.by_code(code) if code else None
            out += [entry] * int(n) if entry is not None else []
    return tuple(out)


def _place(pid: str, e: Entry) -> Place:
    return Place(
        id=pid,
        name=e.name,
        geonameid=e.geonameid,
        lat=e.lat,
        lon=e.lon,
        country_code=e.country or None,
        admin1=e.admin1,
        feature=FEATURE_OUT.get(e.feature, e.feature),
    )


def _adjectival(
    docs: list[tuple[int, Doc]], mentions: list[PlaceMention], resolver: Resolver, words: PlaceWords
) -> list[PlaceMention]:
    """Demonyms and adjectival forms that point to a place ('Turkish' → Turkey, 'Texan' → Texas), one
    token or two ('South Korean'), outside the place mentions; each resolved to what it points to."""
    taken = [(m.start, m.end) for m in mentions]
    out: list[PlaceMention] = []
    for offset, doc in docs:
        caps = [t.text[:1].isupper() for t in doc]
        i = 0
        while i < len(doc):
            if not caps[i]:  # both forms open with a capital: no span to build here
                i += 1
                continue
            for n in (2, 1):
                span = doc[i : i + n]
                start, end = offset + span.start_char, offset + span.end_char
                if (
                    len(span) < n
                    or not span.text[:1].isupper()
                    or not words.demonym_place(span.text)
                    or any(s < end and start < e for s, e in taken)
                ):
                    continue
                cands = resolver.candidates(Mention(start, end, span.text))
                if cands:
                    out.append(PlaceMention(start, end, span.text, cands[0][0], reference="adjectival"))
                    i += n - 1
                    break
            i += 1
    return out
