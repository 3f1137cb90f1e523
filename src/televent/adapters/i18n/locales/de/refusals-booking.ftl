# Ablehnungen zu buchbaren Zeiten, Buchungslinks und Buchungen (TeleventError.worded): Der
# Besitzer sieht sie in den Einstellungen der Mini App, bei /availability und /booking; wer bucht,
# auf der Buchungsseite (/book/<slug>) und über den Link zum Verwalten der Buchung.

## Wochenzeiten und Daten mit eigenen Zeiten

# Der Tag, um den es geht: $day ist ein Wochentag („mon“ … „sun“) oder ein Datum.
refusal-booking-on = { $day ->
    [mon] Montag
    [tue] Dienstag
    [wed] Mittwoch
    [thu] Donnerstag
    [fri] Freitag
    [sat] Samstag
    [sun] Sonntag
   *[other] { $day }
}
# $start und $end sind Uhrzeiten, wie sie eingegeben wurden (HH:MM).
refusal-booking-range-backwards = { refusal-booking-on }: Der Zeitbereich { $start }-{ $end } endet, bevor er beginnt.
# $first und $second sind Zeitbereiche wie 09:00-13:30.
refusal-booking-ranges-overlap = { refusal-booking-on }: Die Zeitbereiche { $first } und { $second } überschneiden sich.
refusal-booking-too-many-ranges = { refusal-booking-on }: höchstens { $count } Zeitbereiche pro Tag.
# $text ist, was als Uhrzeit angegeben wurde; $latest ist 23:59 für einen Beginn, 24:00 für ein Ende.
refusal-booking-not-a-time = { refusal-booking-on }: { $text } ist keine Uhrzeit im Format HH:MM (00:00 bis { $latest }).
refusal-booking-too-many-dates = Höchstens { $count } Daten können eigene Zeiten haben.
refusal-booking-date-twice = Das Datum { $date } hat zweimal eigene Zeiten.
refusal-booking-not-a-zone = { $zone } ist keine Zeitzone; nimm einen IANA-Namen wie Europe/Berlin.
refusal-booking-window = Frag freie Zeiten für höchstens { $count } Tage auf einmal ab.

## Buchungslinks (der Besitzer)

refusal-booking-link-needs = Ein Buchungslink braucht eine Adresse (Slug) und einen Titel.
refusal-booking-calendar = Der Kalender für Buchungen muss einer deiner Kalender sein (auch der eines verbundenen Kontos), in den du Termine eintragen darfst.
refusal-booking-slug-shape = Die Adresse (Slug) besteht aus 3 bis 40 Kleinbuchstaben ohne Umlaute, Ziffern und Bindestrichen (nicht am Anfang oder Ende), z. B. intro-call.
refusal-booking-slug-reserved = Die Adresse (Slug) { $slug } ist reserviert; wähle eine andere.
refusal-booking-slug-taken = Die Adresse /book/{ $slug } ist schon vergeben; wähle eine andere.
refusal-booking-slug-just-taken = Die Adresse /book/{ $slug } wurde gerade vergeben; wähle eine andere.
refusal-booking-slug-yours = Du hast schon einen Link /{ $slug }.
refusal-booking-slug-fixed = Die Adresse (Slug) eines Links lässt sich nicht ändern; leg stattdessen einen neuen Link an.
refusal-booking-no-link = Es gibt keinen Buchungslink /{ $slug }.
refusal-booking-too-many-links = Du kannst höchstens { $count } Buchungslinks haben.
refusal-booking-title-empty = Ein Buchungslink braucht einen Titel.
refusal-booking-title-long = Ein Titel hat höchstens { $count } Zeichen.
# $field ist der Name der Einstellung in der API (auch in Klammern), $low und $high ihre Grenzen.
refusal-booking-number = { $field ->
    [duration_minutes] Ein Termin dauert { $low } bis { $high } Minuten (duration_minutes).
    [step_minutes] Startzeiten liegen { $low } bis { $high } Minuten auseinander (step_minutes).
    [buffer_before_minutes] Der Puffer vor einem Termin beträgt { $low } bis { $high } Minuten (buffer_before_minutes).
    [buffer_after_minutes] Der Puffer nach einem Termin beträgt { $low } bis { $high } Minuten (buffer_after_minutes).
    [min_notice_minutes] Der Vorlauf beträgt { $low } bis { $high } Minuten (min_notice_minutes).
    [horizon_days] Gebucht werden kann { $low } bis { $high } Tage im Voraus (horizon_days).
    [max_per_day] Die Höchstzahl an Buchungen pro Tag liegt zwischen { $low } und { $high } (max_per_day).
   *[other] { $field } ist eine ganze Zahl von { $low } bis { $high }.
}
refusal-booking-durations = { $count ->
    [one] Ein Link bietet höchstens { $count } weitere Dauer an.
   *[other] Ein Link bietet höchstens { $count } weitere Dauern an.
}
# $field ist description oder location.
refusal-booking-text-long = { $field ->
    [description] Die Beschreibung hat höchstens { $count } Zeichen.
    [location] Der Ort hat höchstens { $count } Zeichen.
   *[other] { $field } hat höchstens { $count } Zeichen.
}
refusal-booking-too-many-questions = Ein Link stellt höchstens { $count } Fragen.
# $number ist die Stelle der Frage in der Liste (1 für die erste).
refusal-booking-question-unlabelled = Frage { $number } braucht einen Text.
refusal-booking-question-label-long = Der Text von Frage { $number } hat höchstens { $count } Zeichen.

