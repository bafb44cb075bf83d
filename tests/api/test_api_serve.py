"""`eventwire serve`: the installed command serves the API and the dashboard, read-only without a token."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

EVENTWIRE = str(Path(sys.executable).parent / "eventwire")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("serve did not start")


def test_serve_runs_the_api_and_the_dashboard(seeded_db: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_API_TOKEN"}
    cmd = [EVENTWIRE, "serve", "--db", str(seeded_db), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(f"{base}/stats", proc)
        assert httpx.get(f"{base}/stats").json()["ingest"] is False
        assert httpx.get(f"{base}/events").json()["total"] == 4
        assert '<div id="map"' in httpx.get(f"{base}/").text
        assert httpx.post(f"{base}/articles", json={"text": "x"}).status_code == 403
    finally:
        proc.terminate()
        proc.wait(10)
    assert "read-only" in proc.stderr.read()


def test_serve_with_token_enables_ingest(tmp_path: Path) -> None:
    port = _free_port()
    cmd = [EVENTWIRE, "serve", "--db", str(tmp_path / "new.db"), "--port", str(port), "--token", "s3cret"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(f"{base}/stats", proc)
        assert httpx.get(f"{base}/stats").json() | {"counts": None} == {
            "version": httpx.get(f"{base}/openapi.json").json()["info"]["version"],
            "schema": "eventwire.document/1",
            "counts": None,
            "ingest": True,
        }
        assert httpx.post(f"{base}/articles", json={"text": "x"}).status_code == 401
    finally:
        proc.terminate()
        proc.wait(10)
