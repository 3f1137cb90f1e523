## Termine im Bot: Zeiten, Antworten, Karten, Hinweise und Erinnerungen, /create, /event,
## /invite, /rsvp und /cancel, und was er sagt, wenn er ein Datum nicht lesen kann.

## Die Zeit eines Termins ($day, $first, $last: „Mo., 2. März“; $time, $start, $end: „16:00“)

bot-when-none = ohne Datum
bot-all-day = ganztägig
bot-when-all-day = { $day }, ganztägig
bot-when-all-days = { $first } – { $last }, ganztägig
bot-day-and-time = { $day }, { $time }
bot-time-range = { $start }–{ $end }
bot-time-until-day = { $start } – { $last }, { $end }
bot-quote = „{ $text }“

## Antworten auf Einladungen

bot-answer =
    { $answer ->
        [accepted] ✅ zugesagt
        [tentative] ❔ vielleicht
        [declined] ❌ abgesagt
        [delegated] ↪️ weitergegeben
       *[other] ⏳ noch keine Antwort
    }
bot-your-answer = Deine Antwort: { $answer }
bot-button-accept = ✅ Zusagen
bot-button-tentative = ❔ Vielleicht
bot-button-decline = ❌ Absagen
bot-button-accept-time = ✅ Neue Zeit annehmen
bot-button-keep-time = ❌ Zeit beibehalten
bot-button-add-calendar = ✅ Zu meinen Kalendern hinzufügen
bot-button-decline-calendar = ✖️ Ablehnen
bot-button-invite = ➕ Einladen
bot-button-cancel-event = 🗑 Termin absagen
bot-button-export = 📤 Exportieren
bot-button-open = 📅 Öffnen
bot-button-open-calendar = 📅 Kalender öffnen
bot-button-open-in-browser = 🌐 Im Browser öffnen
bot-button-cancel-yes = Ja, absagen
bot-button-keep-it = Nein, behalten
bot-button-erase-yes = Ja, meine Daten löschen
bot-button-earlier = ◀️ Früher
bot-button-later = Später ▶️
bot-button-save = ✅ Speichern
bot-button-discard = ✖️ Verwerfen

## Die Terminkarte (/event) und die Eingeladenen (/attendees)

bot-no-title = (ohne Titel)
bot-event-cancelled = ❌ ABGESAGT: { $title }
bot-event-organizer = 👤 Organisiert von: { $name }
bot-event-invited =
    { $count ->
        [one] 👥 { $count } eingeladen:
       *[other] 👥 { $count } eingeladen:
    }
bot-event-id = ID { $id }
bot-event-which = Welcher Termin? z. B. { $command } — die IDs stehen in /list.
bot-event-ics-caption = Öffne sie, um den Termin in einen anderen Kalender zu übernehmen.
bot-event-gone = Diesen Termin gibt es nicht mehr.
bot-event-not-an-id = „{ $text }“ ist keine Termin-ID; IDs sehen aus wie a1b2c3 (siehe /list).
bot-event-not-found = Kein Termin { $id } in deinem Kalender (IDs stehen in /list).
bot-event-ambiguous = Mehrere Termine beginnen mit { $id }; tippe mehr von der ID.
bot-attendees-none = Zu <b>{ $title }</b> ist noch niemand eingeladen. Einladen mit { $command }
bot-attendees-head =
    { $count ->
        [one] <b>{ $title }</b> — { $count } eingeladen
       *[other] <b>{ $title }</b> — { $count } eingeladen
    }

## Einladungskarten und Hinweise (für ihre Empfänger, beim Senden)

bot-card-invitation = 📨 <b>Einladung</b>
bot-card-updated = 🔄 <b>Einladung geändert</b> — bitte prüf die neuen Details
bot-card-from = 👤 Von { $name }
bot-notice-an-event = ein Termin
bot-notice-an-attendee = Ein Teilnehmer
bot-notice-a-new-time = eine neue Zeit
bot-notice-rsvp =
    { $answer ->
        [accepted] { $who } hat <b>{ $title }</b> zugesagt
        [tentative] { $who } hat <b>{ $title }</b> vorläufig zugesagt
        [declined] { $who } hat <b>{ $title }</b> abgesagt
        [needs-action] { $who } hat auf <b>{ $title }</b> noch nicht geantwortet
        [delegated] { $who } hat <b>{ $title }</b> weitergegeben
       *[other] { $who } hat auf <b>{ $title }</b> geantwortet
    }