## Eine Zeit buchen (wer bucht)

refusal-booking-paused = Dieser Buchungslink ist angehalten; er nimmt gerade keine Buchungen an.
# $choices sind die Minuten, die der Link anbietet („30, 60“).
refusal-booking-duration = Über diesen Link bucht man { $choices } Minuten, nicht { $minutes }.
refusal-booking-slot-gone = Diese Zeit ist nicht mehr frei; wähle eine andere.
refusal-booking-slot-not-free = Diese Zeit ist nicht frei; wähle eine andere.
refusal-booking-slot-just-taken = Diese Zeit hat gerade jemand anderes gebucht.
refusal-booking-day-full = Dieser Tag ist ausgebucht.
refusal-booking-past = Diese Zeit ist schon vorbei; wähle eine andere.
refusal-booking-too-soon-minutes = { $count ->
    [one] Diese Zeit ist zu kurzfristig: Dieser Link nimmt Buchungen mindestens { $count } Minute im Voraus an.
   *[other] Diese Zeit ist zu kurzfristig: Dieser Link nimmt Buchungen mindestens { $count } Minuten im Voraus an.
}
refusal-booking-too-soon-hours = { $count ->
    [one] Diese Zeit ist zu kurzfristig: Dieser Link nimmt Buchungen mindestens { $count } Stunde im Voraus an.
   *[other] Diese Zeit ist zu kurzfristig: Dieser Link nimmt Buchungen mindestens { $count } Stunden im Voraus an.
}
refusal-booking-too-soon-days = { $count ->
    [one] Diese Zeit ist zu kurzfristig: Dieser Link nimmt Buchungen mindestens { $count } Tag im Voraus an.
   *[other] Diese Zeit ist zu kurzfristig: Dieser Link nimmt Buchungen mindestens { $count } Tage im Voraus an.
}
refusal-booking-too-far = { $count ->
    [one] Diese Zeit liegt zu weit voraus: Dieser Link nimmt Buchungen höchstens { $count } Tag im Voraus an.
   *[other] Diese Zeit liegt zu weit voraus: Dieser Link nimmt Buchungen höchstens { $count } Tage im Voraus an.
}
refusal-booking-name = Dein Name wird gebraucht (höchstens { $count } Zeichen).
refusal-booking-email = Eine gültige E-Mail-Adresse wird gebraucht: Die Einladung geht dorthin.
refusal-booking-own-address = Gib deine eigene E-Mail-Adresse an: Die Einladung geht dorthin.
# $question ist die Frage, zu der eine Antwort kam; $asked die Fragen der Seite.
refusal-booking-no-question = { $count ->
    [0] Diese Buchungsseite hat keine Frage „{ $question }“ (sie stellt keine).
   *[other] Diese Buchungsseite hat keine Frage „{ $question }“ (ihre Fragen: { $asked }).
}
refusal-booking-answer-missing = Bitte beantworte: { $question }
refusal-booking-answer-long = Die Antwort auf „{ $question }“ ist zu lang (höchstens { $count } Zeichen).
# $name ist der Name der Person, bei der gebucht wird.
refusal-booking-no-calendar = { $name } hat keinen Kalender, in den gebucht werden kann.

