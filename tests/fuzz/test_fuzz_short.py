"""A few seconds of the fuzz targets (tests/fuzz/targets.py) in every test run; `make fuzz`
runs them for ten minutes (tests/fuzz/run.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.targets import TARGETS, Target


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_only_documented_errors(target: Target) -> None:
    @settings(
        max_examples=300,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=target.strategy)
    def run(data: bytes) -> None:
        target.check(data)

    run()
