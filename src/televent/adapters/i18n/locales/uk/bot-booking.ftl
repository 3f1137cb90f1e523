## Бот: /availability (коли до вас можна записатися), /booking (посилання для запису) і
## повідомлення власнику, коли хтось записався, скасував або переніс запис.
## Слова команд (mon-fri, off, weekly, default, new, list, pause…) лишаються як є.

## /availability ($days: «пн–пт», $hours: «09:00–17:00», за годинником читача)

booking-bot-examples =
    <code>/availability mon-fri 09:00-12:00 13:00-17:00</code> — години на кожен тиждень
    <code>/availability sat 10:00-14:00</code> — один день тижня
    <code>/availability sat off</code> — у цей день тижня запису немає
    <code>/availability 2026-12-24 off</code> — вихідний
    <code>/availability 2026-12-27 10:00-14:00</code> — інші години в одну дату
    <code>/availability 2026-12-24 weekly</code> — ця дата знову як зазвичай
    <code>/availability default</code> — повернути { $days } { $hours }
booking-bot-hours-title = 🗓 <b>Коли до вас можна записатися</b>
booking-bot-hours-default-title = 🗓 <b>Коли до вас можна записатися</b> (за замовчуванням: ви ще не задали свої години)
booking-bot-zone = Часовий пояс: { $zone }
booking-bot-off = запису немає
booking-bot-dates-title = <b>Дати з особливими годинами</b>
booking-bot-change-them = <b>Як змінити</b>
booking-bot-examples-title = <b>Приклади</b>
booking-bot-saved = ✅ Збережено.
booking-bot-which-days = Напишіть, у які дні й години.
booking-bot-not-a-date = { $text } — не дата (РРРР-ММ-ДД).
booking-bot-past = { $day } уже минуло.
booking-bot-days-backwards = { $text }: перший день іде після останнього (спробуйте mon-fri).
booking-bot-unknown-day = Не знаю такого дня: «{ $text }». Почніть із дня тижня (mon, tue, …, mon-fri, weekend, пн, вт, …) або дати на кшталт 2026-12-24.
booking-bot-no-hours = Вкажіть години після дня, наприклад <code>09:00-17:00</code> (кілька проміжків через пробіл), або <code>off</code>.
booking-bot-not-a-range = «{ $text }» — не проміжок часу; пишіть так: <code>09:00-17:00</code>.

## /booking ($length: «30 хвилин»; $state: active або paused)

booking-bot-usage =
    🔗 <b>Посилання для запису</b> дають змогу записатися до вас на вебсторінці — у ваші години з /availability та в обхід подій, які вже є в календарі.
    <code>/booking new intro 30 Знайомство</code> — посилання на 30 хвилин за адресою /book/intro
    <code>/booking list</code> — ваші посилання, їхні адреси й найближчі записи
    <code>/booking pause intro</code> / <code>/booking resume intro</code> — зупинити або знову приймати записи
    <code>/booking delete intro</code> — видалити посилання (записи лишаться в календарі)
    Перерви, мінімальний термін, горизонт і запитання: Налаштування → Запис у застосунку календаря (/app).
booking-bot-new-usage = ⚠️ Вкажіть коротке імʼя для адреси, хвилини й назву, наприклад <code>/booking new intro 30 Знайомство</code>.
booking-bot-created =
    🔗 <b>{ $title }</b> ({ $length }) готове. Поділіться цією адресою:
    { $url }
    Записатися можна у ваші години з /availability, в обхід ваших подій. <code>/booking pause { $slug }</code> призупинить його.
booking-bot-no-links = У вас поки немає посилань для запису.
booking-bot-list-title = 🔗 <b>Ваші посилання для запису</b>
booking-bot-list-item =
    <b>{ $title }</b> — { $length }, { $state ->
        [active] активне
       *[paused] ⏸ на паузі
    }, { $count ->
        [one] { $count } майбутній запис
        [few] { $count } майбутні записи
       *[other] { $count } майбутніх записів
    }
booking-bot-list-footer = /availability задає, коли до вас можна записатися.
booking-bot-resumed = ▶️ <b>{ $title }</b> знову приймає записи: { $url }
booking-bot-paused = ⏸ <b>{ $title }</b> на паузі: вільного часу на сторінці не буде до <code>/booking resume { $slug }</code>.
booking-bot-delete-ask = 🗑 Видалити посилання для запису <b>{ $title }</b> ({ $url })? Сторінка перестане працювати; уже зроблені записи лишаться в календарі.
booking-bot-delete-yes = Так, видалити
booking-bot-delete-no = Ні, залишити
booking-bot-kept = Залишено
booking-bot-link-stays = 👍 Посилання лишається.
booking-bot-already-gone = Цього посилання вже немає.
booking-bot-deleted = Видалено
booking-bot-deleted-text = 🗑 Посилання для запису /book/{ $slug } видалено. Уже зроблені записи лишилися в календарі.
booking-bot-no-such-link = У вас немає посилання для запису «{ $slug }». /booking list покаже ваші.
booking-bot-not-registered = Ви ще не зареєстровані: спершу надішліть /start.

## Повідомлення власнику про записи ($when: «вт, 3 бер., 14:00–14:30»)

booking-bot-someone = Хтось
booking-bot-a-booking = запис
booking-bot-unknown-time = невідомий час
booking-bot-booked = 📅 { $who } записався(-лася) до вас: <b>{ $title }</b>, { $when }
booking-bot-booked-for = 📅 { $who } записався(-лася) до вас на { $length }: <b>{ $title }</b>, { $when }
booking-bot-cancelled = ❌ { $who } скасував(-ла) <b>{ $title }</b>, { $when }. Цей час знову вільний.
booking-bot-cancelled-why = ❌ { $who } скасував(-ла) <b>{ $title }</b>, { $when } ({ $reason }). Цей час знову вільний.
booking-bot-moved = 🔄 { $who } переніс(-ла) <b>{ $title }</b> на { $when }.
booking-bot-moved-from = 🔄 { $who } переніс(-ла) <b>{ $title }</b> на { $when } (було: { $was }).
