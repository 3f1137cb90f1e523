## /settings, /agenda, /quiet und die Tagesübersicht am Morgen im Bot.

## /settings: der Text über den Tasten und jede Taste (ein Tippen setzt den nächsten Wert)

bot-settings-text =
    ⚙️ <b>Benachrichtigungen</b> (Zeiten in { $zone }). Tippe zum Ändern.
    Eigene Zeiten: <code>/agenda 07:30</code>, <code>/quiet 22:00-07:00</code>, <code>/reminder 20</code>. Sprache: /language.
bot-settings-no-email = ✉️ Du hast E-Mail gewählt, aber mit deinem Konto ist keine E-Mail verknüpft, also wird nichts verschickt. Verknüpf eine mit <code>/email du@example.com</code>.
bot-settings-email-to = ✉️ E-Mails gehen an { $emails }.
bot-settings-reminders =
    { $minutes ->
        [0] ⏰ Erinnerungen: aus
       *[other] ⏰ Erinnerungen: { $minutes } Min vorher
    }
bot-settings-alarms =
    { $state ->
        [on] 🔔 Eigene Alarme der Termine: an
       *[off] 🔔 Eigene Alarme der Termine: aus
    }
bot-settings-cards-telegram =
    { $state ->
        [on] 📨 Einladungen aus Televent: an
       *[off] 📨 Einladungen aus Televent: aus
    }
bot-settings-cards-email =
    { $state ->
        [on] ✉️ Einladungen per E-Mail: an
       *[off] ✉️ Einladungen per E-Mail: aus
    }
bot-settings-notices =
    { $which ->
        [all] 📣 Antworten auf meine Termine: alle
        [declines] 📣 Antworten auf meine Termine: nur Absagen
       *[none] 📣 Antworten auf meine Termine: keine
    }
bot-settings-quiet = 🌙 Ruhezeiten: { $hours }
bot-settings-quiet-off = 🌙 Ruhezeiten: aus
bot-settings-quiet-reminders =
    { $how ->
        [keep] ⏰ Erinnerungen in Ruhezeiten: senden
       *[hold] ⏰ Erinnerungen in Ruhezeiten: zurückhalten
    }
bot-settings-agenda = ☀️ Tagesübersicht: { $time }
bot-settings-agenda-off = ☀️ Tagesübersicht: aus
bot-settings-agenda-empty =
    { $state ->
        [on] 📭 Übersicht an Tagen ohne Termine: an
       *[off] 📭 Übersicht an Tagen ohne Termine: aus
    }
bot-settings-channel =
    { $kind ->
        [reminders] ⏰ Erinnerungen
        [agenda] ☀️ Übersicht
       *[notices] 📣 Hinweise
    } per: { $where ->
        [telegram] Telegram
        [email] E-Mail
        [both] Telegram + E-Mail
       *[none] nirgends
    }
bot-settings-clock =
    { $cycle ->
        [h24] 🕒 Uhr: 24 Stunden
        [h12] 🕒 Uhr: 12 Stunden (AM/PM)
       *[auto] 🕒 Uhr: wie in meiner Sprache üblich
    }

## /agenda und /quiet

bot-agenda-none = ☀️ Keine Tagesübersicht. Hol sie dir jeden Tag mit <code>/agenda 07:30</code> (deine Ortszeit).
bot-agenda-status =
    { $empty ->
        [yes] ☀️ Deine Übersicht kommt jeden Tag um <b>{ $time }</b> ({ $zone }); die nächste: { $next }. <code>/agenda off</code> stoppt sie.
       *[no] ☀️ Deine Übersicht kommt jeden Tag um <b>{ $time }</b> ({ $zone }) (nicht an Tagen ohne Termine); die nächste: { $next }. <code>/agenda off</code> stoppt sie.
    }
bot-agenda-how = Gib eine Uhrzeit an, wie <code>/agenda 07:30</code>, oder <code>/agenda off</code>.
bot-quiet-none = 🌙 Keine Ruhezeiten. Leg sie mit <code>/quiet 22:00-07:00</code> fest (deine Ortszeit).
bot-quiet-status =
    { $reminders ->
        [keep] 🌙 Ruhezeiten { $hours } ({ $zone }): Nachrichten warten, bis sie enden; Erinnerungen kommen trotzdem (/settings). <code>/quiet off</code> beendet sie.
       *[hold] 🌙 Ruhezeiten { $hours } ({ $zone }): Nachrichten warten, bis sie enden; Erinnerungen warten auch (/settings). <code>/quiet off</code> beendet sie.
    }
bot-quiet-how = Gib einen Anfang und ein Ende an, wie <code>/quiet 22:00-07:00</code>, oder <code>/quiet off</code>.

## Die Tagesübersicht (kommt, wenn bei der Person der Morgen beginnt)

bot-agenda-nothing = Heute ist nichts geplant.
bot-agenda-unreadable =
    { $count ->
        [one] ({ $count } Termin konnte nicht angezeigt werden)
       *[other] ({ $count } Termine konnten nicht angezeigt werden)
    }
bot-agenda-conflicts = ⚠️ markiert Termine, die sich überschneiden.
bot-agenda-awaiting = ⏳ wartet auf deine Antwort
