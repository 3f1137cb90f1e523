## Die Mails von Televent: Erinnerungen, die Tagesübersicht am Morgen, Hinweise,
## Einladungen, Buchungen, die Mail mit dem Code und die Seiten zum Abbestellen.

## Die Übersicht eines Termins in einer Mail

mail-label-when = Wann
mail-label-where = Wo
mail-label-organizer = Organisiert von
mail-label-guests = Gäste
mail-field = { $label }: { $value }
mail-list-heading = { $label }:
mail-no-title = (ohne Titel)
mail-no-time = keine Uhrzeit
mail-someone = Jemand
mail-the-organizer = Die Organisatorin oder der Organisator
mail-all-day = ganztägig
mail-when-all-day = { $day } (ganztägig)
mail-day-and-time = { $day }, { $time }
mail-time-range = { $start }–{ $end }
mail-in-zone = { $when } ({ $zone })
mail-one-occurrence = { $text } (nur dieser Termin)

## Erinnerungen

mail-reminder-subject = Erinnerung: { $title } @ { $when }
mail-reminder-now = { $title } beginnt jetzt
mail-reminder-soon = { $title } beginnt bald
mail-reminder-minutes =
    { $count ->
        [one] { $title } beginnt in { $count } Minute
       *[other] { $title } beginnt in { $count } Minuten
    }
mail-reminder-hours =
    { $count ->
        [one] { $title } beginnt in { $count } Stunde
       *[other] { $title } beginnt in { $count } Stunden
    }
mail-reminder-days =
    { $count ->
        [one] { $title } beginnt in { $count } Tag
       *[other] { $title } beginnt in { $count } Tagen
    }

## Einladungen, Änderungen und Antworten

mail-invitation-subject = Einladung: { $title } @ { $when }
mail-invitation-headline = { $organizer } lädt dich ein
mail-invitation-update-subject = Einladung geändert: { $title } @ { $when }
mail-invitation-update-headline = { $organizer } hat den Termin geändert; bitte prüf die Details
mail-cancelled-subject = Abgesagt: { $title } @ { $when }
mail-cancelled-headline = Der Termin wurde abgesagt
mail-uninvited-subject = Ausgeladen: { $title } @ { $when }
mail-uninvited-headline = Du wurdest aus dem Termin entfernt
mail-answer-in-app = Antworte in Telegram oder in der Kalender-App: { $url }
mail-rsvp =
    { $status ->
        [accepted] { $who } hat zugesagt
        [declined] { $who } hat abgesagt
        [tentative] { $who } hat vorläufig zugesagt
        [delegated] { $who } hat die Einladung weitergegeben
       *[other] { $who } hat geantwortet
    }
mail-rsvp-subject = { $answer }: { $title } @ { $when }
mail-imip-invite-headline = { $who } lädt dich zu { $title } ein
mail-imip-update-headline = { $who } hat { $title } geändert
mail-imip-cancel-headline = { $who } hat { $title } abgesagt
mail-imip-declinecounter-headline = { $who } bleibt bei der Uhrzeit von { $title }
mail-imip-declinecounter-subject = Vorschlag abgelehnt: { $title } @ { $when }

## Buchungen der Links einer Person

mail-booking-with = { $title } mit { $name }
mail-booked-subject = Gebucht: { $meeting } @ { $when }
mail-booked-headline = { $name } hat einen Termin bei dir gebucht
mail-booking-cancelled-subject = Buchung storniert: { $meeting } @ { $when }
mail-booking-cancelled-headline = { $name } hat storniert
mail-booking-moved-subject = Buchung verschoben: { $meeting } @ { $when }
mail-booking-moved-headline = { $name } hat die Buchung verschoben
mail-booking-reason = Grund: { $reason }
mail-booking-was = Vorher: { $when }
mail-booking-email = E-Mail: { $email }
mail-visitor-moved-subject = Verschoben: { $meeting } @ { $when }
mail-visitor-manage = Stornieren oder verschieben: { $url }

## Die Tagesübersicht am Morgen

mail-agenda-subject = Dein Tag: { $day }
mail-agenda-intro = Dein Tag, { $day } ({ $zone })
mail-agenda-empty = Heute steht nichts an.
mail-agenda-unreadable =
    { $count ->
        [one] ({ $count } Termin konnte nicht angezeigt werden)
       *[other] ({ $count } Termine konnten nicht angezeigt werden)
    }
mail-agenda-conflicts = (!) markiert Termine, die sich überschneiden.
mail-agenda-conflict = (!) { $when }
mail-agenda-at = in { $location }
mail-agenda-repeats = wiederholt sich
mail-agenda-awaiting = wartet auf deine Antwort

## Warum die Mail kam

mail-footer-why =
    { $kind ->
        [reminders] Du bekommst Erinnerungen per Mail, weil du es in den Einstellungen von Televent so gewählt hast.
        [agenda] Du bekommst die Tagesübersicht am Morgen per Mail, weil du es in den Einstellungen von Televent so gewählt hast.
       *[notices] Du bekommst Hinweise zu deinen Terminen per Mail, weil du es in den Einstellungen von Televent so gewählt hast.
    }
mail-footer-stop = Diese Mails abbestellen: { $url }
mail-footer-settings = Ändern kannst du das mit /settings im Bot oder in der Kalender-App.

## Der Code, der eine E-Mail-Adresse verknüpft

mail-code-subject = Dein Televent-Code: { $code }
mail-code-someone = Jemand bei Televent
mail-code-asked =
    { $minutes ->
        [one] { $who } möchte { $address } mit dem eigenen Televent-Konto verknüpfen. Gib dazu diesen Code innerhalb von { $minutes } Minute an Televent zurück (im Bot: /email { $code }).
       *[other] { $who } möchte { $address } mit dem eigenen Televent-Konto verknüpfen. Gib dazu diesen Code innerhalb von { $minutes } Minuten an Televent zurück (im Bot: /email { $code }).
    }
mail-code-ignore = Wenn du das nicht warst, ignoriere diese Mail: Ohne den Code wird nichts verknüpft.

## Die Seiten des Abbestell-Links

mail-unsubscribe-page-title = Televent: E-Mail
mail-unsubscribe-not-found = Dieser Abbestell-Link ist nicht (mehr) gültig. Was per Mail kommt, stellst du mit /settings im Televent-Bot ein.
mail-unsubscribe-confirm =
    { $kind ->
        [reminders] Keine Erinnerungen mehr per Mail an { $name } schicken? Telegram und die anderen Mails bleiben, wie sie sind.
        [agenda] Keine Tagesübersicht mehr per Mail an { $name } schicken? Telegram und die anderen Mails bleiben, wie sie sind.
       *[notices] Keine Hinweise mehr per Mail an { $name } schicken? Telegram und die anderen Mails bleiben, wie sie sind.
    }
mail-unsubscribe-button =
    { $kind ->
        [reminders] Erinnerungen abbestellen
        [agenda] Tagesübersicht abbestellen
       *[notices] Hinweise abbestellen
    }
mail-unsubscribe-done =
    { $kind ->
        [reminders] Erledigt: Erinnerungen kommen nicht mehr per Mail an { $name }. Mit /settings im Televent-Bot oder in der Kalender-App schaltest du sie wieder ein.
        [agenda] Erledigt: Die Tagesübersicht kommt nicht mehr per Mail an { $name }. Mit /settings im Televent-Bot oder in der Kalender-App schaltest du sie wieder ein.
       *[notices] Erledigt: Hinweise kommen nicht mehr per Mail an { $name }. Mit /settings im Televent-Bot oder in der Kalender-App schaltest du sie wieder ein.
    }
