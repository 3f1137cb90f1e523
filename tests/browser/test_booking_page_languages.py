"""The public booking page in the visitor's language, in headless Chromium against a real
`televent serve` (per backend) with email going to an SMTP sink: a German browser gets the page,
its dates and times and the invitation mail in German; a Persian one gets the page right to left
with Persian dates; `?lang=` overrides what the browser asks for; the page's words are in the
HTML itself before any script runs."""

from __future__ import annotations

import datetime as dt
import re
import time
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser import test_booking_page as booking_page
from tests.browser.conftest import artifacts
from tests.browser.test_booking_page import (
    PHONE,
    QUESTION,
    SLUG,
    VISITOR_ZONE,
    Site,
    first_slot,
)
from tests.smtpsink import messages

GERMAN_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
PERSIAN_DIGITS = re.compile("[۰-۹]")
FSI, PDI = "\u2068", "\u2069"  # Fluent isolates what it puts into right-to-left text
booking_site = booking_page.site  # the server of the booking page's tests, for this module


@pytest.fixture(scope="module")
def site(booking_site: Site) -> Site:
    return booking_site


def visitor(site: Site, locale: str) -> Page:
    """A phone-sized page in a browser set to `locale` (its Accept-Language) in New York."""
    context = site.browser.new_context(viewport=PHONE, timezone_id=VISITOR_ZONE, locale=locale)
    return context.new_page()


def mail_to(site: Site, recipient: str, timeout: float = 20) -> EmailMessage:
    """The first mail that reached `recipient`."""
    deadline = time.monotonic() + timeout
    while True:
        for recipients, message in messages(site.mail):
            if recipient in recipients:
                return message
        if time.monotonic() > deadline:
            pytest.fail(f"no mail reached {recipient}")
        time.sleep(0.2)


def text_of(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def test_a_german_browser_books_in_german_and_gets_a_german_invitation(site: Site) -> None:
    page = visitor(site, "de-DE")
    page.goto(f"{site.url}/book/{SLUG}")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("#owner")).to_have_text("Einen Termin bei Alice buchen")
    expect(page.get_by_label("Zeitzone")).to_have_value(VISITOR_ZONE)
    slot = first_slot(page)
    heading = page.locator("#day-heading")
    expect(heading).to_contain_text(f"· Zeiten in {VISITOR_ZONE}")
    assert any(day in heading.inner_text() for day in GERMAN_WEEKDAYS), heading.inner_text()
    expect(page.get_by_role("button", name="30 Min.")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="1 Std.")).to_be_visible()
    start = dt.datetime.fromisoformat(str(slot.get_attribute("data-start")))
    shown = start.astimezone(ZoneInfo(VISITOR_ZONE)).strftime("%-H:%M")  # a 24-hour clock
    expect(slot).to_have_text(shown)
    slot.click()

    page.get_by_label("Name").fill("Anna Besucherin")
    page.get_by_label("E-Mail").fill("anna@example.de")
    page.get_by_role("button", name="Buchen", exact=True).click()
    expect(page.locator("#form-error")).to_have_text(f"Bitte beantworte: {QUESTION}")
    page.get_by_label(QUESTION).fill("Unser Projekt")
    page.get_by_role("button", name="Buchen", exact=True).click()
    expect(page.locator("#done-heading")).to_have_text("Du hast gebucht")
    done = page.locator("#done-text")
    expect(done).to_contain_text("Gebucht: ")
    expect(done).to_contain_text(f"{shown}–")
    expect(done).to_contain_text(
        f"({VISITOR_ZONE}). Eine Einladung ist unterwegs an anna@example.de."
    )
    expect(page.locator("#done-manage")).to_contain_text("bewahre diesen Link auf")

    # The confirmation, an invitation by mail, speaks the page's language.
    invitation = mail_to(site, "anna@example.de")
    assert invitation["Content-Language"] == "de"
    subject = str(invitation["Subject"])
    assert subject.startswith("Gebucht: Intro call mit Alice @ "), subject
    assert f"{shown}–" in subject and subject.endswith(f"({VISITOR_ZONE})")
    text = text_of(invitation)
    assert "Wann: " in text and "Stornieren oder verschieben: " in text

    page.goto(str(page.locator("#manage-link").get_attribute("href")))
    expect(page.locator("#booking-status")).to_have_text("Bestätigt")
    expect(page.locator("#booking-who")).to_have_text(
        "Gebucht von Anna Besucherin (anna@example.de)"
    )
    expect(page.get_by_role("button", name="Buchung stornieren")).to_be_visible()
    page.context.close()


def test_a_persian_browser_gets_the_page_right_to_left(site: Site) -> None:
    page = visitor(site, "fa-IR")
    page.goto(f"{site.url}/book/{SLUG}")
    expect(page.locator("html")).to_have_attribute("lang", "fa")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    expect(page.locator("#owner")).to_have_text(f"رزرو وقت با {FSI}Alice{PDI}")
    expect(page.get_by_label("منطقهٔ زمانی")).to_have_value(VISITOR_ZONE)
    slot = first_slot(page)
    expect(page.locator("#day-heading")).to_contain_text("زمان‌ها به وقت")
    assert PERSIAN_DIGITS.search(slot.inner_text()), slot.inner_text()  # Persian digits
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(
        path=str(artifacts() / f"booking-page-fa-375-{site.backend}.png"), full_page=True
    )
    slot.click()
    page.get_by_label("نام", exact=True).fill("دارا")
    page.get_by_label("ایمیل").fill("dara@example.ir")
    page.get_by_label(QUESTION).fill("پروژه")
    page.get_by_role("button", name="رزرو", exact=True).click()
    expect(page.locator("#done-heading")).to_have_text("رزرو شما انجام شد")
    expect(page.locator("#done-text")).to_contain_text("دعوت‌نامه در راه")
    invitation = mail_to(site, "dara@example.ir")
    assert invitation["Content-Language"] == "fa"
    page.context.close()


def test_the_lang_parameter_wins_and_the_words_are_in_the_html(site: Site) -> None:
    page = visitor(site, "en-US")
    page.goto(f"{site.url}/book/{SLUG}?lang=de")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("#owner")).to_have_text("Einen Termin bei Alice buchen")
    page.context.close()

    asked = httpx.get(
        f"{site.url}/book/{SLUG}", headers={"Accept-Language": "ru-RU,ru;q=0.9"}, timeout=15
    )
    assert asked.status_code == 200 and asked.headers["content-language"] == "ru"
    assert '<html lang="ru" dir="ltr">' in asked.text
    assert ">Часовой пояс</label>" in asked.text and 'aria-label="Раньше"' in asked.text
    assert ">Чтобы показать свободное время, этой странице нужен JavaScript.<" in asked.text
    unknown = httpx.get(
        f"{site.url}/book/no-such-link", headers={"Accept-Language": "fa"}, timeout=15
    )
    assert unknown.status_code == 404 and '<html lang="fa" dir="rtl">' in unknown.text
    catalogue = httpx.get(f"{site.url}/book/i18n/uk.ftl", timeout=15)
    assert catalogue.status_code == 200 and "booking-page-book = Записатися" in catalogue.text
    assert httpx.get(f"{site.url}/book/i18n/xx.ftl", timeout=15).status_code == 404
