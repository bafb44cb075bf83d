"""Actor and recipient of a trigger, from the dependency parse, linked to entities.

Active subject and object; passive subject and "by" agent; the noun a participle modifies ("civilians
killed"); a noun trigger's possessor ("Russia's invasion"), its "of/on/against" object ("expulsion of 45
diplomats") and the subject of the verb that governs it ("Poland has announced the expulsion");
subjects shared through infinitives and coordination. Relative and personal pronouns are resolved,
and a definite description ("the envoy") is linked to the one person who holds that role.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.index import ArticleIndex
from eventwire.events.triggers import kills
from eventwire.knowledge.events import EventWords, TriggerEntry
from eventwire.language.grammar import child, is_clause_root, phrase
from eventwire.language.metonymy import in_dateline
from eventwire.model import Entity, Participant
from eventwire.settings import Settings

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
FINITE_DEPS = frozenset({"ROOT", "ccomp", "relcl", "parataxis", "acomp"})
"""Where a past participle is a finite verb ("students protested"), not a passive one ("civilians killed")."""
NOT_PARTICIPANTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
"""Named-entity labels of words that are never an actor or recipient ("resigned on Thursday")."""
TRANSFER_TYPES = frozenset({"AID", "AGREE", "SUPPORT", "COOPERATE", "CONCEDE"})
"""Types whose object is usually the thing handed over, and whose recipient is who gets it."""
PARTY_TYPES = frozenset({"PERSON", "NORP", "GPE", "ORG", "FAC", "LOC"})
"""Named-entity labels of words that name a possible party to an event (a state, group, person, place)."""


@dataclass
class Roles:
    """The head tokens of a trigger's actor and recipient (None when not found)."""

    actor: Token | None = None
    recipient: Token | None = None


def noun_phrase(token: Token, words: EventWords) -> list[Token]:
    """The noun phrase a participant's head token stands for (see `grammar.phrase`)."""
    return phrase(token, words.preps.genitive, words.count_nouns)


def _prep_object(token: Token, preps: frozenset[str]) -> Token | None:
    for c in token.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            obj = child(c, "pobj")
            if obj is not None and obj.ent_type_ not in NOT_PARTICIPANTS:
                return obj
    return None


def _agent(token: Token, words: EventWords) -> Token | None:
    """The doer after "by", unless it says how the thing was done ("agreed by telephone")."""
    for c in token.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in words.preps.agent):
            doer = child(c, "pobj")
            return None if doer is not None and doer.lemma_.lower() in words.means_nouns else doer
    return None


def _object_agent(token: Token, words: EventWords) -> Token | None:
    """The doer of a noun trigger whose "by" the parse hung on its "of" object ("a blockade of the main
    highway by transport workers")."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in words.preps.genitive:
            obj = child(c, "pobj")
            if obj is not None:
                return _agent(obj, words)
    return None


def _passive(token: Token, words: EventWords) -> bool:
    """Passive voice, a past participle with no "have" ("civilians killed", "four people injured"), or a
    headline's killing with no object ("Man beaten to death", "Four villagers shot dead")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or token.dep_ == "amod":
        return True
    if (
        kills(token, words)
        and token.lemma_.lower() in words.killing_verbs | words.triggers.keys()
        and token.tag_ in ("VBD", "VBN")
        and not any(c.dep_ in ("dobj", "aux") for c in token.children)
    ):
        return True
    if token.tag_ != "VBN" or token.dep_ in FINITE_DEPS:
        return False
    if token.dep_ == "conj" and token.head.tag_ == "VBD" and child(token, "dobj") is not None:
        return False  # a past tense the parser took for a participle ("fired tear gas and arrested 31")
    return not any(c.dep_ == "aux" and c.lemma_ in words.perfect_auxiliaries for c in token.children)


def _inherited_subject(token: Token, words: EventWords, hops: int) -> Token | None:
    """The subject a verb without one shares with a verb it hangs from, at most `hops` heads up."""
    t = token
    for _ in range(hops):
        if t.head.i == t.i:
            return None
        infinitive = any(c.dep_ == "aux" and c.lower_ in words.infinitive_markers for c in t.children)
        if t.dep_ == "relcl" and not infinitive:
            return t.head
        if (
            t.dep_ in ("acl", "relcl")
            and t.head.dep_ in ("attr", "dobj")
            and t.head.head.pos_ in ("VERB", "AUX")
        ):
            t = t.head.head
        else:
            t = t.head
        if t.pos_ in ("VERB", "AUX"):
            if t.lemma_.lower() in words.not_agent_governors:
                return None
            subj = child(t, *SUBJECTS)
            if subj is not None:
                return subj
        if is_clause_root(t) and t.dep_ not in ("xcomp", "advcl"):
            return None
    return None


