"""`eventwire serve --db FILE`: the HTTP API (OpenAPI at /docs) and the dashboard (at /) over a store.

Read-only unless a token is given (--token or EVENTWIRE_API_TOKEN): then `POST /articles` with
`Authorization: Bearer TOKEN` extracts and stores articles.
"""

from __future__ import annotations

import argparse
import sys

from eventwire.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API and the dashboard over a store", description=__doc__)
    p.add_argument("--db", required=True, metavar="FILE", help="the SQLite store (made by `eventwire run`)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument(
        "--token",
        help="Bearer token that enables POST /articles (prefer EVENTWIRE_API_TOKEN: a flag shows in `ps`); "
        "without one the API is read-only",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from eventwire.api import create_app

    settings = Settings.from_env().replace(api_token=args.token)
    app = create_app(args.db, settings)
    mode = "ingest enabled with the token" if settings.api_token else "read-only"
    url = f"http://{args.host}:{args.port}/"
    print(f"eventwire: serving {args.db} at {url} (API docs at {url}docs; {mode})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info" if args.verbose else "warning")
    return 0
