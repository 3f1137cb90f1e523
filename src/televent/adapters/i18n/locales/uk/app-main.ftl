# Mini App: переходи між екранами, збереження й видалення подій, помилки, екран входу та власні
# нагадування події (js/app.js, js/api.js, js/reminders.js).
main-back = Назад
main-back-calendar = Календар
main-save = Зберегти
main-created = Подію створено
main-saved = Збережено
main-delete = Видалити
main-delete-question = Видалити «{ $title }»?
main-deleted = Видалено
main-moved = Перенесено
main-accept-first = Прийміть запрошення, щоб бачити цей календар.
main-calendar-unavailable = Цей календар вам недоступний.
main-error-changed = Цю подію змінили деінде; її завантажено знову.
main-error-offline = Televent недоступний. Перевірте з’єднання.
main-error-status = Сервер відповів { $status }.
main-login-title = Вітаємо в Televent
main-login-how = Відкрийте Televent із бота або надішліть боту /app, щоб отримати посилання для входу.

# Власні нагадування події: на картці й у формі.
reminders-legend = Нагадування
reminders-none-choice = Без нагадування
reminders-at-start = На початку
reminders-at-end = Наприкінці
reminders-before = За { $duration }
reminders-after = Через { $duration } після початку
reminders-before-end = За { $duration } до кінця
reminders-after-end = Через { $duration } після кінця
reminders-at-moment = { $moment }
reminders-minutes = { $count ->
    [one] { $count } хвилину
    [few] { $count } хвилини
    [many] { $count } хвилин
   *[other] { $count } хвилини
}
reminders-hours = { $count ->
    [one] { $count } годину
    [few] { $count } години
    [many] { $count } годин
   *[other] { $count } години
}
reminders-days = { $count ->
    [one] { $count } день
    [few] { $count } дні
    [many] { $count } днів
   *[other] { $count } дня
}
reminders-weeks = { $count ->
    [one] { $count } тиждень
    [few] { $count } тижні
    [many] { $count } тижнів
   *[other] { $count } тижня
}
reminders-seconds = { $count ->
    [one] { $count } секунду
    [few] { $count } секунди
    [many] { $count } секунд
   *[other] { $count } секунди
}
reminders-list = { $count ->
    [one] Нагадування
   *[other] Нагадування
}: { $reminders }
reminders-none = Без нагадування
reminders-default = Нагадування: { $reminder } (як у налаштуваннях)
reminders-off = Без нагадувань: їх вимкнено в налаштуваннях
reminders-hint-default = Нічого не позначено — звичайне нагадування: { $reminder }.
reminders-hint-off = Нагадування вимкнено в налаштуваннях, тож нічого не надійде.
reminders-hint-ignored = Власні нагадування подій у налаштуваннях не враховуються. Для всіх подій: { $reminder }.
# A time field (js/timefield.js) holding something that is not a time.
time-field-invalid = { $field }: вкажіть час, наприклад { $example }.
