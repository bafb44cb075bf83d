"""The store: SQLite tables for articles, their findings and merged events, and the queries on them."""

from eventwire.store.db import Store
from eventwire.store.filters import EventFilter

__all__ = ["EventFilter", "Store"]
