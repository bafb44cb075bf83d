"""Riot tolls: the dead and injured of a riot are the riot's, as ACLED codes them.

"Police said six people had been killed and 19 injured in the unrest"; "2 people died in the rioting".
Such a killing names no one who did it and puts itself in a riot: it tells the toll of the article's riot,
not an attack of its own. So an assault with no actor whose trigger happens "in" or "during" a riot or
unrest (`merging.json`'s `riot_nouns`) gives its dead and injured to the article's protest event of the
same place and days, where that event has none, and is no event of its own. Runs after merging within the
article, so that each occurrence is one event by then.
"""

from __future__ import annotations

from eventwire.events.candidates import TriggerRef
from eventwire.events.merge_within import Scope, dates_agree, join_tellings, places_agree, renumber, stated
from eventwire.knowledge import LanguagePack
from eventwire.knowledge.merging import MergeWords
from eventwire.model import Article, Event
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings

TOLLS = ("dead", "injured")


def _in_a_riot(article: Article, refs: list[TriggerRef], words: MergeWords) -> bool:
    """Whether one of an event's triggers happens in a riot ("killed … in the unrest")."""
    paras = article.scratch.get("parsed")
    if not paras:
        return False
    for ref in refs:
        trigger = paras[ref.pp].doc[ref.token]
        for verb in (trigger, *trigger.conjuncts):
            for prep in verb.children:
                riot = any(o.dep_ == "pobj" and o.lemma_.lower() in words.riot_nouns for o in prep.children)
                if prep.dep_ == "prep" and prep.lower_ in words.riot_prepositions and riot:
                    return True
    return False


def _riot_toll(event: Event, article: Article, refs: list[TriggerRef], words: MergeWords) -> bool:
    """Whether an event is only the toll of a riot: an assault with no actor, with a toll, in a riot."""
    told = any(getattr(event.size, f) is not None for f in TOLLS)
    return event.type == "ASSAULT" and event.actor is None and told and _in_a_riot(article, refs, words)


def move_riot_tolls(article: Article, language: LanguagePack, settings: Settings) -> Article:
    """Give riot tolls to their riot; the killings that only told them are no events. Renumbers the events."""
    words = language.merging
    refs: dict[str, list[TriggerRef]] = article.scratch.get("event_triggers", {})
    scope = Scope(
        places={p.id: p for p in article.places},
        kinds={},
        update=language.flags.update,
        report_days=settings.merge_within_report_days,
        nested=True,
    )
    kept: list[Event] = []
    for event in article.events:
        riot = None
        if _riot_toll(event, article, refs.get(event.id, []), words):
            riot = next((e for e in article.events if _its_riot(e, event, scope, settings)), None)
        if riot is None:
            kept.append(event)
            continue
        for f in TOLLS:
            setattr(riot.size, f, getattr(event.size, f))
        join_tellings(riot, event, refs)
    renumber(article, kept, refs)
    return article


def _its_riot(riot: Event, toll: Event, scope: Scope, settings: Settings) -> bool:
    """Whether a protest event is the riot a toll is of: the same status, place and days, no toll yet."""
    return (
        riot.type == "PROTEST"
        and riot.status == toll.status
        and places_agree(stated(riot), stated(toll), scope, settings)
        and dates_agree(riot, toll, scope)
        and all(getattr(riot.size, f) is None for f in TOLLS)
    )


class RiotTolls(ArticleStep):
    """Give the dead and injured told of a riot to the riot event."""

    name = "events.riot_tolls"
    needs = frozenset({"merged"})
    adds = frozenset({"riot_tolls"})

    def process(self, article: Article) -> Article:
        return move_riot_tolls(article, self.knowledge.language, self.settings)
