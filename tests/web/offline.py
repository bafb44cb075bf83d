"""Cutting a browser page off the network, for the tests that show the app needs none.

Imported by the dashboard tests as `web.offline` (tests/ is on sys.path).
"""

from __future__ import annotations

from urllib.parse import urlsplit


def outside_requests(page: object, base_url: str) -> list[str]:
    """Cut a page off from every server but `base_url`'s: the requests it tried elsewhere, as they come."""
    origin = urlsplit(base_url).netloc
    outside: list[str] = []

    def only_this_server(route: object) -> None:
        if urlsplit(route.request.url).netloc == origin:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)
    return outside
