"""`make fuzz`: run the fuzz targets (tests/fuzz/targets.py) for a while and report.

    python -m tests.fuzz.run --seconds 600

Time is shared between the targets in rounds of `--batch` examples (hypothesis, a new random
seed each round). A failure is shrunk by hypothesis, printed with its traceback, counted, and
the run goes on. The exit status is 1 if anything failed.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter

from hypothesis import HealthCheck, given, settings

from tests.fuzz.targets import TARGETS, Target


def _round(target: Target, batch: int, counts: Counter[str]) -> None:
    @settings(
        max_examples=batch,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
    @given(data=target.strategy)
    def run(data: bytes) -> None:
        counts[target.name] += 1
        target.check(data)

    run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--targets", default=",".join(t.name for t in TARGETS))
    args = parser.parse_args(argv)
    chosen = [t for t in TARGETS if t.name in args.targets.split(",")]
    counts: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    started = time.monotonic()
    deadline = started + args.seconds
    rounds = 0
    while time.monotonic() < deadline:
        for target in chosen:
            if time.monotonic() >= deadline:
                break
            try:
                _round(target, args.batch, counts)
            except Exception:
                failures[target.name] += 1
                print(f"--- {target.name}: failure ---", file=sys.stderr)
                traceback.print_exc()
        rounds += 1
    elapsed = time.monotonic() - started
    for target in chosen:
        print(
            f"{target.name:5} {counts[target.name]:>9,} examples  {failures[target.name]} failures"
        )
    print(f"total {sum(counts.values()):>9,} examples in {elapsed:.0f} s, {rounds} rounds")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
