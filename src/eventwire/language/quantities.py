"""Quantities: numbers in digits or words with the noun they count, and their qualifier.

A `Quantity` spans the qualifier, the number and the counted noun ("more than 3.6 million refugees"):
`value` is the number (3600000), `unit` the lower-cased singular lemma of the counted noun with its noun
compounds ("refugee", "police officer"; "people" → "person"), `qualifier` one of exact, at least, more than,
about, up to, fewer than. The words are the pack's quantity words (`QuantityWords`).

Decisions:
- Vague counts follow ACLED's convention for vague fatality reports: "dozens" = 12, "hundreds" = 100,
  "several" = 10, and by the same lowest-unit rule "thousands" = 1000, "hundreds of thousands" = 100000;
  "scores" = 20 and "a few" = 3 are ours. Plural units are lower bounds (qualifier "at least").
- Money is recorded with its ISO 4217 code as unit ("$5 million" → 5000000 "USD"); percentages with
  unit "percent". Neither can be read as a count of people.
- Not quantities: anything inside a time expression (years, dates, decades), ages ("Chubais, 66,",
  "aged 66", "a 66-year-old"), times of day ("3 p.m."), identifiers ("Flight 17", "Resolution 2758",
  "G7"), ordinals, hyphenated modifiers ("a four-week war") and the pronoun "one".
- A number with no counted noun is kept with unit None when it is an argument of its clause ("the toll
  rose to 35", "killing 12"): the event stage may read it as a size. So is a number that fills a table
  cell ("| Kerrow | 4,100 |"): a table's figures are its counts. A noun without a letter counts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Doc, Token

from eventwire.knowledge import Knowledge
from eventwire.knowledge.quantities import QuantityWords
from eventwire.language.nlp import parsed
from eventwire.model import Article, Quantity
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings

_ARGUMENT_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass", "attr")
_NAMED = ("PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT")


class Quantities(ArticleStep):
    """Find numbers with their counted nouns and qualifiers; numbers inside time expressions are skipped."""

    name = "quantities"
    needs = frozenset({"parse", "times"})
    adds = frozenset({"quantities"})

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        super().__init__(settings, knowledge)
        self.patterns = QuantityPatterns.build(knowledge.language.quantities)

    def process(self, article: Article) -> Article:
        found: list[Quantity] = []
        for pp in parsed(article):
            end = pp.start + len(pp.doc.text)
            times = [
                (t.start - pp.start, t.end - pp.start) for t in article.times if pp.start <= t.start < end
            ]
            for s, e, value, unit, qualifier in find_quantities(pp.doc, times, self.patterns, self.settings):
                a, b = pp.start + s, pp.start + e
                found.append(Quantity(a, b, article.text[a:b], value, unit, qualifier))
        article.quantities = sorted(found, key=lambda q: q.start)
        return article


@dataclass
class _Number:
    """A number found in the text: its core span, value, and what the text around it says."""

    start: int
    end: int
    value: int | float
    kind: str  # digits | words | vague
    qualifier: str = "exact"
    unit: str | None = None
    currency: str | None = None
    need_noun: bool = False


def find_quantities(
    doc: Doc, times: list[tuple[int, int]], patterns: QuantityPatterns, settings: Settings
) -> list[tuple[int, int, int | float, str | None, str]]:
    """Quantities in one parsed paragraph: (start, end, value, unit, qualifier), offsets into `doc.text`.

    Args:
        doc: the paragraph's parse.
        times: spans of the paragraph's time expressions (numbers inside them are not quantities).
        patterns: the patterns of the article's language (and their words).
        settings: the settings (the windows of context and of the counted noun, year-like numbers).
    """
    out = []
    taken: list[tuple[int, int]] = list(times)
    for n in sorted(_numbers(doc.text, patterns), key=lambda n: (n.start - n.end, n.start)):
        if any(n.start < b and a < n.end for a, b in taken) or _not_a_count(doc, n, patterns, settings):
            continue
        found = _complete(doc, n, patterns, settings)
        if found is None:
            continue
        taken.append((n.start, n.end))
        out.append(found)
    return sorted(out)


def _numbers(text: str, patterns: QuantityPatterns) -> Iterator[_Number]:
    lex = patterns.words
    for m in patterns.digits.finditer(text):
        value = Decimal(m.group("num").replace(",", ""))
        sfx, scale, cur = m.group("sfx"), m.group("scale"), m.group("cur")
        if sfx and not cur and sfx.lower() in lex.ambiguous_suffixes:
            continue  # "5m", "10k": metres or a race as often as millions or thousands
        value *= lex.suffix_scales.get((sfx or "").lower(), 1)
        value *= lex.number_words.get((scale or "").lower(), 1)
        currency = lex.currency_symbols.get(cur or "") or _code_before(text, m.start(), patterns)
        start = m.start("cur") if cur else m.start("num")
        yield _Number(start, m.end(), _plain(value), "digits", currency=currency)
    for m in patterns.number_words.finditer(text):
        first = m.group(0).split()[0]
        if first.lower() in lex.number_words and lex.number_words[first.lower()] >= 100:
            continue  # a scale word alone ("N60 million" leaves "million") counts nothing
        if first[0].isupper() and re.search(r"\w[^\w.!?\"“”:—–]*$", text[: m.start()]):
            continue  # capitalized mid-sentence: part of a name ("the Final Four", "BBC Two"); a
            # dateline's dash or a colon opens a sentence ("KABUL — Three people…")
        yield _Number(m.start(), m.end(), _words_value(m.group(0), lex), "words")
    for m in patterns.vague.finditer(text):
        key = re.sub(r"\s+", " ", m.group(0).lower())
        value, qualifier = lex.vague[key]
        yield _Number(m.start(), m.end(), value, "vague", qualifier, need_noun=key in lex.vague_need_noun)


def _not_a_count(doc: Doc, n: _Number, patterns: QuantityPatterns, settings: Settings) -> bool:
    """Ages, times of day and identifiers."""
    lex = patterns.words
    text = doc.text
    reach = settings.quantity_context_chars
    before, after = text[max(0, n.start - reach) : n.start], text[n.end : n.end + reach]
    last_word = (re.findall(r"[\w#.]+$", before.rstrip()) or [""])[0].lower()
    if last_word in lex.age_before or last_word in lex.identifier_before:
        return True
    if patterns.age_of.search(before):
        return True
    if n.kind == "digits" and (re.search(r"\d\s$", before) or re.match(r"\s\d|\(", after)):
        return True  # a run of digit groups or a code: a phone number, a score, "501(c)(3)"
    if before.endswith("(") and after.startswith(")"):
        return True  # "(3)": a list item, an age
    if patterns.time_or_age_after.match(after):
        return True
    if n.kind != "vague" and re.search(r"[A-Z][\w'’.-]*\s*[,(]\s*$", before) and re.match(r"\s*[,)]", after):
        return True
    span = doc.char_span(n.start, n.end, alignment_mode="expand")
    named = [t for t in span or [] if t.like_num and t.ent_type_ in _NAMED]
    return any(not _counts_a_name(t) for t in named)


def _counts_a_name(token: Token) -> bool:
    """Whether a number the parser put at the start of a name counts the plural after the name
    ("Three Somali National Army soldiers"), rather than being part of it ("BBC Two", "Final Four")."""
    if token.ent_iob_ != "B":
        return False
    end = token.i
    while end + 1 < len(token.doc) and token.doc[end + 1].ent_iob_ == "I":
        end += 1
    after = token.doc[end + 1] if end + 1 < len(token.doc) else None
    return end > token.i and after is not None and after.tag_ == "NNS"


def _complete(
    doc: Doc, n: _Number, patterns: QuantityPatterns, settings: Settings
) -> tuple[int, int, int | float, str | None, str] | None:
    """The quantity around a number: its qualifier, currency or percent, and counted noun."""
    lex = patterns.words
    text = doc.text
    start, end, unit = n.start, n.end, n.currency
    pct = patterns.percent_after.match(text[end:])
    noun = None
    if pct:
        end, unit = end + pct.end(), "percent"
    elif unit is None:
        noun = _counted_noun(doc, n, lex, settings)
        if noun is not None:
            end = max(end, noun.idx + len(noun))
            unit = _unit(noun, n.end, lex)
            unit = lex.currency_words.get(unit, unit)
    argument = _is_argument(doc, n, lex) or _fills_cell(text, n)
    if unit is None and (n.need_noun or _year_like(n, settings) or not argument):
        return None
    qual = patterns.qualifier_before.search(text[:start])
    qualifier = n.qualifier
    if qual:
        start, qualifier = qual.start(), lex.qualifiers[re.sub(r"\s+", " ", qual.group(0).strip().lower())]
    return start, end, n.value, unit, qualifier


def _fills_cell(text: str, n: _Number) -> bool:
    """Whether the number is a whole cell of a table row ("| 4,100 |")."""
    return bool(re.search(r"(?:^|\s)\|\s*$", text[: n.start]) and re.match(r"\s*\|(?:\s|$)", text[n.end :]))


def _counted_noun(doc: Doc, n: _Number, lex: QuantityWords, settings: Settings) -> Token | None:
    """The noun a number counts: its syntactic head, the noun right after it, or the noun after "of"."""
    span = doc.char_span(n.start, n.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    last = span[-1]
    head = last.head
    attached = last.dep_ in ("nummod", "compound", "quantmod", "amod") and head.i > last.i
    if (
        attached
        and _countable(head, lex)
        and (last.lower_ not in lex.pronoun_numbers or last.dep_ == "nummod")
    ):
        return head
    if last.lower_ in lex.pronoun_numbers:
        return None
    i = last.i + 1
    if i < len(doc) and doc[i].lower_ == lex.of:
        i += 1
        while i < len(doc) and doc[i].pos_ in ("DET", "PRON") and doc[i].tag_ in ("DT", "PRP$", "WP$"):
            i += 1
    noun = None
    while (
        i < len(doc)
        and i <= last.i + settings.counted_noun_window_tokens
        and (_modifier(doc[i]) or doc[i].text == "-")
    ):
        if _countable(doc[i], lex):
            noun = doc[i]
        elif noun is not None:
            break
        i += 1
    return noun


def _modifier(tok: Token) -> bool:
    """A word that may stand between a number and its noun ("14 named storms", "45 Russian diplomats")."""
    if tok.pos_ in ("ADJ", "NOUN", "PROPN") or (tok.dep_ in ("amod", "compound") and tok.i < tok.head.i):
        return True
    after = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.tag_ == "VBN" and after is not None and after.pos_ == "NOUN"


def _countable(tok: Token, lex: QuantityWords) -> bool:
    """A noun that can be counted; one without a letter (a table's "|" tagged as a noun) is not."""
    if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in lex.not_counted:
        return False
    if not any(c.isalpha() for c in tok.text):
        return False
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and (tok.ent_type_ == "NORP" or tok.tag_ == "NNPS"))


