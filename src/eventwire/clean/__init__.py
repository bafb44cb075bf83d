"""The clean stage: split, drop repeats, tell captions from body, recover the headline, assemble."""

from __future__ import annotations

from eventwire.clean.assemble import Assemble
from eventwire.clean.blocks import Split
from eventwire.clean.dedup import Dedup
from eventwire.clean.english import English
from eventwire.clean.headline import Headline
from eventwire.clean.kinds import Kinds
from eventwire.knowledge import Knowledge
from eventwire.pipeline import Step
from eventwire.settings import Settings


def clean_steps(settings: Settings, knowledge: Knowledge) -> list[Step]:
    """The clean stage's steps in order: RawArticle in, Article out."""
    return [
        Split(settings, knowledge),
        Dedup(settings, knowledge),
        Kinds(settings, knowledge),
        Headline(settings, knowledge),
        Assemble(settings, knowledge),
        English(settings, knowledge),
    ]
