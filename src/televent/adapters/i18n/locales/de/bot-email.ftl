## /email im Bot: die Einladungsadresse, unter der jeder die Person einladen kann, und das
## Verknüpfen der eigenen E-Mail mit einem zugeschickten Code (auch eine Zeile in /start und
## /settings).

email-bot-usage = Verknüpfe deine E-Mail mit <code>/email du@example.com</code>: Ich schicke dir einen Code, und <code>/email 123456</code> verknüpft die Adresse. <code>/email remove</code> hebt die Verknüpfung auf.
email-bot-invite-line = 📮 Man kann dich aus jeder Kalender-App unter <code>{ $address }</code> einladen (mehr unter /email).
email-bot-none-linked = keine verknüpft
# $email: die verknüpften Adressen oder email-bot-none-linked
email-bot-settings =
    📮 Einladungsadresse: <code>{ $address }</code>
    ✉️ E-Mail: { $email }
    /email zeigt beide und verknüpft deine E-Mail oder hebt die Verknüpfung auf.
email-bot-status-address =
    📮 Deine Einladungsadresse: <code>{ $address }</code>
    Jeder kann dich dort aus Gmail, Outlook oder jeder Kalender-App einladen: Die Einladung landet in deinem Kalender und hier, und deine Antwort geht per E-Mail zurück.
email-bot-status-linked = ✉️ Deine E-Mail: { $email } ✅ — Einladungen dorthin erreichen dich auch. <code>/email remove</code> hebt die Verknüpfung auf.
email-bot-status-awaiting = ✉️ Ein Code ist unterwegs an <code>{ $address }</code>: Sende ihn als <code>/email 123456</code>.
email-bot-status-none = ✉️ Keine E-Mail verknüpft.
email-bot-code-sent =
    📧 Ich habe einen Code an <code>{ $address }</code> geschickt. Sende ihn hier als <code>/email 123456</code> innerhalb von { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    }. Keine E-Mail? Schau im Spam-Ordner nach oder fordere in einer Minute einen neuen Code an.
email-bot-linked = ✅ <code>{ $address }</code> ist mit deinem Konto verknüpft: Einladungen an diese Adresse erreichen dich hier.
email-bot-removed-nothing = 👍 Der zugeschickte Code gilt nicht mehr; keine E-Mail ist verknüpft.
email-bot-removed =
    { $count ->
        [one] 👍 { $addresses } ist nicht mehr mit deinem Konto verknüpft.
       *[other] 👍 { $addresses } sind nicht mehr mit deinem Konto verknüpft.
    }
# $kind: reminders, agenda oder notices (was die Person per E-Mail bekommen wollte)
email-bot-kind =
    { $kind ->
        [reminders] Erinnerungen
        [agenda] die Morgenübersicht
       *[notices] Benachrichtigungen
    }
# $kinds: „Erinnerungen und Benachrichtigungen“
email-bot-unsent = ⚠️ Du bekommst { $kinds } nur per E-Mail: Sie werden nicht verschickt, bis du wieder eine Adresse verknüpfst (<code>/email du@example.com</code>) oder in /settings Telegram wählst.
