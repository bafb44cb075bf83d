"""`eventwire extract` through the installed console script: the contract, samples, bad input, batches."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.read import read_inputs
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EVENTWIRE = Path(sys.executable).parent / "eventwire"
CONTRACT_KEYS = [
    "schema",
    "id",
    "source",
    "title",
    "published",
    "language",
    "text",
    "paragraphs",
    "dropped",
    "entities",
    "places",
    "times",
    "quantities",
    "events",
    "flags",
]
STORY = (
    "Police arrest activists in Hong Kong\n\n"
    "Hong Kong police arrested 53 pro-democracy activists in dawn raids on Wednesday, officials said.\n"
)


def extract(*args: str, stdin: bytes | None = None, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(EVENTWIRE), "extract", *args], input=stdin, capture_output=True, timeout=timeout, check=False
    )


def documents(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]


def assert_contract(doc: dict) -> None:
    assert list(doc)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert doc["schema"] == "eventwire.document/1" and doc["id"].startswith("sha256:")
    text = doc["text"]
    for p in doc["paragraphs"]:
        assert p["kind"] in {"title", "body", "caption"} and 0 <= p["start"] <= p["end"] <= len(text)
    spans = [m for key in ("entities", "places") for item in doc[key] for m in item["mentions"]]
    spans += doc["times"] + doc["quantities"]
    spans += [e for ev in doc["events"] for e in ev["evidence"]] + [
        e for f in doc["flags"] for e in f["evidence"]
    ]
    for s in spans:
        assert text[s["start"] : s["end"]] == s["text"]


def assert_one_error_line(proc: subprocess.CompletedProcess, code: str) -> None:
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1 and err.startswith(f"eventwire: {code} "), err


def test_samples_all_process(tmp_path: Path) -> None:
    proc = extract(str(SAMPLES), "--published", "2022-03-23")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    docs = documents(proc.stdout)
    files = [p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl"}]
    assert len(files) >= 6 and {p.suffix for p in files} == {".txt", ".html", ".jsonl"}
    assert len(docs) == len(list(read_inputs([str(SAMPLES)], Settings())))
    assert len({d["id"] for d in docs}) == len(docs)
    for doc in docs:
        assert_contract(doc)
        assert doc["title"] and doc["paragraphs"][0]["kind"] == "title"
    assert {d["source"]["format"] for d in docs} >= {"text", "html", "jsonl"}
    assert any(d["dropped"] for d in docs) and any(
        f["kind"] == "truncated-title" for d in docs for f in d["flags"]
    )
    for d in docs:  # nothing the scrapers left behind reaches the text
        for junk in (
            "â€",
            "\u00a0",
            "\r",
            "Advertisement",
            "Read more:",
            "Share this article",
            "window.dataLayer",
        ):
            assert junk not in d["text"], (junk, d["source"])


def test_seed_scores_cleaning_and_offsets(shared_dir: Path, tmp_path: Path) -> None:
    proc = extract(str(shared_dir / "seed" / "article.txt"), "--published", "2022-03-23", "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    [doc] = documents(proc.stdout)
    assert_contract(doc)
    out = tmp_path / "seed.json"
    out.write_bytes(proc.stdout)
    score = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "tools" / "score_seed.py"),
            str(out),
            "--min",
            "cleaning=1",
            "--min",
            "offsets_ok=1",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert score.returncode == 0, score.stdout + score.stderr


def test_stdin_and_a_batch_with_one_bad_input(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    proc = extract(
        "-", str(missing), "--format", "text", "--published", "2021-01-06", stdin=STORY.encode("utf-16")
    )
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert proc.returncode == 1
    assert out.startswith("# Police arrest activists in Hong Kong\n") and "source: <stdin>" in out
    assert "published: 2021-01-06" in out
    assert err == f"eventwire: EW101 {missing}: file not found\n"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("missing.txt", None, "EW101"),
        ("empty.txt", b"", "EW102"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 4, "EW103"),
        ("noise.txt", bytes((i * 37) % 128 + 128 for i in range(4000)), "EW104"),
        ("table.txt", b"id,lat,lon\n1,26.7,67.7\n2,27.5,68.2\n", "EW108"),
        (
            "menu.html",
            b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
            "EW108",
        ),
        ("big.txt", STORY.encode() * 100, "EW105"),
    ],
)
def test_bad_input_one_line_and_non_zero_exit(
    tmp_path: Path, name: str, content: bytes | None, code: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    proc = extract(str(path), "--max-bytes", "10000", timeout=120)
    assert proc.stdout == b""
    assert_one_error_line(proc, code)
    assert str(path) in proc.stderr.decode()


def test_bad_jsonl_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        "{broken\n" + json.dumps({"id": "ok", "text": STORY, "published": "2021-01-06"}) + "\n", "utf-8"
    )
    proc = extract(str(path), "--published", "2020-01-01")
    assert_one_error_line(proc, "EW107")
    assert f"{path}:1" in proc.stderr.decode()
    [doc] = documents(proc.stdout)
    assert doc["source"] == {"path": str(path), "id": "ok", "url": None, "format": "jsonl"}
    assert doc["published"] == "2021-01-06"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    proc = extract(str(tmp_path / "a.txt"), "--published", "yesterday", timeout=60)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
