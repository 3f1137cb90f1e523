"""Telegram group calendars in the bot, on SQLite and PostgreSQL (docs/adr/0018): the group's
calendar made on first use, `/create` posting a card with ✅ ❔ ❌ whose tally is edited in
place (bursts coalesced), listings for every member of the group, [Join this calendar], the
admins' settings, reminders posted in the group, the bot removed and added again, and forged
or misplaced buttons that change nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import time
from typing import Any
from uuid import UUID

import pytest

from televent.adapters.telegram import group_service
from televent.adapters.telegram.mini_app import MiniApp
from televent.application.televent import Televent
from televent.domain.errors import DomainError, ForbiddenError, NotFoundError
from televent.domain.group_chat import (
    GroupChat,
    group_chat_id_for,
    group_slug,
    group_source,
    with_guest_answer,
)
from televent.domain.ical_edits import render_event
from televent.domain.sharing import Role, Status
from televent.domain.values import PartStat, Source, SourceKind, account_id_for, calendar_id_for
from televent.projections.rebuild import Rebuilder
from tests.bot_harness import BotHarness, at, run_scenario, texts_of
from tests.botapi import BOT_USERNAME, Call

ALICE, BOB, CAROL = 1, 2, 3  # @alice, @bob, @carol in the harness
DAN = 5  # never talked to the bot privately
ERIN = 4
GROUP, OTHER = -1001234567890, -1009876543210
TITLE = "Climbing club"
DOMAIN = "televent.internal"
_ids = itertools.count(10_000)
WHO = {"actor": "", "source": ""}


def _chat(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "type": "supergroup", "title": TITLE if chat_id == GROUP else "Other"}


async def say(h: BotHarness, user_id: int, text: str, chat: int = GROUP) -> list[Call]:
    """A message in a group (privacy mode: commands and replies to the bot reach it)."""
    before = len(h.api.calls())
    message: dict[str, Any] = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": _chat(chat),
        "from": h._user(user_id),
        "text": text,
    }
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    await h.dispatcher.feed_raw_update(h.bot, {"update_id": next(_ids), "message": message})
    return h.api.calls()[before:]


async def member_status(h: BotHarness, user: int, old: str, new: str) -> None:
    """A `chat_member` update (sent to a bot that is an admin): Alice changed `user`'s status
    in the group from `old` to `new` ("member", "administrator", "kicked"...)."""
    update: dict[str, Any] = {
        "chat": _chat(GROUP), "from": h._user(ALICE), "date": int(time.time()),
        "old_chat_member": {"status": old, "user": h._user(user)},
        "new_chat_member": {"status": new, "user": h._user(user)},
    }  # fmt: skip
    for member in (update["old_chat_member"], update["new_chat_member"]):
        if member["status"] == "administrator":
            member.update(
                can_be_edited=False, is_anonymous=False, can_manage_chat=True,
                can_delete_messages=False, can_manage_video_chats=False,
                can_restrict_members=False, can_promote_members=False,
                can_change_info=False, can_invite_users=True, can_post_stories=False,
                can_edit_stories=False, can_delete_stories=False,
                can_send_welcome_messages=False,
            )  # fmt: skip
        elif member["status"] == "kicked":
            member["until_date"] = 0
    await h.dispatcher.feed_raw_update(h.bot, {"update_id": next(_ids), "chat_member": update})


async def tap(
    h: BotHarness, user_id: int, data: str, card: Call | None = None, chat: int = GROUP
) -> list[Call]:
    """A tap on a button of a message in a group (or forged data)."""
    before = len(h.api.calls())
    shown = {
        "message_id": card.message_id if card is not None else 999,
        "date": int(time.time()),
        "chat": _chat(chat),
        "text": card.text if card is not None else "old message",
    }
    query = {
        "id": f"q{next(_ids)}",
        "from": h._user(user_id),
        "chat_instance": "gi",
        "data": data,
        "message": shown,
    }
    await h.dispatcher.feed_raw_update(h.bot, {"update_id": next(_ids), "callback_query": query})
    return h.api.calls()[before:]


async def bot_status(h: BotHarness, old: str, new: str, chat: int = GROUP) -> list[Call]:
    """The bot added to or removed from the group (a my_chat_member update)."""
    before = len(h.api.calls())
    me = {"id": 123, "is_bot": True, "first_name": "Televent Test", "username": BOT_USERNAME}
    update = {
        "chat": _chat(chat),
        "from": h._user(ALICE),
        "date": int(time.time()),
        "old_chat_member": {"status": old, "user": me},
        "new_chat_member": {"status": new, "user": me},
    }
    if new == "kicked":
        update["new_chat_member"]["until_date"] = 0
    if old == "kicked":
        update["old_chat_member"]["until_date"] = 0
    await h.dispatcher.feed_raw_update(h.bot, {"update_id": next(_ids), "my_chat_member": update})
    return h.api.calls()[before:]


def sent(calls: list[Call], chat: int = GROUP) -> list[Call]:
    return [c for c in calls if c.method == "sendMessage" and c.chat_id == chat and not c.failed]


def buttons(call: Call) -> list[tuple[str, str]]:
    markup = call.params.get("reply_markup") or {}
    return [(b["text"], b["callback_data"]) for row in markup["inline_keyboard"] for b in row]


def alert(calls: list[Call]) -> str:
    [answer] = [c for c in calls if c.method == "answerCallbackQuery"]
    return str(answer.params.get("text") or "").removeprefix("⚠️ ")


def edits(calls: list[Call]) -> list[str]:
    return [c.text for c in calls if c.method == "editMessageText" and not c.failed]


def answers(app: Televent, event_id: UUID) -> dict[str, str]:
    return {row["address"]: row["partstat"] for row in app.queries.attendees_of(event_id)}


def event_of(card: Call) -> UUID:
    data = next(d for _, d in buttons(card) if d.startswith("ga:"))
    return UUID(hex=data.split(":")[1])


def group_calendar(app: Televent) -> UUID:
    found = app.queries.group_chat(GROUP)
    assert found is not None
    return found.calendar_id


async def create(h: BotHarness, user_id: int, line: str, chat: int = GROUP) -> Call:
    """`/create` in the group; the card it posted."""
    calls = await say(h, user_id, f"/create {line}", chat)
    cards = [c for c in sent(calls, chat) if any(d.startswith("ga:") for _, d in buttons(c))]
    assert len(cards) == 1, [c.text for c in calls]
    return cards[0]


# --- the group's calendar and its cards ------------------------------------------------------


def test_first_create_opens_the_calendar_and_posts_the_card(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        calls = await say(h, ALICE, "/create Team lunch, tomorrow 13:00, 1h, Cafe Central")
        posted = sent(calls)
        assert len(posted) == 2, [c.text for c in calls]
        assert posted[0].text.startswith("📅 This group now has a calendar: <b>Climbing club</b>")
        assert buttons(posted[0]) == [("📅 Join this calendar", f"gj:{GROUP}")]
        card = posted[1]
        # in the calendar owner's language and clock (Alice: English, 12 hours)
        assert card.text.startswith(
            "📅 <b>Team lunch</b>\n🕒 Mon, Mar 2, 1:00\u202fPM–2:00\u202fPM"
        )
        assert "📍 Cafe Central" in card.text
        assert card.text.endswith("✅ 0 · ❔ 0 · ❌ 0")
        event_id = event_of(card)
        assert [text for text, _ in buttons(card)] == ["✅ Going", "❔ Maybe", "❌ Can't", "👥 Who"]
        assert not [c for c in calls if c.chat_id == ALICE]  # nothing private in a group

        # The first to use it owns it (registered on the spot); an ordinary calendar of theirs.
        owner = account_id_for(ALICE)
        assert app.queries.account_by_telegram_id(ALICE) is not None
        found = app.queries.group_chat(GROUP)
        assert found is not None and found.owner_id == owner and found.title == TITLE
        assert found.calendar_id == calendar_id_for(owner, group_slug(GROUP))
        view = app.queries.calendar(found.calendar_id)
        assert view is not None and view.slug == "group-1001234567890"
        assert view.display_name == TITLE
        obj = app.queries.object_by_event_id(event_id)
        assert obj is not None and obj.calendar_id == found.calendar_id

        # Using it again finds the same calendar; nobody else is registered by writing here.
        again = await create(h, BOB, "Board meeting, tomorrow 18:00")
        assert app.queries.group_chat(GROUP) == found
        assert app.queries.account_by_telegram_id(BOB) is None
        assert event_of(again) != event_id

    run_scenario(app, api, clock, scenario)


def test_members_answer_and_the_tally_is_edited(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.ctx.group_cards.interval = 0.05
        await h.register(BOB)
        card = await create(h, ALICE, "Team lunch, tomorrow 13:00")
        event_id = event_of(card)
        await h.deliver()

        calls = await tap(h, BOB, f"ga:{event_id.hex}:Y", card)
        assert alert(calls) == "✅ Noted"
        calls += await tap(h, CAROL, f"ga:{event_id.hex}:M", card)
        calls += await tap(h, DAN, f"ga:{event_id.hex}:N", card)
        before = len(api.calls())
        await h.ctx.group_cards.settle()
        shown = edits(calls + api.calls()[before:])
        assert shown and shown[-1].endswith("✅ 1 · ❔ 1 · ❌ 1")
        assert answers(app, event_id) == {
            f"tg_{BOB}@{DOMAIN}": "ACCEPTED",
            f"tg_{CAROL}@{DOMAIN}": "TENTATIVE",
            f"tg_{DAN}@{DOMAIN}": "DECLINED",
        }
        assert app.queries.account_by_telegram_id(DAN) is None  # answering needs no account

        who = await tap(h, ALICE, f"gw:{event_id.hex}", card)
        assert alert(who) == "✅ Bob\n❔ Carol\n❌ User5"

        # Changing one's mind changes the answer, not the number of attendees.
        await tap(h, DAN, f"ga:{event_id.hex}:Y", card)
        before = len(api.calls())
        await h.ctx.group_cards.settle()
        assert edits(api.calls()[before:])[-1].endswith("✅ 2 · ❔ 1 · ❌ 0")
        assert len(answers(app, event_id)) == 3

        # The group card is where people answer: no private cards, no notices to the owner.
        delivered = await h.deliver()
        assert [c.text for c in delivered if c.method == "sendMessage"] == []

    run_scenario(app, api, clock, scenario)


def test_a_burst_of_taps_ends_with_the_right_tally(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.ctx.group_cards.interval = 0.3
        card = await create(h, ALICE, "Party, tomorrow 20:00")
        event_id = event_of(card)
        before = len(api.calls())
        codes = "YYMNYNYYMY"
        for index, code in enumerate(codes):
            await tap(h, 100 + index, f"ga:{event_id.hex}:{code}", card)
        await tap(h, 100, f"ga:{event_id.hex}:N", card)  # the first one changes their mind
        await h.ctx.group_cards.settle()
        made = [c for c in api.calls()[before:] if c.method == "editMessageText"]
        shown = edits(made)
        assert 1 <= len(shown) < 11, shown  # eleven taps, coalesced
        gaps = [b.at - a.at for a, b in itertools.pairwise(made)]
        assert all(gap >= 0.25 for gap in gaps), gaps  # one edit per card per interval
        assert shown[-1].endswith("✅ 5 · ❔ 2 · ❌ 3")
        assert list(answers(app, event_id).values()).count("ACCEPTED") == 5

    run_scenario(app, api, clock, scenario)


def test_listings_in_the_group_for_every_member(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await create(h, ALICE, "Team lunch, tomorrow 13:00")
        await create(h, ALICE, f"Far away, {'2026-04-20'} 10:00")
        [week] = texts_of(await say(h, BOB, "/week"))
        assert week.startswith("<b>This week</b>")
        assert "Team lunch" in week and "Far away" not in week
        [today] = texts_of(await say(h, CAROL, f"/today@{BOT_USERNAME}"))
        assert "Nothing planned" in today
        [tomorrow] = texts_of(await say(h, DAN, "/tomorrow"))
        assert "Team lunch" in tomorrow
        [coming] = texts_of(await say(h, BOB, f"/list@{BOT_USERNAME}"))
        assert "Team lunch" in coming and "Far away" in coming

        # /cmd@botname works; a command for another bot, or plain chatter, is left alone.
        card = await create(h, BOB, "Climb, tomorrow 18:00", chat=GROUP)
        assert "Climb" in card.text
        calls = await say(h, BOB, f"/create@{BOT_USERNAME} Dinner, tomorrow 20:00")
        assert any("Dinner" in c.text for c in sent(calls))
        assert texts_of(await say(h, BOB, "/week@some_other_bot")) == []
        assert texts_of(await say(h, BOB, "/share family @carol")) == []
        [hint] = texts_of(await say(h, BOB, f"/share@{BOT_USERNAME} family @carol"))
        assert "private chat" in hint
        assert app.queries.account_by_telegram_id(BOB) is None  # no private-chat answers

    run_scenario(app, api, clock, scenario)


def test_join_adds_a_member_with_the_groups_role(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        api.set_admins(GROUP, ALICE, CAROL)
        await create(h, ALICE, "Team lunch, tomorrow 13:00")
        calendar_id = group_calendar(app)
        [about] = sent(await say(h, BOB, "/calendar"))
        assert "kept by Alice, 0 joined" in about.text
        assert buttons(about) == [("📅 Join this calendar", f"gj:{GROUP}")]

        joined = await tap(h, BOB, f"gj:{GROUP}", about)
        assert alert(joined) == "‘Climbing club’ is in your calendars now — can edit."
        bob = account_id_for(BOB)  # registered by joining
        assert app.queries.role_in(calendar_id, bob) is Role.WRITE
        shared = app.queries.shared_with(bob)
        assert [s.calendar_id for s in shared] == [calendar_id]
        assert shared[0].status is Status.ACTIVE
        assert texts_of(await h.deliver()) == []  # no invitation card, no notice to the owner

        # An admin of the group manages it; joining twice changes nothing.
        await tap(h, CAROL, f"gj:{GROUP}", about)
        assert app.queries.role_in(calendar_id, account_id_for(CAROL)) is Role.MANAGE
        again = await tap(h, BOB, f"gj:{GROUP}", about)
        assert "can edit" in alert(again)
        assert len(app.queries.members_of(calendar_id)) == 2
        mine = await tap(h, ALICE, f"gj:{GROUP}", about)
        assert alert(mine) == "‘Climbing club’ is yours: it is in your calendars."

        # Joined: the group's events are in Bob's own listing too.
        [week] = texts_of(await h.say(BOB, "/week"))
        assert "Team lunch" in week

    run_scenario(app, api, clock, scenario)


def test_settings_are_for_admins(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        api.set_admins(GROUP, CAROL)
        await create(h, ALICE, "Team lunch, tomorrow 13:00")
        calendar_id = group_calendar(app)
        refused = texts_of(await say(h, BOB, "/calendar edit off"))
        assert refused == ["⚠️ Only the group's admins can change its calendar settings."]
        found = app.queries.group_chat(GROUP)
        assert found is not None and found.members_edit

        assert texts_of(await say(h, CAROL, "/calendar edit off")) == [
            "✅ View-only: admins add events."
        ]
        found = app.queries.group_chat(GROUP)
        assert found is not None and not found.members_edit
        objects = len(app.queries.objects_in(calendar_id))
        assert texts_of(await say(h, BOB, "/create Sneaky, tomorrow 10:00")) == [
            "⚠️ This group's calendar is view-only: only admins add events."
        ]
        assert len(app.queries.objects_in(calendar_id)) == objects
        await create(h, CAROL, "Admins may, tomorrow 10:00")
        await create(h, ALICE, "The owner may, tomorrow 11:00")

        await tap(h, DAN, f"gj:{GROUP}")
        assert app.queries.role_in(calendar_id, account_id_for(DAN)) is Role.READ

    run_scenario(app, api, clock, scenario)


def test_reminders_are_posted_in_the_group(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        api.set_admins(GROUP, ALICE)
        at(clock, clock().replace(hour=9, minute=0))
        await create(h, ALICE, "Stand-up, today 9:10")
        await h.remind()
        posted = sent(await h.deliver())
        assert len(posted) == 1 and posted[0].text.startswith("⏰ <b>Stand-up</b> starts in 10")
        assert not [c for c in await h.deliver() if c.chat_id == ALICE]

        await say(h, ALICE, "/calendar reminders off")
        await create(h, ALICE, "Retro, today 9:12")
        await h.remind()
        assert sent(await h.deliver()) == []

    run_scenario(app, api, clock, scenario)


def test_the_bot_removed_and_added_again_keeps_the_calendar(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        card = await create(h, ALICE, "Team lunch, tomorrow 13:00")
        await tap(h, BOB, f"gj:{GROUP}")
        before = app.queries.group_chat(GROUP)
        assert before is not None and before.present

        assert sent(await bot_status(h, "member", "kicked")) == []
        gone = app.queries.group_chat(GROUP)
        assert gone is not None and not gone.present
        assert app.queries.calendar(gone.calendar_id) is not None  # kept with its owner
        assert app.queries.role_in(gone.calendar_id, account_id_for(BOB)) is Role.WRITE

        [back] = sent(await bot_status(h, "kicked", "member"))
        assert back.text.startswith("👋 Back again: <b>Climbing club</b>")
        found = app.queries.group_chat(GROUP)
        assert found is not None and found.present and found.calendar_id == before.calendar_id
        [week] = texts_of(await say(h, CAROL, "/week"))
        assert "Team lunch" in week
        await tap(h, CAROL, f"ga:{event_of(card).hex}:Y", card)
        assert answers(app, event_of(card)) == {f"tg_{CAROL}@{DOMAIN}": "ACCEPTED"}

        # A group the bot is added to for the first time: a welcome, no calendar yet.
        [hello] = sent(await bot_status(h, "left", "member", chat=OTHER), chat=OTHER)
        assert "/create" in hello.text
        assert app.queries.group_chat(OTHER) is None

    run_scenario(app, api, clock, scenario)


def test_forged_and_misplaced_buttons_change_nothing(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        card = await create(h, ALICE, "Team lunch, tomorrow 13:00")
        other = await create(h, CAROL, "Other club's dinner, tomorrow 19:00", chat=OTHER)
        event_id, elsewhere = event_of(card), event_of(other)

        # Another group's card answered from this group (a forged button): refused.
        calls = await tap(h, BOB, f"ga:{elsewhere.hex}:Y", card)
        assert alert(calls) == "That event is not in this group's calendar."
        assert answers(app, elsewhere) == {}
        calls = await tap(h, BOB, f"gw:{elsewhere.hex}", card)
        assert alert(calls) == "That event is not in this group's calendar."
        # A join naming another group, in this group: refused.
        calls = await tap(h, BOB, f"gj:{OTHER}", card)
        assert alert(calls) == "This button belongs to another group."
        assert app.queries.account_by_telegram_id(BOB) is None
        # Garbage, an unknown answer, a private chat's button in a group, an event id that
        # names nothing: a clear answer, nothing changed.
        for data in (
            "ga:zz:Y",
            f"ga:{event_id.hex}:Q",
            f"rsvp:{event_id.hex}:A",
            f"ga:{'0' * 32}:Y",
            "nonsense",
        ):
            calls = await tap(h, BOB, data, card)
            assert alert(calls) in (
                "That button does not work here any more.",
                "That event is not in this group's calendar.",
            ), data
            assert not edits(calls)
        assert answers(app, event_id) == {}
        # Join in a group whose calendar was never opened.
        calls = await tap(h, BOB, "gj:-100555", chat=-100555)
        assert "no calendar yet" in alert(calls)

    run_scenario(app, api, clock, scenario)


# --- the GroupChat aggregate and its commands ---------------------------------------------------


def test_group_chat_decisions() -> None:
    owner, other = account_id_for(ALICE), account_id_for(BOB)
    calendar_id = calendar_id_for(owner, group_slug(GROUP))
    group = GroupChat(
        chat_id=GROUP, title=TITLE, calendar_id=calendar_id, owner=owner, actor="a", source="s"
    )
    assert group.id == group_chat_id_for(GROUP)
    assert group.role_for_joiner(admin=True) is Role.MANAGE
    assert group.role_for_joiner(admin=False) is Role.WRITE
    group.change_settings(changes={"members_edit": False}, by=None, admin=True, actor="", source="")
    assert group.role_for_joiner(admin=False) is Role.READ
    assert not group.may_add_events(by=other, admin=False)
    assert group.may_add_events(by=owner, admin=False)
    with pytest.raises(ForbiddenError):
        group.change_settings(
            changes={"reminders": False}, by=other, admin=False, actor="", source=""
        )
    group.change_settings(
        changes={"members_edit": False}, by=owner, admin=False, actor="", source=""
    )
    group.bot_left(actor="", source="")
    group.bot_left(actor="", source="")
    group.bot_returned(actor="", source="")
    kinds = [type(e).__name__ for e in group.collect_events()]
    assert kinds == ["GroupCalendarOpened", "GroupSettingsChanged", "BotLeftGroup",
                     "BotReturnedToGroup"]  # fmt: skip
    with pytest.raises(DomainError, match="group"):
        GroupChat(chat_id=42, title="x", calendar_id=calendar_id, owner=owner, actor="", source="")


def test_guest_answer_is_added_once_and_not_scheduled() -> None:
    start = dt.datetime(2026, 3, 2, 13, tzinfo=dt.UTC)
    text = render_event(
        uid="u@x", summary="Lunch", start=start, end=start + dt.timedelta(hours=1), stamp=start,
        organizer=("mailto:tg_1@televent.internal", "Alice"),
    )  # fmt: skip
    once = with_guest_answer(text, "mailto:tg_2@televent.internal", "Bob", PartStat.ACCEPTED)
    twice = with_guest_answer(once, "mailto:TG_2@televent.internal", "Bob", PartStat.DECLINED)
    assert once.count("ATTENDEE") == 1 and "SCHEDULE-AGENT=CLIENT" in once
    assert twice.count("ATTENDEE") == 1 and "PARTSTAT=DECLINED" in twice


def test_commands_open_join_and_rebuild_equals_live(app: Televent) -> None:
    owner = app.register_account(ALICE, name="Alice", actor="t", source="cli").account_id
    bob = app.register_account(BOB, name="Bob", actor="t", source="cli").account_id
    first = app.open_group_calendar(GROUP, title=TITLE, opener=owner, actor="t", source="bot")
    assert first.opened
    again = app.open_group_calendar(GROUP, title="Climbers", opener=bob, actor="t", source="bot")
    assert not again.opened and again.calendar_id == first.calendar_id and again.owner == owner
    found = app.queries.group_chat(GROUP)
    assert found is not None and found.title == "Climbers"
    view = app.queries.calendar(first.calendar_id)
    assert view is not None and view.display_name == "Climbers"

    assert app.join_group_calendar(GROUP, member=bob, admin=False, actor="t", source="b") is (
        Role.WRITE
    )
    assert app.join_group_calendar(GROUP, member=bob, admin=True, actor="t", source="b") is (
        Role.MANAGE
    )
    assert app.queries.role_in(first.calendar_id, bob) is Role.MANAGE
    app.change_group_settings(
        GROUP, {"reminders": False}, by=owner, admin=False, actor="t", source="b"
    )
    app.group_bot_left(GROUP, actor="t", source="b")
    with pytest.raises(NotFoundError):
        app.join_group_calendar(OTHER, member=bob, admin=False, actor="t", source="b")

    # The owner deletes the calendar: the next use opens a new one for whoever uses it.
    app.delete_calendar(first.calendar_id, actor="t", source="b", by=owner)
    reopened = app.open_group_calendar(GROUP, title=TITLE, opener=bob, actor="t", source="bot")
    assert reopened.opened and reopened.owner == bob
    found = app.queries.group_chat(GROUP)
    assert found is not None and found.owner_id == bob and found.present and not found.reminders

    report = Rebuilder(app.engine, app.views).run(["group_chats"], verify=True)
    assert report.matches


def test_a_role_a_manager_set_by_hand_is_not_undone_from_the_group(app: Televent) -> None:
    """Bob joined the group's calendar in the group (an editor); Alice, its owner, makes him
    a viewer in her private chat: tapping Join again, becoming an admin, or the group allowing
    editing again made him an editor again, and he could still add events from the group.
    Dave, given the calendar by hand as a viewer and never in the group, became an editor when
    the group allowed editing. Carol, given it by hand as its manager, was made a mere editor
    by joining in the group. Each keeps the role set by hand; Erin, given it by hand as a
    viewer, is raised to the group's role by joining, as before."""
    here = group_source(GROUP)
    alice = app.register_account(ALICE, name="Alice", actor="t", source="cli").account_id
    people = {
        n: app.register_account(t, name=n, actor="t", source="cli").account_id
        for n, t in (("Bob", BOB), ("Carol", CAROL), ("Dave", ERIN + 1), ("Erin", ERIN))
    }
    calendar = app.open_group_calendar(GROUP, title=TITLE, opener=alice, actor="t", source=here)
    by_hand = Source(SourceKind.BOT, str(ALICE)).encode()

    def share(name: str, role: str) -> None:
        member = people[name]
        app.share_calendar(calendar.calendar_id, by=alice, member=member, role=role,
                           actor="t", source=by_hand)  # fmt: skip
        app.answer_calendar_invitation(calendar.calendar_id, by=member, accept=True,
                                       actor="t", source=by_hand)  # fmt: skip

    def role(name: str) -> Role | None:
        return app.queries.role_in(calendar.calendar_id, people[name])

    def join(name: str, *, admin: bool = False) -> Role:
        return app.join_group_calendar(GROUP, member=people[name], admin=admin, actor="t",
                                       source=here)  # fmt: skip

    assert join("Bob") is Role.WRITE
    app.change_member_role(calendar.calendar_id, by=alice, member=people["Bob"], role="read",
                           actor="t", source=by_hand)  # fmt: skip
    share("Carol", "manage")
    share("Dave", "read")
    share("Erin", "read")

    assert join("Bob") is Role.READ and role("Bob") is Role.READ
    assert app.group_member_changed(GROUP, member=people["Bob"], admin=True, actor="t",
                                    source=here) is Role.READ  # fmt: skip
    for edit in (False, True):
        app.change_group_settings(GROUP, {"members_edit": edit}, by=alice, admin=True,
                                  actor="t", source=here)  # fmt: skip
    assert role("Bob") is Role.READ and role("Dave") is Role.READ
    meeting = render_event(uid="b@x", summary="Bob's", start=app.clock(),
                           end=app.clock() + dt.timedelta(hours=1), stamp=app.clock())  # fmt: skip
    with pytest.raises(ForbiddenError):
        app.add_group_event(GROUP, meeting, by=people["Bob"], admin=False, actor="t", source=here)

    assert join("Carol") is Role.MANAGE and role("Carol") is Role.MANAGE
    assert join("Erin") is Role.WRITE and role("Erin") is Role.WRITE  # raised by joining
    app.change_group_settings(GROUP, {"members_edit": False}, by=alice, admin=True, actor="t",
                              source=here)  # fmt: skip
    assert role("Erin") is Role.READ  # the group's role now: its settings change it

    # Alice gives Bob his editing back by hand: the group's events are his to add again.
    app.change_member_role(calendar.calendar_id, by=alice, member=people["Bob"], role="write",
                           actor="t", source=by_hand)  # fmt: skip
    app.add_group_event(GROUP, meeting, by=people["Bob"], admin=False, actor="t", source=here)
    assert Rebuilder(app.engine, app.views).run(["calendar_view"], verify=True).matches


