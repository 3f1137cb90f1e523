## Der Bot: /availability (wann man dich buchen kann), /booking (Buchungslinks) und die
## Nachrichten an den Eigentümer, wenn jemand bucht, absagt oder verschiebt.
## Die Wörter der Befehle (mon-fri, off, weekly, default, new, list, pause…) bleiben, wie sie sind.

## /availability ($days: „Mo.–Fr.“, $hours: „09:00–17:00“, in der Uhr des Lesers)

booking-bot-examples =
    <code>/availability mon-fri 09:00-12:00 13:00-17:00</code> — wöchentliche Zeiten
    <code>/availability sat 10:00-14:00</code> — ein Wochentag
    <code>/availability sat off</code> — an diesem Wochentag nicht buchbar
    <code>/availability 2026-12-24 off</code> — ein freier Tag
    <code>/availability 2026-12-27 10:00-14:00</code> — andere Zeiten an einem Datum
    <code>/availability 2026-12-24 weekly</code> — dieses Datum folgt wieder der Woche
    <code>/availability default</code> — zurück zu { $days } { $hours }
booking-bot-hours-title = 🗓 <b>Wann man dich buchen kann</b>
booking-bot-hours-default-title = 🗓 <b>Wann man dich buchen kann</b> (Standard: Du hast deine Zeiten noch nicht festgelegt)
booking-bot-zone = Zeitzone: { $zone }
booking-bot-off = nicht buchbar
booking-bot-dates-title = <b>Daten mit eigenen Zeiten</b>
booking-bot-change-them = <b>Ändern</b>
booking-bot-examples-title = <b>Beispiele</b>
booking-bot-saved = ✅ Gespeichert.
booking-bot-which-days = Sag mir, welche Tage und Zeiten.
booking-bot-not-a-date = { $text } ist kein Datum (JJJJ-MM-TT).
booking-bot-past = { $day } liegt in der Vergangenheit.
booking-bot-days-backwards = { $text }: Der erste Tag liegt nach dem letzten (versuch mon-fri).
booking-bot-unknown-day = Den Tag „{ $text }“ kenne ich nicht. Beginne mit einem Wochentag (mon, tue, …, mon-fri, weekend, Mo, Di, …) oder einem Datum wie 2026-12-24.
booking-bot-no-hours = Gib die Zeiten nach dem Tag an, etwa <code>09:00-17:00</code> (mehrere Bereiche durch Leerzeichen getrennt), oder <code>off</code>.
booking-bot-not-a-range = „{ $text }“ ist kein Zeitbereich; schreib ihn so: <code>09:00-17:00</code>.

## /booking ($length: „30 Minuten“; $state: active oder paused)

booking-bot-usage =
    🔗 Mit <b>Buchungslinks</b> buchen Leute Zeit mit dir auf einer Webseite — innerhalb deiner /availability und um die Termine herum, die schon in deinem Kalender stehen.
    <code>/booking new intro 30 Kennenlernen</code> — ein 30-Minuten-Link unter /book/intro
    <code>/booking list</code> — deine Links, ihre Adressen und anstehende Buchungen
    <code>/booking pause intro</code> / <code>/booking resume intro</code> — Buchungen anhalten oder wieder annehmen
    <code>/booking delete intro</code> — einen Link löschen (seine Buchungen bleiben in deinem Kalender)
    Puffer, Vorlaufzeit, Zeitraum und Fragen: Einstellungen → Buchungen in der Kalender-App (/app).
booking-bot-new-usage = ⚠️ Gib einen Kurznamen für die Adresse, die Minuten und einen Titel an, etwa <code>/booking new intro 30 Kennenlernen</code>.
booking-bot-created =
    🔗 <b>{ $title }</b> ({ $length }) ist bereit. Teile diese Adresse:
    { $url }
    Gebucht werden kann innerhalb deiner /availability, um deine Termine herum. <code>/booking pause { $slug }</code> hält den Link eine Weile an.
booking-bot-no-links = Du hast noch keine Buchungslinks.
booking-bot-list-title = 🔗 <b>Deine Buchungslinks</b>
booking-bot-list-item =
    <b>{ $title }</b> — { $length }, { $state ->
        [active] aktiv
       *[paused] ⏸ angehalten
    }, { $count ->
        [one] { $count } anstehende Buchung
       *[other] { $count } anstehende Buchungen
    }
booking-bot-list-footer = /availability legt fest, wann man dich buchen kann.
booking-bot-resumed = ▶️ <b>{ $title }</b> nimmt wieder Buchungen an: { $url }
booking-bot-paused = ⏸ <b>{ $title }</b> ist angehalten: Die Seite zeigt keine freien Zeiten bis <code>/booking resume { $slug }</code>.
booking-bot-delete-ask = 🗑 Den Buchungslink <b>{ $title }</b> ({ $url }) löschen? Die Seite funktioniert dann nicht mehr; bereits gemachte Buchungen bleiben in deinem Kalender.
booking-bot-delete-yes = Ja, löschen
booking-bot-delete-no = Nein, behalten
booking-bot-kept = Behalten
booking-bot-link-stays = 👍 Der Link bleibt.
booking-bot-already-gone = Dieser Link ist schon weg.
booking-bot-deleted = Gelöscht
booking-bot-deleted-text = 🗑 Der Buchungslink /book/{ $slug } ist gelöscht. Bereits gemachte Buchungen bleiben in deinem Kalender.
booking-bot-no-such-link = Du hast keinen Buchungslink „{ $slug }“. /booking list zeigt deine.
booking-bot-not-registered = Du bist noch nicht registriert: Sende zuerst /start.

## Nachrichten an den Eigentümer über Buchungen ($when: „Di., 3. März, 14:00–14:30“)

booking-bot-someone = Jemand
booking-bot-a-booking = eine Buchung
booking-bot-unknown-time = eine unbekannte Zeit
booking-bot-booked = 📅 { $who } hat Zeit bei dir gebucht: <b>{ $title }</b>, { $when }
booking-bot-booked-for = 📅 { $who } hat { $length } bei dir gebucht: <b>{ $title }</b>, { $when }
booking-bot-cancelled = ❌ { $who } hat <b>{ $title }</b> abgesagt, { $when }. Die Zeit ist wieder frei.
booking-bot-cancelled-why = ❌ { $who } hat <b>{ $title }</b> abgesagt, { $when } ({ $reason }). Die Zeit ist wieder frei.
booking-bot-moved = 🔄 { $who } hat <b>{ $title }</b> auf { $when } verschoben.
booking-bot-moved-from = 🔄 { $who } hat <b>{ $title }</b> auf { $when } verschoben (vorher { $was }).
