# The calendar screen: its toolbar, the views and the grid's own words (index.html,
# js/calendar.js, js/ui.js).
calendar-label = Календар
calendar-previous = Попередній період
calendar-next = Наступний період
calendar-new-event = Нова подія
calendar-today = Сьогодні
calendar-views = Вигляд
calendar-view-month = Місяць
calendar-view-week = Тиждень
calendar-view-3day = 3 дні
calendar-view-day = День
calendar-view-agenda = Список
calendar-no-title = (без назви)
calendar-nothing-planned = Нічого не заплановано
calendar-all-day = увесь день
# Events a day of the month hides, behind a link.
calendar-more = ще { $count }
calendar-all-day-when = { $days }, увесь день
# Above the grid, when the server could not list everything in the period shown.
calendar-unreadable = { $count ->
    [one] { $count } подію не можна показати: її дані не читаються.
    [few] { $count } події не можна показати: їхні дані не читаються.
    [many] { $count } подій не можна показати: їхні дані не читаються.
   *[other] { $count } події не можна показати: їхні дані не читаються.
}
calendar-incomplete = Подія повторюється надто часто, щоб показати тут усі повторення; коротший вигляд показує всі.
calendar-incomplete-day = Подія повторюється надто часто, щоб показати всі повторення: показано перші 1000 за день.
calendar-too-many = Подій більше, ніж вміщує один вигляд: показано перші 10 000; коротший вигляд показує всі.
calendar-too-many-day = Подій більше, ніж вміщує один вигляд: показано перші 10 000 за день.
main-cancel = Скасувати
