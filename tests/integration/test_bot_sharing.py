"""Sharing calendars in the bot, on SQLite and PostgreSQL: /share by @username or Telegram id,
the invitee's card through the delivery queue with [Add to my calendars] [Decline], the
answer for the person who tapped only, /calendars with roles and open invitations, /unshare,
/leave, and clear answers to bad input that change nothing."""

from __future__ import annotations

import json
from uuid import UUID

import pytest

from televent.application.televent import Televent
from televent.bootstrap import catch_up
from televent.domain.sharing import Role, Status
from televent.domain.values import account_id_for
from tests.bot_harness import BotHarness, run_scenario, texts_of
from tests.botapi import Call

ALICE, BOB, CAROL = 1, 2, 3  # @alice, @bob, @carol in the harness
STRANGER = 4  # has a Telegram account, never started the bot


def family(app: Televent, owner: int = ALICE) -> UUID:
    account = account_id_for(owner)
    return app.create_calendar(
        account, "family", {"display_name": "Family"}, actor=f"account:{account}", source="cli"
    )


def members(app: Televent, calendar_id: UUID) -> list[tuple[UUID, Role, Status]]:
    return [(m.account_id, m.role, m.status) for m in app.queries.members_of(calendar_id)]


def buttons(call: Call) -> list[tuple[str, str]]:
    markup = call.params.get("reply_markup") or {}
    return [(b["text"], b["callback_data"]) for row in markup["inline_keyboard"] for b in row]


async def one_text(h: BotHarness, user_id: int, line: str) -> str:
    answers = texts_of(await h.say(user_id, line))
    assert len(answers) == 1, answers
    return answers[0]


async def card_for(h: BotHarness, user_id: int) -> Call:
    """Send what is due; the one card the user got."""
    sent = [c for c in await h.deliver() if c.method == "sendMessage" and c.chat_id == user_id]
    assert len(sent) == 1, [c.text for c in sent]
    return sent[0]


def edited(calls: list[Call]) -> str:
    [edit] = [c for c in calls if c.method == "editMessageText"]
    assert "reply_markup" not in edit.params or not edit.params["reply_markup"]
    return edit.text


def alert(calls: list[Call]) -> str:
    [answer] = [c for c in calls if c.method == "answerCallbackQuery"]
    return str(answer.params.get("text") or "")


def test_share_by_username_card_add_and_calendars(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB)
        calendar_id = family(app)
        answer = await one_text(h, ALICE, "/share family @bob")
        assert answer.startswith("📨 Bob is invited to ‘Family’ — can edit")
        assert members(app, calendar_id) == [(account_id_for(BOB), Role.WRITE, Status.INVITED)]

        rows = [r for r in h.queue.rows(BOB) if r["kind"] == "calendar_invitation"]
        assert len(rows) == 1 and rows[0]["event_id"] == str(calendar_id)
        assert json.loads(rows[0]["payload"])["role"] == "write"
        card = await card_for(h, BOB)
        assert card.text.startswith("📅 <b>Alice</b> shares ‘Family’ with you — can edit")
        assert buttons(card) == [
            ("✅ Add to my calendars", f"cal:{calendar_id.hex}:1"),
            ("✖️ Decline", f"cal:{calendar_id.hex}:0"),
        ]
        assert texts_of(await h.deliver()) == []  # one card, once

        tapped = await h.tap(BOB, f"cal:{calendar_id.hex}:1", card)
        assert edited(tapped).startswith("✅ ‘Family’ (Alice’s) is in your calendars — can edit.")
        assert members(app, calendar_id) == [(account_id_for(BOB), Role.WRITE, Status.ACTIVE)]
        assert app.queries.role_in(calendar_id, account_id_for(BOB)) is Role.WRITE
        told = await card_for(h, ALICE)
        assert told.text == "✅ Bob added ‘Family’ to their calendars."

        listing = await one_text(h, BOB, "/calendars")
        assert "• <b>Calendar</b> — yours" in listing
        assert "<b>Shared with you</b>\n• <b>Family</b> — Alice’s, can edit" in listing
        assert "Waiting for your answer" not in listing
        mine = await one_text(h, ALICE, "/calendars")
        assert "• <b>Family</b> — yours, shared with 1" in mine
        who = await one_text(h, BOB, "/calendars family")
        assert who.startswith("👥 <b>Family</b>\n• Alice — owner\n• Bob — can edit")

        # A second tap on the old card changes nothing and says so kindly.
        again = await h.tap(BOB, f"cal:{calendar_id.hex}:1", card)
        assert alert(again) == "Added"
        assert members(app, calendar_id) == [(account_id_for(BOB), Role.WRITE, Status.ACTIVE)]

    run_scenario(app, api, clock, scenario)


