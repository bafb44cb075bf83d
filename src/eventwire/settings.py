"""One typed, frozen settings object with documented defaults; CLI flags override it."""

from __future__ import annotations

import ast
import dataclasses
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path


class SettingsError(ValueError):
    """An `EVENTWIRE_*` environment variable whose value is not of its setting's type."""


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
    binary_sample_bytes: int = 8192
    """Input is judged binary or text on this many first bytes."""
    binary_max_control_share: float = 0.05
    """Input whose sample holds more than this share (0..1) of control bytes is binary (EW103)."""
    western_sample_bytes: int = 65536
    """The share of non-ASCII bytes of input that is not UTF-8 is counted on this many first bytes."""
    western_max_non_ascii_share: float = 0.15
    """Non-UTF-8 input with at most this share (0..1) of non-ASCII bytes is read as cp1252 (a detector
    guesses too freely between cp1250 and cp1252 on a handful of curly quotes); above it, a detector picks."""
    detect_sample_bytes: int = 200_000
    """The encoding detector reads this many first bytes of input."""
    prose_min_words: int = 6
    """An article has at least one line of this many words (a headline does; a menu or a table does not);
    input without one is not an article (EW108)."""
    prose_min_unspaced_letters: int = 20
    """A run of this many letters without a space also makes a line prose (Chinese, Japanese, Thai)."""
    caption_prune_max_share: float = 0.5
    """An HTML element marked as a caption or figure is pruned from the body only when it holds less than
    this share (0..1) of the page's text: a page whose `<body>` or wrapper class names a caption theme
    ("theme-photo-caption") is not a caption."""
    batches_per_worker: int = 2
    """`run`: batches handed to each worker process (or Dask worker) ahead of their results, so that no
    worker waits for the next."""
    load_chunk_documents: int = 64
    """`load`: documents of a part file read before they are written, so a part of any size is loaded in
    bounded memory."""
    # Clean
    near_duplicate_ratio: float = 0.97
    """Two paragraphs whose normalized forms are at least this similar (0..1) are near-duplicates."""
    truncated_min_chars: int = 20
    """A paragraph shorter than this, in characters, is never dropped as a truncated prefix of another (nor
    compared for near-duplicates)."""
    table_max_chars: int = 10_000
    """A table longer than this, in characters, is a data dump (a full results listing), not a story's
    figures: it is dropped ("long-table") rather than parsed as one paragraph."""
    page_repeat_min_blocks: int = 3
    """In a page read from its markup (HTML, WARC), an exact copy of a paragraph at least this many blocks
    after it is the page's own repeat (a chant, a refrain) and is kept; a nearer one, as a caption printed
    twice, is dropped, in blocks."""
    near_duplicate_window: int = 200
    """Near-duplicates of a block are looked for among this many following blocks (keeps long inputs
    linear), in blocks."""
    wrap_max_width: int = 120
    """Lines wider than this, in characters, are paragraphs of their own, not hard-wrapped prose."""
    wrap_min_width: int = 40
    """Text without blank lines is taken as hard-wrapped only at a width of at least this, in characters."""
    wrap_min_lines: int = 4
    """Text without blank lines is taken as hard-wrapped only with at least this many lines."""
    wrap_width_quantile: float = 0.9
    """The wrap width of text without blank lines is this quantile (0..1) of its line widths."""
    wrap_near_share: float = 0.75
    """Hard-wrapped text has most lines at least this share (0..1) of the wrap width."""
    wrap_line_end_share: float = 0.85
    """In hard-wrapped text, a line shorter than this share (0..1) of the wrap width ends its paragraph."""
    wrap_min_line_share: float = 0.5
    """A blank-line separated group is one wrapped paragraph only when its shortest line (the last aside)
    is at least this share (0..1) of its widest."""
    wrap_last_line_slack: int = 10
    """The last line of a wrapped paragraph may be this much wider than the others, in characters."""
    caption_threshold: float = 0.6
    """A block whose caption score (the sum of the weights below) reaches this is a caption, in points."""
    caption_weight_hint: float = 1.0
    """Caption score of a block the reader found as a figure caption, in points."""
    caption_weight_words: float = 1.0
    """Caption score of a block holding a caption's own words ("Photo: AFP", "This satellite image"), a
    strong cue that reaches the threshold alone, in points."""
    caption_weight_weak_words: float = 0.4
    """Caption score of a block holding words body prose uses too ("(pictured above)", "are visible"), a
    weak cue: below the threshold alone, so it needs a second cue (one sentence, a repeat), in points."""
    caption_weight_repeat: float = 0.4
    """Caption score of a block printed twice in a row (alt text and caption), in points."""
    caption_weight_scene: float = 0.5
    """Caption score of a block opening on a scene in the simple present ("A soldier raises …"), in points."""
    caption_weight_one_sentence: float = 0.2
    """Caption score of a block of one sentence shorter than `caption_one_sentence_max_chars`, in points."""
    caption_weight_lead: float = -0.4
    """Caption score added to the lead, the first block after the headline, in points: a story opens there,
    so weak cues alone (one sentence, a scene) do not make it a caption; a credit, the reader's figcaption
    or a copy printed right beside it still do."""
    caption_one_sentence_max_chars: int = 400
    """A one-sentence block scores as a caption only when shorter than this, in characters."""
    caption_scene_max_subject_words: int = 6
    """A scene's subject ("A Ukrainian soldier") is at most this many words before its verb."""
    headline_max_chars: int = 300
    """A first line longer than this, in characters, is not a headline."""
    headline_caption_veto: float = 1.0
    """A block whose caption score reaches this (a caption's own words, or the reader's figcaption) is not
    a headline, in points."""
    headline_min_chars: int = 10
    """A metadata title (or its part left without the site's name) is matched against blocks, and a site's
    name stripped from it, only when at least this long, in characters."""
    headline_meta_blocks: int = 3
    """The metadata title is looked for among this many first kept blocks."""
    language_sample_chars: int = 20_000
    """The language check reads this many first characters of an article's text."""
    english_min_words: int = 12
    """An article of fewer words than this is never refused as not English, in words."""
    english_min_share: float = 0.12
    """English news prose runs at 35-50% function words, other languages in Latin script below 5%: an
    article under this share (0..1) is not English when other languages' function words outnumber the
    English ones and reach `other_language_min_share` (a box score or a schedule in English is English)."""
    other_language_min_share: float = 0.04
    """Other languages' function words run at 20-40% of a French, German, Spanish or Indonesian text and
    near 0% of an English list or table: an article of few English function words is refused when at least
    this share (0..1) of its words are another language's (and more than are English)."""
    other_script_min_letters: int = 40
    """A text of at least this many letters is checked for another script."""
    other_script_max_share: float = 0.5
    """Above this share (0..1) of letters outside the Latin script (Chinese, Arabic, Cyrillic…) a text is
    not English, however few space-separated words it has."""
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
    ago_same_month_years: int = 1
    """Times: a count of at most this many years back ("up from seven a year ago") is the publication's month
    that many years before, the same time then; a longer count ("five years ago") is the year."""
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
    place_gazetteer_file: str = ""
    """A user's own gazetteer, a TSV file whose entries are added to the built one or replace the entries
    of their GeoNames id (columns in `eventwire.places.user`); empty: none."""
    place_max_tokens: int = 6
    """Longest run of capitalized tokens taken as one candidate place name, in tokens."""
    place_acronym_max_chars: int = 4
    """An all-caps name of at most this many characters ("AP", "NATO") is taken for a code, not a place,
    unless it is a known abbreviation ("US"), in characters."""
    place_lookup_min_chars: int = 4
    """A single capitalized word is matched through its romanization variants too from this length, in
    characters ("Kharkov"); shorter words only by a name the gazetteer has."""
    place_min_prior: float = 2.5
    """A match no entity label supports needs at least this prior, in prior points (log10 population plus
    feature prior: about a town of 300 known by its own name). Tuned on the development parts of
    GeoWebNews and GeoVirus (benchmarks/geo_gwn.py)."""
    place_min_prior_alternate: float = 4.0
    """Such a match by another name than the entry's own needs at least this prior, in prior points (a town
    of about 50,000), since alternate names of small places are often common words. On the development
    data 5.0 scores a little better but loses Russian spellings of Ukrainian towns (Irpen, Nikolaev)."""
    place_min_score: float = 5.5
    """An unsupported match, or one by another name, needs this score with context, in prior points (a town
    in the article's focus and near its other places passes)."""
    place_in_name_min_prior: float = 5.0
    """A place name inside an organisation's or facility's name ('Air Zimbabwe') is a reference to the
    place when the article names the place elsewhere or its prior reaches this, in prior points (a
    country, a division or a city of about 100,000). On the development data 4.0 recognizes a little more
    for 3 points of precision, 6.0 a little less for none."""
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
    place_physical_bonus: float = 3.0
    """Added to the prior of a physical feature (an ocean, a sea, a lake, a range: a region without
    population), in prior points: named alone, it is meant rather than the towns and counties named after
    it ('the Atlantic' is no Atlantic County)."""
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
    place_shadow_min_population: int = 50_000
    """Smallest population, in people, of a city that shadows its namesake division (Kharkiv its oblast;
    Delaware, Ohio does not shadow the state)."""
    place_focus_weight: float = 3.0
    """Weight of the article's country focus (the share of its other places in the candidate's country),
    in prior points."""
    place_focus_damping: int = 2
    """Added to the count of other places when taking that share, in places, so one or two decide little."""
    place_admin1_focus_weight: float = 2.0
    """Weight of the article's first-level division focus (the share of its other places in the
    candidate's country and first-level division, the division itself included), in prior points."""
    place_peer_weight: float = 3.0
    """Weight of the share of the article's other places that are first-level divisions of a first-level
    division candidate's country ('Arizona, Georgia, Idaho'), in prior points."""
    place_named_country_bonus: float = 2.5
    """Added to a division candidate in the country most of the article's other places lie in (named, or
    implied by a place in it), when the best prior lies in another country, in prior points (Georgia the
    state beside Atlanta or Florida, not the country). A country named in passing gives none: 'Medina'
    in a story about Dakar and Senegal that mentions the US is no Ohio county."""
    place_named_admin1_bonus: float = 2.0
    """Added to a county in a first-level division the article names (Henry County, Tennessee beside
    'Tennessee'), in prior points; towns get none (on the development data it sent big cities to
    namesakes in a state the article names in passing)."""
    place_capital_bonus: float = 1.0
    """Added to the prior of a country's capital city named by its own name, in prior points: a capital's
    name alone usually means it, and one other place of a country does not move it to a town there
    (Washington beside London is the US capital), but a nickname does not (Garden City, South Carolina is
    no Singapore); small, so that the article's context still decides (Paris beside Memphis and
    Nashville lies in Tennessee)."""
    place_near_km: float = 200.0
    """A city or county of the article lies near a candidate within this distance, in km."""
    place_near_bonus: float = 1.2
    """Added per nearby city or county of the article, in prior points."""
    place_near_max: float = 3.6
    """Most the nearby places may add together, in prior points."""
    place_container_bonus: float = 4.0
    """Added when the name after a comma contains the candidate ("Klamath Falls, Oregon"), in prior points;
    a first-level division after the comma, or a country after a town's name, also rules out the
    candidates it does not contain ("Lebanon, New Hampshire")."""
    place_list_bonus: float = 3.0
    """Added to a division or country candidate of the level and country of a name next to it in a list
    ('New Jersey and New York', 'Georgia, Oklahoma, Ohio': states), in prior points."""
    place_max_candidates: int = 40
    """Candidates kept per name, best first, in entries: bounds the context pass's work."""
    office_same_surname_ratio: int = 85
    """Offices: rapidfuzz ratio (0..100) from which two surnames are one person's ("Zelensky", "Zelenskyy"),
    so two spellings of one holder are no clash."""
    office_evidence_gap_chars: int = 60
    """Offices: a name and its role at most this many characters apart are quoted as one piece of evidence."""
    # Events: triggers, participants, status, place and date of one event
    event_historical_days: int = 30
    """Status: an event whose date ended more than this many days before publication is "historical", in
    days (default 30): older news is background, not what the article reports."""
    event_report_day_paragraphs: int = 2
    """Date: how many body paragraphs from the top count as the lede, whose undated events told in the
    past or by a source are the news of the publication day (default 2; `events.when.report_day`)."""
    event_story_days: int = 7
    """Date: an undated event told after the article's events of a day at most this many days before
    publication took place that day ("Police later arrested six men"), in days (default 7; its
    `date_source` is "story"; `events.status`)."""
    event_anaphor_lookback_paragraphs: int = 3
    """Place: how many body paragraphs back an event whose sentence points back ("the city", "there") may
    take its place from, in paragraphs (default 3); farther back, "the city" rarely means the same one."""
    event_injury_lookback_paragraphs: int = 3
    """Injuries: how many paragraphs before a sentence that counts people taken to hospital or treated for
    wounds the attack it counts may be told in (default 3; `events.injuries`)."""
    event_pronoun_salience_paragraphs: int = 2
    """Participants: a personal pronoun means the person most mentioned in its paragraph and this many
    paragraphs before it (default 2); a person out of view that long is seldom "he" or "she"."""
    event_subject_hops: int = 4
    """Participants: how many heads up a verb without a subject looks for the verb whose subject it shares
    ("vowed to continue to fight"), in dependency hops (default 4); farther up, the subject is another's."""
    event_party_search_depth: int = 2
    """Participants: how many verbs deep the search for the party an action is aimed at goes, counting the
    trigger (default 2: it and an infinitive it governs, "threatened to cut off electricity to X")."""
    event_model: bool = True
    """Whether the trained event-type model (`eventwire.eventtypes`, weights built by `make train`) reads
    each sentence and decides the event types; off, the trigger lexicon alone decides (yes/no)."""
    event_model_drop: float = 0.02
    """A sentence whose most probable type the model gives less than this reports no event (0-1)."""
    event_model_new: float = 0.4
    """A type the model gives at least this, that no trigger of the sentence has, becomes an event at the
    clause's predicate (0-1; 0.4 chosen on the dev articles, where 0.5 lost toll sentences such as "volunteers
    had carried 14 bodies")."""
    event_model_confidence_share: float = 0.0
    """The model's share (0..1) in the confidence of an event whose trigger the lexicon found; the rest is
    the lexicon's confidence. An event the model alone found has the model's probability. 0 by default:
    on PLOVER's records the model ranks background events over a sentence's main one (type accuracy of
    the most confident event 0.764 at 0, 0.745 at 0.25, 0.739 at 0.5; docs/event-model.md)."""
    event_model_acled_min: float = 0.1
    """The least probability (0-1) of the model's ACLED sub-event type for it to stand over the rules'."""
    event_model_acled_sure: float = 0.9
    """The probability (0-1) at which the model's ACLED reading of a sentence, "none" or a sub-event type
    that does not fit an event's PLOVER type, leaves that event uncoded whatever the rules say (above 1:
    never)."""
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
    merge_within_report_days: int = 6
    """Merging within an article: a report of what has just happened, dated to the publication day, may
    tell of anything in this many days before it, in days (default 6: a weekday named in a report is within
    the week before it)."""
    merge_within_division_km: float = 200.0
    """Merging within an article: a town the gazetteer gives no division lies within a province or region
    of its country at most this far away, in km (default 200)."""
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
    flag_untold_paragraphs: int = 1
    """Flags: a toll in a sentence no event tells counts as one of the event told before it, in that
    event's paragraph and this many paragraphs after it (default 1), up to another event of its type."""
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
    merge_shared_date_days: int = 7
    """Merging: across articles, two events that share no place must share a date: both their own dates
    (not publication windows) spanning at most this many days (a day or a week, not a month)."""
    merge_undated_days: int = 3
    """Merging and date filters: an undated event is taken to lie in this many days before publication."""
    store_busy_timeout_ms: int = 10_000
    """How long a write to the store waits for another writer's lock before it fails (EW501), in
    milliseconds."""
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
        """Defaults overridden by `EVENTWIRE_*` environment variables, read as the default's type.

        Raises:
            SettingsError: for a value that is not of its field's type (a bool is 1/0, true/false, yes/no or
                on/off, in any case).
        """
        changes: dict[str, object] = {}
        for f in dataclasses.fields(cls):
            name = f"EVENTWIRE_{f.name.upper()}"
            raw = os.environ.get(name)
            if raw is not None:
                try:
                    changes[f.name] = _parse(type(f.default), raw)
                except ValueError as exc:
                    raise SettingsError(f"{name}: {exc}") from None
        return cls().replace(**changes)

    @staticmethod
    def documentation() -> dict[str, str]:
        """Each field's docstring (the string right after it in this file), in the order of the fields."""
        return dict(_docstrings())


@cache
def _docstrings() -> tuple[tuple[str, str], ...]:
    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    [cls] = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Settings"]
    found = []
    for stmt, after in zip(cls.body, [*cls.body[1:], None], strict=True):
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            doc = (
                after.value.value
                if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                else ""
            )
            found.append((stmt.target.id, " ".join(str(doc).split())))
    return tuple(found)


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def _parse(kind: type, raw: str) -> object:
    """An environment variable's text as a value of `kind` (bool, int, float or str)."""
    if kind is bool:
        word = raw.strip().lower()
        if word not in _TRUE | _FALSE:
            raise ValueError(f"not a boolean: {raw!r}")
        return word in _TRUE
    return kind(raw)
