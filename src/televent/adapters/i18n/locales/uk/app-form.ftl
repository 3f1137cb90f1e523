# Міні-застосунок: форма події, її повторення, питання, яких повторів стосується зміна,
# і картка події.

form-back = Назад
form-new = Нова подія
form-edit = Змінити подію
form-edit-occurrence = Змінити цю подію
form-edit-following = Змінити цю й наступні
form-title-label = Назва
form-calendar = Календар
form-all-day = Увесь день
form-starts = Початок
form-ends = Кінець
form-start-date = Дата початку
form-start-time = Час початку
form-end-date = Дата закінчення
form-end-time = Час закінчення
form-zone = Час у поясі { $zone }
form-location = Місце
form-notes = Нотатки
form-save = Зберегти

form-error-title = Дайте події назву.
form-error-start = Виберіть дату початку.
form-error-end-before = Кінець раніше за початок.
form-error-end-after = Кінець має бути пізніше за початок.
form-error-interval = Інтервал повтору — від 1 до { $most }.
form-error-count = Укажіть, скільки разів: від 1 до { $most }.
form-error-until = Повтори мають закінчитися не раніше за початок.

## Повторення
form-repeat = Повторювати
form-repeat-never = Не повторювати
form-repeat-daily = Щодня
form-repeat-weekly = Щотижня
form-repeat-monthly = Щомісяця
form-repeat-yearly = Щороку
form-repeat-custom = Особливе правило: { $rule }
form-every = Раз на
form-unit-days = { $interval ->
    [one] день
    [few] дні
    [many] днів
   *[other] дня
}
form-unit-weeks = { $interval ->
    [one] тиждень
    [few] тижні
    [many] тижнів
   *[other] тижня
}
form-unit-months = { $interval ->
    [one] місяць
    [few] місяці
    [many] місяців
   *[other] місяця
}
form-unit-years = { $interval ->
    [one] рік
    [few] роки
    [many] років
   *[other] року
}
form-on-days = У ці дні
form-repeat-on = Повторювати
form-on-month-day = { $day }-го числа
form-on-nth = { $when } місяця
form-yearly-on-date = { $date }
form-yearly-on-nth = { $when } { $month }
form-repeat-ends = Закінчення
form-ends-never = Ніколи
form-ends-on = Дата
form-until-label = Останній день повторів
form-ends-after = Після
form-count-label = Скільки разів
form-unit-times = { $count ->
    [one] разу
    [few] разів
    [many] разів
   *[other] разу
}

## Яких повторів стосується зміна
form-scope-edit = Змінити повторювану подію:
form-scope-move = Перенести повторювану подію:
form-scope-delete = Видалити повторювану подію:
form-scope-occurrence = Лише цю подію
form-scope-following = Цю й наступні
form-scope-series = Усі події

## Картка події
card-status-accepted = Прийнято
card-status-tentative = Можливо
card-status-declined = Відхилено
card-status-needs-action = Немає відповіді
card-status-delegated = Передано
card-no-title = (без назви)
card-cancelled = Скасовано організатором
card-organizer = Організатор: { $name }
card-view-only = Лише перегляд: події цього календаря змінювати не можна.
card-your-answer = Ваша відповідь
card-accept = Піду
card-maybe = Можливо
card-decline = Не піду
card-answer-sent = Відповідь надіслано: { $status }
card-guests = Гості
card-no-guests = Гостей поки немає
card-invite-label = Запросити за @username або email
card-invite-placeholder = @username або name@example.com
card-invite = Запросити
card-invited = Запрошення надіслано: { $who }
card-remove = Прибрати
card-remove-label = Прибрати { $name }
card-remove-question = Прибрати { $name } з цієї події?
card-edit = Змінити
card-delete = Видалити
