## Der Bot im privaten Chat: /start, /help, Zeitzonen, Listen, Geräte, Export, Löschen,
## /app, das Befehlsmenü und Antworten auf das, was er nicht verstanden hat.

## /start und /help (die /Befehle bleiben, wie sie sind: so tippt man sie)

bot-welcome =
    👋 Hallo { $name }! Ich führe deinen Kalender direkt hier in Telegram.
    • /create legt einen Termin in einer Zeile an: <code>/create Team-Meeting, morgen 15:00, 1 Std</code>
    • Lade Leute ein und beantworte Einladungen mit einem Tippen.
    • Synchronisiere mit Apple Kalender, Thunderbird oder DAVx5: /device add laptop
bot-help =
    <b>Televent-Befehle</b>
    /create <i>Titel, wann[, Dauer][, Ort]</i> — z. B. <code>/create Zahnarzt, Fr 9:30, 45 Min</code>
    /today, /tomorrow, /week — was ansteht; /list — alles Kommende
    /app — die Kalender-App (Monats-, Wochen-, Tagesansicht) und ein Anmeldelink für den Browser
    /event <i>ID</i> — Details, mit Tasten zum Einladen, Absagen oder Exportieren
    /invite <i>ID</i> <i>@Benutzername | Telegram-ID | E-Mail …</i> — Leute einladen
    /attendees <i>ID</i> — wer zugesagt, abgesagt oder noch nicht geantwortet hat
    /rsvp <i>accept | tentative | decline</i> <i>ID</i> — auf eine Einladung antworten
    /cancel <i>ID</i> — deinen Termin absagen (allein: einen Dialog verlassen)
    /calendars — deine Kalender und Einladungen; /calendars <i>Name</i> — wer ihn hat
    /share <i>Kalender @Benutzername</i> [read | write | manage] — z. B. <code>/share familie @anna</code>
    /unshare <i>Kalender @Benutzername</i> — nicht mehr teilen; /leave <i>Kalender</i> — einen geteilten verlassen
    /timezone <i>Stadt oder Zone</i> — z. B. <code>/timezone Berlin</code>
    /language — die Sprache, in der ich mit dir spreche
    /reminder <i>Minuten</i> — wie lange vor Terminen ich dich erinnere (0: nie)
    /agenda <i>HH:MM</i> | off — deine Termine des Tages jeden Morgen zu dieser Ortszeit
    /quiet <i>HH:MM-HH:MM</i> | off — Ruhezeiten: Nachrichten warten, bis sie enden
    /settings — Benachrichtigungen: Erinnerungen, Einladungen, Antworten, Ruhezeiten, Tagesübersicht, Uhr
    /email — deine Einladungsadresse; /email <i>du@example.com</i> verknüpft deine E-Mail (wir schicken einen Code)
    /availability <i>Tage Stunden</i> — wann man bei dir buchen kann: <code>/availability mon-fri 9-17</code>
    /booking new <i>Slug Minuten Titel</i> | list | pause | resume | delete — Buchungslinks
    /device add <i>Name</i> | list | revoke <i>Name</i> — Passwörter für CalDAV-Apps
    /export — dein Kalender als .ics-Datei
    📥 Schick eine .ics-Datei, um ihre Termine zu importieren (die Bildunterschrift kann den Kalender nennen)
    🔗 /subscribe <i>webcal://- oder https://-Link</i> — ein Kalender, der einem Feed folgt (Feiertage, Schule, Arbeit); /subscriptions — deine Abos
    🔄 /google — deinen Google Kalender verbinden, in beide Richtungen
    /deleteaccount — deine Daten löschen (nach 30 Tagen, widerrufbar)
    IDs sind die kurzen Codes aus den Listen, wie <code>a1b2c3</code>.

## Zeitzone und Erinnerungen

bot-zone-ask = 🌍 Deine Zeitzone ist <b>{ $zone }</b>. Tippe auf deine oder schreib eine Stadt (z. B. <i>Berlin</i>, <i>Wien</i>) oder einen Zonennamen:
bot-zone-set = ✅ Zeitzone: <b>{ $zone }</b>. Probier <code>/create Mittagessen, morgen 13:00</code> oder /help.
bot-zone-tapped = Zeitzone: { $zone }
bot-reminder-current =
    { $minutes ->
        [0] Erinnerungen sind aus. Schalte sie mit <code>/reminder 15</code> ein (Minuten vor Terminen).
        [one] Ich erinnere dich { $minutes } Minute vor Terminen. Ändern mit <code>/reminder 30</code> (0 schaltet sie aus).
       *[other] Ich erinnere dich { $minutes } Minuten vor Terminen. Ändern mit <code>/reminder 30</code> (0 schaltet sie aus).
    }
