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
