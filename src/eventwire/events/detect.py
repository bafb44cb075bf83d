"""Detection, the first event step: each trigger of each sentence becomes an event candidate.

The lexicon finds a sentence's triggers (`events.triggers`); with the event-type model, its reading of
the sentence reconciles with them (`events.typed`). A table's header row names columns and is read for
none. Leaves `Candidates` in `article.scratch["event_candidates"]`, with the triggers that are only
another's content ("strikes" in "denies strikes") for the claims step.
"""

from __future__ import annotations

from eventwire.errors import EventwireError
from eventwire.events.candidates import SCRATCH, Candidates, ContentRef, EventDraft
from eventwire.events.index import ArticleIndex
from eventwire.events.triggers import SentenceTriggers, find_triggers
from eventwire.events.typed import reconcile
from eventwire.eventtypes.model import EventTypeModel, load_model
from eventwire.knowledge.acled import Acled
from eventwire.knowledge.events import EventWords
from eventwire.model import Article
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings


def _header_end(table: str) -> int:
    """Where a table paragraph's header row ends: it names columns, no event ("| Province | Dead |")."""
    end = table.find("\n")
    return len(table) if end < 0 else end


def detect(
    article: Article,
    words: EventWords,
    settings: Settings,
    acled: Acled,
    model: EventTypeModel | None = None,
) -> Candidates:
    """The event candidates of a parsed article, one per trigger, in text order."""
    index = ArticleIndex.build(
        article, words.person_pronouns, settings.event_pronoun_salience_paragraphs, words.reporting_verbs
    )
    sentences = [
        (pp, sent)
        for pp, para in enumerate(index.paragraphs)
        for sent in para.doc.sents
        if not (para.kind == "table" and sent.start_char < _header_end(para.doc.text))
    ]
    readings = model.predict([s for _, s in sentences]) if model else [None] * len(sentences)
    drafts: list[EventDraft] = []
    content: list[ContentRef] = []
    for (pp, sent), read in zip(sentences, readings, strict=True):
        found = find_triggers(sent, words)
        content += [
            ContentRef(pp, inner.token.i, inner.entry.type, outer.token.i) for inner, outer in found.content
        ]
        lexicon = {t.token.i for t in found.events}
        if read is not None:
            found = SentenceTriggers(reconcile(sent, found, read, words, acled, settings), found.content)
        sentence = {t.token.i for t in found.events}
        for trig in found.events:
            inner = [i for i, outer in found.content if outer.token.i == trig.token.i]
            drafts.append(EventDraft(pp, sent, [trig], sentence, inner, read, lexicon))
    return Candidates(index, drafts, content, model.version if model else None)


class DetectEvents(ArticleStep):
    """Find the event triggers of every sentence: one event candidate each."""

    name = "events.detect"
    needs = frozenset({"parse"})
    adds = frozenset({"event_candidates"})

    def setup(self) -> None:
        if self.settings.event_model:
            load_model()

    def process(self, article: Article) -> Article:
        if "parsed" not in article.scratch:
            raise EventwireError("EW401", "article was not parsed", article.source.path)
        model = load_model() if self.settings.event_model else None
        language = self.knowledge.language
        article.scratch[SCRATCH] = detect(
            article, language.events, self.settings, self.knowledge.acled, model
        )
        return article
