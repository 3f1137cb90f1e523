# Die Mini-App: das Terminformular, seine Wiederholung, die Frage, für welche Termine einer
# Serie eine Änderung gilt, und die Karte eines Termins.

form-back = Zurück
form-new = Neuer Termin
form-edit = Termin bearbeiten
form-edit-occurrence = Diesen Termin bearbeiten
form-edit-following = Diesen und alle folgenden bearbeiten
form-title-label = Titel
form-calendar = Kalender
form-all-day = Ganztägig
form-starts = Beginn
form-ends = Ende
form-start-date = Startdatum
form-start-time = Startzeit
form-end-date = Enddatum
form-end-time = Endzeit
form-zone = Zeiten in { $zone }
form-location = Ort
form-notes = Notizen
form-save = Speichern

form-error-title = Gib dem Termin einen Titel.
form-error-start = Wähle ein Startdatum.
form-error-end-before = Das Ende liegt vor dem Beginn.
form-error-end-after = Das Ende muss nach dem Beginn liegen.
form-error-interval = Wiederhole alle 1 bis { $most }.
form-error-count = Gib an, wie oft: 1 bis { $most }.
form-error-until = Die Wiederholung muss am oder nach dem Beginn enden.

## Die Wiederholung
form-repeat = Wiederholen
form-repeat-never = Keine Wiederholung
form-repeat-daily = Täglich
form-repeat-weekly = Wöchentlich
form-repeat-monthly = Monatlich
form-repeat-yearly = Jährlich
form-repeat-custom = Eigene Regel: { $rule }
form-every = Alle
form-unit-days = { $interval ->
    [one] Tag
   *[other] Tage
}
form-unit-weeks = { $interval ->
    [one] Woche
   *[other] Wochen
}
form-unit-months = { $interval ->
    [one] Monat
   *[other] Monate
}
form-unit-years = { $interval ->
    [one] Jahr
   *[other] Jahre
}
form-on-days = An diesen Tagen
form-repeat-on = Wiederholen am
form-on-month-day = Am { $day }.
form-on-nth = Am { $when }
form-yearly-on-date = Am { $date }
form-yearly-on-nth = Am { $when } im { $month }
form-repeat-ends = Endet
form-ends-never = Nie
form-ends-on = Am
form-until-label = Letzter Tag der Wiederholung
form-ends-after = Nach
form-count-label = Anzahl
form-unit-times = { $count ->
    [one] Termin
   *[other] Terminen
}

## Für welche Termine einer Serie eine Änderung gilt
form-scope-edit = Wiederkehrenden Termin bearbeiten:
form-scope-move = Wiederkehrenden Termin verschieben:
form-scope-delete = Wiederkehrenden Termin löschen:
form-scope-occurrence = Nur dieser Termin
form-scope-following = Dieser und alle folgenden
form-scope-series = Alle Termine

## Die Karte eines Termins
card-status-accepted = Zugesagt
card-status-tentative = Vielleicht
card-status-declined = Abgesagt
card-status-needs-action = Keine Antwort
card-status-delegated = Weitergegeben
card-no-title = (ohne Titel)
card-cancelled = Vom Organisator abgesagt
card-organizer = Organisator: { $name }
card-view-only = Nur ansehen: Termine in diesem Kalender kannst du nicht ändern.
card-your-answer = Deine Antwort
card-accept = Zusagen
card-maybe = Vielleicht
card-decline = Absagen
card-answer-sent = Antwort gesendet: { $status }
card-guests = Gäste
card-no-guests = Noch keine Gäste
card-invite-label = Per @Benutzername oder E-Mail einladen
card-invite-placeholder = @benutzername oder name@example.com
card-invite = Einladen
card-invited = { $who } eingeladen
card-remove = Entfernen
card-remove-label = { $name } entfernen
card-remove-question = { $name } von diesem Termin entfernen?
card-edit = Bearbeiten
card-delete = Löschen
