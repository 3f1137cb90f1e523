"""Worker processes that read a rebuild's next batch of bodies for the occurrence index while
this process applies the current batch (docs/adr/0030).

Reading a body into its index rows (`domain.occurrence_index.index_of`) is a pure function of
the stored text and the change's own time, and about half of a rebuild's work: in a worker it
runs beside the decoding, the other read models and the writes, on another core. What a worker
cannot give (it died, the pool broke) is read here instead, so a rebuild never depends on them.
Only a rebuild of a log long enough to repay starting the processes uses them.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from televent.domain.occurrence_index import Indexed, index_of

LOG = logging.getLogger(__name__)

# A log shorter than this is rebuilt in this process alone: starting a worker (a fresh
# interpreter that imports the index's reader) costs about what reading 500 bodies does.
MIN_EVENTS = 5_000
MAX_PROCESSES = 4
CHUNK = 50  # bodies sent to a worker at once


def processes_for(events: int, wanted: int | None = None) -> int:
    """How many workers a rebuild of `events` logged events uses: `wanted` when given (0:
    none), else one per core but the one this process uses, none for a short log."""
    if wanted is not None:
        return max(0, wanted)
    if events < MIN_EVENTS:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_PROCESSES, (cores or 1) - 1))


def _index_all(items: list[tuple[str, dt.datetime]]) -> list[Indexed | None]:
    return [index_of(text, at) for text, at in items]


class IndexWorkers:
    """Bodies handed in before their batch is applied, read in worker processes, and taken
    back by (event id, position) when the batch is flushed; those no worker has started by
    then are read here, so this process never waits for work that has not begun. With no
    processes (`READ_HERE`, outside a long rebuild) every body is read here."""

    def __init__(self, processes: int) -> None:
        # spawn, not fork: the process holds database connections and, in a server, threads
        self._pool = (
            ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"))
            if processes
            else None
        )
        self._waiting: dict[tuple[str, int], tuple[Future[list[Indexed | None]], int]] = {}
        self._reading_here = self._pool is None  # no workers, or they failed
        self.processes = processes
        self.read_by_workers = 0  # bodies whose reading came from a worker

    def submit(self, bodies: list[tuple[str, int, str, dt.datetime]]) -> None:
        """Start reading bodies given as (event id, position, text, time of the change)."""
        if self._reading_here or self._pool is None:
            return
        for start in range(0, len(bodies), CHUNK):
            chunk = bodies[start : start + CHUNK]
            try:
                future = self._pool.submit(_index_all, [(text, at) for _, _, text, at in chunk])
            except (BrokenProcessPool, RuntimeError, OSError):  # no process could start
                self._reading_here = True
                return
            for offset, (event_id, position, _, _) in enumerate(chunk):
                self._waiting[(event_id, position)] = (future, offset)

    def take(self, event_id: str, position: int, text: str, at: dt.datetime) -> Indexed | None:
        """The index rows of the body at `position`: a worker's reading when one was asked
        for, else (or when the workers failed) read here."""
        waiting = self._waiting.pop((event_id, position), None)
        # one no worker has started yet is quicker read here than waited for
        if waiting is None or self._reading_here or waiting[0].cancel():
            return index_of(text, at)
        future, offset = waiting
        try:
            indexed = future.result()[offset]
        except BrokenProcessPool:
            self._reading_here = True
            LOG.warning("The occurrence index's worker processes stopped; reading here instead.")
            return index_of(text, at)
        except Exception as exc:  # read here: it fails (or not) as without workers
            LOG.warning("A worker could not read a body for the occurrence index: %s", exc)
            return index_of(text, at)
        self.read_by_workers += 1
        return indexed

    def forget(self, upto: int) -> None:
        """Drop what was handed in at or before `upto` and never taken (an event deleted later
        in its batch), so no reading is kept for the whole rebuild."""
        self._waiting = {key: found for key, found in self._waiting.items() if key[1] > upto}

    def pending(self) -> int:
        """How many bodies handed in have not been taken or forgotten."""
        return len(self._waiting)

    def settle(self, timeout: float | None = None) -> None:
        """Wait until the workers have read every body handed in (or `timeout` seconds)."""
        wait({future for future, _ in self._waiting.values()}, timeout)

    def close(self) -> None:
        """Stop the workers (what they still read is dropped)."""
        self._waiting.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


READ_HERE = IndexWorkers(0)  # no processes: `take` reads each body here
