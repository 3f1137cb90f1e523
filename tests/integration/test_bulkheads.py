"""One user's odd data or one failing message never stops work for anyone else (bulkheads).

Each loop over many objects or users (the reminder scan, the bot's listings and /export, the
GDPR export, the Telegram and mail senders, free-busy) contains a failure to the object that
caused it: skipped, logged with its id, counted, and shown to its owner; everyone else goes on.
Failures are injected for one specific object (causes nobody foresaw), and the real corpus
files that caused them are used where the shared corpus is present.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import icalendar
import pytest

import televent.application.calendar_objects as calendar_objects
import televent.application.reminders as reminders
import televent.domain.ics_bundle as ics_bundle
import televent.domain.occurrences as occurrences
import televent.projections.agenda_reader as agenda_reader
from televent.adapters.caldav import query_freebusy
from televent.adapters.mail.sender import MailSender
from televent.adapters.port import AppPort
from televent.adapters.telegram import texts
from televent.adapters.telegram.agenda import Agenda
from televent.application.televent import Televent
from televent.bootstrap import build_application
from televent.config import Settings
from televent.domain.ical import parse_calendar_object
from televent.domain.ics_bundle import bundle_calendars
from televent.ops.gdpr import PersonalData
from tests.bot_harness import BotHarness, texts_of
from tests.bot_harness import run_scenario as run
from tests.botapi import FakeBotApi
from tests.conftest import FakeClock
from tests.e2e.test_corpus_roundtrip import resources
from tests.helpers import FIXTURE_CORPUS
from tests.integration.test_bot_handlers import default_calendar
from tests.integration.test_cli import Cli, cli

__all__ = ["cli"]  # the fixture running the real program

ACTOR, SOURCE = "system:", "cli:tests"
CORPUS = FIXTURE_CORPUS / "calendars"
BIRTHDAYS = CORPUS / "google-birthdays-rdate-z-on-date.ics"
BLANK_TZID = CORPUS / "exchange2010-blank-tzid.ics"


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as stand_in:
        yield stand_in


def event(uid: str, summary: str, start: str, end: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\n"
        f"SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def put(app: Televent, telegram_id: int, name: str, text: str) -> UUID:
    result = app.put_object(default_calendar(telegram_id), name, text, actor=ACTOR, source=SOURCE)
    return result.event_id


def put_unvalidated(
    app: Televent, monkeypatch: pytest.MonkeyPatch, telegram_id: int, name: str, text: str
) -> UUID:
    """Store an object as a server without today's write-time validation did: data already
    in the log that every reader must survive."""
    with monkeypatch.context() as patch:
        patch.setattr(calendar_objects, "accepted_calendar_object", parse_calendar_object)
        return put(app, telegram_id, name, text)


def poison(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """Make the reminder scan's and the bot's reading of one object fail (an unforeseen bug):
    its expansion, its occurrences and reminders read from the occurrence index, and its
    export."""
    due = reminders.due_reminders

    def failing_due(ical: str, *args: Any, **kwargs: Any) -> Any:
        if marker in ical:
            raise RuntimeError(f"injected failure for {marker}")
        return due(ical, *args, **kwargs)

    instances = Agenda._instances

    def failing_instances(self: Agenda, obj: Any, *args: Any, **kwargs: Any) -> Any:
        if marker in obj.ical:
            raise RuntimeError(f"injected failure for {marker}")
        return instances(self, obj, *args, **kwargs)

    components = ics_bundle._components

    def failing_components(text: str, zones: set[str]) -> Any:
        if marker in text:
            raise RuntimeError(f"injected failure for {marker}")
        return components(text, zones)

    from_index = agenda_reader._from_index

    def failing_from_index(indexed: Any, *args: Any, **kwargs: Any) -> Any:
        if marker == f"UID:{indexed.uid}":
            raise RuntimeError(f"injected failure for {marker}")
        return from_index(indexed, *args, **kwargs)

    indexed_due = reminders.indexed_due

    def failing_indexed_due(occurrence: Any, *args: Any, **kwargs: Any) -> Any:
        if marker == f"UID:{occurrence.uid}":
            raise RuntimeError(f"injected failure for {marker}")
        return indexed_due(occurrence, *args, **kwargs)

    monkeypatch.setattr(reminders, "due_reminders", failing_due)
    monkeypatch.setattr(reminders, "indexed_due", failing_indexed_due)
    monkeypatch.setattr(agenda_reader, "_from_index", failing_from_index)
    monkeypatch.setattr(Agenda, "_instances", failing_instances)
    monkeypatch.setattr(ics_bundle, "_components", failing_components)


# --- the reminder scan ---------------------------------------------------------------------------


def test_a_failing_event_never_stops_anyone_elses_reminders(
    app: Televent, api: FakeBotApi, clock: FakeClock, monkeypatch, caplog
) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        broken = put(app, 1, "poison.ics", event("poison", "Poison", "20260301T093000Z",
                                                  "20260301T100000Z"))  # fmt: skip
        put(app, 2, "standup.ics", event("standup", "Standup", "20260301T093000Z",
                                         "20260301T100000Z"))  # fmt: skip
        poison(monkeypatch, "UID:poison")
        clock.advance(minutes=16)  # 09:16, 14 minutes before both
        with caplog.at_level(logging.WARNING, logger="televent.application.reminders"):
            assert await h.remind() == 1, "Bob's reminder is queued although Alice's fails"
        assert h.sender.reminders is not None
        assert h.sender.reminders.failed == [str(broken)]
        assert str(broken) in caplog.text
        sent = [c for c in await h.deliver() if c.method == "sendMessage"]
        assert [(c.chat_id, "Standup" in c.text) for c in sent] == [(2, True)]

    run(app, api, clock, scenario)


@pytest.mark.parametrize("repaired", [True, False], ids=["root-cause-fixed", "bulkhead-only"])
def test_google_birthdays_never_stop_reminders_and_expand(
    backend, api: FakeBotApi, monkeypatch, repaired: bool
) -> None:
    clock = FakeClock(dt.datetime(2014, 12, 10, 7, 50, tzinfo=dt.UTC))  # 08:50 in Berlin
    if not repaired:  # a cause nobody foresaw: the expansion fails on the birthday
        monkeypatch.setattr(occurrences, "repair_broken_dates", lambda calendar: 0)
    with backend.fresh_app(clock) as app:

        async def scenario(h: BotHarness) -> None:
            await h.register(1, 2)
            stored = {
                uid: put_unvalidated(app, monkeypatch, 1, f"birthday-{n}.ics", text)
                for n, (uid, text, _, _) in enumerate(resources(BIRTHDAYS))
            }
            birthdays = stored["2014_BIRTHDAY_79d389868f96182e@google.com"]
            put(app, 2, "standup.ics", event("standup", "Standup", "20141210T080000Z",
                                             "20141210T083000Z"))  # fmt: skip
            queued = await h.remind()
            assert h.sender.reminders is not None
            failed = h.sender.reminders.failed
            sent = [c for c in await h.deliver() if c.method == "sendMessage"]
            assert any(c.chat_id == 2 and "Standup" in c.text for c in sent)
            # Google writes the 2014 birthday twice: the series' RRULE and an override of the
            # other UID. The all-day birthdays are reminded of at 9:00 local.
            birthday_reminders = [c for c in sent if c.chat_id == 1 and "birthday" in c.text]
            # Either way: the reminder scan, like the bot's listings, reads the occurrence
            # index, whose own reader placed the birthdays (RDATE:20131210Z before DTSTART
            # included) when they were written; the expansion library is not asked.
            assert failed == [] and queued == 3 and len(birthday_reminders) == 2
            assert (
                birthdays
                not in app.queries.starting_between(clock(), clock() + dt.timedelta(days=1)).on_read
            )
            for command in ("/today", "/week", "/list"):
                answer = texts_of(await h.say(1, command))[-1]
                assert "Sorry" not in answer, (command, answer)
                assert "birthday" in answer, (command, answer)
                assert "could not be shown" not in answer, (command, answer)
            export = next(c for c in await h.say(1, "/export") if c.method == "sendDocument")
            assert b"birthday" in export.params["document"].content

        run(app, api, clock, scenario)


# --- the bot's listings and /export --------------------------------------------------------------


def test_one_unreadable_event_is_counted_and_the_others_listed_and_exported(
    app: Televent, api: FakeBotApi, clock: FakeClock, monkeypatch, caplog
) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        broken = put(app, 1, "poison.ics", event("poison", "Poison", "20260301T120000Z",
                                                  "20260301T130000Z"))  # fmt: skip
        put(app, 1, "lunch.ics", event("lunch", "Lunch", "20260301T110000Z",
                                       "20260301T120000Z"))  # fmt: skip
        put(app, 2, "tea.ics", event("tea", "Tea", "20260301T150000Z", "20260301T160000Z"))
        poison(monkeypatch, "UID:poison")
        with caplog.at_level(logging.WARNING):
            for command in ("/today", "/week", "/list"):
                answer = texts_of(await h.say(1, command))[-1]
                assert "Lunch" in answer and "Poison" not in answer, (command, answer)
                assert "1 event could not be shown" in answer, (command, answer)
                assert "Sorry" not in answer
            export = next(c for c in await h.say(1, "/export") if c.method == "sendDocument")
        document = export.params["document"].content
        assert b"SUMMARY:Lunch" in document and b"Poison" not in document
        assert "1 event could not be exported" in export.params["caption"]
        assert str(broken) in caplog.text
        alice = app.queries.account_by_telegram_id(1)
        assert alice is not None
        start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
        listing = Agenda(app.queries, app.internal_domain).listing(
            alice, start, start + dt.timedelta(days=1)
        )
        assert listing.unreadable == [broken]  # and in which calendar, for the API's left_out
        assert listing.where == {broken: default_calendar(1)}
        others = texts_of(await h.say(2, "/today"))[-1]
        assert "Tea" in others and "could not" not in others

    run(app, api, clock, scenario)


def test_the_note_says_how_many_and_a_listing_of_only_unreadable_events_is_not_empty() -> None:
    tz = texts.zone("Europe/Berlin")
    assert "Nothing planned" not in texts.agenda("Today", [], tz, unreadable=2)
    assert "2 events could not be shown" in texts.agenda("Today", [], tz, unreadable=2)
    assert "could not" not in texts.agenda("Today", [], tz)


# --- exports -------------------------------------------------------------------------------------


def test_a_bundle_leaves_out_only_what_it_cannot_read() -> None:
    blank = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTIMEZONE\r\nTZID:\r\n"
        "BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0200\r\n"
        "TZOFFSETTO:+0200\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:b\r\n"
        "DTSTAMP:20260301T000000Z\r\nDTSTART;TZID=:20260301T100000\r\nSUMMARY:Blank\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    good = event("good", "Good", "20260301T100000Z", "20260301T110000Z")
    bundle = bundle_calendars("mine", [("b", blank), ("g", good), ("x", "not iCalendar")], "t")
    assert [s.key for s in bundle.skipped] == ["x"]
    parsed = icalendar.Calendar.from_ical(bundle.data)
    # a zone without TZID names no zone (an Exchange quirk): its times are read floating, as
    # a PUT's validation reads them, and the event is in the bundle
    assert [str(e["SUMMARY"]) for e in parsed.walk("VEVENT")] == ["Blank", "Good"]


def _gdpr_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_gdpr_export_writes_what_it_can_and_names_what_it_could_not(
    app: Televent, monkeypatch, tmp_path: Path
) -> None:
    app.register_account(1, name="Alice", actor=ACTOR, source=SOURCE)
    broken = put(app, 1, "poison.ics", event("poison", "Poison", "20260301T120000Z",
                                              "20260301T130000Z"))  # fmt: skip
    put(app, 1, "lunch.ics", event("lunch", "Lunch", "20260301T110000Z", "20260301T120000Z"))
    poison(monkeypatch, "UID:poison")
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "alice.zip"
    summary = PersonalData(app).export(1, out, operator="dpo", reason="test")
    assert summary.objects == 2 and len(summary.problems) == 1
    assert str(broken) in summary.problems[0]
    files = _gdpr_zip(out)
    assert b"SUMMARY:Lunch" in files["calendars/default.ics"]
    assert b"Poison" not in files["calendars/default.ics"]
    assert b"SUMMARY:Poison" in files[f"calendars/default.unreadable/{broken}.ics"]
    assert len(json.loads(files["problems.json"])) == 1
    assert [p.name for p in folder.iterdir()] == ["alice.zip"]


def test_a_failed_gdpr_export_leaves_nothing_half_written(
    app: Televent, monkeypatch, tmp_path: Path
) -> None:
    app.register_account(1, name="Alice", actor=ACTOR, source=SOURCE)
    put(app, 1, "lunch.ics", event("lunch", "Lunch", "20260301T110000Z", "20260301T120000Z"))
    folder = tmp_path / "exports"
    folder.mkdir()
    earlier = folder / "earlier.zip"
    earlier.write_bytes(b"an earlier export")

    def broken(*args: Any) -> Any:
        raise OSError("disk full")

    monkeypatch.setattr(PersonalData, "_deliveries", broken)
    for out in (folder / "new.zip", earlier):
        with pytest.raises(OSError, match="disk full"):
            PersonalData(app).export(1, out, operator="dpo", reason="test")
    assert sorted(p.name for p in folder.iterdir()) == ["earlier.zip"]
    assert earlier.read_bytes() == b"an earlier export"


def test_an_exchange_blank_tzid_event_never_fails_the_exports(
    app: Televent, api: FakeBotApi, clock: FakeClock, monkeypatch, tmp_path: Path
) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1)
        [(_, text, _, _)] = resources(BLANK_TZID)
        blank = put_unvalidated(app, monkeypatch, 1, "blank.ics", text)
        put(app, 1, "lunch.ics", event("lunch", "Lunch", "20260301T110000Z", "20260301T120000Z"))
        export = next(c for c in await h.say(1, "/export") if c.method == "sendDocument")
        assert b"SUMMARY:Lunch" in export.params["document"].content
        icalendar.Calendar.from_ical(export.params["document"].content)  # readable as a whole
        out = tmp_path / "alice.zip"
        summary = PersonalData(app).export(1, out, operator="dpo", reason="test")
        files = _gdpr_zip(out)
        icalendar.Calendar.from_ical(files["calendars/default.ics"])
        assert b"SUMMARY:Lunch" in files["calendars/default.ics"]
        # A zone without TZID names no zone: its times are read floating, as a PUT's
        # validation reads them, and the event is in the merged calendar like any other.
        assert summary.problems == [] and str(blank) not in json.dumps(summary.problems)
        assert b"17 Commerce Crescent" in files["calendars/default.ics"]
        assert "could not be exported" not in export.params["caption"]

    run(app, api, clock, scenario)


def test_the_gdpr_command_exports_a_blank_tzid_event(cli: Cli, tmp_path: Path, monkeypatch) -> None:
    assert cli("db", "upgrade").returncode == 0
    assert cli("account", "create", "--telegram-id", "1", "--name", "Alice").returncode == 0
    app = build_application(Settings(database_url=cli.env["TELEVENT_DATABASE_URL"]))
    try:
        [(_, text, _, _)] = resources(BLANK_TZID)
        put_unvalidated(app, monkeypatch, 1, "blank.ics", text)
        put(app, 1, "lunch.ics", event("lunch", "Lunch", "20260301T110000Z", "20260301T120000Z"))
    finally:
        app.close()
    out = tmp_path / "alice.zip"
    exported = cli("gdpr", "export", "1", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "Wrote" in exported.stdout and "Warning" not in exported.stdout
    files = _gdpr_zip(out)
    assert b"SUMMARY:Lunch" in files["calendars/default.ics"]
    assert b"17 Commerce Crescent" in files["calendars/default.ics"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


# --- the senders ---------------------------------------------------------------------------------


def test_one_failing_telegram_row_never_stops_the_others(
    app: Televent, api: FakeBotApi, clock: FakeClock, monkeypatch, caplog
) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(1, 2)
        for chat in (1, 2):
            payload = {"summary": f"For {chat}", "location": None, "in": "soon",
                       "start": "2026-03-01T10:00:00+00:00", "end": None}  # fmt: skip
            h.queue.enqueue(f"notice:{chat}", chat, "reminder", None, payload)
        send = h.sender._send

        async def failing_send(delivery: Any) -> None:
            if delivery.chat_id == 1:
                raise RuntimeError("injected failure for chat 1")
            await send(delivery)

        monkeypatch.setattr(h.sender, "_send", failing_send)
        before = len(api.calls())
        with caplog.at_level(logging.ERROR):
            assert await h.sender.run_once() == 2
        sent = [c for c in api.calls()[before:] if c.method == "sendMessage"]
        assert [c.chat_id for c in sent] == [2]
        assert "injected failure for chat 1" in caplog.text

    run(app, api, clock, scenario)


def test_one_failing_mail_row_never_stops_the_others(monkeypatch) -> None:
    class Rows:
        def claim_mail(self) -> list[Any]:
            return [type("Row", (), {"delivery_id": name})() for name in ("bad", "good")]

    sender = MailSender.__new__(MailSender)
    sender.port = AppPort()
    sender.queue = Rows()  # type: ignore[assignment]
    tried: list[str] = []

    async def failing_send(delivery: Any) -> None:
        tried.append(delivery.delivery_id)
        if delivery.delivery_id == "bad":
            raise RuntimeError("injected")

    monkeypatch.setattr(sender, "_send", failing_send)
    assert asyncio.run(sender.run_once()) == 2
    assert tried == ["bad", "good"]


# --- free-busy -----------------------------------------------------------------------------------


def test_free_busy_skips_only_the_resource_it_cannot_expand(monkeypatch) -> None:
    busy = query_freebusy._busy_periods

    def failing(component: Any, *args: Any) -> Any:
        if str(component.get("UID")) == "poison":
            raise RuntimeError("injected")
        return busy(component, *args)

    monkeypatch.setattr(query_freebusy, "_busy_periods", failing)
    texts_ = [
        event("poison", "Poison", "20260301T120000Z", "20260301T130000Z"),
        event("lunch", "Lunch", "20260301T110000Z", "20260301T120000Z"),
    ]
    start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    periods = query_freebusy.free_busy(texts_, start, start + dt.timedelta(days=1))
    assert periods == [
        (dt.datetime(2026, 3, 1, 11, tzinfo=dt.UTC), dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC),
         "BUSY")
    ]  # fmt: skip
