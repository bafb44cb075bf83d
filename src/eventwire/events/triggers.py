"""Event triggers in a parsed sentence: verbs and nouns from the lexicon, minus what is no event.

A word is no event when it is negated ("did not attack", "no strikes"), an intention ("tried to
capture"), a purpose ("left to protest"), an idiom ("in protest"), a modifier ("siege tactics"), or the
content of another trigger ("denies any strikes", "threatened to expel"); content triggers are kept
apart, since claims need them ("Russia denies any strikes" denies an earlier strike).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from eventwire.knowledge.events import EventWords, TriggerEntry
from eventwire.language.grammar import is_clause_root


@dataclass
class Trigger:
    """A trigger token and the lexicon sense it has here."""

    token: Token
    entry: TriggerEntry


def _lemmas(token: Token, words: EventWords) -> list[str]:
    """The token's lemma, and for a participle tagged as adjective ("recaptured") its verb."""
    word = token.lower_
    out = [token.lemma_.lower(), word]
    if token.pos_ == "ADJ" and word.endswith(words.participle_ending):
        stem = word[: -len(words.participle_ending)]
        out += [stem + ending for ending in words.participle_verb_endings]
    return out


def _object_words(obj: Token, words: EventWords) -> list[Token]:
    """An object and the nouns that say what it is when it is only a part or an effort: "part of a
    military aid program" is a program, "mediation efforts" are mediation."""
    out = [obj]
    word = obj.lemma_.lower()
    if word in words.partitive_nouns:
        out += [
            o
            for p in obj.children
            if p.dep_ == "prep" and p.lower_ in words.preps.genitive
            for o in p.children
        ]
    if word in words.light_nouns:
        out += [c for c in obj.children if c.dep_ in ("compound", "amod")]
    return out


def _objects(token: Token, words: EventWords) -> set[str]:
    """The words of a token's objects (and passive subjects, infinitives, and the objects the parser took for
    attributes: "had recaptured 17 escapees"), lemmas and forms."""
    return {
        w
        for c in token.children
        if c.dep_ in ("dobj", "nsubjpass", "xcomp", "attr")
        for o in _object_words(c, words)
        for w in (o.lemma_.lower(), o.lower_)
    }


def other_sense(token: Token, words: EventWords) -> bool:
    """Whether the lexicon knows `token` in a sense that is no event here, by its object ("beating
    drums", "asked not to be named"): no event may be placed on it."""
    entries = next((words.triggers[w] for w in _lemmas(token, words) if w in words.triggers), ())
    objects = _objects(token, words)
    return any(e.object_not & objects for e in entries)


def kills(token: Token, words: EventWords) -> bool:
    """Whether a verb's result is a death: "shot dead", "beaten to death", "hacked to death"."""
    if token.pos_ != "VERB":
        return False
    for c in token.children:
        if c.dep_ in ("acomp", "oprd", "advmod", "xcomp") and c.lower_ in words.death_results:
            return True
        if c.dep_ == "dobj" and token.i + 1 < len(token.doc):
            after = token.doc[token.i + 1]  # "shot dead two traders", parsed as "dead traders"
            if after.head.i == c.i and after.dep_ == "amod" and after.lower_ in words.death_results:
                return True
        to_death = any(o.dep_ == "pobj" and o.lemma_.lower() in words.death_results for o in c.children)
        if c.dep_ == "prep" and c.lower_ in words.death_prepositions and to_death:
            return True
    return False


def sense(token: Token, words: EventWords) -> TriggerEntry | None:
    """The first lexicon sense of `token` whose conditions hold, or None. A verb whose result is a death
    ("hacked to death") is an assault that counts the dead, whatever sense the lexicon gives it; one the
    lexicon has none for is one only when it is a killing verb ("stoned to death", not "froze to death")."""
    found = _lexicon_sense(token, words)
    if not kills(token, words) or (found is None and other_sense(token, words)):
        return found
    if found is None:  # only a verb that kills: climbers who "froze to death" were killed by no one
        lemma = token.lemma_.lower()
        if lemma not in words.killing_verbs:
            return None
        return TriggerEntry(lemma=lemma, pos=frozenset({"VERB"}), type="ASSAULT", size="dead")
    mode = found.mode if found.type == "ASSAULT" else None
    return replace(found, type="ASSAULT", mode=mode, size="dead", context=())


def _lexicon_sense(token: Token, words: EventWords) -> TriggerEntry | None:
    """The first lexicon sense of `token` whose conditions hold, or None."""
    entries = next((words.triggers[w] for w in _lemmas(token, words) if w in words.triggers), None)
    if entries is None:
        return None
    pos = {"AUX": "VERB"}.get(token.pos_, token.pos_)
    children = list(token.children)
    objects = _objects(token, words)
    particles = {c.lemma_.lower() for c in children if c.dep_ in ("prt", "prep")}
    particles |= {a.lower_ for c in children if c.dep_ == "xcomp" for a in c.children if a.dep_ == "aux"}
    mods = {c.lemma_.lower() for c in children if c.dep_ in ("amod", "compound", "nmod", "npadvmod", "poss")}
    modals = {a.lower_ for c in children if c.dep_ == "ccomp" for a in c.children if a.dep_ == "aux"}
    governors = {token.head.lemma_.lower()}
    if token.head.dep_ == "prep":
        governors.add(token.head.head.lemma_.lower())
    for entry in entries:
        participle = pos == "ADJ" and token.lower_.endswith(words.participle_ending) and "VERB" in entry.pos
        if pos not in entry.pos and not participle:
            continue
        if entry.object_not & objects:
            return None
        if (
            (entry.with_ and not entry.with_ & particles)
            or (entry.objects and not entry.objects & objects)
            or (entry.modal and not entry.modal & modals)
            or (entry.mods and not entry.mods & mods)
            or (entry.under and not (token.dep_ == "pobj" and token.head.lemma_.lower() in entry.under))
            or (entry.gov and not (token.dep_ in ("dobj", "pobj", "nsubjpass") and entry.gov & governors))
        ):
            continue
        return entry
    return None


