"""Adapters: the outside world's protocols (CalDAV, Telegram, mail) and the HTTP server that
combines them. They never import each other."""
