"""The API's routers, one module per resource."""

from eventwire.api.routes import articles, entities, events, flags, merged, places, search, stats

ROUTERS = [r.router for r in (stats, events, merged, articles, places, entities, search, flags)]
"""Every router, in the order the OpenAPI page lists them."""
