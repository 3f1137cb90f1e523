"""Real iMIP emails and iTIP objects from other products, through the inbox, on both backends.

The corpus (`../shared/corpus`, see its SOURCES.md) holds messages captured from Gmail, Outlook,
Exchange, Apple, Thunderbird, Lotus Notes and others, byte for byte. Every file has an expected
outcome here, written by reading the file: who is invited, when the meeting starts (converted to
UTC by hand from the file's own time zone rules), what the answer was, what Telegram is told.

Bare `.ics` objects are sent the way a mailer would: a text/calendar part whose `method=` is the
body's METHOD, from the organizer (REQUEST, CANCEL) or the answering attendee (REPLY). An
answer to an event organised here arrives at the reply address of the attendee's invitation
(`calendar+<token>@…`, as the receiving MTA's Delivered-To names it): only that address makes
Televent believe whom it speaks for.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from uuid import UUID

from televent.adapters.mail.ingest import receive_email
from televent.application.counters import Counters
from televent.application.itip_inbox import ItipInbox, Receipt
from televent.application.televent import Televent
from televent.delivery.mail_queue import MailQueue
from televent.delivery.telegram_queue import DeliveryQueue
from televent.domain.ical import facts_of, parse_calendar_object
from televent.domain.mail_identity import MailIdentity
from televent.domain.values import PartStat, calendar_event_id_for, calendar_id_for
from tests.conftest import FakeClock
from tests.helpers import ACTOR, CLI, FIXTURE_CORPUS

CORPUS = FIXTURE_CORPUS


IDENTITY = MailIdentity.parse("Televent <calendar@cal.example.org>")
INVITEE = 7  # the Telegram id of the Televent user an invitation is for
ORGANIZER = 1  # the Telegram id of the Televent user who organises the event a reply is about
ORGANIZER_ADDRESS = f"tg_{ORGANIZER}@televent.internal"


def utc(text: str) -> dt.datetime:
    """A UTC instant written as in iCalendar (`20120704T103140Z`)."""
    return dt.datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)


# --- sending and reading --------------------------------------------------------------------


def corpus_text(name: str) -> str:
    return (CORPUS / name).read_bytes().decode("utf-8")


def as_email(
    name: str, *, sender: str, to: str, message_id: str | None = None, ical: str | None = None
) -> bytes:
    """A bare iTIP object as a mailer sends it: one text/calendar part, method= from the body."""
    text = corpus_text(name) if ical is None else ical
    method = re.search(r"^METHOD:(\w+)", text, re.MULTILINE)
    assert method is not None, f"{name} names no METHOD"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = f"Invitation ({Path(name).stem})"
    message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    message["Message-ID"] = f"<{message_id or Path(name).stem}@mailer.example.net>"
    message.set_content(text, subtype="calendar", params={"method": method.group(1)})
    return message.as_bytes()


def raw_of(name: str, *, sender: str = "", to: str = "") -> bytes:
    """The bytes to feed the inbox: an .eml as it is, an .ics wrapped in an email."""
    if name.endswith(".eml"):
        return (CORPUS / name).read_bytes()
    return as_email(name, sender=sender, to=to)


def receive(app: Televent, raw: bytes) -> Receipt:
    return receive_email(ItipInbox(app, IDENTITY), raw)


def results(receipt: Receipt) -> list[tuple[str, str, str]]:
    return [(o.method, o.uid, o.result) for o in receipt.outcomes]


def register(app: Televent, telegram_id: int, email: str | None = None) -> None:
    app.register_account(
        telegram_id, name=f"User {telegram_id}", email=email, actor=ACTOR, source=CLI
    )


def default_calendar(app: Televent, telegram_id: int) -> UUID:
    account = app.queries.account_by_telegram_id(telegram_id)
    assert account is not None
    return calendar_id_for(account.account_id, "default")


def stored_ical(app: Televent, telegram_id: int, uid: str) -> str | None:
    calendar_id = default_calendar(app, telegram_id)
    view = app.queries.object_by_event_id(calendar_event_id_for(calendar_id, uid))
    return None if view is None else view.ical


def stored_facts(app: Televent, telegram_id: int, uid: str) -> dict[str, Any]:
    ical = stored_ical(app, telegram_id, uid)
    assert ical is not None, f"no copy of {uid} in the calendar of {telegram_id}"
    return facts_of(parse_calendar_object(ical))


def start_utc(facts: dict[str, Any]) -> dt.datetime:
    start = dt.datetime.fromisoformat(facts["start"])
    assert start.tzinfo is not None, f"the start {facts['start']} is floating"
    return start.astimezone(dt.UTC)


def telegram(app: Televent, chat_id: int) -> list[dict[str, Any]]:
    rows = DeliveryQueue(app.views, app.clock).rows(chat_id)
    for row in rows:
        if isinstance(row["payload"], str):
            row["payload"] = json.loads(row["payload"])
    return rows


def kinds(app: Televent, chat_id: int) -> list[str]:
    return [row["kind"] for row in telegram(app, chat_id)]


def partstat_of(facts: dict[str, Any], address: str) -> str | None:
    found = [a["partstat"] for a in facts["attendees"] if a["address"] == address]
    assert found, f"{address} is not an attendee"
    return found[0]


# --- REQUEST: an invitation from an organizer elsewhere ------------------------------------


@dataclass(frozen=True)
class Invitation:
    """What a REQUEST in the corpus must become in the invited Televent user's calendar."""

    file: str
    invitee: str  # the attendee who uses Televent
    received: str  # when it arrives (the message's DTSTAMP): the clock the card is judged by
    uid: str
    start: str  # the first start in UTC, worked out by hand from the file's TZID and rules
    summary: str | None
    location: str | None
    recurring: bool = False
    overrides: int = 0
    card: bool = True  # whether the invitee is sent a Telegram card
    sender: str = ""  # for .ics files: the From of the email that carries it


