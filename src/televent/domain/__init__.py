"""The pure domain: aggregates, values and rules. No I/O, no clock, no randomness."""
