"""/api/v1/devices: the CalDAV device passwords (the same as the bot's /device and the CLI's)."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, post
from litestar.params import Parameter

from televent.adapters.api.context import ApiContext, Caller
from televent.adapters.api.problems import problem_responses
from televent.projections.directory_reader import DeviceView


class Device(msgspec.Struct):
    """A device password's public facts (the password itself is shown once, at creation)."""

    name: str
    issued_at: str
    last_used_at: str | None


class NewDevice(msgspec.Struct, forbid_unknown_fields=True):
    """A device to create a password for."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class IssuedDevice(msgspec.Struct):
    """A new device password and how to set up a CalDAV client with it (shown only once)."""

    name: str
    password: str
    server: str  # the CalDAV URL to type into the client
    user_name: str  # the Telegram id


def device_of(view: DeviceView) -> Device:
    """The JSON form of a device."""
    return Device(name=view.name, issued_at=view.issued_at, last_used_at=view.last_used_at)


class DevicesController(Controller):
    """The caller's device passwords."""

    path = "/devices"
    tags = ["devices"]

    @get(summary="Your active device passwords", responses=problem_responses())
    async def list_devices(self, caller: Caller, api: ApiContext) -> list[Device]:
        views = await api.port.run(
            api.queries.devices_of, caller.account.account_id, include_revoked=False
        )
        return [device_of(view) for view in views]

    @post(
        summary="Create a device password (shown once)",
        status_code=201,
        responses=problem_responses(400, 409, 415, 422),
    )
    async def create(
        self, caller: Caller, api: ApiContext, data: NewDevice, request: Request[Any, Any, Any]
    ) -> IssuedDevice:
        """A name already used by an active device is 409; an invalid name is 422."""
        issued = await api.port.run(
            api.app.issue_device_password,
            caller.account.telegram_id,
            data.name.strip(),
            actor=caller.actor,
            source=caller.source,
        )
        base = api.public_url.rstrip("/") or str(request.base_url).rstrip("/")
        return IssuedDevice(
            name=issued.name,
            password=issued.password,
            server=f"{base}/",
            user_name=str(caller.account.telegram_id),
        )

    @delete(
        "/{name:str}",
        summary="Revoke a device password",
        status_code=204,
        responses=problem_responses(404),
    )
    async def revoke(
        self,
        caller: Caller,
        api: ApiContext,
        name: Annotated[str, Parameter(description="The device's name", max_length=64)],
    ) -> None:
        """The device stops syncing at once; 404 when no active device has this name."""
        await api.port.run(
            api.app.revoke_device_password,
            caller.account.telegram_id,
            name,
            actor=caller.actor,
            source=caller.source,
        )
