"""The whole article pipeline: read output in, a checked `eventwire.document/1` article out."""

from __future__ import annotations

from eventwire.clean import clean_steps
from eventwire.errors import EventwireError
from eventwire.events import event_steps
from eventwire.knowledge import Knowledge
from eventwire.language import language_steps
from eventwire.model import Article
from eventwire.pipeline import Pipeline, Step
from eventwire.settings import Settings


class Check(Step):
    """Enforce the offset invariant on the finished article; a broken span is a bug, reported as EW999."""

    name = "check"
    needs = frozenset({"text"})

    def process(self, article: Article) -> Article:
        try:
            article.check()
        except ValueError as exc:
            raise EventwireError("EW999", f"offset invariant broken: {exc}", article.source.path) from None
        return article


def article_pipeline(settings: Settings, knowledge: Knowledge) -> Pipeline:
    """Clean, language and event steps, then the check; each article within `article_time_limit_s`."""
    steps = (
        clean_steps(settings, knowledge)
        + language_steps(settings, knowledge)
        + event_steps(settings, knowledge)
        + [Check()]
    )
    return Pipeline(steps, time_limit_s=settings.article_time_limit_s or None)
