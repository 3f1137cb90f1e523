## Бот в группе Telegram: календарь группы, карточки событий с ✅ ❔ ❌ и счётчиком ответов,
## [Подключить календарь] и настройки для админов. Карточки — на языке владельца календаря
## группы; ответы на команду или нажатие — на языке того, кто написал или нажал.

group-button-going = ✅ Иду
group-button-maybe = ❔ Может быть
group-button-cant = ❌ Не смогу
group-button-who = 👥 Кто
group-button-join = 📅 Подключить календарь
group-button-open = 🗓 Открыть календарь

## Карточка события

group-tally = ✅ { $going } · ❔ { $maybe } · ❌ { $cant }
group-card-cancelled = <s>{ $title }</s> (отменено)
group-no-title = (без названия)
group-who-nobody = Пока никто не ответил.
group-noted = { $icon } Отмечено
group-someone = кто-то
group-user = Пользователь { $id }

## Команды в группе

group-help =
    📅 <b>Календарь этой группы</b>
    /create <i>что, когда[, сколько][, где]</i> — добавить событие, например <code>/create Обед с командой, пятница 13:00, 1h</code>
    /today, /tomorrow, /week, /list — что запланировано
    /calendar — календарь, кнопка [Подключить календарь] и настройки
    Нажмите ✅ ❔ ❌ под событием, чтобы ответить. Для всего остального напишите мне в личку.
group-create-usage = 📝 Напишите, что и когда, например <code>/create Обед с командой, пятница 13:00, 1h, Кафе «Центральное»</code>
group-not-here = Это работает в личном чате со мной; в группе я понимаю /create, /week и /calendar.
group-wrong-group = Эта кнопка из другой группы.
group-stale = Эта кнопка здесь больше не работает.
group-settings-usage = Для админов: <code>/calendar edit on|off</code> (участники могут добавлять события) и <code>/calendar reminders on|off</code> (напоминания о событиях здесь, в группе).
group-listing-title =
    { $command ->
        [today] Сегодня
        [tomorrow] Завтра
        [week] На этой неделе
       *[list] Скоро
    }

## Календарь группы ($edit: members или admins; $reminders: on или off)

group-opened =
    📅 Теперь у группы есть календарь: <b>{ $title }</b> (ведёт { $owner }).
    Нажмите [Подключить календарь], чтобы видеть его в своих календарях, на телефоне и в приложениях.
group-about =
    { $count ->
        [one] 📅 <b>{ $title }</b> — ведёт { $owner }, подключил { $count } участник
        [few] 📅 <b>{ $title }</b> — ведёт { $owner }, подключили { $count } участника
       *[other] 📅 <b>{ $title }</b> — ведёт { $owner }, подключили { $count } участников
    }
group-about-settings =
    ⚙️ { $edit ->
        [members] участники добавляют события
       *[admins] только просмотр: события добавляют админы
    }; напоминания здесь { $reminders ->
        [on] включены
       *[off] выключены
    }
group-joined-owner = «{ $title }» — ваш календарь: он уже среди ваших календарей.
group-joined = «{ $title }» теперь среди ваших календарей — { $role }.
group-members-edit-on = ✅ Участники могут добавлять события.
group-members-edit-off = ✅ Только просмотр: события добавляют админы.
group-reminders-on = ✅ Напоминания будут приходить сюда.
group-reminders-off = ✅ Напоминаний здесь не будет.
group-welcome-back = 👋 Я снова здесь: календарь <b>{ $title }</b> на месте, всё как было. /week покажет, что запланировано.
group-welcome = 👋 Привет! /create добавит событие в календарь этой группы, /calendar покажет его.

## Отказы

group-gone = Календаря этой группы больше нет: отправьте /calendar, чтобы завести новый.
group-no-calendar = У этой группы ещё нет календаря: сначала отправьте /calendar.
group-not-an-event = Это не событие.
group-not-in-calendar = Этого события нет в календаре группы.
