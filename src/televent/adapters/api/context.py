"""What every API handler is given: the parts it calls (`ApiContext`) and who is calling
(`Caller`, from adapters/api/auth.py; a handler never trusts an identity in the request body)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol
from uuid import UUID

from televent.adapters.api.change_watcher import ChangeWatcher
from televent.adapters.outbound import Outbound
from televent.adapters.port import AppPort
from televent.application.connections import Discover
from televent.application.google_connections import GoogleConsents
from televent.application.televent import Televent
from televent.delivery.webhook_queue import Outcome
from televent.projections.queries import AccountView, Queries


@dataclass(frozen=True)
class Caller:
    """The authenticated user of one request, and how the change is recorded in the log."""

    account: AccountView
    actor: str  # Actor(account_id=...).encode()
    source: str  # Source(SourceKind.API, detail).encode(): "tma", "device:<name>" or "session"


class TestSender(Protocol):
    """Delivers a webhook's test message now (adapters/api/webhook_sender.py)."""

    async def send_test(self, webhook_id: UUID, owner: AccountView) -> Outcome: ...


@dataclass(frozen=True)
class ApiContext:
    """The application and its readers, as the composition root built them."""

    app: Televent
    port: AppPort
    queries: Queries
    internal_domain: str
    public_url: str = ""  # the server's public base URL (TELEVENT_PUBLIC_URL), if set
    mail: bool = False  # whether the server sends email (TELEVENT_SMTP_URL is set)
    # the guard a feed's address is checked with when someone subscribes (adapters/outbound)
    outbound: Outbound = field(default_factory=Outbound)
    # how an account on another CalDAV server is found when someone connects it (ADR 0026)
    discover: Discover | None = None
    # where Google is and the operator's OAuth client (docs/adr/0034); None: Google accounts
    # cannot be connected here
    google: GoogleConsents | None = None
    # delivers a webhook's test message (docs/adr/0029); None: webhooks cannot be tested
    webhook_sender: TestSender | None = None
    # tells this process's live streams what changed (docs/adr/0028)
    watcher: ChangeWatcher | None = None
