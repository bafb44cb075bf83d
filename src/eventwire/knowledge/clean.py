"""The clean stage's signals: what tells a caption, a byline, boilerplate or a headline (`clean.json`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class CleanWords:
    """The clean stage's signals: what tells a caption, a byline, boilerplate or a headline."""

    function_words: frozenset[str]
    """Common function words: their share of an article's words tells the language."""
    other_function_words: frozenset[str]
    """Other Latin-script languages' function words that are not English words: when English function words
    are few (a list, a table, a box score), these tell another language from a text of few function words."""
    caption_patterns: tuple[re.Pattern[str], ...]
    """A caption's own words, a strong cue alone ("This satellite image", "Photo:" and credit lines)."""
    caption_weak_patterns: tuple[re.Pattern[str], ...]
    """Words captions share with body prose ("(pictured above)", "are visible"): a weak cue."""
    scene_verbs: tuple[str, ...]
    """Verbs of a scene in the simple present ("raises", "take cover"): a short subject then one of these
    reads as a caption."""
    reporting_verbs: frozenset[str]
    """Words that make a would-be scene's subject a report ("Officials say …")."""
    boilerplate_patterns: tuple[re.Pattern[str], ...]
    """Site furniture: "Advertisement", "Read more: …", share buttons, copyright lines, bylines."""
    headline_dangling_words: frozenset[str]
    """Words a whole headline cannot end with (articles, prepositions, auxiliaries)."""

    @classmethod
    def load(cls, files: PackFiles) -> CleanWords:
        """Read the section from a language pack's files."""
        data = files.json("clean.json")
        return cls(
            function_words=frozenset(data["function_words"]["words"]),
            other_function_words=frozenset(data["other_function_words"]["words"]),
            caption_patterns=tuple(re.compile(p, re.I) for p in data["caption_patterns"]["patterns"]),
            caption_weak_patterns=tuple(
                re.compile(p, re.I) for p in data["caption_weak_patterns"]["patterns"]
            ),
            scene_verbs=tuple(data["scene_verbs"]["words"]),
            reporting_verbs=frozenset(data["reporting_verbs"]["words"]),
            boilerplate_patterns=tuple(re.compile(p, re.I) for p in data["boilerplate_patterns"]["patterns"]),
            headline_dangling_words=frozenset(data["headline_dangling_words"]["words"]),
        )
