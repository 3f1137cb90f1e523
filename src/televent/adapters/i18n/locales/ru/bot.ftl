## Бот в личном чате: /start, /help, часовые пояса, списки, устройства, экспорт, удаление,
## /app, меню команд и ответы на то, что бот не понял.

## /start и /help (/команды не переводятся: их так и набирают)

bot-welcome =
    👋 Привет, { $name }! Я веду ваш календарь прямо здесь, в Telegram.
    • /create — событие одной строкой: <code>/create Планёрка, завтра 15:00, 1ч</code>
    • Приглашайте людей и отвечайте на приглашения одним нажатием.
    • Синхронизация с Apple Calendar, Thunderbird или DAVx5: /device add laptop
bot-help =
    <b>Команды Televent</b>
    /create <i>название, когда[, длительность][, место]</i> — например, <code>/create Стоматолог, пт 9:30, 45 мин</code>
    /today, /tomorrow, /week — что запланировано; /list — всё предстоящее
    /app — приложение-календарь (месяц, неделя, день) и ссылка для входа в браузере
    /event <i>id</i> — подробности и кнопки: пригласить, отменить, экспортировать
    /invite <i>id</i> <i>@username | Telegram id | email …</i> — пригласить людей
    /attendees <i>id</i> — кто принял, отклонил или ещё не ответил
    /rsvp <i>accept | tentative | decline</i> <i>id</i> — ответить на приглашение
    /cancel <i>id</i> — отменить своё событие (без id — выйти из диалога)
    /calendars — ваши календари и приглашения; /calendars <i>название</i> — у кого он есть
    /share <i>календарь @username</i> [read | write | manage] — например, <code>/share семья @anna</code>
    /unshare <i>календарь @username</i> — закрыть доступ; /leave <i>календарь</i> — выйти из общего
    /timezone <i>город или пояс</i> — например, <code>/timezone Москва</code>
    /language — язык, на котором я с вами говорю
    /reminder <i>минуты</i> — за сколько минут до события напоминать (0 — не напоминать)
    /agenda <i>ЧЧ:ММ</i> | off — план на день каждое утро в это время
    /quiet <i>ЧЧ:ММ-ЧЧ:ММ</i> | off — тихие часы: сообщения ждут их окончания
    /settings — уведомления: напоминания, приглашения, ответы, тихие часы, сводка, формат времени
    /email — ваш адрес для приглашений; /email <i>you@example.com</i> привязывает почту (пришлём код)
    /availability <i>дни часы</i> — когда к вам можно записаться: <code>/availability mon-fri 9-17</code>
    /booking new <i>slug минуты название</i> | list | pause | resume | delete — ссылки для записи
    /device add <i>имя</i> | list | revoke <i>имя</i> — пароли для CalDAV-приложений
    /export — ваш календарь файлом .ics
    📥 Пришлите файл .ics, чтобы импортировать его события (в подписи можно указать календарь)
    🔗 /subscribe <i>ссылка webcal:// или https://</i> — календарь, который следит за фидом (праздники, школа, работа); /subscriptions — ваши подписки
    🔄 /google — подключить Google Календарь, в обе стороны
    /deleteaccount — удалить ваши данные (через 30 дней, можно передумать)
    Id — короткие коды из списков, например <code>a1b2c3</code>.

## Часовой пояс и напоминания

bot-zone-ask = 🌍 Ваш часовой пояс: <b>{ $zone }</b>. Нажмите свой или напишите город (например, <i>Москва</i>, <i>Берлин</i>) или название пояса:
bot-zone-set = ✅ Часовой пояс: <b>{ $zone }</b>. Попробуйте <code>/create Обед, завтра 13:00</code> или /help.
bot-zone-tapped = Часовой пояс: { $zone }
bot-reminder-current =
    { $minutes ->
        [0] Напоминания выключены. Включить: <code>/reminder 15</code> (минут до события).
        [one] Я напоминаю за { $minutes } минуту до события. Изменить: <code>/reminder 30</code> (0 — не напоминать).
        [few] Я напоминаю за { $minutes } минуты до события. Изменить: <code>/reminder 30</code> (0 — не напоминать).
       *[other] Я напоминаю за { $minutes } минут до события. Изменить: <code>/reminder 30</code> (0 — не напоминать).
    }
