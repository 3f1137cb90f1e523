## События в боте: время, ответы, карточки, уведомления и напоминания, /create, /event,
## /invite, /rsvp и /cancel, и что бот говорит, когда не может прочитать дату.

## Время события ($day, $first, $last: «пн, 2 мар.»; $time, $start, $end: «16:00»)

bot-when-none = без даты
bot-all-day = весь день
bot-when-all-day = { $day }, весь день
bot-when-all-days = { $first } – { $last }, весь день
bot-day-and-time = { $day }, { $time }
bot-time-range = { $start }–{ $end }
bot-time-until-day = { $start } – { $last }, { $end }
bot-quote = «{ $text }»

## Ответы на приглашения

bot-answer =
    { $answer ->
        [accepted] ✅ принято
        [tentative] ❔ возможно
        [declined] ❌ отклонено
        [delegated] ↪️ передано
       *[other] ⏳ ответа пока нет
    }
bot-your-answer = Ваш ответ: { $answer }
bot-button-accept = ✅ Принять
bot-button-tentative = ❔ Возможно
bot-button-decline = ❌ Отклонить
bot-button-accept-time = ✅ Принять новое время
bot-button-keep-time = ❌ Оставить время
bot-button-add-calendar = ✅ Добавить в мои календари
bot-button-decline-calendar = ✖️ Отклонить
bot-button-invite = ➕ Пригласить
bot-button-cancel-event = 🗑 Отменить событие
bot-button-export = 📤 Экспорт
bot-button-open = 📅 Открыть
bot-button-open-calendar = 📅 Открыть календарь
bot-button-open-in-browser = 🌐 Открыть в браузере
bot-button-cancel-yes = Да, отменить
bot-button-keep-it = Нет, оставить
bot-button-erase-yes = Да, удалить мои данные
bot-button-earlier = ◀️ Раньше
bot-button-later = Позже ▶️
bot-button-save = ✅ Сохранить
bot-button-discard = ✖️ Не сохранять

## Карточка события (/event) и приглашённые (/attendees)

bot-no-title = (без названия)
bot-event-cancelled = ❌ ОТМЕНЕНО: { $title }
bot-event-organizer = 👤 Организатор: { $name }
bot-event-invited =
    { $count ->
        [one] 👥 Приглашён { $count } человек:
        [few] 👥 Приглашено { $count } человека:
       *[other] 👥 Приглашено { $count } человек:
    }
bot-event-id = id { $id }
bot-event-which = Какое событие? Например, { $command } — id есть в /list.
bot-event-ics-caption = Откройте файл, чтобы добавить событие в другой календарь.
bot-event-gone = Этого события больше нет.
bot-event-not-an-id = «{ $text }» — не id события; id выглядят как a1b2c3 (см. /list).
bot-event-not-found = В вашем календаре нет события { $id } (id есть в /list).
bot-event-ambiguous = С { $id } начинаются несколько событий; введите id длиннее.
bot-attendees-none = На <b>{ $title }</b> пока никто не приглашён. Пригласить: { $command }
bot-attendees-head =
    { $count ->
        [one] <b>{ $title }</b> — приглашён { $count } человек
        [few] <b>{ $title }</b> — приглашено { $count } человека
       *[other] <b>{ $title }</b> — приглашено { $count } человек
    }

## Карточки приглашений и уведомления (для получателя, в момент отправки)

bot-card-invitation = 📨 <b>Приглашение</b>
bot-card-updated = 🔄 <b>Приглашение изменено</b> — проверьте новые детали
bot-card-from = 👤 От { $name }
bot-notice-an-event = событие
bot-notice-an-attendee = Участник
bot-notice-a-new-time = новое время
bot-notice-rsvp =
    { $answer ->
        [accepted] { $who } принимает <b>{ $title }</b>
        [tentative] { $who }, возможно, придёт на <b>{ $title }</b>
        [declined] { $who } отклоняет <b>{ $title }</b>
        [needs-action] { $who } пока не ответил(а) на <b>{ $title }</b>
        [delegated] { $who } передаёт <b>{ $title }</b> другому
       *[other] { $who } ответил(а) на <b>{ $title }</b>
    }
bot-notice-one-occurrence = { $text } (одно повторение)
bot-notice-cancelled = ❌ Организатор отменил <b>{ $title }</b> ({ $when }).
bot-notice-uninvited = ➖ Вас убрали из участников <b>{ $title }</b> ({ $when }).
bot-notice-write-back-changed = ⚠️ Ваше изменение в <b>{ $title }</b> ({ $when }) не попало в другой ваш календарь: событие там тоже изменили, и теперь показана та версия. Внесите изменение снова, если оно ещё нужно.
bot-notice-write-back-deleted = ⚠️ Ваше изменение в <b>{ $title }</b> ({ $when }) не попало в другой ваш календарь: событие там удалили, поэтому здесь его тоже больше нет.
bot-notice-counter = 🕑 { $who } предлагает новое время для <b>{ $title }</b>: { $proposed }
bot-notice-code-undelivered = ⚠️ Письмо с вашим кодом не удалось доставить на { $recipient }.
bot-notice-mail-undelivered =
    { $what ->
        [cancel] ⚠️ Письмо об отмене <b>{ $title }</b> не удалось доставить на { $recipient }.
        [reply] ⚠️ Письмо с ответом на <b>{ $title }</b> не удалось доставить на { $recipient }.
       *[other] ⚠️ Приглашение на <b>{ $title }</b> не удалось доставить на { $recipient }.
    }
bot-reminder-in =
    { $minutes ->
        [one] ⏰ <b>{ $title }</b> начнётся через { $minutes } минуту
        [few] ⏰ <b>{ $title }</b> начнётся через { $minutes } минуты
       *[other] ⏰ <b>{ $title }</b> начнётся через { $minutes } минут
    }
