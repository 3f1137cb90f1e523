# The Mini App: calendars that follow a feed from elsewhere (docs/adr/0025): the form on the
# calendars screen and the subscription on a subscribed calendar's screen.
# $state: waiting, failing, paused or ok; $when: when it was last fetched; $reason: why it failed (a code).
subs-title = Einem Kalender von anderswo folgen
subs-hint = Ein webcal://- oder https://-Link eines Kalender-Feeds: Feiertage, ein Stundenplan, die geheime iCal-Adresse von Google Kalender, Outlook oder iCloud. Seine Termine erscheinen hier und in jeder App, immer aktuell; ändern kannst du sie nicht.
subs-link = Link des Feeds
subs-add = Abonnieren
subs-added = „{ $name }“ abonniert. Die Termine erscheinen binnen einer Minute.
subs-section = Feed
subs-status =
    { $state ->
        [waiting] Wartet auf die erste Aktualisierung (binnen einer Minute).
        [failing] Konnte nicht abgerufen werden ({ $reason }); neuer Versuch später.
        [paused] Pausiert: keine Aktualisierung, bis du fortsetzt.
       *[ok] Aktuell, zuletzt abgerufen { $when }.
    }
subs-reminders = An seine Termine erinnern
subs-busy = Seine Termine als belegt für meine Buchungslinks zählen
subs-refresh = Jetzt abrufen
subs-pause = Pausieren
subs-resume = Fortsetzen
subs-refreshing = Wird binnen einer Minute neu abgerufen.
subs-remove = Abo beenden
subs-remove-question = Abo von „{ $name }“ beenden? Seine Termine verschwinden aus jeder App.
subs-removed = Abo von „{ $name }“ beendet.