bot-reminder-set =
    { $minutes ->
        [0] Напоминания выключены.
        [one] ⏰ Напомню за { $minutes } минуту.
        [few] ⏰ Напомню за { $minutes } минуты.
       *[other] ⏰ Напомню за { $minutes } минут.
    }

## Списки: /today, /tomorrow, /week, /list

bot-list-today = Сегодня
bot-list-tomorrow = Завтра
bot-list-week = Эта неделя
bot-list-coming-up =
    { $days ->
        [one] Предстоящее (следующий { $days } день)
        [few] Предстоящее (следующие { $days } дня)
       *[other] Предстоящее (следующие { $days } дней)
    }
bot-list-page = { $title } — { $first }–{ $last } из { $total }
bot-list-empty = Ничего не запланировано. Добавьте событие командой /create.
bot-list-more =
    { $count ->
        [one] … и ещё { $count }. /list покажет всё, по страницам.
       *[other] … и ещё { $count }. /list покажет всё, по страницам.
    }
bot-more = … и ещё { $count }.
bot-list-cancelled = <s>{ $title }</s> (отменено)
bot-list-people = 👥 { $accepted }/{ $invited }
bot-left-out-shown =
    { $count ->
        [one] ⚠️ { $count } событие не удалось показать: его данные календаря не читаются.
        [few] ⚠️ { $count } события не удалось показать: их данные календаря не читаются.
       *[other] ⚠️ { $count } событий не удалось показать: их данные календаря не читаются.
    }
bot-left-out-exported =
    { $count ->
        [one] ⚠️ { $count } событие не удалось экспортировать: его данные календаря не читаются.
        [few] ⚠️ { $count } события не удалось экспортировать: их данные календаря не читаются.
       *[other] ⚠️ { $count } событий не удалось экспортировать: их данные календаря не читаются.
    }

## Устройства (пароли CalDAV)

bot-device-usage =
    У каждого устройства свой пароль CalDAV:
    <code>/device add laptop</code> — новый пароль (показывается один раз)
    <code>/device list</code> — ваши устройства
    <code>/device revoke laptop</code> — остановить синхронизацию устройства
bot-device-none = Устройств пока нет.
bot-device-added =
    🔑 Пароль для <b>{ $name }</b> (показываю только сейчас):
    { $password }

    В Apple Calendar, Thunderbird или DAVx5 добавьте учётную запись CalDAV:
    • Сервер: { $server }
    • Имя пользователя: { $user }
    • Пароль: тот, что выше
    Отозвать его можно в любой момент: { $revoke }.
bot-device-list = <b>Ваши устройства</b>
bot-device-line = • { $name } — с { $since }
bot-device-line-used = • { $name } — с { $since }, последняя синхронизация { $used }
bot-device-revoked = 🚫 { $name } больше не синхронизируется.

## /export и /deleteaccount

bot-export-caption = 📤 Ваш календарь. Откройте файл в любом приложении-календаре, чтобы импортировать его.
bot-erase-ask = ⚠️ Удалить учётную запись? Календарь, устройства и ответы будут стёрты через 30 дней; до тех пор можно передумать командой /keepaccount.
bot-erase-already = Ваши данные уже запланированы к удалению { $day }. Отменить: /keepaccount.
bot-erase-scheduled = 🗑 Ваши данные будут удалены <b>{ $day }</b>. Передумали? Отправьте /keepaccount до этого дня.
bot-erase-scheduled-tapped = Запланировано
bot-erase-kept = 👍 Ничего не будет удалено.
bot-erase-nothing = Удаление не запланировано. 👍
bot-erase-cancelled = ✅ Удаление отменено, учётная запись остаётся.

