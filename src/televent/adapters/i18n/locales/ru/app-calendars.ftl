# Календари в Mini App и участники календаря (js/calendars.js).
calendars-title = Календари
calendars-back = Календари
calendars-role-owner = Владелец
calendars-role-subscriber = Подписка
calendars-role-read = Может смотреть
calendars-role-write = Может изменять
calendars-role-manage = Может управлять
calendars-group = Группа
calendars-yours = Ваш
calendars-shared-by = { $owner } открыл(а) вам календарь «{ $name }»
calendars-shared-one = Вам открыли календарь «{ $name }»
calendars-shared-many = { $count ->
    [one] Вам открыли { $count } календарь
    [few] Вам открыли { $count } календаря
    [many] Вам открыли { $count } календарей
   *[other] Вам открыли { $count } календаря
}
calendars-view = Посмотреть
calendars-only = Только «{ $name }»
calendars-show-all = Показать все
calendars-added = Добавлен «{ $name }»
calendars-declined = Приглашение отклонено
calendars-from = От: { $owner } · { $role }
calendars-from-someone = От кого-то · { $role }
calendars-accept = Принять
calendars-accept-label = Принять { $name }
calendars-decline = Отклонить
calendars-decline-label = Отклонить { $name }
calendars-show-label = Показывать { $name }
calendars-share = Поделиться
calendars-share-label = Поделиться { $name }
calendars-people = Участники
calendars-people-label = Участники { $name }
calendars-invitations = Приглашения
calendars-shown = Показаны в календаре
calendars-none = Календарей пока нет.
calendars-you = { $name } (вы)
calendars-invited = Приглашён
calendars-role-of = Роль: { $name }
calendars-remove = Убрать
calendars-remove-label = Убрать { $name }
calendars-colour-everyone = Этот цвет видят все.
calendars-colour-you = Этот цвет видите только вы.
calendars-leave = Покинуть календарь
calendars-leave-group = Покинуть календарь группы
calendars-people-failed = Не удалось загрузить участников.
calendars-role-changed = { $name }: { $role }
calendars-remove-question = Убрать { $name } из «{ $calendar }»?
calendars-removed = { $name } больше не участник
calendars-invited-toast = Приглашение отправлено: { $name }
calendars-leave-question = Покинуть «{ $name }»? Его события пропадут из вашего календаря.
calendars-leave-yes = Покинуть
calendars-left = Вы покинули «{ $name }»
calendars-read-only = Только просмотр: добавлять и менять события нельзя.
calendars-colour = Цвет
calendars-share-with = Открыть доступ
calendars-share-placeholder = @username или Telegram ID
calendars-role = Роль
calendars-share-hint = Человек получит сообщение в Telegram и увидит календарь, когда примет приглашение.
calendars-people-title = Участники
