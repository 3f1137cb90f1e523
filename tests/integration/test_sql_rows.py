"""Rows written at once (`Sql.insert_rows`, a projection's batch) on both databases: in their
order, the first of a key kept, and `rowcount` telling what the statement after them wrote, also
on PostgreSQL, where such rows go through a second cursor that sends them as written."""

from __future__ import annotations

from tests.conftest import Backend, FakeClock


def test_rows_written_at_once_keep_the_first_of_a_key_and_are_counted(
    backend: Backend, clock: FakeClock
) -> None:
    with backend.fresh_app(clock) as app:
        with app.views.write() as db:
            db.run("CREATE TABLE sql_rows_check (name TEXT PRIMARY KEY, n INTEGER, note TEXT)")
            rows = [(f"k{i % 450}", i, None if i % 2 else "50%?") for i in range(900)]
            db.insert_rows(
                "INSERT INTO sql_rows_check (name, n, note) VALUES",
                rows,
                tail="ON CONFLICT (name) DO NOTHING",
            )
            db.run("UPDATE sql_rows_check SET n = n + 1 WHERE n < ?", (3,))
            assert db.rowcount == 3
            stored = db.all("SELECT name, n, note FROM sql_rows_check ORDER BY n, name")
            db.run("DROP TABLE sql_rows_check")
        assert len(stored) == 450
        assert [(r["name"], r["n"]) for r in stored[:4]] == [
            ("k0", 1),
            ("k1", 2),
            ("k2", 3),
            ("k3", 3),
        ]
        assert {r["note"] for r in stored} == {None, "50%?"}
