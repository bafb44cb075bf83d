"""Time expressions, normalized against the publication date and the dates the article gave before.

Each paragraph is scanned with patterns built from the pack's time words (`TimeWords`); every match becomes a
`TimeExpr` whose `value` is in TimeML's forms at its `precision`: a day `2022-03-23`, an ISO week `2022-W11`,
a month `2022-03`, a quarter `2022-Q3`, a season `2022-SU`, a half-year `2022-H1`, a year `2022`, a
decade `199X` or a century `19XX`. `range` holds the first and last day the expression covers ("early
March" → 1–10 March; "since 2020" runs from 2020-01-01 to the publication day).

Relative expressions ("on Thursday", "last week", "a month ago", "overnight", "in March", "March 18", "the
third quarter", "last fall", "Thanksgiving") are resolved against `Article.published`. A weekday, month,
quarter, season, holiday or yearless date takes its direction from the tense of its clause, read from the
spaCy parse: past reports look back to the most recent one on or before publication; future, expected,
scheduled, modal and present-progressive clauses look forward; a verb of planning or putting off
("scheduled a briefing for Thursday", "postponed until Tuesday") and words like "payable" point ahead;
anything else takes the nearest, as does a month that qualifies a noun ("a June agreement"); a weekday in
the possessive without a tense looks back ("Thursday's closing price"). Anaphoric expressions ("later that
day", "the following year", "a year earlier", "the year-ago quarter", "the previous Friday", "the end of
the month") are dated against the dates the article gave before them (`References`); a report's "year-ago
period" is its first quarter's, and after "the nine months" a year back is a year.
When the article has no publication date, relative expressions are still recorded, with `value` and `range`
None (unresolved) and their precision.

Not dates: ages ("Chubais, 66,"), the modal "may", "now", bare counts ("45 diplomats"), durations ("for
three weeks").
"""

from __future__ import annotations

import calendar
import re
import string
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
        refs = References()
        for pp in parsed(article):
            refs.quarter_here, refs.to_date_here = None, False
            for s, e, out in find_times(pp.doc, pub, self.patterns, self.settings):
                if isinstance(out, YearToDate):
                    refs.to_date(pub)
                    continue
                if isinstance(out, Anaphor):
                    got = out.resolve(refs)
                    if got is None:
                        continue
                    if out.names_quarter and got[1] == "quarter":
                        refs.quarter_here, refs.to_date_here = got, False
                else:
                    got = out
                    refs.saw(out)
                a, b = pp.start + s, pp.start + e
                found.append(TimeExpr(a, b, article.text[a:b], *got))
        article.times = sorted(found, key=lambda t: t.start)
        return article


@dataclass
class References:
    """The dates an article gave so far, that anaphoric expressions are dated against."""

    last: Resolved | None = None
    """The last date."""
    quarter: Resolved | None = None
    """The first quarter, the one a report of results is about: outside a paragraph that names one, "the
    year-ago period" is the year before it (not before a quarter named in passing or forecast since)."""
    quarter_here: Resolved | None = None
    """The last quarter of the paragraph: a year counted back there counts in quarters ("profit rose in
    the third quarter ended Sept. 30 from a year earlier")."""
    to_date_here: bool = False
    """Whether the paragraph named a span from the start of the year ("the nine months") after its last
    quarter: a year counted back from there is a year."""

    def counted_in_quarters(self) -> Resolved | None:
        """The quarter a year is counted back from: the paragraph's last, or the last date if a quarter;
        none after a span from the start of the year."""
        if self.to_date_here:
            return None
        if self.quarter_here is not None:
            return self.quarter_here
        return self.last if self.last is not None and self.last[1] == "quarter" else None

    def saw(self, out: Resolved) -> None:
        """Take a resolved date in."""
        if out[0]:
            self.last = out
            if out[1] == "quarter":
                self.quarter = self.quarter or out
                self.quarter_here = out
                self.to_date_here = False

    def to_date(self, pub: date | None) -> None:
        """Take in a span from the start of the year ("for the nine months"): the last date becomes the
        year of the last quarter named (of publication without one)."""
        start = _start(self.quarter_here) or _start(self.quarter) or pub
        self.quarter_here, self.to_date_here = None, True
        if start is not None:
            self.last = _year(start.year)


@dataclass(frozen=True)
class YearToDate:
    """A span from the start of a year ("the first nine months"): a duration, no date, but what a year
    counted back from it is measured against."""


@dataclass(frozen=True)
class Anaphor:
    """An expression dated against the dates the article gave before it ("that year", "a year earlier",
    "the year-ago quarter")."""

    resolve: Callable[[References], Resolved | None]
    names_quarter: bool = False
    """Whether it names a quarter of its own ("the quarter", "the 1989 period"): once resolved, that is the
    paragraph's quarter, which a year counted back in it counts from."""


Found = Resolved | Anaphor | YearToDate
"""What a pattern's resolver gives: a date, an anaphor to resolve, or a span that only moves the
references."""


def find_times(
    doc: Doc, pub: date | None, patterns: TimePatterns, settings: Settings
) -> list[tuple[int, int, Found]]:
    """Time expressions in one parsed paragraph: (start, end, resolved or anaphor) with offsets into
    `doc.text`.

    Overlapping matches keep the longest ("Tuesday, March 22, 2022" over "Tuesday").
    """
    text = doc.text
    words = set(text.lower().translate(_SPACES).split())
    present = [cue.found(text, words) for cue in patterns.cues]
    hits: list[tuple[int, int, Found]] = []
    for cue, pattern, resolve in patterns.specs:
        if not present[cue]:
            continue
        for m in pattern.finditer(text):
            ctx = _Context(doc, m, pub, patterns, settings)
            out = resolve(ctx)
            if out is not None:
                out = out if isinstance(out, Anaphor | YearToDate) else _since(ctx, out)
                hits.append((ctx.start, ctx.end, out))
    hits.sort(key=lambda h: (h[0] - h[1], h[0]))
    kept: list[tuple[int, int, Found]] = []
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
        """past | future | present of the clause the named group sits in ("since" makes it past; "payable",
        or "for", "until" under a verb of planning or putting off, make it future)."""
        before = self.before()
        last = before.split(" ")[-1]
        if before.endswith(self.words.since):
            return "past"
        if any(before.endswith(w) for w in self.words.forward_before):
            return "future"
        tok = self.token(group)
        if tok is None:
            return "present"
        if _forward(tok, last, self.words):
            return "future"
        return clause_tense(tok, self.words)


