# Die buchbaren Zeiten und Buchungslinks der Mini App (Einstellungen) und eine Buchung auf der
# Karte eines Termins (js/booking.js).
bookings-title = Buchungen
bookings-hours-intro = Wann man dich über deine Buchungslinks buchen kann; über deine Termine wird nie gebucht.
bookings-hours-zone = Zeitzone:
bookings-default-hours = Das sind die Standardzeiten ({ $first } bis { $last }, { $from }–{ $to }), bis du eigene speicherst.
bookings-hours-failed = Deine Zeiten konnten nicht geladen werden.
bookings-day-off-label = { $day } frei
bookings-off = Frei
bookings-day-off = Freier Tag
bookings-add-hours-label = Zeiten am { $day } hinzufügen
bookings-add-hours = + Zeiten
bookings-date-off = frei
bookings-remove-label = { $what } entfernen
bookings-remove = Entfernen
bookings-from-label = { $day } von
bookings-to-label = { $day } bis
bookings-date-off-added = { $date } ist frei, sobald du speicherst
bookings-date-off-label = Ein freier Tag
bookings-add-date-off = Freien Tag hinzufügen
bookings-link-active = Aktiv
bookings-link-paused = Pausiert
bookings-link-summary = { $minutes } Min. · { $count ->
    [one] { $count } anstehende Buchung
   *[other] { $count } anstehende Buchungen
}
bookings-copy = Link kopieren
bookings-pause = Pausieren
bookings-resume = Fortsetzen
bookings-delete = Löschen
bookings-delete-label = { $title } löschen
bookings-no-links = Noch keine Buchungslinks.
bookings-copied = Link kopiert
bookings-copy-prompt = Kopier den Link:
bookings-resumed = { $title } nimmt wieder Buchungen an
bookings-paused = { $title } ist pausiert
bookings-delete-question = „{ $title }“ löschen? Seine Seite funktioniert dann nicht mehr; bereits gebuchte Termine bleiben in deinem Kalender.
bookings-deleted = { $title } gelöscht
bookings-created = { $title } ist bereit: { $url }
bookings-links-title = Buchungslinks
bookings-new-link = Neuer Link
bookings-slug = Adresse (Slug)
bookings-slug-placeholder = Adresse, z. B. intro
bookings-link-title = Titel
bookings-link-title-placeholder = Titel, z. B. Kennenlernen
bookings-minutes = Minuten
bookings-buffer-before = Puffer davor
bookings-buffer-after = Puffer danach
bookings-notice = Vorlauf (Min.)
bookings-horizon = Tage im Voraus
bookings-per-day = Höchstens pro Tag
bookings-no-limit = unbegrenzt
bookings-create = Link erstellen
bookings-card-title = Gebucht über „{ $title }“
bookings-card-zone = Zeitzone der Person: { $zone }
bookings-card-active = Gebucht: Verschieben oder absagen geht über den Link in der Bestätigung.
bookings-card-cancelled = Abgesagt
bookings-card-released = Freigegeben: Der Termin wurde gelöscht, die Zeit ist wieder frei.