INVITATIONS = [
    Invitation(
        # Exchange ActiveSync: base64 part, TAB-folded ATTENDEE lines, uppercase MAILTO:
        "imip-eml/android-email-request-base64-tab-folding.eml",
        "thomas.cataldo@blue-mind.net",
        "20120704T103140Z",
        "c59aa4cb-8515-4696-bb74-1b3e8711cb45",
        "20120706T100000Z",
        "Bbq",
        None,
    ),
    Invitation(
        # no method= on the MIME part; Europe/Berlin 07:15 in November is CET, 06:15Z
        "imip-eml/apple-ical5-request-qp.eml",
        "unittest@tine20.org",
        "20111124T082140Z",
        "48560E48-9DE3-41F1-8F03-7607C67F7A8F",
        "20111129T061500Z",
        "Einladung",
        None,
    ),
    Invitation(
        # Lotus Notes short TZID "Romance" (quoted) with its VTIMEZONE: 11:00 CEST is 09:00Z
        "imip-eml/domino85-request-mixed-related-alternative.eml",
        "thomas.cataldo@blue-mind.fr",
        "20120810T104210Z",
        "354EFA3054F1F02FC1257A56003AB3AD-Lotus_Notes_Generated",
        "20120814T090000Z",
        "test agenda BM",
        None,
    ),
    Invitation(
        # "(GMT+01.00) Sarajevo/Warsaw/Zagreb", QP with LF line ends: 09:30 CEST is 07:30Z
        "imip-eml/exchange-cdo-request-qp-lf.eml",
        "l.fayette@blue-mind.com",
        "20130724T091041Z",
        "040000008200E00074C5B7101A82E0080000000080F208E05A88CE01000000000000000010000000"
        "88D09CB4813EC74FBC13270E7428E99B",
        "20130916T073000Z",
        "Mis(e) à jour: Réunion RH de rentrée",
        "salle incentive",
    ),
    Invitation(
        # TZID "GMT -0500 (Standard) / GMT -0400 (Daylight)": 13:30 EDT in September is 17:30Z
        "imip-eml/exchange-cdo-request-recurring-gmt-offset-tzid.eml",
        "sylvie.brault@urgences-sante.qc.ca",
        "20200909T182143Z",
        "040000008200E00074C5B7101A82E00800000000E043CD87B486D601000000000000000010000000"
        "78E34F56EE69B94BAA6BDBDDEC654149",
        "20200917T173000Z",
        "Table de travail - axe administratif",
        "https://urgences-sante.zoom.us/j/99542199327",
        recurring=True,
    ),
    Invitation(
        # 8bit text/calendar without charset: the UTF-8 "é" must survive; 17:00 EST is 22:00Z
        "imip-eml/exchange2003-cdo-request-8bit-no-charset.eml",
        "thomas.cataldo@bluemind.net",
        "20201106T153842Z",
        "040000008200E00074C5B7101A82E00800000000A05DCAF528B4D601000000000000000010000000"
        "AC72788CFD78144EBF3A4BA1AECCA140",
        "20201106T220000Z",
        "Rencontre EX2003 du canada acentuéee",
        "Toronto",
    ),
    Invitation(
        # "W. Europe Standard Time" 09:00 in November (winter, +01:00) is 08:00Z
        "imip-eml/exchange2007-request-w-europe-base64.eml",
        "oliver@roth.myftp.org",
        "20121116T143217Z",
        "040000008200E00074C5B7101A82E0080000000010B88C8F0FC4CD01000000000000000010000000"
        "0CB70453D9CD1E4B909ABC9962002608",
        "20121118T080000Z",
        "Test von Outlook an Tine20",
        "Ort",
    ),
    Invitation(
        # "Romance Standard Time" weekly series: 13:00 CET on 28 February is 12:00Z
        "imip-eml/exchange2010-request-recurring-weekly-romance.eml",
        "m.aguilar@ch-gers.fr",
        "20140227T103602Z",
        "040000008200E00074C5B7101A82E00800000000F0EBA5F1AF33CF01000000000000000010000000"
        "1F957BD0CEDEFB4D83EC72D6FA6A49C9",
        "20140228T120000Z",
        "test périodique",
        "Live Meeting",
        recurring=True,
    ),
    Invitation(
        # Europe/Berlin 14:00 in June (CEST) is 12:00Z; Drive attachments, QP with =2E
        "imip-eml/google-request-drive-attachments-meet-qp.eml",
        "thomas.fricker@bluemind.net",
        "20230609T073152Z",
        "5r5fab74aetove4tjjuhq6e7kr@google.com",
        "20230610T120000Z",
        "just a test",
        "",
    ),
    Invitation(
        # UTC times, no VTIMEZONE, QP soft breaks inside folded lines
        "imip-eml/google-request-meet-qp-swedish.eml",
        "homer@example.com",
        "20210322T091220Z",
        "65m17hsdolmotv3kvmrtg40ont@google.com",
        "20210322T093000Z",
        "Meeeeet me HTML",
        "",
    ),
    Invitation(
        # the same object inline and as application/ics: one event
        "imip-eml/google-request-mixed-alt-plus-application-ics.eml",
        "tom@bluejob.fr",
        "20120529T110832Z",
        "c77u5rfv1m7rpujcicpimfip1g@google.com",
        "20120530T090000Z",
        "Demain avec tom@bm",
        "",
    ),
    Invitation(
        # ORGANIZER without mailto:; the invitee is not the To: address; 10:00 CEST is 08:00Z
        "imip-eml/ios-request-qp.eml",
        "asdcsde@kabcded.de",
        "20121011T084317Z",
        "cb2e1063da91d655e82f5287cbedb58e9676189d",
        "20130908T080000Z",
        "evtl. Festgottesdienst St. Michael 60-jähriges Bestehen",
        None,
    ),
    Invitation(
        # "Greenwich Standard Time" (+00:00 all year): 08:00 is 08:00Z
        "imip-eml/office365-request-related-inline-image.eml",
        "thomas.fricker@bluemind.net",
        "20211216T111300Z",
        "040000008200E00074C5B7101A82E00800000000DEE9BEDA6DF2D701000000000000000010000000"
        "7F3854933A325346B9433160D5F41CEA",
        "20211217T080000Z",
        "Test O365 invitation",
        "",
    ),
    Invitation(
        # "FLE Standard Time" 19:00 in December (EET, +02:00) is 17:00Z
        "imip-eml/office365-request-teams-fle-tz-base64.eml",
        "homer@example.com",
        "20201202T165134Z",
        "056000008200E00074C5B7101A82E008000000001AF84C64CBC8D601000000000000000010000000"
        "403B5AC10A0EB444A947D2B499A4B98C",
        "20201202T170000Z",
        "Teams meeting",
        "",
    ),
    Invitation(
        # TZID "Sarajevo, Skopje, Warsaw, Zagreb" (commas, quoted): 20:00 CEST is 18:00Z
        "imip-eml/outlook-mac2011-request-tzid-with-commas.eml",
        "tom@willow.vmw",
        "20120527T174900Z",
        "A93D8AAF-53FE-40D1-990B-C056E13727F2",
        "20120527T180000Z",
        "Réunion depuis outlook",
        "Le lieu",
    ),
    Invitation(
        # quoted "Romance Standard Time": 10:45 CET in January is 09:45Z
        "imip-eml/outlook2010-request-qp.eml",
        "rkidai@mairie-saint-ouen.fr",
        "20121218T085651Z",
        "040000008200E00074C5B7101A82E00800000000206A4EEA59DCCD01000000000000000010000000"
        "AAA0FD7CFF3E614A8420F4F30FA333D5",
        "20130109T094500Z",
        "Entretien Angelie Delay  / Infhotep - Procédures organigramme",
        "Saint Ouen - Bureau DRH",
    ),
    Invitation(
        # a bare top-level text/calendar message. 00:00 CEST on 24 October is 22:00Z the day
        # before; it was sent (DTSTAMP 07:45Z) after the meeting had ended, so it is stored but
        # no Telegram card is sent for a meeting that is over.
        "imip-eml/outlook2010-request-toplevel-text-calendar.eml",
        "thomas.cataldo@blue-mind.net",
        "20121024T074558Z",
        "040000008200E00074C5B7101A82E00800000000C0DB025FCCB1CD01000000000000000010000000"
        "72FF529313A7EF4BAB4F711E6967F2CE",
        "20121023T220000Z",
        "Rdv depuis OTK 2010",
        "Labège",
        card=False,
    ),
    Invitation(
        # inline text/calendar plus application/ics; 09:00 CET on 1 November is 08:00Z
        "imip-eml/thunderbird-request-qp-with-application-ics.eml",
        "unittest@tine20.org",
        "20111101T080258Z",
        "6f59364f-987e-48bb-a0d1-5512a2ba5570",
        "20111101T080000Z",
        "testevent",
        "kskdcsd",
    ),
    Invitation(
        "itip-ics/blackberry-bis-request-allday.ics",
        "rembrand@xs4all.nl",
        "20120813T151458Z",
        "XRIMCAL-628059586-522954492-9750559",
        "2012-08-14",  # all day
        "Test meeting from BB",
        None,
        sender="rembrand@daxlab.com",
    ),
    Invitation(
        # VTIMEZONE "Pacific Time (US & Canada)\, Tijuana", referenced quoted and unescaped;
        # old US rules (DST until the last Sunday of October): 22:30 PDT is 05:30Z next day
        "itip-ics/exchange-cdo-request-escaped-comma-tzid.ics",
        "meher.t@gmail.com",
        "20041012T001849Z",
        "CD0000008B9511D182D800C04FB1625D17D373499F99F547A0016BEAC6AB5576",
        "20041012T053000Z",
        "Now with descriptoin",
        "Test Location",
        sender="meher.tendjoukian@verdisoft.com",
    ),
    Invitation(
        # "W. Europe Standard Time" 13:00 in March before the switch (+01:00) is 12:00Z
        "itip-ics/exchange2007-request-german-tz-blurb.ics",
        "name@example.net",
        "20141001T075657Z",
        "040000008200E00074C5B7101A82E0080000000060A0CF095EDDCF01000000000000000010000000"
        "2B6BB244B1AFF048AFD8E002B733D4E7",
        "20150304T120000Z",
        "Blocker Wie bleibe ich gesund? Ernährung",
        "",
        sender="name@example.com",
    ),
    Invitation(
        # one occurrence only (RECURRENCE-ID, no master): "W. Europe" 11:00 CEST is 09:00Z
        "itip-ics/exchange2010-request-single-occurrence.ics",
        "sclever@tine20.org",
        "20180904T151837Z",
        "040000008200E00074C5B7101A82E0080000000060C9996DFC1BD301000000000000000010000000"
        "FFBCF26484A5714B9FAB976702B5075D",
        "20180906T090000Z",
        "Daily Call",
        "Telko",
        overrides=1,
        sender="l.kneschke@caldav.org",
    ),
    Invitation(
        # one instance of a Google series; Europe/Paris 10:00 CEST is 08:00Z
        "itip-ics/google-request-single-instance-resource-meet.ics",
        "sylvain.garcia@bluemind.net",
        "20210406T125749Z",
        "061CC1A7-32A7-40AE-9DAB-BD0B0408EEC3",
        "20210420T080000Z",
        "[YAY] LALALALALALALALALA LALALALALALA - Visioconférence",
        "111 IZIF 92838 FJFHF83 33333F OFF OZEOZK (2)",
        overrides=1,
        sender="ggggg@bm.lan",
    ),
    Invitation(
        # ORGANIZER is a principal path with EMAIL=; Europe/Berlin 14:15 CET is 13:15Z
        "itip-ics/icloud-calendarserver-request-principal-uris.ics",
        "s.clever@tine20.org",
        "20120227T155620Z",
        "9320E052-6AF0-45E7-9352-04BBEC898D47",
        "20120229T131500Z",
        "noch mal neu",
        None,
        sender="mail@corneliusweiss.de",
    ),
    Invitation(
        # one rescheduled instance with RDATE;VALUE=PERIOD; TZID "Eastern" (DST from the first
        # Sunday of April, 3 April 2005): 11:00 EDT is 15:00Z; it replaces 13:00Z
        "itip-ics/lotus-notes6-request-instance-rdate-period.ics",
        "icalparticipant@coffeebean.com",
        "20050406T205055Z",
        "6BA1ECA4D58B306C85256FDB0071B664-Lotus_Notes_Generated",
        "20050428T150000Z",
        "More complicated stream (5 day recurring)",
        None,
        overrides=1,
        sender="iCalChair@coffeebean.com",
    ),
    Invitation(
        # parameters folded onto their own lines; quoted "Europe/Madrid" 07:00 CET is 06:00Z
        "itip-ics/lotus-notes852-request.ics",
        "katrin@example.de",
        "20120227T175521Z",
        "A5C4058C8C5926C8C12579B100622D66-Lotus_Notes_Generated",
        "20120302T060000Z",
        "conference",
        None,
        sender="Paul.Wulf@de.ibm.com",
    ),
    Invitation(
        # lines folded with a TAB (the UID among them); "W. Europe" 11:00 CEST is 09:00Z
        "itip-ics/outlook2010-request-tab-folding-x-alt-desc.ics",
        "sclever@tine20.org",
        "20170809T064341Z",
        "040000008200E00074C5B7101A82E00800000000B02E5C95A5F1D20100000000000000001000000093544CFB"
        "75D75A42B698FD2C940B3285",
        "20170814T090000Z",
        "Metaways Folgetermin ",
        "Telefonkonferenz",
        sender="l.kneschke@caldav.org",
    ),
    Invitation(
        # ORGANIZER with RSVP/PARTSTAT/ROLE params; Europe/Berlin 11:30 CEST is 09:30Z
        "itip-ics/thunderbird-request.ics",
        "unittest@tine20.org",
        "20160927T075851Z",
        "29d7bd4a-0432-ee4c-a549-de01a7b53591",
        "20160927T093000Z",
        "Input Plakat für Veranstaltung am 19.10.",
        "Büro Philipp",
        sender="l.kneschke@caldav.org",
    ),
]


