## The page of the bot's login link (GET /app/login?token=...), in the browser's language
## (adapters/api/login.py): there is no account before the login.

login-page-preview = Open this link to sign in to your calendar.
login-page-incomplete-title = This login link is incomplete
login-page-incomplete = Open the whole link the bot sent you, or send /app to the bot for a new one.
login-page-used-title = This login link no longer works
login-page-used = A login link works once, for a few minutes. Send /app to the Televent bot for a new one.