def _subject(token: Token) -> Token | None:
    """A verb's subject (the noun of a reduced relative the parser made one: "soldiers sent there"), past
    a dateline the parser also made one ("OUAGADOUGOU, Burkina Faso (Agency) —
    Jihadist fighters ambushed") or hung the subject on ("PORT-AU-PRINCE, Haiti (Agency) — Heavily armed
    gang members attacked": the members)."""
    for c in token.children:
        if c.dep_ != "nsubj":
            continue
        if c.pos_ == "VERB" and c.tag_ == "VBN":  # "soldiers sent to the area had clashed": the soldiers
            c = child(c, "nsubj") or c
        if not in_dateline(c):
            return c
        beyond = next((a for a in c.children if a.dep_ == "appos" and not in_dateline(a)), None)
        if beyond is not None:
            return beyond
    return None


def _verb_roles(token: Token, entry: TriggerEntry, words: EventWords, settings: Settings) -> Roles:
    hops, depth = settings.event_subject_hops, settings.event_party_search_depth
    if token.lemma_.lower() in words.victim_verbs:
        return Roles(recipient=child(token, "nsubj"))
    if _passive(token, words):
        recipient = child(token, "nsubjpass", "nsubj")
        if recipient is None and token.dep_ in ("acl", "amod"):
            recipient = token.head
        return Roles(actor=_agent(token, words), recipient=recipient)
    actor = _subject(token) or _inherited_subject(token, words, hops)
    recipient = condition_subject(token, words) if entry.type == "THREATEN" else None
    if entry.no_recipient:  # its object is content: a party of the action it refuses or agrees to do
        found = [c for x in _infinitives(token, words) for c in _party_candidates(x, words, depth)]
        recipient = next((c for c in found if _party(c, words)), None)
    elif recipient is None:
        recipient = _beneficiary(token, words) if entry.type in TRANSFER_TYPES else None
        recipient = recipient or child(token, "dobj")
        if recipient is not None and (
            recipient.ent_type_ in NOT_PARTICIPANTS or recipient.pos_ in ("ADP", "ADV")
        ):
            recipient = None
        preps = _recipient_preps(entry, words)
        recipient = recipient or _prep_object(token, preps) or _complement_subject(token)
        if recipient is None or not _party(recipient, words):
            found = _party_candidates(token, words, depth, _party_preps(entry, words))
            recipient = next(iter(_parties(found, entry, words)), recipient)
        recipient = recipient or (_result_of(token) if entry.type == "ASSAULT" else None)
    return Roles(actor=actor, recipient=recipient)


def _result_of(token: Token) -> Token | None:
    """Whom an attack's participle of result harms when it names only a count: the object of the verb it
    follows ("Car bomb hits police convoy, killing at least 7": the convoy's)."""
    if token.dep_ != "advcl" or token.tag_ != "VBG" or token.head.pos_ != "VERB":
        return None
    obj = child(token.head, "dobj")
    return obj if obj is not None and obj.ent_type_ not in NOT_PARTICIPANTS else None


def _recipient_preps(entry: TriggerEntry, words: EventWords) -> frozenset[str]:
    return words.preps.consult_recipient if entry.type == "CONSULT" else words.preps.recipient


def _party_preps(entry: TriggerEntry, words: EventWords) -> frozenset[str]:
    party = words.preps.party
    return party - words.preps.meeting_topic if entry.type == "CONSULT" else party


def _infinitives(token: Token, words: EventWords) -> list[Token]:
    """The "to" infinitives a verb governs: what its subject refuses or agrees to do ("refused to meet
    the king"), not a gerund of what it denies ("denies targeting civilians")."""
    return [
        c
        for c in token.children
        if c.dep_ == "xcomp"
        and any(a.dep_ == "aux" and a.lower_ in words.infinitive_markers for a in c.children)
    ]


def condition_subject(token: Token, words: EventWords) -> Token | None:
    """Whom a threat is aimed at: the subject of its condition ("threatened to strike unless Israel
    rescinded", "will withdraw if the rebels attack"), on the verb or the infinitive it governs."""
    for verb in [token] + [c for c in token.children if c.dep_ == "xcomp"]:
        for c in verb.children:
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in words.condition_marks for m in c.children
            ):
                subject = child(c, "nsubj", "nsubjpass")
                if subject is not None and subject.pos_ != "PRON":
                    return subject
    return None


