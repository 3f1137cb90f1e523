## Бот в особистому чаті: /start, /help, часові пояси, списки, пристрої, експорт, видалення,
## /app, меню команд і відповіді на те, чого бот не зрозумів.

## /start і /help (/команди не перекладаються: їх так і набирають)

bot-welcome =
    👋 Привіт, { $name }! Я веду ваш календар просто тут, у Telegram.
    • /create — подія одним рядком: <code>/create Планерка, завтра 15:00, 1 год</code>
    • Запрошуйте людей і відповідайте на запрошення одним дотиком.
    • Синхронізація з Apple Calendar, Thunderbird або DAVx5: /device add laptop
bot-help =
    <b>Команди Televent</b>
    /create <i>назва, коли[, тривалість][, місце]</i> — наприклад, <code>/create Стоматолог, пт 9:30, 45 хв</code>
    /today, /tomorrow, /week — що заплановано; /list — усе, що попереду
    /app — застосунок-календар (місяць, тиждень, день) і посилання для входу в браузері
    /event <i>id</i> — подробиці й кнопки: запросити, скасувати, експортувати
    /invite <i>id</i> <i>@username | Telegram id | email …</i> — запросити людей
    /attendees <i>id</i> — хто прийняв, відхилив чи ще не відповів
    /rsvp <i>accept | tentative | decline</i> <i>id</i> — відповісти на запрошення
    /cancel <i>id</i> — скасувати свою подію (без id — вийти з діалогу)
    /calendars — ваші календарі й запрошення; /calendars <i>назва</i> — у кого він є
    /share <i>календар @username</i> [read | write | manage] — наприклад, <code>/share родина @anna</code>
    /unshare <i>календар @username</i> — закрити доступ; /leave <i>календар</i> — вийти зі спільного
    /timezone <i>місто або пояс</i> — наприклад, <code>/timezone Київ</code>
    /language — мова, якою я з вами розмовляю
    /reminder <i>хвилини</i> — за скільки хвилин до події нагадувати (0 — не нагадувати)
    /agenda <i>ГГ:ХХ</i> | off — план на день щоранку в цей час
    /quiet <i>ГГ:ХХ-ГГ:ХХ</i> | off — тихі години: повідомлення чекають їхнього завершення
    /settings — сповіщення: нагадування, запрошення, відповіді, тихі години, зведення, формат часу
    /email — ваша адреса для запрошень; /email <i>you@example.com</i> прив'язує пошту (надішлемо код)
    /availability <i>дні години</i> — коли до вас можна записатися: <code>/availability mon-fri 9-17</code>
    /booking new <i>slug хвилини назва</i> | list | pause | resume | delete — посилання для запису
    /device add <i>ім'я</i> | list | revoke <i>ім'я</i> — паролі для CalDAV-застосунків
    /export — ваш календар файлом .ics
    📥 Надішліть файл .ics, щоб імпортувати його події (у підписі можна вказати календар)
    🔗 /subscribe <i>посилання webcal:// або https://</i> — календар, що стежить за фідом (свята, школа, робота); /subscriptions — ваші підписки
    🔄 /google — підключити Google Календар, в обидва боки
    /deleteaccount — видалити ваші дані (через 30 днів, можна передумати)
    Id — короткі коди зі списків, наприклад <code>a1b2c3</code>.

## Часовий пояс і нагадування

bot-zone-ask = 🌍 Ваш часовий пояс: <b>{ $zone }</b>. Натисніть свій або напишіть місто (наприклад, <i>Київ</i>, <i>Берлін</i>) чи назву пояса:
bot-zone-set = ✅ Часовий пояс: <b>{ $zone }</b>. Спробуйте <code>/create Обід, завтра 13:00</code> або /help.
bot-zone-tapped = Часовий пояс: { $zone }
bot-reminder-current =
    { $minutes ->
        [0] Нагадування вимкнено. Увімкнути: <code>/reminder 15</code> (хвилин до події).
        [one] Я нагадую за { $minutes } хвилину до події. Змінити: <code>/reminder 30</code> (0 — не нагадувати).
        [few] Я нагадую за { $minutes } хвилини до події. Змінити: <code>/reminder 30</code> (0 — не нагадувати).
       *[other] Я нагадую за { $minutes } хвилин до події. Змінити: <code>/reminder 30</code> (0 — не нагадувати).
    }
