"""The write side: the `Televent` command API and the services that decide (scheduling,
iMIP, COUNTERs, delivery failures, reminders). docs/architecture.md says what may import what."""
