# The page Google's consent screen sends the browser back to (/oauth/google/callback).

google-consent-title = Connect Google Calendar
google-consent-connected = Your Google account { $email } is connected. Its calendars appear in Televent within a minute; you can close this page.
google-consent-refused = You did not allow Televent to use your Google Calendar, so nothing was connected.
google-consent-expired = This link has expired or was used already. Start again from Televent.
google-consent-failed = Google did not complete the connection. Try again in a few minutes.
