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

import pycountry
from spacy.tokens import Doc, Span, Token

from eventwire.language.lexicon import Lexicon
from eventwire.language.metonymy import is_seat_of_government
from eventwire.language.roles import Role, apposition_roles, lexical_age, predicate_role, premodifier_role
from eventwire.places.tables import admin_level

TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
_RETYPABLE = ("PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&.\-]*[A-Z0-9]$")
_POSSESSIVE = {"'s", "’s", "'", "’"}

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

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def person_evidence(self) -> bool:
        """Whether the text around the mention says it is a person (a role or an age)."""
        return bool(self.roles) or self.age is not None


def _trim(doc: Doc, start: int, end: int, lex: Lexicon, person: bool) -> tuple[int, int]:
    """Token bounds without leading determiners (and, for people, honorifics and titles) or trailing 's."""
    while start < end and (
        doc[start].pos_ == "DET"
        or doc[start].lower_ in ("the", "a", "an")
        or (
            person
            and end - start > 1
            and (doc[start].lower_ in lex.honorifics or doc[start].lower_ in lex.titles)
        )
    ):
        start += 1
    while end > start and (
        doc[end - 1].text in _POSSESSIVE
        or doc[end - 1].is_punct
        or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET")
    ):
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    return start, end


def _org_signal(doc: Doc, span: Span, lex: Lexicon) -> bool:
    """Whether the words of a name or just before it say it is an organisation."""
    words = [t for t in span if not t.is_punct]
    if not words:
        return False
    text = span.text
    if text.lower() in lex.news_agencies or is_seat_of_government(text):
        return True
    if (
        len(words) == 1
        and _ACRONYM.match(text)
        and text not in lex.acronym_stop
        and sum(map(str.isupper, text)) > 1
    ):
        return True
    for k, t in enumerate(words):
        if t.is_title or t.is_upper:
            head = t.lower_ in lex.org_heads or t.lower_.removesuffix("s") in lex.org_heads
            if head and (k == len(words) - 1 or words[k + 1].lower_ == "of") and len(words) > 1:
                return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in lex.org_descriptors and not before.is_title:
        return True
    if len(words) == 1:
        prefix = tuple(t.lower_ for t in doc[max(0, span.start - 4) : span.start])
        return any(prefix[-len(v) :] == v for v in lex.source_verbs)
    return False


def _fac_signal(span: Span, label: str, lex: Lexicon) -> bool:
    """Whether a name is a building, road or other facility by its head ("Royal Street", "Rue Casa Calvo").

    A name the model called a person needs a head few people bear as a surname ("Drive", not "Park")."""
    words = [t for t in span if not t.is_punct]
    if len(words) < 2 or not words[-1].is_title:
        return False
    last = words[-1].lower_
    if label == "PERSON" and last in lex.fac_heads_also_surnames:
        return False
    return (
        last in lex.fac_heads
        or f"{words[-2].lower_} {last}" in lex.fac_heads
        or words[0].lower_ in lex.fac_leads
    )


def _shouted(doc: Doc, i: int) -> bool:
    """Whether an all-caps word is part of shouting, not an acronym: beside another all-caps word
    ("MARINE ENERGY WALES") or a dateline opening the paragraph ("CAIRO —", "RALEIGH, N.C. (AP)")."""
    caps = lambda k: 0 <= k < len(doc) and doc[k].is_upper and sum(map(str.isalpha, doc[k].text)) > 1  # noqa: E731
    if caps(i - 1) or caps(i + 1):
        return True
    nxt = doc[i + 1].text if i + 1 < len(doc) else ""
    return i == 0 and nxt in ("—", "–", "-", ",", "(", ":", "|")


