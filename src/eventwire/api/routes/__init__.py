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

ORDER = (stats, events, merged, view, articles, places, divisions, entities, actors, search, flags)
ROUTERS = [r.router for r in ORDER]
"""Every router, in the order the OpenAPI page lists them."""
