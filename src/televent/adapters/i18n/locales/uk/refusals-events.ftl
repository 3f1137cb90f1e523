# Відмови щодо запрошених та їхніх відповідей і щодо правил повторення
# (TeleventError.worded): у полі detail відповідей JSON API і в Mini App.

## Запрошені та відповіді

refusal-events-invitee-no-user = { $invitee } ще немає в Televent: попросіть цю людину надіслати боту /start або запросіть її поштою.
refusal-events-invitee-not-started = Користувач Telegram { $invitee } ще не запускав бота: попросіть його надіслати боту /start або запросіть поштою.
refusal-events-invitee-unreadable = «{ $invitee }» — це не @username, не Telegram id і не адреса пошти.
refusal-events-invitee-control-characters = У запрошенні не може бути керівних символів.
refusal-events-attendees-no-user = { $invitee } ще немає в Televent: попросіть цю людину надіслати боту /start або запросіть її поштою.
refusal-events-attendees-not-started = Користувач Telegram { $invitee } ще не запускав бота: попросіть його надіслати боту /start або запросіть поштою.
refusal-events-attendees-unreadable = «{ $invitee }» — це не @username, не Telegram id і не адреса пошти.
refusal-events-attendees-control-characters = У запрошенні не може бути керівних символів.
refusal-events-invitee-missing = Вкажіть, кого запросити: @username, Telegram id або адресу пошти.
refusal-events-invitee-name = Ім’я запрошеного має бути текстом.
refusal-events-invitee-yourself = Це ви: ви організовуєте цю подію.
refusal-events-invitee-organizer = Ця людина — організатор цієї події.
refusal-events-attendees-list = Запрошених передають списком, не більше { $most ->
    [one] { $most } людини.
   *[other] { $most } людей.
}
refusal-events-attendees-item = Кожен запрошений — це @username, Telegram id або адреса пошти.
refusal-events-attendee-whom = Вкажіть, кого прибрати із запрошених.
refusal-events-attendee-unknown = { $address } не учасник цієї події.
refusal-events-rsvp-status = Дайте відповідь accepted, tentative або declined.
refusal-events-rsvp-occurrence = Вкажіть повторення за його recurrence_id.

## Правила повторення (RRULE) і повторення серії

refusal-events-rule-too-often = «{ $rule }» повторюється частіше ніж раз на годину, а події повторюються не частіше ніж раз на годину.
refusal-events-rule-interval = У «{ $rule }» інтервал (INTERVAL) має бути цілим числом не менше 1.
refusal-events-rule-never-matches = У «{ $rule }» немає жодної дати протягом ста років від початку: його частини ніколи не збігаються.
refusal-events-rule-setpos-seconds = «{ $rule }» поєднує BYSETPOS з кількома значеннями BYSECOND; такого Televent не зберігає.
refusal-events-rule-too-dense = «{ $rule }» повторюється більше ніж { $most ->
    [one] { $most } раз
    [few] { $most } рази
   *[other] { $most } разів
} на годину; частіше події не повторюються.
refusal-events-rule-unexpandable = За правилом і винятками цієї події неможливо обчислити її повторення.
refusal-events-rule-whole-series = Правило повторення стосується всієї серії; приберіть occurrence.
refusal-events-no-series = Ця подія не має серії повторень, з якої можна прибрати одне.
refusal-events-occurrence-form = { $kind ->
    [date] Повторення цієї серії називаються датою (РРРР-ММ-ДД).
   *[time] Повторення цієї серії називаються датою і часом.
}

## Поля події (POST і PATCH /events, форма події в Mini App)

refusal-events-field-unknown = Поля «{ $field }» немає, або його не можна змінювати.
refusal-events-field-true-or-false = Поле «{ $field }» має бути true або false.
refusal-events-field-null = Поле «{ $field }» не може бути null.
refusal-events-field-text = Поле «{ $field }» має бути текстом.
refusal-events-field-control-characters = У полі «{ $field }» є керівні символи (дозволено лише табуляцію та переведення рядка).
refusal-events-moment = { $field ->
    [start] Початок
    [end] Кінець
    [occurrence] Повторення
   *[other] Значення «{ $field }»
} «{ $given }» не є ні датою (РРРР-ММ-ДД), ні датою з часом за RFC 3339.
refusal-events-moment-form = { $kind ->
    [date] { $field ->
        [start] Початок
       *[other] Кінець
    } події на весь день — це дата (РРРР-ММ-ДД) без часу.
   *[time] { $field ->
        [start] Початок
       *[other] Кінець
    } події з часом — це дата і час.
}
refusal-events-start-required = Вкажіть, коли починається подія.
refusal-events-start-for-time = Коли події на весь день задаєте час, вкажіть і її початок.
refusal-events-not-an-event = Це не подія.

