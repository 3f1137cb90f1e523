"""/api/v1/me/email and /api/v1/me/invite-address: linking one's own email with a mailed code,
and a new invitation address (docs/adr/0019). Every answer is the caller's account as
GET /api/v1/me shows it; the application decides and refuses (application/email_links.py,
application/invite_addresses.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import msgspec
from litestar import Controller, delete, post

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.me import Me, current_me
from televent.adapters.api.problems import problem_responses


class EmailToLink(msgspec.Struct, forbid_unknown_fields=True):
    """The address to mail a code to."""

    email: Annotated[str, msgspec.Meta(min_length=3, max_length=254)]


class EmailCode(msgspec.Struct, forbid_unknown_fields=True):
    """The code that came in the mail (six digits)."""

    code: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]


async def _then_me(api: ApiContext, caller: Caller, command: Callable[..., Any], *args: str) -> Me:
    """Run one of the caller's commands (as the caller), then answer their account as now."""
    await api.port.run(
        command, caller.account.telegram_id, *args, actor=caller.actor, source=caller.source
    )
    return await api.port.run(current_me, api, caller)


class MeEmailController(Controller):
    """The caller's email address and invitation address."""

    path = "/me"
    tags = ["me"]

    @post(
        "/email",
        summary="Mail a code to an address you want to link",
        status_code=202,
        responses=problem_responses(400, 409, 415, 422),
    )
    async def request_code(self, caller: Caller, api: ApiContext, data: EmailToLink) -> Me:
        """A six-digit code is mailed to `email`, valid 15 minutes and 5 tries; `email` then
        shows it with `email_verified` false. 422: not an address; 409: linked to another
        account (not saying which) or already to yours; 429 (Retry-After): too many codes
        lately (3 an hour per account, asking about an address linked to another counted too;
        5 a day per address and account, 20 a day per address). A new code replaces the last,
        and a verified address replaces the one linked before."""
        return await _then_me(api, caller, api.app.request_email_code, data.email)

    @post(
        "/email/verify",
        summary="Link the address with the code mailed to it",
        status_code=200,
        responses=problem_responses(400, 404, 409, 415, 422),
    )
    async def verify(self, caller: Caller, api: ApiContext, data: EmailCode) -> Me:
        """The right code links the address (`email_verified` true). 422: not a code, a wrong
        one (how many tries are left is said) or an expired one; 429: the tries are used up;
        404: no code is waiting; 409: another account linked the address meanwhile."""
        return await _then_me(api, caller, api.app.verify_email_code, data.code)

    @delete(
        "/email",
        summary="Unlink your email",
        status_code=200,
        responses=problem_responses(404),
    )
    async def unlink(self, caller: Caller, api: ApiContext) -> Me:
        """Unlinks your email (and drops a code still waiting); 404 when there is none.
        `unsent` then names the kinds of message chosen by email alone, which are not sent
        until an address is linked again."""
        return await _then_me(api, caller, api.app.remove_email)

    @post(
        "/invite-address",
        summary="A new invitation address (the old one stops)",
        status_code=200,
        responses=problem_responses(),
    )
    async def renew_invite_address(self, caller: Caller, api: ApiContext) -> Me:
        """Mail sent to the old address is ignored from now on."""
        return await _then_me(api, caller, api.app.renew_invite_address)
