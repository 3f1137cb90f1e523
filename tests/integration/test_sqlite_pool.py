"""The event store's SQLite connections keep their prepared statements (infrastructure/
sqlite_pool.py): a write transaction runs a dozen statements, each prepared once per
connection, not again on every execution."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from televent.bootstrap import build_application
from televent.config import Settings

STATEMENTS = (
    "SELECT name FROM projection_positions WHERE name = ?",
    "SELECT position FROM projection_positions WHERE name = ?",
)


def test_statements_run_in_turn_are_prepared_once(tmp_path: Path) -> None:
    app = build_application(Settings(database_url=f"sqlite:///{tmp_path}/store.db"))
    prepared: list[int] = []

    def authorize(action: int, *_: Any) -> int:  # asked while a statement is prepared only
        if action == sqlite3.SQLITE_SELECT:
            prepared.append(action)
        return sqlite3.SQLITE_OK

    try:
        with app.views.datastore.transaction(commit=False) as cursor:
            connection = cursor.sqlite_cursor.connection
            connection.set_authorizer(authorize)
            try:
                for _ in range(3):
                    for statement in STATEMENTS:
                        cursor.execute(statement, ("calendar_view",))
                        cursor.fetchall()
            finally:
                connection.set_authorizer(None)
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert isinstance(connection.execute("SELECT 1 AS one").fetchone(), sqlite3.Row)
    finally:
        app.close()
    assert len(prepared) == len(STATEMENTS)  # the library's pool prepared them six times


def test_batches_of_any_size_reuse_one_statement(tmp_path: Path) -> None:
    """A projection's batch of rows (`Sql.insert_rows`) and of deletions (`Sql.delete_in`)
    is one statement whatever the number of rows, so a connection keeps one per table, not
    one per batch size (a statement of 400 rows holds about a third of a megabyte)."""
    app = build_application(Settings(database_url=f"sqlite:///{tmp_path}/store.db"))
    prepared: list[str] = []

    def authorize(action: int, table: str | None, *_: Any) -> int:
        if action in (sqlite3.SQLITE_INSERT, sqlite3.SQLITE_DELETE) and table == "batch_check":
            prepared.append(str(action))
        return sqlite3.SQLITE_OK

    try:
        with app.views.write() as db:
            db.run("CREATE TABLE batch_check (name TEXT PRIMARY KEY)")
            connection = db.cursor.sqlite_cursor.connection
            connection.set_authorizer(authorize)
            try:
                for size in (1, 3, 400, 401, 7):
                    names = [(f"{size}-{n}",) for n in range(size)]
                    db.insert_rows("INSERT INTO batch_check (name) VALUES", names)
                    db.delete_in("DELETE FROM batch_check WHERE name IN", [n for (n,) in names])
            finally:
                connection.set_authorizer(None)
            left = db.all("SELECT name FROM batch_check")
    finally:
        app.close()
    assert left == []
    assert sorted(prepared) == sorted([str(sqlite3.SQLITE_INSERT), str(sqlite3.SQLITE_DELETE)])