def shown_start(facts: dict[str, Any]) -> str:
    """The start as the tables write it: a date for all-day events, else the UTC instant."""
    start = dt.datetime.fromisoformat(facts["start"])
    if facts["all_day"]:
        return str(facts["start"])
    if start.tzinfo is None:
        return f"floating {facts['start']}"
    return start.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def cards(app: Televent, telegram_id: int, uid: str, kind: str) -> list[dict[str, Any]]:
    """The Telegram messages of one kind queued for a user about one event of theirs."""
    event_id = str(calendar_event_id_for(default_calendar(app, telegram_id), uid))
    return [r for r in telegram(app, telegram_id) if (r["kind"], r["event_id"]) == (kind, event_id)]


def test_every_invitation_lands_in_the_invitees_calendar(app: Televent, clock: FakeClock) -> None:
    # One Televent user per invited address. Messages arrive in DTSTAMP order; the clock is
    # what a card is judged by (no card for a meeting already over when its invitation comes).
    users: dict[str, int] = {}
    expected: dict[str, dict[str, Any]] = {}
    got: dict[str, dict[str, Any]] = {}
    for case in sorted(INVITATIONS, key=lambda c: c.received):
        clock.now = utc(case.received)
        address = case.invitee.lower()
        if address not in users:
            users[address] = 100 + len(users)
            register(app, users[address], address)
        user = users[address]
        receipt = receive(app, raw_of(case.file, sender=case.sender, to=case.invitee))
        expected[case.file] = {
            "outcomes": [("REQUEST", case.uid, "created")],
            "start": case.start,
            "summary": case.summary,
            "location": case.location,
            "recurring": case.recurring,
            "overrides": case.overrides,
            "invitee is an attendee": True,
            "cards": 1 if case.card else 0,
        }
        ical = stored_ical(app, user, case.uid)
        if ical is None:
            got[case.file] = {"outcomes": results(receipt), "stored": False}
            continue
        facts = facts_of(parse_calendar_object(ical))
        got[case.file] = {
            "outcomes": results(receipt),
            "start": shown_start(facts),
            "summary": facts["summary"],
            "location": facts["location"],
            "recurring": facts["recurring"],
            "overrides": len(facts["overrides"]),
            "invitee is an attendee": address in [a["address"] for a in facts["attendees"]],
            "cards": len(cards(app, user, case.uid, "invitation")),
        }
    assert got == expected

    # TAB-folded parameters are joined: CN="Thomas<CRLF><TAB> Cataldo", "Nicola<CRLF><TAB>s ..."
    android = INVITATIONS[0]
    facts = stored_facts(app, users[android.invitee], android.uid)
    assert [(a["address"], a["cn"]) for a in facts["attendees"]] == [
        ("thomas.cataldo@blue-mind.net", "Thomas Cataldo"),
        ("nicolas.lascombes@blue-mind.net", "Nicolas Lascombes"),
    ]


