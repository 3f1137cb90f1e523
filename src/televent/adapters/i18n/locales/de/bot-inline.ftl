## Der Inline-Modus des Bots: Karten eigener Termine und Buchungslinks in jedem Chat.
## Eine Karte spricht die Sprache dessen, der sie gepostet hat; Antworten auf ein Tippen die
## Sprache dessen, der tippt.

inline-button-accept = ✅ Zusagen
inline-button-maybe = ❔ Vielleicht
inline-button-decline = ❌ Absagen
inline-book-button = 📆 Termin buchen
inline-no-title = (ohne Titel)
# $when: „Mo., 2. März, 15:00–16:00“; $zone: die Zeitzone des Organisators, „Europe/Berlin“
inline-when-in-zone = { $when } ({ $zone })
inline-cancelled = ❌ <b>ABGESAGT: { $title }</b>
inline-tap-to-answer = Tippe zum Antworten: Du kommst auf die Gästeliste.
inline-deleted = 🗑 Der Organisator hat diesen Termin gelöscht.
# $length: „30 Minuten“
inline-link-card =
    📆 <b>{ $title }</b> · { $length }
    Buche einen Termin bei { $owner }.
inline-link-description = Buchungslink · { $length }
inline-not-registered = Starte Televent, um deine Termine zu teilen
inline-nothing-yet = Keine anstehenden Termine: Leg einen im Bot an
inline-answered =
    { $answer ->
        [ACCEPTED] ✅ zugesagt
        [TENTATIVE] ❔ vielleicht
       *[DECLINED] ❌ abgesagt
    }: { $title }
inline-invalid-button = Diese Schaltfläche gilt nicht mehr.
inline-not-a-card = Diese Schaltfläche ist auf keiner Karte, die der Organisator gepostet hat, und ändert daher nichts.
inline-gone = Diesen Termin gibt es nicht mehr.
inline-was-cancelled = Dieser Termin wurde abgesagt.
inline-own-event = Du organisierst diesen Termin: Hier antworten deine Gäste.
