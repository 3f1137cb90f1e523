# Ablehnungen zu Eingeladenen und ihren Antworten und zu Wiederholungsregeln
# (TeleventError.worded): im Feld detail der JSON-API und in der Mini App.

## Eingeladene und Antworten

refusal-events-invitee-no-user = { $invitee } ist noch nicht bei Televent: Bitte die Person, dem Bot /start zu schicken, oder lade sie per E-Mail ein.
refusal-events-invitee-not-started = Die Person mit der Telegram-ID { $invitee } hat den Bot noch nicht gestartet: Bitte sie, dem Bot /start zu schicken, oder lade sie per E-Mail ein.
refusal-events-invitee-unreadable = „{ $invitee }“ ist weder ein @Benutzername noch eine Telegram-ID noch eine E-Mail-Adresse.
refusal-events-invitee-control-characters = Die Angabe, wen du einlädst, darf keine Steuerzeichen enthalten.
refusal-events-attendees-no-user = { $invitee } ist noch nicht bei Televent: Bitte die Person, dem Bot /start zu schicken, oder lade sie per E-Mail ein.
refusal-events-attendees-not-started = Die Person mit der Telegram-ID { $invitee } hat den Bot noch nicht gestartet: Bitte sie, dem Bot /start zu schicken, oder lade sie per E-Mail ein.
refusal-events-attendees-unreadable = „{ $invitee }“ ist weder ein @Benutzername noch eine Telegram-ID noch eine E-Mail-Adresse.
refusal-events-attendees-control-characters = Die Angabe, wen du einlädst, darf keine Steuerzeichen enthalten.
refusal-events-invitee-missing = Gib an, wen du einlädst: einen @Benutzernamen, eine Telegram-ID oder eine E-Mail-Adresse.
refusal-events-invitee-name = Der Name einer eingeladenen Person muss ein Text sein.
refusal-events-invitee-yourself = Das bist du: Du organisierst diesen Termin.
refusal-events-invitee-organizer = Diese Person organisiert diesen Termin.
refusal-events-attendees-list = Die Eingeladenen müssen eine Liste von höchstens { $most } Einträgen sein.
refusal-events-attendees-item = Jede eingeladene Person ist ein @Benutzername, eine Telegram-ID oder eine E-Mail-Adresse.
refusal-events-attendee-whom = Gib an, wen du ausladen willst.
refusal-events-attendee-unknown = { $address } nimmt an diesem Termin nicht teil.
refusal-events-rsvp-status = Antworte mit accepted, tentative oder declined.
refusal-events-rsvp-occurrence = Gib eine Wiederholung mit ihrer recurrence_id an.

## Wiederholungsregeln (RRULE) und die Wiederholungen einer Serie

refusal-events-rule-too-often = „{ $rule }“ wiederholt sich öfter als stündlich; Termine wiederholen sich höchstens stündlich.
refusal-events-rule-interval = In „{ $rule }“ muss das Intervall (INTERVAL) eine ganze Zahl von mindestens 1 sein.
refusal-events-rule-never-matches = „{ $rule }“ ergibt binnen hundert Jahren ab dem Beginn kein einziges Datum: Ihre Teile passen nie zusammen.
refusal-events-rule-setpos-seconds = „{ $rule }“ verbindet BYSETPOS mit mehreren BYSECOND-Werten; so etwas speichert Televent nicht.
refusal-events-rule-too-dense = „{ $rule }“ wiederholt sich mehr als { $most }-mal in einer Stunde; öfter wiederholen sich Termine nicht.
refusal-events-rule-unexpandable = Aus der Regel und den Ausnahmen dieses Termins lassen sich seine Wiederholungen nicht bestimmen.
refusal-events-rule-whole-series = Die Wiederholungsregel gilt für die ganze Serie; lass occurrence weg.
refusal-events-no-series = Dieser Termin ist keine Serie, aus der sich eine Wiederholung herausnehmen ließe.
refusal-events-occurrence-form = { $kind ->
    [date] Die Wiederholungen dieser Serie werden mit einem Datum (JJJJ-MM-TT) benannt.
   *[time] Die Wiederholungen dieser Serie werden mit Datum und Uhrzeit benannt.
}

## Die Felder eines Termins (POST und PATCH /events, das Terminformular der Mini App)

refusal-events-field-unknown = Das Feld „{ $field }“ gibt es nicht, oder es lässt sich nicht ändern.
refusal-events-field-true-or-false = Das Feld „{ $field }“ muss true oder false sein.
refusal-events-field-null = Das Feld „{ $field }“ darf nicht null sein.
refusal-events-field-text = Das Feld „{ $field }“ muss ein Text sein.
refusal-events-field-control-characters = Das Feld „{ $field }“ enthält Steuerzeichen (erlaubt sind nur Tabulatoren und Zeilenumbrüche).
refusal-events-moment = „{ $given }“ ist als { $field ->
    [start] Beginn
    [end] Ende
    [occurrence] Wiederholung
   *[other] Wert von „{ $field }“
} weder ein Datum (JJJJ-MM-TT) noch eine Zeitangabe nach RFC 3339.
refusal-events-moment-form = { $kind ->
    [date] { $field ->
        [start] Der Beginn
       *[other] Das Ende
    } eines ganztägigen Termins ist ein Datum (JJJJ-MM-TT) ohne Uhrzeit.
   *[time] { $field ->
        [start] Der Beginn
       *[other] Das Ende
    } eines Termins mit Uhrzeit ist ein Datum mit Uhrzeit.
}
refusal-events-start-required = Gib an, wann der Termin beginnt.
refusal-events-start-for-time = Bekommt ein ganztägiger Termin eine Uhrzeit, gib auch an, wann er beginnt.
refusal-events-not-an-event = Das ist kein Termin.

