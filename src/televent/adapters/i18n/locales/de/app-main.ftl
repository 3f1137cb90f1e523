# Mini App: zwischen den Ansichten wechseln, Termine speichern und löschen, Fehler, die
# Anmeldeseite und die eigenen Erinnerungen eines Termins (js/app.js, js/api.js, js/reminders.js).
main-back = Zurück
main-back-calendar = Kalender
main-save = Speichern
main-created = Termin erstellt
main-saved = Gespeichert
main-delete = Löschen
main-delete-question = „{ $title }“ löschen?
main-deleted = Gelöscht
main-moved = Verschoben
main-accept-first = Nimm die Einladung an, um diesen Kalender zu sehen.
main-calendar-unavailable = Dieser Kalender ist für dich nicht verfügbar.
main-error-changed = Dieser Termin wurde anderswo geändert und neu geladen.
main-error-offline = Televent ist nicht erreichbar. Prüfe deine Verbindung.
main-error-status = Der Server antwortete mit { $status }.
main-login-title = Willkommen bei Televent
main-login-how = Öffne Televent über den Bot oder schick dem Bot /app, um einen Anmeldelink zu bekommen.

# Die eigenen Erinnerungen eines Termins, auf seiner Karte und im Formular.
reminders-legend = Erinnerungen
reminders-none-choice = Keine
reminders-at-start = Zu Beginn
reminders-at-end = Am Ende
reminders-before = { $duration } vorher
reminders-after = { $duration } nach Beginn
reminders-before-end = { $duration } vor dem Ende
reminders-after-end = { $duration } nach dem Ende
reminders-at-moment = Am { $moment }
reminders-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
reminders-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
reminders-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}
reminders-weeks = { $count ->
    [one] { $count } Woche
   *[other] { $count } Wochen
}
reminders-seconds = { $count ->
    [one] { $count } Sekunde
   *[other] { $count } Sekunden
}
reminders-list = { $count ->
    [one] Erinnerung
   *[other] Erinnerungen
}: { $reminders }
reminders-none = Keine Erinnerung
reminders-default = Erinnerung: { $reminder } (wie in deinen Einstellungen)
reminders-off = Keine Erinnerungen: Sie sind in deinen Einstellungen aus
reminders-hint-default = Nichts angehakt: deine übliche Erinnerung, { $reminder }.
reminders-hint-off = Erinnerungen sind in deinen Einstellungen aus, also kommt keine.
reminders-hint-ignored = Deine Einstellungen lassen die eigenen Erinnerungen der Termine beiseite: Jeder Termin erinnert dich { $reminder }.
# A time field (js/timefield.js) holding something that is not a time.
time-field-invalid = { $field }: Gib eine Uhrzeit ein, zum Beispiel { $example }.