def test_google_update_with_the_same_sequence_is_applied(app: Televent, clock: FakeClock) -> None:
    # Google changed only SUMMARY (and DTSTAMP) and kept SEQUENCE:0: the later DTSTAMP wins.
    uid = "3evgs2i0jdkofmibc9u5cah0a9@google.com"
    register(app, INVITEE, "unittest@tine20.org")
    sent = {"sender": "xxxxx@gmail.com", "to": "unittest@tine20.org"}
    clock.now = utc("20190204T160307Z")
    first = receive(app, raw_of("itip-ics/google-request-utc-no-vtimezone.ics", **sent))
    assert results(first) == [("REQUEST", uid, "created")]
    facts = stored_facts(app, INVITEE, uid)
    assert (facts["summary"], start_utc(facts)) == ("test", utc("20190205T150000Z"))

    clock.now = utc("20190204T160330Z")
    update = receive(app, raw_of("itip-ics/google-request-update-same-sequence.ics", **sent))
    assert results(update) == [("REQUEST", uid, "updated")]
    facts = stored_facts(app, INVITEE, uid)
    assert (facts["summary"], facts["sequence"]) == ("test update", 0)
    assert len(cards(app, INVITEE, uid, "invitation")) == 1


def test_an_icloud_organizer_can_update_the_invitation(app: Televent, clock: FakeClock) -> None:
    file = "itip-ics/icloud-calendarserver-request-principal-uris.ics"
    uid = "9320E052-6AF0-45E7-9352-04BBEC898D47"
    clock.now = utc("20120227T155620Z")
    register(app, INVITEE, "s.clever@tine20.org")
    sent = {"sender": "mail@corneliusweiss.de", "to": "s.clever@tine20.org"}
    assert results(receive(app, as_email(file, **sent))) == [("REQUEST", uid, "created")]
    moved = corpus_text(file).replace("SEQUENCE:3", "SEQUENCE:4")
    moved = moved.replace("SUMMARY:noch mal neu", "SUMMARY:verschoben")
    update = receive(app, as_email(file, message_id="update", ical=moved, **sent))

    assert results(update) == [("REQUEST", uid, "updated")]
    assert stored_facts(app, INVITEE, uid)["summary"] == "verschoben"


# --- invitations without any ATTENDEE: found through the email's recipients ------------------


@dataclass(frozen=True)
class Unaddressed:
    """A REQUEST that names no ATTENDEE: it goes to the Televent user it was mailed to."""

    file: str
    recipient: str
    received: str
    starts: tuple[tuple[str | None, str | None], ...]  # (UID or None if derived, start in UTC)
    summary: str | None
    recurring: bool = False


