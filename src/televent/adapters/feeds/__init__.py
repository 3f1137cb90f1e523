"""Calendars published as feeds: `GET /feeds/<token>.ics` (docs/adr/0022)."""
