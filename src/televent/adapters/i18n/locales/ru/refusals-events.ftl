# Отказы о приглашённых и их ответах и о правилах повторения (TeleventError.worded):
# в поле detail ответов JSON API и в Mini App.

## Приглашённые и ответы

refusal-events-invitee-no-user = { $invitee } ещё нет в Televent: попросите этого человека отправить боту /start или пригласите его по почте.
refusal-events-invitee-not-started = Пользователь Telegram { $invitee } ещё не запускал бота: попросите его отправить боту /start или пригласите по почте.
refusal-events-invitee-unreadable = «{ $invitee }» — это не @username, не Telegram id и не адрес почты.
refusal-events-invitee-control-characters = В приглашении не может быть управляющих символов.
refusal-events-attendees-no-user = { $invitee } ещё нет в Televent: попросите этого человека отправить боту /start или пригласите его по почте.
refusal-events-attendees-not-started = Пользователь Telegram { $invitee } ещё не запускал бота: попросите его отправить боту /start или пригласите по почте.
refusal-events-attendees-unreadable = «{ $invitee }» — это не @username, не Telegram id и не адрес почты.
refusal-events-attendees-control-characters = В приглашении не может быть управляющих символов.
refusal-events-invitee-missing = Укажите, кого пригласить: @username, Telegram id или адрес почты.
refusal-events-invitee-name = Имя приглашённого должно быть текстом.
refusal-events-invitee-yourself = Это вы: вы организуете это событие.
refusal-events-invitee-organizer = Этот человек — организатор этого события.
refusal-events-attendees-list = Приглашённых передают списком не больше чем из { $most ->
    [one] { $most } человека.
   *[other] { $most } человек.
}
refusal-events-attendees-item = Каждый приглашённый — это @username, Telegram id или адрес почты.
refusal-events-attendee-whom = Укажите, кого убрать из приглашённых.
refusal-events-attendee-unknown = { $address } не участник этого события.
refusal-events-rsvp-status = Ответьте accepted, tentative или declined.
refusal-events-rsvp-occurrence = Укажите повторение по его recurrence_id.

## Правила повторения (RRULE) и повторения ряда

refusal-events-rule-too-often = «{ $rule }» повторяется чаще раза в час, а события повторяются не чаще раза в час.
refusal-events-rule-interval = В «{ $rule }» интервал (INTERVAL) должен быть целым числом не меньше 1.
refusal-events-rule-never-matches = У «{ $rule }» нет ни одной даты в ближайшие сто лет от начала: его части никогда не совпадают.
refusal-events-rule-setpos-seconds = «{ $rule }» сочетает BYSETPOS с несколькими значениями BYSECOND; такое Televent не хранит.
refusal-events-rule-too-dense = «{ $rule }» повторяется больше { $most ->
    [one] { $most } раза
   *[other] { $most } раз
} в час; чаще события не повторяются.
refusal-events-rule-unexpandable = По правилу и исключениям этого события нельзя вычислить его повторения.
refusal-events-rule-whole-series = Правило повторения относится ко всему ряду; уберите occurrence.
refusal-events-no-series = У этого события нет ряда повторений, из которого можно убрать одно.
refusal-events-occurrence-form = { $kind ->
    [date] Повторения этого ряда называются датой (ГГГГ-ММ-ДД).
   *[time] Повторения этого ряда называются датой и временем.
}

## Поля события (POST и PATCH /events, форма события в Mini App)

refusal-events-field-unknown = Поля «{ $field }» нет, или его нельзя менять.
refusal-events-field-true-or-false = Поле «{ $field }» должно быть true или false.
refusal-events-field-null = Поле «{ $field }» не может быть null.
refusal-events-field-text = Поле «{ $field }» должно быть текстом.
refusal-events-field-control-characters = В поле «{ $field }» есть управляющие символы (можно только табуляцию и переносы строк).
refusal-events-moment = { $field ->
    [start] Начало
    [end] Конец
    [occurrence] Повторение
   *[other] Значение «{ $field }»
} «{ $given }» не является ни датой (ГГГГ-ММ-ДД), ни датой со временем по RFC 3339.
refusal-events-moment-form = { $kind ->
    [date] { $field ->
        [start] Начало
       *[other] Конец
    } события на весь день — это дата (ГГГГ-ММ-ДД) без времени.
   *[time] { $field ->
        [start] Начало
       *[other] Конец
    } события со временем — это дата и время.
}
refusal-events-start-required = Укажите, когда начинается событие.
refusal-events-start-for-time = Когда событию на весь день задают время, укажите и его начало.
refusal-events-not-an-event = Это не событие.

