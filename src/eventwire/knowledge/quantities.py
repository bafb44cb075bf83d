"""Quantity words: number words, vague amounts, qualifiers, currencies, the nouns counted and not counted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class QuantityWords:
    """Quantity words (`quantities.json`, lower case unless said). Tables keep the file's order: the
    `Quantities` step's alternations are built from them."""

    version: int
    number_words: dict[str, int]
    """Number words → value ("twelve" 12, "million" 1000000)."""
    scales: dict[str, int]
    """The number words that scale what comes before them ("two thousand", "3.6 million")."""
    suffix_scales: dict[str, int]
    """Suffixes after digits → factor ("5bn")."""
    ambiguous_suffixes: frozenset[str]
    """Suffixes read as a scale only after a currency ("$5m"; "5m" may be metres)."""
    hundred: str
    """The word for 100: a multiplier inside a number word ("two hundred and five")."""
    dozen: str
    """The word for 12: a multiplier ("three dozen")."""
    indefinite_articles: frozenset[str]
    """Articles that stand for one before a scale ("a hundred", "a thousand")."""
    and_word: str
    """The conjunction inside a number word ("two hundred and five")."""
    and_after: tuple[str, ...]
    """The scale words "and" may follow inside a number word."""
    pronoun_numbers: frozenset[str]
    """Number words that are also pronouns ("the one who"): a count only when they modify a noun."""
    of: str
    """The preposition between a number and what it counts ("dozens of people")."""
    plural_suffix: str
    """The plural ending cut off a counted noun the lemmatizer left plural."""
    plural_kept: frozenset[str]
    """Plural lemmas kept as they are ("people")."""
    vague: dict[str, tuple[int, str]]
    """Vague counts → value and qualifier ("dozens" 12, "at least"); see `vague_note` in the file."""
    vague_need_noun: frozenset[str]
    """Vague counts that are a quantity only with a counted noun ("several")."""
    qualifiers: dict[str, str]
    """Words before a number → its qualifier ("nearly" → about)."""
    currency_symbols: dict[str, str]
    """Currency signs, as written → ISO 4217 code."""
    currency_codes: tuple[str, ...]
    """ISO 4217 codes recognised before a number ("USD 5 million"), as written."""
    currency_words: dict[str, str]
    """Currency nouns (singular lemma) → ISO 4217 code."""
    percent_after: tuple[str, ...]
    """Words after a number that make it a percentage."""
    time_of_day_after: tuple[str, ...]
    """Words after a number that make it a time of day ("3 p.m."), as written."""
    age_before: frozenset[str]
    """Words before a number that make it an age ("aged 66")."""
    age_of: str
    """The phrase before a number that makes it an age ("at the age of 66")."""
    age_after: tuple[str, ...]
    """Words after a number that make it an age ("66 years old")."""
    identifier_before: frozenset[str]
    """Words before a number that make it an identifier ("Flight 17", "Resolution 2758")."""
    unit_lemmas: dict[str, str]
    """Counted nouns' lemmas → the unit recorded ("people" → person)."""
    not_counted: frozenset[str]
    """Nouns a number never counts ("percent")."""

    @classmethod
    def load(cls, files: PackFiles) -> QuantityWords:
        """Read the section from a language pack's files."""
        data: dict[str, Any] = files.json("quantities.json")
        return cls(
            version=data["version"],
            number_words=dict(data["number_words"]),
            scales=dict(data["scales"]),
            suffix_scales=dict(data["suffix_scales"]),
            ambiguous_suffixes=frozenset(data["ambiguous_suffixes"]),
            hundred=data["hundred"],
            dozen=data["dozen"],
            indefinite_articles=frozenset(data["indefinite_articles"]),
            and_word=data["and"],
            and_after=tuple(data["and_after"]),
            pronoun_numbers=frozenset(data["pronoun_numbers"]),
            of=data["of"],
            plural_suffix=data["plural_suffix"],
            plural_kept=frozenset(data["plural_kept"]),
            vague={k: (v[0], v[1]) for k, v in data["vague"].items()},
            vague_need_noun=frozenset(data["vague_need_noun"]),
            qualifiers=dict(data["qualifiers"]),
            currency_symbols=dict(data["currency_symbols"]),
            currency_codes=tuple(data["currency_codes"]),
            currency_words=dict(data["currency_words"]),
            percent_after=tuple(data["percent_after"]),
            time_of_day_after=tuple(data["time_of_day_after"]),
            age_before=frozenset(data["age_before"]),
            age_of=data["age_of"],
            age_after=tuple(data["age_after"]),
            identifier_before=frozenset(data["identifier_before"]),
            unit_lemmas=dict(data["unit_lemmas"]),
            not_counted=frozenset(data["not_counted"]),
        )
