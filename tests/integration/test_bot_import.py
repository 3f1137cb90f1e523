"""An .ics document sent to the bot (docs/adr/0024), on SQLite and PostgreSQL with the Bot API
stand-in serving the file through getFile: its events land in the sender's calendar, the
answer counts them and says why one was skipped, sending it again imports nothing, nobody is
invited; with a caption naming another calendar, they land there; a caption naming none, a
document that is no calendar, and a file that is not iCalendar, are answered in the sender's
language and nothing is stored."""

from __future__ import annotations

from televent.application.scheduling import resource_name
from televent.domain.values import DEFAULT_CALENDAR_SLUG, calendar_id_for
from tests.bot_harness import BotHarness, run_scenario, texts_of

ACTOR, SOURCE = "system:", "cli:tests"

ALICE = 1

TIMETABLE = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//School//Timetable//EN\r
METHOD:REQUEST\r
BEGIN:VEVENT\r
UID:maths@school.example\r
DTSTAMP:20260101T000000Z\r
DTSTART:20261201T080000Z\r
DTEND:20261201T090000Z\r
RRULE:FREQ=WEEKLY;COUNT=10\r
SUMMARY:Maths\r
ORGANIZER:mailto:tg_1@televent.internal\r
ATTENDEE;RSVP=TRUE:mailto:teacher@school.example\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:trip@school.example\r
DTSTAMP:20260101T000000Z\r
DTSTART;VALUE=DATE:20261210\r
SUMMARY:Museum trip\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:odd@school.example\r
DTSTAMP:20260101T000000Z\r
DTSTART:20261205T090000Z\r
RRULE:FREQ=SOMETIMES\r
SUMMARY:Odd one\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_calendar_file_sent_to_the_bot_is_imported(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE)
        account = app.queries.account_by_telegram_id(ALICE)
        assert account is not None
        calendar = calendar_id_for(account.account_id, DEFAULT_CALENDAR_SLUG)

        calls = await h.send_file(ALICE, TIMETABLE, "timetable.ics", "text/calendar")
        assert any(call.method == "getFile" for call in calls)
        answer = texts_of(calls)
        assert len(answer) == 1, answer
        assert "Imported: 2. Updated: 0. Already there: 0. Skipped: 1." in answer[0]
        assert "Nobody was invited or told." in answer[0]
        assert (
            "“Odd one” skipped: recurrence: “FREQ=SOMETIMES” is not a repetition rule" in answer[0]
        )
        stored = {obj.href: obj for obj in app.queries.objects_in(calendar)}
        assert set(stored) == {
            resource_name("maths@school.example"),
            resource_name("trip@school.example"),
        }
        assert "METHOD" not in stored[resource_name("maths@school.example")].ical
        assert await h.deliver() == []  # no card, and the teacher is mailed nothing
        with app.views.read() as db:
            assert db.all("SELECT recipient FROM mail_outbox") == []

        # Sent again (without a file name: the type says it is a calendar): nothing new.
        again = texts_of(await h.send_file(ALICE, TIMETABLE, None, "application/ics"))
        assert "Imported: 0. Updated: 0. Already there: 2. Skipped: 1." in again[0]
        assert len(app.queries.objects_in(calendar)) == 2

    run_scenario(app, api, clock, scenario)


def test_other_documents_are_answered_in_the_senders_language(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = "ru"
        await h.register(ALICE)
        account = app.queries.account_by_telegram_id(ALICE)
        assert account is not None
        calendar = calendar_id_for(account.account_id, DEFAULT_CALENDAR_SLUG)

        photo = texts_of(await h.send_file(ALICE, b"\x89PNG\r\n", "holiday.png", "image/png"))
        assert photo == [
            "Пришлите файл календаря (.ics), и я импортирую его события в ваш календарь."
        ]
        fake = texts_of(await h.send_file(ALICE, b"%PDF-1.7", "letter.ics", "text/calendar"))
        assert fake == ["⚠️ Это не файл календаря (.ics)."]
        assert app.queries.objects_in(calendar) == []

    run_scenario(app, api, clock, scenario)


BACKWARDS = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Old//Planner//EN\r
BEGIN:VEVENT\r
UID:backwards@old.example\r
DTSTAMP:20260101T000000Z\r
DTSTART:20261205T100000Z\r
DTEND:20261205T090000Z\r
SUMMARY:Zeitreise\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:ticking@old.example\r
DTSTAMP:20260101T000000Z\r
DTSTART:20261205T100000Z\r
RRULE:FREQ=SECONDLY\r
SUMMARY:Sekundenzeiger\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_why_an_event_was_skipped_is_said_in_the_senders_language(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        h.languages[ALICE] = "de"
        await h.register(ALICE)
        # Nothing importable: the refusal names the first event left out, and why.
        (refused,) = texts_of(await h.send_file(ALICE, BACKWARDS, "alt.ics", "text/calendar"))
        assert refused.startswith("⚠️ Aus dieser Datei lässt sich nichts importieren."), refused
        assert "„Zeitreise“ übersprungen" in refused, refused
        assert "endet (DTEND), bevor es beginnt (DTSTART)" in refused, refused
        # With one event that can be: each event left out on its own line, in German.
        fine = TIMETABLE.split(b"BEGIN:VEVENT")[2].split(b"END:VEVENT")[0]
        mixed = BACKWARDS.replace(
            b"END:VCALENDAR", b"BEGIN:VEVENT" + fine + b"END:VEVENT\r\nEND:VCALENDAR"
        )
        (answer,) = texts_of(await h.send_file(ALICE, mixed, "alt.ics", "text/calendar"))
        lines = {
            title: next((line for line in answer.splitlines() if title in line), answer)
            for title in ("Zeitreise", "Sekundenzeiger")
        }
        assert "endet (DTEND), bevor es beginnt (DTSTART)" in lines["Zeitreise"], answer
        assert "FREQ=SECONDLY" in lines["Sekundenzeiger"] and "stündlich" in answer, answer
        for english in ("lies before", "is not stored", "skipped", "cannot be read"):
            assert english not in refused + answer, (english, refused, answer)

    run_scenario(app, api, clock, scenario)


def test_a_caption_names_the_calendar_the_file_goes_into(app, api, clock) -> None:
    async def scenario(h: BotHarness) -> None:
        await h.register(ALICE)
        account = app.queries.account_by_telegram_id(ALICE)
        assert account is not None
        school = app.create_calendar(
            account.account_id, "school", {"display_name": "School"}, actor=ACTOR, source=SOURCE
        )
        default = calendar_id_for(account.account_id, DEFAULT_CALENDAR_SLUG)

        answer = texts_of(await h.send_file(ALICE, TIMETABLE, "t.ics", None, caption="school"))
        assert answer[0].startswith("📥 Imported into “School”."), answer
        assert len(app.queries.objects_in(school)) == 2
        assert app.queries.objects_in(default) == []

        nowhere = texts_of(await h.send_file(ALICE, TIMETABLE, "t.ics", None, caption="Work"))
        assert nowhere[0].startswith("⚠️ You have no calendar “Work”."), nowhere
        assert "School" in nowhere[0]
        assert app.queries.objects_in(default) == []

    run_scenario(app, api, clock, scenario)