def test_attendees_who_joined_are_reminded_by_their_own_preferences(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        api.set_admins(GROUP, ALICE)
        await h.register(BOB, CAROL)  # Bob and Carol started the bot; Dan never did
        at(clock, clock().replace(hour=9, minute=0))
        card = await create(h, ALICE, "Stand-up, today 9:10")
        event_id = event_of(card)
        await tap(h, BOB, f"gj:{GROUP}")  # Bob joined the group's calendar; Carol did not
        for person in (BOB, CAROL, DAN):
            await tap(h, person, f"ga:{event_id.hex}:Y", card)
        await say(h, ALICE, "/calendar reminders off")  # the group's own setting only
        await h.deliver()
        await h.remind()
        delivered = [c for c in await h.deliver() if c.method == "sendMessage"]
        assert [(c.chat_id, c.text.startswith("⏰ <b>Stand-up</b>")) for c in delivered] == [
            (BOB, True)
        ]

        await tap(h, BOB, f"ga:{event_id.hex}:N", card)  # a decline: no more reminders
        await create(h, ALICE, "Retro, today 9:12")
        await h.remind()
        assert [c for c in await h.deliver() if c.method == "sendMessage"] == []

    run_scenario(app, api, clock, scenario)


def test_the_group_links_to_its_calendar_in_the_mini_app(app, api, clock) -> None:
    """With the Mini App's short name set (TELEGRAM_MINI_APP_NAME), the group's messages carry
    an [Open calendar] link: t.me/<bot>/<app>?startapp=cal_<calendar id>."""

    async def scenario(h: BotHarness) -> None:
        [plain] = sent(await say(h, ALICE, "/calendar"))
        assert len(plain.params["reply_markup"]["inline_keyboard"]) == 1  # no link without it
        h.ctx = dataclasses.replace(
            h.ctx, mini_app=MiniApp.at("https://cal.example.org", short_name="calendar")
        )
        h.dispatcher["ctx"] = h.ctx
        [answer] = sent(await say(h, ALICE, "/calendar"))
        urls = [
            b.get("url") for row in answer.params["reply_markup"]["inline_keyboard"] for b in row
        ]
        link = f"https://t.me/{BOT_USERNAME}/calendar?startapp=cal_{group_calendar(app).hex}"
        assert link in urls

    run_scenario(app, api, clock, scenario)


def test_view_only_and_leaving_the_group_change_members_rights_at_once(app, api, clock) -> None:
    """Making the group's calendar view-only makes its editing members viewers (and back);
    someone who leaves the group, or is removed from it, loses its calendar."""

    async def scenario(h: BotHarness) -> None:
        api.set_admins(GROUP, ALICE)
        await h.register(BOB, CAROL)
        await create(h, ALICE, "Team lunch, tomorrow 13:00")
        calendar_id = group_calendar(app)
        for person in (BOB, CAROL):
            await tap(h, person, f"gj:{GROUP}")
        bob, carol = account_id_for(BOB), account_id_for(CAROL)
        assert app.queries.role_in(calendar_id, bob) is Role.WRITE

        await say(h, ALICE, "/calendar edit off")
        assert app.queries.role_in(calendar_id, bob) is Role.READ
        with pytest.raises(ForbiddenError):  # Bob's phone can no longer write there
            app.put_object(
                calendar_id, "x.ics", render_event(uid="x", summary="X", start=clock(),
                end=clock() + dt.timedelta(hours=1), stamp=clock()),
                actor="b", source="caldav:phone", by=bob,
            )  # fmt: skip
        await say(h, ALICE, "/calendar edit on")
        assert app.queries.role_in(calendar_id, bob) is Role.WRITE

        left = {
            "message_id": next(_ids),
            "date": int(time.time()),
            "chat": _chat(GROUP),
            "from": h._user(BOB),
            "left_chat_member": h._user(BOB),
        }
        await h.dispatcher.feed_raw_update(h.bot, {"update_id": next(_ids), "message": left})
        assert app.queries.role_in(calendar_id, bob) is None
        assert app.queries.role_in(calendar_id, carol) is Role.WRITE
        await member_status(h, CAROL, "member", "kicked")
        assert app.queries.role_in(calendar_id, carol) is None

    run_scenario(app, api, clock, scenario)


def test_invitees_outside_telegram_are_not_shown_to_the_group(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        card = await create(h, ALICE, "Team lunch, tomorrow 13:00")
        event_id = event_of(card)
        await tap(h, BOB, f"ga:{event_id.hex}:Y", card)
        obj = app.queries.object_by_event_id(event_id)
        assert obj is not None
        with_guest = obj.ical.replace(
            "END:VEVENT",
            "ATTENDEE;CN=Private Guest;PARTSTAT=ACCEPTED:mailto:guest@example.org\r\nEND:VEVENT",
            1,
        )
        app.put_object(obj.calendar_id, obj.href, with_guest, actor="a", source="caldav:x")
        assert alert(await tap(h, CAROL, f"gw:{event_id.hex}", card)) == "✅ Bob"
        assert group_service.card(h.service, GROUP, event_id).endswith("✅ 1 · ❔ 0 · ❌ 0")

    run_scenario(app, api, clock, scenario)


def test_a_member_made_admin_manages_the_calendar_and_a_demoted_one_no_longer_does(
    app, api, clock
) -> None:
    """An admin who joined manages the group's calendar; demoted in Telegram, they kept
    managing it (adding and removing people, writing in a view-only calendar)."""

    async def scenario(h: BotHarness) -> None:
        api.set_admins(GROUP, ALICE, CAROL)
        await h.register(BOB, CAROL)
        await create(h, ALICE, "Team lunch, tomorrow 13:00")
        calendar_id = group_calendar(app)
        for person in (BOB, CAROL):
            await tap(h, person, f"gj:{GROUP}")
        bob, carol = account_id_for(BOB), account_id_for(CAROL)
        assert app.queries.role_in(calendar_id, carol) is Role.MANAGE

        await member_status(h, CAROL, "administrator", "member")
        assert app.queries.role_in(calendar_id, carol) is Role.WRITE
        await say(h, ALICE, "/calendar edit off")
        assert app.queries.role_in(calendar_id, carol) is Role.READ  # a viewer, like the rest
        await member_status(h, BOB, "member", "administrator")
        assert app.queries.role_in(calendar_id, bob) is Role.MANAGE
        await member_status(h, 3_000, "member", "administrator")  # someone without the calendar
        assert len(app.queries.members_of(calendar_id)) == 2

    run_scenario(app, api, clock, scenario)


def test_back_in_the_group_the_bot_asks_who_is_still_there(app, api, clock) -> None:
    """While the bot was out of the group it heard of nobody leaving: someone who left then
    kept the group's calendar, and could still read and write it, for good."""

    async def scenario(h: BotHarness) -> None:
        api.set_admins(GROUP, ALICE)
        await h.register(BOB, CAROL)
        await create(h, ALICE, "Team lunch, tomorrow 13:00")
        calendar_id = group_calendar(app)
        for person in (BOB, CAROL):
            await tap(h, person, f"gj:{GROUP}")
        # Erin never was in the group: Alice shared the calendar with her by hand, in her
        # private chat with the bot (Telegram answers "left" for someone not in a group)
        await h.register(ERIN)
        _share_by_hand(app, calendar_id, ERIN)
        await bot_status(h, "member", "left")
        api.set_left(GROUP, BOB, ERIN)  # Bob left meanwhile; Carol is still there
        back = await bot_status(h, "left", "member")
        assert any(c.method == "sendMessage" for c in back)  # welcomed back
        assert app.queries.role_in(calendar_id, account_id_for(BOB)) is None
        assert app.queries.role_in(calendar_id, account_id_for(CAROL)) is Role.WRITE
        assert app.queries.role_in(calendar_id, account_id_for(ALICE)) is Role.OWNER
        assert app.queries.role_in(calendar_id, account_id_for(ERIN)) is Role.READ

    run_scenario(app, api, clock, scenario)


def test_someone_given_the_calendar_by_hand_keeps_it_when_they_leave_the_group(
    app, api, clock
) -> None:
    """Erin was given the group's calendar by hand, and is in the group too: leaving the
    group does not take the calendar from her (it had, as from those who joined in the
    group)."""

    async def scenario(h: BotHarness) -> None:
        api.set_admins(GROUP, ALICE)
        await h.register(BOB, ERIN)
        await create(h, ALICE, "Team lunch, tomorrow 13:00")
        calendar_id = group_calendar(app)
        await tap(h, BOB, f"gj:{GROUP}")
        _share_by_hand(app, calendar_id, ERIN)
        await tap(h, ERIN, f"gj:{GROUP}")  # joining too gives her the group's role
        assert app.queries.role_in(calendar_id, account_id_for(ERIN)) is Role.WRITE
        for person in (BOB, ERIN):
            left = {
                "message_id": next(_ids), "date": int(time.time()), "chat": _chat(GROUP),
                "from": h._user(person), "left_chat_member": h._user(person),
            }  # fmt: skip
            await h.dispatcher.feed_raw_update(h.bot, {"update_id": next(_ids), "message": left})
        assert app.queries.role_in(calendar_id, account_id_for(BOB)) is None
        assert app.queries.role_in(calendar_id, account_id_for(ERIN)) is Role.WRITE

    run_scenario(app, api, clock, scenario)


def _share_by_hand(app: Televent, calendar_id: UUID, telegram_id: int) -> None:
    """The group calendar's owner (Alice) shares it with someone in her private chat with the
    bot, who accepts in theirs."""
    alice, member = account_id_for(ALICE), account_id_for(telegram_id)
    app.share_calendar(
        calendar_id, by=alice, member=member, role="read",
        actor=f"account:{alice}", source=f"bot:{ALICE}",
    )  # fmt: skip
    app.answer_calendar_invitation(
        calendar_id, by=member, accept=True, actor=f"account:{member}", source=f"bot:{telegram_id}"
    )
