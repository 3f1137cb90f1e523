google-consent-title = Google Kalender verbinden
google-consent-connected = Dein Google-Konto { $email } ist verbunden. Seine Kalender erscheinen innerhalb einer Minute in Televent; du kannst diese Seite schließen.
google-consent-refused = Du hast Televent den Zugriff auf deinen Google Kalender nicht erlaubt, daher wurde nichts verbunden.
google-consent-expired = Dieser Link ist abgelaufen oder wurde schon benutzt. Beginne noch einmal in Televent.
google-consent-failed = Google hat die Verbindung nicht abgeschlossen. Versuche es in ein paar Minuten noch einmal.
