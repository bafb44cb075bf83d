"""The PLOVER ontology data: 16 types, their modes, 37 contexts, and the 0.5b1 label mapping."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.knowledge import plover as ontology


def test_sixteen_types_and_thirty_seven_contexts():
    assert len(ontology.types()) == 16
    assert len(ontology.contexts()) == 37
    assert ontology.types()[0] == "AGREE" and ontology.types()[-1] == "ASSAULT"


def test_modes_and_validity():
    assert "expel" in ontology.modes("SANCTION")
    assert "resign" in ontology.modes("RETREAT")
    assert ontology.modes("AGREE") == []
    assert ontology.is_valid("ASSAULT", "heavy-weapons")
    assert ontology.is_valid("PROTEST")
    assert not ontology.is_valid("ASSAULT", "expel")
    assert not ontology.is_valid("FIGHT")
    assert ontology.is_context("migration") and not ontology.is_context("refugee")


def test_type_attributes():
    assert ontology.quad("SANCTION") == "material conflict"
    assert ontology.requires_recipient("AID") and not ontology.requires_recipient("PROTEST")
    assert ontology.describe("PROTEST", "hunger") == "Hunger strike"
    assert ontology.describe("REJECT").startswith("All rejections")
    assert ontology.manual()["commit"] == "5e0c24f"
    assert ontology.data_version() >= 1


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("FIGHT", ("ASSAULT", None)),
        ("DEMAND", ("REQUEST", None)),
        ("DISAPPROVE", ("ACCUSE", "disapprove")),
        ("INVESTIGATE", ("ACCUSE", "investigate")),
        ("AGREE", ("AGREE", None)),
        ("DOCUMENT", (None, None)),
    ],
)
def test_legacy_types(label, expected):
    assert ontology.legacy_type(label) == expected


def test_legacy_modes_and_contexts():
    assert ontology.legacy_mode("PROTEST", "strike-hun") == "hunger"
    assert ontology.legacy_mode("ASSAULT", "assassinate") == "targeted"
    assert ontology.legacy_mode("ASSAULT", "other") is None
    assert ontology.legacy_context(" refugee") == "migration"
    assert ontology.legacy_context("military") == "military"
    assert ontology.legacy_context("unknown") is None


def _manual_sections(tex: str) -> dict[str, set[str]]:
    """Each event type's section in the manual, with the mode names of its (uncommented) mode table."""
    body = tex[tex.index(r"\chapter{Event Categories}") : tex.index(r"\chapter{Contexts}")]
    parts = re.split(r"\\section\{([A-Z]+)\}", body)[1:]
    out = {}
    for name, text in zip(parts[::2], parts[1::2], strict=True):
        table = re.search(r"Name & Content \\\\\s*\\hline(.*?)\\hline\s*\\end\{tabular\}", text, re.S)
        lines = table.group(1).splitlines() if table else []
        lines = [ln for ln in lines if not ln.strip().startswith("%")]
        rows = " ".join(lines).split("\\\\")
        out[name] = {r.split("&")[0].strip() for r in rows if r.split("&")[0].strip()}
    return out


def test_data_matches_the_manual(shared_dir: Path):
    tex = (shared_dir / "data" / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    sections = _manual_sections(tex)
    assert list(sections) == ontology.types()
    for name, mode_names in sections.items():
        assert set(ontology.modes(name)) == mode_names, name
    table = tex[tex.index(r"\label{tab:general-contexts}") : tex.index("END CONTEXTS TABLE")]
    names = re.findall(r"^(?:\\hyperref\[[^\]]*\]\{)?([a-z\\_]+)\}?\s*&", table, re.M)
    assert [n.replace("\\_", "_") for n in names if n != "Name"] == ontology.contexts()


def test_legacy_mapping_covers_the_gsr_labels(shared_dir: Path):
    gsr = json.loads((shared_dir / "data" / "plover" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    for record in gsr:
        event_type, _ = ontology.legacy_type(record["event"])
        assert event_type is None or ontology.is_valid(event_type)
