## Der Bot: geteilte Kalender (/share, /calendars, /unshare, /leave), die Einladungskarte mit
## [Zu meinen Kalendern hinzufügen] [Ablehnen] und die Nachricht an den Eigentümer.
## Rollen in verständlichen Worten: $role ist read, write, manage oder owner.

share-role =
    { $role ->
        [read] kann ansehen
        [write] kann bearbeiten
        [manage] kann verwalten
        [subscriber] abonniert
       *[owner] Eigentümer
    }
share-someone = Jemand

## So werden die Befehle benutzt

share-usage =
    <b>Einen Kalender teilen</b>
    <code>/share family @anna</code> — Anna kann die Termine sehen und bearbeiten
    <code>/share family @anna read</code> — sie kann sie nur sehen
    <code>/share family 123456789 manage</code> — per Telegram-ID; sie kann ihn auch selbst teilen
    Hast du nur deinen Standardkalender, reicht <code>/share @anna</code>. Die Person bekommt eine Karte, um ihn hinzuzufügen oder abzulehnen. /calendars listet deine Kalender auf.
share-unshare-usage = Einen Kalender nicht mehr mit jemandem teilen: <code>/unshare family @anna</code>. /calendars family zeigt, wer ihn hat.
share-leave-usage = Einen Kalender entfernen, den jemand mit dir teilt: <code>/leave family</code>. /calendars listet sie auf.

## Ablehnungen (reiner Text, ohne Formatierung)

share-not-registered = Du bist noch nicht registriert: Sende zuerst /start.
share-self = Das bist du: Deine eigenen Kalender gehören dir schon. Teile mit jemand anderem.
share-owner-already = Diese Person ist bereits Eigentümer dieses Kalenders.
share-invitation-gone = Diese Einladung gilt nicht mehr: Sie wurde beantwortet, zurückgezogen oder war nie für dich.
share-leave-own = Dieser Kalender gehört dir, du kannst ihn nicht verlassen. Um ihn nicht mehr mit jemandem zu teilen: /unshare <Kalender> @username.
share-not-a-role = „{ $word }“ ist keine Rolle: Nutze read (ansehen), write (bearbeiten) oder manage (verwalten).
share-not-a-person = „{ $word }“ ist keine Person: Gib den @username oder die Telegram-ID an.
share-not-started = { $word } hat den Bot noch nicht gestartet. Bitte die Person, ihn zu öffnen und auf Starten zu tippen, und teile dann noch einmal.
share-no-such-calendar = Du hast keinen Kalender „{ $name }“. Deine: { $names }. /calendars listet sie auf.
share-which-calendar =
    Welcher Kalender? Du hast { $count ->
        [one] { $count } Kalender
       *[other] { $count } Kalender
    }: { $names }. Nenne ihn zuerst, etwa /share { $example } @username.
share-not-yours =
    „{ $name }“ ist der Kalender von { $owner }, und du { $role ->
        [read] kannst ihn nur ansehen
        [write] kannst ihn nur bearbeiten
       *[manage] kannst ihn verwalten
    }: Teilen kann ihn nur der Eigentümer oder wer ihn verwalten kann.
share-with-whom = Mit wem „{ $name }“ teilen? Etwa /share { $example } @username [read|write|manage].
share-not-shared-with = { $name } hat „{ $calendar }“ nicht. /calendars { $example } zeigt, wer ihn hat.
share-not-member-of = Niemand teilt einen Kalender „{ $name }“ mit dir. /calendars listet deine auf.
share-already-added = Du hast „{ $name }“ schon hinzugefügt. Zum Entfernen: /leave { $example }.

## Antworten auf /share, /unshare, /leave ($role ist schon in Worten: „kann bearbeiten“)

share-done-member = 👌 { $member } hat „{ $calendar }“ schon — { $role }. Nichts geändert.
share-done-role-changed = ✅ Neue Rolle von { $member } für „{ $calendar }“: { $role }.
share-done-pending = ⏳ { $member } ist schon zu „{ $calendar }“ eingeladen ({ $role }) und hat noch nicht geantwortet. Die Karte liegt im Chat.
share-done-reinvited = 📨 Die Einladung von { $member } zu „{ $calendar }“ lautet jetzt: { $role }. Eine neue Karte ist unterwegs.
share-done-invited = 📨 { $member } ist zu „{ $calendar }“ eingeladen — { $role }. Die Person bekommt eine Karte, um ihn hinzuzufügen oder abzulehnen; geteilt wird erst, wenn sie ihn hinzufügt.
share-unshared = ➖ { $member } hat „{ $calendar }“ nicht mehr.
share-left = 👋 „{ $calendar }“ ist nicht mehr in deinen Kalendern.

## Die Einladungskarte, ihre Antworten und die Nachricht an den Eigentümer

share-card = 📅 <b>{ $inviter }</b> teilt „{ $calendar }“ mit dir — { $role }
share-card-of = 📅 <b>{ $inviter }</b> teilt „{ $calendar }“ (Kalender von { $owner }) mit dir — { $role }
share-card-hint = Füge ihn hinzu, um seine Termine hier, in der App und in deinen Kalender-Apps zu sehen.
share-added = ✅ „{ $calendar }“ (von { $owner }) ist in deinen Kalendern — { $role }. /calendars listet sie auf.
share-declined = ➖ Du hast „{ $calendar }“ von { $inviter } abgelehnt.
share-tap-added = Hinzugefügt
share-tap-declined = Abgelehnt
share-owner-accepted = ✅ { $member } hat „{ $calendar }“ zu den eigenen Kalendern hinzugefügt.
share-owner-declined = ➖ { $member } hat „{ $calendar }“ abgelehnt.

## /calendars und /calendars <Name>

share-overview-title = 📅 <b>Deine Kalender</b>
share-overview-own =
    { $count ->
        [0] • <b>{ $name }</b> — deiner
        [one] • <b>{ $name }</b> — deiner, geteilt mit { $count } Person
       *[other] • <b>{ $name }</b> — deiner, geteilt mit { $count } Personen
    }
share-overview-shared-title = <b>Mit dir geteilt</b>
share-overview-shared = • <b>{ $name }</b> — von { $owner }, { $role }
share-overview-invited-title = <b>Wartet auf deine Antwort</b>
share-overview-invited = • <b>{ $name }</b> — von { $inviter }, { $role }
share-overview-hint = <code>/calendars family</code> zeigt, wer einen Kalender hat; <code>/share family @anna</code> teilt einen.
share-member = • { $name } — { $role }
share-member-invited = • { $name } — { $role } (eingeladen, noch keine Antwort)
share-members-alone = Noch niemand sonst: /share { $example } @username
