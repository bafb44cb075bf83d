"""The boundary: the dashboard, the API and the exports read the store and never load spaCy."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    import eventwire.api, eventwire.api.routes, eventwire.export, eventwire.web
    from eventwire.api import create_app
    from eventwire.settings import Settings

    for package in (eventwire.api, eventwire.api.routes, eventwire.export):
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
    from fastapi.testclient import TestClient

    with TestClient(create_app(sys.argv[1], Settings(api_token="t"))) as client:
        assert client.get("/events").status_code == 200
        assert client.get("/").status_code == 200
    print("spacy" in sys.modules)
    """
)


def test_web_api_and_export_import_no_spacy(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "store.db")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False", "importing them (or serving a request) loaded spaCy"
