"""Time words: month and weekday names, relative cues, the parts of a period, quarters, seasons, anaphors."""

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
    quarters: dict[str, int]
    """Ordinals of a quarter ("third" quarter) → its number."""
    quarter_words: tuple[str, ...]
    """The words for a quarter of a year ("quarter")."""
    fiscal: str
    """The word that may stand before a quarter or year ("fiscal 1990"), read as the calendar one."""
    quarter_year_shift: dict[str, int]
    """Words before a named quarter that give its year ("last year's" third quarter) → years from
    publication."""
    quarter_refs: dict[str, int]
    """Words before "quarter" or "period" that make it the quarter the article last named, shifted by this
    many quarters ("the year-ago quarter" -4)."""
    year_ago_words: tuple[str, ...]
    """Adjectives of the same period a year before the one the article last named ("year-earlier")."""
    quarter_dets: tuple[str, ...]
    """Determiners besides the article before a quarter or period the article named ("that quarter")."""
    quarter_current: tuple[str, ...]
    """Words before "quarter" that make it the publication's ("the current quarter")."""
    period_ended: tuple[str, ...]
    """Words between "the quarter" and the month it ends in ("the quarter ended July 31")."""
    quarter_period_words: tuple[str, ...]
    """Nouns a quarter reference may use ("the latest period"); the first is the quarter itself."""
    seasons: dict[str, str]
    """Season names → TimeML's code (SP, SU, FA, WI)."""
    season_months: dict[str, tuple[int, int]]
    """Season codes → first and last month (past 12: into the next year)."""
    season_shift: dict[str, int]
    """Words before a season → which one: -1 the last before publication, 1 the next, 0 this year's."""
    season_context: frozenset[str]
    """Words before a season name without a year that make it a date ("in summer"), lower case."""
    century_word: str
    """The word after an ordinal century ("the 20th century")."""
    decade_words: dict[str, int]
    """Decades in words ("the nineties") → the decade's digit."""
    spoken_centuries: dict[str, int]
    """The first half of a spoken year ("nineteen" ninety-six) → its hundreds."""
    spoken_units: dict[str, int]
    """Spoken units ("six")."""
    spoken_teens: dict[str, int]
    """Spoken numbers from ten to nineteen."""
    spoken_tens: dict[str, int]
    """Spoken tens ("ninety")."""
    spoken_thousand: str
    """The spoken two thousand of the years 2000–2099 ("two thousand" and one)."""
    spoken_year_lead: str
    """The words that may open a spoken year ("the year" two thousand)."""
    anaphors: dict[str, tuple[str, int]]
    """Phrases dated against the last date the article gave → unit (day, week, month, year) and shift
    ("the following year": year, 1)."""
    anaphors_of_publication: frozenset[str]
    """Anaphors that, after a date coarser than their unit, are the publication's ("the week" after "in
    2019" is the week of publication, not unresolved)."""
    anaphor_directions: dict[str, int]
    """Words after a count of units that count from the last date the article gave ("a year earlier")."""
    holidays: dict[str, tuple[Any, ...]]
    """Holidays → their rule: ("fixed", month, day); ("weekday", month, day, weekday): the first such
    weekday on or after that day (Thanksgiving: the Thursday from 22 November); ("easter", days after
    Easter Sunday)."""
    around_weekday: dict[str, int]
    """Words between "the day" and a weekday → days from it ("the day before last Tuesday" -1)."""
    weekend_words: tuple[str, ...]
    """Phrases of a weekend without a shift ("the weekend"): the one the clause's tense points to."""
    forward_verbs: frozenset[str]
    """Lemmas of verbs that put what they govern ahead ("scheduled for Thursday", "postponed until May")."""
    forward_preps: frozenset[str]
    """Prepositions before a time that, under a forward verb, point ahead ("for", "until")."""
    forward_before: frozenset[str]
    """Words right before a time that point ahead ("payable Jan. 5", "effective Feb. 1")."""
    vague_numbers: frozenset[str]
    """Counts before "years ago" too vague for a year ("a few years ago"): the decade it falls in."""
    year_end: tuple[str, ...]
    """Words of the end of a year ("year-end", "by year's end")."""
    year_end_part: str
    """The part of a year (in `year_parts`) the end of a year covers."""
    halves: dict[str, int]
    """Ordinals of a half-year ("the first half", "the last half") → 1 or 2."""
    half_words: tuple[str, ...]
    """The words of a half of a year after its ordinal ("half", "the first two quarters")."""
    half_not_before: tuple[str, ...]
    """Words after "first half" and the like that make it no half-year ("the last half hour")."""
    of_year_shift: dict[str, int]
    """Years named after a month or a half ("July last year", "the first half of next year") → years from
    publication."""
    year_to_date: tuple[str, ...]
    """Spans of months from the start of a year ("the nine months"): not dates (durations), but after them
    "a year earlier" counts in years, not from the quarter named before."""
    reference_shift: dict[str, int]
    """Words between "the" and a weekday or a season that count from the last date the article gave ("the
    previous Friday" -1, "the following spring" 1)."""
    in_units: str
    """The word before a count of units that, in a future clause, counts ahead from publication ("will be
    redeemed in five years")."""

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
            quarters=dict(data["quarters"]),
            quarter_words=tuple(data["quarter_words"]),
            fiscal=data["fiscal"],
            quarter_year_shift=dict(data["quarter_year_shift"]),
            quarter_refs=dict(data["quarter_refs"]),
            year_ago_words=tuple(data["year_ago_words"]),
            quarter_dets=tuple(data["quarter_dets"]),
            quarter_current=tuple(data["quarter_current"]),
            period_ended=tuple(data["period_ended"]),
            quarter_period_words=tuple(data["quarter_period_words"]),
            seasons=dict(data["seasons"]),
            season_months=_spans(data["season_months"]),
            season_shift=dict(data["season_shift"]),
            season_context=frozenset(data["season_context"]),
            century_word=data["century_word"],
            decade_words=dict(data["decade_words"]),
            spoken_centuries=dict(data["spoken_centuries"]),
            spoken_units=dict(data["spoken_units"]),
            spoken_teens=dict(data["spoken_teens"]),
            spoken_tens=dict(data["spoken_tens"]),
            spoken_thousand=data["spoken_thousand"],
            spoken_year_lead=data["spoken_year_lead"],
            anaphors={k: (v[0], v[1]) for k, v in data["anaphors"].items()},
            anaphors_of_publication=frozenset(data["anaphors_of_publication"]),
            anaphor_directions=dict(data["anaphor_directions"]),
            holidays={k: tuple(v) for k, v in data["holidays"].items()},
            around_weekday=dict(data["around_weekday"]),
            weekend_words=tuple(data["weekend_words"]),
            forward_verbs=frozenset(data["forward_verbs"]),
            forward_preps=frozenset(data["forward_preps"]),
            forward_before=frozenset(data["forward_before"]),
            vague_numbers=frozenset(data["vague_numbers"]),
            year_end=tuple(data["year_end"]),
            year_end_part=data["year_end_part"],
            halves=dict(data["halves"]),
            half_words=tuple(data["half_words"]),
            half_not_before=tuple(data["half_not_before"]),
            of_year_shift=dict(data["of_year_shift"]),
            year_to_date=tuple(data["year_to_date"]),
            reference_shift=dict(data["reference_shift"]),
            in_units=data["in_units"],
        )