def test_share_by_telegram_id_with_a_role_and_the_default_calendar(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB, CAROL)
        default = app.queries.calendars_of(account_id_for(ALICE))[0].calendar_id
        # Only the default calendar: it needs no name.
        answer = await one_text(h, ALICE, f"/share {CAROL} read")
        assert "Carol is invited to ‘Calendar’ — can view" in answer
        answer = await one_text(h, ALICE, "/share calendar @bob manage")
        assert "Bob is invited to ‘Calendar’ — can manage" in answer
        assert members(app, default) == [
            (account_id_for(CAROL), Role.READ, Status.INVITED),
            (account_id_for(BOB), Role.MANAGE, Status.INVITED),
        ]
        card = await card_for(h, CAROL)
        assert card.text.startswith("📅 <b>Alice</b> shares ‘Calendar’ with you — can view")

    run_scenario(app, api, clock, scenario)


def test_decline_leaves_nothing_and_the_owner_is_told(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB)
        calendar_id = family(app)
        await h.say(ALICE, "/share family @bob read")
        card = await card_for(h, BOB)
        tapped = await h.tap(BOB, f"cal:{calendar_id.hex}:0", card)
        assert edited(tapped) == "➖ You declined ‘Family’ from Alice."
        assert members(app, calendar_id) == []
        assert app.queries.shared_with(account_id_for(BOB), invited=True) == []
        told = await card_for(h, ALICE)
        assert told.text == "➖ Bob declined ‘Family’."
        listing = await one_text(h, BOB, "/calendars")
        assert "Family" not in listing
        # The old card's Add button now answers that the invitation is gone.
        late = await h.tap(BOB, f"cal:{calendar_id.hex}:1", card)
        assert "no longer open" in alert(late)
        assert members(app, calendar_id) == []

    run_scenario(app, api, clock, scenario)


def test_a_forged_or_foreign_tap_changes_nothing(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB, CAROL)
        calendar_id = family(app)
        await h.say(ALICE, "/share family @bob")
        card = await card_for(h, BOB)
        before = members(app, calendar_id)

        forged = await h.tap(CAROL, f"cal:{calendar_id.hex}:1")
        assert "no longer open" in alert(forged)
        assert not [c for c in forged if c.method == "editMessageText"]
        declined = await h.tap(CAROL, f"cal:{calendar_id.hex}:0")
        assert "no longer open" in alert(declined)
        owner = await h.tap(ALICE, f"cal:{calendar_id.hex}:1")  # the owner is no invitee
        assert "no longer open" in alert(owner)
        junk = await h.tap(CAROL, "cal:not-a-calendar:1")
        assert alert(junk)
        assert members(app, calendar_id) == before
        assert app.queries.shared_with(account_id_for(CAROL), invited=True) == []
        assert app.queries.role_in(calendar_id, account_id_for(CAROL)) is None

        # Bob's own card still works afterwards.
        await h.tap(BOB, f"cal:{calendar_id.hex}:1", card)
        assert app.queries.role_in(calendar_id, account_id_for(BOB)) is Role.WRITE

    run_scenario(app, api, clock, scenario)


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/share family @nobody", "@nobody has not started the bot yet"),
        (f"/share family {STRANGER}", f"{STRANGER} has not started the bot yet"),
        ("/share family @alice", "That is you"),
        ("/share family @bob admin", "“admin” is not a role: use read (can view), write"),
        ("/share family @bob owner", "“owner” is not a role"),
        ("/share holidays @bob", "You have no calendar “holidays”. Yours: Calendar and Family"),
        ("/share @bob", "Which calendar? You have 2: Calendar and Family"),
        ("/share family", "Share “Family” with whom?"),
        ("/share family bob", "“bob” is not a person"),
        ("/share family ²", "“²” is not a person"),
        ("/share family 99999999999999999999", "“99999999999999999999” is not a person"),
        ("/share family @bob read extra", "Share “Family” with whom?"),
    ],
)
def test_bad_shares_get_a_clear_answer_and_change_nothing(app, api, clock, line, says) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB)
        calendar_id = family(app)
        answer = await one_text(h, ALICE, line)
        assert answer.startswith("⚠️") and says in answer, answer
        assert "Traceback" not in answer
        assert members(app, calendar_id) == []
        assert not [r for r in h.queue.rows() if r["kind"] == "calendar_invitation"]

    run_scenario(app, api, clock, scenario)


