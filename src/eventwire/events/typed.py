"""The event-type model's reading of a sentence, reconciled with the triggers the lexicon found.

The model says which PLOVER types a sentence reports (and which ACLED sub-event type); the lexicon says
where the trigger is, and the parse gives its actor, recipient, status and the rest. Per sentence:
- a sentence in which the model finds no type as likely as `event_model_drop` reports no event: its
  triggers are other senses ("the striker attacked the goal");
- otherwise the lexicon's triggers stay with the lexicon's types: the model reads the sentence, not the
  word, and a type it prefers is often another event of the sentence (retyping the lexicon's trigger to
  the model's best type gained nothing on the dev split and broke PLOVER's own conventions, "signed a
  pact" is SUPPORT);
- a type the model gives at least `event_model_new` that no trigger of the sentence has becomes a trigger
  at the clause's predicate (the verb a report of speech reports: "police said gunmen [shot] a trader"),
  counting what the lexicon's sense of that word and type counts ("four hurt": the injured),
  unless that word reports no event there (negated, intended, ...), is a verb of saying or of trying
  ("tried to capture" is no capture), or is already a trigger, and unless a word of the lexicon of that
  type reports no event in the sentence ("No arrests have been made" is no arrest), or the lexicon
  knows the predicate in another sense ("students beating drums"), or the sentence is someone's own
  words, a direct quote (a witness's: "We saw soldiers carrying their friends").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events.triggers import SentenceTriggers, Trigger, is_no_event, other_sense
from eventwire.eventtypes.model import ACLED, SentenceTypes
from eventwire.knowledge.acled import Acled
from eventwire.knowledge.events import EventWords, TriggerEntry
from eventwire.settings import Settings

PREDICATE_POS = frozenset({"VERB", "NOUN", "PROPN"})


QUOTES = ("\u201c", '"')
"""Opening quote marks (the curly one, or a straight one)."""


def direct_speech(sent: Span) -> bool:
    """Whether a sentence is someone's own words: it opens with a quote mark, or inside a quote that an
    earlier sentence of its paragraph opened ("“We saw soldiers carrying their friends,” said a driver")."""
    before = sent.doc.text[: sent.start_char]
    still_open = before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1
    return still_open or sent.text.lstrip().startswith(QUOTES)


def _predicate(sent: Span, words: EventWords) -> Token | None:
    """The word a sentence's main clause reports: its root, or the clause a verb of saying reports."""
    token = sent.root
    seen = 0
    while token.lemma_.lower() in words.reporting_verbs and seen < len(sent):
        reported = [c for c in token.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in PREDICATE_POS]
        if not reported:
            break
        token, seen = reported[0], seen + 1
    if token.pos_ not in PREDICATE_POS:
        return None
    lemma = token.lemma_.lower()
    if lemma in words.reporting_verbs or lemma in words.intention_governors:
        return None
    return token


def sub_event_mode(kind: str, sub_event: str | None, acled: Acled) -> str | None:
    """The PLOVER mode an ACLED sub-event type gives an event of `kind`: the first mode of the first ACLED
    rule that gives that sub-event type to that kind of event, or None."""
    for rule in acled.rules:
        if rule.sub_event_type == sub_event and rule.types and kind in rule.types and rule.modes:
            return sorted(rule.modes)[0]
    return None


def reconcile(
    sent: Span,
    found: SentenceTriggers,
    read: SentenceTypes,
    words: EventWords,
    acled: Acled,
    settings: Settings,
) -> list[Trigger]:
    """The sentence's event triggers, after the model's reading (see the module's notes)."""
    s = settings
    best_sub, _ = read.best("acled")
    _, p_best = read.best("plover")
    predicate = _predicate(sent, words)
    kept = [] if p_best < s.event_model_drop else list(found.events)
    have = {t.entry.type for t in kept} | {t.entry.type for t in found.refused}
    used = {t.token.i for t in found.events} | {t.token.i for pair in found.content for t in pair}
    if predicate is None or predicate.i in used or other_sense(predicate, words) or direct_speech(sent):
        return kept
    for kind, p in sorted(read.plover.items(), key=lambda kv: -kv[1]):
        if p < s.event_model_new or kind in have:
            continue
        pos = "NOUN" if predicate.pos_ == "PROPN" else predicate.pos_
        lemma = predicate.lemma_.lower()
        known = [e for e in words.triggers.get(lemma, ()) if e.type == kind]  # "four hurt" (a noun here)
        entry = TriggerEntry(
            lemma=lemma,
            pos=frozenset({pos}),
            type=kind,
            mode=sub_event_mode(kind, best_sub, acled),
            size=known[0].size if known else None,
        )
        trig = Trigger(predicate, entry)
        if not is_no_event(trig, words):
            kept.append(trig)
            have.add(kind)
        break
    return sorted(kept, key=lambda t: t.token.i)


def sub_event(kind: str, read: SentenceTypes, acled: Acled, settings: Settings) -> dict[str, str] | None:
    """The ACLED view the model gives an event of `kind`: of the sub-event types some ACLED rule gives to
    that kind, the one the model finds most probable, when at least `event_model_acled_min`; else None
    (the rules then decide). An empty view, `{}`, when the model is sure (`event_model_acled_sure`) that
    the sentence reports nothing ACLED codes, or an ACLED event no rule gives to this kind: the sentence's
    ACLED event is another ("a man threw a grenade at a police vehicle on patrol": not the patrol). The
    ACLED step (`events.acled`) then codes it for none."""
    best, p_best = read.best(ACLED)
    fits = {r.sub_event_type for r in acled.rules if r.sub_event_type and r.types and kind in r.types}
    if p_best >= settings.event_model_acled_sure and best not in fits:
        return {}
    scored = [(read.acled.get(sub, 0.0), sub) for sub in fits]
    if not scored:
        return None
    p, sub = max(scored)
    if p < settings.event_model_acled_min:
        return None
    event_type = next(t for t, subs in acled.types.items() if sub in subs)
    return {"event_type": event_type, "sub_event_type": sub}