## Eine Buchung, über ihren Verwaltungslink (wer gebucht hat)

refusal-booking-not-valid = Dieser Link zur Buchung ist ungültig.
refusal-booking-cancelled-already = Diese Buchung war schon storniert.
refusal-booking-begun = Diese Buchung hat schon begonnen; sie lässt sich jetzt nicht mehr ändern.
refusal-booking-link-gone = Den Buchungslink dieser Buchung gibt es nicht mehr.
refusal-booking-event-gone = Der Termin dieser Buchung ist weg; buch stattdessen neu.
refusal-booking-calendar-closed = Diese Buchung lässt sich hier nicht mehr ändern: Der Kalender, in dem sie steht, ist für ihren Buchungslink nicht mehr offen. Schreib stattdessen dem Organisator.

## Was eine Anfrage schickt: die der Buchungsseite (wer bucht), /availability, /bookings und Buchungslinks (der Besitzer)

refusal-booking-body-too-deep = Die Anfrage ist zu tief verschachtelt.
refusal-booking-control-characters = Texte dürfen keine Steuerzeichen enthalten.
refusal-booking-body-object = { $what ->
    [booking] Eine Buchung wird als JSON-Objekt geschickt.
    [cancellation] Eine Stornierung wird als JSON-Objekt geschickt.
    [new-time] Eine neue Zeit wird als JSON-Objekt geschickt.
   *[other] Die Anfrage ist ein JSON-Objekt.
}
refusal-booking-body-field = { $what ->
    [booking] Das Feld „{ $field }“ gibt es nicht; eine Buchung hat: { $known }.
    [cancellation] Das Feld „{ $field }“ gibt es nicht; eine Stornierung hat: { $known }.
    [new-time] Das Feld „{ $field }“ gibt es nicht; eine neue Zeit hat: { $known }.
   *[other] Das Feld „{ $field }“ gibt es nicht; die Anfrage hat: { $known }.
}
refusal-booking-zone-form = „{ $field }“ ist der Name einer IANA-Zeitzone wie Europe/Berlin.
refusal-booking-moment-form = { $field ->
    [start] Der Beginn
   *[other] Das Ende
} ist ein Datum (JJJJ-MM-TT) oder eine Zeitangabe nach RFC 3339.
refusal-booking-duration-param = Die Dauer (duration) ist eine ganze Zahl von Minuten, eine, die der Link anbietet.
refusal-booking-field-required = { $field ->
    [name] Dein Name wird gebraucht.
    [email] Deine E-Mail-Adresse wird gebraucht.
    [start] Gib an, wann der Termin beginnt.
   *[other] Das Feld „{ $field }“ wird gebraucht.
}
refusal-booking-field-text = Das Feld „{ $field }“ muss ein Text sein.
refusal-booking-field-long = Das Feld „{ $field }“ hat höchstens { $most } Zeichen.
refusal-booking-start-form = Der Beginn ist eine Zeitangabe nach RFC 3339.
refusal-booking-start-date = Der Beginn ist ein Datum mit Uhrzeit (der Beginn der gewählten Zeit), kein bloßes Datum.
refusal-booking-duration-minutes = Die Dauer (duration_minutes) ist eine ganze Zahl von Minuten, die der Link anbietet.
refusal-booking-answers-form = Die Antworten (answers) sind ein Objekt wie {"{"}"q1": "..."{"}"}.
refusal-booking-answer-text = Jede Antwort ist ein Text von höchstens { $most } Zeichen.
refusal-booking-no-page = Unter dieser Adresse gibt es keine Buchungsseite.
refusal-booking-link-slug = slug ist die Adresse (Slug) eines deiner Links.
