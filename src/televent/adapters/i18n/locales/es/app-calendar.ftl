# The calendar screen: its toolbar, the views and the grid's own words (index.html,
# js/calendar.js, js/ui.js).
calendar-label = Calendario
calendar-previous = Periodo anterior
calendar-next = Periodo siguiente
calendar-new-event = Nuevo evento
calendar-today = Hoy
calendar-views = Vista
calendar-view-month = Mes
calendar-view-week = Semana
calendar-view-3day = 3 días
calendar-view-day = Día
calendar-view-agenda = Agenda
calendar-no-title = (sin título)
calendar-nothing-planned = Nada previsto
calendar-all-day = todo el día
# Events a day of the month hides, behind a link.
calendar-more = { $count } más
calendar-all-day-when = { $days }, todo el día
# Above the grid, when the server could not list everything in the period shown.
calendar-unreadable = { $count ->
    [one] { $count } evento no se puede mostrar: sus datos no se pueden leer.
   *[other] { $count } eventos no se pueden mostrar: sus datos no se pueden leer.
}
calendar-incomplete = Un evento se repite demasiado para mostrar aquí cada vez; una vista más corta muestra todas sus repeticiones.
calendar-incomplete-day = Un evento se repite demasiado para mostrar cada vez: se muestran sus primeras 1000 del día.
calendar-too-many = Hay más eventos de los que caben en una vista: se muestran los primeros 10.000; una vista más corta los muestra todos.
calendar-too-many-day = Hay más eventos de los que caben en una vista: se muestran los primeros 10.000 del día.
main-cancel = Cancelar
