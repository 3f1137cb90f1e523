"""`POST /webhooks/google`: Google's push notifications for the channels the leader opened on
mirrored Google calendars (docs/adr/0034; developers.google.com/calendar/api/guides/push),
mounted by adapters/http.py.

Google names the channel (`X-Goog-Channel-ID`), repeats the token it was opened with
(`X-Goog-Channel-Token`) and says what happened (`X-Goog-Resource-State`: `sync` when the
channel opens, answered 200 and otherwise ignored, as Google advises; `exists` when the
calendar changed). A change makes that calendar due at once
(`Televent.google_notified`): however many notifications arrive, the leader's next round syncs
it once, from its sync token. A channel that is not ours, or a token that is not its own,
answers 404 and changes nothing; Google's notifications carry no body, and none is read.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, post

from televent.adapters.connections.google_client import PUSH_PATH
from televent.adapters.port import AppPort
from televent.application.televent import Televent

MAX_BODY_BYTES = 1024  # Google sends none


def google_push_handlers(app: Televent, port: AppPort) -> list[Any]:
    """The route handler of Google's push notifications."""

    @post(PUSH_PATH, status_code=200, include_in_schema=False,
          request_max_body_size=MAX_BODY_BYTES)  # fmt: skip
    async def notified(request: Request[Any, Any, Any]) -> Response[None]:
        channel = request.headers.get("x-goog-channel-id", "")
        token = request.headers.get("x-goog-channel-token", "")
        state = request.headers.get("x-goog-resource-state", "")
        if not channel or not token:
            return Response(None, status_code=404)
        if state == "sync":  # the channel opens: nothing changed (Google sends it before
            return Response(None, status_code=200)  # the leader has noted the channel)
        ours = await port.run(app.google_notified, channel, token)
        return Response(None, status_code=200 if ours else 404)

    return [notified]
