## /settings, /agenda, /quiet и утренняя сводка в боте.

## /settings: текст над кнопками и каждая кнопка (нажатие ставит следующее значение)

bot-settings-text =
    ⚙️ <b>Уведомления</b> (время по поясу { $zone }). Нажмите, чтобы изменить.
    Своё время: <code>/agenda 07:30</code>, <code>/quiet 22:00-07:00</code>, <code>/reminder 20</code>. Язык: /language.
bot-settings-no-email = ✉️ Вы выбрали почту, но к учётной записи не привязан адрес, поэтому письма не отправляются. Привяжите его: <code>/email you@example.com</code>.
bot-settings-email-to = ✉️ Письма идут на { $emails }.
bot-settings-reminders =
    { $minutes ->
        [0] ⏰ Напоминания: выкл.
       *[other] ⏰ Напоминания: за { $minutes } мин
    }
bot-settings-alarms =
    { $state ->
        [on] 🔔 Собственные будильники событий: вкл.
       *[off] 🔔 Собственные будильники событий: выкл.
    }
bot-settings-cards-telegram =
    { $state ->
        [on] 📨 Приглашения из Televent: вкл.
       *[off] 📨 Приглашения из Televent: выкл.
    }
bot-settings-cards-email =
    { $state ->
        [on] ✉️ Приглашения по почте: вкл.
       *[off] ✉️ Приглашения по почте: выкл.
    }
bot-settings-notices =
    { $which ->
        [all] 📣 Ответы на мои события: все
        [declines] 📣 Ответы на мои события: только отказы
       *[none] 📣 Ответы на мои события: никакие
    }
bot-settings-quiet = 🌙 Тихие часы: { $hours }
bot-settings-quiet-off = 🌙 Тихие часы: выкл.
bot-settings-quiet-reminders =
    { $how ->
        [keep] ⏰ Напоминания в тихие часы: присылать
       *[hold] ⏰ Напоминания в тихие часы: придерживать
    }
bot-settings-agenda = ☀️ Утренняя сводка: { $time }
bot-settings-agenda-off = ☀️ Утренняя сводка: выкл.
bot-settings-agenda-empty =
    { $state ->
        [on] 📭 Сводка в дни без событий: вкл.
       *[off] 📭 Сводка в дни без событий: выкл.
    }
bot-settings-channel =
    { $kind ->
        [reminders] ⏰ Напоминания
        [agenda] ☀️ Сводка
       *[notices] 📣 Уведомления
    } — { $where ->
        [telegram] в Telegram
        [email] на почту
        [both] в Telegram и на почту
       *[none] никуда
    }
bot-settings-clock =
    { $cycle ->
        [h24] 🕒 Время: 24 часа
        [h12] 🕒 Время: 12 часов (AM/PM)
       *[auto] 🕒 Время: как принято в моём языке
    }

## /agenda и /quiet

bot-agenda-none = ☀️ Утренней сводки нет. Получайте её каждый день: <code>/agenda 07:30</code> (по вашему времени).
bot-agenda-status =
    { $empty ->
        [yes] ☀️ Сводка приходит каждый день в <b>{ $time }</b> ({ $zone }); следующая: { $next }. <code>/agenda off</code> — выключить.
       *[no] ☀️ Сводка приходит каждый день в <b>{ $time }</b> ({ $zone }), кроме дней без событий; следующая: { $next }. <code>/agenda off</code> — выключить.
    }
bot-agenda-how = Укажите время, например <code>/agenda 07:30</code>, или <code>/agenda off</code>.
bot-quiet-none = 🌙 Тихих часов нет. Задайте их: <code>/quiet 22:00-07:00</code> (по вашему времени).
bot-quiet-status =
    { $reminders ->
        [keep] 🌙 Тихие часы { $hours } ({ $zone }): сообщения ждут их окончания; напоминания приходят как обычно (/settings). <code>/quiet off</code> — выключить.
       *[hold] 🌙 Тихие часы { $hours } ({ $zone }): сообщения ждут их окончания; напоминания тоже ждут (/settings). <code>/quiet off</code> — выключить.
    }
bot-quiet-how = Укажите начало и конец, например <code>/quiet 22:00-07:00</code>, или <code>/quiet off</code>.

## Утренняя сводка (приходит, когда у человека наступает утро)

bot-agenda-nothing = На сегодня ничего не запланировано.
bot-agenda-unreadable =
    { $count ->
        [one] ({ $count } событие не удалось показать)
        [few] ({ $count } события не удалось показать)
       *[other] ({ $count } событий не удалось показать)
    }
bot-agenda-conflicts = ⚠️ отмечены пересекающиеся события.
bot-agenda-awaiting = ⏳ ждёт вашего ответа
