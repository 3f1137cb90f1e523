# Ablehnungen zu verbundenen Kalenderkonten auf anderen Servern (TeleventError.worded): die Details der JSON-API, der Bot und die Mini App.

refusal-connections-not-a-server = Das ist keine Adresse eines Kalenderservers: Gib seine URL, deine E-Mail-Adresse oder seine Domain an.
refusal-connections-not-caldav = Dort antwortet kein CalDAV-Kalenderkonto. Prüfe die Adresse (die Hilfeseite deines Anbieters nennt sie).
refusal-connections-unauthorized = { $host } hat den Benutzernamen oder das Passwort abgelehnt. Viele Anbieter verlangen hier ein App-Passwort, nicht dein übliches.
refusal-connections-status = { $host } hat auf eine Kalenderanfrage mit { $status } geantwortet.
