# The calendar screen: its toolbar, the views and the grid's own words (index.html,
# js/calendar.js, js/ui.js).
calendar-label = Calendário
calendar-previous = Período anterior
calendar-next = Próximo período
calendar-new-event = Novo evento
calendar-today = Hoje
calendar-views = Visualização
calendar-view-month = Mês
calendar-view-week = Semana
calendar-view-3day = 3 dias
calendar-view-day = Dia
calendar-view-agenda = Agenda
calendar-no-title = (sem título)
calendar-nothing-planned = Nada planejado
calendar-all-day = dia inteiro
# Events a day of the month hides, behind a link.
calendar-more = mais { $count }
calendar-all-day-when = { $days }, dia inteiro
# Above the grid, when the server could not list everything in the period shown.
calendar-unreadable = { $count ->
    [one] { $count } evento não pode ser mostrado: seus dados não podem ser lidos.
   *[other] { $count } eventos não podem ser mostrados: seus dados não podem ser lidos.
}
calendar-incomplete = Um evento se repete com frequência demais para aparecer aqui todas as vezes; uma visualização mais curta mostra todas.
calendar-incomplete-day = Um evento se repete com frequência demais para aparecer todas as vezes: as primeiras 1.000 do dia são mostradas.
calendar-too-many = Há mais eventos do que cabem em uma visualização: os primeiros 10.000 são mostrados; uma visualização mais curta mostra todos.
calendar-too-many-day = Há mais eventos do que cabem em uma visualização: os primeiros 10.000 do dia são mostrados.
main-cancel = Cancelar
