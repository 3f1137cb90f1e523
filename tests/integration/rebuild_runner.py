"""A rebuild process for crash tests: prints `BATCH <position>` after each committed batch."""

from __future__ import annotations

import sys

from televent.bootstrap import build_application
from televent.config import Settings
from televent.projections.rebuild import Rebuilder


def main(url: str) -> None:
    app = build_application(Settings(database_url=url))
    Rebuilder(app.engine, app.views, batch_size=5).run(
        progress=lambda position, head: print(f"BATCH {position}", flush=True)
    )
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
