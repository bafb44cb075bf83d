"""Every setting is documented (with its unit), used in the package, and read from the environment."""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path

import pytest

from eventwire import settings as settings_module
from eventwire.settings import Settings

SRC = Path(settings_module.__file__).resolve().parent
FIELDS = [f.name for f in dataclasses.fields(Settings)]

UNITS = {
    "s": "second",
    "ms": "millisecond",
    "km": "km",
    "m": "metre",
    "days": "day",
    "chars": "character",
    "bytes": "byte",
    "words": "word",
    "tokens": "token",
    "lines": "line",
    "blocks": "block",
    "letters": "letter",
    "ratio": "0..1",
    "share": "0..1",
    "quantile": "0..1",
}
"""A field whose name ends in one of these (`…_km`, `…_chars`) names the unit in its docstring."""


def docstrings() -> dict[str, str]:
    """Each field's docstring, as `Settings.documentation` reads it from settings.py."""
    return Settings.documentation()


@cache
def package_code() -> str:
    """The package's Python code, settings.py left out."""
    return "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted(SRC.rglob("*.py"))
        if p.name != "settings.py" or p.parent != SRC
    )


@pytest.mark.parametrize("name", FIELDS)
def test_every_field_has_a_docstring(name: str) -> None:
    doc = docstrings().get(name, "")
    assert len(doc.split()) >= 3, f"Settings.{name} has no docstring right after it"


@pytest.mark.parametrize("name", [n for n in FIELDS if n.rsplit("_", 1)[-1] in UNITS])
def test_a_docstring_names_its_unit(name: str) -> None:
    unit = UNITS[name.rsplit("_", 1)[-1]]
    assert unit in docstrings()[name].lower(), f"Settings.{name}'s docstring does not say it is in {unit}s"


@pytest.mark.parametrize("name", FIELDS)
def test_every_field_is_used(name: str) -> None:
    assert re.search(rf"\.{name}\b", package_code()), f"Settings.{name} is read nowhere in src/"


def test_every_field_has_a_default_of_a_type_the_environment_can_give() -> None:
    for f in dataclasses.fields(Settings):
        assert type(f.default) in (bool, int, float, str), f.name


def test_the_environment_gives_back_every_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for f in dataclasses.fields(Settings):
        monkeypatch.setenv(f"EVENTWIRE_{f.name.upper()}", str(f.default))
    assert Settings.from_env() == Settings()


def test_the_environment_overrides_ints_floats_and_strings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MAX_INPUT_BYTES", "1234")
    monkeypatch.setenv("EVENTWIRE_MERGE_CITY_KM", "12.5")
    monkeypatch.setenv("EVENTWIRE_API_TOKEN", "secret")
    got = Settings.from_env()
    assert (got.max_input_bytes, got.merge_city_km, got.api_token) == (1234, 12.5, "secret")
    assert isinstance(got.merge_city_km, float)


@dataclasses.dataclass(frozen=True)
class _WithSwitch(Settings):
    switch: bool = True
    """A bool field, for the test of parsing bools."""


@pytest.mark.parametrize(
    ("raw", "value"),
    [("false", False), ("False", False), ("0", False), ("no", False), ("off", False)]
    + [("true", True), ("TRUE", True), ("1", True), ("yes", True), (" on ", True)],
)
def test_a_bool_from_the_environment(monkeypatch: pytest.MonkeyPatch, raw: str, value: bool) -> None:
    monkeypatch.setenv("EVENTWIRE_SWITCH", raw)
    assert _WithSwitch.from_env().switch is value


@pytest.mark.parametrize(("name", "raw"), [("SWITCH", "maybe"), ("SWITCH", ""), ("MAX_INPUT_BYTES", "1.5")])
def test_a_value_not_of_its_type_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, raw: str
) -> None:
    monkeypatch.setenv(f"EVENTWIRE_{name}", raw)
    with pytest.raises(ValueError, match=f"EVENTWIRE_{name}"):
        _WithSwitch.from_env()


def test_no_library_code_builds_its_own_settings() -> None:
    """Steps and helpers are handed the caller's settings: a `Settings()` of their own would drop the
    `EVENTWIRE_*` overrides. Entry points build `Settings.from_env()`."""
    for path in sorted(SRC.rglob("*.py")):
        code = path.read_text(encoding="utf-8")
        found = re.search(r"\bSettings\(\)|or Settings\(", code)
        assert not found, f"{path.relative_to(SRC)} builds Settings()"
