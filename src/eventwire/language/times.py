"""Time expressions, normalized against the publication date.

Each paragraph is scanned with patterns built from the pack's time words (`TimeWords`); every match becomes a
`TimeExpr` whose `value` is ISO 8601 at its `precision`: a day `2022-03-23`, an ISO week `2022-W11`,
a month `2022-03`, a year `2022` or a decade `199X`. `range` holds the first and last day the expression
covers ("early March" → 1–10 March; "since 2020" runs from 2020-01-01 to the publication day).

Relative expressions ("on Thursday", "last week", "a month ago", "overnight", "in March", "March 18")
are resolved against `Article.published`. A weekday, month or yearless date takes its direction from the
tense of its clause, read from the spaCy parse: past reports look back to the most recent such day on or
before publication; future, expected, scheduled, modal and present-progressive clauses look forward to the
next one on or after it; anything else takes the nearest. When the article has no publication date,
relative expressions are still recorded, with `value` and `range` None (unresolved) and their precision.

Not dates: ages ("Chubais, 66,"), the modal "may", "now", bare counts ("45 diplomats"), durations.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from eventwire.knowledge import Knowledge
from eventwire.knowledge.times import TimeWords
from eventwire.language.nlp import parsed
from eventwire.model import Article, TimeExpr
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings

_NAMES = ("PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART")

Resolved = tuple[str | None, str, list[str] | None]
"""A value, its precision and its range of days."""


def published_date(article: Article) -> date | None:
    """The article's publication day, or None when unknown or unreadable."""
    try:
        return date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None


class Times(ArticleStep):
    """Find every time expression and normalize it against the publication date."""

    name = "times"
    needs = frozenset({"parse"})
    adds = frozenset({"times"})

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        super().__init__(settings, knowledge)
        self.patterns = TimePatterns.build(knowledge.language.times)

    def process(self, article: Article) -> Article:
        pub = published_date(article)
        found: list[TimeExpr] = []
        for pp in parsed(article):
            for s, e, (value, precision, span_range) in find_times(pp.doc, pub, self.patterns, self.settings):
                a, b = pp.start + s, pp.start + e
                found.append(TimeExpr(a, b, article.text[a:b], value, precision, span_range))
        article.times = sorted(found, key=lambda t: t.start)
        return article


def find_times(
    doc: Doc, pub: date | None, patterns: TimePatterns, settings: Settings
) -> list[tuple[int, int, Resolved]]:
    """Time expressions in one parsed paragraph: (start, end, resolved) with offsets into `doc.text`.

    Overlapping matches keep the longest ("Tuesday, March 22, 2022" over "Tuesday").
    """
    text = doc.text
    hits: list[tuple[int, int, Resolved]] = []
    for cue, pattern, resolve in patterns.specs:
        if not cue.search(text):
            continue
        for m in pattern.finditer(text):
            ctx = _Context(doc, m, pub, patterns, settings)
            out = resolve(ctx)
            if out is not None:
                out = _since(ctx, out)
                hits.append((ctx.start, ctx.end, out))
    hits.sort(key=lambda h: (h[0] - h[1], h[0]))
    kept: list[tuple[int, int, Resolved]] = []
    for h in hits:
        if all(h[1] <= k[0] or h[0] >= k[1] for k in kept):
            kept.append(h)
    return sorted(kept)


