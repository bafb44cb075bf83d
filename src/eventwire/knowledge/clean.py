"""The clean stage's signals: what tells a caption, a byline, boilerplate or a headline."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class CleanWords:
    """The clean stage's signals: what tells a caption, a byline, boilerplate or a headline."""

    @classmethod
    def load(cls, files: PackFiles) -> CleanWords:
        """Read the section from a language pack's files."""
        return cls()
