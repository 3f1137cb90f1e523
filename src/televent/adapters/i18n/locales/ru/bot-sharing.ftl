## Бот: общие календари (/share, /calendars, /unshare, /leave), карточка приглашения
## с кнопками [Добавить в мои календари] [Отклонить] и уведомление владельцу об ответе.
## Роли — понятными словами: $role — read, write, manage или owner.

share-role =
    { $role ->
        [read] может просматривать
        [write] может редактировать
        [manage] может управлять
        [subscriber] подписка
       *[owner] владелец
    }
share-someone = Кто-то

## Как пользоваться командами

share-usage =
    <b>Поделиться календарём</b>
    <code>/share family @anna</code> — Анна сможет видеть и редактировать его события
    <code>/share family @anna read</code> — сможет только видеть их
    <code>/share family 123456789 manage</code> — по Telegram id; она сможет и сама делиться календарём
    Если у вас только календарь по умолчанию, хватит <code>/share @anna</code>. Человек получит карточку, где сможет добавить календарь или отказаться. /calendars — список ваших календарей.
share-unshare-usage = Закрыть человеку доступ к календарю: <code>/unshare family @anna</code>. /calendars family покажет, у кого он есть.
share-leave-usage = Убрать календарь, которым с вами поделились: <code>/leave family</code>. /calendars покажет их список.

## Отказы (обычный текст, без разметки)

share-not-registered = Вы ещё не зарегистрированы: сначала отправьте /start.
share-self = Это вы: ваши календари и так ваши. Поделитесь с кем-нибудь другим.
share-owner-already = Этот человек и так владелец календаря.
share-invitation-gone = Это приглашение больше не действует: на него уже ответили, его отозвали или оно было не для вас.
share-leave-own = Это ваш календарь, его нельзя покинуть. Чтобы закрыть к нему доступ для человека: /unshare <календарь> @username.
share-not-a-role = «{ $word }» — это не роль: укажите read (просмотр), write (редактирование) или manage (управление).
share-not-a-person = «{ $word }» — это не человек: укажите его @username или Telegram id.
share-not-started = { $word } ещё не запускал(а) бота. Попросите открыть его и нажать «Запустить», а потом поделитесь снова.
share-no-such-calendar = У вас нет календаря «{ $name }». Ваши: { $names }. /calendars покажет список.
share-which-calendar =
    Какой календарь? { $count ->
        [one] У вас { $count } календарь
        [few] У вас { $count } календаря
       *[other] У вас { $count } календарей
    }: { $names }. Сначала назовите календарь, например: /share { $example } @username.
share-not-yours =
    «{ $name }» — календарь пользователя { $owner }, а вы { $role ->
        [read] можете его только просматривать
        [write] можете его только редактировать
       *[manage] можете им управлять
    }: делиться им может только владелец или тот, кто может им управлять.
share-with-whom = С кем поделиться «{ $name }»? Например: /share { $example } @username [read|write|manage].
share-not-shared-with = У { $name } нет доступа к «{ $calendar }». /calendars { $example } покажет, у кого он есть.
share-not-member-of = Никто не делился с вами календарём «{ $name }». /calendars покажет ваши.
share-already-added = Вы уже добавили «{ $name }». Чтобы убрать его: /leave { $example }.

## Ответы на /share, /unshare, /leave ($role — уже словами: «может редактировать»)

share-done-member = 👌 У { $member } уже есть «{ $calendar }» — { $role }. Ничего не изменилось.
share-done-role-changed = ✅ Права { $member } на «{ $calendar }» изменены: { $role }.
share-done-pending = ⏳ { $member } уже приглашён(а) в «{ $calendar }» ({ $role }) и пока не ответил(а). Карточка ждёт в чате.
share-done-reinvited = 📨 Приглашение для { $member } в «{ $calendar }» изменено: { $role }. Новая карточка уже в пути.
share-done-invited = 📨 { $member } приглашён(а) в «{ $calendar }» — { $role }. Придёт карточка, где можно добавить календарь к себе или отказаться; пока его не добавят, доступа нет.
share-unshared = ➖ У { $member } больше нет «{ $calendar }».
share-left = 👋 «{ $calendar }» больше нет среди ваших календарей.

## Карточка приглашения, ответы на неё и уведомление владельцу

share-card = 📅 <b>{ $inviter }</b> делится с вами календарём «{ $calendar }» — { $role }
share-card-of = 📅 <b>{ $inviter }</b> делится с вами календарём «{ $calendar }» (владелец: { $owner }) — { $role }
share-card-hint = Добавьте его, чтобы видеть события здесь, в приложении и в ваших календарных программах.
share-added = ✅ «{ $calendar }» (владелец: { $owner }) теперь среди ваших календарей — { $role }. /calendars покажет их все.
share-declined = ➖ Вы отклонили «{ $calendar }» от { $inviter }.
share-tap-added = Добавлено
share-tap-declined = Отклонено
share-owner-accepted = ✅ { $member } добавил(а) «{ $calendar }» в свои календари.
share-owner-declined = ➖ { $member } отказался(-ась) от «{ $calendar }».

## /calendars и /calendars <название>

share-overview-title = 📅 <b>Ваши календари</b>
share-overview-own =
    { $count ->
        [0] • <b>{ $name }</b> — ваш
       *[other] • <b>{ $name }</b> — ваш, участников: { $count }
    }
share-overview-shared-title = <b>Доступные вам</b>
share-overview-shared = • <b>{ $name }</b> — владелец { $owner }, { $role }
share-overview-invited-title = <b>Ждут вашего ответа</b>
share-overview-invited = • <b>{ $name }</b> — от { $inviter }, { $role }
share-overview-hint = <code>/calendars family</code> покажет, у кого есть календарь; <code>/share family @anna</code> поделится им.
share-member = • { $name } — { $role }
share-member-invited = • { $name } — { $role } (приглашение без ответа)
share-members-alone = Больше ни у кого нет доступа: /share { $example } @username
