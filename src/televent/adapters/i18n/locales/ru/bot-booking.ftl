## Бот: /availability (когда к вам можно записаться), /booking (ссылки для записи) и сообщения
## владельцу, когда кто-то записался, отменил или перенёс запись.
## Слова команд (mon-fri, off, weekly, default, new, list, pause…) остаются как есть.

## /availability ($days: «пн–пт», $hours: «09:00–17:00», по часам читателя)

booking-bot-examples =
    <code>/availability mon-fri 09:00-12:00 13:00-17:00</code> — часы на каждую неделю
    <code>/availability sat 10:00-14:00</code> — один день недели
    <code>/availability sat off</code> — в этот день недели записи нет
    <code>/availability 2026-12-24 off</code> — выходной
    <code>/availability 2026-12-27 10:00-14:00</code> — другие часы в одну дату
    <code>/availability 2026-12-24 weekly</code> — эта дата снова как обычно
    <code>/availability default</code> — вернуть { $days } { $hours }
booking-bot-hours-title = 🗓 <b>Когда к вам можно записаться</b>
booking-bot-hours-default-title = 🗓 <b>Когда к вам можно записаться</b> (по умолчанию: вы ещё не задали свои часы)
booking-bot-zone = Часовой пояс: { $zone }
booking-bot-off = нет записи
booking-bot-dates-title = <b>Даты с особыми часами</b>
booking-bot-change-them = <b>Как изменить</b>
booking-bot-examples-title = <b>Примеры</b>
booking-bot-saved = ✅ Сохранено.
booking-bot-which-days = Напишите, в какие дни и часы.
booking-bot-not-a-date = { $text } — не дата (ГГГГ-ММ-ДД).
booking-bot-past = { $day } уже прошло.
booking-bot-days-backwards = { $text }: первый день идёт после последнего (попробуйте mon-fri).
booking-bot-unknown-day = Не знаю такого дня: «{ $text }». Начните с дня недели (mon, tue, …, mon-fri, weekend, пн, вт, …) или даты вроде 2026-12-24.
booking-bot-no-hours = Укажите часы после дня, например <code>09:00-17:00</code> (несколько промежутков через пробел), или <code>off</code>.
booking-bot-not-a-range = «{ $text }» — не промежуток времени; пишите так: <code>09:00-17:00</code>.

## /booking ($length: «30 минут»; $state: active или paused)

booking-bot-usage =
    🔗 <b>Ссылки для записи</b> позволяют записаться к вам на веб-странице — в ваши часы из /availability и в обход событий, которые уже есть в календаре.
    <code>/booking new intro 30 Знакомство</code> — ссылка на 30 минут по адресу /book/intro
    <code>/booking list</code> — ваши ссылки, их адреса и ближайшие записи
    <code>/booking pause intro</code> / <code>/booking resume intro</code> — остановить или снова принимать записи
    <code>/booking delete intro</code> — удалить ссылку (записи останутся в календаре)
    Перерывы, минимальный срок, горизонт и вопросы: Настройки → Запись в приложении календаря (/app).
booking-bot-new-usage = ⚠️ Укажите короткое имя для адреса, минуты и название, например <code>/booking new intro 30 Знакомство</code>.
booking-bot-created =
    🔗 <b>{ $title }</b> ({ $length }) готова. Поделитесь этим адресом:
    { $url }
    Записаться можно в ваши часы из /availability, в обход ваших событий. <code>/booking pause { $slug }</code> приостановит её.
booking-bot-no-links = У вас пока нет ссылок для записи.
booking-bot-list-title = 🔗 <b>Ваши ссылки для записи</b>
booking-bot-list-item =
    <b>{ $title }</b> — { $length }, { $state ->
        [active] активна
       *[paused] ⏸ на паузе
    }, { $count ->
        [one] { $count } предстоящая запись
        [few] { $count } предстоящие записи
       *[other] { $count } предстоящих записей
    }
booking-bot-list-footer = /availability задаёт, когда к вам можно записаться.
booking-bot-resumed = ▶️ <b>{ $title }</b> снова принимает записи: { $url }
booking-bot-paused = ⏸ <b>{ $title }</b> на паузе: свободного времени на странице не будет до <code>/booking resume { $slug }</code>.
booking-bot-delete-ask = 🗑 Удалить ссылку для записи <b>{ $title }</b> ({ $url })? Страница перестанет работать; уже сделанные записи останутся в календаре.
booking-bot-delete-yes = Да, удалить
booking-bot-delete-no = Нет, оставить
booking-bot-kept = Оставлено
booking-bot-link-stays = 👍 Ссылка остаётся.
booking-bot-already-gone = Этой ссылки уже нет.
booking-bot-deleted = Удалено
booking-bot-deleted-text = 🗑 Ссылка для записи /book/{ $slug } удалена. Уже сделанные записи остались в календаре.
booking-bot-no-such-link = У вас нет ссылки для записи «{ $slug }». /booking list покажет ваши.
booking-bot-not-registered = Вы ещё не зарегистрированы: сначала отправьте /start.

## Сообщения владельцу о записях ($when: «вт, 3 мар., 14:00–14:30»)

booking-bot-someone = Кто-то
booking-bot-a-booking = запись
booking-bot-unknown-time = неизвестное время
booking-bot-booked = 📅 { $who } записался(-ась) к вам: <b>{ $title }</b>, { $when }
booking-bot-booked-for = 📅 { $who } записался(-ась) к вам на { $length }: <b>{ $title }</b>, { $when }
booking-bot-cancelled = ❌ { $who } отменил(а) <b>{ $title }</b>, { $when }. Это время снова свободно.
booking-bot-cancelled-why = ❌ { $who } отменил(а) <b>{ $title }</b>, { $when } ({ $reason }). Это время снова свободно.
booking-bot-moved = 🔄 { $who } перенёс(-ла) <b>{ $title }</b> на { $when }.
booking-bot-moved-from = 🔄 { $who } перенёс(-ла) <b>{ $title }</b> на { $when } (было: { $was }).