bot-reminder-set =
    { $minutes ->
        [0] Нагадування вимкнено.
        [one] ⏰ Нагадаю за { $minutes } хвилину.
        [few] ⏰ Нагадаю за { $minutes } хвилини.
       *[other] ⏰ Нагадаю за { $minutes } хвилин.
    }

## Списки: /today, /tomorrow, /week, /list

bot-list-today = Сьогодні
bot-list-tomorrow = Завтра
bot-list-week = Цей тиждень
bot-list-coming-up =
    { $days ->
        [one] Попереду (наступний { $days } день)
        [few] Попереду (наступні { $days } дні)
       *[other] Попереду (наступні { $days } днів)
    }
bot-list-page = { $title } — { $first }–{ $last } з { $total }
bot-list-empty = Нічого не заплановано. Додайте подію командою /create.
bot-list-more = … і ще { $count }. /list покаже все, сторінка за сторінкою.
bot-more = … і ще { $count }.
bot-list-cancelled = <s>{ $title }</s> (скасовано)
bot-list-people = 👥 { $accepted }/{ $invited }
bot-left-out-shown =
    { $count ->
        [one] ⚠️ { $count } подію не вдалося показати: її дані календаря не читаються.
        [few] ⚠️ { $count } події не вдалося показати: їхні дані календаря не читаються.
       *[other] ⚠️ { $count } подій не вдалося показати: їхні дані календаря не читаються.
    }
bot-left-out-exported =
    { $count ->
        [one] ⚠️ { $count } подію не вдалося експортувати: її дані календаря не читаються.
        [few] ⚠️ { $count } події не вдалося експортувати: їхні дані календаря не читаються.
       *[other] ⚠️ { $count } подій не вдалося експортувати: їхні дані календаря не читаються.
    }

## Пристрої (паролі CalDAV)

bot-device-usage =
    Кожен пристрій має власний пароль CalDAV:
    <code>/device add laptop</code> — новий пароль (показується один раз)
    <code>/device list</code> — ваші пристрої
    <code>/device revoke laptop</code> — зупинити синхронізацію пристрою
bot-device-none = Пристроїв поки немає.
bot-device-added =
    🔑 Пароль для <b>{ $name }</b> (показую лише зараз):
    { $password }

    В Apple Calendar, Thunderbird або DAVx5 додайте обліковий запис CalDAV:
    • Сервер: { $server }
    • Ім'я користувача: { $user }
    • Пароль: той, що вище
    Відкликати його можна будь-коли: { $revoke }.
bot-device-list = <b>Ваші пристрої</b>
bot-device-line = • { $name } — з { $since }
bot-device-line-used = • { $name } — з { $since }, остання синхронізація { $used }
bot-device-revoked = 🚫 { $name } більше не синхронізується.

## /export і /deleteaccount

bot-export-caption = 📤 Ваш календар. Відкрийте файл у будь-якому застосунку-календарі, щоб імпортувати його.
bot-erase-ask = ⚠️ Видалити обліковий запис? Календар, пристрої та відповіді буде стерто через 30 днів; доти можна передумати командою /keepaccount.
bot-erase-already = Ваші дані вже заплановано видалити { $day }. Скасувати: /keepaccount.
bot-erase-scheduled = 🗑 Ваші дані буде видалено <b>{ $day }</b>. Передумали? Надішліть /keepaccount до цього дня.
bot-erase-scheduled-tapped = Заплановано
bot-erase-kept = 👍 Нічого не буде видалено.
bot-erase-nothing = Видалення не заплановано. 👍
bot-erase-cancelled = ✅ Видалення скасовано, обліковий запис залишається.

## /app: застосунок-календар і посилання для входу в браузері

