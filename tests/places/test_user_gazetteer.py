"""A user's own gazetteer file adds entries and replaces those of the same GeoNames id."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.places.index import gazetteer_with, load_gazetteer
from eventwire.places.user import read_user_gazetteer


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_entry_is_added_and_found_by_its_names(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "# my places\nCamp Zebrafinch\t-1.5\t36.9\tKE\tcity\t\t4000\t\tZebrafinch Camp|Zebrafinch\n",
    )
    base = load_gazetteer("en")
    mine = gazetteer_with("en", str(path))
    assert not base.has("Camp Zebrafinch")
    [m] = mine.lookup("Camp Zebrafinch")
    assert (m.entry.lat, m.entry.lon, m.entry.country, m.alternate) == (-1.5, 36.9, "KE", False)
    assert mine.lookup("Zebrafinch")[0].alternate
    assert len(mine) == len(base) + 1
    assert gazetteer_with("en", "") is base


def test_a_user_entry_replaces_the_entry_of_its_geonames_id(tmp_path: Path) -> None:
    base = load_gazetteer("en")
    [kyiv] = [m.entry for m in base.lookup("Kyiv") if m.entry.feature == "city" and m.entry.country == "UA"][
        :1
    ]
    path = _write(tmp_path, f"Kyiv\t50.0\t30.0\tUA\tcity\t\t3000000\t{kyiv.geonameid}\n")
    mine = gazetteer_with("en", str(path))
    moved = mine.by_geonameid(kyiv.geonameid)
    assert (moved.lat, moved.lon) == (50.0, 30.0) and len(mine) == len(base)
    assert base.by_geonameid(kyiv.geonameid).lat == kyiv.lat  # the built gazetteer is left as it was


def test_a_bad_line_or_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as bad:
        read_user_gazetteer(_write(tmp_path, "Somewhere\tnorth\t30.0\tUA\tcity\n"))
    assert bad.value.code == "EW107" and "line 1" in bad.value.reason
    with pytest.raises(EventwireError) as kind:
        read_user_gazetteer(_write(tmp_path, "Somewhere\t1\t2\tUA\tvolcano\n"))
    assert kind.value.code == "EW107"
    with pytest.raises(EventwireError) as missing:
        read_user_gazetteer(tmp_path / "none.tsv")
    assert missing.value.code == "EW101"
