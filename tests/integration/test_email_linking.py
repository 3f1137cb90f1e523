"""Linking one's own email with a mailed code, through the bot (docs/adr/0019): the code comes
by SMTP, five wrong codes lock it, it lasts 15 minutes, an address someone else linked is
refused without naming them, codes are rate-limited, and only the verified address is linked
(an event in the log, which the audit describes)."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
from typing import Any

import pytest
from eventsourcing.persistence import IntegrityError

from televent.adapters.mail.code_mail import code_message
from televent.adapters.port import AppPort
from televent.application.mail_notices import NoLongerWantedError
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue
from televent.domain.errors import ConflictError, DomainError, TooManyRequestsError
from televent.ops.audit import Audit
from televent.projections.rebuild import Rebuilder
from tests.bot_harness import BotHarness, texts_of
from tests.bot_harness import run_scenario as run
from tests.conftest import FakeClock
from tests.helpers import ACTOR, CLI
from tests.invite_mail import IDENTITY, MAIL_FROM, mail_sender
from tests.smtpsink import Recorder, messages

ALICE, BOB = 1, 2
CODE = re.compile(r"Your Televent code: (\d{6})")


@pytest.fixture
def mail_from() -> str:
    """Televent's mail identity here is the one the sender uses (invitation addresses too)."""
    return MAIL_FROM


async def mailed_code(
    app: Televent, handler: Recorder, port: int, to: str, subject: re.Pattern[str] = CODE
) -> str:
    """Send what is queued through SMTP; the code in the last mail that reached `to`."""
    await mail_sender(app, port).run_once()
    recipients, mail = messages(handler)[-1]
    assert recipients == [to]
    assert mail["From"].addresses[0].addr_spec == IDENTITY.address
    found = subject.search(str(mail["Subject"]))
    assert found is not None, mail["Subject"]
    body = mail.get_body(("plain",))
    assert body is not None and found.group(1) in body.get_content()
    return found.group(1)


def last_text(calls: list[Any]) -> str:
    return texts_of(calls)[-1]


