# The calendar screen: its toolbar, the views and the grid's own words (index.html,
# js/calendar.js, js/ui.js).
calendar-label = Календарь
calendar-previous = Предыдущий период
calendar-next = Следующий период
calendar-new-event = Новое событие
calendar-today = Сегодня
calendar-views = Вид
calendar-view-month = Месяц
calendar-view-week = Неделя
calendar-view-3day = 3 дня
calendar-view-day = День
calendar-view-agenda = Список
calendar-no-title = (без названия)
calendar-nothing-planned = Ничего не запланировано
calendar-all-day = весь день
# Events a day of the month hides, behind a link.
calendar-more = ещё { $count }
calendar-all-day-when = { $days }, весь день
# Above the grid, when the server could not list everything in the period shown.
calendar-unreadable = { $count ->
    [one] { $count } событие нельзя показать: его данные не читаются.
    [few] { $count } события нельзя показать: их данные не читаются.
    [many] { $count } событий нельзя показать: их данные не читаются.
   *[other] { $count } события нельзя показать: их данные не читаются.
}
calendar-incomplete = Событие повторяется слишком часто, чтобы показать здесь все повторения; в более коротком виде видны все.
calendar-incomplete-day = Событие повторяется слишком часто, чтобы показать все повторения: показаны первые 1000 за день.
calendar-too-many = Событий больше, чем помещается в одном виде: показаны первые 10 000; в более коротком виде видны все.
calendar-too-many-day = Событий больше, чем помещается в одном виде: показаны первые 10 000 за день.
main-cancel = Отмена
