"""Entity words: titles, honorifics, organisation heads, news agencies, roles' cue words, metonymy lemmas."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eventwire.knowledge.offices import OfficeWords
from eventwire.knowledge.pack import PackFiles


def _lower(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@dataclass(frozen=True)
class MetonymyWords:
    """The lemmas that make a place name an actor ("Moscow says", "Kyiv's control"), casefolded
    (`metonymy.json`)."""

    speech_verbs: frozenset[str]
    """Verbs whose subject speaks or decides, so acts, even when it is a town ("Mariupol says")."""
    locative_verbs: frozenset[str]
    """Verbs whose subject stays a place ("Kharkiv lies", "Texas swelters")."""
    actor_nouns: frozenset[str]
    """Nouns a place owns as an actor does ("Kyiv's control", "Moscow's decision")."""
    target_verbs: frozenset[str]
    """Verbs whose object is a state acted upon ("to isolate Moscow")."""
    agent_preposition: str
    """The preposition of a passive's agent ("attacked by Russia")."""

    @classmethod
    def load(cls, data: dict[str, Any]) -> MetonymyWords:
        folded = lambda key: frozenset(s.casefold() for s in data[key])  # noqa: E731
        return cls(
            speech_verbs=folded("speech_verbs"),
            locative_verbs=folded("locative_verbs"),
            actor_nouns=folded("actor_nouns"),
            target_verbs=folded("target_verbs"),
            agent_preposition=data["agent_preposition"],
        )


@dataclass(frozen=True)
class EntityWords:
    """Entity words (`entities.json`, lower-cased unless said): what types, trims, gives roles to and links
    entity mentions; and the metonymy lemmas (`metonymy.json`)."""

    version: int
    titles: frozenset[str]
    """Words (and phrases) that head a person's role: "spokesman", "prime minister"."""
    honorifics: frozenset[str]
    """Words before a name that are no part of it: "Mr", "Dr.", "Sir"."""
    former_qualifiers: frozenset[str]
    """Words that make a role a past one: "former", "then", "ex-"."""
    org_heads: frozenset[str]
    """Last words of organisation names: "Ministry", "Inc.", "Party"."""
    org_descriptors: frozenset[str]
    """Common nouns before an organisation's name: "firm" Maxar, "energy giant" E.ON."""
    source_verbs: tuple[tuple[str, ...], ...]
    """Word sequences before a one-word name that make it a news source ("according to", "told")."""
    acronym_stop: frozenset[str]
    """All-caps words that are no organisation (CEO, GDP, UK), as written (case kept)."""
    news_agencies: frozenset[str]
    """Names of news agencies and broadcasters."""
    portfolios: frozenset[str]
    """What a minister is minister of: "defense", "foreign affairs"."""
    fac_heads: frozenset[str]
    """Last words of facilities' names: "Street", "Airport", "power plant"."""
    fac_leads: frozenset[str]
    """First words of facilities' names: "Rue", "Avenida"."""
    fac_heads_also_surnames: frozenset[str]
    """Facility heads that are common surnames, not a facility in a name the model called a person."""
    company_suffixes: frozenset[str]
    """Legal forms after a comma in a company's name ("Samsung Electronics Co., Ltd")."""
    articles: frozenset[str]
    """Articles, left off the start of a mention ("the Kremlin")."""
    possessive_marks: frozenset[str]
    """Tokens of the possessive clitic ("Putin" "'s"), as written."""
    complement_preposition: str
    """The preposition of a head's complement: "Ministry of Defense", "Secretary of State"."""
    name_connectors: frozenset[str]
    """Lower-case words inside a capitalised organisation name ("Centre for Democracy and Law")."""
    list_conjunctions: frozenset[str]
    """Words that join the parts of a list of names ("Bucha and Irpen")."""
    initials_skip: frozenset[str]
    """Words left out of a name's initials when matching an acronym ("Ministry of Defence": MD)."""
    time_prepositions: frozenset[str]
    """Prepositions of time phrases cut off a role ("envoy since 2020")."""
    predicate_verbs: frozenset[str]
    """Lemmas of verbs that give their subject a role ("X was appointed minister")."""
    stative_verbs: frozenset[str]
    """The predicate verbs whose past tense makes the role a former one ("X was minister")."""
    predicate_preposition: str
    """The preposition of a role after a verb ("served as minister")."""
    age_adjective: str
    """The hyphenated suffix of an age adjective ("66-year-old"), as written, with its leading hyphen."""
    appositive_age_words: frozenset[str]
    """Words before a number in apposition to a name that make it the person's age ("Chubais, aged 66");
    fewer than the quantities' `age_before`, which only keep a number from being a count."""
    age_tokens: tuple[str, ...]
    """The age adjective's suffix as the tokenizer cuts it: "-year-old" → ("-", "year", "-", "old")."""
    age_token: re.Pattern[str]
    """A token that is an age: "66" or "66-year-old" (group 1: the number)."""
    age_adjective_before: re.Pattern[str]
    """Text ending in an age adjective and at most one word ("a 66-year-old Russian "; group 1: the age)."""
    metonymy: MetonymyWords
    offices: OfficeWords
    """The offices section: its seats of government ("the Kremlin") name institutions, not places."""

    @classmethod
    def load(cls, files: PackFiles, offices: OfficeWords) -> EntityWords:
        """Read the section from a language pack's files."""
        data = files.json("entities.json")
        low = lambda key: _lower(data[key])  # noqa: E731
        adjective = data["age_adjective"]
        return cls(
            version=data["version"],
            titles=low("titles"),
            honorifics=low("honorifics"),
            former_qualifiers=low("former_qualifiers"),
            org_heads=low("org_heads"),
            org_descriptors=low("org_descriptors"),
            source_verbs=tuple(tuple(v.lower().split()) for v in data["source_verbs"]),
            acronym_stop=frozenset(data["acronym_stop"]),
            news_agencies=low("news_agencies"),
            portfolios=low("portfolios"),
            fac_heads=low("fac_heads"),
            fac_leads=low("fac_leads"),
            fac_heads_also_surnames=low("fac_heads_also_surnames"),
            company_suffixes=low("company_suffixes"),
            articles=low("articles"),
            possessive_marks=frozenset(data["possessive_marks"]),
            complement_preposition=data["complement_preposition"],
            name_connectors=low("name_connectors"),
            list_conjunctions=low("list_conjunctions"),
            initials_skip=low("initials_skip"),
            time_prepositions=low("time_prepositions"),
            predicate_verbs=low("predicate_verbs"),
            stative_verbs=low("stative_verbs"),
            predicate_preposition=data["predicate_preposition"],
            age_adjective=data["age_adjective"],
            appositive_age_words=low("appositive_age_words"),
            age_tokens=tuple(t for t in re.split(r"(-)", adjective.lower()) if t),
            age_token=re.compile(rf"^(\d{{1,3}})(?:{re.escape(adjective)})?$"),
            age_adjective_before=re.compile(rf"\b(\d{{1,3}}){re.escape(adjective)}\s+(?:\w+\s+)?$"),
            metonymy=MetonymyWords.load(files.json("metonymy.json")),
            offices=offices,
        )