def _party(token: Token, words: EventWords) -> bool:
    """Whether a noun names a party (a state, group, place or people), not a thing or an act: a name
    in its phrase, or a word for people ("refugees", "officials")."""
    if token.pos_ == "PROPN" or token.lower_ in words.person_pronouns:
        return True
    if token.lemma_.lower() in words.party_nouns:
        return True
    return any(t.ent_type_ in PARTY_TYPES for t in noun_phrase(token, words))


def _party_candidates(
    token: Token, words: EventWords, depth: int, preps: frozenset[str] | None = None
) -> list[Token]:
    """Nouns an action may be aimed at, nearest first: its indirect and direct object, the objects of its
    prepositions, the parties named inside its object ("the withdrawal of Serbian forces", "calls by
    Belarus's rulers"), then the same for an infinitive it governs ("threatened to cut off electricity
    to Nakhichevan", `depth` verbs deep); a place it happens in comes last. `preps` (the party
    prepositions unless given) may introduce one."""
    preps = words.preps.party if preps is None else preps
    out: list[Token] = []
    dative = child(token, "dative")
    if dative is not None:
        out.append(child(dative, "pobj") if dative.pos_ == "ADP" else dative)
    obj = child(token, "dobj")
    if obj is not None:
        out.append(obj)
    heads = [token] + ([obj] if obj is not None else [])
    for head in heads:
        for c in head.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in preps:
                objects = [o for o in c.children if o.dep_ == "pobj"]
                out += objects
                heads += [o for o in objects if head.i == token.i]
            elif c.dep_ == "poss" and head.i != token.i:
                out.append(c)
    if depth > 1:
        for c in token.children:
            if c.dep_ == "xcomp" and child(c, *SUBJECTS) is None:
                out += _party_candidates(c, words, depth - 1, preps)
    out = [t for t in out if t is not None and t.ent_type_ not in NOT_PARTICIPANTS and t.pos_ != "PRON"]
    # a place the action happens in is the party only when no other is named ("rallies in Gaza against X")
    return sorted(out, key=lambda t: _venue(t, words))


def _parties(found: list[Token], entry: TriggerEntry, words: EventWords) -> list[Token]:
    """The candidates that name a party, without the place it happens in for a type whose venue is no
    party ("sat down for talks in Panama City")."""
    venues = entry.type.lower() not in words.venue_types
    return [c for c in found if _party(c, words) and (venues or not _venue(c, words))]


def _venue(token: Token, words: EventWords) -> bool:
    """Whether a noun is the place an action happens in ("in Gaza", "at the border")."""
    return token.dep_ == "pobj" and token.head.lower_ in words.preps.party_place


def _beneficiary(token: Token, words: EventWords) -> Token | None:
    """Who receives what is given, offered or granted ("gave the Ivory Coast aid", "asylum to 18 rebels")."""
    dative = child(token, "dative")
    if dative is not None:
        return child(dative, "pobj") if dative.pos_ == "ADP" else dative
    return _prep_object(token, words.preps.beneficiary)


def _complement_subject(token: Token) -> Token | None:
    """Whom a demand or warning is aimed at: the subject of its clause ("demanded that the US cancel")."""
    comp = child(token, "ccomp")
    return child(comp, "nsubj", "nsubjpass") if comp is not None else None


