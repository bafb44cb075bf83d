"""Place words: demonyms (one table), division words, abbreviations, words never places."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class Demonym:
    """What a demonym ("Ukrainian") names: a country (code and name) or nothing for peoples and faiths."""

    word: str
    country_code: str | None
    country: str | None


@dataclass(frozen=True)
class PlaceWords:
    """Place words: demonyms (one table), division words, abbreviations, words never places."""

    demonyms: dict[str, Demonym]
    """Lower-cased demonym → what it names (`demonyms.tsv`)."""

    @classmethod
    def load(cls, files: PackFiles) -> PlaceWords:
        """Read the section from a language pack's files."""
        demonyms: dict[str, Demonym] = {}
        for row in files.rows("demonyms.tsv"):
            word, code, country = (row + ["", ""])[:3]
            demonyms[word.lower()] = Demonym(word, code or None, country or None)
        return cls(demonyms=demonyms)

    def demonym(self, text: str) -> Demonym | None:
        """The demonym a word or its plural stands for ("Russians" → Russian), ignoring case."""
        key = text.lower().replace("’", "'")
        hit = self.demonyms.get(key)
        if hit is None and key.endswith("s"):
            hit = self.demonyms.get(key[:-1])
        return hit
