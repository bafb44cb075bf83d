"""The HTTP API: JSON routes over the store (the dashboard uses the same routes), OpenAPI at /docs."""

from eventwire.api.app import create_app

__all__ = ["create_app"]