def test_someone_elses_calendar_and_an_existing_member(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB, CAROL)
        calendar_id = family(app)
        await h.say(ALICE, "/share family @bob read")
        pending = await one_text(h, ALICE, "/share family @bob read")
        assert "already invited" in pending and "has not answered" in pending
        await h.tap(BOB, f"cal:{calendar_id.hex}:1", await card_for(h, BOB))
        await h.deliver()

        # Bob can only view Alice's calendar: he cannot share it onward.
        refused = await one_text(h, BOB, "/share family @carol")
        assert refused.startswith("⚠️") and "“Family” is Alice’s calendar" in refused
        assert "you can view it" in refused
        # Already a member with that role: nothing changes.
        same = await one_text(h, ALICE, "/share family @bob read")
        assert same == "👌 Bob already has ‘Family’ — can view. Nothing changed."
        # With another role: the role changes, no new card.
        changed = await one_text(h, ALICE, "/share family @bob manage")
        assert changed == "✅ Bob now can manage ‘Family’."
        assert members(app, calendar_id) == [(account_id_for(BOB), Role.MANAGE, Status.ACTIVE)]
        assert texts_of(await h.deliver()) == []
        # Now he can manage it, so he shares it.
        onward = await one_text(h, BOB, "/share family @carol read")
        assert "Carol is invited to ‘Family’ — can view" in onward
        card = await card_for(h, CAROL)
        assert card.text.startswith(
            "📅 <b>Bob</b> shares ‘Family’ (Alice’s calendar) with you — can view"
        )
        owner = await one_text(h, ALICE, f"/share family {ALICE}")
        assert "That is you" in owner
        shared_owner = await one_text(h, BOB, "/share family @alice")
        assert "owns this calendar" in shared_owner

    run_scenario(app, api, clock, scenario)


def test_calendars_shows_invitations_with_their_buttons(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB)
        calendar_id = family(app)
        await h.say(ALICE, "/share family @bob read")
        shown = [c for c in await h.say(BOB, "/calendars") if c.method == "sendMessage"]
        assert len(shown) == 2
        assert "<b>Waiting for your answer</b>\n• <b>Family</b> — from Alice, can view" in (
            shown[0].text
        )
        assert "Shared with you" not in shown[0].text
        card = shown[1]
        assert card.text.startswith("📅 <b>Alice</b> shares ‘Family’ with you — can view")
        assert [d for _, d in buttons(card)] == [
            f"cal:{calendar_id.hex}:1",
            f"cal:{calendar_id.hex}:0",
        ]
        tapped = await h.tap(BOB, f"cal:{calendar_id.hex}:1", card)
        assert "is in your calendars — can view" in edited(tapped)
        listing = await one_text(h, BOB, "/calendars")
        assert "• <b>Family</b> — Alice’s, can view" in listing
        assert "Waiting for your answer" not in listing
        # The card the queue still holds is not sent: the invitation was answered.
        sent = await h.deliver()
        assert [c.text for c in sent if c.chat_id == BOB] == []
        rows = [r for r in h.queue.rows(BOB) if r["kind"] == "calendar_invitation"]
        assert [r["status"] for r in rows] == ["skipped"]

    run_scenario(app, api, clock, scenario)


