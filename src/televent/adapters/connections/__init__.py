"""Connected calendar accounts on other servers (docs/adr/0026)."""
