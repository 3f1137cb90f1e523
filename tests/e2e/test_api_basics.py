"""The JSON API's frame over HTTP against `televent serve`, on both databases: errors as RFC 9457
problem details for every kind of bad request, the OpenAPI document and its offline docs page,
and CalDAV and the Mini App still where they were."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import Backend
from tests.tma import ApiServer, running_api_server

PROBLEM_MEMBERS = {"type", "title", "status", "detail"}


@pytest.fixture
def server(backend: Backend, tmp_path: Path) -> Iterator[ApiServer]:
    with running_api_server(backend.migrated_url(), tmp_path) as running:
        yield running


def problem(reply: httpx.Response, status: int) -> dict[str, object]:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    body = dict(reply.json())
    assert set(body) >= PROBLEM_MEMBERS and body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def test_every_bad_request_is_a_problem_never_a_500(server: ApiServer) -> None:
    with server.client(1) as alice:
        assert problem(alice.get("/api/v1/nothing"), 404)["type"] == "about:blank"
        problem(alice.post("/api/v1/nothing/deeper", json={}), 404)
        problem(alice.get("/api"), 404)
        wrong_method = alice.put("/api/v1/me", json={})
        problem(wrong_method, 405)
        assert "GET" in wrong_method.headers["allow"]
        # The body limit (TELEVENT_MAX_RESOURCE_BYTES, 200000 here).
        big = b'{"name": "' + b"x" * 300_000 + b'"}'
        problem(alice.patch("/api/v1/me", content=big, headers=_json()), 413)
        problem(alice.post("/api/v1/devices", content=b"<xml/>", headers=_xml()), 415)
        problem(alice.post("/api/v1/devices", content=b"\xff\xfe", headers=_json()), 400)
        problem(alice.post("/api/v1/devices", content=b'{"name": 5}', headers=_json()), 400)
        problem(alice.get("/api/v1/changes", params={"since": "\x00"}), 410)
        problem(alice.delete("/api/v1/devices/" + "x" * 100), 400)
        invalid = problem(alice.patch("/api/v1/me", json={"reminder_minutes": [1]}), 400)
        assert invalid["type"] == "urn:televent:problem:invalid-request"
        assert isinstance(invalid["errors"], list) and invalid["errors"]
        # a body nested a hundred thousand deep (it was a 500 with a traceback logged, for
        # anyone), and cursors made by hand
        deep = b"[" * 100_000
        for path in ("/api/v1/events", "/api/v1/book/nobody"):
            assert problem(alice.post(path, content=deep, headers=_json()), 400)["type"] == (
                "urn:televent:problem:invalid-request"
            )
        window = {"start": "2026-01-01", "end": "2026-02-01"}
        for made in (b"[Infinity, 1, 2, 3]", b"[" * 3000):
            cursor = base64.urlsafe_b64encode(made).decode().rstrip("=")
            problem(alice.get("/api/v1/events", params={**window, "cursor": cursor}), 422)
        assert alice.get("/api/v1/me").status_code == 200  # the server is fine


def test_the_openapi_document_lists_the_api(server: ApiServer) -> None:
    reply = httpx.get(f"{server.url}/api/v1/openapi.json", timeout=60)
    assert reply.status_code == 200 and "json" in reply.headers["content-type"]
    document = reply.json()
    assert document["openapi"].startswith("3.1")
    paths = set(document["paths"])
    for path in (
        "/api/v1/me",
        "/api/v1/calendars",
        "/api/v1/devices",
        "/api/v1/devices/{name}",
        "/api/v1/export.ics",
        "/api/v1/changes",
        "/api/v1/logout",
    ):
        assert path in paths
    assert all(p.startswith("/api/v1/") for p in paths)  # not CalDAV, health or the Mini App
    schemes = document["components"]["securitySchemes"]
    assert {"tma", "basic", "session"} <= set(schemes)


def test_the_docs_page_loads_nothing_from_elsewhere(server: ApiServer) -> None:
    page = httpx.get(f"{server.url}/api/v1/docs", timeout=60)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "//" not in re.sub(r"<!--.*?-->", "", page.text)  # no URL with a host in it
    [script] = re.findall(r'<script src="([^"]+)"', page.text)
    [spec] = re.findall(r'spec-url="([^"]+)"', page.text)
    assert spec == "/api/v1/openapi.json"
    served = httpx.get(f"{server.url}{script}", timeout=60)
    assert served.status_code == 200 and len(served.content) > 100_000
    assert served.headers["content-type"].startswith(("text/javascript", "application/javascript"))
    assert b"cdn.redoc.ly" not in served.content  # Redocly's logo is not fetched from there
    licence = httpx.get(f"{server.url}/api/v1/static/redoc/LICENSE", timeout=60)
    assert licence.status_code == 200 and "MIT License" in licence.text
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self';" in policy
    assert "connect-src 'self';" in policy and "img-src 'self' data:;" in policy


def test_caldav_and_the_mini_app_are_where_they_were(server: ApiServer) -> None:
    with httpx.Client(base_url=server.url, auth=server.basic(1), timeout=60) as http:
        root = http.request("PROPFIND", "/", headers={"Depth": "0"})
        assert root.status_code == 207
        assert (
            http.request("PROPFIND", "/dav/calendars/1/", headers={"Depth": "0"}).status_code == 207
        )
        well_known = http.get("/.well-known/caldav", follow_redirects=False)
        assert well_known.status_code in (301, 302, 307, 308)
        assert http.get("/health").json()["status"] in ("ok", "degraded")
        app = http.get("/app/")
        assert app.status_code == 200 and app.headers["content-type"].startswith("text/html")


def _json() -> dict[str, str]:
    return {"Content-Type": "application/json"}


def _xml() -> dict[str, str]:
    return {"Content-Type": "application/xml"}
