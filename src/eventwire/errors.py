"""One exception family with stable codes.

Codes by stage: EW1xx read, EW2xx clean, EW3xx language, EW4xx events, EW5xx store,
EW6xx run, EW7xx api. A code never changes meaning once released.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "EW101": "file not found",
    "EW102": "empty input",
    "EW103": "binary content, not text",
    "EW104": "cannot decode text",
    "EW105": "input over the size limit",
    "EW106": "unsupported input format",
    "EW107": "malformed record",
    "EW108": "not an article: no text found",
    "EW109": "cannot read file",
    "EW201": "nothing left after cleaning",
    "EW301": "unsupported language",
    "EW302": "article over the processing limit",
    "EW401": "event extraction failed",
    "EW402": "event-type model missing or unreadable",
    "EW501": "store error",
    "EW502": "store schema is newer than this eventwire",
    "EW503": "stored article cannot be re-extracted",
    "EW504": "no stored article matches",
    "EW601": "worker failed",
    "EW602": "time limit exceeded",
    "EW701": "bad request",
    "EW702": "not found",
    "EW703": "authentication required",
    "EW704": "forbidden: the API is read-only",
    "EW705": "request body over the size limit",
    "EW706": "method not allowed",
    "EW999": "internal error",
}


class EventwireError(Exception):
    """An expected failure with a stable code, a reason and, when known, the input it concerns."""

    def __init__(self, code: str, reason: str = "", where: str | None = None) -> None:
        if code not in CODES:
            raise ValueError(f"unknown error code {code}")
        self.code = code
        self.reason = reason or CODES[code]
        self.where = where
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    @property
    def message(self) -> str:
        """The one-line form printed to users: `EW101 path: reason`."""
        where = f"{self.where}: " if self.where else ""
        return f"{self.code} {where}{self.reason}"

    def to_dict(self) -> dict[str, str | None]:
        """JSON form, used by quarantine files and the API."""
        return {"code": self.code, "reason": self.reason, "where": self.where}
