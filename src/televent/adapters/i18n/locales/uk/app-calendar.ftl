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
main-cancel = Скасувати