bot-reminder-set =
    { $minutes ->
        [0] Erinnerungen sind aus.
        [one] ⏰ Ich erinnere dich { $minutes } Minute vorher.
       *[other] ⏰ Ich erinnere dich { $minutes } Minuten vorher.
    }

## Listen: /today, /tomorrow, /week, /list

bot-list-today = Heute
bot-list-tomorrow = Morgen
bot-list-week = Diese Woche
bot-list-coming-up = Demnächst (die nächsten { $days } Tage)
bot-list-page = { $title } — { $first }–{ $last } von { $total }
bot-list-empty = Nichts geplant. Leg etwas mit /create an.
bot-list-more = … und { $count } weitere. /list zeigt alles, Seite für Seite.
bot-more = … und { $count } weitere.
bot-list-cancelled = <s>{ $title }</s> (abgesagt)
bot-list-people = 👥 { $accepted }/{ $invited }
bot-left-out-shown =
    { $count ->
        [one] ⚠️ { $count } Termin konnte nicht angezeigt werden: seine Kalenderdaten sind nicht lesbar.
       *[other] ⚠️ { $count } Termine konnten nicht angezeigt werden: ihre Kalenderdaten sind nicht lesbar.
    }
bot-left-out-exported =
    { $count ->
        [one] ⚠️ { $count } Termin konnte nicht exportiert werden: seine Kalenderdaten sind nicht lesbar.
       *[other] ⚠️ { $count } Termine konnten nicht exportiert werden: ihre Kalenderdaten sind nicht lesbar.
    }

## Geräte (CalDAV-Passwörter)

bot-device-usage =
    Jedes Gerät bekommt sein eigenes CalDAV-Passwort:
    <code>/device add laptop</code> — ein neues Passwort (wird einmal angezeigt)
    <code>/device list</code> — deine Geräte
    <code>/device revoke laptop</code> — ein Gerät nicht mehr synchronisieren lassen
bot-device-none = Noch keine Geräte.
bot-device-added =
    🔑 Passwort für <b>{ $name }</b> (wird nur dieses eine Mal angezeigt):
    { $password }

    Füge in Apple Kalender, Thunderbird oder DAVx5 ein CalDAV-Konto hinzu:
    • Server: { $server }
    • Benutzername: { $user }
    • Passwort: das obige
    Widerrufen kannst du es jederzeit mit { $revoke }.
bot-device-list = <b>Deine Geräte</b>
bot-device-line = • { $name } — seit { $since }
bot-device-line-used = • { $name } — seit { $since }, zuletzt synchronisiert { $used }
bot-device-revoked = 🚫 { $name } kann nicht mehr synchronisieren.

## /export und /deleteaccount

bot-export-caption = 📤 Dein Kalender. Öffne ihn in einer beliebigen Kalender-App, um ihn zu importieren.
bot-erase-ask = ⚠️ Dein Konto löschen? Dein Kalender, deine Geräte und Antworten werden nach einer Frist von 30 Tagen gelöscht; bis dahin kannst du es dir mit /keepaccount anders überlegen.
bot-erase-already = Deine Daten werden bereits am { $day } gelöscht. Schick /keepaccount, um das abzubrechen.
bot-erase-scheduled = 🗑 Deine Daten werden am <b>{ $day }</b> gelöscht. Doch nicht? Schick /keepaccount vorher.
bot-erase-scheduled-tapped = Geplant
bot-erase-kept = 👍 Es wird nichts gelöscht.
bot-erase-nothing = Es ist keine Löschung geplant. 👍
bot-erase-cancelled = ✅ Löschung abgebrochen; dein Konto bleibt.

## /app: die Kalender-App und der Anmeldelink für den Browser

