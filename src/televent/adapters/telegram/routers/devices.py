"""/device add|list|revoke: passwords for CalDAV apps (Apple Calendar, Thunderbird, DAVx5)."""

from __future__ import annotations

import datetime as dt
from html import escape

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from televent.adapters.i18n import current_language, t
from televent.adapters.i18n.formatting import day_with_year
from televent.projections.queries import AccountView

from .. import texts
from ..context import BotContext
from ..service import Person

router = Router(name="devices")


def _stamp(iso: str, account: AccountView) -> str:
    """A device's moment (ISO, UTC) in the person's zone, language and clock."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso[:16]
    local = texts.local(
        moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC), texts.zone(account.timezone)
    )
    return t(
        "bot-day-and-time",
        day=day_with_year(local.date(), current_language()),
        time=texts.clock(local, account.preferences.hour_cycle),
    )


@router.message(Command("device", "devices"))
async def device(
    message: Message, command: CommandObject, account: AccountView, person: Person, ctx: BotContext
) -> None:
    """Dispatch on the first word."""
    verb, _, name = (command.args or "").strip().partition(" ")
    verb, name = verb.lower(), name.strip()
    if verb in ("add", "new") and name:
        issued = await ctx.port.run(ctx.service.add_device, person, name)
        await message.answer(
            t(
                "bot-device-added",
                name=escape(issued.name),
                password=texts.code(issued.password),
                server=texts.code(ctx.caldav_url),
                user=texts.code(str(account.telegram_id)),
                revoke=texts.code(f"/device revoke {issued.name}"),
            )
        )
    elif verb in ("list", "ls") or (command.command == "devices" and not verb):
        devices = await ctx.port.run(ctx.service.devices, person)
        if not devices:
            await message.answer(f"{t('bot-device-none')} {t('bot-device-usage')}")
            return
        lines = [t("bot-device-list")]
        for d in devices:
            since = day_with_year(dt.date.fromisoformat(d.issued_at[:10]), current_language())
            if d.last_used_at:
                used = _stamp(d.last_used_at, account)
                lines.append(t("bot-device-line-used", name=escape(d.name), since=since, used=used))
            else:
                lines.append(t("bot-device-line", name=escape(d.name), since=since))
        await message.answer("\n".join(lines))
    elif verb in ("revoke", "remove", "delete") and name:
        await ctx.port.run(ctx.service.revoke_device, person, name)
        await message.answer(t("bot-device-revoked", name=escape(name)))
    else:
        await message.answer(t("bot-device-usage"))