UNADDRESSED = [
    Unaddressed(
        # Exchange CDO without UID; TZID "GMT +0100 (Standard) / GMT +0200 (Daylight)";
        # RRULE BYDAY with spaces; 10:00 CEST on 3 July is 08:00Z
        "itip-ics/exchange-cdo-request-no-uid-byday-spaces.ics",
        "standup@example.com",
        "20150703T071009Z",
        ((None, "20150703T080000Z"),),
        "Sprint 25 Daily Standup",
        recurring=True,
    ),
    Unaddressed(
        # "Pacific Standard Time" whose STANDARD and DAYLIGHT both start 16010101T020000:
        # 12:00 PST in February is 20:00Z
        "itip-ics/exchange2010-request-pacific-same-start.ics",
        "dev@example.com",
        "20170224T180431Z",
        (
            (
                "040000008200E00074C5B7101A82E0080000000090E19664858ED20100000000000000",
                "20170224T200000Z",
            ),
        ),
        "Test 4",
    ),
    Unaddressed(
        # VTIMEZONE "Unknown" with US Eastern rules (DST from the 2nd Sunday of March to the
        # 1st Sunday of November): 18:00 on 1 April is EDT (22:00Z), on 1 December EST (23:00Z)
        "itip-ics/google-request-tzid-unknown.ics",
        "joe.friend@example.com",
        "20160301T170516Z",
        (
            ("29smvdkoolkjlklkkljkljkljkljvrdrkl7vlesogoi4s@google.com", "20160401T220000Z"),
            ("30smvdkoolkjlklkkljkljkljkljvrdrkl7vlesogoi4s@google.com", "20161201T230000Z"),
        ),
        "rdv",
    ),
    Unaddressed(
        # Lotus Notes reduced: no METHOD in the body (the MIME method=REQUEST decides), no
        # SUMMARY, TZID="FLE" without VTIMEZONE (its start: see the test below)
        "imip-eml/domino-request-reduced-no-vtimezone.eml",
        "tom@example.com",
        "20211022T111520Z",
        (("36138BFC6A7B03EFC2258776003DB5C5", None),),
        None,
    ),
]
UNADDRESSED_SENDER = "meetings@example.com"


def test_invitations_without_attendees_go_to_the_recipient(app: Televent, clock: FakeClock) -> None:
    derived = "(a UID derived from the content)"
    expected: dict[str, Any] = {}
    got: dict[str, Any] = {}
    for user, case in enumerate(sorted(UNADDRESSED, key=lambda c: c.received), start=200):
        clock.now = utc(case.received)
        register(app, user, case.recipient)
        receipt = receive(app, raw_of(case.file, sender=UNADDRESSED_SENDER, to=case.recipient))
        expected[case.file] = [
            (uid or derived, "created", start, case.summary, case.recurring)
            for uid, start in case.starts
        ]
        got[case.file] = []
        for index, outcome in enumerate(receipt.outcomes):
            uid, start = case.starts[index] if index < len(case.starts) else ("?", "?")
            facts = stored_facts(app, user, outcome.uid)
            got[case.file].append(
                (
                    outcome.uid if uid else derived,
                    outcome.result,
                    shown_start(facts) if start else None,
                    facts["summary"],
                    facts["recurring"],
                )
            )
    assert got == expected


def test_an_invitation_mailed_to_a_list_is_a_card_the_user_can_answer(
    app: Televent, clock: FakeClock
) -> None:
    # The Google file names no ATTENDEE: the user was reached through the To: header. Their copy
    # lists that address as not yet answered, a card goes out, and the answer reaches Joe.
    case = UNADDRESSED[2]
    uid = "29smvdkoolkjlklkkljkljkljkljvrdrkl7vlesogoi4s@google.com"
    clock.now = utc(case.received)
    register(app, INVITEE, case.recipient)
    receive(app, raw_of(case.file, sender="joe@gmail.com", to=case.recipient))
    assert stored_facts(app, INVITEE, uid)["attendees"] == [
        {
            "address": case.recipient,
            "value": f"mailto:{case.recipient}",
            "cn": None,
            "role": "REQ-PARTICIPANT",
            "partstat": "NEEDS-ACTION",
            "rsvp": True,
            "schedule_agent": "SERVER",
        }
    ]
    assert len(cards(app, INVITEE, uid, "invitation")) == 1

    event_id = calendar_event_id_for(default_calendar(app, INVITEE), uid)
    account = app.queries.account_by_telegram_id(INVITEE)
    assert account is not None
    actor = f"account:{account.account_id}"  # the user's own answer, as the card's tap gives it
    app.give_rsvp(event_id, case.recipient, PartStat.ACCEPTED, actor=actor, source=CLI)
    replies = [r for r in MailQueue(app.views, app.clock).mail_rows() if r["method"] == "REPLY"]
    assert [(r["recipient"], json.loads(r["payload"])["attendee"]) for r in replies] == [
        ("joe@gmail.com", case.recipient)
    ]
    # The same invitation again (a resend from the list) keeps the answer and sends no card.
    again = as_email(case.file, sender="joe@gmail.com", to=case.recipient, message_id="resent")
    assert results(receive(app, again))[0][2] == "unchanged"
    assert stored_facts(app, INVITEE, uid)["attendees"][0]["partstat"] == "ACCEPTED"
    assert len(cards(app, INVITEE, uid, "invitation")) == 1


def test_lotus_notes_short_windows_tzid_without_vtimezone(app: Televent, clock: FakeClock) -> None:
    # FLE = Helsinki/Kyiv/Riga/Sofia/Tallinn/Vilnius; 26 October 2021 is still summer time
    # (until 31 October), +03:00, so 09:00 is 06:00Z.
    case = UNADDRESSED[3]
    [(uid, _)] = case.starts
    assert uid is not None
    clock.now = utc(case.received)
    register(app, INVITEE, case.recipient)
    assert results(receive(app, raw_of(case.file))) == [("REQUEST", uid, "created")]
    assert shown_start(stored_facts(app, INVITEE, uid)) == "20211026T060000Z"


def test_an_exchange_invitation_without_uid_is_the_same_event_when_sent_again(
    app: Televent, clock: FakeClock
) -> None:
    case = UNADDRESSED[0]
    clock.now = utc(case.received)
    register(app, INVITEE, case.recipient)
    sent = {"sender": UNADDRESSED_SENDER, "to": case.recipient}
    first = receive(app, as_email(case.file, message_id="first", **sent))
    clock.advance(hours=1)
    again = receive(app, as_email(case.file, message_id="forwarded-again", **sent))

    assert not again.duplicate  # another Message-ID: processed, and it names the same event
    [(_, uid, created)] = results(first)
    [(_, uid_again, repeated)] = results(again)
    assert (created, repeated) == ("created", "unchanged")
    assert uid_again == uid
    assert [o.uid for o in app.queries.objects_in(default_calendar(app, INVITEE))] == [uid]


