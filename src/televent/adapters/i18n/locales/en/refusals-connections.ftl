# Refusals about connected calendar accounts on other servers (TeleventError.worded): the JSON API's detail, the bot and the Mini App.

refusal-connections-not-a-server = That is not a calendar server's address: give its URL, your e-mail address or its domain.
refusal-connections-not-caldav = No CalDAV calendar account answers there. Check the address (your provider's help page names it).
refusal-connections-unauthorized = { $host } refused the user name or password. Many providers need an app password here, not your usual one.
refusal-connections-status = { $host } answered { $status } to a calendar request.
refusal-connections-too-large = This calendar on { $host } holds more than Televent reads in one sync (over { $count } events or { $megabytes } MB).
refusal-connections-no-username = Give your user name on that server (at most { $most } characters).
refusal-connections-no-password = Give the password for that account (at most { $most } characters); many providers need an app password made for this.
refusal-connections-kind = Only CalDAV and Google accounts can be connected.
refusal-connections-too-many = You can connect at most { $most } accounts.
refusal-connections-already = You are connected to this account already.
refusal-connections-no-calendars = That account has no calendar of events to show.
refusal-connections-not-found = Connection not found.
refusal-connections-calendar-taken = This calendar already shows another one.
refusal-connections-google-off = This server is not set up to connect Google accounts.
refusal-connections-google-consent = A Google account is connected through Google's consent screen: ask for its address with /api/v1/connections/google/start.