def _unit(noun: Token, after: int, lex: QuantityWords) -> str:
    """The counted noun's singular lemma with the noun compounds between `after` and it ("police officer")."""
    lemma = noun.lemma_.lower()
    plural = noun.tag_ in ("NNS", "NNPS") and lemma == noun.lower_ and lemma.endswith(lex.plural_suffix)
    if plural and lemma not in lex.plural_kept:
        lemma = lemma[: -len(lex.plural_suffix)]
    lemma = lex.unit_lemmas.get(lemma, lemma)
    mods = []
    for t in reversed(list(noun.lefts)):
        if t.dep_ == "compound" and t.pos_ == "NOUN" and t.i == noun.i - len(mods) - 1 and t.idx >= after:
            mods.insert(0, t.lower_)
        else:
            break
    return " ".join([*mods, lemma])


def _year_like(n: _Number, settings: Settings) -> bool:
    """A bare four-digit number that could be a year ("her birth year as 1912") is not read as a count."""
    return (
        n.kind == "digits"
        and isinstance(n.value, int)
        and settings.year_like_min <= n.value <= settings.year_like_max
    )


def _is_argument(doc: Doc, n: _Number, lex: QuantityWords) -> bool:
    span = doc.char_span(n.start, n.end, alignment_mode="expand")
    return span is not None and span[-1].dep_ in _ARGUMENT_DEPS and span[-1].lower_ not in lex.pronoun_numbers


