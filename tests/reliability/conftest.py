"""Shared helpers of the reliability tests: the hostile corpus generator and a measured `eventwire` run."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

HOSTILE = Path(__file__).parent.parent / "data" / "hostile"
EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))

# Runs a command and prints its peak resident memory (KiB) as the last line of stderr.
_MEASURED = """
import resource, subprocess, sys
rc = subprocess.run(sys.argv[1:]).returncode
print(f"PEAK_RSS_KB={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}", file=sys.stderr)
sys.exit(rc)
"""


def make_hostile() -> ModuleType:
    """The generator module `tests/data/hostile/make_hostile.py`."""
    spec = importlib.util.spec_from_file_location("make_hostile", HOSTILE / "make_hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Ran:
    """A finished `eventwire` command: exit status, output, wall time and peak memory."""

    rc: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float

    def quarantine(self, db: Path) -> list[dict[str, Any]]:
        """The quarantine records written beside `db`."""
        path = Path(f"{db}.quarantine.jsonl")
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def eventwire(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Ran:
    """Run the installed `eventwire` command, measuring its wall time and peak resident memory."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, EVENTWIRE, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=600,
    )
    seconds = time.monotonic() - started
    stderr, _, peak = done.stderr.rpartition("PEAK_RSS_KB=")
    return Ran(done.returncode, done.stdout, stderr, seconds, int(peak.strip()) / 1024)
