# Mini App: navegar entre as telas, salvar e excluir eventos, erros, a tela de acesso e os
# lembretes próprios de um evento (js/app.js, js/api.js, js/reminders.js).
main-back = Voltar
main-back-calendar = Calendário
main-save = Salvar
main-created = Evento criado
main-saved = Salvo
main-delete = Excluir
main-delete-question = Excluir “{ $title }”?
main-deleted = Excluído
main-moved = Movido
main-accept-first = Aceite o convite para ver este calendário.
main-calendar-unavailable = Este calendário não está disponível para você.
main-error-changed = Este evento foi alterado em outro lugar; ele foi recarregado.
main-error-offline = Não foi possível conectar ao Televent. Verifique sua conexão.
main-error-status = O servidor respondeu { $status }.
main-login-title = Boas-vindas ao Televent
main-login-how = Abra o Televent pelo bot ou envie /app ao bot para receber um link de acesso.

# Os lembretes próprios de um evento, no cartão e no formulário.
reminders-legend = Lembretes
reminders-none-choice = Nenhum
reminders-at-start = No início
reminders-at-end = No fim
reminders-before = { $duration } antes
reminders-after = { $duration } depois do início
reminders-before-end = { $duration } antes do fim
reminders-after-end = { $duration } depois do fim
reminders-at-moment = Em { $moment }
reminders-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
reminders-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
reminders-days = { $count ->
    [one] { $count } dia
   *[other] { $count } dias
}
reminders-weeks = { $count ->
    [one] { $count } semana
   *[other] { $count } semanas
}
reminders-seconds = { $count ->
    [one] { $count } segundo
   *[other] { $count } segundos
}
reminders-list = { $count ->
    [one] Lembrete
   *[other] Lembretes
}: { $reminders }
reminders-none = Sem lembrete
reminders-default = Lembrete: { $reminder } (como nas configurações)
reminders-off = Sem lembretes: estão desligados nas configurações
reminders-hint-default = Nada marcado: seu lembrete de sempre, { $reminder }.
reminders-hint-off = Os lembretes estão desligados nas configurações, então nenhum é enviado.
reminders-hint-ignored = Suas configurações ignoram os lembretes próprios dos eventos: cada evento avisa você { $reminder }.
# A time field (js/timefield.js) holding something that is not a time.
time-field-invalid = { $field }: escreva um horário, por exemplo { $example }.
