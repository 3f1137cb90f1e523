# Години для запису та посилання для запису в налаштуваннях Mini App, запис на картці події
# (js/booking.js).
bookings-title = Запис
bookings-hours-intro = Коли до вас можна записатися за вашими посиланнями; на зайнятий час запис не потрапить.
bookings-hours-zone = Часовий пояс:
bookings-default-hours = Це години за замовчуванням ({ $first } — { $last }, { $from }–{ $to }), доки ви не збережете свої.
bookings-hours-failed = Не вдалося завантажити ваші години.
bookings-day-off-label = { $day } вихідний
bookings-off = Вихідний
bookings-day-off = Вихідний
bookings-add-hours-label = Додати години: { $day }
bookings-add-hours = + години
bookings-date-off = вихідний
bookings-remove-label = Прибрати { $what }
bookings-remove = Прибрати
bookings-from-label = { $day } з
bookings-to-label = { $day } до
bookings-date-off-added = { $date } стане вихідним, коли ви збережете
bookings-date-off-label = Вихідний день
bookings-add-date-off = Додати вихідний
bookings-link-active = Працює
bookings-link-paused = На паузі
bookings-link-summary = { $minutes } хв · { $count ->
    [one] { $count } майбутній запис
    [few] { $count } майбутні записи
    [many] { $count } майбутніх записів
   *[other] { $count } майбутнього запису
}
bookings-copy = Скопіювати посилання
bookings-pause = Пауза
bookings-resume = Відновити
bookings-delete = Видалити
bookings-delete-label = Видалити { $title }
bookings-no-links = Посилань для запису поки немає.
bookings-copied = Посилання скопійовано
bookings-copy-prompt = Скопіюйте посилання:
bookings-resumed = «{ $title }» знову приймає записи
bookings-paused = «{ $title }» на паузі
bookings-delete-question = Видалити «{ $title }»? Сторінка перестане працювати; уже зроблені записи залишаться в календарі.
bookings-deleted = «{ $title }» видалено
bookings-created = «{ $title }» готове: { $url }
bookings-links-title = Посилання для запису
bookings-new-link = Нове посилання
bookings-slug = Адреса (slug)
bookings-slug-placeholder = Адреса, наприклад intro
bookings-link-title = Назва
bookings-link-title-placeholder = Назва, наприклад «Знайомство»
bookings-minutes = Хвилин
bookings-buffer-before = Запас до
bookings-buffer-after = Запас після
bookings-notice = Не пізніше ніж за (хв)
bookings-horizon = Днів наперед
bookings-per-day = Максимум на день
bookings-no-limit = без обмеження
bookings-into = Записувати в
bookings-into-default = Ваш основний календар
bookings-link-into = Записи в { $calendar }
bookings-create = Створити посилання
bookings-card-title = Запис за посиланням «{ $title }»
bookings-card-zone = Їхній часовий пояс: { $zone }
bookings-card-active = Записано: перенести чи скасувати можна за посиланням із підтвердження.
bookings-card-cancelled = Скасовано
bookings-card-released = Звільнено: подію видалено, час знову вільний.
