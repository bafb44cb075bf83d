"""`create_app`: the store it needs, the settings it honours."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from api.livestore import serving
from eventwire.api import create_app
from eventwire.errors import EventwireError
from eventwire.settings import Settings


def test_read_only_app_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as caught:
        create_app(tmp_path / "absent.db", Settings())
    assert caught.value.code == "EW501" and "absent.db" in caught.value.message
    assert not (tmp_path / "absent.db").exists()


def test_app_refuses_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(EventwireError) as caught:
        create_app(junk, Settings())
    assert caught.value.code == "EW501"


def test_app_with_token_creates_an_empty_store(tmp_path: Path) -> None:
    with serving(create_app(tmp_path / "new.db", Settings(api_token="t"))) as url:
        assert httpx.get(f"{url}/events").json() == {
            "items": [],
            "limit": 50,
            "offset": 0,
            "total": 0,
            "next": None,
        }
        assert httpx.get(f"{url}/stats").json()["ingest"] is True
    assert (tmp_path / "new.db").exists()


def test_token_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_API_TOKEN", "from-env")
    app = create_app(tmp_path / "env.db")
    assert app.state.settings.api_token == "from-env"
    assert "from-env" not in repr(app.state.settings)