## Список подій (GET /events) і проміжки інших списків (/bookings, вільний час сторінки запису)

refusal-events-window-bound = { $field ->
    [start] Вкажіть початок проміжку (start, за RFC 3339, наприклад 2026-03-02T00:00:00Z).
   *[other] Вкажіть кінець проміжку (end, за RFC 3339, наприклад 2026-03-02T00:00:00Z).
}
refusal-events-window-backwards = Кінець проміжку має бути пізніше за його початок.
refusal-events-window-too-long = Проміжок — не більше { $days ->
    [one] { $days } дня
   *[other] { $days } днів
}; наступний запитайте окремо.
refusal-events-cursor-other-query = Цей курсор належить до іншого запиту (start, end, calendar, q).
refusal-events-cursor-unknown = Цей курсор видав не цей список.
refusal-events-calendar-not-yours = Це не ваш календар (вкажіть id або slug одного з ваших).

## Запис події через API (POST і PATCH /events)

refusal-events-no-calendar = У вас немає календаря, до якого можна записати подію.
refusal-events-calendar-form = Вкажіть календар за його id або slug.
refusal-events-calendar-move = Тут не можна перенести подію до іншого календаря.
refusal-events-attendees-elsewhere = Запрошених змінюють через /api/v1/events/{"{"}id{"}"}/attendees.
refusal-events-range-value = range — це thisandfuture, або його не вказують.
refusal-events-range-occurrence = Разом із range вкажіть повторення, з якого воно діє (?occurrence=).
refusal-events-data-unreadable = Збережені дані iCalendar цієї події не вдається прочитати: { $reason }

## Власні нагадування події (reminders у POST і PATCH /events)

refusal-events-reminders-list = Поле «{ $field }» — це список щонайбільше з { $most ->
    [one] { $most } нагадування
   *[other] { $most } нагадувань
} або null.
refusal-events-reminders-item = Кожне нагадування в полі «{ $field }» — це кількість хвилин до початку або TRIGGER у показаному вигляді.
refusal-events-reminder-too-far = Нагадування в полі «{ $field }» — не далі ніж за { $most ->
    [one] { $most } хвилину
    [few] { $most } хвилини
   *[other] { $most } хвилин
} від початку.
refusal-events-reminder-trigger = «{ $given }» у полі «{ $field }» — не TRIGGER вигляду RELATED=END:-PT15M.

invitee-no-user = ще немає в Televent: попросіть цю людину надіслати боту /start або запросіть її поштою.
invitee-not-started = цей користувач Telegram ще не запускав бота: попросіть його надіслати боту /start або запросіть поштою.
invitee-unreadable = це не @username, не Telegram id і не адреса пошти.

refusal-data-end-before-start = воно закінчується (DTEND) раніше, ніж починається (DTSTART).
refusal-data-too-many-attendees = у ньому понад { $most } учасників.
refusal-data-no-uid = у нього немає UID.
refusal-data-unparsable = його текст не у форматі iCalendar.
refusal-data-value = його { $property } не читається.
refusal-data-line = один із його рядків не читається.
refusal-data-nul = у ньому є символ NUL, якого в даних календаря бути не може.
refusal-data-too-long = його { $property } триває довше за 100 років, які зберігає Televent.
refusal-data-zone-rules = один із його часових поясів має правила, які Televent не може надійно прочитати.
refusal-data-two-series = у ньому більше однієї частини для всієї серії (без RECURRENCE-ID).
refusal-data-instance-twice = дві його частини змінюють те саме повторення (RECURRENCE-ID).
refusal-data-some-value = одне з його значень не читається.
refusal-data-alarm-no-trigger = одне з його нагадувань (VALARM) не має TRIGGER.
refusal-data-wrong-kind = Цей календар не зберігає { $kind ->
    [VEVENT] події
    [VTODO] завдання
   *[other] нотатки
}; виберіть інший календар.
