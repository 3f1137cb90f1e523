"""/api/v1/events/{id}/rsvp and /api/v1/events/{id}/attendees: answers and who is invited.

Invitees are Televent users by @username or Telegram id (invited at their internal address,
so the invitation reaches them in Telegram, as the bot's /invite does) or anyone by email;
the scheduling is the same as from CalDAV or the bot (RFC 6638 implicit scheduling, iMIP
email for outside addresses). Attendees are the whole series'. Only the organizer changes
them (403 otherwise); an attendee answers with /rsvp, as the address they are invited as.

`DELETE /events/{id}/attendees/{address}` removes one (the address as listed, or @username or
Telegram id); `DELETE /events/{id}/attendees?address=...` does the same for clients that cannot
put an address in a path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from litestar import Controller, Response, delete, get, post
from litestar.params import HeaderParameter

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.event_access import EventAccess, etag_value, event_uuid
from televent.adapters.api.event_json import (
    AttendeeJson,
    EventJson,
    attendees_json,
    lead_component,
)
from televent.domain.errors import (
    ConflictError,
    DomainError,
    NotFoundError,
    NotInvitedError,
    PreconditionFailedError,
)
from televent.domain.event_fields import FieldError, instance_component
from televent.domain.sharing import Role
from televent.domain.values import PartStat, holds_control_characters, normalize_address
from televent.projections.invitees import invitee_address as read_invitee
from televent.projections.queries import Queries

ANSWERS = {
    "accepted": PartStat.ACCEPTED,
    "tentative": PartStat.TENTATIVE,
    "declined": PartStat.DECLINED,
}
IfMatch = Annotated[str | None, HeaderParameter(name="If-Match", required=False)]


def invitee_address(
    queries: Queries, domain: str, text: str, *, field: str = "invitee"
) -> tuple[str, str | None]:
    """The calendar address and display name of an invitee as a person writes it.

    Raises:
        FieldError: of `field` (`invitee`, or a new event's `attendees`), naming what was
            written, in the reader's words.
    """
    written = text.strip()
    shown, attendees = written[:80], field == "attendees"
    if holds_control_characters(text):
        refusal = FieldError(field, "an invitee contains control characters.")
        if attendees:
            raise refusal.worded("refusal-events-attendees-control-characters")
        raise refusal.worded("refusal-events-invitee-control-characters")
    try:
        return read_invitee(queries, domain, text)
    except DomainError as exc:
        # why (no such user, a user who never started the bot, unreadable) is the reader's
        # decision, named by its wording; the refusal says it with the field and the text
        why = _WHY.get((exc.wording or ("", {}))[0], "unreadable")
        raise FieldError(field, f"{written}: {exc}").worded(
            f"refusal-events-{field}-{why}", invitee=shown
        ) from None


# The reader's reason (projections/invitees.py) -> the refusal's: refusal-events-invitee-… and
# refusal-events-attendees-… (no-user, not-started, unreadable).
_WHY = {
    "invitee-no-user": "no-user",
    "invitee-not-started": "not-started",
    "invitee-unreadable": "unreadable",
}


def retrying(command: Callable[[], object], attempts: int = 3) -> None:
    """Run a command again when a concurrent change to the same event won: the command
    reloads the event and decides afresh."""
    for attempt in range(attempts):
        try:
            command()
            return
        except ConflictError:
            if attempt == attempts - 1:
                raise


def _answer(api: ApiContext, caller: Caller, event_id: str, body: dict[str, Any]) -> EventJson:
    status = body.get("status")
    if not isinstance(status, str) or status.lower() not in ANSWERS:
        raise FieldError("status", "must be accepted, tentative or declined.").worded(
            "refusal-events-rsvp-status"
        )
    occurrence = body.get("occurrence")
    if occurrence is not None and not isinstance(occurrence, str):
        raise FieldError("occurrence", "must be the recurrence_id of an occurrence.").worded(
            "refusal-events-rsvp-occurrence"
        )
    access = EventAccess(api, caller)
    uuid = event_uuid(event_id)
    obj = access.visible(uuid)
    address = access.reader.my_address(caller.account, uuid)
    if address is None:
        raise NotInvitedError("You are not invited to this event, so you cannot answer it.").worded(
            "refusal-calendars-not-invited"
        )
    recurrence_id = None
    if occurrence is not None:
        recurrence_id = instance_component(obj.ical, occurrence)["RECURRENCE-ID"].dt.isoformat()
    retrying(
        lambda: api.app.give_rsvp(
            uuid,
            address,
            ANSWERS[status.lower()],
            recurrence_id=recurrence_id,
            actor=caller.actor,
            source=caller.source,
        )
    )
    return access.event_by_id(uuid, occurrence)


def _attendees(api: ApiContext, caller: Caller, event_id: str) -> tuple[list[AttendeeJson], str]:
    obj = EventAccess(api, caller).visible(event_uuid(event_id))
    lead = lead_component(obj.ical)
    return ([] if lead is None else attendees_json(lead)), obj.etag


def _invite(
    api: ApiContext, caller: Caller, event_id: str, body: dict[str, Any], if_match: str | None
) -> EventJson:
    invitee = body.get("invitee", body.get("address"))
    if not isinstance(invitee, str) or not invitee.strip():
        raise FieldError("invitee", "give an @username, a Telegram id or an email address.").worded(
            "refusal-events-invitee-missing"
        )
    name = body.get("name")
    if name is not None and not isinstance(name, str):
        raise FieldError("name", "must be a string.").worded("refusal-events-invitee-name")
    access = EventAccess(api, caller)
    obj = access.organised(event_uuid(event_id))
    _check_version(obj.etag, if_match)
    address, known = invitee_address(api.queries, api.internal_domain, invitee)
    key, lead = normalize_address(address), lead_component(obj.ical)
    organizer = None if lead is None else lead.get("ORGANIZER")
    if key in access.mine and access.role(obj) is Role.OWNER:
        raise FieldError("invitee", "that is you; you organise this event.").worded(
            "refusal-events-invitee-yourself"
        )
    if organizer is not None and key == normalize_address(str(organizer)):
        raise FieldError("invitee", "that is the organizer of this event.").worded(
            "refusal-events-invitee-organizer"
        )
    retrying(
        lambda: api.app.invite_attendee(
            obj.event_id,
            address,
            known or name,
            actor=caller.actor,
            source=caller.source,
            by=access.account_id,
        )
    )
    return access.event_by_id(obj.event_id)


def _uninvite(
    api: ApiContext, caller: Caller, event_id: str, address: str | None, if_match: str | None
) -> str:
    if not address:
        raise FieldError("address", "name the attendee to remove.").worded(
            "refusal-events-attendee-whom"
        )
    access = EventAccess(api, caller)
    obj = access.organised(event_uuid(event_id))
    _check_version(obj.etag, if_match)
    try:
        value, _ = invitee_address(api.queries, api.internal_domain, address)
    except DomainError:
        value = address.strip()
    lead = lead_component(obj.ical)
    listed = [] if lead is None else attendees_json(lead)
    key = normalize_address(value)
    if not any(normalize_address(a["address"]) == key for a in listed):
        raise NotFoundError(f"{address} is not an attendee of this event.").worded(
            "refusal-events-attendee-unknown", address=address.strip()[:80]
        )
    retrying(
        lambda: api.app.remove_attendee(
            obj.event_id, value, actor=caller.actor, source=caller.source, by=access.account_id
        )
    )
    current = api.queries.object_by_event_id(obj.event_id)
    return obj.etag if current is None else current.etag


def _check_version(etag: str, if_match: str | None) -> None:
    expected = etag_value(if_match)
    if expected is not None and expected != etag:
        raise PreconditionFailedError("The event changed since you read it (If-Match).").worded(
            "refusal-calendars-event-changed"
        )


class AttendanceController(Controller):
    """Answers to an invitation, and the attendees of an event."""

    path = "/events/{event_id:str}"
    tags = ["events"]

    @post("/rsvp", status_code=200, summary="Answer an invitation")
    async def rsvp(
        self, caller: Caller, api: ApiContext, event_id: str, data: dict[str, Any]
    ) -> Response[EventJson]:
        """`{"status": "accepted|tentative|declined", "occurrence": <recurrence_id>?}`: the
        caller's answer (to the whole series, or to one occurrence), given as the address they
        are invited as; the organizer sees it at once. Returns the event. 422 when the caller
        is not invited."""
        event = await api.port.run(_answer, api, caller, event_id, data)
        return Response(event, headers={"ETag": event["etag"]})

    @get("/attendees", summary="Who is invited, and their answers")
    async def list_attendees(
        self, caller: Caller, api: ApiContext, event_id: str
    ) -> Response[dict[str, list[AttendeeJson]]]:
        """`{"items": [{"address", "name", "status"}]}`: the series' attendees."""
        items, etag = await api.port.run(_attendees, api, caller, event_id)
        return Response({"items": items}, headers={"ETag": etag})

    @post("/attendees", status_code=201, summary="Invite someone (organizer only)")
    async def invite(
        self,
        caller: Caller,
        api: ApiContext,
        event_id: str,
        data: dict[str, Any],
        if_match: IfMatch = None,
    ) -> Response[EventJson]:
        """`{"invitee": "@username" | "<telegram id>" | "someone@example.com", "name"?}`:
        invited to the whole series (a Televent user in Telegram, anyone else by email);
        returns the event with its attendees. 403 unless you organise the event."""
        event = await api.port.run(_invite, api, caller, event_id, data, if_match)
        return Response(event, status_code=201, headers={"ETag": event["etag"]})

    @delete("/attendees", status_code=204, summary="Remove an attendee (?address=)")
    async def uninvite_by_query(
        self,
        caller: Caller,
        api: ApiContext,
        event_id: str,
        address: str | None = None,
        if_match: IfMatch = None,
    ) -> Response[None]:
        """The attendee named by `address` (as listed, or @username, or Telegram id) is
        removed and told (a cancellation). 404 when not an attendee."""
        etag = await api.port.run(_uninvite, api, caller, event_id, address, if_match)
        return Response(None, status_code=204, headers={"ETag": etag})

    @delete("/attendees/{address:str}", status_code=204, summary="Remove an attendee")
    async def uninvite(
        self,
        caller: Caller,
        api: ApiContext,
        event_id: str,
        address: str,
        if_match: IfMatch = None,
    ) -> Response[None]:
        """The same as `DELETE /attendees?address=`."""
        etag = await api.port.run(_uninvite, api, caller, event_id, address, if_match)
        return Response(None, status_code=204, headers={"ETag": etag})
