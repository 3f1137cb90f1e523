"""Every state change is in the log: after any history of meetings, answers, COUNTER
proposals and their answers, scheduling-inbox deletions, invitation addresses (new ones, and
invitations sent to them), emails linked with a mailed code and unlinked, and erasures, every
rebuildable read model rebuilt from the log equals the live one (hypothesis, SQLite and
PostgreSQL).

Before the layers were cut, COUNTER proposals and inbox deletions were SQL writes beside the
log: a rebuild lost them. This property holds them to the promise.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any
from uuid import UUID

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from televent.adapters.mail.ingest import receive_email
from televent.application.counters import Counters
from televent.application.itip_inbox import ItipInbox
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.errors import TeleventError
from televent.domain.mail_identity import MailIdentity
from televent.domain.values import PartStat, calendar_event_id_for, calendar_id_for
from televent.ops.gdpr import PersonalData
from televent.projections.rebuild import Rebuilder
from televent.projections.schedule_inbox_reader import ScheduleInbox
from tests.conftest import Backend, FakeClock
from tests.helpers import ACTOR, CALDAV, CLI, calendar_email, vevent

IDENTITY = MailIdentity.parse("Televent <calendar@cal.example.org>")
ALICE, BOB, CAROL = "alice@example.com", "bob@example.com", "carol@example.org"
TELEGRAM = {"alice": 100, "bob": 200}
UID = "meeting-1"

move = st.tuples(st.just("move"), st.sampled_from(["09", "15"]))
bob_answers = st.tuples(
    st.just("bob answers"), st.sampled_from([PartStat.ACCEPTED, PartStat.DECLINED])
)
counter = st.tuples(st.just("carol counters"), st.sampled_from(["11", "17"]))
answer_counter = st.tuples(st.just("alice answers the counter"), st.booleans())
inbox_delete = st.tuples(st.just("inbox delete"), st.sampled_from(["alice", "bob"]))
erase = st.tuples(st.just("erase"), st.sampled_from(["alice", "bob"]))
people = st.sampled_from(["alice", "bob"])
addresses = st.tuples(
    st.sampled_from(["new address", "link by code", "unlink", "invited at the address"]), people
)
histories = st.lists(
    st.one_of(move, bob_answers, counter, answer_counter, inbox_delete, erase, addresses),
    min_size=1,
    max_size=8,
)


class World:
    """Alice organises a meeting with Bob (a Televent user) and Carol (by email)."""

    def __init__(self, app: Televent) -> None:
        self.app = app
        self.accounts = {
            who: app.register_account(
                telegram_id, name=who.title(), email=f"{who}@example.com", actor=ACTOR, source=CLI
            ).account_id
            for who, telegram_id in TELEGRAM.items()
        }
        self.sequence = 0
        self.messages = 0
        self.mail = MailQueue(app.views, app.clock)
        self.counters = Counters(app, mail=self.mail, telegram=DeliveryQueue(app.views, app.clock))
        self.inbox = ItipInbox(app, IDENTITY)

    @property
    def event_id(self) -> UUID:
        return calendar_event_id_for(calendar_id_for(self.accounts["alice"], "default"), UID)

    def perform(self, step: tuple[Any, ...]) -> None:
        kind = step[0]
        if kind == "move":
            self.sequence += 1
            self.app.put_object(
                calendar_id_for(self.accounts["alice"], "default"),
                f"{UID}.ics",
                vevent(
                    uid=UID,
                    start=f"20260305T{step[1]}0000",
                    end=f"20260305T{step[1]}3000",
                    sequence=self.sequence,
                    organizer=f"mailto:{ALICE}",
                    attendees=[(ALICE, "ACCEPTED"), (BOB, "NEEDS-ACTION"), (CAROL, "NEEDS-ACTION")],
                ),
                actor=f"account:{self.accounts['alice']}",
                source=CALDAV,
            )
        elif kind == "bob answers":
            self.app.give_rsvp(self.event_id, BOB, step[1], actor=ACTOR, source=CALDAV)
        elif kind == "carol counters":
            self._counter(step[1])
        elif kind == "alice answers the counter":
            self._answer_counter(accept=step[1])
        elif kind == "inbox delete":
            items = ScheduleInbox(self.app.views).items(self.accounts[step[1]])
            if items:
                self.app.delete_inbox_item(
                    self.accounts[step[1]], items[0].name, actor=ACTOR, source=CALDAV
                )
        elif kind == "erase":
            PersonalData(self.app).erase(TELEGRAM[step[1]], operator="dpo", reason="Art. 17")
        else:
            self._addresses(kind, TELEGRAM[step[1]])

    def _addresses(self, kind: str, telegram_id: int) -> None:
        """Invitation addresses and linked emails (docs/adr/0019)."""
        self.messages += 1
        if kind == "new address":
            self.app.renew_invite_address(telegram_id, actor=ACTOR, source=CLI)
        elif kind == "link by code":
            address = f"linked-{self.messages}@example.net"
            self.app.request_email_code(telegram_id, address, actor=ACTOR, source=CLI)
            [row] = [r for r in self.mail.mail_rows() if r["recipient"] == address]
            code = json.loads(row["payload"])["code"]
            self.app.verify_email_code(telegram_id, code, actor=ACTOR, source=CLI)
        elif kind == "unlink":
            self.app.remove_email(telegram_id, actor=ACTOR, source=CLI)
        else:
            account = self.app.queries.account_by_telegram_id(telegram_id)
            if account is None or account.invite_address is None:
                return
            ical = (
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nMETHOD:REQUEST\r\n"
                f"BEGIN:VEVENT\r\nUID:outside-{self.messages}\r\nDTSTAMP:20260301T100000Z\r\n"
                "DTSTART:20260306T100000Z\r\nDTEND:20260306T110000Z\r\nSEQUENCE:0\r\n"
                "ORGANIZER:mailto:dave@example.net\r\n"
                f"ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:{account.invite_address}\r\n"
                "END:VEVENT\r\nEND:VCALENDAR\r\n"
            )
            message = calendar_email(
                ical,
                method="REQUEST",
                sender="Dave <dave@example.net>",
                to=account.invite_address,
                message_id=f"outside-{self.messages}@mail.example.net",
                subject="Invitation",
            )
            receive_email(self.inbox, message)

    def _counter(self, hour: str) -> None:
        token = self.mail.invitation_token(str(self.event_id), CAROL)
        if token is None:
            return
        self.messages += 1
        ical = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//EN\r\nMETHOD:COUNTER\r\n"
            f"BEGIN:VEVENT\r\nUID:{UID}\r\nDTSTAMP:20260301T100000Z\r\n"
            f"DTSTART:20260305T{hour}0000Z\r\nDTEND:20260305T{hour}3000Z\r\n"
            f"SEQUENCE:{self.sequence}\r\nATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:{CAROL}\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        message = calendar_email(
            ical,
            method="COUNTER",
            sender=f"Carol <{CAROL}>",
            to=IDENTITY.reply_address(token),
            message_id=f"counter-{self.messages}@mail.example.org",
            subject="New time proposed",
        )
        receive_email(self.inbox, message)

    def _answer_counter(self, *, accept: bool) -> None:
        with self.app.views.read() as db:
            rows = db.all(
                "SELECT counter_id FROM mail_counters WHERE status = 'open' ORDER BY counter_id"
            )
        open_ids = [row["counter_id"] for row in rows]
        alice = self.app.queries.account_by_id(self.accounts["alice"])
        if not open_ids or alice is None:
            return
        self.counters.answer(str(open_ids[0]), alice, accept=accept, source="bot:100")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(history=histories)
@example(
    history=[
        ("move", "09"),
        ("carol counters", "11"),
        ("inbox delete", "bob"),
        ("alice answers the counter", True),
        ("erase", "bob"),
    ]
)
@example(history=[("move", "15"), ("carol counters", "17"), ("erase", "alice")])
@example(history=[("erase", "bob"), ("move", "09")])  # invited again after the erasure
@example(
    history=[
        ("invited at the address", "bob"),
        ("new address", "bob"),
        ("invited at the address", "bob"),
        ("link by code", "alice"),
        ("unlink", "alice"),
        ("erase", "bob"),
    ]
)
def test_any_history_with_counters_inbox_deletions_and_erasures_rebuilds_to_the_live_state(
    backend: Backend, clock: FakeClock, history: list[tuple[Any, ...]]
) -> None:
    with backend.fresh_app(clock) as app:
        world = World(app)
        for step in history:
            clock.advance(minutes=1)
            with contextlib.suppress(TeleventError):  # refused (an erased person, …): fine
                world.perform(step)
        report = Rebuilder(app.engine, app.views, batch_size=5).run(verify=True)
        assert report.matches, (history, report.differences)