def test_a_single_instance_request_merges_into_the_series(app: Televent, clock: FakeClock) -> None:
    # The Lotus Notes 6 file moves one instance of a "5 day recurring" meeting (09:00 EDT,
    # 13:00Z on 28 April) to 11:00 EDT. Here the series arrived first.
    file = "itip-ics/lotus-notes6-request-instance-rdate-period.ics"
    uid = "6BA1ECA4D58B306C85256FDB0071B664-Lotus_Notes_Generated"
    series = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Lotus Development Corporation//NONSGML Notes 6.0//EN",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            "DTSTART;TZID=America/New_York:20050425T090000",
            "DTEND;TZID=America/New_York:20050425T100000",
            "RRULE:FREQ=DAILY;COUNT=5",
            "DTSTAMP:20050401T120000Z",
            "SEQUENCE:0",
            "ATTENDEE;ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:iCalChair@coffeebean.com",
            "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:iCalParticipant@coffeebean.com",
            "SUMMARY:More complicated stream (5 day recurring)",
            "ORGANIZER:mailto:iCalChair@coffeebean.com",
            f"UID:{uid}",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    clock.now = utc("20050401T120000Z")
    register(app, INVITEE, "icalparticipant@coffeebean.com")
    sent = {"sender": "iCalChair@coffeebean.com", "to": "iCalParticipant@coffeebean.com"}
    first = receive(app, as_email(file, message_id="series", ical=series, **sent))
    clock.now = utc("20050406T205055Z")
    moved = receive(app, as_email(file, **sent))

    assert results(first) == [("REQUEST", uid, "created")]
    assert results(moved) == [("REQUEST", uid, "updated")]
    stored = stored_ical(app, INVITEE, uid)
    assert stored is not None
    facts = facts_of(parse_calendar_object(stored))
    assert facts["recurring"] is True
    assert start_utc(facts) == utc("20050425T130000Z")  # the series still starts on Monday
    assert [dt.datetime.fromisoformat(k) for k in facts["overrides"]] == [utc("20050428T130000Z")]
    [override] = [c for c in parse_calendar_object(stored).components if "RECURRENCE-ID" in c]
    assert override.get("DTSTART").value == "20050428T110000"
    assert override.get("RDATE").value == "20050428T110000/20050428T120000"


# --- CANCEL ----------------------------------------------------------------------------------

MAC_REQUEST = "imip-eml/outlook-mac2011-request-tzid-with-commas.eml"
MAC_CANCEL = "imip-eml/outlook-mac2011-cancel.eml"
MAC_UID = "A93D8AAF-53FE-40D1-990B-C056E13727F2"
TINE_CANCEL = "imip-eml/tine20-cancel-qp.eml"
TINE_UID = "4f0162146d61cb2c06cbe2abf94636f4526abe16"


def test_a_cancel_cancels_the_invitation_and_tells_telegram(
    app: Televent, clock: FakeClock
) -> None:
    clock.now = utc("20111121T121448Z")
    register(app, 8, "tine20admin@caldav.net")
    # Tine 2.0: METHOD:CANCEL after the VEVENT, VALUE=DATE-TIME params; never invited before:
    # it is kept as a cancelled event (so a late invitation cannot bring it back).
    assert results(receive(app, raw_of(TINE_CANCEL))) == [("CANCEL", TINE_UID, "cancelled")]
    facts = stored_facts(app, 8, TINE_UID)
    assert (facts["status"], facts["summary"]) == ("CANCELLED", "test mit extern")
    assert start_utc(facts) == utc("20111121T120000Z")
    assert kinds(app, 8) == []  # no card was ever sent, so there is nothing to take back

    clock.now = utc("20120527T174900Z")
    register(app, INVITEE, "tom@willow.vmw")
    assert results(receive(app, raw_of(MAC_REQUEST))) == [("REQUEST", MAC_UID, "created")]
    clock.now = utc("20120527T175200Z")
    assert results(receive(app, raw_of(MAC_CANCEL))) == [("CANCEL", MAC_UID, "cancelled")]
    facts = stored_facts(app, INVITEE, MAC_UID)
    assert (facts["status"], facts["sequence"]) == ("CANCELLED", 1)
    assert kinds(app, INVITEE) == ["invitation", "cancelled"]


def test_a_cancel_before_the_invitation_keeps_the_meeting_cancelled(
    app: Televent, clock: FakeClock
) -> None:
    clock.now = utc("20120527T175200Z")
    register(app, INVITEE, "tom@willow.vmw")
    assert results(receive(app, raw_of(MAC_CANCEL))) == [("CANCEL", MAC_UID, "cancelled")]
    late = receive(app, raw_of(MAC_REQUEST))  # SEQUENCE 0 < 1: stale, changes nothing

    assert results(late) == [("REQUEST", MAC_UID, "unchanged")]
    facts = stored_facts(app, INVITEE, MAC_UID)
    assert (facts["status"], facts["sequence"]) == ("CANCELLED", 1)
    assert start_utc(facts) == utc("20120528T130000Z")  # the cancel's 15:00 CEST on the 28th
    assert kinds(app, INVITEE) == []


# --- REPLY: an answer to an event organised here ---------------------------------------------


@dataclass(frozen=True)
class Answer:
    """A REPLY in the corpus and the organizer's event it answers."""

    file: str
    attendee: str
    partstat: str
    uid: str
    sequence: int
    start: str  # the organizer's DTSTART line value (similar to the reply's)


ANSWERS = [
    Answer(
        "imip-eml/android-email-reply-accepted.eml",
        "david.phan@blue-mind.net",
        "ACCEPTED",
        "6C5861338FC94376B376095E9884760B00000000000000000000000000000000",
        0,
        ":20120706T093000Z",
    ),
    Answer(
        # no method= on the MIME part, QP with =0D=0A, nested multiparts
        "imip-eml/apple-ical3-reply-qp-crlf-nested-mixed.eml",
        "xyzzy@example.com",
        "ACCEPTED",
        "1E71F9C8-AEDA-48EB-98D0-76E898F6BB5C",
        7,
        ":20080812T170000Z",
    ),
    Answer(
        "imip-eml/google-reply-accepted.eml",
        "tcataldo@gmail.com",
        "ACCEPTED",
        "14ef516ad2e6ce325d5c8efcf9d7ddbfa30f9d15",
        0,
        ":20120530T090000Z",
    ),
    Answer(
        # all day, ATTENDEE of the organizer inside the VALARMs (not an answer)
        "imip-eml/google-reply-allday-valarm-qp.eml",
        "marieg@isynet.org",
        "ACCEPTED",
        "e76b4686c75efde6b17ea24cb98c8d59dca65063",
        1,
        ";VALUE=DATE:20120827",
    ),
    Answer(
        "imip-eml/ios-reply-accepted-qp.eml",
        "admin@willow.vmw",
        "ACCEPTED",
        "b84ce20",
        0,
        ":20120529T073000Z",
    ),
    Answer(
        "imip-eml/outlook-mac2011-reply-accepted.eml",
        "admin@willow.vmw",
        "ACCEPTED",
        "f1394aba7ca8b9474af204a4d88934b7c7aa2191",
        0,
        ":20120529T073000Z",
    ),
    Answer(
        "itip-ics/apple-ical5-reply-accepted.ics",
        "mail@corneliusweiss.de",
        "ACCEPTED",
        "a8d10369e051094ae9322bd65e8afecac010bfc8",
        1,
        ":20111130T140000Z",
    ),
    Answer(
        # Exchange's REPLY carries no ORGANIZER at all: it must still be accepted
        "itip-ics/exchange2010-reply-declined-comment.ics",
        "calendar@gmail.com",
        "DECLINED",
        "ecc5e718-08eb-4247-a871-d7e09a3ffbbc@localhost",
        1,
        ":20210607T113000Z",
    ),
    Answer(
        # ORGANIZER without mailto: and with PARTSTAT/RSVP params of its own
        "itip-ics/google-reply-accepted-organizer-no-mailto.ics",
        "mail@corneliusweiss.de",
        "ACCEPTED",
        "62050f080e53ca8e00353ff0a89c6c6aa4af3dec",
        1,
        ":20171116T103000Z",
    ),
    Answer(
        # Apple's "propose new time" is a REPLY: only its PARTSTAT counts here
        "itip-ics/ios-reply-proposed-new-time-x-param.ics",
        "david@b-m.lan",
        "TENTATIVE",
        "f22d978b-51cc-419d-b4ae-e85d09279ac4",
        0,
        ":20201226T170000Z",
    ),
]