bot-app-not-served = 📅 Застосунок-календар на цьому сервері недоступний. /help — що я вмію тут.
bot-app-link-rules = Посилання працює один раз і спливає через { $lifetime }; воно входить у ваш обліковий запис, не діліться ним.
calendar-default-name = Календар
bot-menu-button = Календар
bot-app-open = 📅 Ваш календар: місяць, тиждень, день і список. Натисніть <b>Відкрити календар</b>.
bot-app-browser = 🌐 За комп'ютером? <b>Відкрити в браузері</b> — вхід там. { $rules }
bot-app-needs-https = 📅 Тут застосунок-календар не відкриється всередині Telegram. Telegram відкриває застосунки лише за адресою HTTPS: для цього адміністратор сервера вказує в <code>TELEVENT_PUBLIC_URL</code> його адресу <code>https://</code>.
bot-app-no-links = Посилання для браузера на цьому сервері теж не ввімкнено.
bot-app-browser-link = 🌐 Відкрийте його в браузері за цим посиланням. { $rules }

## Меню команд (Telegram показує поруч із кожною /командою; не довше 256 символів)

bot-cmd-today = Що сьогодні
bot-cmd-tomorrow = Що завтра
bot-cmd-week = Найближчі сім днів
bot-cmd-list = Усе, що попереду
bot-cmd-app = Застосунок-календар: місяць, тиждень, день
bot-cmd-create = Нова подія: /create Планерка, завтра 15:00, 1 год
bot-cmd-event = Подробиці події: /event a1b2c3
bot-cmd-invite = Запросити: /invite a1b2c3 @anna
bot-cmd-attendees = Хто прийде: /attendees a1b2c3
bot-cmd-rsvp = Відповісти: /rsvp accept a1b2c3
bot-cmd-cancel = Скасувати подію або вийти з діалогу
bot-cmd-calendars = Ваші календарі, спільні з вами, запрошення
bot-cmd-share = Поділитися календарем: /share родина @anna [read|write|manage]
bot-cmd-subscribe = Підписатися на фід календаря: /subscribe webcal://…
bot-cmd-google = Підключити Google Календар
bot-cmd-calendar = У групі: календар групи, [Підключити календар]
bot-cmd-timezone = Ваш часовий пояс
bot-cmd-language = Мова спілкування: /language uk
bot-cmd-reminder = За скільки хвилин нагадувати про події
bot-cmd-agenda = План на день щоранку: /agenda 07:30 або off
bot-cmd-settings = Сповіщення: нагадування, запрошення, тихі години
bot-cmd-email = Адреса для запрошень; прив'язати пошту: /email you@example.com
bot-cmd-availability = Коли до вас можна записатися: /availability mon-fri 09:00-17:00
bot-cmd-booking = Посилання для запису: /booking new intro 30 Знайомство
bot-cmd-device = Паролі CalDAV: add, list, revoke
bot-cmd-export = Ваш календар файлом .ics
bot-cmd-deleteaccount = Видалити ваші дані (через 30 днів)
bot-cmd-help = Усі команди з прикладами

## Чого бот не зрозумів, і короткі відповіді на натискання

bot-fallback-command = 🤔 Я не знаю команди /{ $command }. /help — що я вмію.
bot-fallback-command-close = 🤔 Я не знаю команди /{ $command }. Може, /{ $close }? /help — що я вмію.
bot-fallback-not-text = Я читаю лише текстові повідомлення. /help — що я вмію.
bot-fallback-text =
    🤔 Не зовсім зрозумів. Щоб додати подію, спробуйте
    { $example }
    або /help — усе, що я вмію.
bot-stale-button = Ця кнопка вже не діє.
bot-dialogue-left = Гаразд, скасовано. 👍
bot-dialogue-none = Скасовувати нічого. /help — список команд.
bot-not-registered = Ви ще не зареєстровані: спершу надішліть /start.
bot-saved-tapped = Збережено
bot-kept-tapped = Залишено
bot-done-tapped = Готово
bot-someone = Хтось
