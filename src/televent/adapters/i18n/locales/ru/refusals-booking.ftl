# Отказы про часы для записи, ссылки для записи и записи (TeleventError.worded): владелец видит
# их в настройках Mini App, в /availability и /booking; гость — на странице записи (/book/<slug>)
# и по ссылке для управления записью.

## Часы на неделю и даты с особыми часами

# День, о котором речь: $day — день недели («mon» … «sun») или дата.
refusal-booking-on = { $day ->
    [mon] Понедельник
    [tue] Вторник
    [wed] Среда
    [thu] Четверг
    [fri] Пятница
    [sat] Суббота
    [sun] Воскресенье
   *[other] { $day }
}
# $start и $end — время, как его ввели (ЧЧ:ММ).
refusal-booking-range-backwards = { refusal-booking-on }: промежуток { $start }-{ $end } заканчивается раньше, чем начинается.
# $first и $second — промежутки вроде 09:00-13:30.
refusal-booking-ranges-overlap = { refusal-booking-on }: промежутки { $first } и { $second } пересекаются.
refusal-booking-too-many-ranges = { $count ->
    [one] { refusal-booking-on }: не больше { $count } промежутка в день.
   *[other] { refusal-booking-on }: не больше { $count } промежутков в день.
}
# $text — то, что ввели вместо времени; $latest — 23:59 для начала, 24:00 для конца.
refusal-booking-not-a-time = { refusal-booking-on }: { $text } — не время суток в виде ЧЧ:ММ (от 00:00 до { $latest }).
refusal-booking-too-many-dates = { $count ->
    [one] Особые часы можно задать не больше чем для { $count } даты.
   *[other] Особые часы можно задать не больше чем для { $count } дат.
}
refusal-booking-date-twice = Для даты { $date } особые часы заданы дважды.
refusal-booking-not-a-zone = { $zone } — не часовой пояс; укажите название IANA, например Europe/Berlin.
refusal-booking-window = { $count ->
    [one] Свободное время можно запросить не больше чем на { $count } день за раз.
    [few] Свободное время можно запросить не больше чем на { $count } дня за раз.
   *[other] Свободное время можно запросить не больше чем на { $count } дней за раз.
}

## Ссылки для записи (владелец)

refusal-booking-link-needs = Ссылке для записи нужны адрес (slug) и название.
refusal-booking-calendar = Календарь для записей должен быть вашим (или календарём подключённой учётной записи), и вы должны иметь право добавлять в него события.
refusal-booking-slug-shape = Адрес (slug) — от 3 до 40 строчных латинских букв, цифр и дефисов (не по краям), например intro-call.
refusal-booking-slug-reserved = Адрес (slug) { $slug } зарезервирован; выберите другой.
refusal-booking-slug-taken = Адрес /book/{ $slug } уже занят; выберите другой.
refusal-booking-slug-just-taken = Адрес /book/{ $slug } только что заняли; выберите другой.
refusal-booking-slug-yours = У вас уже есть ссылка /{ $slug }.
refusal-booking-slug-fixed = Адрес (slug) ссылки изменить нельзя; создайте новую ссылку.
refusal-booking-no-link = Ссылки для записи /{ $slug } нет.
refusal-booking-too-many-links = Ссылок для записи может быть не больше { $count }.
refusal-booking-title-empty = Ссылке для записи нужно название.
refusal-booking-title-long = { $count ->
    [one] Название — не длиннее { $count } символа.
   *[other] Название — не длиннее { $count } символов.
}
# $field — название настройки в API (оно же в скобках), $low и $high — её пределы.
refusal-booking-number = { $field ->
    [duration_minutes] Встреча длится от { $low } до { $high } минут (duration_minutes).
    [step_minutes] Время начала идёт с шагом от { $low } до { $high } минут (step_minutes).
    [buffer_before_minutes] Запас до встречи — от { $low } до { $high } минут (buffer_before_minutes).
    [buffer_after_minutes] Запас после встречи — от { $low } до { $high } минут (buffer_after_minutes).
    [min_notice_minutes] Минимальный срок записи — от { $low } до { $high } минут (min_notice_minutes).
    [horizon_days] Записываться можно на срок от { $low } до { $high } дней вперёд (horizon_days).
    [max_per_day] Максимум записей в день — число от { $low } до { $high } (max_per_day).
   *[other] { $field } — целое число от { $low } до { $high }.
}
refusal-booking-durations = { $count ->
    [one] Ссылка может предлагать не больше { $count } другой длительности.
   *[other] Ссылка может предлагать не больше { $count } других длительностей.
}
# $field — description или location.
refusal-booking-text-long = { $field ->
    [description] Описание — не длиннее { $count } символов.
    [location] Место — не длиннее { $count } символов.
   *[other] { $field } — не длиннее { $count } символов.
}
refusal-booking-too-many-questions = { $count ->
    [one] Ссылка может задавать не больше { $count } вопроса.
   *[other] Ссылка может задавать не больше { $count } вопросов.
}
# $number — место вопроса в списке (1 — первый).
refusal-booking-question-unlabelled = У вопроса { $number } нет текста.
refusal-booking-question-label-long = { $count ->
    [one] Текст вопроса { $number } — не длиннее { $count } символа.
   *[other] Текст вопроса { $number } — не длиннее { $count } символов.
}

## Запись на время (гость)