def organise(
    app: Televent, uid: str, sequence: int, start: str, attendees: list[str], href: str
) -> None:
    """An event organised by the Televent user ORGANIZER, everyone still to answer."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//Televent tests//EN",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20000101T000000Z",
        f"DTSTART{start}",
        f"SEQUENCE:{sequence}",
        "SUMMARY:Planned here",
        f"ORGANIZER;CN=Organizer:mailto:{ORGANIZER_ADDRESS}",
        *[f"ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{a}" for a in attendees],
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    register(app, ORGANIZER)
    calendar_id = default_calendar(app, ORGANIZER)
    app.put_object(calendar_id, href, "\r\n".join(lines), actor=ACTOR, source=CLI)


def reply_address(app: Televent, uid: str, attendee: str) -> str:
    """The reply address of `attendee`'s invitation to the ORGANIZER's event `uid`."""
    event_id = calendar_event_id_for(default_calendar(app, ORGANIZER), uid)
    token = MailQueue(app.views, app.clock).invitation_token(str(event_id), attendee.lower())
    assert token is not None, f"{attendee} has no invitation to {uid}"
    return IDENTITY.reply_address(token)


def delivered_to(address: str, raw: bytes) -> bytes:
    """The message as the MTA delivers it to `address` (it adds Delivered-To on top)."""
    return f"Delivered-To: {address}\r\n".encode() + raw


def answer_of(app: Televent, name: str, uid: str, attendee: str) -> bytes:
    """A corpus answer from `attendee`, delivered to the reply address of their invitation."""
    return delivered_to(reply_address(app, uid, attendee), raw_of(name, sender=attendee))


def test_every_answer_updates_the_organizers_event(app: Televent) -> None:
    expected: dict[str, Any] = {}
    got: dict[str, Any] = {}
    for number, case in enumerate(ANSWERS):
        organise(app, case.uid, case.sequence, case.start, [case.attendee], f"{number}.ics")
        receipt = receive(app, answer_of(app, case.file, case.uid, case.attendee))
        facts = stored_facts(app, ORGANIZER, case.uid)
        rsvps = cards(app, ORGANIZER, case.uid, "rsvp")
        expected[case.file] = ([("REPLY", case.uid, "answered")], case.partstat, [case.partstat])
        got[case.file] = (
            results(receipt),
            partstat_of(facts, case.attendee),
            [row["payload"]["partstat"] for row in rsvps],
        )
    assert got == expected


TB_ACCEPTED = "imip-eml/thunderbird-reply-accepted-8bit.eml"
TB_DECLINED = "itip-ics/thunderbird-reply-declined.ics"
TB_ATTENDEE = "tine20admin@caldav.net"


def test_a_later_answer_replaces_an_earlier_one(app: Televent) -> None:
    # Thunderbird accepted (DTSTAMP 12:09:09Z), then declined (12:11:54Z) the same invitation.
    organise(app, TINE_UID, 0, ":20111121T120000Z", [TB_ATTENDEE], "tine.ics")
    accepted = receive(app, answer_of(app, TB_ACCEPTED, TINE_UID, TB_ATTENDEE))
    declined = receive(app, answer_of(app, TB_DECLINED, TINE_UID, TB_ATTENDEE))

    assert results(accepted) == [("REPLY", TINE_UID, "answered")]
    assert results(declined) == [("REPLY", TINE_UID, "answered")]
    assert partstat_of(stored_facts(app, ORGANIZER, TINE_UID), TB_ATTENDEE) == "DECLINED"
    rsvps = cards(app, ORGANIZER, TINE_UID, "rsvp")
    assert [row["payload"]["partstat"] for row in rsvps] == ["ACCEPTED", "DECLINED"]


def test_an_answer_from_someone_else_is_refused(app: Televent) -> None:
    # Mallory answers for the attendee, from her own address or from theirs: neither came to
    # the reply address of the attendee's invitation.
    organise(app, TINE_UID, 0, ":20111121T120000Z", [TB_ATTENDEE], "tine.ics")
    raw = raw_of(TB_DECLINED, sender="mallory@caldav.net", to=ORGANIZER_ADDRESS)
    receipt = receive(app, raw)
    forged = receive(app, as_email(TB_DECLINED, sender=TB_ATTENDEE, to=ORGANIZER_ADDRESS,
                                   message_id="forged"))  # fmt: skip

    assert results(receipt) == [("REPLY", TINE_UID, "refused")]
    assert results(forged) == [("REPLY", TINE_UID, "refused")]
    assert partstat_of(stored_facts(app, ORGANIZER, TINE_UID), TB_ATTENDEE) == "NEEDS-ACTION"
    assert cards(app, ORGANIZER, TINE_UID, "rsvp") == []


# --- COUNTER: Gmail's "propose a new time", sent as method=REPLY -----------------------------

COUNTER = "imip-eml/google-counter-method-param-mismatch.eml"
COUNTER_UID = "36da4919-6cf5-4ce9-aa18-6e56c1da2298"


def test_a_gmail_counter_is_proposed_and_can_be_accepted(app: Televent) -> None:
    # The body's METHOD:COUNTER wins over the MIME method=REPLY. The email carries two
    # different copies: inline (attendee max@gmail.com, who sent the email) and an
    # application/ics one from another mailbox (attendee gfritos@gmail.com), which the reply
    # address (max's) does not speak for: that one is refused.
    attendees = ["max@gmail.com", "gfritos@gmail.com"]
    organise(app, COUNTER_UID, 0, ":20210113T170000Z", attendees, "counter.ics")
    before = stored_facts(app, ORGANIZER, COUNTER_UID)
    receipt = receive(app, answer_of(app, COUNTER, COUNTER_UID, "max@gmail.com"))

    assert results(receipt) == [
        ("COUNTER", COUNTER_UID, "proposed"),
        ("COUNTER", COUNTER_UID, "refused"),
    ]
    assert start_utc(stored_facts(app, ORGANIZER, COUNTER_UID)) == utc("20210113T170000Z")
    [card] = cards(app, ORGANIZER, COUNTER_UID, "counter")
    assert card["payload"]["attendee_name"] == "max@gmail.com"
    assert card["payload"]["proposed"] == "20210113T184500Z"

    account = app.queries.account_by_telegram_id(ORGANIZER)
    assert account is not None
    counters = Counters(
        app, mail=MailQueue(app.views, app.clock), telegram=DeliveryQueue(app.views, app.clock)
    )
    counters.answer(card["payload"]["counter_id"], account, accept=True, source="bot:1")
    after = stored_facts(app, ORGANIZER, COUNTER_UID)
    assert start_utc(after) == utc("20210113T184500Z")
    assert dt.datetime.fromisoformat(after["end"]) == utc("20210113T194500Z")
    assert after["sequence"] > before["sequence"]


# --- what is not acted on ------------------------------------------------------------------


def test_publish_free_busy_and_foreign_bounces_change_nothing(
    app: Televent, clock: FakeClock
) -> None:
    clock.now = utc("20080812T191940Z")
    register(app, 8, "c.weiss@metaways.de")
    register(app, 9, "organizer@domain.tld")
    register(app, 10, "xyzzy@example.com")

    # Meetup: the MIME part says method=REQUEST, the body METHOD:PUBLISH (the body wins)
    meetup = receive(app, raw_of("imip-eml/meetup-request-param-vs-publish-body.eml"))
    assert results(meetup) == [("PUBLISH", "event_wsftpypqbzb@meetup.com", "ignored")]

    # DavMail: a VFREEBUSY REPLY (UID:null) is not an answer to any event
    raw = raw_of(
        "itip-ics/davmail-freebusy-reply.ics",
        sender="attendee@domain.tld",
        to="organizer@domain.tld",
    )
    assert [(o.method, o.result) for o in receive(app, raw).outcomes] == [("REPLY", "ignored")]

    # A DSN returning a CalendarServer REQUEST that was not sent by Televent
    bounce = receive(app, raw_of("imip-eml/calendarserver-dsn-bounce-with-request.eml"))
    [outcome] = bounce.outcomes
    assert outcome.result == "ignored"
    assert "nonexistant@example.com" in outcome.detail

    for user in (8, 9, 10):
        assert app.queries.objects_in(default_calendar(app, user)) == []
        assert kinds(app, user) == []


# --- the same email twice --------------------------------------------------------------------


def test_the_same_email_twice_changes_nothing(app: Televent, clock: FakeClock) -> None:
    # A cancel twice: what it did is reported again; nothing new is stored or sent.
    clock.now = utc("20120527T174900Z")
    register(app, 8, "tom@willow.vmw")
    receive(app, raw_of(MAC_REQUEST))
    first = receive(app, raw_of(MAC_CANCEL))
    stored, sent = app.queries.objects_in(default_calendar(app, 8)), telegram(app, 8)
    again = receive(app, raw_of(MAC_CANCEL))
    assert (first.duplicate, again.duplicate) == (False, True)
    assert results(again) == [("CANCEL", MAC_UID, "cancelled")]
    assert (app.queries.objects_in(default_calendar(app, 8)), telegram(app, 8)) == (stored, sent)

    # An invitation the user deleted after it came is not brought back by the same email.
    invitation = next(c for c in INVITATIONS if "w-europe" in c.file)
    clock.now = utc(invitation.received)
    register(app, INVITEE, invitation.invitee)
    first = receive(app, raw_of(invitation.file))
    calendar_id = default_calendar(app, INVITEE)
    [view] = app.queries.objects_in(calendar_id)
    app.delete_object(calendar_id, view.href, actor=ACTOR, source=CLI)
    again = receive(app, raw_of(invitation.file))
    assert (first.duplicate, again.duplicate) == (False, True)
    assert results(again) == [("REQUEST", invitation.uid, "created")]  # what it did then
    assert app.queries.objects_in(calendar_id) == []

    # An answer twice: the organizer is told once.
    answer = next(c for c in ANSWERS if "google-reply-accepted.eml" in c.file)
    organise(app, answer.uid, answer.sequence, answer.start, [answer.attendee], "reply.ics")
    first = receive(app, answer_of(app, answer.file, answer.uid, answer.attendee))
    stored, sent = app.queries.objects_in(default_calendar(app, ORGANIZER)), telegram(app, 1)
    again = receive(app, answer_of(app, answer.file, answer.uid, answer.attendee))
    assert (first.duplicate, again.duplicate) == (False, True)
    assert results(again) == [("REPLY", answer.uid, "answered")]
    assert app.queries.objects_in(default_calendar(app, ORGANIZER)) == stored
    assert telegram(app, ORGANIZER) == sent
    assert len(cards(app, ORGANIZER, answer.uid, "rsvp")) == 1


# --- the tables cover the corpus -------------------------------------------------------------


def test_every_corpus_file_has_an_expectation() -> None:
    covered = {
        *(c.file for c in INVITATIONS),
        *(c.file for c in UNADDRESSED),
        *(c.file for c in ANSWERS),
        "itip-ics/google-request-utc-no-vtimezone.ics",
        "itip-ics/google-request-update-same-sequence.ics",
        "itip-ics/davmail-freebusy-reply.ics",
        MAC_CANCEL,
        TINE_CANCEL,
        TB_ACCEPTED,
        TB_DECLINED,
        COUNTER,
        "imip-eml/meetup-request-param-vs-publish-body.eml",
        "imip-eml/calendarserver-dsn-bounce-with-request.eml",
    }
    present = {
        f"{path.parent.name}/{path.name}"
        for folder, pattern in (("imip-eml", "*.eml"), ("itip-ics", "*.ics"))
        for path in (CORPUS / folder).glob(pattern)
    }
    assert len(present) == 31 + 21
    assert covered == present
