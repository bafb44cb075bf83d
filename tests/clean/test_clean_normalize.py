"""Text repair and the folded comparison key."""

from __future__ import annotations

from eventwire.clean.normalize import fold, repair, strip_cut


def test_repair_fixes_mojibake_and_keeps_curly_quotes() -> None:
    assert repair("Somaliaâ€™s army") == "Somalia’s army"
    assert repair("“in protest” – he said") == "“in protest” – he said"
    assert repair("ﬁre") == "fire"


def test_fold_apostrophes_quotes_case_and_spaces() -> None:
    assert fold("Putins spokesman") == fold("Putin’s spokesman") == fold("PUTIN'S  spokesman")
    assert fold('He said "no"') == fold("He said “no”")
    assert fold("pro–Russian") == fold("pro-Russian")
    assert fold("Kherson , in the south .") == "kherson, in the south."
    assert fold("\u00a0Lagos\u00a0 ") == "lagos"


def test_fold_keeps_words_apart() -> None:
    assert fold("Police arrested 37") != fold("Police arrested 38")


def test_strip_cut() -> None:
    assert strip_cut("floods kill 30 in sindh as...") == "floods kill 30 in sindh as"
    assert strip_cut("floods kill 30 in sindh as …") == "floods kill 30 in sindh as"
    assert strip_cut("floods kill 30 in sindh -") == "floods kill 30 in sindh"
    assert strip_cut("floods kill 30") == "floods kill 30"
