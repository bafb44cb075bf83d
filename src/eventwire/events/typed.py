"""The event-type model's reading of a sentence, reconciled with the triggers the lexicon found.

The model says which PLOVER types a sentence reports (and which ACLED sub-event type); the lexicon says
where the trigger is, and the parse gives its actor, recipient, status and the rest. Per sentence:
- a sentence in which the model finds no type as likely as `event_model_drop` reports no event: its
  triggers are other senses ("the striker attacked the goal");
- the trigger at the clause's predicate, when the model gives its type less than `event_model_keep`,
  takes the model's best type when that is at least `event_model_retype` and no other trigger of the
  sentence has it (a trigger further down the clause, "in protest against the invasion", keeps its type:
  the model reads the sentence, not the word); else it stays;
- a trigger that frames another event (a denial, a threat: the lexicon's content triggers) stays as the
  lexicon reads it: the corpus codes "denied shelling" as a denied ASSAULT, the pipeline as a REJECT with
  the claim;
- a type the model gives at least `event_model_new` that no trigger of the sentence has becomes a trigger
  at the clause's predicate (the verb a report of speech reports: "police said gunmen [shot] a trader"),
  unless that word reports no event there (negated, intended, ...).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from eventwire.events.triggers import SentenceTriggers, Trigger, is_no_event
from eventwire.eventtypes.model import SentenceTypes
from eventwire.knowledge.acled import Acled
from eventwire.knowledge.events import EventWords, TriggerEntry
from eventwire.settings import Settings

PREDICATE_POS = frozenset({"VERB", "NOUN", "PROPN"})


def _predicate(sent: Span, words: EventWords) -> Token | None:
    """The word a sentence's main clause reports: its root, or the clause a verb of saying reports."""
    token = sent.root
    seen = 0
    while token.lemma_.lower() in words.reporting_verbs and seen < len(sent):
        reported = [c for c in token.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in PREDICATE_POS]
        if not reported:
            break
        token, seen = reported[0], seen + 1
    return token if token.pos_ in PREDICATE_POS else None


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
    kind, p_best = read.best("plover")
    predicate = _predicate(sent, words)
    taken = {t.entry.type for t in found.events}
    kept: list[Trigger] = []
    for trig in found.events:
        if trig.entry.content:
            kept.append(trig)
            continue
        p = read.plover.get(trig.entry.type, 0.0)
        if p_best < s.event_model_drop:
            continue
        doubted = p < s.event_model_keep and predicate is not None and trig.token.i == predicate.i
        if doubted and kind is not None and p_best >= s.event_model_retype and kind not in taken:
            mode = sub_event_mode(kind, best_sub, acled)
            kept.append(Trigger(trig.token, replace(trig.entry, type=kind, mode=mode)))
        else:
            kept.append(trig)
    have = {t.entry.type for t in kept}
    used = {t.token.i for t in found.events} | {t.token.i for pair in found.content for t in pair}
    if predicate is None or predicate.i in used:
        return kept
    for kind, p in sorted(read.plover.items(), key=lambda kv: -kv[1]):
        if p < s.event_model_new or kind in have:
            continue
        pos = "NOUN" if predicate.pos_ == "PROPN" else predicate.pos_
        entry = TriggerEntry(
            lemma=predicate.lemma_.lower(),
            pos=frozenset({pos}),
            type=kind,
            mode=sub_event_mode(kind, best_sub, acled),
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
    (the rules then decide)."""
    fits = {r.sub_event_type for r in acled.rules if r.sub_event_type and r.types and kind in r.types}
    scored = [(read.acled.get(sub, 0.0), sub) for sub in fits]
    if not scored:
        return None
    p, sub = max(scored)
    if p < settings.event_model_acled_min:
        return None
    event_type = next(t for t, subs in acled.types.items() if sub in subs)
    return {"event_type": event_type, "sub_event_type": sub}
