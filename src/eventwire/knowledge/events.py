"""The event lexicon: trigger senses by lemma, and the cue words of status, participants, place, date and
claims, checked against the PLOVER ontology.

`triggers.json` maps trigger lemmas to PLOVER types, modes and contexts; `cues.json` holds the cue words,
prepositions, pronouns and determiners by role.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from eventwire.knowledge import plover
from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class TriggerEntry:
    """One trigger sense: the conditions under which a lemma means a PLOVER type and mode."""

    lemma: str
    pos: frozenset[str]
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    size: str | None = None
    with_: frozenset[str] = frozenset()
    mods: frozenset[str] = frozenset()
    under: frozenset[str] = frozenset()
    gov: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    modal: frozenset[str] = frozenset()
    conflict_type: str | None = None
    object_not: frozenset[str] = frozenset()
    content: bool = False
    no_recipient: bool = False
    needs_actor: bool = False
    place_object: bool = False


@dataclass(frozen=True)
class Prepositions:
    """Prepositions by the role they give the noun after them (`cues.json`, `prepositions`)."""

    where: frozenset[str]
    """A place after them is where the event happened ("in Kyiv")."""
    place_topic: frozenset[str]
    """A place after them is what the event is about, not where ("a summit on Ukraine")."""
    party_place: frozenset[str]
    """A party after them is the place an action happens in: a recipient of last resort."""
    speech_topic: frozenset[str]
    """A noun after them is what is spoken about, no event ("report on the protests")."""
    meeting_topic: frozenset[str]
    """After a meeting they give its topic, not whom it is with."""
    recipient: frozenset[str]
    """Their object is a trigger's recipient ("sanctions on Belarus")."""
    consult_recipient: frozenset[str]
    """Their object is whom a meeting is with ("talks with Kyiv")."""
    beneficiary: frozenset[str]
    """Their object receives what is given ("asylum to 18 rebels")."""
    party: frozenset[str]
    """Their object may be the party an action is aimed at."""
    background: frozenset[str]
    """An event after them is background ("after a coup")."""
    cumulative: frozenset[str]
    """A time after them starts a span to the report: a cumulative toll ("killed since May 3")."""
    origin: frozenset[str]
    """A place after them on a word for people is where they come from ("soldiers from Rwanda")."""
    genitive: frozenset[str]
    """Links a noun to what it is a part, count or name of ("the town of Gorazde")."""
    agent: frozenset[str]
    """Introduces a doer ("calls by Belarus's rulers")."""
    privative: frozenset[str]
    """A trigger after them did not happen ("without violence")."""
    manner: frozenset[str]
    """A bare noun after them is a manner ("in protest")."""
    purpose: frozenset[str]
    """A trigger after them, on a motion verb, is a journey's purpose ("flying to Europe for a summit")."""
    victim: frozenset[str]
    """The subject of the verb governing them and a noun trigger is its recipient ("came under attack")."""


