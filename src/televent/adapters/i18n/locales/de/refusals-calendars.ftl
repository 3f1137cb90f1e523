# Ablehnungen rund um Kalender, Termine, Teilen, Gruppen, Einstellungen und Konten
# (TeleventError.worded): im Bot, im Feld detail der JSON API und in der Mini App.

## Kalender und die Menschen, mit denen sie geteilt werden

refusal-calendars-calendar-gone = Kalender nicht gefunden.
refusal-calendars-share-self = Du kannst einen Kalender nicht mit dir selbst teilen.
refusal-calendars-share-owner = Diese Person ist Eigentümer dieses Kalenders.
refusal-calendars-no-such-person = Diese Person hat kein Televent-Konto.
refusal-calendars-already-member = Diese Person ist bereits Mitglied; ändere stattdessen ihre Rolle.
refusal-calendars-member-cap = { $most ->
    [one] Ein Kalender wird mit höchstens { $most } Person geteilt.
   *[other] Ein Kalender wird mit höchstens { $most } Personen geteilt.
}
refusal-calendars-already-accepted = Du hast diesen Kalender schon angenommen; verlasse ihn, wenn du ihn nicht mehr willst.
refusal-calendars-not-member = Diese Person ist kein Mitglied dieses Kalenders.
refusal-calendars-owner-stays = Der Eigentümer kann seinen eigenen Kalender nicht verlassen; er kann ihn löschen.
refusal-calendars-not-a-role = „{ $role }“ ist keine Rolle: Nutze read (ansehen), write (bearbeiten) oder manage (verwalten).
refusal-calendars-not-published = Dieser Kalender ist nicht veröffentlicht.
refusal-calendars-role-forbids = { $what ->
    [share] Deine Rolle in diesem Kalender erlaubt dir nicht, ihn zu teilen.
    [roles] Deine Rolle in diesem Kalender erlaubt dir nicht, die Rollen der Mitglieder zu ändern.
    [remove] Deine Rolle in diesem Kalender erlaubt dir nicht, Mitglieder zu entfernen.
    [subscription] Deine Rolle in diesem Kalender erlaubt dir nicht, sein Abonnement zu ändern.
   *[other] Deine Rolle in diesem Kalender erlaubt dir nicht, ihn zu veröffentlichen.
}
refusal-calendars-read-only = Du kannst diesen Kalender ansehen, aber seine Termine nicht ändern.
refusal-calendars-cannot-manage = Deine Rolle in diesem Kalender erlaubt dir nicht, seine Mitglieder zu verwalten.
refusal-calendars-owner-only = Nur der Eigentümer des Kalenders kann ihn für alle umbenennen oder löschen.
refusal-calendars-role-denied = Deine Rolle erlaubt das nicht.
refusal-calendars-changed-meanwhile = Jemand anderes hat das gleichzeitig geändert; lade neu und versuch es noch einmal.
refusal-calendars-property-unknown = Eine Kalendereigenschaft „{ $property }“ gibt es nicht.
refusal-calendars-busy = Ob der Kalender als belegt zählt (busy), ist true oder false.
refusal-calendars-client-properties = Ein Kalender speichert höchstens { $most } Eigenschaften von Kalender-Apps.
refusal-calendars-client-property = Eine Eigenschaft einer Kalender-App hat höchstens { $most } Zeichen und einen Namen der Form {"{"}namespace{"}"}name.

## Name, Farbe und Belegtzeit eines Kalenders, und mit wem er geteilt ist (PATCH /calendars/{id}, seine Mitglieder)

refusal-calendars-field-fixed = „{ $field }“ lässt sich hier nicht ändern; änderbar sind name, color und busy.
refusal-calendars-name-blank = Der Name darf nicht leer sein; gib einen Namen an oder null.
refusal-calendars-name-control-characters = Der Name enthält Steuerzeichen.
refusal-calendars-name-long = Der Name hat höchstens { $most } Zeichen.
refusal-calendars-name-kept = Dein eigener Kalender behält einen Namen: Gib einen an, nicht null.
refusal-calendars-color = Die Farbe ist ein Farbwert wie #1E88E5 oder null.
refusal-calendars-busy-value = busy ist true, false oder null.
refusal-calendars-busy-own = busy gibt es nur für Kalender, die mit dir geteilt sind; deine eigenen zählen immer als belegte Zeit.
refusal-calendars-member-not-started = Diese Person hat den Bot in Telegram noch nicht gestartet und hat deshalb keinen Kalender.
refusal-calendars-member-unknown = Niemand bei Televent heißt { $name }; bitte die Person, zuerst den Bot zu öffnen.
refusal-calendars-member-form = Gib eine Telegram-ID oder einen @Benutzernamen an.
refusal-calendars-owner-role = Die Rolle des Eigentümers lässt sich nicht ändern; ihm gehört der Kalender.

## Termine

