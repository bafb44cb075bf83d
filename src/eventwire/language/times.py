"""Time expressions, normalized against the publication date.

Each paragraph is scanned with patterns built from the lexicon `lexicons/times.json`; every match becomes a
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
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from eventwire.knowledge.files import read_json
from eventwire.language.nlp import parsed
from eventwire.model import Article, TimeExpr
from eventwire.pipeline import ArticleStep

_NAMES = ("PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART")

Resolved = tuple[str | None, str, list[str] | None]
"""A value, its precision and its range of days."""


@cache
def lexicon() -> dict[str, Any]:
    """The time lexicon shipped with the package (`lexicons/times.json`)."""
    return read_json("eventwire.language", "lexicons", "times.json")


def times_in(article: Article, start: int, end: int) -> list[TimeExpr]:
    """The time expressions the `Times` step found inside `article.text[start:end]`, in text order.

    Args:
        article: an article the `Times` step has processed.
        start: first character of the stretch (a sentence, say).
        end: end of the stretch, exclusive.
    """
    return [t for t in article.times if start <= t.start and t.end <= end]


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

    def setup(self) -> None:
        _patterns()

    def process(self, article: Article) -> Article:
        pub = published_date(article)
        found: list[TimeExpr] = []
        for pp in parsed(article):
            for s, e, (value, precision, span_range) in find_times(pp.doc, pub):
                a, b = pp.start + s, pp.start + e
                found.append(TimeExpr(a, b, article.text[a:b], value, precision, span_range))
        article.times = sorted(found, key=lambda t: t.start)
        return article


def find_times(doc: Doc, pub: date | None) -> list[tuple[int, int, Resolved]]:
    """Time expressions in one parsed paragraph: (start, end, resolved) with offsets into `doc.text`.

    Overlapping matches keep the longest ("Tuesday, March 22, 2022" over "Tuesday").
    """
    text = doc.text
    hits: list[tuple[int, int, Resolved]] = []
    for cue, pattern, resolve in _patterns():
        if not cue.search(text):
            continue
        for m in pattern.finditer(text):
            ctx = _Context(doc, m, pub)
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
    """One match in its paragraph, with the publication day."""

    doc: Doc
    m: re.Match[str]
    pub: date | None

    def __post_init__(self) -> None:
        self.start, self.end = self.m.span()

    def group(self, name: str) -> str | None:
        return self.m.groupdict().get(name)

    def before(self) -> str:
        """The lower-cased words just before the match (up to three)."""
        words = re.findall(r"[A-Za-z']+", self.doc.text[max(0, self.start - 40) : self.start])
        return " ".join(words[-3:]).lower()

    def token(self, group: str) -> Token | None:
        a, b = self.m.span(group)
        span = self.doc.char_span(a, b, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def tense(self, group: str) -> str:
        """past | future | present of the clause the named group sits in ("since" makes it past)."""
        if self.before().endswith("since"):
            return "past"
        tok = self.token(group)
        return clause_tense(tok) if tok is not None else "present"


def clause_tense(token: Token) -> str:
    """The tense of the clause a token sits in: "past", "future" or "present" (unknown or habitual).

    The clause's verb is the nearest verb up the dependency tree; infinitive and adjectival complements
    ("are expected to impose", "is due to resume") are followed up to the verb that carries the tense.
    Future: will/shall/would and modals, future-looking verbs (expect, schedule, plan, due, set to, …),
    and the present progressive ("is flying to Europe on Wednesday").
    """
    lex = lexicon()
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "present"
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "acomp") and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    auxes = [c for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in lex["future_aux"] for a in auxes) or any(v.tag_ == "MD" for v in chain):
        return "future"
    top = chain[-1]
    top_aux = [c for c in top.children if c.dep_ in ("aux", "auxpass")]
    past_aux = any(a.tag_ == "VBD" or a.lemma_ == "have" for a in top_aux)
    if len(chain) > 1 and any(v.lemma_ in lex["future_lemmas"] for v in chain[1:]):
        return "present" if past_aux or top.tag_ == "VBD" else "future"
    if top.tag_ == "VBD" or past_aux or top.lower_ == "did":
        return "past"
    if top.tag_ == "VBN":
        return "present" if any(a.lower_ in ("is", "are", "am", "be") for a in top_aux) else "past"
    if top.tag_ == "VBG" and any(a.lower_ in ("is", "are", "am", "'s", "'re", "'m") for a in top_aux):
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
    m = re.search(r"\b[Ss]ince\s+$", head)
    if not m:
        return out
    ctx.start = m.start()
    value, precision, span_range = out
    if span_range and ctx.pub and date.fromisoformat(span_range[0]) <= ctx.pub:
        span_range = [span_range[0], ctx.pub.isoformat()]
    return value, precision, span_range


def _month_number(name: str) -> int:
    return lexicon()["months"][name]


def _part(name: str | None, table: str) -> tuple[int, int] | None:
    if not name:
        return None
    key = re.sub(r"^the\s+", "", name.lower())
    return tuple(lexicon()[table][key])  # type: ignore[return-value]


# ---- resolvers, one per pattern -----------------------------------------------------------------------


def _abs_day(ctx: _Context) -> Resolved | None:
    month = int(ctx.group("mo")) if ctx.group("mo") else _month_number(ctx.group("m") or "")
    try:
        return _day(date(int(ctx.group("y") or 0), month, int(ctx.group("d") or 0)))
    except ValueError:
        return None


def _numeric_day(ctx: _Context) -> Resolved | None:
    import dateparser  # imported on first use: slow to load and needed only for numeric dates

    got = dateparser.parse(ctx.m.group(0), languages=["en"])
    return _day(got.date()) if got else None


def _yearless_day(ctx: _Context) -> Resolved | None:
    month, day = _month_number(ctx.group("m") or ""), int(ctx.group("d") or 0)
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
    return _day(_nearest(ctx.pub, options, ctx.tense("m"), slack=7))


def _month_of_year(ctx: _Context) -> Resolved | None:
    y, month = int(ctx.group("y") or 0), _month_number(ctx.group("m") or "")
    return _month(y, month, _part(ctx.group("part"), "month_parts"))


def _bare_month(ctx: _Context) -> Resolved | None:
    name, rel, part = ctx.group("m") or "", ctx.group("rel"), ctx.group("part")
    if not (rel or part or ctx.before().split(" ")[-1] in lexicon()["bare_month_context"]):
        return None
    tok = ctx.token("m")
    if tok is not None and tok.ent_type_ in _NAMES:
        return None
    if ctx.pub is None:
        return None, "month", None
    month, pub = _month_number(name), ctx.pub
    here = date(pub.year, month, 1)
    options = [date(pub.year - 1, month, 1), here, date(pub.year + 1, month, 1)]
    this_month = date(pub.year, pub.month, 1)
    if rel == "last":
        first = date(pub.year - (month >= pub.month), month, 1)
    elif rel == "next":
        first = date(pub.year + (month <= pub.month), month, 1)
    elif rel == "this":
        first = here
    else:
        first = _nearest(this_month, options, ctx.tense("m"), slack=0)
    return _month(first.year, first.month, _part(part, "month_parts"))


def _decade(ctx: _Context) -> Resolved | None:
    if ctx.group("y"):
        y = int(ctx.group("y") or 0)
    else:
        yy = int(ctx.group("yy") or 0)
        now = ctx.pub.year if ctx.pub else 2029  # without a date, "'20s" still reads as the 2020s
        y = 2000 + yy if 2000 + yy <= now else 1900 + yy
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get((ctx.group("part") or "").lower(), (0, 9))
    return f"{str(y)[:3]}X", "decade", [date(y + lo, 1, 1).isoformat(), date(y + hi, 12, 31).isoformat()]


def _year_only(ctx: _Context) -> Resolved | None:
    part = ctx.group("part")
    before = ctx.before()
    tok = ctx.token("y")
    context = part or before.split(" ")[-1] in lexicon()["year_context"] or before.endswith("the end of")
    if tok is None or not (context or tok.ent_type_ == "DATE"):
        return None
    if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and tok.ent_type_ != "DATE":
        return None
    return _year(int(ctx.group("y") or 0), _part(part, "year_parts") or (1, 12))


def _weekday(ctx: _Context) -> Resolved | None:
    before = ctx.doc.text[max(0, ctx.start - 12) : ctx.start].split()
    tok = ctx.token("w")
    if (
        before
        and before[-1] in lexicon()["weekday_not_a_date_before"]
        or (tok is not None and tok.ent_type_ in _NAMES)
    ):
        return None  # "Ash Wednesday", a weekday inside a name
    if ctx.group("tod"):
        ctx.end = ctx.m.end("tod")
    else:
        ctx.end = ctx.m.end("w")
    if ctx.pub is None:
        return None, "day", None
    wd, pub, rel = lexicon()["weekdays"][ctx.group("w")], ctx.pub, (ctx.group("rel") or "").lower()
    back, fwd = (pub.weekday() - wd) % 7, (wd - pub.weekday()) % 7
    if rel in ("last", "past"):
        return _day(pub - timedelta(days=back or 7))
    if rel in ("next", "coming"):
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
    offset = lexicon()["days"].get(key, 0)
    return _day(ctx.pub + timedelta(days=offset))


def _night(ctx: _Context) -> Resolved | None:
    if ctx.pub is None:
        return None, "day", None
    offset = lexicon()["nights"][ctx.m.group(0).lower()]
    if offset is None:
        offset = 0 if ctx.tense("n") == "future" else -1
    night = ctx.pub + timedelta(days=offset)
    return night.isoformat(), "day", [night.isoformat(), (night + timedelta(days=1)).isoformat()]


def _period(ctx: _Context) -> Resolved | None:
    unit = (ctx.group("p") or "").lower()
    if ctx.pub is None:
        return None, "week" if unit == "weekend" else unit, None
    shift, pub = lexicon()["period_shift"][re.sub(r"\s+", " ", (ctx.group("shift") or "").lower())], ctx.pub
    if unit == "week":
        return _week(pub + timedelta(weeks=shift))
    if unit == "weekend":
        saturday = pub - timedelta(days=pub.weekday()) + timedelta(days=5 + 7 * shift)
        if shift == -1 and pub.weekday() == 6:
            saturday += timedelta(days=7)
        return _week(saturday)[0], "week", [saturday.isoformat(), (saturday + timedelta(days=1)).isoformat()]
    if unit == "month":
        return _month(*_shift_month(pub.year, pub.month, shift), _part(ctx.group("part"), "month_parts"))
    return _year(pub.year + shift, _part(ctx.group("part"), "year_parts") or (1, 12))


def _ago(ctx: _Context) -> Resolved | None:
    raw, unit = (ctx.group("n") or "").lower(), (ctx.group("u") or "").lower()
    n = int(raw) if raw.isdigit() else lexicon()["ago_numbers"][raw]
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


@cache
def _patterns() -> list[tuple[re.Pattern[str], re.Pattern[str], Callable[[_Context], Resolved | None]]]:
    """Each pattern with its cue and resolver, built once from the lexicon. The cue (compiled with the
    pattern's flags) finds text every match of the pattern contains, a month name say: a paragraph
    without it is not scanned with the pattern, which costs more."""
    lex = lexicon()
    months = _alt(list(lex["months"]))
    mon = rf"(?<![\w.])(?P<m>{months})(?![\w])"
    wdays = _alt(list(lex["weekdays"]))
    lead_wd = rf"(?:(?:{wdays}),?\s+)?"
    nth = r"(?:st|nd|rd|th)?"
    parts = r"early|mid|late|[Tt]he\s+(?:beginning|start|middle|end)\s+of"
    part = rf"(?:(?P<part>{parts})[\s-]+)?"
    num = _alt(list(lex["ago_numbers"]))
    i = re.IGNORECASE
    specs: list[tuple[str, str, int, Callable[[_Context], Resolved | None]]] = [
        (
            rf"{lead_wd}(?<!\d)(?P<d>\d{{1,2}}){nth}\s+(?:of\s+)?{mon},?\s+(?P<y>\d{{4}})(?!\d)",
            months,
            0,
            _abs_day,
        ),
        (rf"{lead_wd}{mon}\s+(?P<d>\d{{1,2}}){nth},?\s+(?P<y>\d{{4}})(?!\d)", months, 0, _abs_day),
        (r"(?<![\d-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d-])", r"\d-\d", 0, _abs_day),
        (r"(?<![\d/.])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])", "/", 0, _numeric_day),
        (rf"{lead_wd}{mon}\s+(?P<d>\d{{1,2}}){nth}(?![\d:]|[.,]\d)", months, 0, _yearless_day),
        (rf"{lead_wd}(?<![\d.,])(?P<d>\d{{1,2}}){nth}\s+(?:of\s+)?{mon}", months, 0, _yearless_day),
        (rf"{part}{mon},?\s+(?P<y>\d{{4}})(?!\d)", months, 0, _month_of_year),
        (rf"(?:(?P<rel>last|next|this)\s+)?{part}{mon}", months, 0, _bare_month),
        (
            r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?:(?P<y>1[5-9]\d0|20\d0)|['’](?P<yy>\d0))['’]?s(?!\w)",
            r"0['’]?s",
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
            rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+)?(?<!\w)(?P<w>{wdays})(?:['’]s)?(?!\w)"
            rf"(?:\s+(?P<tod>{_alt(lex['times_of_day'])})\b)?",
            wdays,
            0,
            _weekday,
        ),
        (rf"\b(?P<n>{_alt(list(lex['days']))})\b", _cue(list(lex["days"]), "day|tomorrow"), i, _relative_day),
        (rf"\b(?P<n>{_alt(lex['same_day'])})\b", _cue(lex["same_day"], "this|today"), i, _relative_day),
        (rf"\b(?P<n>{_alt(list(lex['nights']))})\b", _cue(list(lex["nights"]), "night"), i, _night),
        (
            rf"(?<!\w){part}(?P<shift>{_alt(list(lex['period_shift']))})\s+(?P<p>{_alt(lex['periods'])})(?!\w)",
            _alt(lex["periods"]),
            i,
            _period,
        ),
        (rf"\b(?P<n>{num}|\d{{1,3}})\s+(?P<u>day|week|month|year|decade)s?\s+ago\b", "ago", i, _ago),
    ]
    return [(re.compile(cue, flags), re.compile(p, flags), fn) for p, cue, flags, fn in specs]