refusal-booking-paused = Эта ссылка для записи на паузе; сейчас записаться по ней нельзя.
# $choices — минуты, которые предлагает ссылка («30, 60»).
refusal-booking-duration = По этой ссылке можно записаться на { $choices } мин, а не на { $minutes }.
refusal-booking-slot-gone = Это время уже недоступно; выберите другое.
refusal-booking-slot-not-free = Это время недоступно; выберите другое.
refusal-booking-slot-just-taken = Это время только что занял кто-то другой.
refusal-booking-day-full = На этот день мест больше нет.
refusal-booking-past = Это время уже прошло; выберите другое.
refusal-booking-too-soon-minutes = { $count ->
    [one] Слишком скоро: по этой ссылке записываются не позже чем за { $count } минуту.
    [few] Слишком скоро: по этой ссылке записываются не позже чем за { $count } минуты.
   *[other] Слишком скоро: по этой ссылке записываются не позже чем за { $count } минут.
}
refusal-booking-too-soon-hours = { $count ->
    [one] Слишком скоро: по этой ссылке записываются не позже чем за { $count } час.
    [few] Слишком скоро: по этой ссылке записываются не позже чем за { $count } часа.
   *[other] Слишком скоро: по этой ссылке записываются не позже чем за { $count } часов.
}
refusal-booking-too-soon-days = { $count ->
    [one] Слишком скоро: по этой ссылке записываются не позже чем за { $count } день.
    [few] Слишком скоро: по этой ссылке записываются не позже чем за { $count } дня.
   *[other] Слишком скоро: по этой ссылке записываются не позже чем за { $count } дней.
}
refusal-booking-too-far = { $count ->
    [one] Слишком далеко: по этой ссылке записываются не больше чем на { $count } день вперёд.
    [few] Слишком далеко: по этой ссылке записываются не больше чем на { $count } дня вперёд.
   *[other] Слишком далеко: по этой ссылке записываются не больше чем на { $count } дней вперёд.
}
refusal-booking-name = { $count ->
    [one] Нужно ваше имя (не длиннее { $count } символа).
   *[other] Нужно ваше имя (не длиннее { $count } символов).
}
refusal-booking-email = Нужен действующий адрес электронной почты: на него придёт приглашение.
refusal-booking-own-address = Укажите свой собственный адрес почты: на него придёт приглашение.
# $question — вопрос, на который дан ответ; $asked — вопросы страницы.
refusal-booking-no-question = { $count ->
    [0] На этой странице записи нет вопроса «{ $question }» (вопросов на ней нет).
   *[other] На этой странице записи нет вопроса «{ $question }» (её вопросы: { $asked }).
}
refusal-booking-answer-missing = Ответьте, пожалуйста: { $question }
refusal-booking-answer-long = { $count ->
    [one] Ответ на вопрос «{ $question }» слишком длинный (не больше { $count } символа).
   *[other] Ответ на вопрос «{ $question }» слишком длинный (не больше { $count } символов).
}
# $name — имя того, к кому записываются.
refusal-booking-no-calendar = Записаться некуда: у пользователя { $name } нет календаря.

## Запись по ссылке для управления ею (гость)

refusal-booking-not-valid = Эта ссылка на запись недействительна.
refusal-booking-cancelled-already = Эта запись уже была отменена.
refusal-booking-begun = Эта запись уже началась; изменить её теперь нельзя.
refusal-booking-link-gone = Ссылки для записи, по которой сделана эта запись, больше нет.
refusal-booking-event-gone = Событие этой записи удалено; запишитесь заново.
refusal-booking-calendar-closed = Эту запись здесь больше нельзя изменить: календарь, в котором она стоит, больше не открыт для её ссылки записи. Напишите организатору.

## Что присылает запрос: страница записи (гость), /availability, /bookings и ссылки для записи (владелец)

refusal-booking-body-too-deep = В теле запроса слишком глубокая вложенность.
refusal-booking-control-characters = В текстах не может быть управляющих символов.
refusal-booking-body-object = { $what ->
    [booking] Запись передают объектом JSON.
    [cancellation] Отмену передают объектом JSON.
    [new-time] Новое время передают объектом JSON.
   *[other] Тело запроса — это объект JSON.
}
refusal-booking-body-field = { $what ->
    [booking] Поля «{ $field }» нет; поля записи: { $known }.
    [cancellation] Поля «{ $field }» нет; поля отмены: { $known }.
    [new-time] Поля «{ $field }» нет; поля нового времени: { $known }.
   *[other] Поля «{ $field }» нет; поля запроса: { $known }.
}
refusal-booking-zone-form = «{ $field }» — это название часового пояса IANA, например Europe/Berlin.
refusal-booking-moment-form = { $field ->
    [start] Начало
   *[other] Конец
} — это дата (ГГГГ-ММ-ДД) или дата со временем по RFC 3339.
refusal-booking-duration-param = Длительность (duration) — это целое число минут, одно из тех, что предлагает ссылка.
refusal-booking-field-required = { $field ->
    [name] Нужно ваше имя.
    [email] Нужен ваш адрес почты.
    [start] Укажите время начала.
   *[other] Заполните поле «{ $field }».
}
refusal-booking-field-text = Поле «{ $field }» должно быть текстом.
refusal-booking-field-long = Поле «{ $field }» — не длиннее { $most ->
    [one] { $most } символа
   *[other] { $most } символов
}.
refusal-booking-start-form = Начало — это дата со временем по RFC 3339.
refusal-booking-start-date = Начало — это дата со временем (начало выбранного времени), а не просто дата.
refusal-booking-duration-minutes = Длительность (duration_minutes) — это целое число минут из тех, что предлагает ссылка.
refusal-booking-answers-form = Ответы (answers) — это объект вида {"{"}"q1": "..."{"}"}.
refusal-booking-answer-text = Каждый ответ — это текст не длиннее { $most ->
    [one] { $most } символа
   *[other] { $most } символов
}.
refusal-booking-no-page = По этому адресу нет страницы записи.
refusal-booking-link-slug = slug — это адрес (slug) одной из ваших ссылок.
