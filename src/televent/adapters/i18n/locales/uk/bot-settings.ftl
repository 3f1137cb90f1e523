## /settings, /agenda, /quiet і ранкове зведення в боті.

## /settings: текст над кнопками й кожна кнопка (натискання ставить наступне значення)

bot-settings-text =
    ⚙️ <b>Сповіщення</b> (час за поясом { $zone }). Натисніть, щоб змінити.
    Свій час: <code>/agenda 07:30</code>, <code>/quiet 22:00-07:00</code>, <code>/reminder 20</code>. Мова: /language.
bot-settings-no-email = ✉️ Ви обрали пошту, але до облікового запису не прив'язано адресу, тож листи не надсилаються. Прив'яжіть її: <code>/email you@example.com</code>.
bot-settings-email-to = ✉️ Листи йдуть на { $emails }.
bot-settings-reminders =
    { $minutes ->
        [0] ⏰ Нагадування: вимк.
       *[other] ⏰ Нагадування: за { $minutes } хв
    }
bot-settings-alarms =
    { $state ->
        [on] 🔔 Власні будильники подій: увімк.
       *[off] 🔔 Власні будильники подій: вимк.
    }
bot-settings-cards-telegram =
    { $state ->
        [on] 📨 Запрошення з Televent: увімк.
       *[off] 📨 Запрошення з Televent: вимк.
    }
bot-settings-cards-email =
    { $state ->
        [on] ✉️ Запрошення поштою: увімк.
       *[off] ✉️ Запрошення поштою: вимк.
    }
bot-settings-notices =
    { $which ->
        [all] 📣 Відповіді на мої події: усі
        [declines] 📣 Відповіді на мої події: лише відмови
       *[none] 📣 Відповіді на мої події: жодних
    }
bot-settings-quiet = 🌙 Тихі години: { $hours }
bot-settings-quiet-off = 🌙 Тихі години: вимк.
bot-settings-quiet-reminders =
    { $how ->
        [keep] ⏰ Нагадування в тихі години: надсилати
       *[hold] ⏰ Нагадування в тихі години: притримувати
    }
bot-settings-agenda = ☀️ Ранкове зведення: { $time }
bot-settings-agenda-off = ☀️ Ранкове зведення: вимк.
bot-settings-agenda-empty =
    { $state ->
        [on] 📭 Зведення в дні без подій: увімк.
       *[off] 📭 Зведення в дні без подій: вимк.
    }
bot-settings-channel =
    { $kind ->
        [reminders] ⏰ Нагадування
        [agenda] ☀️ Зведення
       *[notices] 📣 Сповіщення
    } — { $where ->
        [telegram] у Telegram
        [email] на пошту
        [both] у Telegram і на пошту
       *[none] нікуди
    }
bot-settings-clock =
    { $cycle ->
        [h24] 🕒 Час: 24 години
        [h12] 🕒 Час: 12 годин (AM/PM)
       *[auto] 🕒 Час: як прийнято в моїй мові
    }

## /agenda і /quiet

bot-agenda-none = ☀️ Ранкового зведення немає. Отримуйте його щодня: <code>/agenda 07:30</code> (за вашим часом).
bot-agenda-status =
    { $empty ->
        [yes] ☀️ Зведення приходить щодня о <b>{ $time }</b> ({ $zone }); наступне: { $next }. <code>/agenda off</code> — вимкнути.
       *[no] ☀️ Зведення приходить щодня о <b>{ $time }</b> ({ $zone }), крім днів без подій; наступне: { $next }. <code>/agenda off</code> — вимкнути.
    }
bot-agenda-how = Вкажіть час, наприклад <code>/agenda 07:30</code>, або <code>/agenda off</code>.
bot-quiet-none = 🌙 Тихих годин немає. Задайте їх: <code>/quiet 22:00-07:00</code> (за вашим часом).
bot-quiet-status =
    { $reminders ->
        [keep] 🌙 Тихі години { $hours } ({ $zone }): повідомлення чекають їхнього завершення; нагадування приходять як завжди (/settings). <code>/quiet off</code> — вимкнути.
       *[hold] 🌙 Тихі години { $hours } ({ $zone }): повідомлення чекають їхнього завершення; нагадування теж чекають (/settings). <code>/quiet off</code> — вимкнути.
    }
bot-quiet-how = Вкажіть початок і кінець, наприклад <code>/quiet 22:00-07:00</code>, або <code>/quiet off</code>.

## Ранкове зведення (приходить, коли в людини настає ранок)

bot-agenda-nothing = На сьогодні нічого не заплановано.
bot-agenda-unreadable =
    { $count ->
        [one] ({ $count } подію не вдалося показати)
        [few] ({ $count } події не вдалося показати)
       *[other] ({ $count } подій не вдалося показати)
    }
bot-agenda-conflicts = ⚠️ позначено події, що перетинаються.
bot-agenda-awaiting = ⏳ чекає вашої відповіді
