## Der Bot in einer Telegram-Gruppe: der Kalender der Gruppe, Terminkarten mit ✅ ❔ ❌ und
## Zählung, [Diesen Kalender abonnieren] und die Einstellungen der Admins. Karten in der
## Sprache des Kalendereigentümers; Antworten in der Sprache dessen, der schrieb oder tippte.

group-button-going = ✅ Dabei
group-button-maybe = ❔ Vielleicht
group-button-cant = ❌ Kann nicht
group-button-who = 👥 Wer
group-button-join = 📅 Diesen Kalender abonnieren
group-button-open = 🗓 Kalender öffnen

## Die Terminkarte

group-tally = ✅ { $going } · ❔ { $maybe } · ❌ { $cant }
group-card-cancelled = <s>{ $title }</s> (abgesagt)
group-no-title = (ohne Titel)
group-who-nobody = Noch hat niemand geantwortet.
group-noted = { $icon } Notiert
group-someone = jemand
group-user = Nutzer { $id }

## Befehle in einer Gruppe

group-help =
    📅 <b>Der Kalender dieser Gruppe</b>
    /create <i>was, wann[, wie lange][, wo]</i> — einen Termin eintragen, z. B. <code>/create Teamessen, Freitag 13:00, 1h</code>
    /today, /tomorrow, /week, /list — was ansteht
    /calendar — der Kalender, [Diesen Kalender abonnieren] und seine Einstellungen
    Tippe bei einem Termin auf ✅ ❔ ❌, um zu antworten. Für alles andere schreib mir privat.
group-create-usage = 📝 Sag, was und wann, z. B. <code>/create Teamessen, Freitag 13:00, 1h, Café Central</code>
group-not-here = Das geht im privaten Chat mit mir; in einer Gruppe kümmere ich mich um /create, /week und /calendar.
group-wrong-group = Diese Schaltfläche gehört zu einer anderen Gruppe.
group-stale = Diese Schaltfläche funktioniert hier nicht mehr.
group-settings-usage = Admins: <code>/calendar edit on|off</code> (Mitglieder dürfen Termine eintragen) und <code>/calendar reminders on|off</code> (Erinnerungen vor Terminen, hier gepostet).
group-listing-title =
    { $command ->
        [today] Heute
        [tomorrow] Morgen
        [week] Diese Woche
       *[list] Demnächst
    }

## Der Kalender der Gruppe ($edit: members oder admins; $reminders: on oder off)

group-opened =
    📅 Diese Gruppe hat jetzt einen Kalender: <b>{ $title }</b> (geführt von { $owner }).
    Tippe auf [Diesen Kalender abonnieren], um ihn in deinen eigenen Kalendern, auf dem Handy und in Apps zu sehen.
group-about =
    { $count ->
        [one] 📅 <b>{ $title }</b> — geführt von { $owner }, { $count } Mitglied hat ihn abonniert
       *[other] 📅 <b>{ $title }</b> — geführt von { $owner }, { $count } Mitglieder haben ihn abonniert
    }
group-about-settings =
    ⚙️ { $edit ->
        [members] Mitglieder tragen Termine ein
       *[admins] nur ansehen: Admins tragen Termine ein
    }; Erinnerungen hier { $reminders ->
        [on] an
       *[off] aus
    }
group-joined-owner = „{ $title }“ gehört dir: Er ist in deinen Kalendern.
group-joined = „{ $title }“ ist jetzt in deinen Kalendern — { $role }.
group-members-edit-on = ✅ Mitglieder dürfen Termine eintragen.
group-members-edit-off = ✅ Nur ansehen: Admins tragen Termine ein.
group-reminders-on = ✅ Erinnerungen werden hier gepostet.
group-reminders-off = ✅ Hier keine Erinnerungen.
group-welcome-back = 👋 Wieder da: <b>{ $title }</b> ist hier, wie er war. /week zeigt, was ansteht.
group-welcome = 👋 Hallo! /create trägt einen Termin in den Kalender dieser Gruppe ein; /calendar zeigt ihn.

## Ablehnungen

group-gone = Der Kalender dieser Gruppe ist weg: Sende /calendar, um einen neuen anzulegen.
group-no-calendar = Diese Gruppe hat noch keinen Kalender: Sende zuerst /calendar.
group-not-an-event = Das ist kein Termin.
group-not-in-calendar = Dieser Termin steht nicht im Kalender dieser Gruppe.
