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
    """Articles handed to spaCy's nlp.pipe at once."""
    # Places: recognition and ranking of gazetteer candidates
    # Events: triggers, participants, status, place and date of one event
    event_historical_days: int = 30
    """Status: an event whose date ended more than this many days before publication is "historical", in
    days (default 30): older news is background, not what the article reports."""
    event_anaphor_lookback_paragraphs: int = 3
    """Place: how many body paragraphs back an event whose sentence points back ("the city", "there") may
    take its place from, in paragraphs (default 3); farther back, "the city" rarely means the same one."""
    event_pronoun_salience_paragraphs: int = 2
    """Participants: a personal pronoun means the person most mentioned in its paragraph and this many
    paragraphs before it (default 2); a person out of view that long is seldom "he" or "she"."""
    event_subject_hops: int = 4
    """Participants: how many heads up a verb without a subject looks for the verb whose subject it shares
    ("vowed to continue to fight"), in dependency hops (default 4); farther up, the subject is another's."""
    event_party_search_depth: int = 2
    """Participants: how many verbs deep the search for the party an action is aimed at goes, counting the
    trigger (default 2: it and an infinitive it governs, "threatened to cut off electricity to X")."""
    event_confidence_base: float = 0.45
    """Confidence: where an event's score starts, in 0..1 (default 0.45), before what is found for it."""
    event_confidence_background: float = 0.1
    """Confidence: taken off, in 0..1 (default 0.1), for an event told as background ("a curfew imposed
    after a coup"): background is often older or less precise."""
    event_confidence_verb: float = 0.15
    """Confidence: added, in 0..1 (default 0.15), when the trigger is a verb: a verb asserts an act."""
    event_confidence_noun: float = 0.1
    """Confidence: added, in 0..1 (default 0.1), when the trigger is not a verb: a noun may only name one."""
    event_confidence_actor: float = 0.15
    """Confidence: added, in 0..1 (default 0.15), when the event has an actor: a doer makes it concrete."""
    event_confidence_own_place: float = 0.1
    """Confidence: added, in 0..1 (default 0.1), when the trigger's own phrase names the place."""
    event_confidence_context_place: float = 0.05
    """Confidence: added, in 0..1 (default 0.05), when the place comes from context: a weaker link."""
    event_confidence_dated: float = 0.05
    """Confidence: added, in 0..1 (default 0.05), when the text dates the event (not the fallback month)."""
    event_confidence_min: float = 0.05
    """Confidence: the lowest score claims may push an event to, in 0..1 (default 0.05): rules never rule
    an event out by a score."""
    event_confidence_max: float = 0.95
    """Confidence: the highest score an event gets, in 0..1 (default 0.95): rules are never certain."""
    claim_assert_shift: float = 0.05
    """Claims: how much one asserting source moves its event's confidence, in 0..1 (default +0.05)."""
    claim_deny_shift: float = -0.1
    """Claims: how much one denial moves its event's confidence, in 0..1 (default -0.1)."""
    claim_hedge_shift: float = -0.1
    """Claims: how much a hedge ("reportedly") moves its event's confidence, in 0..1 (default -0.1)."""
    claim_deny_window_paragraphs: int = 2
    """Claims: a denial's target event may lie in its paragraph or this many paragraphs before it (default
    2); a denial answers what was just told."""
    # Events: the weights that assemble events, flags, the ACLED view
    merge_within_similar: int = 80
    """Merging within an article: two evidence sentences whose rapidfuzz token-set ratio (0..100) is at
    least this tell the same thing, so their compatible events are one."""
    merge_within_near_paragraphs: int = 4
    """Merging within an article: body paragraphs at most this many apart may tell one event through a
    shared actor or place (farther apart, two denials by one country stay two events)."""
    merge_within_confidence_gain: float = 0.05
    """Merging within an article: added to the higher confidence (0..1) of two events folded into one,
    since a happening told twice is better attested."""
    merge_within_confidence_cap: float = 0.95
    """Merging within an article: the gain above never lifts an event's confidence (0..1) beyond this."""
    flag_toll_window_chars: int = 40
    """Flags: how far (characters) before and after a number to look for the words that say it counts
    the dead or the injured."""
    flag_toll_reach_chars: int = 25
    """Flags: a word after a number says what it counts only if it starts within this many characters
    of the number (and in the same clause)."""
    flag_weekday_lead_chars: int = 12
    """Flags: how far (characters) before a date to look for the weekday named with it ("Monday, ")."""
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
