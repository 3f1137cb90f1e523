## Connecting a Google account from the bot (docs/adr/0034): /google.
## $email: the Google account; $count: its calendars here; $state: waiting, failing or ok;
## $reason: why its last sync failed (a code such as unauthorized).

bot-google-off = 🔌 Dieser Server ist nicht dafür eingerichtet, Google Kalender zu verbinden. Du kannst der geheimen iCal-Adresse eines Google-Kalenders trotzdem mit /subscribe folgen.
bot-google-connect = 🔄 Verbinde deinen Google Kalender: Google fragt dich, welches Konto, und ob Televent seine Kalender nutzen darf. Sie erscheinen dann innerhalb einer Minute bei deinen Kalendern, zählen als belegte Zeit für deine Buchungslinks, und Änderungen gehen in beide Richtungen.
bot-google-link-rules = Der Link funktioniert einmal, 10 Minuten lang.
bot-google-link = Öffne diesen Link in deinem Browser:
bot-google-head = <b>Verbundene Google-Konten</b>
bot-google-line = • { $email } — { $count ->
        [one] ein Kalender
       *[other] { $count } Kalender
    }, { $state ->
        [waiting] wartet auf den ersten Abgleich
        [failing] fehlerhaft ({ $reason })
       *[ok] aktuell
    }
bot-google-manage = Zum Trennen öffne /app: Kalender, dann die Verbindung des Kalenders.
