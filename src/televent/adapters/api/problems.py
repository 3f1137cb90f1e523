"""Errors of the JSON API as RFC 9457 problem details (`application/problem+json`).

Every error under /api answers with an object holding `type`, `title`, `status` and `detail`
(and, for input litestar finds invalid, `errors`: what was wrong where, for a developer:
`key` the field or parameter, `source` where it was, `message` the framework's explanation,
in English). Televent's own problems have a
`urn:televent:problem:<name>` type; plain HTTP errors (unknown route, wrong method, body too
large, wrong media type) use `about:blank`, whose title is the status phrase (RFC 9457 §4.2.1).
A bad request never answers 500: only a real bug does, logged with its traceback.

The `title` speaks the caller's language (the catalogue's `api-title-*`): the signed-in
caller's (their choice, else their Telegram's), else the request's Accept-Language, else
English, which keeps HTTP's status phrases; the answer says which in Content-Language. The
`detail` speaks that language too: one written here or in the API's own modules is a
ProblemError given a message to render (`ProblemError(401, lambda: t("api-..."))`); an error
the application raised is said by the catalogue message it names (`TeleventError.worded`,
rendered by `i18n.said`), and one that names none keeps its own message, in English. The
detail of input litestar finds invalid is the catalogue's too, naming the field and where it
was (the framework's English explanation stays in `errors`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import Any

import msgspec
from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException, SerializationException, ValidationException
from litestar.exceptions.responses import create_exception_response
from litestar.openapi.datastructures import ResponseSpec
from litestar.types import ExceptionHandlersMap

from televent.adapters.i18n import current_language, said, speaking, t
from televent.adapters.ratelimit import QUOTA_REFUSAL
from televent.domain.calendar_import import ImportTooLargeError
from televent.domain.errors import (
    ConflictError,
    DomainError,
    ForbiddenError,
    NotFoundError,
    PreconditionFailedError,
    TeleventError,
    TooManyRequestsError,
)
from televent.domain.languages import DEFAULT_LANGUAGE, from_accept_language, language_for
from televent.projections.queries import AccountView

PROBLEM_JSON = "application/problem+json"
LOG = logging.getLogger(__name__)
# Set in a request's ASGI scope when its caller is known: the languages they read (their
# choice, their Telegram's), for the problem an error of that request answers with.
CALLER_LANGUAGES = "televent.caller_languages"


class ProblemDocument(msgspec.Struct):
    """An error (RFC 9457): `type` names the kind, `detail` says what went wrong."""

    type: str
    title: str
    status: int
    detail: str


AUTH_STATUSES = (401, 403, 429)
_MEANINGS = {
    400: "Invalid input (not JSON, or not the shape this takes)",
    401: "No, wrong or expired credentials",
    403: "A Telegram user without an account, or your role does not allow this",
    404: "Not found (or another user's)",
    409: "Conflicts with the current state",
    410: "The token has expired",
    412: "If-Match names an older version",
    415: "The body is not JSON",
    422: "Refused by the rules",
    429: "Too many failed logins, or too many codes asked for",
}


def problem_responses(*statuses: int) -> dict[int, ResponseSpec]:
    """The OpenAPI description of the problems an endpoint may answer (and the sign-in ones)."""
    return {
        status: ResponseSpec(
            data_container=ProblemDocument,
            description=_MEANINGS.get(status, "Error"),
            media_type=PROBLEM_JSON,
            generate_examples=False,
        )
        for status in sorted({*statuses, *AUTH_STATUSES})
    }


def problem_type(name: str) -> str:
    """The type URI of one of Televent's problems."""
    return f"urn:televent:problem:{name}"


