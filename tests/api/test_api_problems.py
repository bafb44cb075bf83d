"""Errors are JSON with a code: unknown routes, wrong methods, oversized bodies (declared or streamed)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from api.livestore import TOKEN


def test_unknown_route_is_a_json_404(client: httpx.Client) -> None:
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["code"] == "EW702"


def test_wrong_method_is_a_json_405(client: httpx.Client) -> None:
    response = client.delete("/events")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "EW706"


def test_declared_body_over_the_limit_is_413(client: httpx.Client) -> None:
    response = client.post("/articles", json={"text": "x" * 5000})
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "EW705" and "2000 bytes" in error["message"]


def test_streamed_body_over_the_limit_is_413(writable_url: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"y" * 1000
        yield b'"}'

    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    response = httpx.post(f"{writable_url}/articles", content=chunks(), headers=headers, timeout=30)
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "EW705"


def test_get_with_a_small_body_is_served(client: httpx.Client) -> None:
    response = client.request("GET", "/stats", content=b"{}")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/places", {"country": "UA"}, "unknown parameter 'country' (this route takes: limit, offset)"),
        ("/flags", {"kinds": "x"}, "unknown parameter 'kinds' (this route takes: kind, limit, offset)"),
        ("/stats", {"verbose": "1"}, "unknown parameter 'verbose' (this route takes: none)"),
        ("/articles", {"type": "A"}, "unknown parameter 'type' (this route takes: limit, offset, q)"),
        ("/search", {"q": "K", "offset": "1"}, "unknown parameter 'offset' (this route takes: limit, q)"),
    ],
)
def test_unknown_parameters_are_400_naming_them(
    client: httpx.Client, path: str, params: dict[str, str], message: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "EW701" and error["message"] == message


def test_the_dashboard_and_the_docs_take_any_query(client: httpx.Client) -> None:
    assert client.get("/", params={"country": "UA"}).status_code == 200
    assert client.get("/openapi.json", params={"x": "1"}).status_code == 200
