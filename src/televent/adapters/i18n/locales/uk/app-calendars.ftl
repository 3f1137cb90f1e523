# Календарі в Mini App та учасники календаря (js/calendars.js).
calendars-title = Календарі
calendars-back = Календарі
calendars-role-owner = Власник
calendars-role-subscriber = Підписка
calendars-role-read = Може переглядати
calendars-role-write = Може редагувати
calendars-role-manage = Може керувати
calendars-group = Група
calendars-yours = Ваш
calendars-shared-by = { $owner } надає вам доступ до «{ $name }»
calendars-shared-one = Вам надали доступ до «{ $name }»
calendars-shared-many = { $count ->
    [one] Вам надали доступ до { $count } календаря
    [few] Вам надали доступ до { $count } календарів
    [many] Вам надали доступ до { $count } календарів
   *[other] Вам надали доступ до { $count } календаря
}
calendars-view = Переглянути
calendars-only = Лише «{ $name }»
calendars-show-all = Показати всі
calendars-added = Додано «{ $name }»
calendars-declined = Запрошення відхилено
calendars-from = Від: { $owner } · { $role }
calendars-from-someone = Від когось · { $role }
calendars-accept = Прийняти
calendars-accept-label = Прийняти { $name }
calendars-decline = Відхилити
calendars-decline-label = Відхилити { $name }
calendars-show-label = Показувати { $name }
calendars-share = Поділитися
calendars-share-label = Поділитися { $name }
calendars-people = Учасники
calendars-people-label = Учасники { $name }
calendars-invitations = Запрошення
calendars-shown = Показані в календарі
calendars-none = Календарів поки немає.
calendars-you = { $name } (ви)
calendars-invited = Запрошено
calendars-role-of = Роль: { $name }
calendars-remove = Прибрати
calendars-remove-label = Прибрати { $name }
calendars-colour-everyone = Цей колір бачать усі.
calendars-colour-you = Цей колір бачите лише ви.
calendars-leave = Вийти з календаря
calendars-leave-group = Вийти з календаря групи
calendars-people-failed = Не вдалося завантажити учасників.
calendars-role-changed = { $name }: { $role }
calendars-remove-question = Прибрати { $name } з «{ $calendar }»?
calendars-removed = { $name } більше не учасник
calendars-invited-toast = Запрошення надіслано: { $name }
calendars-leave-question = Вийти з «{ $name }»? Його події зникнуть із вашого календаря.
calendars-leave-yes = Вийти
calendars-left = Ви вийшли з «{ $name }»
calendars-read-only = Лише перегляд: додавати й змінювати події не можна.
calendars-colour = Колір
calendars-share-with = Надати доступ
calendars-share-placeholder = @username або Telegram ID
calendars-role = Роль
calendars-share-hint = Людина отримає повідомлення в Telegram і побачить календар, коли прийме запрошення.
calendars-people-title = Учасники
