# The Mini App: calendars that follow a feed from elsewhere (docs/adr/0025): the form on the
# calendars screen and the subscription on a subscribed calendar's screen.
# $state: waiting, failing, paused or ok; $when: when it was last fetched; $reason: why it failed (a code).
subs-title = Follow a calendar from elsewhere
subs-hint = A webcal:// or https:// link of a calendar feed: public holidays, a school timetable, the secret iCal address of Google Calendar, Outlook or iCloud. Its events show here and in every app, kept up to date; you cannot change them.
subs-link = Feed link
subs-add = Subscribe
subs-added = Subscribed to “{ $name }”. Its events appear within a minute.
subs-section = Feed
subs-status =
    { $state ->
        [waiting] Waiting for its first refresh (within a minute).
        [failing] Could not be fetched ({ $reason }); trying again later.
        [paused] Paused: not refreshed until you resume it.
       *[ok] Up to date, last fetched { $when }.
    }
subs-reminders = Remind me of its events
subs-busy = Count its events as busy for my booking links
subs-refresh = Fetch now
subs-pause = Pause
subs-resume = Resume
subs-refreshing = Fetching it again within a minute.
subs-remove = Unsubscribe
subs-remove-question = Unsubscribe from “{ $name }”? Its events disappear from every app.
subs-removed = Unsubscribed from “{ $name }”.