@dataclass(frozen=True)
class EventWords:
    """The event lexicon: trigger senses and the cue words of status, participants, place, date and claims."""

    version: str
    """`triggers.v{N}+cues.v{M}`, the versions of the two files; printed in every event's `extractor`."""
    triggers: dict[str, tuple[TriggerEntry, ...]]
    """Lemma → its senses, the first whose conditions hold wins."""
    preps: Prepositions
    """Prepositions by role."""
    person_pronouns: frozenset[str]
    """Stand for a person: resolved to the most salient one, and always a party."""
    group_pronouns: frozenset[str]
    """Stand for an organisation or state named earlier in the paragraph."""
    relative_pronouns: frozenset[str]
    """Stand for the noun their relative clause hangs from."""
    definite_determiners: frozenset[str]
    """Make a definite description ("the envoy"), linked to the one person holding that role."""
    one_determiners: frozenset[str]
    """With a singular person noun as the victim ("wounding a civilian"), count one."""
    pointing_determiners: frozenset[str]
    """With a place anaphor ("the city", "this town"), point back to an earlier place."""
    reporting_verbs: frozenset[str]
    """Verbs of saying whose subject asserts what they report ("officials said")."""
    according_to: tuple[tuple[str, str], ...]
    """Two-word phrases that name a source ("according to"), as (first word, second word)."""
    deny_verbs: frozenset[str]
    hedge_adverbs: frozenset[str]
    """Adverbs that hedge a trigger ("allegedly")."""
    hedge_passives: frozenset[str]
    """Verbs that hedge what they raise when passive ("are said to have killed")."""
    hedge_speaker: str
    """The speaker of a hedge nobody is named for."""
    expected_governors: frozenset[str]
    """Words that make what hangs from them expected ("scheduled to arrive")."""
    intention_governors: frozenset[str]
    """Words whose complement is only tried or wanted, no event ("tried to capture")."""
    cessation_governors: frozenset[str]
    """What someone is to stop or prevent is no event ("undertook to stop air strikes"); what someone
    stopped was ("halted the march")."""
    attempt_governors: frozenset[str]
    """Of the intention governors, those whose targeted killing is still an assault ("attempted to kill")."""
    expected_modals: frozenset[str]
    """Auxiliaries that make an event expected ("will visit")."""
    expected_adjectives: frozenset[str]
    """Adjectives that make a noun trigger expected ("planned talks")."""
    ongoing_governors: frozenset[str]
    """Present-tense verbs that make what hangs from them ongoing ("continue to shell")."""
    not_agent_governors: frozenset[str]
    """Verbs whose subject is no actor of the event they govern ("condemned the killing")."""
    victim_verbs: frozenset[str]
    """Their subject is a victim, no actor ("6 residents had died")."""
    victim_governors: frozenset[str]
    """Verbs whose subject suffers the event they govern ("faced arrest")."""
    negators: frozenset[str]
    """Determiners that negate a trigger ("no strikes")."""
    negative_pronouns: frozenset[str]
    """As a trigger's subject or object they negate it ("nobody was hurt"); so does a subject or object
    with a negating determiner ("no one was arrested", "no protesters were detained")."""
    directions: frozenset[str]
    """Compass directions: "west of Kyiv" is no place of the event."""
    locative_nouns: frozenset[str]
    """Parts of a place: "on the outskirts of Dera Ismail Khan" places the event there."""
    place_anaphors: frozenset[str]
    """Place words that point back with a pointing determiner ("the city")."""
    place_adverbs: frozenset[str]
    """Adverbs that point back to an earlier place ("there")."""
    night_cues: tuple[str, ...]
    simultaneous_marks: frozenset[str]
    """A clause they mark happens at the time of the clause it hangs from: its time dates both ("three
    were killed when supporters clashed on Monday")."""
    relative_marks: dict[str, int]
    """A clause marked by one of them ("two days after the sides signed") lies its span before (-1) or
    after (+1) the time of the clause it hangs from."""
    relative_units: dict[str, int]
    """The length in days of a span's unit ("two days", "hours": 0)."""
    """Phrases that date an event to the night before publication ("overnight")."""
    motion_verbs: frozenset[str]
    """Verbs of going whose "for" purpose is expected ("flying to Europe for a summit")."""
    announcement_verbs: frozenset[str]
    """Verbs by which an actor announces its own future action (a threat or concession)."""
    plan_verbs: frozenset[str]
    """Verbs by which an actor plans a future action ("plans to impose")."""
    speech_verbs: frozenset[str]
    """Verbs of speaking whose topic is no event ("spoke about the strikes")."""
    warning_verbs: frozenset[str]
    """Verbs whose prepositional object may be nature ("warned of famine")."""
    condition_marks: frozenset[str]
    """Marks of a condition ("unless", "if"): its subject is whom a threat is aimed at."""
    party_nouns: frozenset[str]
    """Nouns for people, groups and polities: a possible actor or recipient."""
    venue_types: frozenset[str]
    """Types (lower case) whose place is no party: where a meeting or a deal happens is not its
    counterpart ("sat down for talks in Panama City"); the statements' types are left out, as PLOVER's
    records lose recipients with them."""
    collective_nouns: frozenset[str]
    """Party nouns for a group or polity, not one person: "a village" attacked counts no one dead."""
    conflict_nouns: frozenset[str]
    """Wars and conflicts: what they "have killed" is a cumulative toll, no single event."""
    death_results: frozenset[str]
    """A verb's result that kills ("shot dead", "beaten to death"): an assault whose toll is its victims."""
    death_prepositions: frozenset[str]
    """The preposition of a death result ("to death")."""
    killing_verbs: frozenset[str]
    """Verbs that kill when their result is a death though the lexicon has no sense for them ("stoned to
    death"); others die of what befalls them ("froze to death", "crushed to death in a stampede")."""
    non_agents: frozenset[str]
    """Nature and mishaps: when they do it, it is no PLOVER event ("floods killed 30")."""
    partitive_nouns: frozenset[str]
    """An object that is only a part ("part of a program") is read with what it is a part of."""
    light_nouns: frozenset[str]
    """An object that is only an effort ("mediation efforts") is read with its modifiers."""
    topic_nouns: frozenset[str]
    """Nouns whose topic is no event ("negotiations on a pullback")."""
    count_nouns: frozenset[str]
    """Nouns that count what follows them ("hundreds of students")."""
    means_nouns: frozenset[str]
    """How something is done, never who does it ("agreed by telephone", "approved by a majority")."""
    tally_nouns: frozenset[str]
    """What an event is counted by, never a party to it ("put the toll higher")."""
    infinitive_markers: frozenset[str]
    """Mark an infinitive ("to")."""
    perfect_auxiliaries: frozenset[str]
    """Make a past participle active ("have killed", not "civilians killed")."""
    existential_verbs: frozenset[str]
    """With an expletive subject, a present "there are counterattacks" is ongoing."""
    participle_ending: str
    """An adjective with this ending may be a participle ("recaptured")."""
    participle_verb_endings: tuple[str, ...]
    """Its verb is the word without `participle_ending` plus one of these, tried in order."""
    context_words: dict[str, str]
    """Lemma → the PLOVER context a sentence holding it has."""
    conflict_types: frozenset[str]
    """PLOVER types of harm: a willingness to do them is a threat."""
    content_modes: dict[str, dict[str, str]]
    """Type of a content trigger → "TYPE/mode" or "TYPE" of its content → the mode it takes."""

    @classmethod
    def load(cls, files: PackFiles) -> EventWords:
        """Read the section from a language pack's files.

        Raises:
            ValueError: when a trigger or cue names a type, mode or context PLOVER does not have.
        """
        raw_triggers, cues = files.json("triggers.json"), files.json("cues.json")
        triggers: dict[str, list[TriggerEntry]] = defaultdict(list)
        for raw in raw_triggers["entries"]:
            triggers[raw["lemma"]].append(_entry(raw))
        bad = [c for c in cues["context_words"].values() if not plover.is_context(c)]
        bad += [t for t in cues["conflict_types"] if not plover.is_valid(t)]
        bad += [
            f"{outer}/{mode}"
            for outer, table in cues["content_modes"].items()
            for mode in table.values()
            if not plover.is_valid(outer, mode)
        ]
        if bad:
            raise ValueError(f"cues.json: not PLOVER contexts, types or modes: {bad}")
        preps, pronouns, determiners = cues["prepositions"], cues["pronouns"], cues["determiners"]
        participle = cues["participle"]
        return cls(
            version=f"triggers.v{raw_triggers['version']}+cues.v{cues['version']}",
            triggers={lemma: tuple(entries) for lemma, entries in triggers.items()},
            preps=Prepositions(**{role: _role_words(preps, role) for role in preps if role != "about"}),
            person_pronouns=_role_words(pronouns, "person"),
            group_pronouns=_role_words(pronouns, "group"),
            relative_pronouns=_role_words(pronouns, "relative"),
            definite_determiners=_role_words(determiners, "definite"),
            pointing_determiners=_role_words(determiners, "pointing"),
            one_determiners=_role_words(determiners, "one"),
            according_to=tuple(_two_words(p) for p in cues["according_to"]),
            hedge_speaker=cues["hedge_speaker"],
            night_cues=tuple(cues["night_cues"]),
            relative_marks=dict(cues["relative_time"]["marks"]),
            relative_units=dict(cues["relative_time"]["units"]),
            participle_ending=participle["ending"],
            participle_verb_endings=tuple(participle["verb_endings"]),
            context_words=dict(cues["context_words"]),
            content_modes={k: dict(v) for k, v in cues["content_modes"].items()},
            **{name: frozenset(cues[name]) for name in _WORD_SETS},
        )


