# Часы для записи и ссылки для записи в настройках Mini App, запись на карточке события
# (js/booking.js).
bookings-title = Запись
bookings-hours-intro = Когда к вам можно записаться по вашим ссылкам; на занятое время запись не попадёт.
bookings-hours-zone = Часовой пояс:
bookings-default-hours = Это часы по умолчанию ({ $first } — { $last }, { $from }–{ $to }), пока вы не сохраните свои.
bookings-hours-failed = Не удалось загрузить ваши часы.
bookings-day-off-label = { $day } выходной
bookings-off = Выходной
bookings-day-off = Выходной
bookings-add-hours-label = Добавить часы: { $day }
bookings-add-hours = + часы
bookings-date-off = выходной
bookings-remove-label = Убрать { $what }
bookings-remove = Убрать
bookings-from-label = { $day } с
bookings-to-label = { $day } до
bookings-date-off-added = { $date } станет выходным, когда вы сохраните
bookings-date-off-label = Выходной день
bookings-add-date-off = Добавить выходной
bookings-link-active = Работает
bookings-link-paused = На паузе
bookings-link-summary = { $minutes } мин · { $count ->
    [one] { $count } предстоящая запись
    [few] { $count } предстоящие записи
    [many] { $count } предстоящих записей
   *[other] { $count } предстоящей записи
}
bookings-copy = Скопировать ссылку
bookings-pause = Пауза
bookings-resume = Возобновить
bookings-delete = Удалить
bookings-delete-label = Удалить { $title }
bookings-no-links = Ссылок для записи пока нет.
bookings-copied = Ссылка скопирована
bookings-copy-prompt = Скопируйте ссылку:
bookings-resumed = «{ $title }» снова принимает записи
bookings-paused = «{ $title }» на паузе
bookings-delete-question = Удалить «{ $title }»? Страница перестанет работать; уже сделанные записи останутся в календаре.
bookings-deleted = «{ $title }» удалена
bookings-created = «{ $title }» готова: { $url }
bookings-links-title = Ссылки для записи
bookings-new-link = Новая ссылка
bookings-slug = Адрес (slug)
bookings-slug-placeholder = Адрес, например intro
bookings-link-title = Название
bookings-link-title-placeholder = Название, например «Знакомство»
bookings-minutes = Минут
bookings-buffer-before = Запас до
bookings-buffer-after = Запас после
bookings-notice = Не позже чем за (мин)
bookings-horizon = Дней вперёд
bookings-per-day = Максимум в день
bookings-no-limit = без ограничения
bookings-into = Записывать в
bookings-into-default = Ваш основной календарь
bookings-link-into = Записи в { $calendar }
bookings-create = Создать ссылку
bookings-card-title = Запись по ссылке «{ $title }»
bookings-card-zone = Их часовой пояс: { $zone }
bookings-card-active = Записан(а): перенести или отменить можно по ссылке из подтверждения.
bookings-card-cancelled = Отменена
bookings-card-released = Освобождено: событие удалено, время снова свободно.
