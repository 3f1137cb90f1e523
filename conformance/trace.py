"""Run caldav-server-tester with every HTTP exchange written to a trace file.

Used by `conformance/run.sh` when TRACE=<file> is set, e.g.

    TRACE=trace.txt TESTER_ARGS="--run-checks CheckPrincipalSearch" bash conformance/run.sh

It takes exactly the tester's command-line arguments.  Each request is written with
its method, URL, the headers that matter to CalDAV (Authorization is never written),
its body, then the status, headers and body of the answer.  The tester itself is not
changed: this only wraps the HTTP session classes the caldav library sends through
(niquests' Session and AsyncSession).

`conformance/run-python-caldav.sh` uses the same file as a pytest plugin when TRACE is
set there (a copy loaded with -p; pytest_configure installs the wrapping), so the python
caldav suite's exchanges can be traced the same way; each test's start is marked.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
from typing import Any

import niquests

TRACE_FILE = os.environ.get("CONFORMANCE_TRACE_FILE", "http-trace.txt")
MAX_BODY = int(os.environ.get("CONFORMANCE_TRACE_MAX_BODY", "6000"))
SHOWN_REQUEST_HEADERS = (
    "depth",
    "content-type",
    "if-match",
    "if-none-match",
    "overwrite",
    "destination",
    "if-schedule-tag-match",
)
SHOWN_RESPONSE_HEADERS = (
    "Content-Type",
    "DAV",
    "ETag",
    "Schedule-Tag",
    "Location",
    "WWW-Authenticate",
    "Allow",
)

_lock = threading.Lock()
_counter = itertools.count(1)
_original_request = niquests.Session.request
_original_async_request = niquests.AsyncSession.request


def _text(body: Any) -> str:
    if body is None:
        return ""
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    body = str(body)
    if len(body) > MAX_BODY:
        return body[:MAX_BODY] + f"\n... [{len(body) - MAX_BODY} more characters]"
    return body


def _record(method: str, url: str, kwargs: dict[str, Any], response: Any, error: Any) -> None:
    headers = kwargs.get("headers") or {}
    shown = {k: v for k, v in headers.items() if k.lower() in SHOWN_REQUEST_HEADERS}
    with _lock:
        lines = [f"===== #{next(_counter)} {method} {url}"]
        lines += [f"{k}: {v}" for k, v in shown.items()]
        body = _text(kwargs.get("data"))
        if body:
            lines += ["", body]
        if response is not None:
            lines.append(f"----- {response.status_code} {response.reason}")
            for k in SHOWN_RESPONSE_HEADERS:
                if k in response.headers:
                    lines.append(f"{k}: {response.headers[k]}")
            text = _text(response.content)
            if text:
                lines += ["", text]
        else:
            lines.append(f"----- no answer: {error!r}")
        with open(TRACE_FILE, "a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n\n")


def _traced_request(
    self: niquests.Session, method: str, url: str, *args: Any, **kwargs: Any
) -> Any:
    error: BaseException | None = None
    response = None
    try:
        response = _original_request(self, method, url, *args, **kwargs)
        return response
    except BaseException as exc:  # recorded, then re-raised
        error = exc
        raise
    finally:
        _record(method, url, kwargs, response, error)


async def _traced_async_request(
    self: niquests.AsyncSession, method: str, url: str, *args: Any, **kwargs: Any
) -> Any:
    error: BaseException | None = None
    response = None
    try:
        response = await _original_async_request(self, method, url, *args, **kwargs)
        return response
    except BaseException as exc:  # recorded, then re-raised
        error = exc
        raise
    finally:
        _record(method, url, kwargs, response, error)


def install() -> None:
    niquests.Session.request = _traced_request  # type: ignore[method-assign]
    niquests.AsyncSession.request = _traced_async_request  # type: ignore[method-assign,assignment]


# --- as a pytest plugin (run-python-caldav.sh, TRACE=<file>) ------------------------------
def pytest_configure(config: Any) -> None:
    install()


def pytest_runtest_logstart(nodeid: str, location: Any) -> None:
    with _lock, open(TRACE_FILE, "a", encoding="utf-8") as f:
        f.write(f"######## {nodeid}\n\n")


def main() -> None:
    # Imported here: as a pytest plugin this file runs where the tester is not installed.
    from caldav_server_tester.caldav_server_tester import check_server_compatibility  # noqa: PLC0415

    install()
    sys.argv[0] = "caldav-server-tester"
    check_server_compatibility()


if __name__ == "__main__":
    main()
