## Die Fehlerantworten der JSON-API: Titel nach Status und die Details, die die API selbst schreibt.

api-title-bad-request = Ungültige Anfrage
api-title-unauthorized = Anmeldung nötig
api-title-forbidden = Nicht erlaubt
api-title-not-found = Nicht gefunden
api-title-method-not-allowed = Methode nicht erlaubt
api-title-conflict = Konflikt
api-title-gone = Nicht mehr vorhanden
api-title-precondition-failed = Vorbedingung nicht erfüllt
api-title-too-large = Anfrage zu groß
api-title-unsupported-media-type = Nicht unterstützter Inhaltstyp
api-title-unprocessable = Anfrage abgelehnt
api-title-too-many-requests = Zu viele Anfragen
api-title-server-error = Interner Serverfehler
api-title-unavailable = Dienst nicht verfügbar

api-detail-no-route = Unter dieser Adresse gibt es nichts.
api-detail-wrong-method = Diese Adresse nimmt diese Methode nicht an.
api-detail-wrong-method-allowed = Diese Adresse nimmt diese Methode nicht an (erlaubt: { $allowed }).
api-detail-too-large = Der Inhalt der Anfrage ist größer, als dieser Server annimmt.
api-detail-too-deep = Der Inhalt der Anfrage ist tiefer verschachtelt, als dieser Server liest.
api-detail-server-error = Auf dem Server ist etwas schiefgegangen; es wurde protokolliert.
api-detail-invalid = Die Anfrage ist ungültig.
api-detail-invalid-field = { $source ->
    [query] Die Anfrage ist ungültig: Prüfe den Abfrageparameter „{ $field }“.
    [header] Die Anfrage ist ungültig: Prüfe den Header „{ $field }“.
    [cookie] Die Anfrage ist ungültig: Prüfe das Cookie „{ $field }“.
    [path] Die Anfrage ist ungültig: Prüfe „{ $field }“ in der Adresse.
   *[body] Die Anfrage ist ungültig: Prüfe das Feld „{ $field }“ im Inhalt.
}
api-detail-missing-field = { $source ->
    [query] Die Anfrage ist ungültig: Der Abfrageparameter „{ $field }“ fehlt.
    [header] Die Anfrage ist ungültig: Der Header „{ $field }“ fehlt.
    [cookie] Die Anfrage ist ungültig: Das Cookie „{ $field }“ fehlt.
    [path] Die Anfrage ist ungültig: In der Adresse fehlt „{ $field }“.
   *[body] Die Anfrage ist ungültig: Im Inhalt fehlt das Feld „{ $field }“.
}
api-detail-unknown-field = Die Anfrage ist ungültig: Der Inhalt hat ein Feld „{ $field }“, das diese Adresse nicht annimmt.
api-detail-invalid-body = Die Anfrage ist ungültig: Der Inhalt hat nicht die Form, die diese Adresse annimmt.
api-detail-malformed-json = Der Inhalt der Anfrage ist kein gültiges JSON.
api-detail-not-json = Der Inhalt der Anfrage muss JSON sein (Content-Type: application/json).
api-detail-unknown-scheme = Unbekanntes Anmeldeverfahren „{ $scheme }“: nutze tma oder Basic.
api-detail-sign-in = Anmeldung nötig: die Daten der Telegram Mini App (Authorization: tma ...), ein Gerätepasswort (HTTP Basic) oder ein Anmeldelink aus /app im Bot.
api-detail-mini-app-off = Die Anmeldung aus der Telegram Mini App ist auf diesem Server aus (TELEGRAM_BOT_TOKEN ist nicht gesetzt); nutze ein Gerätepasswort.
api-detail-not-registered = Du hast noch kein Televent-Konto: Schick dem Bot zuerst /start und öffne dann die Mini App noch einmal.
api-detail-too-many-logins = Zu viele fehlgeschlagene Anmeldungen; versuch es in { $seconds } s wieder.
api-detail-too-many-requests = Zu viele Anfragen; versuch es in { $seconds } s wieder.
api-detail-wrong-password = Falscher Benutzername oder falsches Gerätepasswort.
api-detail-session-ended = Die Sitzung ist abgelaufen oder beendet: Schick dem Bot /app für einen neuen Link.
api-detail-changes-expired = Das Änderungs-Token ist abgelaufen oder unbekannt; lade alles noch einmal ohne `since`.
api-detail-organizer-only = Nur wer den Termin organisiert, kann ihn ändern; antworte mit POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-decline-instead = Diese Einladung ist nicht in deinem Kalender; lehne sie mit POST /api/v1/events/{"{"}id{"}"}/rsvp ab.
api-detail-blank-name = Der Name darf nicht leer sein.
api-detail-control-characters = Ein Name darf keine Steuerzeichen enthalten.
