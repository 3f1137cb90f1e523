# The Mini App: accounts on other CalDAV servers (docs/adr/0026): the form on the calendars
# screen and the connection on a mirrored calendar's screen.
# $server: the server's host; $username: the user name there; $count: calendars found.
# $state: waiting, failing or ok; $when: when it was last synced; $reason: why it failed (a code).
conn-title = Connect another calendar account
conn-hint = Your calendars on iCloud, Fastmail, Nextcloud or any CalDAV server show here, count as busy time and are kept up to date every few minutes. Many providers need an app password made for this; it is kept encrypted and never shown again.
conn-server = Server address or your e-mail address
conn-username = User name
conn-password = App password
conn-add = Connect
conn-added = { $count ->
    [one] Connected one calendar of { $server }. Its events appear within a minute.
   *[other] Connected { $count } calendars of { $server }. Their events appear within a minute.
}
conn-section = Connected account
conn-from = { $server }, as { $username }
conn-status =
    { $state ->
        [waiting] Waiting for its first sync (within a minute).
        [failing] Could not be synced ({ $reason }); trying again later.
       *[ok] Up to date, last synced { $when }.
    }
conn-two-way = Changes made here are sent to { $server } too. When an event was changed there as well, { $server }'s version is kept and you are told.
conn-waiting = { $count ->
    [one] One change waits to be sent to { $server }.
   *[other] { $count } changes wait to be sent to { $server }.
}
conn-sync = Sync now
conn-syncing = Syncing it again within a minute.
conn-remove = Disconnect
conn-remove-question = Disconnect { $server }? Nothing changes on { $server }; here its calendars can stay as your own or go.
conn-keep = Keep the events here
conn-drop = Remove them here
conn-removed = Disconnected from { $server }.
conn-google-title = Google Calendar
conn-google-hint = Connect your Google account: its calendars show here, count as busy time, and changes go both ways. Google asks you to allow it.
conn-google = Connect Google Calendar
conn-google-opened = Google opens in your browser: allow Televent there, then come back here.
