## Бот: спільні календарі (/share, /calendars, /unshare, /leave), картка запрошення
## з кнопками [Додати до моїх календарів] [Відхилити] і повідомлення власнику про відповідь.
## Ролі — зрозумілими словами: $role — read, write, manage або owner.

share-role =
    { $role ->
        [read] може переглядати
        [write] може редагувати
        [manage] може керувати
        [subscriber] підписка
       *[owner] власник
    }
share-someone = Хтось

## Як користуватися командами

share-usage =
    <b>Поділитися календарем</b>
    <code>/share family @anna</code> — Анна зможе бачити й редагувати його події
    <code>/share family @anna read</code> — зможе лише бачити їх
    <code>/share family 123456789 manage</code> — за Telegram id; вона зможе й сама ділитися календарем
    Якщо у вас лише календар за замовчуванням, досить <code>/share @anna</code>. Людина отримає картку, де зможе додати календар або відмовитися. /calendars — список ваших календарів.
share-unshare-usage = Закрити людині доступ до календаря: <code>/unshare family @anna</code>. /calendars family покаже, у кого він є.
share-leave-usage = Прибрати календар, яким з вами поділилися: <code>/leave family</code>. /calendars покаже їх список.

## Відмови (звичайний текст, без розмітки)

share-not-registered = Ви ще не зареєстровані: спершу надішліть /start.
share-self = Це ви: ваші календарі й так ваші. Поділіться з кимось іншим.
share-owner-already = Ця людина й так власник календаря.
share-invitation-gone = Це запрошення більше не дійсне: на нього вже відповіли, його відкликали або воно було не для вас.
share-leave-own = Це ваш календар, його не можна покинути. Щоб закрити до нього доступ для людини: /unshare <календар> @username.
share-not-a-role = «{ $word }» — це не роль: вкажіть read (перегляд), write (редагування) або manage (керування).
share-not-a-person = «{ $word }» — це не людина: вкажіть її @username або Telegram id.
share-not-started = { $word } ще не запускав(-ла) бота. Попросіть відкрити його й натиснути «Почати», а потім поділіться знову.
share-no-such-calendar = У вас немає календаря «{ $name }». Ваші: { $names }. /calendars покаже список.
share-which-calendar =
    Який календар? { $count ->
        [one] У вас { $count } календар
        [few] У вас { $count } календарі
       *[other] У вас { $count } календарів
    }: { $names }. Спершу назвіть календар, наприклад: /share { $example } @username.
share-not-yours =
    «{ $name }» — календар користувача { $owner }, а ви { $role ->
        [read] можете його лише переглядати
        [write] можете його лише редагувати
       *[manage] можете ним керувати
    }: ділитися ним може лише власник або той, хто може ним керувати.
share-with-whom = З ким поділитися «{ $name }»? Наприклад: /share { $example } @username [read|write|manage].
share-not-shared-with = У { $name } немає доступу до «{ $calendar }». /calendars { $example } покаже, у кого він є.
share-not-member-of = Ніхто не ділився з вами календарем «{ $name }». /calendars покаже ваші.
share-already-added = Ви вже додали «{ $name }». Щоб прибрати його: /leave { $example }.

## Відповіді на /share, /unshare, /leave ($role — уже словами: «може редагувати»)

share-done-member = 👌 У { $member } уже є «{ $calendar }» — { $role }. Нічого не змінилося.
share-done-role-changed = ✅ Права { $member } на «{ $calendar }» змінено: { $role }.
share-done-pending = ⏳ { $member } уже запрошено до «{ $calendar }» ({ $role }), відповіді поки немає. Картка чекає в чаті.
share-done-reinvited = 📨 Запрошення для { $member } до «{ $calendar }» змінено: { $role }. Нова картка вже в дорозі.
share-done-invited = 📨 { $member } запрошено до «{ $calendar }» — { $role }. Прийде картка, де можна додати календар до себе або відмовитися; доки його не додадуть, доступу немає.
share-unshared = ➖ У { $member } більше немає «{ $calendar }».
share-left = 👋 «{ $calendar }» більше немає серед ваших календарів.

## Картка запрошення, відповіді на неї та повідомлення власнику

share-card = 📅 <b>{ $inviter }</b> ділиться з вами календарем «{ $calendar }» — { $role }
share-card-of = 📅 <b>{ $inviter }</b> ділиться з вами календарем «{ $calendar }» (власник: { $owner }) — { $role }
share-card-hint = Додайте його, щоб бачити події тут, у застосунку та у ваших календарних програмах.
share-added = ✅ «{ $calendar }» (власник: { $owner }) тепер серед ваших календарів — { $role }. /calendars покаже їх усі.
share-declined = ➖ Ви відхилили «{ $calendar }» від { $inviter }.
share-tap-added = Додано
share-tap-declined = Відхилено
share-owner-accepted = ✅ { $member } додав(-ла) «{ $calendar }» до своїх календарів.
share-owner-declined = ➖ { $member } відмовився(-лася) від «{ $calendar }».

## /calendars і /calendars <назва>

share-overview-title = 📅 <b>Ваші календарі</b>
share-overview-own =
    { $count ->
        [0] • <b>{ $name }</b> — ваш
       *[other] • <b>{ $name }</b> — ваш, учасників: { $count }
    }
share-overview-shared-title = <b>Доступні вам</b>
share-overview-shared = • <b>{ $name }</b> — власник { $owner }, { $role }
share-overview-invited-title = <b>Чекають на вашу відповідь</b>
share-overview-invited = • <b>{ $name }</b> — від { $inviter }, { $role }
share-overview-hint = <code>/calendars family</code> покаже, у кого є календар; <code>/share family @anna</code> поділиться ним.
share-member = • { $name } — { $role }
share-member-invited = • { $name } — { $role } (запрошення без відповіді)
share-members-alone = Більше ні в кого немає доступу: /share { $example } @username
