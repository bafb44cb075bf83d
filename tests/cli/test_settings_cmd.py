"""`eventwire settings`: every field listed with its default, its value from the environment, its docs."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

from eventwire.settings import Settings

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))


def settings_cmd(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EVENTWIRE, "settings", *args], capture_output=True, text=True, env={**os.environ, **env}, check=False
    )


def test_json_lists_every_field_with_its_docstring_and_the_environment_value() -> None:
    done = settings_cmd("--format", "json", EVENTWIRE_MERGE_CITY_KM="12.5", EVENTWIRE_API_TOKEN="secret")
    assert done.returncode == 0, done.stderr
    rows = {r["name"]: r for r in json.loads(done.stdout)}
    assert list(rows) == [f.name for f in dataclasses.fields(Settings)]
    assert rows["merge_city_km"]["value"] == 12.5 and rows["merge_city_km"]["default"] == 30.0
    assert rows["merge_city_km"]["env"] == "EVENTWIRE_MERGE_CITY_KM"
    assert "km" in rows["merge_city_km"]["about"]
    assert rows["api_token"]["value"] == "(set)" and "secret" not in done.stdout
    assert all(r["about"] for r in rows.values())


def test_text_marks_a_changed_value_with_its_default() -> None:
    done = settings_cmd(EVENTWIRE_BATCH_SIZE="8")
    assert done.returncode == 0, done.stderr
    assert "batch_size = 8 (default 32)" in done.stdout
    assert "max_input_bytes = 10000000\n" in done.stdout


def test_a_bad_environment_value_is_a_usage_error_without_a_traceback() -> None:
    done = settings_cmd(EVENTWIRE_BATCH_SIZE="many")
    assert done.returncode == 2
    assert "EVENTWIRE_BATCH_SIZE" in done.stderr and "Traceback" not in done.stderr
