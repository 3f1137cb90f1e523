"""The routes of the Mini App: its static files under /app/.

The vendored files are named with their version in the page's URLs (`?v=<version>`), so a
browser may keep them for a long time; the app's own files are revalidated on every load, so a
new release is seen at once (RFC 9111 §5.2.2). Text files are sent gzip-compressed to clients
that accept it (the scripts shrink to about a quarter).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar.config.compression import CompressionConfig
from litestar.datastructures import CacheControlHeader
from litestar.middleware import DefineMiddleware
from litestar.middleware.compression import CompressionMiddleware
from litestar.static_files import create_static_files_router

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"
VENDOR_CACHE = CacheControlHeader(public=True, max_age=30 * 86_400, immutable=True)
APP_CACHE = CacheControlHeader(no_cache=True)
GZIP = DefineMiddleware(
    CompressionMiddleware, config=CompressionConfig(backend="gzip", gzip_compress_level=6)
)


def webapp_handlers() -> list[Any]:
    """The route handlers serving the Mini App (mounted by adapters/http.py)."""
    return [
        create_static_files_router(
            path="/app/vendor",
            directories=[VENDOR],
            cache_control=VENDOR_CACHE,
            middleware=[GZIP],
            name="vendor",
        ),
        create_static_files_router(
            path="/app",
            directories=[STATIC],
            html_mode=True,
            cache_control=APP_CACHE,
            middleware=[GZIP],
        ),
    ]