def _code_before(text: str, start: int, patterns: QuantityPatterns) -> str | None:
    m = patterns.code_before.search(text[:start])
    return m.group(1) if m else None


def _words_value(phrase: str, lex: QuantityWords) -> int:
    total = current = 0
    for w in re.split(r"[\s-]+", phrase.lower()):
        if w in lex.indefinite_articles:
            current = 1
        elif w == lex.and_word:
            continue
        elif w in (lex.hundred, lex.dozen):
            current = (current or 1) * lex.number_words[w]
        elif w in lex.scales:
            total, current = total + (current or 1) * lex.scales[w], 0
        else:
            current += lex.number_words[w]
    return total + current


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class QuantityPatterns:
    """The patterns of one language's quantity words, compiled once (when the `Quantities` step is built)."""

    words: QuantityWords
    digits: re.Pattern[str]
    """Digits, with a currency sign before them and a suffix or scale word after them."""
    number_words: re.Pattern[str]
    """Number words ("two hundred and five")."""
    vague: re.Pattern[str]
    """Vague counts ("dozens")."""
    code_before: re.Pattern[str]
    """A currency code ending the text before a number ("USD ")."""
    age_of: re.Pattern[str]
    """The age phrase ending the text before a number ("at the age of ")."""
    time_or_age_after: re.Pattern[str]
    """A time-of-day or age word opening the text after a number ("p.m.", "years old")."""
    percent_after: re.Pattern[str]
    """A percent word opening the text after a number."""
    qualifier_before: re.Pattern[str]
    """A qualifier ending the text before a number ("more than ")."""

    @classmethod
    def build(cls, lex: QuantityWords) -> QuantityPatterns:
        """The patterns built from `lex`."""
        cur = _alt(list(lex.currency_symbols))
        scale = _alt([lex.hundred, *lex.scales])
        digits = re.compile(
            rf"(?:(?P<cur>{cur})\s?)?(?<![\w.,/:#-])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
            rf"(?:(?P<sfx>{_alt(list(lex.suffix_scales))})(?!\w))?"
            rf"(?:\s+(?P<scale>{scale}|{re.escape(lex.dozen)})(?!\w))?"
            r"(?![\w:/'’-]|[.,]\d)",
            re.IGNORECASE,
        )
        word = _alt(list(lex.number_words))
        article = _alt(list(lex.indefinite_articles))
        and_after = "|".join(f"(?<={re.escape(w)})" for w in lex.and_after)
        words = re.compile(
            rf"(?<![\w-])(?:(?:{article})\s+(?=(?:{scale})\b))?(?:{word})"
            rf"(?:(?:(?:{and_after})\s+{re.escape(lex.and_word)}\s+|[\s-]+)(?:{word}))*(?![\w-])",
            re.IGNORECASE,
        )
        age_of = r"\s+".join(map(re.escape, lex.age_of.split()))
        return cls(
            words=lex,
            digits=digits,
            number_words=words,
            vague=re.compile(rf"(?<![\w-])(?:{_alt(list(lex.vague))})(?![\w-])", re.IGNORECASE),
            code_before=re.compile(rf"\b({'|'.join(lex.currency_codes)})\s?$"),
            age_of=re.compile(rf"\b{age_of}\s+$", re.IGNORECASE),
            time_or_age_after=re.compile(
                rf"\s*(?:{'|'.join(map(re.escape, [*lex.time_of_day_after, *lex.age_after]))})(?!\w)"
            ),
            percent_after=re.compile(rf"\s*(?:{_alt(list(lex.percent_after))})(?!\w)"),
            qualifier_before=re.compile(rf"(?<!\w)(?:{_alt(list(lex.qualifiers))})\s+$", re.IGNORECASE),
        )
