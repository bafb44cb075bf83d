"""Entity mentions in one parsed paragraph: the model's entities, cleaned and retyped, plus what it missed.

The small model mislabels often (Mariupol as ORG, Kherson as PERSON, Maxar as PERSON, "Ukrainian" as GPE)
and misses names (E.ON). Each mention is cleaned (no leading "the", honorific or title, no trailing
possessive) and typed by signals stronger than the model's label, in this order: a role or an age makes a
PERSON; a facility head ("Royal Street", "Kyiv Airport") a FAC; an organisation signal (acronym,
organisation head word, a descriptor such as "firm Maxar", a news agency, "contacted by X") an ORG;
a demonym a NORP; a known place a GPE or LOC.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import pycountry
from spacy.attrs import IDX, IS_PUNCT, IS_TITLE, IS_UPPER, LOWER, ORTH, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span

from eventwire.knowledge.entities import EntityWords
from eventwire.knowledge.places import PlaceWords
from eventwire.language.metonymy import dateline, is_seat_of_government
from eventwire.language.roles import Role, apposition_roles, lexical_age, predicate_role, premodifier_role
from eventwire.settings import Settings

TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
_RETYPABLE = ("PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&.\-]*[A-Z0-9]$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")

PLACE_LABELS = ("GPE", "LOC", "FAC")
PlaceLookup = Callable[[str, str], "PlaceHit | None"]
"""(surface, the model's label) → the place a surface names, or None. The lookup asks more of a name the
model did not call a place (a well-known place, and for an ORG its own name, not an alternate)."""


@dataclass(frozen=True)
class PlaceHit:
    """A place a surface names: its canonical name and gazetteer feature (city, admin1, country, region…)."""

    name: str
    feature: str = "city"
    government_of: str | None = None
    """The country a capital city stands for when used as an actor ("Moscow says")."""

    @property
    def loc(self) -> bool:
        """Whether the place is a region (a LOC rather than a GPE)."""
        return self.feature == "region"


@dataclass
class Candidate:
    """A mention before linking: where it is, its provisional type and the evidence gathered around it."""

    paragraph: int
    offset: int
    span: Span
    label: str
    roles: list[Role] = field(default_factory=list)
    age: int | None = None
    org: bool = False
    fac: bool = False
    place: PlaceHit | None = None
    demonym: bool = False

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char

    @cached_property
    def text(self) -> str:
        """The span's text, read once (`Span.text` joins its tokens on every call)."""
        return self.span.text

    @property
    def person_evidence(self) -> bool:
        """Whether the text around the mention says it is a person (a role or an age)."""
        return bool(self.roles) or self.age is not None


class Words:
    """The token attributes of a paragraph's doc, read once into lists (through `Doc.to_array`): spaCy
    makes a new `Token` object on every `doc[i]` and every iteration, and mention finding looks at each
    token many times."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        columns = doc.to_array([ORTH, LOWER, IDX, POS, IS_TITLE, IS_UPPER, IS_PUNCT]).T.tolist()
        orth, lower, self.idx, pos, title, upper, punct = columns
        self.doc = doc
        self.doc_text = doc.text
        self.text = [strings[k] for k in orth]
        self.lower = [strings[k] for k in lower]
        self.pos = [POS_NAMES[k] for k in pos]
        self.title = [k == 1 for k in title]
        self.upper = [k == 1 for k in upper]
        self.punct = [k == 1 for k in punct]

    def __len__(self) -> int:
        return len(self.text)

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens `start` to `end` (exclusive, at least one), as `doc[start:end].text`."""
        return self.doc_text[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]


def _trim(w: Words, start: int, end: int, lex: EntityWords, person: bool) -> tuple[int, int]:
    """Token bounds without leading determiners (and, for people, honorifics and titles) or trailing 's."""
    while start < end and (
        w.pos[start] == "DET"
        or w.lower[start] in lex.articles
        or (person and end - start > 1 and (w.lower[start] in lex.honorifics or w.lower[start] in lex.titles))
    ):
        start += 1
    while end > start and (
        w.text[end - 1] in lex.possessive_marks
        or w.punct[end - 1]
        or w.pos[end - 1] in ("ADP", "CCONJ", "DET")
    ):
        end -= 1
    while start < end and w.punct[start]:
        start += 1
    return start, end


def _org_signal(w: Words, start: int, end: int, text: str, lex: EntityWords) -> bool:
    """Whether the words of a name (tokens `start` to `end`, reading `text`) or just before it say it is
    an organisation."""
    words = [k for k in range(start, end) if not w.punct[k]]
    if not words:
        return False
    if text.lower() in lex.news_agencies or is_seat_of_government(text, lex):
        return True
    if (
        len(words) == 1
        and _ACRONYM.match(text)
        and text not in lex.acronym_stop
        and sum(map(str.isupper, text)) > 1
    ):
        return True
    for n, k in enumerate(words):
        if w.title[k] or w.upper[k]:
            head = w.lower[k] in lex.org_heads or w.lower[k].removesuffix("s") in lex.org_heads
            if (
                head
                and (n == len(words) - 1 or w.lower[words[n + 1]] == lex.complement_preposition)
                and len(words) > 1
            ):
                return True
    if start > 0 and w.lower[start - 1] in lex.org_descriptors and not w.title[start - 1]:
        return True
    if len(words) == 1:
        prefix = tuple(w.lower[max(0, start - 4) : start])
        return any(prefix[-len(v) :] == v for v in lex.source_verbs)
    return False


def _fac_signal(w: Words, start: int, end: int, label: str, lex: EntityWords) -> bool:
    """Whether a name is a building, road or other facility by its head ("Royal Street", "Rue Casa Calvo").

    A name the model called a person needs a head few people bear as a surname ("Drive", not "Park")."""
    words = [k for k in range(start, end) if not w.punct[k]]
    if len(words) < 2 or not w.title[words[-1]]:
        return False
    last = w.lower[words[-1]]
    if label == "PERSON" and last in lex.fac_heads_also_surnames:
        return False
    return (
        last in lex.fac_heads
        or f"{w.lower[words[-2]]} {last}" in lex.fac_heads
        or w.lower[words[0]] in lex.fac_leads
    )


def _shouted(w: Words, i: int) -> bool:
    """Whether an all-caps word is part of shouting, not an acronym: beside another all-caps word
    ("MARINE ENERGY WALES") or a dateline opening the paragraph ("CAIRO —", "RALEIGH, N.C. (AP)")."""
    caps = lambda k: 0 <= k < len(w) and w.upper[k] and sum(map(str.isalpha, w.text[k])) > 1  # noqa: E731
    if caps(i - 1) or caps(i + 1):
        return True
    nxt = w.text[i + 1] if i + 1 < len(w) else ""
    return i == 0 and nxt in ("—", "–", "-", ",", "(", ":", "|")


DATELINE_TOWN_WORDS = 4
"""The most words a dateline's town has ("DERA ISMAIL KHAN")."""


def _dateline_span(w: Words, places: PlaceLookup, settings: Settings) -> tuple[int, int] | None:
    """The town of a dateline opening the paragraph, in capitals and known to the gazetteer; not a short
    code ("NATO (AP) —")."""
    end = 0
    while end < min(len(w), DATELINE_TOWN_WORDS) and w.upper[end] and sum(map(str.isalpha, w.text[end])) > 1:
        end += 1
    if end == 0 or not dateline(w.doc[0:end]) or len(w.span_text(0, end)) <= settings.place_acronym_max_chars:
        return None
    return (0, end) if places(w.span_text(0, end).title(), "GPE") is not None else None


def _acronym_spans(w: Words, taken: set[int], lex: EntityWords, settings: Settings) -> list[tuple[int, int]]:
    """All-caps acronyms and dotted abbreviations (NATO, E.ON) the model left unlabelled; no currencies."""
    found = [
        (i, i + 1)
        for i, text in enumerate(w.text)
        if i not in taken
        and _ACRONYM.match(text)
        and text not in lex.acronym_stop
        and sum(map(str.isupper, text)) >= 2
        and pycountry.currencies.get(alpha_3=text) is None
        and not _shouted(w, i)
    ]
    letters = "".join(filter(str.isalpha, w.doc_text)) if found else ""
    if letters and sum(map(str.isupper, letters)) > settings.caps_headline_letter_share * len(letters):
        return []  # a headline in capitals: every word looks like an acronym
    return found


def _named_org_spans(w: Words, taken: set[int], lex: EntityWords) -> list[tuple[int, int]]:
    """Unlabelled capitalised names ending in an organisation head word ("Nigeria Police Force")."""
    out: list[tuple[int, int]] = []
    n = len(w)
    i = 0
    while i < n:
        j = i
        while (
            j < n
            and j not in taken
            and (
                w.title[j]
                or w.upper[j]
                or (j > i and w.lower[j] in lex.name_connectors and j + 1 < n and w.title[j + 1])
            )
        ):
            j += 1
        if j - i >= 2 and w.lower[j - 1] in lex.org_heads and not w.doc[i].is_sent_start:
            out.append((i, j))
        i = j if j > i else i + 1
    return out


def _descriptor_spans(w: Words, taken: set[int], lex: EntityWords) -> list[tuple[int, int]]:
    """Unlabelled capitalised names right after an organisation descriptor ("energy giant E.ON")."""
    out: list[tuple[int, int]] = []
    n = len(w)
    for i, lower in enumerate(w.lower):
        if lower in lex.org_descriptors and not w.title[i] and i + 1 < n:
            j = i + 1
            while j < n and j not in taken and w.pos[j] == "PROPN" and (w.title[j] or w.upper[j]):
                j += 1
            if j > i + 1:
                out.append((i + 1, j))
    return out


def _split_list(
    w: Words, start: int, end: int, label: str, places: PlaceLookup, lex: EntityWords
) -> list[tuple[int, int]]:
    """A span the model ran across a comma ("Kharkiv, Ihor Terekhov"), a slash (a photo credit "Kin
    Cheung/AP") or a list of places ("Bucha and Irpen") split into its parts; "Samsung Electronics Co., Ltd"
    and "Washington, D.C." stay whole."""
    parts: list[tuple[int, int]] = []
    s = start
    for k in range(start, end + 1):
        if k == end or w.text[k] in (",", ";", "/"):
            tail = range(k + 1, end)
            suffix = any(w.lower[t] in lex.company_suffixes or _INITIALS.fullmatch(w.text[t]) for t in tail)
            if k < end and w.text[k] == "," and len(tail) <= 2 and suffix:
                continue
            if k > s:
                parts.append((s, k))
            s = k + 1
    out: list[tuple[int, int]] = []
    for a, b in parts:
        pieces = _pieces(w, a, b, lex)
        out += (
            pieces
            if len(pieces) > 1 and all(places(w.span_text(x, y), label) for x, y in pieces)
            else [(a, b)]
        )
    return out


def _pieces(w: Words, start: int, end: int, lex: EntityWords) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    s = start
    for k in range(start, end + 1):
        if k == end or w.lower[k] in lex.list_conjunctions:
            if k > s:
                pieces.append((s, k))
            s = k + 1
    return pieces


def _portfolio(w: Words, start: int, end: int, lex: EntityWords) -> bool:
    """Whether a name is a title's portfolio ("Defense" Secretary, Secretary of "State"), not an entity."""
    if w.span_text(start, end).lower() not in lex.portfolios:
        return False
    before = w.lower[max(0, start - 2) : start]
    return (end < len(w) and w.lower[end] in lex.titles) or (
        before[-1:] == [lex.complement_preposition] and len(before) == 2 and before[0] in lex.titles
    )


def _demonym_start(w: Words, start: int, end: int, place_words: PlaceWords) -> int:
    """Where the demonym in a NORP name starts: "Key Malaysian" → "Malaysian"; unchanged if none is known."""
    for k in range(start, end):
        if place_words.demonym(w.span_text(k, end)) is not None:
            return k
    return start


def _extend_admin(w: Words, end: int, place_words: PlaceWords) -> int:
    """Take in a following division word: "Chernihiv" + "Oblast"."""
    if end < len(w) and w.title[end] and place_words.admin_level(w.text[end]) is not None:
        return end + 1
    return end


def find_mentions(
    doc: Doc,
    paragraph: int,
    offset: int,
    lex: EntityWords,
    place_words: PlaceWords,
    settings: Settings,
    places: PlaceLookup,
    words: Words | None = None,
) -> list[Candidate]:
    """The candidate entity mentions of one paragraph's doc, typed by their signals (`words`: the doc's
    `Words`, when the caller has them)."""
    w = words or Words(doc)

    def typed(start: int, end: int, label: str) -> Candidate:
        return _typed(w, start, end, label, paragraph, offset, lex, place_words, settings, places)

    bounds: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in TYPES + _RETYPABLE or (
            ent.end - ent.start == 1 and w.upper[ent.start] and _shouted(w, ent.start)
        ):
            continue
        s, e = _trim(w, ent.start, ent.end, lex, ent.label_ == "PERSON")
        if s >= e:
            continue
        if ent.label_ in ("GPE", "LOC", "ORG", "PERSON"):
            e = _extend_admin(w, e, place_words)
        if ent.label_ == "NORP":
            s = _demonym_start(w, s, e, place_words)
        parts = _split_list(w, s, e, ent.label_, places, lex)
        # the label of a span the model ran across a list says nothing of its parts, save of a credit's first
        bounds += [
            (a, b, ent.label_ if len(parts) == 1 or (b < len(w) and w.text[b] == "/") else "")
            for a, b in parts
        ]
    dateline = _dateline_span(w, places, settings)
    if dateline is not None:  # the model's reading of a shouted town is noise ("DAKAR, Senegal" as an ORG)
        bounds = [b for b in bounds if b[1] <= dateline[0] or b[0] >= dateline[1]] + [(*dateline, "GPE")]
    taken = {i for a, b, _ in bounds for i in range(a, b)}
    extras = (  # each sees what the ones before it took (`taken` grows in place)
        lambda: _acronym_spans(w, taken, lex, settings),
        lambda: _descriptor_spans(w, taken, lex),
        lambda: _named_org_spans(w, taken, lex),
    )
    for extra in extras:
        for a, b in extra():
            s, e = _trim(w, a, b, lex, False)
            if s < e and not any(i in taken for i in range(s, e)):
                bounds.append((s, e, "ORG"))
                taken |= set(range(s, e))
    bounds = [(s, e, label) for s, e, label in bounds if not _portfolio(w, s, e, lex)]
    out = [typed(s, e, label) for s, e, label in sorted(bounds)]
    # a name found to be a person only now sheds its leading title ("Sergeant Noloyiso Rwexana")
    out = [
        typed(c.span.start + 1, c.span.end, "PERSON")
        if c.label == "PERSON" and c.label != label and len(c.span) > 1 and _title_word(w, c.span.start, lex)
        else c
        for c, (_, _, label) in zip(out, sorted(bounds), strict=True)
    ]
    return [c for c in out if c.label in TYPES]


def _title_word(w: Words, i: int, lex: EntityWords) -> bool:
    return w.lower[i] in lex.titles or w.lower[i] in lex.honorifics


def _typed(
    w: Words,
    start: int,
    end: int,
    label: str,
    paragraph: int,
    offset: int,
    lex: EntityWords,
    place_words: PlaceWords,
    settings: Settings,
    places: PlaceLookup,
) -> Candidate:
    doc, span, text = w.doc, w.doc[start:end], w.span_text(start, end)
    c = Candidate(paragraph, offset, span, label)
    c.fac = not is_seat_of_government(text, lex) and _fac_signal(w, start, end, label, lex)
    c.org = not c.fac and _org_signal(w, start, end, text, lex)
    if c.org and _ACRONYM.match(text):
        c.place = places(text, label)  # "U.S.", "UAE": a place by its abbreviation
        c.org = c.place is None
    dem = place_words.demonym(text)
    c.demonym = dem is not None and label in ("NORP", "GPE", "ORG", "LOC", "PERSON")
    if not c.org and not c.demonym:
        c.place = places(text, label)
    if not c.org and not c.demonym and (c.place is None or label == "PERSON"):
        role = premodifier_role(doc, span, lex, settings)
        roles, age = apposition_roles(doc, span, lex, settings)
        predicate = predicate_role(doc, span, lex, settings)
        c.roles = ([role] if role else []) + roles + ([predicate] if predicate else [])
        c.age = next((x for x in [age, *(r.age for r in c.roles)] if x is not None), None)
        c.age = c.age if c.age is not None else lexical_age(doc, span, lex, settings)
    c.label = _decide(c, settings)
    return c


def _decide(c: Candidate, settings: Settings) -> str:
    if c.person_evidence and len(c.span) <= settings.person_max_tokens:
        return "PERSON"
    if c.fac:
        return "FAC"
    if c.org:
        return "ORG"
    if c.demonym:
        return "NORP"
    if c.place is not None:
        return "LOC" if c.place.loc else ("FAC" if c.label == "FAC" else "GPE")
    return c.label


def surname_mentions(
    w: Words,
    paragraph: int,
    offset: int,
    surnames: set[str],
    taken: set[int],
    lex: EntityWords,
    settings: Settings,
) -> list[Candidate]:
    """Unlabelled one-word mentions of a surname the article gives in full elsewhere ("Guterres urged"),
    in capitals too ("BLINKEN MEETS LAVROV")."""
    out: list[Candidate] = []
    for i, text in enumerate(w.text):
        shouted = w.upper[i] and len(text) > 2 and text.title() in surnames  # "BLINKEN MEETS LAVROV"
        if i not in taken and (shouted or (text in surnames and (w.pos[i] == "PROPN" or w.title[i]))):
            span = w.doc[i : i + 1]
            c = Candidate(paragraph, offset, span, "PERSON", age=lexical_age(w.doc, span, lex, settings))
            role = premodifier_role(w.doc, span, lex, settings)
            c.roles = [role] if role else []
            out.append(c)
    return out
