"""The Calendar aggregate: a collection of calendar objects owned by one account (RFC 4791 §4.2)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from televent.domain.errors import ConflictError, DomainError, NotFoundError
from televent.domain.values import calendar_id_for

PROPERTIES = ("display_name", "color", "description", "timezone", "components")


class Calendar(Aggregate):
    """A calendar collection, addressed by the URL segment (slug) its owner chose."""

    @staticmethod
    def create_id(account_id: UUID, slug: str) -> UUID:
        """The id derives from owner and slug, so one slug names one calendar per account."""
        return calendar_id_for(account_id, slug)

    @event("CalendarCreated")
    def __init__(
        self, *, account_id: UUID, slug: str, properties: dict[str, Any], actor: str, source: str
    ) -> None:
        self.account_id = account_id
        self.slug = slug
        self.properties = _checked(properties)
        self.deleted = False

    def update(self, *, properties: dict[str, Any], actor: str, source: str) -> None:
        """Change collection properties (PROPPATCH); values equal to current ones are dropped."""
        self._check_live()
        changes = {k: v for k, v in _checked(properties).items() if self.properties.get(k) != v}
        if changes:
            self._updated(account_id=self.account_id, changes=changes, actor=actor, source=source)

    def delete(self, *, actor: str, source: str) -> None:
        """Delete the collection (its events are deleted by the application in the same save)."""
        self._check_live()
        self._deleted(account_id=self.account_id, actor=actor, source=source)

    def recreate(self, *, properties: dict[str, Any], actor: str, source: str) -> None:
        """Bring back a deleted calendar under the same slug, empty, with new properties."""
        if not self.deleted:
            raise ConflictError(f"Calendar {self.slug!r} already exists.")
        self._recreated(
            account_id=self.account_id,
            slug=self.slug,
            properties=_checked(properties),
            actor=actor,
            source=source,
        )

    def _check_live(self) -> None:
        if self.deleted:
            raise NotFoundError(f"Calendar {self.slug!r} does not exist.")

    @event("CalendarUpdated")
    def _updated(
        self, *, account_id: UUID, changes: dict[str, Any], actor: str, source: str
    ) -> None:
        self.properties.update(changes)

    @event("CalendarDeleted")
    def _deleted(self, *, account_id: UUID, actor: str, source: str) -> None:
        self.deleted = True

    @event("CalendarRecreated")
    def _recreated(
        self, *, account_id: UUID, slug: str, properties: dict[str, Any], actor: str, source: str
    ) -> None:
        self.properties = dict(properties)
        self.deleted = False


def _checked(properties: dict[str, Any]) -> dict[str, Any]:
    unknown = set(properties) - set(PROPERTIES)
    if unknown:
        raise DomainError(f"Unknown calendar property: {sorted(unknown)[0]}.")
    return dict(properties)
