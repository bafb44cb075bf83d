"""The clause features of the event-type model: the root verb and the clause it reports, their arguments
by role, entity labels, negation and modals (sentences written for these tests)."""

from __future__ import annotations

import pytest

from eventwire.eventtypes.features import VERSION, parse, sentence_features
from eventwire.eventtypes.model import load_model
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def clause_features():
    def read(text: str) -> set[str]:
        (doc,) = parse([text], Settings().parse_memo_entries)
        return {f for f in sentence_features(doc[:]) if f.startswith("c:")}

    return read


def test_the_reported_clause_is_told_from_the_reporting_one(clause_features) -> None:
    found = clause_features("Local officials said the militia burned the market.")
    assert {"c:root>say", "c:root>subj>official", "c:rep>burn"} <= found
    assert {"c:rep>subj>militia", "c:rep>obj>market"} <= found


def test_a_passive_subject_is_the_object_and_its_agent_the_subject(clause_features) -> None:
    found = clause_features("The convoy was ambushed by French soldiers.")
    assert {"c:root>ambush", "c:root>obj>convoy", "c:root>subj>soldier"} <= found
    assert {"c:root>subj>NORP", "c:ambush>subj>NORP"} <= found


def test_negation_and_modals_mark_their_clause(clause_features) -> None:
    assert {"c:root>neg", "c:root>neg>attack"} <= clause_features("The rebels did not attack the village.")
    found = clause_features("The envoy warned that the army might close the border crossing.")
    assert "c:rep>modal>might" in found
    assert not any(f.endswith(">neg") for f in found)


def test_each_sentence_of_a_passage_gives_its_root(clause_features) -> None:
    found = clause_features("Students marched through the capital. Police detained their leaders.")
    assert {"c:root>march", "c:root>detain", "c:root>subj>police"} <= found


def test_the_shipped_weights_were_trained_on_this_feature_set() -> None:
    assert load_model().version.endswith(f".{VERSION}")
