"""The CalDAV server (RFC 4791, RFC 6578, RFC 6764) behind an ASGI mount."""
