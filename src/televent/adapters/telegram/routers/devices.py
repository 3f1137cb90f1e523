"""/device add|list|revoke: passwords for CalDAV apps (Apple Calendar, Thunderbird, DAVx5)."""

from __future__ import annotations

from html import escape

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from televent.projections.queries import AccountView

from ..context import BotContext
from ..service import Person

router = Router(name="devices")
USAGE = (
    "Devices get their own CalDAV password:\n"
    "<code>/device add laptop</code> — a new password (shown once)\n"
    "<code>/device list</code> — your devices\n"
    "<code>/device revoke laptop</code> — stop a device from syncing"
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
            f"🔑 Password for <b>{escape(issued.name)}</b> (shown only this once):\n"
            f"<code>{escape(issued.password)}</code>\n\n"
            "In Apple Calendar, Thunderbird or DAVx5 add a CalDAV account:\n"
            f"• Server: <code>{escape(ctx.caldav_url)}</code>\n"
            f"• User name: <code>{account.telegram_id}</code>\n"
            "• Password: the one above\n"
            f"Revoke it any time with <code>/device revoke {escape(issued.name)}</code>."
        )
    elif verb in ("list", "ls") or (command.command == "devices" and not verb):
        devices = await ctx.port.run(ctx.service.devices, person)
        if not devices:
            await message.answer("No devices yet. " + USAGE)
            return
        lines = ["<b>Your devices</b>"]
        for d in devices:
            used = f", last sync {d.last_used_at[:16].replace('T', ' ')}" if d.last_used_at else ""
            lines.append(f"• {escape(d.name)} — since {d.issued_at[:10]}{used}")
        await message.answer("\n".join(lines))
    elif verb in ("revoke", "remove", "delete") and name:
        await ctx.port.run(ctx.service.revoke_device, person, name)
        await message.answer(f"🚫 {escape(name)} can no longer sync.")
    else:
        await message.answer(USAGE)