bot-app-not-served = 📅 Die Kalender-App ist auf diesem Server nicht verfügbar. /help zeigt, was ich hier kann.
bot-app-link-rules = Der Link funktioniert einmal und läuft in { $lifetime } ab; er meldet dich an, also teile ihn nicht.
calendar-default-name = Kalender
bot-menu-button = Kalender
bot-app-open = 📅 Dein Kalender: Monats-, Wochen-, Tages- und Listenansicht. Tippe auf <b>Kalender öffnen</b>.
bot-app-browser = 🌐 Am Computer? <b>Im Browser öffnen</b> meldet dich dort an. { $rules }
bot-app-needs-https = 📅 Die Kalender-App lässt sich hier nicht in Telegram öffnen. Telegram öffnet Apps nur von einer HTTPS-Adresse: Dafür setzt der Betreiber des Servers <code>TELEVENT_PUBLIC_URL</code> auf dessen <code>https://</code>-Adresse.
bot-app-no-links = Browser-Links sind auf diesem Server auch nicht aktiviert.
bot-app-browser-link = 🌐 Öffne sie im Browser mit diesem Link. { $rules }

## Das Befehlsmenü (Telegram zeigt es neben jedem /Befehl; höchstens 256 Zeichen)

bot-cmd-today = Was heute ansteht
bot-cmd-tomorrow = Was morgen ansteht
bot-cmd-week = Die nächsten sieben Tage
bot-cmd-list = Alles Kommende
bot-cmd-app = Die Kalender-App: Monats-, Wochen-, Tagesansicht
bot-cmd-create = Neuer Termin: /create Team-Meeting, morgen 15:00, 1 Std
bot-cmd-event = Details eines Termins: /event a1b2c3
bot-cmd-invite = Leute einladen: /invite a1b2c3 @anna
bot-cmd-attendees = Wer kommt: /attendees a1b2c3
bot-cmd-rsvp = Antworten: /rsvp accept a1b2c3
bot-cmd-cancel = Einen Termin absagen oder einen Dialog verlassen
bot-cmd-calendars = Deine Kalender, mit dir geteilte, Einladungen
bot-cmd-share = Einen Kalender teilen: /share familie @anna [read|write|manage]
bot-cmd-subscribe = Einem Kalender-Feed folgen: /subscribe webcal://…
bot-cmd-google = Deinen Google Kalender verbinden
bot-cmd-calendar = In einer Gruppe: der Kalender der Gruppe, [Diesem Kalender beitreten]
bot-cmd-timezone = Deine Zeitzone
bot-cmd-language = Die Sprache, die ich spreche: /language de
bot-cmd-reminder = Minuten vor Terminen, um dich zu erinnern
bot-cmd-agenda = Dein Tag jeden Morgen: /agenda 07:30 oder off
bot-cmd-settings = Benachrichtigungen: Erinnerungen, Einladungen, Ruhezeiten
bot-cmd-email = Deine Einladungsadresse; E-Mail verknüpfen: /email du@example.com
bot-cmd-availability = Wann man bei dir buchen kann: /availability mon-fri 09:00-17:00
bot-cmd-booking = Buchungslinks: /booking new intro 30 Kennenlernen
bot-cmd-device = CalDAV-Passwörter: add, list, revoke
bot-cmd-export = Dein Kalender als .ics-Datei
bot-cmd-deleteaccount = Deine Daten löschen (nach 30 Tagen)
bot-cmd-help = Alle Befehle mit Beispielen

## Was der Bot nicht verstanden hat, und kurze Antworten auf Tipper

bot-fallback-command = 🤔 /{ $command } kenne ich nicht. /help zeigt, was ich kann.
bot-fallback-command-close = 🤔 /{ $command } kenne ich nicht. Meintest du /{ $close }? /help zeigt, was ich kann.
bot-fallback-not-text = Ich lese nur Textnachrichten. /help zeigt, was ich kann.
bot-fallback-text =
    🤔 Ich bin nicht sicher, was du meinst. Um einen Termin anzulegen, versuch
    { $example }
    oder /help für alles, was ich kann.
bot-stale-button = Diese Taste gilt nicht mehr.
bot-dialogue-left = OK, abgebrochen. 👍
bot-dialogue-none = Nichts abzubrechen. /help listet die Befehle.
bot-not-registered = Du bist noch nicht registriert: schick zuerst /start.
bot-saved-tapped = Gespeichert
bot-kept-tapped = Behalten
bot-done-tapped = Erledigt
bot-someone = Jemand
