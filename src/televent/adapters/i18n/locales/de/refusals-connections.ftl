# Ablehnungen zu verbundenen Kalenderkonten auf anderen Servern (TeleventError.worded): die Details der JSON-API, der Bot und die Mini App.

refusal-connections-not-a-server = Das ist keine Adresse eines Kalenderservers: Gib seine URL, deine E-Mail-Adresse oder seine Domain an.
refusal-connections-not-caldav = Dort antwortet kein CalDAV-Kalenderkonto. Prüfe die Adresse (die Hilfeseite deines Anbieters nennt sie).
refusal-connections-unauthorized = { $host } hat den Benutzernamen oder das Passwort abgelehnt. Viele Anbieter verlangen hier ein App-Passwort, nicht dein übliches.
refusal-connections-status = { $host } hat auf eine Kalenderanfrage mit { $status } geantwortet.
refusal-connections-too-large = Dieser Kalender auf { $host } enthält mehr, als Televent in einem Abgleich liest (über { $count } Termine oder { $megabytes } MB).
refusal-connections-no-username = Gib deinen Benutzernamen auf diesem Server an (höchstens { $most } Zeichen).
refusal-connections-no-password = Gib das Passwort für dieses Konto an (höchstens { $most } Zeichen); viele Anbieter verlangen dafür ein App-Passwort.
refusal-connections-kind = Nur CalDAV- und Google-Konten können verbunden werden.
refusal-connections-too-many = Du kannst höchstens { $most } Konten verbinden.
refusal-connections-already = Du bist mit diesem Konto schon verbunden.
refusal-connections-no-calendars = Dieses Konto hat keinen Terminkalender, der sich zeigen ließe.
refusal-connections-not-found = Verbindung nicht gefunden.
refusal-connections-calendar-taken = Dieser Kalender zeigt schon einen anderen.
refusal-connections-google-off = Dieser Server ist nicht dafür eingerichtet, Google-Konten zu verbinden.
refusal-connections-google-consent = Ein Google-Konto wird über Googles Zustimmungsseite verbunden: ihre Adresse gibt /api/v1/connections/google/start.
