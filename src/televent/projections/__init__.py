"""Read models built from the event log, each with its position tracked in the same transaction."""