refusal-calendars-event-gone = Diesen Termin gibt es nicht mehr.
refusal-calendars-event-changed = Dieser Termin wurde anderswo geändert, während du ihn offen hattest; lade ihn neu und versuch es noch einmal.
refusal-calendars-kept-changing = Der Termin hat sich beim Speichern immer wieder geändert; versuch es noch einmal.
refusal-calendars-event-cancelled = Dieser Termin wurde abgesagt.
refusal-calendars-not-attendee = Diese Person nimmt an diesem Termin nicht teil.
refusal-calendars-not-invited = Du bist zu diesem Termin nicht eingeladen.
refusal-calendars-title-required = Gib dem Termin einen Titel.
refusal-calendars-title-empty = Der Titel des Termins darf nicht leer sein.
refusal-calendars-too-long = { $field ->
    [title] Der Titel
    [location] Der Ort
   *[other] Die Beschreibung
} ist länger als { $limit } Zeichen.
refusal-calendars-event-time-zone = { $field ->
    [timezone] „{ $zone }“ ist keine bekannte Zeitzone; nutze einen IANA-Namen wie Europe/Berlin.
   *[other] „{ $zone }“ ({ $field }) ist keine bekannte Zeitzone; nutze einen IANA-Namen wie Europe/Berlin.
}
refusal-calendars-end-before-start = Das Ende des Termins muss nach seinem Beginn liegen.
refusal-calendars-years = { $field ->
    [start] Das Anfangsdatum
    [end] Das Enddatum
   *[other] Das Datum
} „{ $given }“ liegt außerhalb der Jahre, die Televent speichert: { $first } bis { $last }.
refusal-calendars-recurrence = „{ $rule }“ ist eine Wiederholungsregel (RRULE), die Televent nicht lesen kann.
refusal-calendars-recurrence-never = „{ $rule }“ endet, bevor der Termin beginnt, oder nach keiner einzigen Wiederholung: Der Termin würde nie erscheinen.
refusal-calendars-not-repeating = Dieser Termin wiederholt sich nicht.
refusal-calendars-no-occurrence = Der Termin hat zu dieser Zeit keine Wiederholung.
refusal-calendars-series-unsplittable = Diese Serie lässt sich dort nicht teilen; ändere die ganze Serie.

## Vorschläge einer anderen Zeit, die der Organisator beantwortet

refusal-calendars-proposal-unknown = Dieser Vorschlag ist nicht bekannt.
refusal-calendars-proposal-not-yours = Dieser Vorschlag betrifft keinen deiner Termine.
refusal-calendars-proposal-answered = { $status ->
    [accepted] Du hast diesen Vorschlag schon beantwortet (angenommen).
   *[other] Du hast diesen Vorschlag schon beantwortet (abgelehnt).
}

## Kalender von Gruppen

refusal-calendars-group-admins-only = Nur die Admins der Gruppe können die Einstellungen ihres Kalenders ändern.
refusal-calendars-group-view-only = Der Kalender dieser Gruppe ist nur zum Ansehen: Nur Admins fügen Termine hinzu.
refusal-calendars-group-no-calendar = Diese Gruppe hat noch keinen Kalender: Schick zuerst /calendar.
refusal-calendars-group-calendar-gone = Den Kalender dieser Gruppe gibt es nicht mehr: Schick /calendar, um einen neuen zu öffnen.
refusal-calendars-group-event-elsewhere = Dieser Termin ist nicht im Kalender dieser Gruppe.

## Einstellungen und Benachrichtigungen

refusal-calendars-time-zone = Unbekannte Zeitzone „{ $zone }“; nutze einen IANA-Namen wie Europe/Berlin.
refusal-calendars-reminder-minutes = Eine Erinnerung kommt 0 bis { $most } Minuten vorher.
refusal-calendars-agenda-time = Die Morgenübersicht kommt zu einer Uhrzeit im Format HH:MM (24 Stunden), etwa 07:30, oder ist aus.
refusal-calendars-quiet-hours = Ruhezeiten sind ein Beginn und ein Ende im Format HH:MM-HH:MM, etwa 22:00-07:00, oder sind aus.
refusal-calendars-quiet-hours-equal = Ruhezeiten beginnen und enden zu verschiedenen Uhrzeiten.
refusal-calendars-channels = Erinnerungen, die Morgenübersicht und Hinweise kommen per Telegram, per E-Mail, auf beiden Wegen oder gar nicht.
refusal-calendars-channel-unknown = „{ $channel }“ ist kein Weg, auf dem Televent Nachrichten schickt: Jede Art kommt per Telegram, per E-Mail, auf beiden Wegen oder gar nicht.
refusal-calendars-language = Televent spricht „{ $value }“ nicht. Wähle eine dieser Sprachen: { $languages }, oder automatisch.

## Konten und Geräte

refusal-calendars-no-account = Du hast noch kein Televent-Konto: Schick dem Bot zuerst /start.
refusal-calendars-login-no-account = Schick dem Bot zuerst /start: Es gibt noch kein Konto, in das du dich anmelden kannst.
refusal-calendars-device-name = Ein Gerätename hat 1 bis 64 Buchstaben, Ziffern, Leerzeichen oder die Zeichen . @ ' ( ) + - _.
refusal-calendars-device-exists = Ein Gerät namens „{ $name }“ gibt es schon; widerrufe es zuerst.
refusal-calendars-no-device = Kein aktives Gerät heißt „{ $name }“.
refusal-calendars-no-erasure = Für dieses Konto ist keine Löschung geplant.
refusal-calendars-email-not-linked = { $address } ist nicht mit diesem Konto verknüpft.