@dataclass
class _Context:
    """One match in its paragraph, with the publication day, the patterns (and their words) and settings."""

    doc: Doc
    m: re.Match[str]
    pub: date | None
    patterns: TimePatterns
    settings: Settings

    @property
    def words(self) -> TimeWords:
        return self.patterns.words

    def __post_init__(self) -> None:
        self.start, self.end = self.m.span()

    def group(self, name: str) -> str | None:
        return self.m.groupdict().get(name)

    def before(self) -> str:
        """The lower-cased words just before the match (up to three, within `time_context_chars`)."""
        reach = self.settings.time_context_chars
        words = re.findall(r"[A-Za-z']+", self.doc.text[max(0, self.start - reach) : self.start])
        return " ".join(words[-3:]).lower()

    def token(self, group: str) -> Token | None:
        a, b = self.m.span(group)
        span = self.doc.char_span(a, b, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def tense(self, group: str) -> str:
        """past | future | present of the clause the named group sits in ("since" makes it past)."""
        if self.before().endswith(self.words.since):
            return "past"
        tok = self.token(group)
        return clause_tense(tok, self.words) if tok is not None else "present"


def clause_tense(token: Token, words: TimeWords) -> str:
    """The tense of the clause a token sits in: "past", "future" or "present" (unknown or habitual).

    The clause's verb is the nearest verb up the dependency tree; infinitive and adjectival complements
    ("are expected to impose", "is due to resume") are followed up to the verb that carries the tense.
    Future: will/shall/would and modals, future-looking verbs (expect, schedule, plan, due, set to, …),
    and the present progressive ("is flying to Europe on Wednesday").
    """
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "present"
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "acomp") and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    auxes = [c for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in words.future_aux for a in auxes) or any(v.tag_ == "MD" for v in chain):
        return "future"
    top = chain[-1]
    top_aux = [c for c in top.children if c.dep_ in ("aux", "auxpass")]
    past_aux = any(a.tag_ == "VBD" or a.lemma_ == words.perfect_aux_lemma for a in top_aux)
    if len(chain) > 1 and any(v.lemma_ in words.future_lemmas for v in chain[1:]):
        return "present" if past_aux or top.tag_ == "VBD" else "future"
    if top.tag_ == "VBD" or past_aux or top.lower_ in words.past_do:
        return "past"
    if top.tag_ == "VBN":
        return "present" if any(a.lower_ in words.present_passive_aux for a in top_aux) else "past"
    if top.tag_ == "VBG" and any(a.lower_ in words.progressive_aux for a in top_aux):
        return "future"
    return "present"


# ---- resolution helpers -------------------------------------------------------------------------------


def _day(d: date) -> Resolved:
    return d.isoformat(), "day", [d.isoformat(), d.isoformat()]


def _week(d: date) -> Resolved:
    y, w, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return f"{y}-W{w:02d}", "week", [monday.isoformat(), (monday + timedelta(days=6)).isoformat()]


def _month(y: int, m: int, days: tuple[int, int] | None = None) -> Resolved:
    last = calendar.monthrange(y, m)[1]
    lo, hi = days or (1, last)
    return f"{y:04d}-{m:02d}", "month", [date(y, m, lo).isoformat(), date(y, m, min(hi, last)).isoformat()]


def _year(y: int, months: tuple[int, int] = (1, 12)) -> Resolved:
    lo, hi = months
    return (
        f"{y:04d}",
        "year",
        [date(y, lo, 1).isoformat(), date(y, hi, calendar.monthrange(y, hi)[1]).isoformat()],
    )


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _nearest(pub: date, options: list[date], tense: str, slack: int) -> date:
    """The option nearest to `pub` the tense allows (past: not after pub + slack days; future: mirrored)."""
    allowed = [
        d
        for d in options
        if (tense != "past" or d <= pub + timedelta(days=slack))
        and (tense != "future" or d >= pub - timedelta(days=slack))
    ]
    return min(allowed or options, key=lambda d: (abs((d - pub).days), d > pub))


def _since(ctx: _Context, out: Resolved) -> Resolved:
    """Extend an expression preceded by "since" to the publication day: the span takes "since" in."""
    head = ctx.doc.text[: ctx.start]
    m = ctx.patterns.since.search(head)
    if not m:
        return out
    ctx.start = m.start()
    value, precision, span_range = out
    if span_range and ctx.pub and date.fromisoformat(span_range[0]) <= ctx.pub:
        span_range = [span_range[0], ctx.pub.isoformat()]
    return value, precision, span_range


