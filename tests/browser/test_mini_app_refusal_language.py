"""A refusal in the Mini App is said in the person's language, alone: Alice reads Russian and, on
her calendar's Share screen, shares it with herself and then with Bob, who already has it; each
time the message she reads is the server's Russian sentence, with no English and no "request
refused:" before it, and nothing changes. Against a real `televent serve`, both backends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ALICE, BOB, MiniApp, shoot

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def russian_alice(mini_app: MiniApp) -> Iterator[str]:
    """Alice reads Russian and lets Bob view her calendar (he accepted); her calendar's id.
    Afterwards her language is automatic again and Bob no longer has it."""
    with mini_app.api(ALICE) as alice, mini_app.api(BOB) as bob:
        assert alice.patch("/me", json={"language": "ru"}).status_code == 200
        (calendar,) = [
            c["id"] for c in alice.get("/calendars").json()["items"] if c["kind"] == "own"
        ]
        shared = alice.post(f"/calendars/{calendar}/members", json={"member": BOB, "role": "read"})
        assert shared.status_code == 201, shared.text
        assert bob.post(f"/calendars/{calendar}/accept").status_code == 200
    yield str(calendar)
    with mini_app.api(ALICE) as alice:
        assert alice.delete(f"/calendars/{calendar}/members/{BOB}").status_code == 204
        assert alice.patch("/me", json={"language": None}).status_code == 200


def test_a_refused_share_is_said_in_russian_alone(mini_app: MiniApp, russian_alice: str) -> None:
    page = mini_app.open(ALICE, locale="ru-RU")
    page.set_viewport_size(PHONE)
    page.locator("#open-calendars").click()
    page.locator(f"[data-calendar='{russian_alice}'] button.link").click()
    people = page.locator("[data-screen=people]")
    expect(people.get_by_role("button", name="Поделиться", exact=True)).to_be_visible()
    toast = page.locator("#toast")

    people.locator("#share-who").fill("1")  # her own Telegram id
    people.get_by_role("button", name="Поделиться", exact=True).click()
    expect(toast).to_have_text("Нельзя поделиться календарём с самим собой.")
    shoot(page, "refusal-russian-390", mini_app.backend)

    people.locator("#share-who").fill("2")  # Bob's, who has it already
    people.get_by_role("button", name="Поделиться", exact=True).click()
    expect(toast).to_have_text(
        "Этот человек уже участник календаря; вместо этого измените его роль."
    )

    with mini_app.api(ALICE) as alice:
        members = alice.get(f"/calendars/{russian_alice}/members").json()["items"]
    assert sorted((m["telegram_id"], m["role"]) for m in members) == [(1, "owner"), (2, "read")]
    page.context.close()
