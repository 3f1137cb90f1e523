# The Mini App: accounts on other CalDAV servers (docs/adr/0026): the form on the calendars
# screen and the connection on a mirrored calendar's screen.
# $server: the server's host; $username: the user name there; $count: calendars found.
# $state: waiting, failing or ok; $when: when it was last synced; $reason: why it failed (a code).
conn-title = Ein anderes Kalenderkonto verbinden
conn-hint = Deine Kalender bei iCloud, Fastmail, Nextcloud oder einem anderen CalDAV-Server erscheinen hier, zählen als belegte Zeit und werden alle paar Minuten aktualisiert. Viele Anbieter verlangen dafür ein App-Passwort; es wird verschlüsselt gespeichert und nie wieder angezeigt.
conn-server = Serveradresse oder deine E-Mail-Adresse
conn-username = Benutzername
conn-password = App-Passwort
conn-add = Verbinden
conn-added = { $count ->
    [one] Ein Kalender von { $server } verbunden. Seine Termine erscheinen innerhalb einer Minute.
   *[other] { $count } Kalender von { $server } verbunden. Ihre Termine erscheinen innerhalb einer Minute.
}
conn-section = Verbundenes Konto
conn-from = { $server }, als { $username }
conn-status =
    { $state ->
        [waiting] Wartet auf den ersten Abgleich (innerhalb einer Minute).
        [failing] Abgleich fehlgeschlagen ({ $reason }); neuer Versuch später.
       *[ok] Aktuell, zuletzt abgeglichen { $when }.
    }
conn-two-way = Änderungen von hier gehen auch an { $server }. Wurde ein Termin dort ebenfalls geändert, bleibt die Fassung von { $server }, und du erfährst es.
conn-waiting = { $count ->
    [one] Eine Änderung wartet darauf, an { $server } gesendet zu werden.
   *[other] { $count } Änderungen warten darauf, an { $server } gesendet zu werden.
}
conn-sync = Jetzt abgleichen
conn-syncing = Wird innerhalb einer Minute erneut abgeglichen.
conn-remove = Trennen
conn-remove-question = { $server } trennen? Auf { $server } ändert sich nichts; hier können seine Kalender als deine eigenen bleiben oder verschwinden.
conn-keep = Termine hier behalten
conn-drop = Hier entfernen
conn-removed = Von { $server } getrennt.
conn-google-title = Google Kalender
conn-google-hint = Verbinde dein Google-Konto: seine Kalender erscheinen hier, zählen als belegte Zeit, und Änderungen gehen in beide Richtungen. Google fragt dich um Erlaubnis.
conn-google = Google Kalender verbinden
conn-google-opened = Google öffnet sich in deinem Browser: erlaube Televent dort den Zugriff und komm dann hierher zurück.