def _part(ctx: _Context, name: str | None, table: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    if not name:
        return None
    return table[ctx.patterns.article.sub("", name.lower())]


# ---- resolvers, one per pattern -----------------------------------------------------------------------


def _abs_day(ctx: _Context) -> Resolved | None:
    month = int(ctx.group("mo")) if ctx.group("mo") else ctx.words.months[ctx.group("m") or ""]
    try:
        return _day(date(int(ctx.group("y") or 0), month, int(ctx.group("d") or 0)))
    except ValueError:
        return None


def _numeric_day(ctx: _Context) -> Resolved | None:
    import dateparser  # imported on first use: slow to load and needed only for numeric dates

    got = dateparser.parse(ctx.m.group(0), languages=list(ctx.words.dateparser_languages))
    return _day(got.date()) if got else None


def _yearless_day(ctx: _Context) -> Resolved | None:
    month, day = ctx.words.months[ctx.group("m") or ""], int(ctx.group("d") or 0)
    if not 1 <= day <= 31:
        return None
    if ctx.pub is None:
        return None, "day", None
    options = []
    for y in (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1):
        try:
            options.append(date(y, month, day))
        except ValueError:
            continue
    if not options:
        return None
    return _day(_nearest(ctx.pub, options, ctx.tense("m"), slack=ctx.settings.yearless_day_slack_days))


def _month_of_year(ctx: _Context) -> Resolved | None:
    y, month = int(ctx.group("y") or 0), ctx.words.months[ctx.group("m") or ""]
    return _month(y, month, _part(ctx, ctx.group("part"), ctx.words.month_parts))


def _bare_month(ctx: _Context) -> Resolved | None:
    name, rel, part = ctx.group("m") or "", ctx.group("rel"), ctx.group("part")
    if not (rel or part or ctx.before().split(" ")[-1] in ctx.words.bare_month_context):
        return None
    tok = ctx.token("m")
    if tok is not None and tok.ent_type_ in _NAMES:
        return None
    if ctx.pub is None:
        return None, "month", None
    month, pub = ctx.words.months[name], ctx.pub
    here = date(pub.year, month, 1)
    options = [date(pub.year - 1, month, 1), here, date(pub.year + 1, month, 1)]
    this_month = date(pub.year, pub.month, 1)
    shift = ctx.words.month_shift[rel] if rel else None
    if shift is None:
        first = _nearest(this_month, options, ctx.tense("m"), slack=ctx.settings.bare_month_slack_days)
    elif shift < 0:
        first = date(pub.year - (month >= pub.month), month, 1)
    elif shift > 0:
        first = date(pub.year + (month <= pub.month), month, 1)
    else:
        first = here
    return _month(first.year, first.month, _part(ctx, part, ctx.words.month_parts))


def _decade(ctx: _Context) -> Resolved | None:
    if ctx.group("y"):
        y = int(ctx.group("y") or 0)
    else:
        yy = int(ctx.group("yy") or 0)
        now = ctx.pub.year if ctx.pub else ctx.settings.undated_decade_year
        y = 2000 + yy if 2000 + yy <= now else 1900 + yy
    lo, hi = ctx.words.decade_parts.get((ctx.group("part") or "").lower(), (0, 9))
    return f"{str(y)[:3]}X", "decade", [date(y + lo, 1, 1).isoformat(), date(y + hi, 12, 31).isoformat()]


def _year_only(ctx: _Context) -> Resolved | None:
    part = ctx.group("part")
    before = ctx.before()
    tok = ctx.token("y")
    context = part or before.split(" ")[-1] in ctx.words.year_context
    if tok is None or not (context or tok.ent_type_ == "DATE"):
        return None
    if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and tok.ent_type_ != "DATE":
        return None
    return _year(int(ctx.group("y") or 0), _part(ctx, part, ctx.words.year_parts) or (1, 12))


def _weekday(ctx: _Context) -> Resolved | None:
    before = ctx.doc.text[max(0, ctx.start - ctx.settings.weekday_name_context_chars) : ctx.start].split()
    tok = ctx.token("w")
    if (
        before
        and before[-1] in ctx.words.weekday_not_a_date_before
        or (tok is not None and tok.ent_type_ in _NAMES)
    ):
        return None  # "Ash Wednesday", a weekday inside a name
    if ctx.group("tod"):
        ctx.end = ctx.m.end("tod")
    else:
        ctx.end = ctx.m.end("w")
    if ctx.pub is None:
        return None, "day", None
    wd, pub, rel = ctx.words.weekdays[ctx.group("w") or ""], ctx.pub, (ctx.group("rel") or "").lower()
    back, fwd = (pub.weekday() - wd) % 7, (wd - pub.weekday()) % 7
    shift = ctx.words.weekday_shift.get(rel, 0)
    if shift < 0:
        return _day(pub - timedelta(days=back or 7))
    if shift > 0:
        return _day(pub + timedelta(days=fwd or 7))
    tense = ctx.tense("w")
    if tense == "past" or (tense == "present" and back <= fwd):
        return _day(pub - timedelta(days=back))
    return _day(pub + timedelta(days=fwd))


def _relative_day(ctx: _Context) -> Resolved | None:
    tok = ctx.token("n")
    if tok is not None and any(c.dep_ in ("det", "amod", "poss") for c in tok.children):
        return None  # "a better tomorrow": a noun, not a day
    if ctx.pub is None:
        return None, "day", None
    key = ctx.m.group(0).lower()
    offset = ctx.words.days.get(key, 0)
    return _day(ctx.pub + timedelta(days=offset))


def _night(ctx: _Context) -> Resolved | None:
    if ctx.pub is None:
        return None, "day", None
    offset = ctx.words.nights[ctx.m.group(0).lower()]
    if offset is None:
        offset = 0 if ctx.tense("n") == "future" else -1
    night = ctx.pub + timedelta(days=offset)
    return night.isoformat(), "day", [night.isoformat(), (night + timedelta(days=1)).isoformat()]


def _period(ctx: _Context) -> Resolved | None:
    unit = ctx.words.periods[(ctx.group("p") or "").lower()]
    if ctx.pub is None:
        return None, "week" if unit == "weekend" else unit, None
    shift, pub = ctx.words.period_shift[re.sub(r"\s+", " ", (ctx.group("shift") or "").lower())], ctx.pub
    if unit == "week":
        return _week(pub + timedelta(weeks=shift))
    if unit == "weekend":
        saturday = pub - timedelta(days=pub.weekday()) + timedelta(days=5 + 7 * shift)
        if shift == -1 and pub.weekday() == 6:
            saturday += timedelta(days=7)
        return _week(saturday)[0], "week", [saturday.isoformat(), (saturday + timedelta(days=1)).isoformat()]
    if unit == "month":
        return _month(
            *_shift_month(pub.year, pub.month, shift), _part(ctx, ctx.group("part"), ctx.words.month_parts)
        )
    return _year(pub.year + shift, _part(ctx, ctx.group("part"), ctx.words.year_parts) or (1, 12))


def _ago(ctx: _Context) -> Resolved | None:
    raw, unit = (ctx.group("n") or "").lower(), ctx.words.ago_units[(ctx.group("u") or "").lower()]
    n = int(raw) if raw.isdigit() else ctx.words.ago_numbers[raw]
    precision = "year" if unit == "decade" else unit
    if ctx.pub is None:
        return None, precision, None
    pub = ctx.pub
    if unit == "day":
        return _day(pub - timedelta(days=n))
    if unit == "week":
        return _week(pub - timedelta(weeks=n))
    if unit == "month":
        return _month(*_shift_month(pub.year, pub.month, -n))
    return _year(pub.year - n * (10 if unit == "decade" else 1))


# ---- patterns -----------------------------------------------------------------------------------------


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cue(words: list[str], cue: str) -> str:
    """`cue`, words separated by "|", once checked that each of `words` contains one of them."""
    missed = [w for w in words if not any(c in w.lower() for c in cue.split("|"))]
    if missed:
        raise ValueError(f"time words without the cue {cue!r}: {missed}")
    return cue


def _either_case(word: str) -> str:
    """A word whose first letter may be upper or lower case ("[Ll]ast")."""
    return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"


Spec = tuple[re.Pattern[str], re.Pattern[str], Callable[[_Context], Resolved | None]]
"""A pattern's cue, the pattern and its resolver."""


@dataclass(frozen=True)
class TimePatterns:
    """The patterns of one language's time words, compiled once (when the `Times` step is built)."""

    words: TimeWords
    specs: list[Spec]
    """Each pattern with its cue and resolver. The cue (compiled with the pattern's flags) finds text every
    match of the pattern contains, a month name say: a paragraph without it is not scanned with the
    pattern, which costs more."""
    since: re.Pattern[str]
    """The word `since` right before an expression."""
    article: re.Pattern[str]
    """The article that may open a part of a period ("the end of")."""

    @classmethod
    def build(cls, lex: TimeWords) -> TimePatterns:
        """The patterns built from `lex`.

        Raises:
            ValueError: when a cue of the data misses a word it is the cue of.
        """
        months = _alt(list(lex.months))
        mon = rf"(?<![\w.])(?P<m>{months})(?![\w])"
        wdays = _alt(list(lex.weekdays))
        lead_wd = rf"(?:(?:{wdays}),?\s+)?"
        nth = rf"(?:{_alt(list(lex.ordinal_suffixes))})?"
        of = rf"(?:{re.escape(lex.day_of)}\s+)?"
        the = _either_case(lex.article)
        parts = "|".join(
            rf"{the}\s+" + r"\s+".join(map(re.escape, p.split())) if " " in p else re.escape(p)
            for p in dict.fromkeys([*lex.month_parts, *lex.year_parts])
        )
        part = rf"(?:(?P<part>{parts})[\s-]+)?"
        num = _alt(list(lex.ago_numbers))
        decade_s = re.escape(lex.decade_suffix)
        weekday_rel = "|".join(_either_case(w) for w in lex.weekday_shift)
        possessive = _alt(list(lex.possessive_suffixes))
        days, nights = list(lex.days), list(lex.nights)
        i = re.IGNORECASE
        specs: list[tuple[str, str, int, Callable[[_Context], Resolved | None]]] = [
            (
                rf"{lead_wd}(?<!\d)(?P<d>\d{{1,2}}){nth}\s+{of}{mon},?\s+(?P<y>\d{{4}})(?!\d)",
                months,
                0,
                _abs_day,
            ),
            (rf"{lead_wd}{mon}\s+(?P<d>\d{{1,2}}){nth},?\s+(?P<y>\d{{4}})(?!\d)", months, 0, _abs_day),
            (r"(?<![\d-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d-])", r"\d-\d", 0, _abs_day),
            (r"(?<![\d/.])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])", "/", 0, _numeric_day),
            (rf"{lead_wd}{mon}\s+(?P<d>\d{{1,2}}){nth}(?![\d:]|[.,]\d)", months, 0, _yearless_day),
            (rf"{lead_wd}(?<![\d.,])(?P<d>\d{{1,2}}){nth}\s+{of}{mon}", months, 0, _yearless_day),
            (rf"{part}{mon},?\s+(?P<y>\d{{4}})(?!\d)", months, 0, _month_of_year),
            (rf"(?:(?P<rel>{_alt(list(lex.month_shift))})\s+)?{part}{mon}", months, 0, _bare_month),
            (
                rf"(?:{re.escape(lex.article)}\s+)?(?:(?P<part>{_alt(list(lex.decade_parts))})[\s-]+)?"
                rf"(?:(?P<y>1[5-9]\d0|20\d0)|['’](?P<yy>\d0))['’]?{decade_s}(?!\w)",
                rf"0['’]?{decade_s}",
                i,
                _decade,
            ),
            (
                rf"{part}(?<![\w$€£.,/])(?<!\d-)(?P<y>1[6-9]\d\d|20\d\d)(?![\w%]|[.,/-]\d)",
                r"1[6-9]\d\d|20\d\d",
                0,
                _year_only,
            ),
            (
                rf"(?:(?P<rel>{weekday_rel})\s+)?(?<!\w)(?P<w>{wdays})(?:{possessive})?(?!\w)"
                rf"(?:\s+(?P<tod>{_alt(list(lex.times_of_day))})\b)?",
                wdays,
                0,
                _weekday,
            ),
            (rf"\b(?P<n>{_alt(days)})\b", _cue(days, lex.cues["days"]), i, _relative_day),
            (
                rf"\b(?P<n>{_alt(list(lex.same_day))})\b",
                _cue(list(lex.same_day), lex.cues["same_day"]),
                i,
                _relative_day,
            ),
            (rf"\b(?P<n>{_alt(nights)})\b", _cue(nights, lex.cues["nights"]), i, _night),
            (
                rf"(?<!\w){part}(?P<shift>{_alt(list(lex.period_shift))})\s+(?P<p>{_alt(list(lex.periods))})(?!\w)",
                _alt(list(lex.periods)),
                i,
                _period,
            ),
            (
                rf"\b(?P<n>{num}|\d{{1,3}})\s+(?P<u>{_alt(list(lex.ago_units))})(?:{re.escape(lex.plural_suffix)})?"
                rf"\s+{re.escape(lex.ago)}\b",
                re.escape(lex.ago),
                i,
                _ago,
            ),
        ]
        return cls(
            words=lex,
            specs=[(re.compile(cue, flags), re.compile(p, flags), fn) for p, cue, flags, fn in specs],
            since=re.compile(rf"\b{_either_case(lex.since)}\s+$"),
            article=re.compile(rf"^{re.escape(lex.article)}\s+"),
        )