_WORD_SETS = (
    "reporting_verbs",
    "deny_verbs",
    "hedge_adverbs",
    "hedge_passives",
    "expected_governors",
    "intention_governors",
    "attempt_governors",
    "cessation_governors",
    "expected_modals",
    "expected_adjectives",
    "ongoing_governors",
    "not_agent_governors",
    "victim_verbs",
    "victim_governors",
    "negators",
    "negative_pronouns",
    "directions",
    "locative_nouns",
    "place_anaphors",
    "place_adverbs",
    "motion_verbs",
    "announcement_verbs",
    "plan_verbs",
    "speech_verbs",
    "warning_verbs",
    "condition_marks",
    "party_nouns",
    "venue_types",
    "collective_nouns",
    "conflict_nouns",
    "death_results",
    "death_prepositions",
    "killing_verbs",
    "simultaneous_marks",
    "non_agents",
    "partitive_nouns",
    "light_nouns",
    "topic_nouns",
    "count_nouns",
    "means_nouns",
    "tally_nouns",
    "infinitive_markers",
    "perfect_auxiliaries",
    "existential_verbs",
    "conflict_types",
)
"""The cue lists of `cues.json` read as plain word sets, each an `EventWords` field of the same name."""


def _role_words(group: dict[str, Any], role: str) -> frozenset[str]:
    """The words of one role of a group by role ("prepositions", "pronouns", "determiners")."""
    return frozenset(group[role]["words"])


