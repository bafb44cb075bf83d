"""All that eventwire knows that is data, loaded once, typed and versioned; it imports no spaCy.

- `plover`: the PLOVER ontology (types, modes, contexts, the 0.5b1 mapping), as module functions;
- `Knowledge.acled`: the ACLED typology and the rules that map PLOVER events to it;
- `Knowledge.language`: one language pack (data files in `knowledge/en/`), in sections, each a typed
  object of its own module: the clean stage's signals, entity words, place words, offices and seats, time
  and quantity words, the event lexicon, flag words, merging words;
- `Knowledge.gazetteer`: the gazetteer's side tables.

Steps are handed a `Knowledge` when they are built, as they are handed `Settings`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventwire.knowledge.acled import Acled
from eventwire.knowledge.clean import CleanWords
from eventwire.knowledge.entities import EntityWords
from eventwire.knowledge.events import EventWords
from eventwire.knowledge.flags import FlagWords
from eventwire.knowledge.gazetteer import GazetteerTables
from eventwire.knowledge.merging import MergeWords
from eventwire.knowledge.offices import OfficeWords
from eventwire.knowledge.pack import PackFiles
from eventwire.knowledge.places import PlaceWords
from eventwire.knowledge.quantities import QuantityWords
from eventwire.knowledge.times import TimeWords


@dataclass(frozen=True)
class LanguagePack:
    """What eventwire knows of one language, section by section."""

    code: str
    clean: CleanWords
    entities: EntityWords
    places: PlaceWords
    offices: OfficeWords
    times: TimeWords
    quantities: QuantityWords
    events: EventWords
    flags: FlagWords
    merging: MergeWords

    @classmethod
    def load(cls, files: PackFiles) -> LanguagePack:
        """Every section from one pack's files."""
        offices, times = OfficeWords.load(files), TimeWords.load(files)
        return cls(
            code=files.code,
            clean=CleanWords.load(files),
            entities=EntityWords.load(files, offices),
            places=PlaceWords.load(files),
            offices=offices,
            times=times,
            quantities=QuantityWords.load(files),
            events=EventWords.load(files),
            flags=FlagWords.load(files, times),
            merging=MergeWords.load(files),
        )


@dataclass(frozen=True)
class Knowledge:
    """The ACLED typology, one language pack and the gazetteer's side tables."""

    language: LanguagePack
    acled: Acled
    gazetteer: GazetteerTables


@cache
def load_knowledge(language: str = "en") -> Knowledge:
    """The knowledge of one language, loaded once per process.

    Raises:
        ValueError: when a data file contradicts another (a trigger naming a type PLOVER lacks, say).
    """
    files = PackFiles(language)
    return Knowledge(
        language=LanguagePack.load(files), acled=Acled.load(files), gazetteer=GazetteerTables.load(files)
    )
