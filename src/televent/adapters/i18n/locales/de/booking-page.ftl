## Die öffentlichen Buchungsseiten (/book/<slug> und die Seite zum Verwalten einer Buchung).

booking-page-title = Termin buchen
booking-page-needs-js = Diese Seite braucht JavaScript, um die freien Zeiten zu zeigen.
booking-page-loading = Wird geladen…
booking-page-time-zone = Zeitzone
booking-page-your-booking = Deine Buchung
booking-page-add-ics = Zum Kalender hinzufügen (.ics-Datei)
booking-page-reschedule = Verschieben
booking-page-cancel = Buchung stornieren
booking-page-cancel-reason = Grund (freiwillig, geht an die organisierende Person)
booking-page-cancel-confirm = Ja, stornieren
booking-page-cancel-keep = Behalten
booking-page-book-again = Neuen Termin buchen
booking-page-pick-time = Zeit wählen
booking-page-duration = Dauer
booking-page-earlier-days = Frühere Tage
booking-page-later-days = Spätere Tage
booking-page-days = Tage
booking-page-your-details = Deine Angaben
booking-page-name = Name
booking-page-email = E-Mail
booking-page-optional = (freiwillig)
booking-page-book = Buchen
booking-page-booking = Wird gebucht…
booking-page-choose-another = Andere Zeit wählen
booking-page-move-heading = Buchung verschieben
booking-page-move = Verschieben
booking-page-booked-heading = Gebucht
booking-page-download-ics = Lade die .ics-Datei herunter
booking-page-download-ics-then = und öffne sie, um die Buchung in deinen Kalender einzutragen.
booking-page-keep-link = Um sie später zu ändern oder zu stornieren, bewahre diesen Link auf:

## Zeiten und Dauer

booking-page-zone = { $when } ({ $zone })
booking-page-day-time = { $day }, { $time }
booking-page-time-range = { $from }–{ $to }
booking-page-minutes = { $minutes } Min.
booking-page-hours = { $hours } Std.
booking-page-hours-minutes = { $hours } Std. { $minutes } Min.
booking-page-week = { $from } – { $to }
booking-page-slot-label = { $from } bis { $to }
booking-page-day-label =
    { $count ->
        [one] { $day }, { $count } freie Zeit
       *[other] { $day }, { $count } freie Zeiten
    }
booking-page-day-closed = { $day }, keine freien Zeiten
booking-page-day-heading = { $day } · Zeiten in { $zone }

## Eine Zeit finden

booking-page-looking = Freie Zeiten werden gesucht…
booking-page-week-empty = An diesen Tagen gibt es keine freien Zeiten. Probier spätere Tage mit ›.
booking-page-pick-day = Wähle einen Tag, um seine freien Zeiten zu sehen.
booking-page-nothing-free =
    { $days ->
        [one] Am nächsten { $days } Tag gibt es keine freien Zeiten. Schau später noch einmal vorbei.
       *[other] In den nächsten { $days } Tagen gibt es keine freien Zeiten. Schau später noch einmal vorbei.
    }
booking-page-slot-taken = Diese Zeit wurde gerade gebucht. Bitte wähle eine andere der freien Zeiten unten.
booking-page-new-time = Neue Zeit: { $when }

## Buchen

booking-page-book-with = Einen Termin bei { $name } buchen
booking-page-paused = { $name } nimmt über diesen Link gerade keine Buchungen an. Bitte versuch es später noch einmal.
booking-page-enter-name = Bitte gib deinen Namen ein.
booking-page-enter-email = Bitte gib eine E-Mail-Adresse wie ann@example.org ein.
booking-page-answer = Bitte beantworte: { $question }
booking-page-done-heading = Du hast gebucht
booking-page-done = Gebucht: { $when }. Eine Einladung ist unterwegs an { $email }.
booking-page-done-no-mail = Gebucht: { $when }. Dieser Server verschickt keine E-Mails, daher kommt keine Einladung an { $email }: Trag die Buchung selbst in deinen Kalender ein.

## Eine Buchung verwalten

booking-page-your-booking-with = Deine Buchung bei { $name }
booking-page-status-active = Bestätigt
booking-page-status-cancelled = Storniert
booking-page-status-released = Von der organisierenden Person abgesagt
booking-page-booked-by = Gebucht von { $name } ({ $email })
booking-page-link-paused = Dieser Link nimmt gerade keine Buchungen an.
booking-page-cancelled = Deine Buchung ist storniert. Die organisierende Person weiß Bescheid.
booking-page-already-cancelled = Diese Buchung war schon storniert.
booking-page-moved = Verschoben auf { $when }. Eine aktualisierte Einladung ist unterwegs an { $email }.
booking-page-moved-no-mail = Verschoben auf { $when }. Dieser Server verschickt keine E-Mails: Trag die neue Zeit mit der .ics-Datei unten in deinen Kalender ein.

## Wenn etwas schiefgeht

booking-page-no-page = Diese Buchungsseite gibt es nicht
booking-page-no-page-text = Prüf den Link, den du bekommen hast, oder bitte die Person, die ihn geschickt hat, um einen neuen.
booking-page-removed-meanwhile = Der Link wurde entfernt, während du gebucht hast. Es wurde nichts gebucht.
booking-page-no-booking = Buchung nicht gefunden
booking-page-no-booking-text = Dieser Link führt zu keiner Buchung. Prüf, ob du ihn vollständig kopiert hast.
booking-page-not-found = Seite nicht gefunden
booking-page-not-found-text = Diese Adresse führt zu keiner Buchungsseite.
booking-page-offline = Der Server ist nicht erreichbar. Prüf deine Verbindung und versuch es noch einmal.
booking-page-too-many = Zu viele Anfragen aus deinem Netz. Bitte warte eine Minute und versuch es dann noch einmal.
booking-page-server-said = Der Server antwortete { $status }.

booking-event-summary = { $title }: { $visitor } und { $owner }
booking-event-booked-with = Gebucht über einen Televent-Buchungslink.
booking-file-manage = Absagen oder verschieben: { $url }
