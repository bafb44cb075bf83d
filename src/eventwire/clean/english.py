"""Refuse articles that are not in English, rather than mis-code them."""

from __future__ import annotations

import re
from functools import cache

from eventwire.errors import EventwireError
from eventwire.knowledge.files import read_json
from eventwire.model import Article
from eventwire.pipeline import ArticleStep

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 12
MIN_SHARE = 0.12
"""English news prose runs at 35-50% function words; other languages using Latin script below 5%."""
MIN_LETTERS = 40
MAX_OTHER_SCRIPT = 0.5
"""Above this share of letters outside the Latin script (Chinese, Arabic, Cyrillic…), a text of at least
`MIN_LETTERS` letters is not English, however few space-separated words it has."""


@cache
def function_words() -> frozenset[str]:
    """The English function words of `english.json`, loaded once."""
    data = read_json("eventwire.clean", "english.json")
    return frozenset(data["function_words"])


def english_share(text: str) -> tuple[int, float]:
    """Word count and the share of words that are common English function words."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if not words:
        return 0, 0.0
    return len(words), sum(w in function_words() for w in words) / len(words)


def other_script_share(text: str) -> tuple[int, float]:
    """Letter count and the share of letters outside the Latin script (beyond Latin Extended)."""
    letters = [c for c in text[:20_000] if c.isalpha()]
    if not letters:
        return 0, 0.0
    return len(letters), sum(
        not ("\u0000" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff") for c in letters
    ) / len(letters)


class English(ArticleStep):
    """Set `language` to "en", or raise EW301 for an article of enough words that is not English."""

    name = "english"
    needs = frozenset({"text"})
    adds = frozenset({"language"})

    def process(self, article: Article) -> Article:
        count, share = english_share(article.text)
        if count >= MIN_WORDS and share < MIN_SHARE:
            raise EventwireError(
                "EW301", f"not English ({share:.0%} English function words)", article.source.path
            )
        letters, other = other_script_share(article.text)
        if letters >= MIN_LETTERS and other > MAX_OTHER_SCRIPT:
            raise EventwireError(
                "EW301", f"not English ({other:.0%} letters in another script)", article.source.path
            )
        article.language = "en"
        return article
