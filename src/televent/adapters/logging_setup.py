"""Structured logs: one line per request and per delivery, as JSON or as key=value text.

TELEVENT_LOG_FORMAT=json writes one JSON object a line (what log collectors parse without a
grammar); the default is a readable line with the same fields as key=value pairs. A record's
structured fields travel in `extra={"fields": {...}}`.

The access log (one line per request, "televent.request", from operations_middleware.py, and
one per settled delivery, "televent.delivery", from metrics.instrument_queue) is written at
INFO and is on whatever TELEVENT_LOG_LEVEL says, unless TELEVENT_ACCESS_LOG=off. It holds no
secret: no header, no query string (a login link's token travels in one), no message text.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import Any

REQUEST_LOGGER = "televent.request"
DELIVERY_LOGGER = "televent.delivery"
ACCESS_LOGGERS = (REQUEST_LOGGER, DELIVERY_LOGGER)


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message and the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update(getattr(record, "fields", None) or {})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """`time level logger message key=value …` (values with spaces quoted)."""

    def format(self, record: logging.LogRecord) -> str:
        moment = dt.datetime.fromtimestamp(record.created, dt.UTC).strftime("%H:%M:%S.%f")[:-3]
        pairs = " ".join(
            f"{key}={_text(value)}"
            for key, value in (getattr(record, "fields", None) or {}).items()
        )
        text = f"{moment} {record.levelname} {record.name}: {record.getMessage()}"
        text = f"{text} {pairs}" if pairs else text
        if record.exc_info:
            text = f"{text}\n{self.formatException(record.exc_info)}"
        return text


def _text(value: Any) -> str:
    text = str(value)
    return json.dumps(text) if (not text or any(c in text for c in ' "=')) else text


def configure_logging(log_format: str, level: int = logging.INFO) -> None:
    """Send Televent's records to standard error in the chosen format ("json" or "text").

    The handler sits on the "televent" logger, which does not propagate: frameworks that
    configure the root logger when they start (Litestar does) leave these lines alone.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    logger = logging.getLogger("televent")
    for existing in list(logger.handlers):
        logger.removeHandler(existing)
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


def configure_access_log(enabled: bool) -> None:
    """Turn the access log (request and delivery lines) on at INFO, or off, independently of
    the level of the other records."""
    for name in ACCESS_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO if enabled else logging.CRITICAL + 1)