def test_unshare_and_leave(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE, BOB, CAROL)
        calendar_id = family(app)
        await h.say(ALICE, "/share family @bob")
        await h.say(ALICE, "/share family @carol")
        # A tap on a card Telegram no longer has: the answer stands, and says so.
        assert alert(await h.tap(BOB, f"cal:{calendar_id.hex}:1")) == "Added"
        # Withdrawn before it was sent: Carol gets no card.
        assert await one_text(h, ALICE, "/unshare family @carol") == (
            "➖ Carol no longer has ‘Family’."
        )
        sent = await h.deliver()
        assert [c.text for c in sent if c.chat_id == CAROL] == []
        assert members(app, calendar_id) == [(account_id_for(BOB), Role.WRITE, Status.ACTIVE)]

        missing = await one_text(h, ALICE, "/unshare family @carol")
        assert missing.startswith("⚠️") and "Carol does not have “Family”" in missing
        mine = await one_text(h, ALICE, "/leave family")
        assert mine.startswith("⚠️") and "is yours" in mine
        nothing = await one_text(h, CAROL, "/leave family")
        assert nothing.startswith("⚠️") and "Nobody shares a calendar “family”" in nothing

        gone = await one_text(h, BOB, "/leave family")
        assert gone == "👋 ‘Family’ is no longer in your calendars."
        assert members(app, calendar_id) == []
        assert "Family" not in await one_text(h, BOB, "/calendars")

    run_scenario(app, api, clock, scenario)


def test_a_catch_up_queues_cards_only_for_invitations_still_open(app, clock) -> None:
    """The queue is not rebuilt, but it catches up from the log when it is behind (a new
    release's migration): answered invitations get no card then, and replaying the same
    events queues nothing twice."""
    for telegram_id, name in ((ALICE, "Alice"), (BOB, "Bob"), (CAROL, "Carol")):
        app.register_account(telegram_id, name=name, actor="test", source="cli")
    with app.views.write() as db:
        before = app.engine.head(db)
    calendar_id = family(app)
    alice = account_id_for(ALICE)
    for member in (BOB, CAROL):
        app.share_calendar(
            calendar_id, by=alice, member=account_id_for(member), role="read", actor="a",
            source="cli",
        )  # fmt: skip
    app.answer_calendar_invitation(
        calendar_id, by=account_id_for(BOB), accept=True, actor="b", source="cli"
    )
    with app.views.write() as db:
        db.run("DELETE FROM telegram_outbox WHERE created_position > ?", (before,))
        db.run(
            "UPDATE projection_positions SET position = ? WHERE name = 'telegram_delivery'",
            (before,),
        )
    catch_up(app)

    def queued() -> list[tuple[int, str]]:
        with app.views.read() as db:
            rows = db.all("SELECT chat_id, kind FROM telegram_outbox ORDER BY created_position")
        return [(int(r["chat_id"]), r["kind"]) for r in rows]

    assert queued() == [(CAROL, "calendar_invitation"), (ALICE, "share_accepted")]
    with app.views.write() as db:
        db.run(
            "UPDATE projection_positions SET position = ? WHERE name = 'telegram_delivery'",
            (before,),
        )
    catch_up(app)
    assert queued() == [(CAROL, "calendar_invitation"), (ALICE, "share_accepted")]


def test_the_commands_are_in_the_help_and_known(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE)
        helped = await one_text(h, ALICE, "/help")
        assert "/share" in helped and "/calendars" in helped and "/leave" in helped
        assert "/share" in await one_text(h, ALICE, "/shar")
        usage = await one_text(h, ALICE, "/share")
        assert "<code>/share family @anna read</code>" in usage

    run_scenario(app, api, clock, scenario)
