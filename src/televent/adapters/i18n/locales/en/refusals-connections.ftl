# Refusals about connected calendar accounts on other servers (TeleventError.worded): the JSON API's detail, the bot and the Mini App.

refusal-connections-not-a-server = That is not a calendar server's address: give its URL, your e-mail address or its domain.
refusal-connections-not-caldav = No CalDAV calendar account answers there. Check the address (your provider's help page names it).
refusal-connections-unauthorized = { $host } refused the user name or password. Many providers need an app password here, not your usual one.
refusal-connections-status = { $host } answered { $status } to a calendar request.
