"""Objects belong to a live calendar: enforced by the database, under the writers' lock.

A PUT into a calendar that is deleted at the same moment, or a calendar deletion that misses an
object stored at the same moment, must fail (and be retried) rather than leave an orphan.
PostgreSQL gets a foreign key; SQLite gets triggers (its foreign keys need a per-connection
pragma the event store's connections do not set).
"""

from typing import Any

from yoyo import step

__depends__ = {"0001.read-models"}

SQLITE = [
    "CREATE TRIGGER calendar_objects_need_calendar BEFORE INSERT ON calendar_objects "
    "WHEN NOT EXISTS (SELECT 1 FROM calendars WHERE calendar_id = NEW.calendar_id) "
    "BEGIN SELECT RAISE(ABORT, 'calendar_objects: the calendar does not exist'); END",
    "CREATE TRIGGER calendars_keep_objects BEFORE DELETE ON calendars "
    "WHEN EXISTS (SELECT 1 FROM calendar_objects WHERE calendar_id = OLD.calendar_id) "
    "BEGIN SELECT RAISE(ABORT, 'calendars: the calendar still holds objects'); END",
]
POSTGRES = [
    "ALTER TABLE calendar_objects ADD CONSTRAINT calendar_objects_calendar "
    "FOREIGN KEY (calendar_id) REFERENCES calendars (calendar_id)",
]
SQLITE_ROLLBACK = [
    "DROP TRIGGER calendar_objects_need_calendar",
    "DROP TRIGGER calendars_keep_objects",
]
POSTGRES_ROLLBACK = ["ALTER TABLE calendar_objects DROP CONSTRAINT calendar_objects_calendar"]


def _run(conn: Any, sqlite: list[str], postgres: list[str]) -> None:
    statements = sqlite if type(conn).__module__.startswith("sqlite3") else postgres
    cursor = conn.cursor()
    for statement in statements:
        cursor.execute(statement)


steps = [
    step(
        lambda conn: _run(conn, SQLITE, POSTGRES),
        lambda conn: _run(conn, SQLITE_ROLLBACK, POSTGRES_ROLLBACK),
    )
]
