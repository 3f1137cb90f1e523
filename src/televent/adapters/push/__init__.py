"""WebDAV-Push: the sender of push messages to phones (docs/adr/0027)."""