## Список событий (GET /events) и промежутки других списков (/bookings, свободное время страницы записи)

refusal-events-window-bound = { $field ->
    [start] Укажите начало промежутка (start, по RFC 3339, например 2026-03-02T00:00:00Z).
   *[other] Укажите конец промежутка (end, по RFC 3339, например 2026-03-02T00:00:00Z).
}
refusal-events-window-backwards = Конец промежутка должен быть позже его начала.
refusal-events-window-too-long = Промежуток — не больше { $days ->
    [one] { $days } дня
   *[other] { $days } дней
}; следующий запросите отдельно.
refusal-events-cursor-other-query = Этот курсор относится к другому запросу (start, end, calendar, q).
refusal-events-cursor-unknown = Этот курсор выдан не этим списком.
refusal-events-calendar-not-yours = Это не ваш календарь (укажите id или slug одного из ваших).

## Запись события через API (POST и PATCH /events)

refusal-events-no-calendar = У вас нет календаря, в который можно записать событие.
refusal-events-calendar-form = Укажите календарь по его id или slug.
refusal-events-calendar-move = Здесь нельзя перенести событие в другой календарь.
refusal-events-attendees-elsewhere = Приглашённых меняют через /api/v1/events/{"{"}id{"}"}/attendees.
refusal-events-range-value = range — это thisandfuture, или его не указывают.
refusal-events-range-occurrence = Вместе с range укажите повторение, с которого оно действует (?occurrence=).
refusal-events-data-unreadable = Сохранённые данные iCalendar этого события не удаётся прочитать: { $reason }

## Собственные напоминания события (reminders в POST и PATCH /events)

refusal-events-reminders-list = Поле «{ $field }» — это список не больше чем из { $most ->
    [one] { $most } напоминания
   *[other] { $most } напоминаний
} или null.
refusal-events-reminders-item = Каждое напоминание в поле «{ $field }» — это число минут до начала или TRIGGER в показанном виде.
refusal-events-reminder-too-far = Напоминание в поле «{ $field }» — не дальше чем за { $most ->
    [one] { $most } минуту
    [few] { $most } минуты
   *[other] { $most } минут
} от начала.
refusal-events-reminder-trigger = «{ $given }» в поле «{ $field }» — не TRIGGER вида RELATED=END:-PT15M.

invitee-no-user = ещё нет в Televent: попросите этого человека отправить боту /start или пригласите его по почте.
invitee-not-started = этот пользователь Telegram ещё не запускал бота: попросите его отправить боту /start или пригласите по почте.
invitee-unreadable = это не @username, не Telegram id и не адрес почты.

refusal-data-end-before-start = оно заканчивается (DTEND) раньше, чем начинается (DTSTART).
refusal-data-too-many-attendees = в нём больше { $most } участников.
refusal-data-no-uid = у него нет UID.
refusal-data-unparsable = его текст не в формате iCalendar.
refusal-data-value = его { $property } не читается.
refusal-data-line = одна из его строк не читается.
refusal-data-nul = в нём есть символ NUL, которого в данных календаря быть не может.
refusal-data-too-long = его { $property } длиннее 100 лет, которые хранит Televent.
refusal-data-zone-rules = у одного из его часовых поясов правила, которые Televent не может надёжно прочитать.
refusal-data-two-series = в нём больше одной части для всей серии (без RECURRENCE-ID).
refusal-data-instance-twice = две его части меняют одно и то же повторение (RECURRENCE-ID).
refusal-data-some-value = одно из его значений не читается.
refusal-data-alarm-no-trigger = у одного из его напоминаний (VALARM) нет TRIGGER.
refusal-data-wrong-kind = Этот календарь не хранит { $kind ->
    [VEVENT] события
    [VTODO] задачи
   *[other] заметки
}; выберите другой календарь.
