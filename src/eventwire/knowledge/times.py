"""Time words: month and weekday names, relative cues, the parts of a period, the patterns' cue words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.knowledge.pack import PackFiles


def _spans(table: dict[str, list[int]]) -> dict[str, tuple[int, int]]:
    return {k: (v[0], v[1]) for k, v in table.items()}


@dataclass(frozen=True)
class TimeWords:
    """Time words (`times.json`): what the patterns of the `Times` step match and how they resolve.

    Tables keep the file's order: the patterns' alternations are built from them."""

    version: int
    dateparser_languages: tuple[str, ...]
    """Languages `dateparser` reads numeric dates ("3/23/2022") in."""
    months: dict[str, int]
    """Month names and abbreviations, as written ("Sept."), → month number."""
    weekdays: dict[str, int]
    """Weekday names, as written → weekday (Monday 0)."""
    weekday_not_a_date_before: frozenset[str]
    """Words that make the weekday after them a name ("Ash Wednesday"), as written."""
    times_of_day: tuple[str, ...]
    """Parts of a day after a weekday ("Monday morning"), taken into its span."""
    ordinal_suffixes: tuple[str, ...]
    """Suffixes of ordinal day numbers ("23rd")."""
    day_of: str
    """The word between a day and its month ("23rd of March")."""
    possessive_suffixes: tuple[str, ...]
    """Possessive endings a weekday may take ("Monday's vote")."""
    article: str
    """The article before a part of a period or a decade ("the end of March", "the 1990s")."""
    since: str
    """The word that extends an expression to the publication day ("since March")."""
    month_parts: dict[str, tuple[int, int]]
    """Parts of a month ("early", "end of") → first and last day."""
    year_parts: dict[str, tuple[int, int]]
    """Parts of a year → first and last month."""
    decade_parts: dict[str, tuple[int, int]]
    """Parts of a decade ("the early 1990s") → first and last year within it."""
    decade_suffix: str
    """The ending of a decade ("1990s", "'90s")."""
    bare_month_context: frozenset[str]
    """Words before a month name without a day or year that make it a date ("in March")."""
    year_context: frozenset[str]
    """Words before a bare four-digit number that make it a year ("in 2020")."""
    future_aux: frozenset[str]
    """Auxiliaries that make a clause future ("will", "could")."""
    future_lemmas: frozenset[str]
    """Lemmas of verbs and adjectives a complement of which looks forward ("expected to", "due to")."""
    perfect_aux_lemma: str
    """The lemma of the perfect's auxiliary ("has said"): a past."""
    past_do: frozenset[str]
    """Forms of the past "do" ("did")."""
    present_passive_aux: frozenset[str]
    """Auxiliaries of a present passive ("is expected"): a present, not a past participle's past."""
    progressive_aux: frozenset[str]
    """Auxiliaries of the present progressive ("is flying"), which looks forward."""
    days: dict[str, int]
    """Relative day words → days from publication ("yesterday" -1)."""
    same_day: tuple[str, ...]
    """Phrases of the publication day ("this morning")."""
    nights: dict[str, int | None]
    """Night phrases → days from publication of the evening the night starts, None: by the clause's tense."""
    periods: dict[str, str]
    """Period words after a shift ("last week") → the unit: week, weekend, month or year."""
    period_shift: dict[str, int]
    """Words before a period → how many periods from the publication's ("last" -1)."""
    month_shift: dict[str, int]
    """Words before a month name → which one: -1 the last before publication, 1 the next, 0 this year's."""
    weekday_shift: dict[str, int]
    """Words before a weekday, lower case → -1 the last before publication, 1 the next, 0 by the tense."""
    ago_numbers: dict[str, int]
    """Number words before a unit and "ago" ("two weeks ago")."""
    ago_units: dict[str, str]
    """Unit words before "ago" → the unit: day, week, month, year or decade."""
    plural_suffix: str
    """The plural ending of a unit word ("days")."""
    ago: str
    """The word that counts back from publication ("a week ago")."""
    cues: dict[str, str]
    """For the patterns of `days`, `same_day` and `nights`: "|"-separated text each of their words contains,
    searched before the pattern (cheaper)."""

    @classmethod
    def load(cls, files: PackFiles) -> TimeWords:
        """Read the section from a language pack's files."""
        data: dict[str, Any] = files.json("times.json")
        return cls(
            version=data["version"],
            dateparser_languages=tuple(data["dateparser_languages"]),
            months=dict(data["months"]),
            weekdays=dict(data["weekdays"]),
            weekday_not_a_date_before=frozenset(data["weekday_not_a_date_before"]),
            times_of_day=tuple(data["times_of_day"]),
            ordinal_suffixes=tuple(data["ordinal_suffixes"]),
            day_of=data["day_of"],
            possessive_suffixes=tuple(data["possessive_suffixes"]),
            article=data["article"],
            since=data["since"],
            month_parts=_spans(data["month_parts"]),
            year_parts=_spans(data["year_parts"]),
            decade_parts=_spans(data["decade_parts"]),
            decade_suffix=data["decade_suffix"],
            bare_month_context=frozenset(data["bare_month_context"]),
            year_context=frozenset(data["year_context"]),
            future_aux=frozenset(data["future_aux"]),
            future_lemmas=frozenset(data["future_lemmas"]),
            perfect_aux_lemma=data["perfect_aux_lemma"],
            past_do=frozenset(data["past_do"]),
            present_passive_aux=frozenset(data["present_passive_aux"]),
            progressive_aux=frozenset(data["progressive_aux"]),
            days=dict(data["days"]),
            same_day=tuple(data["same_day"]),
            nights=dict(data["nights"]),
            periods=dict(data["periods"]),
            period_shift=dict(data["period_shift"]),
            month_shift=dict(data["month_shift"]),
            weekday_shift=dict(data["weekday_shift"]),
            ago_numbers=dict(data["ago_numbers"]),
            ago_units=dict(data["ago_units"]),
            plural_suffix=data["plural_suffix"],
            ago=data["ago"],
            cues=dict(data["cues"]),
        )
