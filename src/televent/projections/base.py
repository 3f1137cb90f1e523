"""The shape every read model shares: named tables, handlers per domain event, a position."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from televent.infrastructure.crypto_shredding import is_redacted
from televent.projections.sql import Sql

Handler = Callable[[Any, Sql, Any, int], None]


def handles(*event_names: str) -> Callable[[Handler], Handler]:
    """Mark a projection method as the handler of domain events named `Aggregate.Event`."""

    def mark(method: Handler) -> Handler:
        method._handles = event_names  # type: ignore[attr-defined]
        return method

    return mark


class Projection:
    """A read model: tables it owns, and how each domain event changes them.

    Instances are bound to a table prefix: "" writes the live tables, a shadow prefix writes
    the tables a rebuild fills before comparing or swapping them in.
    """

    name: ClassVar[str]
    tables: ClassVar[tuple[str, ...]]
    # False for a queue of side effects (deliveries): replaying it would send everything again.
    rebuildable: ClassVar[bool] = True
    # Events of an erased person decode as redacted (only ids and time): most views skip them.
    reads_redacted: ClassVar[bool] = False
    _handlers: ClassVar[dict[str, Handler]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._handlers = {}
        for attribute in vars(cls).values():
            for event_name in getattr(attribute, "_handles", ()):
                cls._handlers[event_name] = attribute

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.t = {table: prefix + table for table in self.tables}

    def interested_in(self, event: Any) -> bool:
        """Whether this projection changes anything for the event."""
        return type(event).__qualname__ in self._handlers

    def apply(self, db: Sql, event: Any, position: int) -> None:
        """Apply one domain event recorded at notification `position`."""
        handler = self._handlers.get(type(event).__qualname__)
        if handler is not None and (self.reads_redacted or not is_redacted(event)):
            handler(self, db, event, position)

    def start_from_empty(self) -> None:
        """Told by a rebuild that its tables start empty (a chance to skip lookups)."""

    def flush(self, db: Sql) -> None:
        """Write what the handlers coalesced (called once per transaction or batch)."""

    def comparison_filters(self, retention_cutoff: str) -> dict[str, str]:
        """Per-table SQL conditions selecting the rows a verification compares.

        Rows outside them (tombstones past retention) may legitimately differ.
        """
        return {}