## Termine auflisten (GET /events) und die Zeiträume anderer Listen (/bookings, die freien Zeiten einer Buchungsseite)

refusal-events-window-bound = { $field ->
    [start] Gib an, ab wann aufgelistet wird (start, nach RFC 3339, etwa 2026-03-02T00:00:00Z).
   *[other] Gib an, bis wann aufgelistet wird (end, nach RFC 3339, etwa 2026-03-02T00:00:00Z).
}
refusal-events-window-backwards = Das Ende des Zeitraums muss nach seinem Beginn liegen.
refusal-events-window-too-long = Ein Zeitraum umfasst höchstens { $days } Tage; frag danach den nächsten ab.
refusal-events-cursor-other-query = Dieser Cursor gehört zu einer anderen Abfrage (start, end, calendar, q).
refusal-events-cursor-unknown = Diesen Cursor hat diese Liste nicht ausgegeben.
refusal-events-calendar-not-yours = Das ist keiner deiner Kalender (gib seine ID oder seinen Slug an).

## Einen Termin über die API schreiben (POST und PATCH /events)

refusal-events-no-calendar = Du hast keinen Kalender, in den der Termin eingetragen werden könnte.
refusal-events-calendar-form = Gib den Kalender mit seiner ID oder seinem Slug an.
refusal-events-calendar-move = Ein Termin lässt sich hier nicht in einen anderen Kalender verschieben.
refusal-events-attendees-elsewhere = Die Eingeladenen änderst du über /api/v1/events/{"{"}id{"}"}/attendees.
refusal-events-range-value = range ist entweder thisandfuture oder wird weggelassen.
refusal-events-range-occurrence = Gib zu range auch die Wiederholung an, ab der es gilt (?occurrence=).
refusal-events-data-unreadable = Die gespeicherten iCalendar-Daten dieses Termins lassen sich nicht lesen: { $reason }

## Die eigenen Erinnerungen eines Termins (reminders, in POST und PATCH /events)

refusal-events-reminders-list = Das Feld „{ $field }“ ist eine Liste von höchstens { $most } Erinnerungen oder null.
refusal-events-reminders-item = Jede Erinnerung in „{ $field }“ ist eine Zahl von Minuten vor dem Beginn oder ein TRIGGER in der gezeigten Form.
refusal-events-reminder-too-far = Eine Erinnerung in „{ $field }“ liegt höchstens { $most } Minuten vor oder nach dem Beginn.
refusal-events-reminder-trigger = „{ $given }“ in „{ $field }“ ist kein TRIGGER wie RELATED=END:-PT15M.

invitee-no-user = noch nicht bei Televent: Bitte die Person, dem Bot /start zu schicken, oder lade sie per E-Mail ein.
invitee-not-started = diese Person hat den Bot noch nicht gestartet: Bitte sie, dem Bot /start zu schicken, oder lade sie per E-Mail ein.
invitee-unreadable = weder ein @Benutzername noch eine Telegram-ID noch eine E-Mail-Adresse.

refusal-data-end-before-start = es endet (DTEND), bevor es beginnt (DTSTART).
refusal-data-too-many-attendees = es hat mehr als { $most } Teilnehmende.
refusal-data-no-uid = es hat keine UID.
refusal-data-unparsable = sein Text ist kein iCalendar.
refusal-data-value = sein { $property } ist nicht lesbar.
refusal-data-line = eine seiner Zeilen ist nicht lesbar.
refusal-data-nul = es enthält ein NUL-Zeichen, das in Kalenderdaten nicht vorkommen darf.
refusal-data-too-long = sein { $property } ist länger als die 100 Jahre, die Televent speichert.
refusal-data-zone-rules = eine seiner Zeitzonen hat Regeln, die Televent nicht sicher lesen kann.
refusal-data-two-series = es hat mehr als einen Teil für die ganze Serie (ohne RECURRENCE-ID).
refusal-data-instance-twice = zwei seiner Teile ändern dasselbe Vorkommen (RECURRENCE-ID).
refusal-data-some-value = einer seiner Werte ist nicht lesbar.
refusal-data-alarm-no-trigger = eine seiner Erinnerungen (VALARM) hat keinen TRIGGER.
refusal-data-wrong-kind = Dieser Kalender enthält keine { $kind ->
    [VEVENT] Termine
    [VTODO] Aufgaben
   *[other] Notizen
}; wähle einen anderen Kalender.
