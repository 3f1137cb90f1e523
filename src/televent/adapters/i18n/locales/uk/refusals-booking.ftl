# Відмови щодо годин для запису, посилань для запису та записів (TeleventError.worded): власник
# бачить їх у налаштуваннях Mini App, у /availability і /booking; гість — на сторінці запису
# (/book/<slug>) і за посиланням для керування записом.

## Години на тиждень і дати з особливими годинами

# День, про який ідеться: $day — день тижня («mon» … «sun») або дата.
refusal-booking-on = { $day ->
    [mon] Понеділок
    [tue] Вівторок
    [wed] Середа
    [thu] Четвер
    [fri] П’ятниця
    [sat] Субота
    [sun] Неділя
   *[other] { $day }
}
# $start і $end — час, як його ввели (ГГ:ХХ).
refusal-booking-range-backwards = { refusal-booking-on }: проміжок { $start }-{ $end } закінчується раніше, ніж починається.
# $first і $second — проміжки на кшталт 09:00-13:30.
refusal-booking-ranges-overlap = { refusal-booking-on }: проміжки { $first } і { $second } перетинаються.
refusal-booking-too-many-ranges = { $count ->
    [one] { refusal-booking-on }: не більше { $count } проміжку на день.
   *[other] { refusal-booking-on }: не більше { $count } проміжків на день.
}
# $text — те, що ввели замість часу; $latest — 23:59 для початку, 24:00 для кінця.
refusal-booking-not-a-time = { refusal-booking-on }: { $text } — не час доби у вигляді ГГ:ХХ (від 00:00 до { $latest }).
refusal-booking-too-many-dates = { $count ->
    [one] Особливі години можна задати не більше ніж для { $count } дати.
   *[other] Особливі години можна задати не більше ніж для { $count } дат.
}
refusal-booking-date-twice = Для дати { $date } особливі години задано двічі.
refusal-booking-not-a-zone = { $zone } — не часовий пояс; вкажіть назву IANA, наприклад Europe/Berlin.
refusal-booking-window = { $count ->
    [one] Вільний час можна запитати не більше ніж на { $count } день за раз.
    [few] Вільний час можна запитати не більше ніж на { $count } дні за раз.
   *[other] Вільний час можна запитати не більше ніж на { $count } днів за раз.
}

## Посилання для запису (власник)

refusal-booking-link-needs = Посиланню для запису потрібні адреса (slug) і назва.
refusal-booking-calendar = Календар для записів має бути вашим (або календарем підключеного облікового запису), і ви маєте могти додавати в нього події.
refusal-booking-slug-shape = Адреса (slug) — від 3 до 40 малих латинських літер, цифр і дефісів (не на краях), наприклад intro-call.
refusal-booking-slug-reserved = Адресу (slug) { $slug } зарезервовано; виберіть іншу.
refusal-booking-slug-taken = Адреса /book/{ $slug } уже зайнята; виберіть іншу.
refusal-booking-slug-just-taken = Адресу /book/{ $slug } щойно зайняли; виберіть іншу.
refusal-booking-slug-yours = У вас уже є посилання /{ $slug }.
refusal-booking-slug-fixed = Адресу (slug) посилання змінити не можна; створіть нове посилання.
refusal-booking-no-link = Посилання для запису /{ $slug } немає.
refusal-booking-too-many-links = Посилань для запису може бути не більше { $count }.
refusal-booking-title-empty = Посиланню для запису потрібна назва.
refusal-booking-title-long = { $count ->
    [one] Назва — не довша за { $count } символ.
    [few] Назва — не довша за { $count } символи.
   *[other] Назва — не довша за { $count } символів.
}
# $field — назва налаштування в API (вона ж у дужках), $low і $high — його межі.
refusal-booking-number = { $field ->
    [duration_minutes] Зустріч триває від { $low } до { $high } хвилин (duration_minutes).
    [step_minutes] Час початку йде з кроком від { $low } до { $high } хвилин (step_minutes).
    [buffer_before_minutes] Запас перед зустріччю — від { $low } до { $high } хвилин (buffer_before_minutes).
    [buffer_after_minutes] Запас після зустрічі — від { $low } до { $high } хвилин (buffer_after_minutes).
    [min_notice_minutes] Мінімальний термін запису — від { $low } до { $high } хвилин (min_notice_minutes).
    [horizon_days] Записуватися можна на строк від { $low } до { $high } днів наперед (horizon_days).
    [max_per_day] Максимум записів на день — число від { $low } до { $high } (max_per_day).
   *[other] { $field } — ціле число від { $low } до { $high }.
}
refusal-booking-durations = { $count ->
    [one] Посилання може пропонувати не більше { $count } іншої тривалості.
   *[other] Посилання може пропонувати не більше { $count } інших тривалостей.
}
# $field — description або location.
refusal-booking-text-long = { $field ->
    [description] Опис — не довший за { $count } символів.
    [location] Місце — не довше за { $count } символів.
   *[other] { $field } — не довше за { $count } символів.
}
refusal-booking-too-many-questions = { $count ->
    [one] Посилання може ставити не більше { $count } запитання.
   *[other] Посилання може ставити не більше { $count } запитань.
}
# $number — місце запитання в списку (1 — перше).
refusal-booking-question-unlabelled = У запитання { $number } немає тексту.
refusal-booking-question-label-long = { $count ->
    [one] Текст запитання { $number } — не довший за { $count } символ.
    [few] Текст запитання { $number } — не довший за { $count } символи.
   *[other] Текст запитання { $number } — не довший за { $count } символів.
}