bot-reminder-now = ⏰ <b>{ $title }</b> начинается сейчас
bot-reminder-soon = ⏰ <b>{ $title }</b> скоро начнётся
bot-counter-accepted = ✅ <b>{ $title }</b> перенесено на предложенное время; все участники узнают об этом.
bot-counter-declined = 👌 <b>{ $title }</b> остаётся в прежнее время; автор предложения узнает об этом.

## /create (пример должен читаться как строка /create на этом языке)

bot-create-example = /create Планёрка, завтра 15:00, 1ч, Переговорная 4
bot-create-ask-title = 📝 Как называется событие? (/cancel — прервать)
bot-create-title-length = Название — от 1 до 200 знаков. Как называется событие?
bot-create-ask-when = 🕒 Когда? Например, <i>завтра 15:00</i>, <i>пт 9:30</i>, <i>25.12</i> (весь день)
bot-create-when-again = Когда оно?
bot-create-ask-duration = ⏱ Сколько длится? Например, <i>1ч</i>, <i>45 мин</i>, <i>30</i> (минут) — или <i>нет</i>: { $default }
bot-create-duration-again = Сколько оно длится?
bot-create-ask-location = 📍 Где? (или <i>нет</i>)
bot-create-ask-description = 📝 Добавить описание? (или <i>нет</i>)
bot-create-skip-words = нет, пропустить, дальше, без, -
bot-create-confirm = Сохранить это событие?
bot-create-when-long = { $when } ({ $length })
bot-create-pending = Нажмите ✅ Сохранить или ✖️ Не сохранять на карточке выше (или /cancel).
bot-create-discarded = Не сохранено
bot-create-expired = Эта карточка устарела
bot-create-not-saved = ✖️ Не сохранено.
bot-create-saved-tap = Сохранено ✅
bot-create-saved =
    ✅ Сохранено!
    { $card }

    Пригласить людей: { $command }

## Что говорят /create, /timezone и диалог, когда не могут что-то прочитать (простой текст)

bot-parse-no-date = Укажите дату, например «завтра 15:00» или «пт 9:30».
bot-parse-bad-date = Не получилось прочитать дату в { $text }. Попробуйте «завтра 15:00» или «пт 9:30».
bot-parse-too-far = { $text } — это { $date }, больше чем через пять лет. Опечатка?
bot-parse-past = { $text } — это { $date }, а это уже прошло.
bot-parse-bad-duration = Не получилось прочитать длительность в { $text }. Попробуйте «1ч» или «45 мин».
bot-parse-duration-range = Длительность должна быть больше нуля и не больше 14 дней, а не { $text }.
bot-parse-no-date-found = Не нашёл дату. Разделяйте запятыми, например: «{ $example }».
bot-parse-no-title = Событию нужно название, например: «{ $example }».
bot-parse-when-missing = Когда { $title }? Например: «{ $example }».
bot-parse-title-too-long = Название слишком длинное: не больше { $most } знаков, пожалуйста.
bot-parse-all-day-length = Без времени начала это событие на весь день, поэтому длительность — целые дни («2 дня»). Или добавьте время, например «25.12 18:00».
bot-parse-zone-gone = Я не знаю часовой пояс { $zone }; укажите его заново.
bot-parse-zone-whole-hours = Здесь работают только смещения на целые часы; вместо { $text } напишите город, например { $city }.
bot-parse-zone-nowhere = На Земле нет места со смещением { $text }. Напишите город, например «Берлин».
bot-parse-zone-did-you-mean = Может быть, { $names }?
bot-parse-zone-try-city = Напишите город, например «Москва».
bot-parse-zone-unknown = Я не знаю часовой пояс { $zone }. { $hint } Подойдут и названия вроде «Europe/Moscow», и смещения вроде «UTC+3».

## /invite, /rsvp, /cancel

bot-invite-usage = Кого и куда пригласить? Например, { $command }
bot-invite-how = Отправьте { $command } (или Telegram id, или адрес почты; можно несколько сразу).
bot-invite-not-organizer = Приглашать людей на это событие может только организатор.
bot-invite-done = ✔️ { $invitee } приглашён(а)
bot-invite-mailed = ✔️ { $invitee } приглашён(а) (приглашение уже летит по почте)
bot-invite-failed = ✖️ { $invitee }: { $reason }
bot-invite-self = ✖️ { $invitee }: это вы.
bot-rsvp-usage = Как и на что ответить? Например, { $command } (accept — принять, tentative — возможно, decline — отклонить).
bot-rsvp-done = { $answer }: <b>{ $title }</b>. Организатор уже знает.
bot-rsvp-not-invited = Вы не приглашены на это событие, поэтому не можете на него ответить.
bot-rsvp-words-accept = да, принять, приду
bot-rsvp-words-tentative = возможно, может
bot-rsvp-words-decline = нет, отклонить
bot-cancel-not-yours = Отменять можно только свои события; чтобы сообщить, что не придёте, используйте { $command }.
bot-cancel-ask = Отменить <b>{ $title }</b>? Все приглашённые узнают об этом.
bot-cancel-ask-when = Отменить <b>{ $title }</b> ({ $when })? Все приглашённые узнают об этом.
bot-cancel-done = ❌ <b>{ $title }</b> ({ $when }) отменено.
bot-cancel-tapped = Отменено
bot-cancel-kept = 👍 Оставлено как есть.
bot-notice-webhook-paused = ⏸ Ваш вебхук на { $url } приостановлен: доставки не удавались в течение суток (последняя: { $reason }). Возобновите его в настройках приложения, когда получатель снова заработает. Изменения за это время ждут его 30 дней.
