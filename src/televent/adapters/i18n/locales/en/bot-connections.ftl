## Connecting a Google account from the bot (docs/adr/0034): /google.
## $email: the Google account; $count: its calendars here; $state: waiting, failing or ok;
## $reason: why its last sync failed (a code such as unauthorized).

bot-google-off = 🔌 This server is not set up to connect Google Calendar. You can still follow a Google calendar's secret iCal address with /subscribe.
bot-google-connect = 🔄 Connect your Google Calendar: Google asks you to choose the account and allow Televent to use its calendars. They then appear among your calendars within a minute, count as busy time for your booking links, and changes go both ways.
bot-google-link-rules = The link works once, for 10 minutes.
bot-google-link = Open this link in your browser:
bot-google-head = <b>Connected Google accounts</b>
bot-google-line = • { $email } — { $count ->
        [one] one calendar
       *[other] { $count } calendars
    }, { $state ->
        [waiting] waiting for its first sync
        [failing] failing ({ $reason })
       *[ok] up to date
    }
bot-google-manage = To disconnect one, open /app: Calendars, then the calendar's connection.