## Запис на час (гість)

refusal-booking-paused = Це посилання для запису на паузі; зараз записатися за ним не можна.
# $choices — хвилини, які пропонує посилання («30, 60»).
refusal-booking-duration = За цим посиланням можна записатися на { $choices } хв, а не на { $minutes }.
refusal-booking-slot-gone = Цей час уже недоступний; виберіть інший.
refusal-booking-slot-not-free = Цей час недоступний; виберіть інший.
refusal-booking-slot-just-taken = Цей час щойно зайняв хтось інший.
refusal-booking-day-full = На цей день місць більше немає.
refusal-booking-past = Цей час уже минув; виберіть інший.
refusal-booking-too-soon-minutes = { $count ->
    [one] Надто скоро: за цим посиланням записуються не пізніше ніж за { $count } хвилину.
    [few] Надто скоро: за цим посиланням записуються не пізніше ніж за { $count } хвилини.
   *[other] Надто скоро: за цим посиланням записуються не пізніше ніж за { $count } хвилин.
}
refusal-booking-too-soon-hours = { $count ->
    [one] Надто скоро: за цим посиланням записуються не пізніше ніж за { $count } годину.
    [few] Надто скоро: за цим посиланням записуються не пізніше ніж за { $count } години.
   *[other] Надто скоро: за цим посиланням записуються не пізніше ніж за { $count } годин.
}
refusal-booking-too-soon-days = { $count ->
    [one] Надто скоро: за цим посиланням записуються не пізніше ніж за { $count } день.
    [few] Надто скоро: за цим посиланням записуються не пізніше ніж за { $count } дні.
   *[other] Надто скоро: за цим посиланням записуються не пізніше ніж за { $count } днів.
}
refusal-booking-too-far = { $count ->
    [one] Надто далеко: за цим посиланням записуються не більше ніж на { $count } день наперед.
    [few] Надто далеко: за цим посиланням записуються не більше ніж на { $count } дні наперед.
   *[other] Надто далеко: за цим посиланням записуються не більше ніж на { $count } днів наперед.
}
refusal-booking-name = { $count ->
    [one] Потрібне ваше ім’я (не довше за { $count } символ).
    [few] Потрібне ваше ім’я (не довше за { $count } символи).
   *[other] Потрібне ваше ім’я (не довше за { $count } символів).
}
refusal-booking-email = Потрібна дійсна адреса електронної пошти: на неї прийде запрошення.
refusal-booking-own-address = Вкажіть власну адресу пошти: на неї прийде запрошення.
# $question — запитання, на яке дано відповідь; $asked — запитання сторінки.
refusal-booking-no-question = { $count ->
    [0] На цій сторінці запису немає запитання «{ $question }» (запитань на ній немає).
   *[other] На цій сторінці запису немає запитання «{ $question }» (її запитання: { $asked }).
}
refusal-booking-answer-missing = Дайте, будь ласка, відповідь: { $question }
refusal-booking-answer-long = { $count ->
    [one] Відповідь на запитання «{ $question }» задовга (не більше { $count } символу).
   *[other] Відповідь на запитання «{ $question }» задовга (не більше { $count } символів).
}
# $name — ім’я того, до кого записуються.
refusal-booking-no-calendar = Записатися нікуди: у користувача { $name } немає календаря.