def test_the_bot_links_an_email_once_the_mailed_code_comes_back(
    app: Televent, api: Any, clock: FakeClock, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink

    async def scenario(h: BotHarness) -> None:
        await h.register(BOB)
        assert "I mailed a code to <code>bob@example.org</code>" in last_text(
            await h.say(BOB, "/email Bob@Example.org")
        )
        code = await mailed_code(app, handler, port, "bob@example.org")
        # The queue row no longer holds the code once the mail is sent; nothing else ever did.
        [row] = MailQueue(app.views, app.clock).mail_rows()
        assert json.loads(row["payload"]) == {"code": None} and row["status"] == "sent"
        with app.views.read() as db:
            assert code not in json.dumps(db.all("SELECT * FROM email_codes"), default=str)
        # Not linked yet: nothing reaches the address, nobody finds Bob by it.
        assert app.queries.account_for_address("bob@example.org", app.internal_domain) is None
        assert "A code is on its way" in last_text(await h.say(BOB, "/email"))
        wrong = "000000" if code != "000000" else "111111"
        for left in (4, 3, 2, 1):
            text = last_text(await h.say(BOB, f"/email {wrong}"))
            assert f"Wrong code; {left} {'try' if left == 1 else 'tries'} left." in text
        assert "that was the last try" in last_text(await h.say(BOB, f"/email {wrong}"))
        assert "Too many wrong codes" in last_text(await h.say(BOB, f"/email {code}"))
        assert app.queries.account_by_telegram_id(BOB).emails == ()  # type: ignore[union-attr]
        # A new code, and this time the right one.
        await h.say(BOB, "/email bob@example.org")
        fresh = await mailed_code(app, handler, port, "bob@example.org")
        text = last_text(await h.say(BOB, f"/email {fresh[:3]} {fresh[3:]}"))
        assert "<code>bob@example.org</code> is linked" in text
        bob = app.queries.account_by_telegram_id(BOB)
        assert bob is not None and bob.emails == ("bob@example.org",)
        assert "bob@example.org</code> ✅" in last_text(await h.say(BOB, "/email"))
        # The link is an event the audit describes, and a rebuild keeps.
        lines = [line for e in Audit(app).account_timeline(BOB) for line in e.diff]
        assert "email linked bob@example.org (verified: a code mailed to it came back)" in lines
        assert Rebuilder(app.engine, app.views).run(verify=True).matches
        # Unlinking.
        assert "no longer linked" in last_text(await h.say(BOB, "/email remove"))
        assert "No email address is linked" in last_text(await h.say(BOB, "/email remove"))

    run(app, api, clock, scenario)


def test_a_code_lasts_fifteen_minutes(
    app: Televent, api: Any, clock: FakeClock, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink

    async def scenario(h: BotHarness) -> None:
        await h.register(BOB)
        await h.say(BOB, "/email bob@example.org")
        code = await mailed_code(app, handler, port, "bob@example.org")
        clock.advance(minutes=15)
        assert "has expired" in last_text(await h.say(BOB, f"/email {code}"))
        assert app.queries.account_by_telegram_id(BOB).emails == ()  # type: ignore[union-attr]
        await h.say(BOB, "/email bob@example.org")
        code = await mailed_code(app, handler, port, "bob@example.org")
        clock.advance(minutes=14, seconds=59)
        assert "is linked" in last_text(await h.say(BOB, f"/email {code}"))

    run(app, api, clock, scenario)


def test_an_address_someone_else_linked_is_refused_without_naming_them(
    app: Televent, api: Any, clock: FakeClock
) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(BOB)
        app.register_account(
            ALICE, name="Alice Secret", email="alice@example.com", actor=ACTOR, source=CLI
        )  # an operator links directly
        text = last_text(await h.say(BOB, "/email ALICE@example.com"))
        assert "alice@example.com is linked to another account" in text
        assert "Alice" not in text and str(ALICE) not in text
        assert MailQueue(app.views, app.clock).mail_rows() == []
        own = last_text(await h.say(BOB, f"/email {IDENTITY.address}"))
        assert "one of Televent's own addresses" in own
        assert "not an email address" in last_text(await h.say(BOB, "/email nonsense"))

    run(app, api, clock, scenario)


def test_codes_are_rate_limited_per_account_and_per_address(
    app: Televent, clock: FakeClock
) -> None:
    for telegram_id in range(1, 8):
        app.register_account(telegram_id, name=f"User {telegram_id}", actor=ACTOR, source=CLI)
    for n in range(3):
        app.request_email_code(1, f"a{n}@example.org", actor=ACTOR, source=CLI)
        clock.advance(minutes=1)
    with pytest.raises(TooManyRequestsError) as refused:
        app.request_email_code(1, "a3@example.org", actor=ACTOR, source=CLI)
    assert "try again in 57 minutes" in str(refused.value) and refused.value.retry_after == 3420
    clock.advance(minutes=58)
    app.request_email_code(1, "a3@example.org", actor=ACTOR, source=CLI)
    # One account gets at most five codes a day for one address...
    for _ in range(5):
        app.request_email_code(2, "victim@example.org", actor=ACTOR, source=CLI)
        clock.advance(minutes=21)
    with pytest.raises(TooManyRequestsError, match="try again tomorrow"):
        app.request_email_code(2, "victim@example.org", actor=ACTOR, source=CLI)
    # ... which does not keep the address's owner from asking for theirs; twenty a day in all.
    for telegram_id in (3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5):
        app.request_email_code(telegram_id, "victim@example.org", actor=ACTOR, source=CLI)
        clock.advance(minutes=21)
    with pytest.raises(TooManyRequestsError, match="try again tomorrow"):
        app.request_email_code(6, "victim@example.org", actor=ACTOR, source=CLI)
    # A newer code replaces the one before: only the last is waiting, only its mail is sent.
    rows = MailQueue(app.views, app.clock).mail_rows()
    waiting = [r for r in rows if r["status"] == "pending"]
    assert sorted(r["recipient"] for r in waiting) == [
        "a3@example.org",
        *["victim@example.org"] * 4,
    ]


def test_asking_about_addresses_linked_to_others_is_rate_limited_too(app: Televent) -> None:
    app.register_account(ALICE, name="Alice", email="alice@example.com", actor=ACTOR, source=CLI)
    app.register_account(BOB, name="Bob", actor=ACTOR, source=CLI)
    for _ in range(3):
        with pytest.raises(ConflictError, match="linked to another account"):
            app.request_email_code(BOB, "alice@example.com", actor=ACTOR, source=CLI)
    for address in ("alice@example.com", "bob@example.org"):
        with pytest.raises(TooManyRequestsError, match="codes in the last hour"):
            app.request_email_code(BOB, address, actor=ACTOR, source=CLI)
    assert MailQueue(app.views, app.clock).mail_rows() == []


def waiting_code(app: Televent) -> str:
    """The code in the one code mail still waiting to be sent."""
    [row] = [r for r in MailQueue(app.views, app.clock).mail_rows() if r["status"] == "pending"]
    return str(json.loads(row["payload"])["code"])


def test_a_verified_address_replaces_the_one_linked_before(app: Televent) -> None:
    app.register_account(BOB, name="Bob", actor=ACTOR, source=CLI)
    for address in ("bob@old.example", "bob@new.example"):
        app.request_email_code(BOB, address, actor=ACTOR, source=CLI)
        assert app.verify_email_code(BOB, waiting_code(app), actor=ACTOR, source=CLI) == address
    bob = app.queries.account_by_telegram_id(BOB)
    assert bob is not None and bob.emails == ("bob@new.example",)
    assert app.queries.account_for_address("bob@old.example", app.internal_domain) is None
    lines = [line for e in Audit(app).account_timeline(BOB) for line in e.diff]
    assert any("unlinked bob@old.example" in line for line in lines), lines
    assert Rebuilder(app.engine, app.views).run(verify=True).matches


def test_a_double_submit_leaves_one_waiting_code_the_newest(app: Televent) -> None:
    app.register_account(BOB, name="Bob", actor=ACTOR, source=CLI)

    async def asks() -> list[BaseException | object]:
        port = AppPort(2)
        return await asyncio.gather(
            *(
                port.run(app.request_email_code, BOB, "bob@example.org", actor=ACTOR, source=CLI)
                for _ in range(2)
            ),
            return_exceptions=True,
        )

    assert not [r for r in asyncio.run(asks()) if isinstance(r, BaseException)]
    with app.views.read() as db:
        assert db.scalar("SELECT COUNT(*) FROM email_codes WHERE status = 'pending'") == 1
    assert app.verify_email_code(BOB, waiting_code(app), actor=ACTOR, source=CLI)
    # The database itself refuses a second waiting code for one account.
    app.request_email_code(BOB, "bob@other.example", actor=ACTOR, source=CLI)
    with pytest.raises(IntegrityError, match="email_codes"), app.views.write() as db:
        db.run(
            "INSERT INTO email_codes (code_id, account_id, address, code_hash, requested_at, "
            "expires_at, attempts, status) SELECT 'x', account_id, address, code_hash, "
            "requested_at, expires_at, 0, status FROM email_codes WHERE status = 'pending'"
        )


def test_a_code_no_longer_wanted_is_not_mailed_nor_said_undelivered(
    app: Televent, clock: FakeClock, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink
    app.register_account(BOB, name="Bob", actor=ACTOR, source=CLI)
    app.request_email_code(BOB, "bob@example.org", actor=ACTOR, source=CLI)
    [claimed] = MailQueue(app.views, app.clock).claim_mail()
    withdrawn = dataclasses.replace(claimed, payload={"code": None})
    with pytest.raises(NoLongerWantedError, match="replaced"):
        code_message(withdrawn, IDENTITY, "<x@example.org>", clock())
    # A code that expired before its mail went is not mailed: skipped, not failed.
    app.request_email_code(BOB, "bob@example.org", actor=ACTOR, source=CLI)
    clock.advance(minutes=16)
    asyncio.run(mail_sender(app, port).run_once())
    assert messages(handler) == []
    newest = MailQueue(app.views, app.clock).mail_rows()[-1]
    assert newest["status"] == "skipped", newest


def test_unlinking_says_what_chosen_by_email_alone_is_no_longer_sent(
    app: Televent, api: Any, clock: FakeClock
) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(BOB)
        app.link_email(BOB, "bob@example.org", actor=ACTOR, source=CLI)
        app.change_preferences(BOB, {"channels": {"reminders": ["email"]}}, actor=ACTOR, source=CLI)
        text = last_text(await h.say(BOB, "/email remove"))
        assert "no longer linked" in text
        assert "reminders by email only: they will not be sent" in text

    run(app, api, clock, scenario)


def test_guesses_in_parallel_get_five_tries_between_them(app: Televent) -> None:
    app.register_account(BOB, name="Bob", actor=ACTOR, source=CLI)
    app.request_email_code(BOB, "bob@example.org", actor=ACTOR, source=CLI)
    [row] = MailQueue(app.views, app.clock).mail_rows()
    code = int(json.loads(row["payload"])["code"])
    wrong = [f"{(code + n) % 10**6:06d}" for n in range(1, 13)]

    async def guesses() -> list[BaseException | str]:
        port = AppPort(4)
        return await asyncio.gather(
            *(port.run(app.verify_email_code, BOB, w, actor=ACTOR, source=CLI) for w in wrong),
            return_exceptions=True,
        )

    results = asyncio.run(guesses())
    tried = [
        r
        for r in results
        if type(r) is DomainError or (isinstance(r, TooManyRequestsError) and "last" in str(r))
    ]
    assert len(tried) == 5, results
    assert all(isinstance(r, (DomainError, TooManyRequestsError)) for r in results)
    with app.views.read() as db:
        assert db.scalar("SELECT attempts FROM email_codes") == 5


def test_linking_an_address_already_linked_to_you_is_said_so(app: Televent) -> None:
    app.register_account(BOB, name="Bob", email="bob@example.org", actor=ACTOR, source=CLI)
    with pytest.raises(ConflictError, match="already linked to your account"):
        app.request_email_code(BOB, "bob@example.org", actor=ACTOR, source=CLI)


def test_the_refusals_are_said_in_the_persons_language(
    app: Televent, api: Any, clock: FakeClock, sink: tuple[Recorder, int]
) -> None:
    handler, port = sink

    async def scenario(h: BotHarness) -> None:
        h.languages[BOB] = "ru"
        await h.register(BOB)
        assert "не адрес электронной почты" in last_text(await h.say(BOB, "/email nonsense@"))
        assert "Вы ещё не запрашивали код" in last_text(await h.say(BOB, "/email 000000"))
        await h.say(BOB, "/email bob@example.org")
        russian = re.compile(r"Ваш код Televent: (\d{6})")
        code = await mailed_code(app, handler, port, "bob@example.org", russian)
        wrong = "000000" if code != "000000" else "111111"
        assert "Неверный код; осталось 4 попытки." in last_text(await h.say(BOB, f"/email {wrong}"))
        h.languages[BOB] = "fa"  # Telegram's language changed; the bot follows it
        persian = last_text(await h.say(BOB, f"/email {wrong}"))
        assert "کد نادرست است" in persian and "3" in persian

    run(app, api, clock, scenario)
