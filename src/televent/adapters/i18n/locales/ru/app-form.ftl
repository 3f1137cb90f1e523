# Мини-приложение: форма события, её повторение, вопрос, к каким повторам относится изменение,
# и карточка события.

form-back = Назад
form-new = Новое событие
form-edit = Изменить событие
form-edit-occurrence = Изменить это событие
form-edit-following = Изменить это и следующие
form-title-label = Название
form-calendar = Календарь
form-all-day = Весь день
form-starts = Начало
form-ends = Конец
form-start-date = Дата начала
form-start-time = Время начала
form-end-date = Дата окончания
form-end-time = Время окончания
form-zone = Время указано в поясе { $zone }
form-location = Место
form-notes = Заметки
form-save = Сохранить

form-error-title = Дайте событию название.
form-error-start = Выберите дату начала.
form-error-end-before = Конец раньше начала.
form-error-end-after = Конец должен быть позже начала.
form-error-interval = Интервал повтора — от 1 до { $most }.
form-error-count = Укажите, сколько раз: от 1 до { $most }.
form-error-until = Повторы должны закончиться не раньше начала.

## Повторение
form-repeat = Повторять
form-repeat-never = Не повторять
form-repeat-daily = Каждый день
form-repeat-weekly = Каждую неделю
form-repeat-monthly = Каждый месяц
form-repeat-yearly = Каждый год
form-repeat-custom = Особое правило: { $rule }
form-every = Раз в
form-unit-days = { $interval ->
    [one] день
    [few] дня
    [many] дней
   *[other] дня
}
form-unit-weeks = { $interval ->
    [one] неделю
    [few] недели
    [many] недель
   *[other] недели
}
form-unit-months = { $interval ->
    [one] месяц
    [few] месяца
    [many] месяцев
   *[other] месяца
}
form-unit-years = { $interval ->
    [one] год
    [few] года
    [many] лет
   *[other] года
}
form-on-days = В эти дни
form-repeat-on = Повторять
form-on-month-day = { $day }-го числа
form-on-nth = { $when } месяца
form-yearly-on-date = { $date }
form-yearly-on-nth = { $when } { $month }
form-repeat-ends = Окончание
form-ends-never = Никогда
form-ends-on = Дата
form-until-label = Последний день повторов
form-ends-after = После
form-count-label = Сколько раз
form-unit-times = { $count ->
    [one] раза
    [few] раз
    [many] раз
   *[other] раза
}

## К каким повторам относится изменение
form-scope-edit = Изменить повторяющееся событие:
form-scope-move = Перенести повторяющееся событие:
form-scope-delete = Удалить повторяющееся событие:
form-scope-occurrence = Только это событие
form-scope-following = Это и следующие
form-scope-series = Все события

## Карточка события
card-status-accepted = Принято
card-status-tentative = Может быть
card-status-declined = Отклонено
card-status-needs-action = Нет ответа
card-status-delegated = Передано
card-no-title = (без названия)
card-cancelled = Отменено организатором
card-organizer = Организатор: { $name }
card-view-only = Только просмотр: события этого календаря менять нельзя.
card-your-answer = Ваш ответ
card-accept = Пойду
card-maybe = Может быть
card-decline = Не пойду
card-answer-sent = Ответ отправлен: { $status }
card-guests = Гости
card-no-guests = Гостей пока нет
card-invite-label = Пригласить по @username или email
card-invite-placeholder = @username или name@example.com
card-invite = Пригласить
card-invited = Приглашение отправлено: { $who }
card-remove = Убрать
card-remove-label = Убрать { $name }
card-remove-question = Убрать { $name } из этого события?
card-edit = Изменить
card-delete = Удалить
