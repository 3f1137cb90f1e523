"""Feed subscriptions from the bot (docs/adr/0025): subscribing to a link, listing them by
number, pausing, resuming, renaming and removing one. The rules are the application's; this
finds the person's account and the subscription a number or a name means."""

from __future__ import annotations

from uuid import UUID

from televent.domain.errors import NotFoundError
from televent.projections.queries import SubscriptionView

from . import subscription_texts
from .service import BotService, Person
from .sharing_service import account_of, who


def subscribe(service: BotService, person: Person, url: str, name: str | None) -> SubscriptionView:
    """Subscribe the person to the feed at `url` (the adapter checked the address first)."""
    account = account_of(service, person)
    actor, source = who(account, person)
    calendar_id = service.app.subscribe_feed(
        account.account_id, url, name=name, actor=actor, source=source
    )
    found = service.queries.subscription(calendar_id)
    assert found is not None
    return found


def listing(service: BotService, person: Person) -> list[SubscriptionView]:
    """The person's subscriptions, in the order /subscriptions numbers them."""
    return service.queries.subscriptions_of(account_of(service, person).account_id)


def change(service: BotService, person: Person, action: str, which: str, name: str) -> str:
    """Pause, resume, rename or remove the subscription `which` (its number in the listing or
    its name); returns the calendar's name."""
    account = account_of(service, person)
    subs = service.queries.subscriptions_of(account.account_id)
    sub = _find(subs, which)
    actor, source = who(account, person)
    calendar_id: UUID = sub.calendar_id
    if action == "remove":
        service.app.unsubscribe_feed(calendar_id, by=account.account_id, actor=actor, source=source)
        return sub.name
    changes: dict[str, object] = (
        {"name": name} if action == "rename" else {"paused": action == "pause"}
    )
    service.app.change_subscription(
        calendar_id, changes, by=account.account_id, actor=actor, source=source
    )
    return name if action == "rename" else sub.name


def _find(subs: list[SubscriptionView], which: str) -> SubscriptionView:
    wanted = which.strip()
    if wanted.isdigit() and 1 <= int(wanted) <= len(subs):
        return subs[int(wanted) - 1]
    for sub in subs:
        if sub.name.lower() == wanted.lower():
            return sub
    raise NotFoundError(subscription_texts.no_such(wanted, len(subs)))