def _forward(token: Token, prep: str, words: TimeWords) -> bool:
    """Whether a time is what a verb of planning or putting off points to ("scheduled a briefing for
    Thursday", "postponed until Tuesday", "set Nov. 10 as the deadline")."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.lemma_.lower() not in words.forward_verbs:
        return False
    return prep in words.forward_preps or token.head == verb


def _on_a_noun(token: Token) -> bool:
    """Whether a time qualifies a noun ("a June agreement", "a cutback in September"): the noun, not the
    clause's verb, is what it dates, and the verb's tense says nothing of it."""
    head = token.head.head if token.head.pos_ == "ADP" else token.head
    return head != token and head.pos_ == "NOUN"


def clause_tense(token: Token, words: TimeWords) -> str:
    """The tense of the clause a token sits in: "past", "future" or "present" (unknown or habitual).

    The clause's verb is the nearest verb up the dependency tree; infinitive and adjectival complements
    ("are expected to impose", "is due to resume") are followed up to the verb that carries the tense.
    A participle clause without auxiliary takes its head's tense; a modal perfect ("may have fallen") is
    a past. Future: will/shall/would and modals, future-looking verbs (expect, schedule, plan, due, set
    to, …), and the present progressive ("is flying to Europe on Wednesday"). A time on the clause's subject
    ("the attack on Sunday could derail…"), or one before the word that opens the clause ("warnings on
    Thursday that strikes could harm ties", where the parse put it inside), takes no tense from its verb.
    """
    verb, on_subject = token, False
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        on_subject = on_subject or (verb != token and verb.dep_ in ("nsubj", "nsubjpass"))
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "present"
    if on_subject:
        return "present"  # "warned that the attack on Sunday could derail the vote": the modal is the vote's
    if any(c.dep_ == "mark" and c.i > token.i for c in verb.children):
        return "present"  # "warnings on Thursday that strikes could harm ties": the time is before the clause
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "acomp") and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    auxes = [c for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")]
    modal = any(a.lower_ in words.future_aux for a in auxes) or any(v.tag_ == "MD" for v in chain)
    if modal and any(a.lemma_ == words.perfect_aux_lemma for a in auxes):
        return "past"  # "may have been responsible"
    if modal:
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
    if top.tag_ == "VBG" and not top_aux and top.dep_ in ("advcl", "conj") and top.head != top:
        return clause_tense(top.head, words)  # "has fluctuated, rising … in March"
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


def _quarter(y: int, q: int) -> Resolved:
    first, last = date(y, 3 * q - 2, 1), date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
    return f"{y:04d}-Q{q}", "quarter", [first.isoformat(), last.isoformat()]


def _half(y: int, h: int) -> Resolved:
    first, last = date(y, 6 * h - 5, 1), date(y, 6 * h, calendar.monthrange(y, 6 * h)[1])
    return f"{y:04d}-H{h}", "half", [first.isoformat(), last.isoformat()]


def _decade_span(y: int, years: tuple[int, int] = (0, 9)) -> Resolved:
    """The decade of year `y`, its range the `years` (first and last) within it."""
    y -= y % 10
    lo, hi = years
    return f"{str(y)[:3]}X", "decade", [date(y + lo, 1, 1).isoformat(), date(y + hi, 12, 31).isoformat()]


def _quarter_index(d: date) -> int:
    """Quarters counted from year 0, so that shifting is adding."""
    return d.year * 4 + (d.month - 1) // 3


def _quarter_at(index: int) -> Resolved:
    return _quarter(index // 4, index % 4 + 1)


def _season(ctx: _Context, y: int, code: str) -> Resolved:
    lo, hi = ctx.words.season_months[code]
    ey, em = _shift_month(y, 1, hi - 1)
    last = calendar.monthrange(ey, em)[1]
    return f"{y:04d}-{code}", "season", [date(y, lo, 1).isoformat(), date(ey, em, last).isoformat()]


def _start(ref: Resolved | None) -> date | None:
    return date.fromisoformat(ref[2][0]) if ref and ref[2] else None


_FINER = {
    "day": ("day",),
    "week": ("day", "week"),
    "month": ("day", "week", "month"),
    "quarter": ("day", "week", "month", "quarter"),
    "year": ("day", "week", "month", "quarter", "season", "half", "year"),
}
"""The precisions a reference may have for an anaphor of each unit to be dated from it."""


def _unit_of(ref: Resolved | None, unit: str, n: int) -> Resolved | None:
    """The `unit` (day, week, month, quarter, year) holding the reference's first day, shifted `n` units;
    None without a reference fine enough ("that day" after "in 2019")."""
    start = _start(ref)
    if start is None or ref is None or ref[1] not in _FINER[unit]:
        return None
    if unit == "day":
        return _day(start + timedelta(days=n))
    if unit == "week":
        return _week(start + timedelta(weeks=n))
    if unit == "month":
        return _month(*_shift_month(start.year, start.month, n))
    if unit == "quarter":
        return _quarter_at(_quarter_index(start) + n)
    return _year(start.year + n)


def _years_from(ref: Resolved, n: int) -> Resolved | None:
    """The reference `n` years on, at its own precision ("a year earlier" than the third quarter)."""
    start = _start(ref)
    value, precision = ref[0] or "", ref[1]
    if start is None:
        return None
    if precision == "day":
        return _day(_plus_years(start, n))
    if precision == "week":
        return _week(start + timedelta(weeks=52 * n))
    if precision == "month":
        return _month(start.year + n, start.month)
    if precision == "quarter":
        return _quarter_at(_quarter_index(start) + 4 * n)
    if precision == "year":
        return _year(start.year + n)
    if precision == "half":
        return _half(start.year + n, 1 if start.month <= 6 else 2)
    if precision == "season" and ref[2]:
        return (
            f"{int(value[:4]) + n:04d}{value[4:]}",
            "season",
            [_plus_years(d, n).isoformat() for d in map(date.fromisoformat, ref[2])],
        )
    return None


def _plus_years(d: date, n: int) -> date:
    """The same day `n` years on (28 February for a 29th in a common year)."""
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


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
    lo = max(0, ctx.start - ctx.settings.time_context_chars)
    m = ctx.patterns.since.search(ctx.doc.text[lo : ctx.start])
    if not m or (m.start() == 0 and lo > 0 and ctx.doc.text[lo - 1].isalnum()):
        return out
    ctx.start = lo + m.start()
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
    shift = ctx.words.month_shift.get((ctx.group("rel") or "").lower())
    if shift:
        return _day(_nearest(ctx.pub, options, "past" if shift < 0 else "future", slack=0))
    return _day(_nearest(ctx.pub, options, ctx.tense("m"), slack=ctx.settings.yearless_day_slack_days))


def _month_of_year(ctx: _Context) -> Resolved | None:
    """ "May 2019", "March nineteen ninety", "July last year"."""
    month, rel = ctx.words.months[ctx.group("m") or ""], ctx.group("yrel")
    if rel and ctx.pub is None:
        return None, "month", None
    if rel and ctx.pub is not None:
        y = ctx.pub.year + ctx.words.of_year_shift[re.sub(r"\s+", " ", rel.lower())]
    else:
        y = int(ctx.group("y") or 0) or _spoken(ctx)
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
        tense = "present" if tok is not None and _on_a_noun(tok) else ctx.tense("m")
        first = _nearest(this_month, options, tense, slack=ctx.settings.bare_month_slack_days)
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
    return _decade_span(y, ctx.words.decade_parts.get((ctx.group("part") or "").lower(), (0, 9)))


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
    told = ctx.m.group(0)[ctx.m.end("w") - ctx.start :].startswith(tuple(ctx.words.possessive_suffixes))
    if tense == "past" or (tense == "present" and (back <= fwd or told)):
        return _day(pub - timedelta(days=back))
    return _day(pub + timedelta(days=fwd))


def _a_title(ctx: _Context) -> bool:
    """Whether a relative expression is written as a title inside its sentence: every word capitalized, after
    a proper noun or in more than one word ("VOA Today", the programme "This Week"), a name, no date."""
    words = ctx.m.group(0).split()
    span = ctx.doc.char_span(ctx.start, ctx.end, alignment_mode="expand")
    if span is None or span[0].is_sent_start or not all(w[0].isupper() for w in words):
        return False
    return len(words) > 1 or (span[0].i > 0 and ctx.doc[span[0].i - 1].pos_ == "PROPN")


def _relative_day(ctx: _Context) -> Resolved | None:
    tok = ctx.token("n")
    if tok is not None and any(c.dep_ in ("det", "amod", "poss") for c in tok.children):
        return None  # "a better tomorrow": a noun, not a day
    if _a_title(ctx):
        return None
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
    if _a_title(ctx):
        return None
    unit = ctx.words.periods[(ctx.group("p") or "").lower()]
    if ctx.pub is None:
        return None, "week" if unit == "weekend" else unit, None
    shift, pub = ctx.words.period_shift[re.sub(r"\s+", " ", (ctx.group("shift") or "").lower())], ctx.pub
    if unit == "week":
        if shift == -1 and pub.weekday() == 6:
            shift = 0  # a Sunday's "last week" is the week that ends that day
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
    """ "Three days ago", "two weeks ago", "five years ago": counted back from publication in the unit; "a
    year ago" is the publication's month a year before (`ago_same_month_years`), "a few years ago" the
    decade."""
    raw, unit = (ctx.group("n") or "").lower(), ctx.words.ago_units[(ctx.group("u") or "").lower()]
    n = int(raw) if raw.isdigit() else ctx.words.ago_numbers[raw]
    precision = "year" if unit == "decade" else unit
    if ctx.pub is None:
        return None, precision, None
    pub = ctx.pub
    if unit == "year" and raw in ctx.words.vague_numbers:
        return _decade_span(pub.year - n)  # "a few years ago": the decade, not a year
    if unit == "day":
        return _day(pub - timedelta(days=n))
    if unit == "week":
        return _week(pub - timedelta(weeks=n))
    if unit == "month":
        return _month(*_shift_month(pub.year, pub.month, -n))
    if unit == "year" and n <= ctx.settings.ago_same_month_years:
        return _month(pub.year - n, pub.month)  # "a year ago": the same month then
    return _year(pub.year - n * (10 if unit == "decade" else 1))


def _ago_or_as_before(ctx: _Context) -> Resolved | Anaphor | None:
    """ "A year ago" after a quarter (the last date, or one in its paragraph) is that quarter a year before:
    the text counts in quarters."""
    out = _ago(ctx)
    vague = (ctx.group("n") or "").lower() in ctx.words.vague_numbers
    if ctx.words.ago_units[(ctx.group("u") or "").lower()] != "year" or vague:
        return out
    n = _count(ctx)

    def resolve(refs: References) -> Resolved | None:
        quarter = refs.counted_in_quarters()
        return _years_from(quarter, -n) if quarter else out

    return Anaphor(resolve)


def _count(ctx: _Context) -> int:
    raw = (ctx.group("n") or "").lower()
    return int(raw) if raw.isdigit() else ctx.words.ago_numbers[raw]


def _units_from_reference(ctx: _Context) -> Anaphor:
    """ "A year earlier", "two days later": counted from the last date the article gave (from publication
    when there is none; years from a quarter as "a year ago" counts them); years keep the reference's
    precision. After a month, days or weeks later are that month counted from its first day ("in May …
    a week later": May); after any other coarser date, unresolved ("months later" after "late 2024")."""
    unit = ctx.words.ago_units[(ctx.group("u") or "").lower()]
    n = _count(ctx) * ctx.words.anaphor_directions[(ctx.group("dir") or "").lower()]
    if unit == "decade":
        unit, n = "year", 10 * n
    pub = ctx.pub

    def resolve(refs: References) -> Resolved | None:
        ref = (refs.counted_in_quarters() if unit == "year" else None) or refs.last
        if ref is not None:
            got = _years_from(ref, n) if unit == "year" else _unit_of(ref, unit, n)
            start = _start(ref)
            if got is None and ref[1] == "month" and unit in ("day", "week") and start is not None:
                shifted = start + timedelta(days=n * (7 if unit == "week" else 1))
                return _month(shifted.year, shifted.month)
            return got or (None, unit, None)
        return _unit_of(_day(pub), unit, n) if pub else (None, unit, None)

    return Anaphor(resolve)


def _anaphor(ctx: _Context) -> Anaphor:
    """ "That year", "the next morning", "later that day": the unit of the last date the article gave (of
    publication when it gave none; unresolved when that date is coarser than the unit, but for "the week"
    and the like, then the publication's). "The year ended Sept. 30" is the year of the last such month by
    publication."""
    phrase = re.sub(r"\s+", " ", (ctx.group("a") or "").lower())
    unit, n = ctx.words.anaphors[phrase]
    pub = ctx.pub
    ended = ctx.group("em")
    if ended and unit == "year" and n == 0 and pub is not None:
        month = ctx.words.months.get(ended) or ctx.words.months.get(ended.capitalize(), pub.month)
        return Anaphor(lambda refs: _year(pub.year - (month > pub.month)))
    published = _unit_of(_day(pub), unit, n) if pub else (None, unit, None)

    def resolve(refs: References) -> Resolved | None:
        if refs.last is None:
            return published
        got = _unit_of(refs.last, unit, n)
        if got is None and phrase in ctx.words.anaphors_of_publication:
            return published
        return got or (None, unit, None)

    return Anaphor(resolve)


def _nearest_part(pub: date, n: int, per_year: int, tense: str) -> int:
    """The index (counted from year 0) of part `n` of a year cut in `per_year` parts (4 quarters, 2
    halves) nearest to publication the tense allows (the one under way, else the closest: past not after
    it, future not before the one just ended, whose results are still to come)."""
    here = pub.year * per_year + (pub.month - 1) * per_year // 12
    options = [
        i
        for i in (y * per_year + n - 1 for y in (pub.year - 1, pub.year, pub.year + 1))
        if (tense != "past" or i <= here) and (tense != "future" or i >= here - 1)
    ]
    return min(options, key=lambda i: (abs(i - here), i > here))


def _named_quarter(ctx: _Context) -> Resolved | Anaphor | None:
    """ "The third quarter", "third-quarter", "fiscal 1990's first quarter", "the year-ago third quarter"."""
    q = ctx.words.quarters[(ctx.group("q") or "").lower()]
    year = ctx.group("y") or ctx.group("y2")
    if year:
        return _quarter(int(year), q)
    if ctx.pub is None:
        return None, "quarter", None
    shift = ctx.words.quarter_year_shift.get(re.sub(r"\s+", " ", (ctx.group("yrel") or "").lower()))
    if ctx.group("orel"):
        shift = ctx.words.of_year_shift[re.sub(r"\s+", " ", (ctx.group("orel") or "").lower())]
    if shift is not None:
        return _quarter(ctx.pub.year + shift, q)
    back = ctx.words.quarter_refs.get((ctx.group("mod") or "").lower(), 0)
    index = _nearest_part(ctx.pub, q, 4, ctx.tense("q")) + back
    return _quarter_at(index)


def _quarter_ref(ctx: _Context) -> Resolved | Anaphor | None:
    """ "The quarter", "the latest period", "the year-ago quarter", "the current quarter", "year-earlier":
    the paragraph's last quarter (shifted), else the article's first, else the last one ended before
    publication."""
    mod = re.sub(r"\s+", " ", (ctx.group("mod") or ctx.group("mod2") or "").lower())
    noun = (ctx.group("u") or "").lower()
    pub = ctx.pub
    if ctx.group("y"):
        return _quarter_of_year(int(ctx.group("y") or 0))
    if mod in ctx.words.quarter_current:
        if noun not in ctx.words.quarter_words:
            return None
        return _quarter_at(_quarter_index(pub)) if pub else (None, "quarter", None)
    shift = ctx.words.quarter_refs.get(mod, -4 if mod in ctx.words.year_ago_words else 0)
    is_quarter = noun in ctx.words.quarter_words
    if ctx.group("em") and not mod and pub is not None:
        return _quarter_ended(pub, ctx.words.months[ctx.group("em") or ""])

    def resolve(refs: References) -> Resolved | None:
        if not noun and refs.to_date_here and refs.last is not None:
            return _years_from(refs.last, -1)  # "for the nine months, … year-earlier profit"
        quarter = refs.quarter_here or refs.quarter
        if quarter is not None:
            return _unit_of(quarter, "quarter", shift)
        if not noun and refs.last is not None and shift == -4:
            return _years_from(refs.last, -1)  # "year-earlier" figures after a year or a day
        if not is_quarter or pub is None:
            return None
        return _quarter_at(_quarter_index(pub) - 1 + shift)

    return Anaphor(resolve, names_quarter=shift == 0 and is_quarter)


def _quarter_ended(pub: date, month: int) -> Anaphor:
    """ "The quarter ended July 31": the quarter the paragraph named (a fiscal one: "the fiscal second
    quarter … in the quarter ended Sept. 30"), else the three months to the last such month by
    publication, named by the calendar quarter that holds most of them (May to July: the second)."""
    y = pub.year - (month > pub.month)
    middle_y, middle_m = _shift_month(y, month, -1)
    ended = _quarter(middle_y, (middle_m - 1) // 3 + 1)

    def resolve(refs: References) -> Resolved | None:
        return refs.quarter_here or ended

    return Anaphor(resolve, names_quarter=True)


def _quarter_of_year(y: int) -> Anaphor:
    """ "The 1989 period": the quarter of the paragraph, else the article's first, in year `y` (the year
    without one)."""

    def resolve(refs: References) -> Resolved | None:
        start = _start(refs.quarter_here or refs.quarter)
        return _quarter(y, (start.month - 1) // 3 + 1) if start else _year(y)

    return Anaphor(resolve, names_quarter=True)


def _half_year(ctx: _Context) -> Resolved | None:
    """ "The first half", "first-half profit", "the last half of 1989", "the first two quarters of next
    year": a half of the year named, else of the year the tense points to (as a quarter's)."""
    h = ctx.words.halves[(ctx.group("h") or "").lower()]
    if ctx.group("y") or ctx.group("y0"):
        return _half(int(ctx.group("y") or ctx.group("y0") or 0), h)
    if ctx.pub is None:
        return None, "half", None
    rel = ctx.group("yrel")
    if rel:
        return _half(ctx.pub.year + ctx.words.of_year_shift[re.sub(r"\s+", " ", rel.lower())], h)
    i = _nearest_part(ctx.pub, h, 2, ctx.tense("h"))
    return _half(i // 2, i % 2 + 1)


def _year_end(ctx: _Context) -> Resolved | None:
    """ "By year-end": the end of the publication's year; of the year before in a past clause ("since
    year-end")."""
    if ctx.pub is None:
        return None, "year", None
    y = ctx.pub.year - (ctx.tense("n") == "past")
    return _year(y, ctx.words.year_parts[ctx.words.year_end_part])


def _part_of_the_period(ctx: _Context) -> Anaphor | None:
    """ "The end of the month", "the start of the year", "the end of the week": a part of the month or year
    of the last date the article gave (the publication's when it gave none, or a coarser one)."""
    unit = ctx.words.periods[re.sub(r"\s+", " ", (ctx.group("p") or "").lower())]
    if unit == "weekend":
        return None
    table = ctx.words.month_parts if unit == "month" else ctx.words.year_parts
    part = _part(ctx, ctx.group("part"), table)
    pub = ctx.pub

    def resolve(refs: References) -> Resolved | None:
        fine = refs.last is not None and refs.last[1] in _FINER[unit]
        start = _start(refs.last if fine else _day(pub) if pub else None)
        if start is None:
            return None, unit, None
        if unit == "week":
            return _week(start)
        if unit == "month":
            return _month(start.year, start.month, part)
        return _year(start.year, part or (1, 12))

    return Anaphor(resolve)


def _weekday_from_reference(ctx: _Context) -> Anaphor:
    """ "The previous Friday", "the following Monday": the weekday before or after the last day the article
    gave (publication's when it gave none)."""
    wd = ctx.words.weekdays[ctx.group("w") or ""]
    shift = ctx.words.reference_shift[(ctx.group("arel") or "").lower()]
    pub = ctx.pub

    def resolve(refs: References) -> Resolved | None:
        start = _start(
            refs.last if refs.last is not None and refs.last[1] == "day" else _day(pub) if pub else None
        )
        if start is None:
            return None, "day", None
        if shift < 0:
            return _day(start - timedelta(days=(start.weekday() - wd) % 7 or 7))
        return _day(start + timedelta(days=(wd - start.weekday()) % 7 or 7))

    return Anaphor(resolve)


def _in_units(ctx: _Context) -> Resolved | None:
    """ "Will be redeemed in five years": counted ahead from publication in a future clause; elsewhere a
    duration ("the lowest in five years"), no date."""
    if ctx.tense("u") != "future":
        return None
    unit, n = ctx.words.ago_units[(ctx.group("u") or "").lower()], _count(ctx)
    if unit == "decade":
        unit, n = "year", 10 * n
    return _unit_of(_day(ctx.pub), unit, n) if ctx.pub else (None, unit, None)


def _year_to_date(ctx: _Context) -> YearToDate:
    """ "For the nine months": no date, but a year counted back after it is a year."""
    return YearToDate()


def _season_from_reference(ctx: _Context) -> Anaphor:
    """ "The following spring", "the previous winter": the season after the last date the article gave
    ends, or before it begins (publication's day without one)."""
    code = ctx.words.seasons[(ctx.group("s") or "").lower()]
    shift = ctx.words.reference_shift[(ctx.group("arel") or "").lower()]
    pub = ctx.pub

    def resolve(refs: References) -> Resolved | None:
        ref = refs.last if refs.last is not None and refs.last[2] else _day(pub) if pub else None
        if ref is None or not ref[2]:
            return None, "season", None
        lo, hi = (date.fromisoformat(d) for d in ref[2])
        options = [_season(ctx, y, code) for y in range(lo.year - 2, hi.year + 2)]
        if shift > 0:
            return next(o for o in options if o[2] and date.fromisoformat(o[2][0]) > hi)
        return [o for o in options if o[2] and date.fromisoformat(o[2][1]) < lo][-1]

    return Anaphor(resolve)


def _season_resolver(ctx: _Context) -> Resolved | None:
    """ "Last fall", "this summer", "in winter", "the winter of 1994"."""
    code = ctx.words.seasons[(ctx.group("s") or "").lower()]
    if ctx.group("y") or ctx.group("sy"):
        return _season(ctx, int(ctx.group("y") or 0) or _spoken(ctx), code)
    rel = re.sub(r"\s+", " ", (ctx.group("rel") or "").lower())
    tok = ctx.token("s")
    if tok is None or tok.pos_ == "VERB" or ctx.doc.text[ctx.end :].startswith(f" {ctx.words.day_of} "):
        return None  # "prices fall", "the fall of the city"
    if not rel and not ctx.group("part") and ctx.before().split(" ")[-1] not in ctx.words.season_context:
        return None
    if ctx.pub is None:
        return None, "season", None
    pub = ctx.pub
    options = [_season(ctx, y, code) for y in range(pub.year - 2, pub.year + 2)]
    spans = [(date.fromisoformat(r[0]), date.fromisoformat(r[1])) for _, _, r in options if r]
    shift = ctx.words.season_shift.get(rel) if rel else None
    tense = ctx.tense("s") if shift is None else ""
    inside = [i for i, (lo, hi) in enumerate(spans) if lo <= pub <= hi]
    if shift == -1:
        i = max(i for i, (_, hi) in enumerate(spans) if hi < pub)
    elif shift == 1:
        i = min(i for i, (lo, _) in enumerate(spans) if lo > pub)
    elif shift == 0 or inside:
        i = (
            inside[0]
            if inside
            else next(i for i, o in enumerate(options) if (o[0] or "")[:4] == str(pub.year))
        )
    elif tense == "past":
        i = max(i for i, (lo, _) in enumerate(spans) if lo <= pub)
    elif tense == "future":
        i = min(i for i, (_, hi) in enumerate(spans) if hi >= pub)
    else:
        i = min(
            range(len(spans)), key=lambda i: min(abs((spans[i][0] - pub).days), abs((spans[i][1] - pub).days))
        )
    return options[i]


def _spoken(ctx: _Context) -> int:
    """The year a spoken year names ("nineteen ninety-six" 1996, "two thousand and one" 2001)."""
    words = ctx.words
    parts = re.findall(r"[a-z]+", (ctx.group("sy") or "").lower())
    text = " ".join(parts)
    if text.startswith(words.spoken_thousand):
        rest = parts[len(words.spoken_thousand.split()) :]
        rest = [
            w for w in rest if w in words.spoken_units or w in words.spoken_teens or w in words.spoken_tens
        ]
        return 2000 + sum(
            words.spoken_units.get(w) or words.spoken_teens.get(w) or words.spoken_tens[w] for w in rest
        )
    century = words.spoken_centuries[parts[0]] * 100
    rest = parts[1:]
    return century + sum(
        words.spoken_units.get(w) or words.spoken_teens.get(w) or words.spoken_tens.get(w, 0) for w in rest
    )


def _spoken_year(ctx: _Context) -> Resolved | None:
    """A spoken year; "two thousand" only after "the year" or a word that makes a number a year."""
    lead = ctx.m.group(0).lower().startswith(ctx.words.spoken_year_lead)
    thousand = (ctx.group("sy") or "").lower().startswith(ctx.words.spoken_thousand)
    if thousand and not lead and ctx.before().split(" ")[-1] not in ctx.words.year_context:
        return None
    return _year(_spoken(ctx))


def _century(ctx: _Context) -> Resolved | None:
    c = int(ctx.group("c") or 0)
    if not 1 <= c <= 21:
        return None
    lo = (c - 1) * 100
    return (
        f"{c - 1:02d}XX",
        "century",
        [date(max(lo, 1), 1, 1).isoformat(), date(lo + 99, 12, 31).isoformat()],
    )


def _decade_word(ctx: _Context) -> Resolved | None:
    d = ctx.words.decade_words[(ctx.group("dw") or "").lower()]
    now = ctx.pub.year if ctx.pub else ctx.settings.undated_decade_year
    y = now // 100 * 100 + 10 * d
    y -= 100 if y > now else 0
    return _decade_span(y, ctx.words.decade_parts.get((ctx.group("part") or "").lower(), (0, 9)))


def _the_weekend(ctx: _Context) -> Resolved | None:
    """ "The weekend": the last one, or the next one in a future clause."""
    if ctx.pub is None:
        return None, "week", None
    pub = ctx.pub
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    if ctx.tense("n") == "future" and saturday < pub - timedelta(days=1):
        saturday += timedelta(days=7)
    return _week(saturday)[0], "week", [saturday.isoformat(), (saturday + timedelta(days=1)).isoformat()]


def _easter(y: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(y, month, day + 1)


def _holiday_in(rule: tuple, y: int) -> date:
    """The day a holiday's rule gives in year `y`."""
    if rule[0] == "fixed":
        return date(y, rule[1], rule[2])
    if rule[0] == "weekday":
        first = date(y, rule[1], rule[2])
        return first + timedelta(days=(rule[3] - first.weekday()) % 7)
    return _easter(y) + timedelta(days=rule[1])


def _holiday(ctx: _Context) -> Resolved | None:
    """ "Thanksgiving", "Easter 2019", "Election Day": the holiday's day of the year given, else of the year
    the clause's tense points to."""
    rule = ctx.words.holidays[ctx.group("h") or ""]
    tok = ctx.token("h")
    if tok is not None and tok.ent_type_ in ("GPE", "LOC"):
        return None  # "Christmas Island"
    if ctx.group("y"):
        return _day(_holiday_in(rule, int(ctx.group("y") or 0)))
    if ctx.pub is None:
        return None, "day", None
    options = [_holiday_in(rule, y) for y in (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1)]
    return _day(_nearest(ctx.pub, options, ctx.tense("h"), slack=ctx.settings.yearless_day_slack_days))


def _day_around_weekday(ctx: _Context) -> Resolved | None:
    """ "The day before last Tuesday": the weekday, then a day on."""
    out = _weekday(ctx)
    if out is None or out[0] is None:
        return out
    shift = ctx.words.around_weekday[(ctx.group("dir") or "").lower()]
    ctx.end = ctx.m.end("w")
    return _day(date.fromisoformat(out[0]) + timedelta(days=shift))


# ---- patterns -----------------------------------------------------------------------------------------


def _spoken_pattern(lex: TimeWords) -> str:
    """A spoken year: "nineteen ninety-six", "nineteen ten", "two thousand and one"."""
    units, teens, tens = (
        _alt(list(lex.spoken_units)),
        _alt(list(lex.spoken_teens)),
        _alt(list(lex.spoken_tens)),
    )
    low = rf"(?:{tens})(?:[\s-]+(?:{units}))?|{teens}"
    return (
        rf"(?:{_alt(list(lex.spoken_centuries))})[\s-]+(?:{low})(?![\w-])"
        rf"|{re.escape(lex.spoken_thousand)}(?:\s+and)?(?:[\s-]+(?:{units}|{teens}))?(?![\w-])"
    )


def _alt(words: list[str]) -> str:
    """An alternation of `words` that prefers the longest, as a trie of their characters (a regex tries
    the branches of an alternation one by one: a trie has few at each character)."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie(trie)


def _trie(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie(sub) for ch, sub in node.items() if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"{body}?" if re.fullmatch(r"\\?.", body, re.S) else f"(?:{body})?"


_WORD = re.compile(r"[^\W\d_]+")
"""A word of letters: the cue of a time word is its last."""
_SPACES = str.maketrans({c: " " for c in string.punctuation + "“”‘’–—…«»"})
"""Punctuation to spaces: a paragraph's words, split on white space after it, are the words of letters
(and digits) that the cues are looked up among."""


@dataclass(frozen=True)
class Cue:
    """What every match of a pattern contains, looked for before the pattern (which costs more): one of
    `words` among the paragraph's lower-cased words, or a regex."""

    words: frozenset[str] = frozenset()
    regex: re.Pattern[str] | None = None

    def found(self, text: str, words: set[str]) -> bool:
        """Whether the cue is in a paragraph: its text and its lower-cased words."""
        if self.regex is not None:
            return self.regex.search(text) is not None
        return not self.words.isdisjoint(words)

    @classmethod
    def of(cls, cue: str | list[str], flags: int) -> Cue:
        """A regex (a string, compiled with the pattern's `flags`) or, for a list of time words, the last
        word of letters of each, lower-cased."""
        if isinstance(cue, str):
            return cls(regex=re.compile(cue, flags))
        return cls(words=frozenset(_WORD.findall(w.lower())[-1] for w in cue))


def _either_case(word: str) -> str:
    """A word whose first letter may be upper or lower case ("[Ll]ast")."""
    return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"


Spec = tuple[int, re.Pattern[str], Callable[[_Context], Resolved | Anaphor | None]]
"""The index of a pattern's cue (in `TimePatterns.cues`), the pattern and its resolver."""


@dataclass(frozen=True)
class TimePatterns:
    """The patterns of one language's time words, compiled once (when the `Times` step is built)."""

    words: TimeWords
    cues: list[Cue]
    """The patterns' cues, each once (patterns share them)."""
    specs: list[Spec]
    """Each pattern with its cue and resolver. The cue finds text every match of the pattern contains, a
    month name say: a paragraph without it is not scanned with the pattern, which costs more."""
    since: re.Pattern[str]
    """The word `since` right before an expression."""
    article: re.Pattern[str]
    """The article that may open a part of a period ("the end of")."""

    @classmethod
    def build(cls, lex: TimeWords) -> TimePatterns:
        """The patterns built from `lex`."""
        month_names, weekday_names = list(lex.months), list(lex.weekdays)
        months = _alt(month_names)
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
        parts_of = "|".join(
            rf"{the}\s+" + r"\s+".join(map(re.escape, p.split()))
            for p in dict.fromkeys([*lex.month_parts, *lex.year_parts])
            if " " in p
        )
        of_year = _alt([k for k in lex.of_year_shift if not k.startswith(f"{lex.article} ")])
        day_of = re.escape(lex.day_of)

        def year_after(y: str, rel: str) -> str:
            """ "Of 1990", "of fiscal 1990", "of next year" after a quarter or half, in groups `y`, `rel`."""
            return (
                rf"(?:\s+{day_of}\s+(?:{fiscal}(?P<{y}>\d{{4}})(?!\d)"
                rf"|(?P<{rel}>{_alt(list(lex.of_year_shift))})(?!\w)))?"
            )

        num = _alt(list(lex.ago_numbers))
        decade_s = re.escape(lex.decade_suffix)
        weekday_rel = "|".join(_either_case(w) for w in lex.weekday_shift)
        possessive = _alt(list(lex.possessive_suffixes))
        days, nights = list(lex.days), list(lex.nights)
        spoken = _spoken_pattern(lex)
        units = _alt(list(lex.ago_units))
        plural = rf"(?:{re.escape(lex.plural_suffix)})?"
        quarter = _alt(list(lex.quarter_words))
        fiscal = rf"(?:{re.escape(lex.fiscal)}[\s-]+)?"
        refs = _alt([*lex.quarter_refs, *lex.quarter_current, *lex.year_ago_words])
        dets = _alt([*lex.quarter_dets, lex.article])
        i = re.IGNORECASE
        specs: list[
            tuple[
                str, str | tuple[str, ...] | list[str], int, Callable[[_Context], Resolved | Anaphor | None]
            ]
        ] = [
            (
                rf"(?<!\w){lead_wd}(?<!\d)(?P<d>\d{{1,2}}){nth}\s+{of}{mon},?\s+(?P<y>\d{{4}})(?!\d)",
                month_names,
                0,
                _abs_day,
            ),
            (
                rf"(?<!\w){lead_wd}{mon}\s+(?P<d>\d{{1,2}}){nth},?\s+(?P<y>\d{{4}})(?!\d)",
                month_names,
                0,
                _abs_day,
            ),
            (r"(?<![\d-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d-])", r"\d-\d", 0, _abs_day),
            (r"(?<![\d/.])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])", "/", 0, _numeric_day),
            (
                rf"(?<!\w)(?:(?P<rel>{_alt(list(lex.month_shift))})\s+)?{lead_wd}{mon}\s+(?P<d>\d{{1,2}}){nth}(?!\d|[.,:]\d)",
                month_names,
                0,
                _yearless_day,
            ),
            (rf"(?<!\w){lead_wd}(?<![\d.,])(?P<d>\d{{1,2}}){nth}\s+{of}{mon}", month_names, 0, _yearless_day),
            (
                rf"(?<!\w){part}{mon}(?:,?\s+(?:(?P<y>\d{{4}})(?!\d)|(?P<sy>{spoken}))|\s+(?P<yrel>{of_year})(?!\w))",
                month_names,
                0,
                _month_of_year,
            ),
            (
                rf"(?<!\w)(?:(?P<rel>{_alt(list(lex.month_shift))})\s+)?{part}{mon}",
                month_names,
                0,
                _bare_month,
            ),
            (
                rf"(?:{re.escape(lex.article)}\s+)?(?:(?P<part>{_alt(list(lex.decade_parts))})[\s-]+)?"
                rf"(?:(?P<y>1[5-9]\d0|20\d0)|['’](?P<yy>\d0))['’]?{decade_s}(?!\w)",
                rf"0['’]?{decade_s}",
                i,
                _decade,
            ),
            (
                rf"(?<!\w){part}(?<![\w$€£.,/])(?<!\d-)(?P<y>1[6-9]\d\d|20\d\d)(?![\w%]|[.,/-]\d)",
                r"1[6-9]\d\d|20\d\d",
                0,
                _year_only,
            ),
            (
                rf"(?<!\w)(?:(?P<rel>{weekday_rel})\s+)?(?<!\w)(?P<w>{wdays})(?:{possessive})?(?!\w)"
                rf"(?:\s+(?P<tod>{_alt(list(lex.times_of_day))})\b)?",
                weekday_names,
                0,
                _weekday,
            ),
            (rf"\b(?P<n>{_alt(days)})\b", days, i, _relative_day),
            (
                rf"\b(?P<n>{_alt(list(lex.same_day))})\b",
                list(lex.same_day),
                i,
                _relative_day,
            ),
            (rf"\b(?P<n>{_alt(nights)})\b", nights, i, _night),
            (
                rf"(?<!\w){part}(?P<shift>{_alt(list(lex.period_shift))})\s+(?P<p>{_alt(list(lex.periods))})(?!\w)",
                list(lex.periods),
                i,
                _period,
            ),
            (
                rf"\b(?P<n>{num}|\d{{1,3}})\s+(?P<u>{_alt(list(lex.ago_units))})(?:{re.escape(lex.plural_suffix)})?"
                rf"\s+{re.escape(lex.ago)}\b",
                [lex.ago],
                i,
                _ago_or_as_before,
            ),
            (
                rf"\b(?P<n>{num}|\d{{1,3}})\s+(?P<u>{units}){plural}\s+(?P<dir>{_alt(list(lex.anaphor_directions))})\b",
                list(lex.anaphor_directions),
                i,
                _units_from_reference,
            ),
            (
                rf"\b(?P<a>{_alt(list(lex.anaphors))})\b"
                rf"(?:(?=\s+(?:{_alt(list(lex.period_ended))})\s+(?P<em>{months})(?![\w])))?",
                list(lex.anaphors),
                i,
                _anaphor,
            ),
            (
                rf"(?<![\w-])(?:(?:{dets}|this)\s+)?(?:(?P<mod>{refs})[\s-]+)?(?:(?P<y>\d{{4}})(?:{possessive})?[\s-]+|"
                rf"(?P<yrel>{_alt(list(lex.quarter_year_shift))})\s+)?{fiscal}(?P<q>{_alt(list(lex.quarters))})[\s-]+"
                rf"(?:{fiscal})?(?:{quarter})(?![\w]){year_after('y2', 'orel')}",
                list(lex.quarter_words),
                i,
                _named_quarter,
            ),
            (
                rf"(?<![\w-])(?:(?:{dets})\s+(?:(?P<mod>{refs})[\s-]+)?(?:(?P<y>\d{{4}})\s+)?|(?P<mod2>{refs})[\s-]+)"
                rf"(?P<u>{_alt(list(lex.quarter_period_words))})(?![\w-])"
                rf"(?:(?=\s+(?:{_alt(list(lex.period_ended))})\s+(?P<em>{months})(?![\w])))?",
                list(lex.quarter_period_words),
                i,
                _quarter_ref,
            ),
            (
                rf"(?<![\w-])(?P<mod>{_alt(list(lex.year_ago_words))})(?![\w-])",
                list(lex.year_ago_words),
                i,
                _quarter_ref,
            ),
            (
                rf"(?<!\w)(?:(?P<rel>{_alt(list(lex.season_shift))})\s+)?(?:(?P<part>{_alt(list(lex.decade_parts))})[\s-]+)?"
                rf"(?P<s>{_alt(list(lex.seasons))})(?:(?:\s+{re.escape(lex.day_of)}\s+|,?\s+)(?:(?P<y>\d{{4}})(?!\d)|(?P<sy>{spoken})))?(?!\w)",
                list(lex.seasons),
                i,
                _season_resolver,
            ),
            (
                rf"\b{the}\s+(?P<arel>{_alt(list(lex.reference_shift))})\s+(?P<s>{_alt(list(lex.seasons))})(?!\w)",
                list(lex.reference_shift),
                i,
                _season_from_reference,
            ),
            (
                rf"(?<![\w-])(?:{re.escape(lex.spoken_year_lead)}\s+)?(?P<sy>{spoken})(?![\w-])",
                [*lex.spoken_centuries, lex.spoken_thousand],
                i,
                _spoken_year,
            ),
            (
                rf"(?:{the}\s+)?(?<!\d)(?P<c>\d{{1,2}})(?:{nth})[\s-]+{re.escape(lex.century_word)}(?!\w)",
                [lex.century_word],
                i,
                _century,
            ),
            (
                rf"\b{re.escape(lex.article)}\s+(?:(?P<part>{_alt(list(lex.decade_parts))})[\s-]+)?(?P<dw>{_alt(list(lex.decade_words))})\b",
                list(lex.decade_words),
                i,
                _decade_word,
            ),
            (rf"\b(?P<n>{_alt(list(lex.weekend_words))})\b", list(lex.weekend_words), i, _the_weekend),
            (
                rf"(?<!\w)(?P<h>{_alt(list(lex.holidays))})(?!\w)(?:,?\s+(?P<y>\d{{4}})(?!\d))?",
                list(lex.holidays),
                0,
                _holiday,
            ),
            (
                rf"\b{the}\s+day\s+(?P<dir>{_alt(list(lex.around_weekday))})\s+"
                rf"(?:(?P<rel>{weekday_rel})\s+)?(?<!\w)(?P<w>{wdays})(?!\w)",
                weekday_names,
                0,
                _day_around_weekday,
            ),
            (
                rf"(?<!\w)(?P<part>{parts_of})\s+{re.escape(lex.article)}\s+(?P<p>{_alt(list(lex.periods))})(?!\w)",
                [p.split()[0] for p in [*lex.month_parts, *lex.year_parts] if " " in p],
                i,
                _part_of_the_period,
            ),
            (rf"(?<![\w-])(?P<n>{_alt(list(lex.year_end))})(?![\w-])", list(lex.year_end), i, _year_end),
            (
                rf"(?<![\w-])(?:{the}\s+|(?P<y0>\d{{4}})(?:{possessive})?\s+)?(?P<h>{_alt(list(lex.halves))})[\s-]+{fiscal}"
                rf"(?:{_alt(list(lex.half_words))}){year_after('y', 'yrel')}"
                rf"(?![\w-]|\s+(?:{day_of}|{_alt(list(lex.half_not_before))})\b)",
                list(lex.half_words),
                i,
                _half_year,
            ),
            (
                rf"(?<!\w)(?P<n>{_alt(list(lex.year_to_date))})(?!\w)",
                list(lex.year_to_date),
                i,
                _year_to_date,
            ),
            (
                rf"\b{the}\s+(?P<arel>{_alt(list(lex.reference_shift))})\s+(?P<w>{wdays})(?!\w)",
                list(lex.reference_shift),
                0,
                _weekday_from_reference,
            ),
            (
                rf"(?<!\w){re.escape(lex.in_units)}\s+(?P<n>{num}|\d{{1,3}})\s+(?P<u>{units}){plural}(?!\w)",
                [*lex.ago_units, *(u + lex.plural_suffix for u in lex.ago_units)],
                i,
                _in_units,
            ),
        ]
        made = [Cue.of(cue, flags) for _, cue, flags, _ in specs]
        cues = list(dict.fromkeys(made))
        return cls(
            words=lex,
            cues=cues,
            specs=[
                (cues.index(c), re.compile(p, flags), fn)
                for c, (p, _, flags, fn) in zip(made, specs, strict=True)
            ],
            since=re.compile(rf"\b{_either_case(lex.since)}\s+$"),
            article=re.compile(rf"^{re.escape(lex.article)}\s+"),
        )
