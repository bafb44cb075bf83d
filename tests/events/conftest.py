"""The event steps one at a time: an article run up to a given step, its candidates still there."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.clean import clean_steps
from eventwire.events import event_steps
from eventwire.events.candidates import Candidates, candidates
from eventwire.knowledge import load_knowledge
from eventwire.language import language_steps
from eventwire.model import RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings


@pytest.fixture(scope="session")
def until() -> Callable[..., Candidates]:
    """A function: (text, the name of an event step, publication day) → the candidates after that step."""
    settings, knowledge = Settings(), load_knowledge()
    steps = event_steps(settings, knowledge)
    pipes: dict[str, Pipeline] = {}

    def run(text: str, step: str, published: str = "2022-03-23") -> Candidates:
        if step not in pipes:
            upto = [s for s in steps[: [s.name for s in steps].index(step) + 1]]
            pipes[step] = Pipeline(
                clean_steps(settings, knowledge) + language_steps(settings, knowledge) + upto
            )
            pipes[step].setup()
        raw = RawArticle(text=text, source=Source(path="t.txt"), published=published)
        return candidates(pipes[step].run(raw))

    return run