## Запис за посиланням для керування ним (гість)

refusal-booking-not-valid = Це посилання на запис недійсне.
refusal-booking-cancelled-already = Цей запис уже було скасовано.
refusal-booking-begun = Цей запис уже почався; змінити його тепер не можна.
refusal-booking-link-gone = Посилання для запису, за яким зроблено цей запис, більше немає.
refusal-booking-event-gone = Подію цього запису видалено; запишіться знову.
refusal-booking-calendar-closed = Цей запис тут більше не можна змінити: календар, у якому він стоїть, більше не відкритий для його посилання запису. Напишіть організаторові.

## Що надсилає запит: сторінка запису (гість), /availability, /bookings і посилання для запису (власник)

refusal-booking-body-too-deep = У тілі запиту надто глибока вкладеність.
refusal-booking-control-characters = У текстах не може бути керівних символів.
refusal-booking-body-object = { $what ->
    [booking] Запис передають об’єктом JSON.
    [cancellation] Скасування передають об’єктом JSON.
    [new-time] Новий час передають об’єктом JSON.
   *[other] Тіло запиту — це об’єкт JSON.
}
refusal-booking-body-field = { $what ->
    [booking] Поля «{ $field }» немає; поля запису: { $known }.
    [cancellation] Поля «{ $field }» немає; поля скасування: { $known }.
    [new-time] Поля «{ $field }» немає; поля нового часу: { $known }.
   *[other] Поля «{ $field }» немає; поля запиту: { $known }.
}
refusal-booking-zone-form = «{ $field }» — це назва часового поясу IANA, наприклад Europe/Berlin.
refusal-booking-moment-form = { $field ->
    [start] Початок
   *[other] Кінець
} — це дата (РРРР-ММ-ДД) або дата з часом за RFC 3339.
refusal-booking-duration-param = Тривалість (duration) — це ціла кількість хвилин, одна з тих, що пропонує посилання.
refusal-booking-field-required = { $field ->
    [name] Потрібне ваше ім’я.
    [email] Потрібна ваша адреса пошти.
    [start] Вкажіть час початку.
   *[other] Заповніть поле «{ $field }».
}
refusal-booking-field-text = Поле «{ $field }» має бути текстом.
refusal-booking-field-long = Поле «{ $field }» — не довше за { $most ->
    [one] { $most } символ
    [few] { $most } символи
   *[other] { $most } символів
}.
refusal-booking-start-form = Початок — це дата з часом за RFC 3339.
refusal-booking-start-date = Початок — це дата з часом (початок вибраного часу), а не просто дата.
refusal-booking-duration-minutes = Тривалість (duration_minutes) — це ціла кількість хвилин із тих, що пропонує посилання.
refusal-booking-answers-form = Відповіді (answers) — це об’єкт вигляду {"{"}"q1": "..."{"}"}.
refusal-booking-answer-text = Кожна відповідь — це текст не довший за { $most ->
    [one] { $most } символ
    [few] { $most } символи
   *[other] { $most } символів
}.
refusal-booking-no-page = За цією адресою немає сторінки запису.
refusal-booking-link-slug = slug — це адреса (slug) одного з ваших посилань.
