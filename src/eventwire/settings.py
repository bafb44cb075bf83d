"""One typed, frozen settings object with documented defaults; CLI flags override it."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Every tunable of eventwire. Each field documents its unit and default.

    Environment variables `EVENTWIRE_<FIELD>` (upper case) override the defaults.
    """

    # Reading and limits
    max_input_bytes: int = 10_000_000
    """Largest input file or record accepted, in bytes (EW105 above it)."""
    max_text_chars: int = 2_000_000
    """Largest cleaned article text handed to the language layer, in characters (EW302 above it)."""
    article_time_limit_s: float = 60.0
    """Wall-clock budget for one article over all pipeline steps, in seconds (EW602 above it; 0: no bound).
    Enforced in the main thread of `extract`, `run` and its worker processes (see `eventwire.limits`)."""
    # Clean
    near_duplicate_ratio: float = 0.97
    """Two paragraphs whose normalized forms are at least this similar (0..1) are near-duplicates."""
    truncated_min_chars: int = 20
    """A paragraph shorter than this is never dropped as a truncated prefix of another."""
    # Language: parse, entities, times, quantities
    batch_size: int = 32
    """Articles run through the pipeline together (`Pipeline.run_many`), in articles: the parse step hands
    the paragraphs of one such batch to spaCy's `nlp.pipe` in one call."""
    parse_batch_paragraphs: int = 256
    """Paragraphs spaCy's `nlp.pipe` parses in one minibatch (its `batch_size`), in paragraphs: a batch's
    paragraphs are many more than its articles; a bigger minibatch is faster, the parse the same."""
    parse_memo_entries: int = 200_000
    """Entries (about 500 bytes each) at which the memo of the attribute ruler and lemmatizer is cleared
    (`language.attributes`): bounds its memory; the annotations stay the same."""
    max_age_years: int = 120
    """Largest number read as a person's age ("Chubais, 66,", "a 54-year-old farmer"), in years."""
    person_max_tokens: int = 4
    """Entities: a mention with a role or an age around it is a person only when at most this many tokens
    long; a longer one keeps the type its other signals give it."""
    caps_headline_letter_share: float = 0.6
    """Entities: a paragraph whose letters are more than this share (0..1) capitals is a headline in
    capitals, where all-caps words are no acronyms."""
    unlabelled_place_population: int = 5_000
    """Entities: a name the model did not call a place is one only if it names a country, a division or a
    town of at least this many people (fewer: a surname, a firm, a word)."""
    variant_place_population: int = 50_000
    """Entities: a name the model did call a place may reach, through a romanization variant (Nikolaev →
    Mykolaiv), a city of at least this many people (smaller towns' variants collide with other words)."""
    max_abbreviation_chars: int = 5
    """Entities: an all-caps name of at most this many characters is a place only when it is a known
    abbreviation of one (US, UAE): NATO is no village in the Philippines."""
    yearless_day_slack_days: int = 7
    """Times: a yearless date in a past clause ("on March 18 he said") may lie this many days after
    publication and still be that year's (mirrored for the future), in days: publication dates run early."""
    bare_month_slack_days: int = 0
    """Times: a bare month ("in March") in a past clause may start this many days after the publication's
    month does (mirrored for the future), in days."""
    undated_decade_year: int = 2029
    """Times: without a publication date, a two-digit decade ("the '20s") is the latest one that starts by
    this year."""
    time_context_chars: int = 40
    """Times: the words before a match that qualify it ("in" March, "since" 2020) are read within this many
    characters before it."""
    weekday_name_context_chars: int = 12
    """Times: the word that makes a weekday a name ("Ash" Wednesday) is read within this many characters
    before it."""
    quantity_context_chars: int = 30
    """Quantities: the words that make a number an age, a time or an identifier ("aged", "p.m.", "Flight")
    are read within this many characters before and after it."""
    counted_noun_window_tokens: int = 6
    """Quantities: the noun a number counts lies at most this many tokens after it ("45 Russian diplomats"),
    in tokens: farther nouns belong to another phrase."""
    year_like_min: int = 1000
    """Quantities: a bare four-digit number from this one to `year_like_max` could be a year ("born in
    1912"), so it is a count only with a counted noun."""
    year_like_max: int = 2099
    """Quantities: the largest bare number that could be a year (see `year_like_min`)."""
    # Places: recognition and ranking of gazetteer candidates
    # Events: triggers, participants, status, place and date of one event
    # Events: the weights that assemble events, flags, the ACLED view
    # Store: merging events across articles
    merge_city_km: float = 30.0
    """Merging: two city-level (or finer) event places at most this many km apart may be one occurrence."""
    merge_admin1_km: float = 200.0
    """Merging: when the coarser place is a first-level division and one of the two names no division,
    the places may be one occurrence within this distance, in km."""
    merge_date_slack_days: int = 1
    """Merging: two day-precise event dates may lie this many days apart and still be one occurrence."""
    merge_undated_days: int = 3
    """Merging and date filters: an undated event is taken to lie in this many days before publication."""
    # API and dashboard
    api_token: str = dataclasses.field(default="", repr=False)
    """Bearer token that enables `POST /articles` (ingest over HTTP); empty keeps the API read-only."""
    api_max_body_bytes: int = 1_000_000
    """Largest HTTP request body the API accepts, in bytes (413 and EW705 above it)."""
    api_page_size: int = 50
    """Rows per page when an API list request gives no `limit`."""
    api_max_page_size: int = 1000
    """Largest `limit` an API list request may ask for (EW701 above it)."""
    map_tiles_url: str = ""
    """Raster tile URL template (`https://…/{z}/{x}/{y}.png`) drawn under the dashboard's offline basemap
    when the browser is online; empty (the default) draws the offline basemap alone."""

    def replace(self, **changes: object) -> Settings:
        """A copy with some fields changed (None values are ignored)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_env(cls) -> Settings:
        """Defaults overridden by `EVENTWIRE_*` environment variables."""
        changes: dict[str, object] = {}
        for f in dataclasses.fields(cls):
            raw = os.environ.get(f"EVENTWIRE_{f.name.upper()}")
            if raw is not None:
                changes[f.name] = type(f.default)(raw)
        return cls().replace(**changes)