bot-notice-one-occurrence = { $text } (ein einzelner Termin der Serie)
bot-notice-cancelled = ❌ <b>{ $title }</b> ({ $when }) wurde vom Organisator abgesagt.
bot-notice-uninvited = ➖ Du wurdest aus <b>{ $title }</b> ({ $when }) entfernt.
bot-notice-write-back-changed = ⚠️ Deine Änderung an <b>{ $title }</b> ({ $when }) hat deinen anderen Kalender nicht erreicht: Der Termin wurde dort ebenfalls geändert, und diese Fassung wird jetzt gezeigt. Ändere ihn noch einmal, wenn du deine Änderung weiterhin willst.
bot-notice-write-back-deleted = ⚠️ Deine Änderung an <b>{ $title }</b> ({ $when }) hat deinen anderen Kalender nicht erreicht: Der Termin wurde dort gelöscht und ist darum auch hier weg.
bot-notice-counter = 🕑 { $who } schlägt eine neue Zeit für <b>{ $title }</b> vor: { $proposed }
bot-notice-code-undelivered = ⚠️ Die E-Mail mit deinem Code konnte nicht an { $recipient } zugestellt werden.
bot-notice-mail-undelivered =
    { $what ->
        [cancel] ⚠️ Die Absage-E-Mail für <b>{ $title }</b> konnte nicht an { $recipient } zugestellt werden.
        [reply] ⚠️ Die Antwort-E-Mail für <b>{ $title }</b> konnte nicht an { $recipient } zugestellt werden.
       *[other] ⚠️ Die Einladungs-E-Mail für <b>{ $title }</b> konnte nicht an { $recipient } zugestellt werden.
    }
bot-reminder-in =
    { $minutes ->
        [one] ⏰ <b>{ $title }</b> beginnt in { $minutes } Minute
       *[other] ⏰ <b>{ $title }</b> beginnt in { $minutes } Minuten
    }
bot-reminder-now = ⏰ <b>{ $title }</b> beginnt jetzt
bot-reminder-soon = ⏰ <b>{ $title }</b> beginnt bald
bot-counter-accepted = ✅ <b>{ $title }</b> ist auf die vorgeschlagene Zeit verschoben; alle werden benachrichtigt.
bot-counter-declined = 👌 <b>{ $title }</b> behält seine Zeit; wer sie vorgeschlagen hat, wird benachrichtigt.

## /create (das Beispiel muss sich in dieser Sprache als /create-Zeile lesen lassen)

bot-create-example = /create Team-Meeting, morgen 15:00, 1 Std, Raum 4
bot-create-ask-title = 📝 Wie heißt der Termin? (/cancel zum Abbrechen)
bot-create-title-length = Ein Titel hat 1 bis 200 Zeichen. Wie heißt der Termin?
bot-create-ask-when = 🕒 Wann? z. B. <i>morgen 15:00</i>, <i>Fr 9:30</i>, <i>25.12</i> (ganztägig)
bot-create-when-again = Wann ist er?
bot-create-ask-duration = ⏱ Wie lange? z. B. <i>1 Std</i>, <i>45 Min</i>, <i>30</i> (Minuten) — oder <i>weiter</i> für { $default }
bot-create-duration-again = Wie lange dauert er?
bot-create-ask-location = 📍 Wo? (oder <i>weiter</i>)
bot-create-ask-description = 📝 Eine Notiz für die Beschreibung? (oder <i>weiter</i>)
bot-create-skip-words = weiter, überspringen, nein, nichts, keine, -
bot-create-confirm = Diesen Termin speichern?
bot-create-when-long = { $when } ({ $length })
bot-create-pending = Tippe auf der Karte oben auf ✅ Speichern oder ✖️ Verwerfen (oder /cancel).
bot-create-discarded = Verworfen
bot-create-expired = Diese Karte ist abgelaufen
bot-create-not-saved = ✖️ Nicht gespeichert.
bot-create-saved-tap = Gespeichert ✅
bot-create-saved =
    ✅ Gespeichert!
    { $card }

    Leute einladen: { $command }

## Was /create, /timezone und der Dialog sagen, wenn sie etwas nicht lesen können (reiner Text)

