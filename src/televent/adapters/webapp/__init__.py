"""The Telegram Mini App at /app/: static files served by `televent serve` (no build step).

The calendar component and Telegram's web-app script are vendored under `static/vendor/` with
their licences; the app talks only to the JSON API (/api/v1).
"""
