"""Who a person means by an invitee they type: a Televent user by @username or Telegram id
(their internal calendar address), anyone else by email (RFC 6047: a mailto: address). The
one reading shared by the bot's /invite and the JSON API's attendees."""

from __future__ import annotations

from televent.domain.errors import DomainError
from televent.domain.values import internal_uri, is_valid_email, telegram_id_in
from televent.projections.queries import Queries


def invitee_address(queries: Queries, internal_domain: str, text: str) -> tuple[str, str | None]:
    """The calendar address and display name (None when unknown) of an invitee as typed.

    Raises:
        DomainError: no such Televent user, or neither a user nor an email address; worded
            by the catalogue's `invitee-no-user`, `invitee-not-started` or
            `invitee-unreadable`, which say why without repeating what was written.
    """
    value = text.strip().removeprefix("mailto:").removeprefix("MAILTO:")
    if value.startswith("@"):
        account = queries.account_by_username(value)
        if account is None:
            raise DomainError(
                "no Televent user with that name yet; ask them to send /start to the bot, "
                "or invite them by email."
            ).worded("invitee-no-user")
        return internal_uri(account.telegram_id, internal_domain), account.name
    telegram_id = telegram_id_in(value)  # ASCII digits within 64 bits ("²" is no id)
    if telegram_id is not None:
        account = queries.account_by_telegram_id(telegram_id)
        if account is None:
            raise DomainError(
                "that Telegram user has not started the bot yet; ask them to send /start to "
                "it, or invite them by email."
            ).worded("invitee-not-started")
        return internal_uri(account.telegram_id, internal_domain), account.name
    if is_valid_email(value):
        known = queries.account_for_address(value, internal_domain)
        return f"mailto:{value.lower()}", None if known is None else known.name
    raise DomainError("not an @username, a Telegram id or an email address.").worded(
        "invitee-unreadable"
    )
