"""Refuse articles that are not in English, rather than mis-code them."""

from __future__ import annotations

import re

from eventwire.errors import EventwireError
from eventwire.model import Article
from eventwire.pipeline import ArticleStep

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_share(text: str, function_words: frozenset[str], sample_chars: int) -> tuple[int, float]:
    """Word count and the share of words that are in `function_words` (English ones, or other languages'),
    in the first `sample_chars` characters."""
    words = [w.lower() for w in _WORD.findall(text[:sample_chars])]
    if not words:
        return 0, 0.0
    return len(words), sum(w in function_words for w in words) / len(words)


def other_script_share(text: str, sample_chars: int) -> tuple[int, float]:
    """Letter count and the share of letters outside the Latin script (beyond Latin Extended), in the
    first `sample_chars` characters."""
    letters = [c for c in text[:sample_chars] if c.isalpha()]
    if not letters:
        return 0, 0.0
    return len(letters), sum(
        not ("\u0000" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff") for c in letters
    ) / len(letters)


class English(ArticleStep):
    """Set `language` to "en", or raise EW301 for an article of enough words that is not English.

    A text of few English function words is refused only when another language's function words outnumber
    them: an English list, table, schedule or box score has few of either, and is English."""

    name = "english"
    needs = frozenset({"text"})
    adds = frozenset({"language"})

    def process(self, article: Article) -> Article:
        s = self.settings
        clean = self.knowledge.language.clean
        count, share = english_share(article.text, clean.function_words, s.language_sample_chars)
        if count >= s.english_min_words and share < s.english_min_share:
            # Few English function words: prose in another language, or an English list, table or box
            # score. Only the other languages' own function words tell them apart.
            _, foreign = english_share(article.text, clean.other_function_words, s.language_sample_chars)
            if foreign >= s.other_language_min_share and foreign > share:
                raise EventwireError(
                    "EW301",
                    f"not English ({share:.0%} English function words, {foreign:.0%} another language's)",
                    article.source.path,
                )
        letters, other = other_script_share(article.text, s.language_sample_chars)
        if letters >= s.other_script_min_letters and other > s.other_script_max_share:
            raise EventwireError(
                "EW301", f"not English ({other:.0%} letters in another script)", article.source.path
            )
        article.language = "en"
        return article