def _two_words(text: str) -> tuple[str, str]:
    first, second = text.split()
    return first, second


def _entry(raw: dict[str, Any]) -> TriggerEntry:
    entry = TriggerEntry(
        lemma=raw["lemma"],
        pos=frozenset(raw["pos"]),
        type=raw["type"],
        mode=raw.get("mode"),
        context=tuple(raw.get("context", ())),
        size=raw.get("size"),
        with_=frozenset(raw.get("with", ())),
        mods=frozenset(raw.get("mods", ())),
        under=frozenset(raw.get("under", ())),
        gov=frozenset(raw.get("gov", ())),
        objects=frozenset(raw.get("objects", ())),
        modal=frozenset(raw.get("modal", ())),
        conflict_type=raw.get("conflict_type"),
        object_not=frozenset(raw.get("object_not", ())),
        content=bool(raw.get("content")),
        no_recipient=bool(raw.get("no_recipient")),
        needs_actor=bool(raw.get("needs_actor")),
        place_object=bool(raw.get("place_object")),
    )
    if entry.conflict_type and not plover.is_valid(entry.conflict_type):
        raise ValueError(f"triggers.json: {entry.lemma}: {entry.conflict_type} is not PLOVER")
    if not plover.is_valid(entry.type, entry.mode):
        raise ValueError(f"triggers.json: {entry.lemma}: {entry.type}/{entry.mode} is not PLOVER")
    bad = [c for c in entry.context if not plover.is_context(c)]
    if bad:
        raise ValueError(f"triggers.json: {entry.lemma}: unknown contexts {bad}")
    return entry