## /app: приложение-календарь и ссылка для входа в браузере

bot-app-not-served = 📅 Приложение-календарь на этом сервере недоступно. /help — что я умею здесь.
bot-app-link-rules = Ссылка работает один раз и истекает через { $lifetime }; она входит в ваш аккаунт, не делитесь ею.
calendar-default-name = Календарь
bot-menu-button = Календарь
bot-app-open = 📅 Ваш календарь: месяц, неделя, день и список. Нажмите <b>Открыть календарь</b>.
bot-app-browser = 🌐 За компьютером? <b>Открыть в браузере</b> — вход там. { $rules }
bot-app-needs-https = 📅 Здесь приложение-календарь не откроется внутри Telegram. Telegram открывает приложения только по адресу HTTPS: для этого администратор сервера указывает в <code>TELEVENT_PUBLIC_URL</code> его адрес <code>https://</code>.
bot-app-no-links = Ссылки для браузера на этом сервере тоже не включены.
bot-app-browser-link = 🌐 Откройте его в браузере по этой ссылке. { $rules }

## Меню команд (Telegram показывает рядом с каждой /командой; не длиннее 256 знаков)

bot-cmd-today = Что сегодня
bot-cmd-tomorrow = Что завтра
bot-cmd-week = Ближайшие семь дней
bot-cmd-list = Всё предстоящее
bot-cmd-app = Приложение-календарь: месяц, неделя, день
bot-cmd-create = Новое событие: /create Планёрка, завтра 15:00, 1ч
bot-cmd-event = Подробности события: /event a1b2c3
bot-cmd-invite = Пригласить: /invite a1b2c3 @anna
bot-cmd-attendees = Кто придёт: /attendees a1b2c3
bot-cmd-rsvp = Ответить: /rsvp accept a1b2c3
bot-cmd-cancel = Отменить событие или выйти из диалога
bot-cmd-calendars = Ваши календари, общие с вами, приглашения
bot-cmd-share = Поделиться календарём: /share семья @anna [read|write|manage]
bot-cmd-subscribe = Подписаться на фид календаря: /subscribe webcal://…
bot-cmd-google = Подключить Google Календарь
bot-cmd-calendar = В группе: календарь группы, [Подключить календарь]
bot-cmd-timezone = Ваш часовой пояс
bot-cmd-language = Язык общения: /language ru
bot-cmd-reminder = За сколько минут напоминать о событиях
bot-cmd-agenda = План на день каждое утро: /agenda 07:30 или off
bot-cmd-settings = Уведомления: напоминания, приглашения, тихие часы
bot-cmd-email = Адрес для приглашений; привязать почту: /email you@example.com
bot-cmd-availability = Когда к вам можно записаться: /availability mon-fri 09:00-17:00
bot-cmd-booking = Ссылки для записи: /booking new intro 30 Знакомство
bot-cmd-device = Пароли CalDAV: add, list, revoke
bot-cmd-export = Ваш календарь файлом .ics
bot-cmd-deleteaccount = Удалить ваши данные (через 30 дней)
bot-cmd-help = Все команды с примерами

## Что бот не понял, и короткие ответы на нажатия

bot-fallback-command = 🤔 Я не знаю команды /{ $command }. /help — что я умею.
bot-fallback-command-close = 🤔 Я не знаю команды /{ $command }. Может быть, /{ $close }? /help — что я умею.
bot-fallback-not-text = Я читаю только текстовые сообщения. /help — что я умею.
bot-fallback-text =
    🤔 Не совсем понял. Чтобы добавить событие, попробуйте
    { $example }
    или /help — всё, что я умею.
bot-stale-button = Эта кнопка больше не действует.
bot-dialogue-left = Хорошо, отменено. 👍
bot-dialogue-none = Отменять нечего. /help — список команд.
bot-not-registered = Вы ещё не зарегистрированы: сначала отправьте /start.
bot-saved-tapped = Сохранено
bot-kept-tapped = Оставлено
bot-done-tapped = Готово
bot-someone = Кто-то
