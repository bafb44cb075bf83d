"""The run ledger's queries: the inputs finished by earlier runs (`run_inputs`) and the raw articles
read before (`read_digests`). `eventwire.run.resume` decides what to skip; this module only reads and
writes the two tables."""

from __future__ import annotations

import sqlite3


def input_signature(conn: sqlite3.Connection, label: str) -> str | None:
    """The file signature recorded with a finished input, or None when it is not recorded."""
    row = conn.execute("SELECT signature FROM run_inputs WHERE input = ?", (label,)).fetchone()
    return row[0] if row else None


def input_article(conn: sqlite3.Connection, label: str) -> str | None:
    """The id of the article a finished input gave, or None when it is not recorded."""
    row = conn.execute("SELECT article FROM run_inputs WHERE input = ?", (label,)).fetchone()
    return row[0] if row else None


def digest_article(conn: sqlite3.Connection, digest: str) -> str | None:
    """The id of the stored article a raw article's digest was recorded with, or None."""
    query = "SELECT article FROM read_digests JOIN articles ON id = article WHERE digest = ?"
    row = conn.execute(query, (digest,)).fetchone()
    return row[0] if row else None


def record(
    conn: sqlite3.Connection, inputs: list[tuple[str, str, str, str]], digests: list[tuple[str, str]]
) -> None:
    """Record finished inputs (label, signature, article id, time) and digests (digest, article id), in
    one transaction on a connection in autocommit mode."""
    if not inputs and not digests:
        return
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT OR REPLACE INTO run_inputs VALUES (?, ?, ?, ?)", inputs)
        conn.executemany("INSERT OR REPLACE INTO read_digests VALUES (?, ?)", digests)
