"""eventwire: turn raw news into trustworthy event data, offline, on a laptop CPU."""

__version__ = "0.1.0"
SCHEMA = "eventwire.document/1"
