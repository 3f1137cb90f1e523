# Mini App: переходы между экранами, сохранение и удаление событий, ошибки, экран входа
# и собственные напоминания события (js/app.js, js/api.js, js/reminders.js).
main-back = Назад
main-back-calendar = Календарь
main-save = Сохранить
main-created = Событие создано
main-saved = Сохранено
main-delete = Удалить
main-delete-question = Удалить «{ $title }»?
main-deleted = Удалено
main-moved = Перенесено
main-accept-first = Примите приглашение, чтобы видеть этот календарь.
main-calendar-unavailable = Этот календарь вам недоступен.
main-error-changed = Это событие изменили в другом месте; оно загружено заново.
main-error-offline = Televent недоступен. Проверьте подключение.
main-error-status = Сервер ответил { $status }.
main-login-title = Добро пожаловать в Televent
main-login-how = Откройте Televent из бота или отправьте боту /app, чтобы получить ссылку для входа.

# Собственные напоминания события: на карточке и в форме.
reminders-legend = Напоминания
reminders-none-choice = Без напоминания
reminders-at-start = В момент начала
reminders-at-end = В момент окончания
reminders-before = За { $duration }
reminders-after = Через { $duration } после начала
reminders-before-end = За { $duration } до окончания
reminders-after-end = Через { $duration } после окончания
reminders-at-moment = { $moment }
reminders-minutes = { $count ->
    [one] { $count } минуту
    [few] { $count } минуты
    [many] { $count } минут
   *[other] { $count } минуты
}
reminders-hours = { $count ->
    [one] { $count } час
    [few] { $count } часа
    [many] { $count } часов
   *[other] { $count } часа
}
reminders-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
    [many] { $count } дней
   *[other] { $count } дня
}
reminders-weeks = { $count ->
    [one] { $count } неделю
    [few] { $count } недели
    [many] { $count } недель
   *[other] { $count } недели
}
reminders-seconds = { $count ->
    [one] { $count } секунду
    [few] { $count } секунды
    [many] { $count } секунд
   *[other] { $count } секунды
}
reminders-list = { $count ->
    [one] Напоминание
   *[other] Напоминания
}: { $reminders }
reminders-none = Без напоминания
reminders-default = Напоминание: { $reminder } (как в настройках)
reminders-off = Без напоминаний: они выключены в настройках
reminders-hint-default = Ничего не отмечено — обычное напоминание: { $reminder }.
reminders-hint-off = Напоминания выключены в настройках, поэтому ничего не придёт.
reminders-hint-ignored = Собственные напоминания событий в настройках не учитываются. Для всех событий: { $reminder }.
# A time field (js/timefield.js) holding something that is not a time.
time-field-invalid = { $field }: укажите время, например { $example }.