def _acronym_spans(doc: Doc, taken: set[int], lex: Lexicon) -> list[Span]:
    """All-caps acronyms and dotted abbreviations (NATO, E.ON) the model left unlabelled; no currencies."""
    letters = [c for c in doc.text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return []  # a headline in capitals: every word looks like an acronym
    return [
        doc[t.i : t.i + 1]
        for t in doc
        if t.i not in taken
        and _ACRONYM.match(t.text)
        and t.text not in lex.acronym_stop
        and sum(map(str.isupper, t.text)) >= 2
        and pycountry.currencies.get(alpha_3=t.text) is None
        and not _shouted(doc, t.i)
    ]


def _named_org_spans(doc: Doc, taken: set[int], lex: Lexicon) -> list[Span]:
    """Unlabelled capitalised names ending in an organisation head word ("Nigeria Police Force")."""
    out: list[Span] = []
    i = 0
    while i < len(doc):
        j = i
        while (
            j < len(doc)
            and j not in taken
            and (
                doc[j].is_title
                or doc[j].is_upper
                or (
                    j > i
                    and doc[j].lower_ in ("of", "for", "and")
                    and j + 1 < len(doc)
                    and doc[j + 1].is_title
                )
            )
        ):
            j += 1
        if j - i >= 2 and doc[j - 1].lower_ in lex.org_heads and not doc[i].is_sent_start:
            out.append(doc[i:j])
        i = max(j, i + 1)
    return out


def _descriptor_spans(doc: Doc, taken: set[int], lex: Lexicon) -> list[Span]:
    """Unlabelled capitalised names right after an organisation descriptor ("energy giant E.ON")."""
    out: list[Span] = []
    for t in doc:
        if t.lower_ in lex.org_descriptors and not t.is_title and t.i + 1 < len(doc):
            j = t.i + 1
            while (
                j < len(doc)
                and j not in taken
                and doc[j].pos_ == "PROPN"
                and (doc[j].is_title or doc[j].is_upper)
            ):
                j += 1
            if j > t.i + 1:
                out.append(doc[t.i + 1 : j])
    return out


def _split_list(
    doc: Doc, start: int, end: int, label: str, places: PlaceLookup, lex: Lexicon
) -> list[tuple[int, int]]:
    """A span the model ran across a comma ("Kharkiv, Ihor Terekhov"), a slash (a photo credit "Kin
    Cheung/AP") or a list of places ("Bucha and Irpen") split into its parts; "Samsung Electronics Co., Ltd"
    and "Washington, D.C." stay whole."""
    parts: list[tuple[int, int]] = []
    s = start
    for k in range(start, end + 1):
        if k == end or doc[k].text in (",", ";", "/"):
            tail = doc[k + 1 : end]
            suffix = any(
                t.lower_ in lex.company_suffixes or re.fullmatch(r"(?:[A-Z]\.)+", t.text) for t in tail
            )
            if k < end and doc[k].text == "," and len(tail) <= 2 and suffix:
                continue
            if k > s:
                parts.append((s, k))
            s = k + 1
    out: list[tuple[int, int]] = []
    for a, b in parts:
        pieces = _pieces(doc, a, b)
        out += (
            pieces if len(pieces) > 1 and all(places(doc[x:y].text, label) for x, y in pieces) else [(a, b)]
        )
    return out


def _pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    s = start
    for k in range(start, end + 1):
        if k == end or doc[k].lower_ in ("and", "&"):
            if k > s:
                pieces.append((s, k))
            s = k + 1
    return pieces


def _portfolio(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a name is a title's portfolio ("Defense" Secretary, Secretary of "State"), not an entity."""
    if doc[start:end].text.lower() not in lex.portfolios:
        return False
    after = doc[end] if end < len(doc) else None
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    return (after is not None and after.lower_ in lex.titles) or (
        before[-1:] == ["of"] and len(before) == 2 and before[0] in lex.titles
    )


def _demonym_start(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """Where the demonym in a NORP name starts: "Key Malaysian" → "Malaysian"; unchanged if none is known."""
    for k in range(start, end):
        if lex.demonym(doc[k:end].text) is not None:
            return k
    return start


def _extend_admin(doc: Doc, end: int) -> int:
    """Take in a following division word: "Chernihiv" + "Oblast"."""
    if end < len(doc) and doc[end].is_title and admin_level(doc[end].text) is not None:
        return end + 1
    return end


def find_mentions(
    doc: Doc, paragraph: int, offset: int, lex: Lexicon, places: PlaceLookup
) -> list[Candidate]:
    """The candidate entity mentions of one paragraph's doc, typed by their signals."""
    bounds: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in TYPES + _RETYPABLE or (
            len(ent) == 1 and ent[0].is_upper and _shouted(doc, ent.start)
        ):
            continue
        s, e = _trim(doc, ent.start, ent.end, lex, ent.label_ == "PERSON")
        if s >= e:
            continue
        if ent.label_ in ("GPE", "LOC", "ORG", "PERSON"):
            e = _extend_admin(doc, e)
        if ent.label_ == "NORP":
            s = _demonym_start(doc, s, e, lex)
        parts = _split_list(doc, s, e, ent.label_, places, lex)
        # the label of a span the model ran across a list says nothing of its parts, save of a credit's first
        bounds += [
            (a, b, ent.label_ if len(parts) == 1 or doc[b : b + 1].text == "/" else "") for a, b in parts
        ]
    taken = {i for a, b, _ in bounds for i in range(a, b)}
    for extra in (_acronym_spans, _descriptor_spans, _named_org_spans):
        for sp in extra(doc, taken, lex):
            s, e = _trim(doc, sp.start, sp.end, lex, False)
            if s < e and not any(i in taken for i in range(s, e)):
                bounds.append((s, e, "ORG"))
                taken |= set(range(s, e))
    bounds = [(s, e, label) for s, e, label in bounds if not _portfolio(doc, s, e, lex)]
    out = [_typed(doc, doc[s:e], label, paragraph, offset, lex, places) for s, e, label in sorted(bounds)]
    # a name found to be a person only now sheds its leading title ("Sergeant Noloyiso Rwexana")
    out = [
        _typed(doc, c.span[1:], "PERSON", paragraph, offset, lex, places)
        if c.label == "PERSON" and c.label != label and len(c.span) > 1 and _title_word(c.span[0], lex)
        else c
        for c, (_, _, label) in zip(out, sorted(bounds), strict=True)
    ]
    return [c for c in out if c.label in TYPES]


def _title_word(token: Token, lex: Lexicon) -> bool:
    return token.lower_ in lex.titles or token.lower_ in lex.honorifics


def _typed(
    doc: Doc, span: Span, label: str, paragraph: int, offset: int, lex: Lexicon, places: PlaceLookup
) -> Candidate:
    c = Candidate(paragraph, offset, span, label)
    c.fac = not is_seat_of_government(span.text) and _fac_signal(span, label, lex)
    c.org = not c.fac and _org_signal(doc, span, lex)
    if c.org and _ACRONYM.match(span.text):
        c.place = places(span.text, label)  # "U.S.", "UAE": a place by its abbreviation
        c.org = c.place is None
    dem = lex.demonym(span.text)
    c.demonym = dem is not None and label in ("NORP", "GPE", "ORG", "LOC", "PERSON")
    if not c.org and not c.demonym:
        c.place = places(span.text, label)
    if not c.org and not c.demonym and (c.place is None or label == "PERSON"):
        role = premodifier_role(doc, span, lex)
        roles, age = apposition_roles(doc, span, lex)
        predicate = predicate_role(doc, span, lex)
        c.roles = ([role] if role else []) + roles + ([predicate] if predicate else [])
        c.age = next((x for x in [age, *(r.age for r in c.roles)] if x is not None), None)
        c.age = c.age if c.age is not None else lexical_age(doc, span)
    c.label = _decide(c)
    return c


def _decide(c: Candidate) -> str:
    if c.person_evidence and len(c.span) <= 4:
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
    doc: Doc, paragraph: int, offset: int, surnames: set[str], taken: set[int], lex: Lexicon
) -> list[Candidate]:
    """Unlabelled one-word mentions of a surname the article gives in full elsewhere ("Guterres urged"),
    in capitals too ("BLINKEN MEETS LAVROV")."""
    out: list[Candidate] = []
    for t in doc:
        shouted = t.is_upper and len(t.text) > 2 and t.text.title() in surnames  # "BLINKEN MEETS LAVROV"
        if t.i not in taken and (shouted or (t.text in surnames and (t.pos_ == "PROPN" or t.is_title))):
            span = doc[t.i : t.i + 1]
            c = Candidate(paragraph, offset, span, "PERSON", age=lexical_age(doc, span))
            role = premodifier_role(doc, span, lex)
            c.roles = [role] if role else []
            out.append(c)
    return out