def _noun_roles(token: Token, entry: TriggerEntry, words: EventWords, settings: Settings) -> Roles:
    hops, depth = settings.event_subject_hops, settings.event_party_search_depth
    actor = _agent(token, words) or child(token, "poss") or _object_agent(token, words)
    if actor is not None and actor.pos_ == "PRON":
        actor = None
    actor = actor or next(
        (
            c
            for c in token.children
            if c.dep_ == "amod" and any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in c.subtree)
        ),
        None,
    )
    recipient = None
    if not entry.no_recipient:
        recipient = _prep_object(token, _recipient_preps(entry, words))
        if recipient is None or not _party(recipient, words):
            preps = _party_preps(entry, words)
            found = _party_candidates(token, words, depth, preps)
            if token.dep_ == "dobj":  # "imposed sanctions on Belarus"
                found += [c for c in _party_candidates(token.head, words, depth, preps) if c.i != token.i]
            recipient = next(iter(_parties(found, entry, words)), recipient)
    if actor is None:
        gov, dep = token.head, token.dep_
        if dep == "pobj" and gov.lower_ in words.preps.background:
            return Roles(actor=None, recipient=recipient)
        if dep == "pobj" and gov.dep_ == "prep":
            gov = gov.head
        if (
            dep in ("dobj", "pobj", "attr", "appos")
            and gov.pos_ in ("VERB", "AUX")
            and not _passive(gov, words)
        ):
            lemma = gov.lemma_.lower()
            subject = child(gov, "nsubj") or _inherited_subject(gov, words, hops)
            if lemma in words.victim_governors or token.head.lower_ in words.preps.victim:
                recipient = recipient or subject
            elif lemma not in words.not_agent_governors:
                actor = subject
            elif dep == "dobj":  # "broke up a march by teachers": the parse puts the march's "by" on the verb
                actor = _agent(gov, words)
    if actor is None:
        actor = next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        poss = child(token, "poss")
        actor = actor or (poss if poss is not None and poss.lower_ in words.person_pronouns else None)
    return Roles(actor=actor, recipient=recipient)


def roles(token: Token, entry: TriggerEntry, words: EventWords, settings: Settings) -> Roles:
    """The actor and recipient head tokens of a trigger."""
    if token.pos_ in ("NOUN", "PROPN"):
        found = _noun_roles(token, entry, words, settings)
    else:
        found = _verb_roles(token, entry, words, settings)
    if found.actor is not None and found.recipient is not None and found.actor.i == found.recipient.i:
        found.recipient = None
    if found.actor is not None and found.actor.lemma_.lower() in words.tally_nouns:
        found.actor = None
    if found.recipient is not None and found.recipient.lemma_.lower() in words.tally_nouns:
        found.recipient = None
    return found


def participant(index: ArticleIndex, pp: int, head: Token | None, words: EventWords) -> Participant | None:
    """A participant for a head token: its phrase text, linked to an entity when one is found."""
    if head is None:
        return None
    if head.lower_ in words.relative_pronouns and head.head.dep_ == "relcl":
        head = head.head.head
    tokens = noun_phrase(head, words)
    start, end = index.span_chars(pp, tokens)
    text = index.article.text[start:end]
    entity = _entity(index, pp, head, tokens, words, start)
    if entity is None:
        return Participant(text=text)
    return Participant(text=text, entity=entity.id, name=entity.name)


def _entity(
    index: ArticleIndex, pp: int, head: Token, tokens: list[Token], words: EventWords, since: int
) -> Entity | None:
    """The entity a participant names: by a mention of its head (or a name in apposition), by role for
    a definite description, by salience for a personal pronoun, else by a mention inside its phrase; a
    mention of the head that starts before the phrase (at `since`) ran past a separator ("Subotica -
    Police") and names nothing."""
    for t in [head] + [c for c in head.children if c.dep_ == "appos"]:
        found = _mention_at(index, pp, t, since)
        if found is not None:
            return found
    if head.lower_ in words.person_pronouns:
        return index.pronouns.get(index.start(pp, head))
    if head.lower_ in words.group_pronouns:
        para = index.paragraphs[pp].start
        near = [m.item for m in index.entities.before(index.start(pp, head)) if m.start >= para]
        return next((e for e in reversed(near) if e.type in ("ORG", "GPE")), None)
    if head.pos_ == "NOUN" and any(c.lower_ in words.definite_determiners for c in head.children):
        word = head.lemma_.lower()
        holders = [
            e
            for e in index.article.entities
            if e.type == "PERSON" and any(r.lower().split()[-1:] == [word] for r in e.roles)
        ]
        if len(holders) == 1:
            return holders[0]
    possessor = {
        i for c in head.children if c.dep_ == "poss" for i in range(c.left_edge.i, c.right_edge.i + 1)
    }
    # a name before an adjective of origin: "the CEO of German energy giant E.ON" is about E.ON
    for t in sorted(tokens, key=lambda t: t.dep_ == "amod"):
        if t.i not in possessor and not t.is_punct:
            found = _mention_at(index, pp, t, since)
            if found is not None:
                return found
    return None


def _mention_at(index: ArticleIndex, pp: int, token: Token, since: int = 0) -> Entity | None:
    start = index.start(pp, token)
    hits = [h for h in index.entities.within(start, start + len(token.text)) if h.start >= since]
    return hits[0].item if hits else None
