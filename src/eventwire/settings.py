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
    place_max_tokens: int = 6
    """Longest run of capitalized tokens taken as one candidate place name, in tokens."""
    place_acronym_max_chars: int = 4
    """An all-caps name of at most this many characters ("AP", "NATO") is taken for a code, not a place,
    unless it is a known abbreviation ("US"), in characters."""
    place_lookup_min_chars: int = 4
    """A single capitalized word is matched through its romanization variants too from this length, in
    characters ("Kharkov"); shorter words only by a name the gazetteer has."""
    place_min_prior: float = 3.0
    """A match no entity label supports needs at least this prior, in prior points (log10 population plus
    feature prior: about a town of 1,000 known by its own name)."""
    place_min_prior_alternate: float = 4.0
    """Such a match by another name than the entry's own needs at least this prior, in prior points (a town
    of about 50,000), since alternate names of small places are often common words."""
    place_min_score: float = 5.5
    """An unsupported match, or one by another name, needs this score with context, in prior points (a town
    in the article's focus and near its other places passes)."""
    place_prior_country: float = 5.0
    """Feature prior of a country, in prior points: a name that is a country and a town is the country."""
    place_prior_region: float = 4.0
    """Feature prior of a region ("Middle East"), in prior points."""
    place_prior_admin1: float = 1.0
    """Feature prior of a first-level division, in prior points."""
    place_prior_admin2: float = -1.0
    """Feature prior of a second-level division, in prior points: a county yields to its namesake town."""
    place_prior_city: float = 0.0
    """Feature prior of a populated place, in prior points (its population does the rest)."""
    place_level_bonus: float = 4.0
    """Added to a division of the level the text names ("Mykolaiv Oblast"), in prior points."""
    place_fixed_prior: float = 10.0
    """Prior of the one candidate of an abbreviation, demonym or seat of government, in prior points."""
    place_alternate_penalty: float = 0.7
    """Taken off a candidate found by an alternate name, in prior points."""
    place_variant_penalty: float = 2.0
    """Taken off a candidate found by a romanization variant ("Kharkov" → Kharkiv), in prior points."""
    place_partial_penalty: float = 1.5
    """Taken off a candidate found only through a shorter name inside the mention ("Colorado" in "Colorado
    State University"), in prior points."""
    place_shadow_penalty: float = 3.0
    """Taken off a division named like a sizeable city in it ("Kharkiv"), unless a division word follows,
    in prior points: the city is meant."""
    place_shadow_min_population: int = 20_000
    """Smallest population, in people, of a city that shadows its namesake division."""
    place_focus_weight: float = 3.0
    """Weight of the article's country focus (the share of its other places in the candidate's country),
    in prior points."""
    place_focus_damping: int = 2
    """Added to the count of other places when taking that share, in places, so one or two decide little."""
    place_near_km: float = 200.0
    """A city or county of the article lies near a candidate within this distance, in km."""
    place_near_bonus: float = 1.2
    """Added per nearby city or county of the article, in prior points."""
    place_near_max: float = 3.6
    """Most the nearby places may add together, in prior points."""
    place_container_bonus: float = 4.0
    """Added when the name after a comma contains the candidate ("Klamath Falls, Oregon"), in prior points."""
    place_max_candidates: int = 40
    """Candidates kept per name, best first, in entries: bounds the context pass's work."""
    office_same_surname_ratio: int = 85
    """Offices: rapidfuzz ratio (0..100) from which two surnames are one person's ("Zelensky", "Zelenskyy"),
    so two spellings of one holder are no clash."""
    office_evidence_gap_chars: int = 60
    """Offices: a name and its role at most this many characters apart are quoted as one piece of evidence."""
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
