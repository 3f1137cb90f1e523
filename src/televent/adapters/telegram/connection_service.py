"""Connecting a Google account from the bot (docs/adr/0034): the consent is started by the
application's one rule for it (`start_google_consent`), as the API starts it; this finds the
person's account and the Google accounts they connected already."""

from __future__ import annotations

from televent.application.google_connections import GoogleConsents
from televent.projections.queries import ConnectionView

from .service import BotService, Person
from .sharing_service import account_of


def google_consent(
    service: BotService, person: Person, consents: GoogleConsents, base_url: str
) -> tuple[str, list[ConnectionView]]:
    """The address of Google's consent screen for the person (its answer comes back under
    `base_url`), and their connected Google accounts."""
    account = account_of(service, person)
    url = service.app.start_google_consent(account.account_id, consents, base_url)
    connected = [
        c for c in service.queries.connections_of(account.account_id) if c.kind == "google"
    ]
    return url, connected
