"""The API's routers, one module per resource."""

from eventwire.api.routes import (
    actors,
    articles,
    divisions,
    entities,
    events,
    flags,
    merged,
    places,
    search,
    stats,
    view,
)

ROUTERS = [r.router for r in (stats, events, merged, view, articles, places, divisions, entities, actors, search, flags)]
"""Every router, in the order the OpenAPI page lists them."""