def _negated(token: Token, words: EventWords) -> bool:
    """Whether a trigger is negated: "did not attack", "no strikes", "nobody was hurt", "no one was
    arrested", "no protesters were detained"."""
    for t in _chain(token):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in words.negators) for c in t.children):
            return True
    for c in token.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            c.lower_ in words.negative_pronouns
            or any(d.dep_ == "det" and d.lower_ in words.negators for d in c.children)
        ):
            return True
    return token.dep_ == "pobj" and token.head.lower_ in words.preps.privative


def _chain(token: Token) -> Iterable[Token]:
    """The token and the verbs it hangs from up to its clause root (through xcomp and prepositions)."""
    yield token
    while not is_clause_root(token):
        token = token.head
        yield token


def _intention(trig: Trigger, words: EventWords) -> bool:
    """A trigger that is what someone tries, hopes or fails to do ("an attempt to capture Kyiv"), or is to
    stop or prevent ("undertook to stop air strikes"). An
    attempted killing is an assault (manual, ASSAULT `targeted`: "successful and attempted
    assassinations")."""
    t = trig.token
    head = t
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    stop = head.head if head.dep_ == "dobj" else None
    if stop is not None and stop.lemma_.lower() in words.cessation_governors and stop.dep_ == "xcomp":
        return True  # "undertook to stop air strikes"; "police halted the march" halted a march
    while t.dep_ in ("xcomp", "dobj", "acl", "conj", "acomp") and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() in words.intention_governors:
            targeted = (trig.entry.type, trig.entry.mode) == ("ASSAULT", "targeted")
            return not (targeted and t.lemma_.lower() in words.attempt_governors)
    return False


def _purpose(token: Token, words: EventWords) -> bool:
    """An infinitive of purpose ("left the country to protest")."""
    if token.dep_ != "advcl" or token.pos_ != "VERB":
        return False
    return any(c.dep_ == "aux" and c.lower_ in words.infinitive_markers for c in token.children)


def _people(token: Token) -> bool:
    """A participle that names people ("evacuated the wounded", "the dead were buried"), not an act."""
    return (
        token.tag_ == "VBN"
        and token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")
        and any(c.dep_ == "det" for c in token.children)
    )


def _idiom(token: Token, words: EventWords) -> bool:
    """A bare noun after "in" ("in protest", "in retaliation") is a manner, not an event."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in words.preps.manner
        and token.pos_ == "NOUN"
        and not any(c.dep_ in ("det", "poss", "amod", "nummod") for c in token.children)
    )


def _topic(token: Token, words: EventWords) -> bool:
    """A noun that is what someone speaks or negotiates about ("journalists who report on the protests",
    "negotiations on a troop pullback")."""
    if token.dep_ != "pobj" or token.head.lower_ not in words.preps.speech_topic:
        return False
    governor = token.head.head.lemma_.lower()
    return (
        governor in words.reporting_verbs or governor in words.speech_verbs or governor in words.topic_nouns
    )


def _modifier(token: Token, words: EventWords) -> bool:
    """A noun modifying another noun ("siege tactics"), unless the head is a direction the parser took
    for one ("counterattacks west of Kyiv") or a light noun ("a mediation effort")."""
    head = token.head.lemma_.lower()
    return token.dep_ == "compound" and head not in words.directions and head not in words.light_nouns


def _content_of(token: Token, triggers: dict[int, Trigger]) -> Trigger | None:
    """The content trigger whose complement holds `token` ("denies [any strikes]"), if any."""
    t = token
    while t.head.i != t.i:
        parent = t.head
        owner = triggers.get(parent.i)
        if owner is not None and owner.entry.content and t.dep_ not in ("nsubj", "nsubjpass", "agent"):
            return owner
        if is_clause_root(t) and t.dep_ not in ("ccomp", "xcomp", "advcl"):
            return None
        t = parent
    return None


@dataclass
class SentenceTriggers:
    """A sentence's event triggers and the triggers that are only another trigger's content."""

    events: list[Trigger]
    content: list[tuple[Trigger, Trigger]]
    """(inner, outer) pairs: "strikes" denied by "denies"."""
    refused: list[Trigger] = field(default_factory=list)
    """Words of the lexicon that report no event here ("No arrests have been made", "without incident")."""


def find_triggers(sent: Span, words: EventWords) -> SentenceTriggers:
    """The event triggers of one sentence, in text order."""
    found: dict[int, Trigger] = {}
    for token in sent:
        entry = sense(token, words)
        if entry is not None:
            found[token.i] = Trigger(token, entry)
    events: list[Trigger] = []
    content: list[tuple[Trigger, Trigger]] = []
    refused: list[Trigger] = []
    for trig in found.values():
        owner = _content_of(trig.token, found)
        if owner is not None:
            content.append((trig, owner))
            continue
        (refused if is_no_event(trig, words) else events).append(trig)
    return SentenceTriggers(events=events, content=content, refused=refused)


def is_no_event(trig: Trigger, words: EventWords) -> bool:
    """Whether a trigger's word reports no event here: negated, an intention or purpose, an idiom, people,
    a modifier or a topic."""
    t = trig.token
    return (
        _negated(t, words)
        or _intention(trig, words)
        or _purpose(t, words)
        or _idiom(t, words)
        or _people(t)
        or _modifier(t, words)
        or _topic(t, words)
    )