bot-parse-no-date = Bitte gib ein Datum an, z. B. „morgen 15:00“ oder „Fr 9:30“.
bot-parse-bad-date = In { $text } konnte ich kein Datum lesen. Versuch „morgen 15:00“ oder „Fr 9:30“.
bot-parse-too-far = { $text } ergibt { $date }, mehr als fünf Jahre entfernt. Ein Tippfehler?
bot-parse-past = { $text } ergibt { $date }, und das ist vorbei.
bot-parse-bad-duration = In { $text } konnte ich keine Dauer lesen. Versuch „1 Std“ oder „45 Min“.
bot-parse-duration-range = Eine Dauer muss größer als null und höchstens 14 Tage sein, nicht { $text }.
bot-parse-no-date-found = Ich habe das Datum nicht gefunden. Trenn mit Kommas, z. B. „{ $example }“.
bot-parse-no-title = Der Termin braucht einen Titel, z. B. „{ $example }“.
bot-parse-when-missing = Wann ist { $title }? z. B. „{ $example }“.
bot-parse-title-too-long = Der Titel ist zu lang: höchstens { $most } Zeichen, bitte.
bot-parse-all-day-length = Ohne Startzeit ist das ein ganztägiger Termin, seine Dauer muss also aus ganzen Tagen bestehen („2 Tage“). Oder gib eine Uhrzeit an, z. B. „25.12 18:00“.
bot-parse-zone-gone = Die Zeitzone { $zone } kenne ich nicht; bitte stell sie neu ein.
bot-parse-zone-whole-hours = Hier gehen nur Abweichungen in ganzen Stunden; statt { $text } schreib bitte eine Stadt, z. B. { $city }.
bot-parse-zone-nowhere = Kein Ort der Erde liegt bei { $text }. Versuch eine Stadt, z. B. „Berlin“.
bot-parse-zone-did-you-mean = Meintest du { $names }?
bot-parse-zone-try-city = Versuch eine Stadt wie „Berlin“.
bot-parse-zone-unknown = Die Zeitzone { $zone } kenne ich nicht. { $hint } Namen wie „Europe/Berlin“ und Abweichungen wie „UTC+1“ gehen auch.

## /invite, /rsvp, /cancel

bot-invite-usage = Wen wozu einladen? z. B. { $command }
bot-invite-how = Schick { $command } (oder eine Telegram-ID oder eine E-Mail-Adresse; mehrere auf einmal gehen auch).
bot-invite-not-organizer = Nur wer den Termin organisiert, kann Leute dazu einladen.
bot-invite-done = ✔️ { $invitee } eingeladen
bot-invite-mailed = ✔️ { $invitee } eingeladen (eine Einladung per E-Mail ist unterwegs)
bot-invite-failed = ✖️ { $invitee }: { $reason }
bot-invite-self = ✖️ { $invitee }: das bist du.
bot-rsvp-usage = Wie und worauf antworten? z. B. { $command } (accept: zusagen, tentative: vielleicht, decline: absagen).
bot-rsvp-done = { $answer }: <b>{ $title }</b>. Der Organisator weiß Bescheid.
bot-rsvp-not-invited = Du bist zu diesem Termin nicht eingeladen und kannst daher nicht antworten.
bot-rsvp-words-accept = ja, zusagen, zusage
bot-rsvp-words-tentative = vielleicht
bot-rsvp-words-decline = nein, absagen, absage
bot-cancel-not-yours = Du kannst nur deine eigenen Termine absagen; um zu sagen, dass du nicht kommst, nutze { $command }.
bot-cancel-ask = <b>{ $title }</b> absagen? Alle Eingeladenen werden benachrichtigt.
bot-cancel-ask-when = <b>{ $title }</b> ({ $when }) absagen? Alle Eingeladenen werden benachrichtigt.
bot-cancel-done = ❌ <b>{ $title }</b> ({ $when }) ist abgesagt.
bot-cancel-tapped = Abgesagt
bot-cancel-kept = 👍 Bleibt, wie es ist.
bot-notice-webhook-paused = ⏸ Dein Webhook an { $url } ist pausiert: Seine Zustellungen sind einen Tag lang fehlgeschlagen (zuletzt: { $reason }). Setze ihn in den Einstellungen der App fort, sobald der Empfänger wieder funktioniert. Was sich bis dahin ändert, wartet 30 Tage auf ihn.