class ProblemError(Exception):
    """An error the API answers with a problem document (raised by handlers and auth).
    `detail` is a text, or a function that renders it from the catalogue in the current
    language (`lambda: t("api-...")`), called in the caller's language when answering;
    `self.detail` is then its English."""

    def __init__(
        self,
        status: int,
        detail: str | Callable[[], str],
        *,
        name: str | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        if callable(detail):
            self.render: Callable[[], str] | None = detail
            with speaking(DEFAULT_LANGUAGE):
                detail = detail()
        else:
            self.render = None
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.type = problem_type(name) if name else "about:blank"
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def detail_in(self, language: str) -> str:
        """The detail in `language` (as it was given when it is a plain text)."""
        if self.render is None:
            return self.detail
        with speaking(language):
            return self.render()


def remember_caller(request: Request[Any, Any, Any], account: AccountView) -> None:
    """Note the signed-in caller's languages on the request, for its problems' language."""
    request.scope[CALLER_LANGUAGES] = (  # type: ignore[literal-required]
        account.preferences.language,
        account.telegram_language,
    )


def problem_language(request: Request[Any, Any, Any]) -> str:
    """The language a request's problem speaks: the caller's (their choice, else their
    Telegram's), else the request's Accept-Language, else English."""
    found = request.scope.get(CALLER_LANGUAGES)
    caller: tuple[str | None, ...] = found if isinstance(found, tuple) else ()
    browser = from_accept_language(request.headers.get("accept-language"))
    return language_for(None, *caller, browser)


def problem_title(status: int, language: str) -> str:
    """The title of a problem with this status (RFC 9457 §3.1.3), in `language`; English
    titles are HTTP's status phrases."""
    message = _TITLES.get(status)
    if message is None:
        if language == DEFAULT_LANGUAGE:
            try:
                return HTTPStatus(status).phrase
            except ValueError:
                pass
        message = _TITLES[500] if status >= 500 else _TITLES[400]
    with speaking(language):
        return message()


def problem_response(
    status: int,
    detail: str,
    *,
    type_: str = "about:blank",
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Response[dict[str, Any]]:
    """The problem document for `status`, its title in `language` (English: the status
    phrase), with Content-Language."""
    title = problem_title(status, language)
    body: dict[str, Any] = {"type": type_, "title": title, "status": status, "detail": detail}
    body.update(extra or {})
    answer_headers = {**dict(headers or {}), "Content-Language": language}
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=answer_headers)


# The HTTP status and problem name of each kind of error, the most specific first.
_DOMAIN_STATUSES: tuple[tuple[type[TeleventError], int, str], ...] = (
    (NotFoundError, 404, "not-found"),
    (ImportTooLargeError, 413, "too-large"),
    (ForbiddenError, 403, "forbidden"),
    (PreconditionFailedError, 412, "precondition-failed"),
    (TooManyRequestsError, 429, "too-many-requests"),
    (ConflictError, 409, "conflict"),
    (DomainError, 422, "unprocessable"),
)


def domain_status(exc: TeleventError) -> tuple[int, str]:
    """The HTTP status and problem name of an error the application raised."""
    for kind, status, name in _DOMAIN_STATUSES:
        if isinstance(exc, kind):
            return status, name
    return 400, "bad-request"


def is_api(request: Request[Any, Any, Any]) -> bool:
    """Whether the request is one for the JSON API (answered with problem documents)."""
    path = request.scope.get("path", "")
    return path == "/api" or path.startswith("/api/")


def _plain(status: int, detail: str, headers: Mapping[str, str] | None = None) -> Response[str]:
    """Outside /api (the Mini App's files, health, webhooks): a short text answer."""
    return Response(
        detail + "\n",
        status_code=status,
        media_type=MediaType.TEXT,
        headers=dict(headers or {}),
    )


def handle_problem(request: Request[Any, Any, Any], exc: ProblemError) -> Response[Any]:
    """A ProblemError raised by a handler or by authentication."""
    if not is_api(request):
        return _plain(exc.status, exc.detail, exc.headers)
    language = problem_language(request)
    return problem_response(
        exc.status,
        exc.detail_in(language),
        type_=exc.type,
        headers=exc.headers,
        extra=exc.extra,
        language=language,
    )


def handle_televent_error(request: Request[Any, Any, Any], exc: TeleventError) -> Response[Any]:
    """An error of the application: its message is safe to show (domain/errors.py); the
    detail is its wording in the caller's language, when it has one."""
    status, name = domain_status(exc)
    if isinstance(exc, TooManyRequestsError):  # a signed-in caller's quota, not a failed login
        request.scope[QUOTA_REFUSAL] = True  # type: ignore[literal-required]
    language = problem_language(request)
    if not is_api(request):
        return _plain(status, said(exc, language))
    extra: dict[str, Any] = {}
    precondition = getattr(exc, "precondition", None)
    if isinstance(precondition, str):
        extra["precondition"] = precondition
    if isinstance(exc, ForbiddenError):
        extra["needs"] = str(exc.action)  # the right the caller's role lacks (domain/sharing.py)
    headers = {}
    if isinstance(exc, TooManyRequestsError) and exc.retry_after:
        headers["Retry-After"] = str(exc.retry_after)
    return problem_response(
        status,
        said(exc, language),
        type_=problem_type(name),
        extra=extra,
        headers=headers,
        language=language,
    )


def handle_http_exception(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    """litestar's own errors: unknown route (404), wrong method (405), body too large (413),
    and invalid input (400, with what was wrong where); outside /api as litestar answers them."""
    status = exc.status_code
    headers = dict(exc.headers or {})
    if status >= 500:  # litestar raises these only for its own failures: a bug
        LOG.error("HTTP %s on %s %s: %s", status, request.method, request.url.path, exc.detail)
    if not is_api(request):
        return create_exception_response(request, exc)  # as litestar answers by default
    language = problem_language(request)
    with speaking(language):
        if isinstance(exc, ValidationException):
            errors = _validation_errors(exc)
            return problem_response(
                400,
                _validation_detail(errors),
                type_=problem_type("invalid-request"),
                extra={"errors": errors} if errors else None,
                language=language,
            )
        if status == 400:  # a request litestar could not read: its words stay in `errors`
            unreadable = isinstance(exc.__cause__, SerializationException)
            return problem_response(
                400,
                t("api-detail-malformed-json") if unreadable else t("api-detail-invalid"),
                type_=problem_type("invalid-request"),
                headers=headers,
                extra=_unread(exc, "body" if unreadable else None),
                language=language,
            )
        return problem_response(status, _detail(exc), headers=headers, language=language)


def handle_too_deep(request: Request[Any, Any, Any], exc: RecursionError) -> Response[Any]:
    """A body nested deeper than the decoder goes (`[[[[…` a hundred thousand times): bad
    input, answered 400 without a traceback in the log (anyone may send it, signed in or
    not)."""
    LOG.warning("A body nested too deeply on %s %s", request.method, request.url.path)
    language = problem_language(request)
    with speaking(language):
        detail = t("api-detail-too-deep")
        if not is_api(request):
            return _plain(400, detail)
        return problem_response(
            400, detail, type_=problem_type("invalid-request"), language=language
        )


def handle_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """Anything else is a bug: logged with its traceback, answered with a bare 500."""
    LOG.exception("Unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    if not is_api(request):
        with speaking(DEFAULT_LANGUAGE):
            return _plain(500, t("api-detail-server-error"))
    language = problem_language(request)
    with speaking(language):
        return problem_response(500, t("api-detail-server-error"), language=language)


def _detail(exc: HTTPException) -> str:
    """The detail of one of litestar's own errors, in the current language (`speaking`)."""
    status = exc.status_code
    if status == 404:
        return t("api-detail-no-route")
    if status == 405:
        allowed = (exc.headers or {}).get("allow")
        if allowed:
            return t("api-detail-wrong-method-allowed", allowed=allowed)
        return t("api-detail-wrong-method")
    if status == 413:
        return t("api-detail-too-large")
    detail = str(exc.detail or "")
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    if detail and detail != phrase:
        return detail  # litestar's own words
    return problem_title(status, current_language())


# litestar's own explanations that name a field: the body's fields missing or unknown (msgspec,
# where the key is the whole body's, `data`), and a required parameter left out.
_MISSING_FIELD = re.compile(r"Object missing required field `([^`]*)`")
_UNKNOWN_FIELD = re.compile(r"Object contains unknown field `([^`]*)`")
_MISSING_PARAMETER = re.compile(r"Missing required (\w+) parameter '([^']*)'")
_BODY = "data"  # litestar's key of the request body as a whole
_SOURCES = ("body", "query", "header", "cookie", "path")


def _validation_errors(exc: ValidationException) -> list[dict[str, Any]]:
    """What litestar found wrong where, for a developer: `key` the field or parameter (the
    field a body lacks or should not have, not the body's `data`), `source` where it was,
    `message` litestar's explanation (in English)."""
    errors: list[dict[str, Any]] = []
    for found in exc.extra if isinstance(exc.extra, list) else []:
        if not isinstance(found, dict):
            continue
        error = {k: v for k, v in found.items() if k in ("key", "message", "source")}
        source = error.get("source")
        if source is not None:
            error["source"] = str(getattr(source, "value", source))  # litestar's ParamType
        named = _named_field(str(error.get("message") or ""))
        if named is not None:
            key = str(error.get("key") or "")
            error["key"] = named if key in ("", _BODY) else f"{key}.{named}"
        errors.append(error)
    if not errors and exc.detail:
        missing = _MISSING_PARAMETER.match(str(exc.detail))
        if missing is not None:
            errors.append(
                {
                    "key": missing.group(2),
                    "message": missing.group(0),
                    "source": missing.group(1).lower(),
                }
            )
    return errors


def _named_field(message: str) -> str | None:
    """The field of the body a msgspec explanation names as missing or unknown."""
    found = _MISSING_FIELD.match(message) or _UNKNOWN_FIELD.match(message)
    return None if found is None else found.group(1)


def _unread(exc: HTTPException, source: str | None) -> dict[str, Any] | None:
    """litestar's words about a request it could not read, as `errors` (none when it said
    nothing but the status phrase)."""
    words = str(exc.detail or "")
    if not words or words == HTTPStatus.BAD_REQUEST.phrase:
        return None
    error: dict[str, Any] = {"message": words}
    if source is not None:
        error["source"] = source
    return {"errors": [error]}


def _validation_detail(errors: list[dict[str, Any]]) -> str:
    """What was wrong, in the current language: the field (as the request named it) and where
    it was; litestar's explanation, in English, stays in `errors`."""
    if not errors:
        return t("api-detail-invalid")
    first = errors[0]
    field = str(first.get("key") or "")[:80]
    source = str(first.get("source") or "body")
    source = source if source in _SOURCES else "body"
    message = str(first.get("message") or "")
    if _MISSING_PARAMETER.match(message) or _MISSING_FIELD.match(message):
        return t("api-detail-missing-field", field=field, source=source)
    if _UNKNOWN_FIELD.match(message):
        return t("api-detail-unknown-field", field=field)
    if not field or (field == _BODY and source == "body"):
        return t("api-detail-invalid-body")
    return t("api-detail-invalid-field", field=field, source=source)


# The title of each status (English: HTTP's status phrase), rendered in the current language.
_TITLES: dict[int, Callable[[], str]] = {
    400: lambda: t("api-title-bad-request"),
    401: lambda: t("api-title-unauthorized"),
    403: lambda: t("api-title-forbidden"),
    404: lambda: t("api-title-not-found"),
    405: lambda: t("api-title-method-not-allowed"),
    409: lambda: t("api-title-conflict"),
    410: lambda: t("api-title-gone"),
    412: lambda: t("api-title-precondition-failed"),
    413: lambda: t("api-title-too-large"),
    415: lambda: t("api-title-unsupported-media-type"),
    422: lambda: t("api-title-unprocessable"),
    429: lambda: t("api-title-too-many-requests"),
    500: lambda: t("api-title-server-error"),
    503: lambda: t("api-title-unavailable"),
}


EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    ProblemError: handle_problem,
    TeleventError: handle_televent_error,
    HTTPException: handle_http_exception,
    RecursionError: handle_too_deep,
    Exception: handle_unexpected,
}
