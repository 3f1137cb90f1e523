# Recusas sobre convidados e suas respostas, e sobre regras de repetição
# (TeleventError.worded): no campo detail da API JSON e no Mini App.

## Convidados e respostas

refusal-events-invitee-no-user = { $invitee } ainda não está no Televent: peça para a pessoa enviar /start ao bot, ou convide por e-mail.
refusal-events-invitee-not-started = O usuário do Telegram { $invitee } ainda não iniciou o bot: peça para ele enviar /start ao bot, ou convide por e-mail.
refusal-events-invitee-unreadable = “{ $invitee }” não é um @usuário, um id do Telegram nem um endereço de e-mail.
refusal-events-invitee-control-characters = Um convidado não pode conter caracteres de controle.
refusal-events-attendees-no-user = { $invitee } ainda não está no Televent: peça para a pessoa enviar /start ao bot, ou convide por e-mail.
refusal-events-attendees-not-started = O usuário do Telegram { $invitee } ainda não iniciou o bot: peça para ele enviar /start ao bot, ou convide por e-mail.
refusal-events-attendees-unreadable = “{ $invitee }” não é um @usuário, um id do Telegram nem um endereço de e-mail.
refusal-events-attendees-control-characters = Um convidado não pode conter caracteres de controle.
refusal-events-invitee-missing = Informe quem você convida: um @usuário, um id do Telegram ou um endereço de e-mail.
refusal-events-invitee-name = O nome de um convidado precisa ser um texto.
refusal-events-invitee-yourself = Esse é você: você organiza este evento.
refusal-events-invitee-organizer = Essa pessoa é quem organiza este evento.
refusal-events-attendees-list = Os convidados vão numa lista de no máximo { $most }.
refusal-events-attendees-item = Cada convidado é um @usuário, um id do Telegram ou um endereço de e-mail.
refusal-events-attendee-whom = Informe qual participante remover.
refusal-events-attendee-unknown = { $address } não é participante deste evento.
refusal-events-rsvp-status = Responda com accepted, tentative ou declined.
refusal-events-rsvp-occurrence = Informe uma repetição pelo seu recurrence_id.

## Regras de repetição (RRULE) e as repetições de uma série

refusal-events-rule-too-often = “{ $rule }” se repete mais de uma vez por hora; os eventos se repetem no máximo de hora em hora.
refusal-events-rule-interval = Em “{ $rule }”, o intervalo (INTERVAL) precisa ser um número inteiro de pelo menos 1.
refusal-events-rule-never-matches = “{ $rule }” não dá nenhuma data em cem anos a partir do início: suas partes nunca coincidem.
refusal-events-rule-setpos-seconds = “{ $rule }” combina BYSETPOS com vários valores de BYSECOND, o que o Televent não guarda.
refusal-events-rule-too-dense = “{ $rule }” se repete mais de { $most } vezes em uma hora; os eventos não se repetem com mais frequência.
refusal-events-rule-unexpandable = Não é possível calcular as repetições deste evento a partir da regra e das exceções dele.
refusal-events-rule-whole-series = A regra de repetição vale para a série inteira; retire occurrence.
refusal-events-no-series = Este evento não é uma série da qual se possa tirar uma repetição.
refusal-events-occurrence-form = { $kind ->
    [date] As repetições desta série são indicadas por uma data (AAAA-MM-DD).
   *[time] As repetições desta série são indicadas por data e hora.
}

## Os campos de um evento (POST e PATCH /events, o formulário de evento do Mini App)

refusal-events-field-unknown = O campo “{ $field }” não existe ou não pode ser alterado.
refusal-events-field-true-or-false = O campo “{ $field }” precisa ser true ou false.
refusal-events-field-null = O campo “{ $field }” não pode ser null.
refusal-events-field-text = O campo “{ $field }” precisa ser um texto.
refusal-events-field-control-characters = O campo “{ $field }” contém caracteres de controle (só são permitidas tabulações e quebras de linha).
refusal-events-moment = “{ $given }” não serve como { $field ->
    [start] início
    [end] fim
    [occurrence] repetição
   *[other] valor de “{ $field }”
}: não é uma data (AAAA-MM-DD) nem uma data e hora RFC 3339.
refusal-events-moment-form = { $kind ->
    [date] { $field ->
        [start] O início
       *[other] O fim
    } de um evento de dia inteiro é uma data (AAAA-MM-DD), sem horário.
   *[time] { $field ->
        [start] O início
       *[other] O fim
    } de um evento com horário é uma data com horário.
}
refusal-events-start-required = Informe quando o evento começa.
refusal-events-start-for-time = Se um evento de dia inteiro passar a ter horário, informe também quando ele começa.
refusal-events-not-an-event = Isso não é um evento.

## Listar eventos (GET /events) e os intervalos de outras listas (/bookings, os horários livres de uma página de agendamento)

refusal-events-window-bound = { $field ->
    [start] Informe a partir de quando listar (start, em RFC 3339, como 2026-03-02T00:00:00Z).
   *[other] Informe até quando listar (end, em RFC 3339, como 2026-03-02T00:00:00Z).
}
refusal-events-window-backwards = O fim do intervalo precisa ser depois do início.
refusal-events-window-too-long = Um intervalo abrange no máximo { $days } dias; peça o seguinte depois.
refusal-events-cursor-other-query = Este cursor é de outra consulta (start, end, calendar, q).
refusal-events-cursor-unknown = Este cursor não foi dado por esta lista.
refusal-events-calendar-not-yours = Essa não é uma das suas agendas (informe o id ou o slug dela).

## Gravar um evento pela API (POST e PATCH /events)

refusal-events-no-calendar = Você não tem nenhuma agenda onde colocar o evento.
refusal-events-calendar-form = Informe a agenda pelo id ou pelo slug.
refusal-events-calendar-move = Aqui um evento não pode ser movido para outra agenda.
refusal-events-attendees-elsewhere = Os convidados são alterados com /api/v1/events/{"{"}id{"}"}/attendees.
refusal-events-range-value = range é thisandfuture ou fica de fora.
refusal-events-range-occurrence = Com range, informe também a repetição a partir da qual ele vale (?occurrence=).
refusal-events-data-unreadable = Os dados iCalendar salvos deste evento não podem ser lidos: { $reason }

## Os lembretes do próprio evento (reminders, em POST e PATCH /events)

refusal-events-reminders-list = O campo “{ $field }” é uma lista de no máximo { $most } lembretes, ou null.
refusal-events-reminders-item = Cada lembrete em “{ $field }” é um número de minutos antes do início, ou um TRIGGER como os mostrados.
refusal-events-reminder-too-far = Um lembrete em “{ $field }” fica a no máximo { $most } minutos do início.
refusal-events-reminder-trigger = “{ $given }” em “{ $field }” não é um TRIGGER como RELATED=END:-PT15M.

invitee-no-user = ainda não está no Televent: peça para a pessoa enviar /start ao bot, ou convide por e-mail.
invitee-not-started = esse usuário do Telegram ainda não iniciou o bot: peça para ele enviar /start ao bot, ou convide por e-mail.
invitee-unreadable = não é um @usuário, um id do Telegram nem um endereço de e-mail.

refusal-data-end-before-start = termina (DTEND) antes de começar (DTSTART).
refusal-data-too-many-attendees = tem mais de { $most } participantes.
refusal-data-no-uid = não tem UID.
refusal-data-unparsable = seu texto não é iCalendar.
refusal-data-value = seu { $property } não pode ser lido.
refusal-data-line = uma de suas linhas não pode ser lida.
refusal-data-nul = contém um caractere NUL, que dados de calendário não podem ter.
refusal-data-too-long = seu { $property } dura mais que os 100 anos que o Televent guarda.
refusal-data-zone-rules = um de seus fusos horários tem regras que o Televent não consegue ler com segurança.
refusal-data-two-series = tem mais de uma parte para a série inteira (sem RECURRENCE-ID).
refusal-data-instance-twice = duas de suas partes mudam a mesma repetição (RECURRENCE-ID).
refusal-data-some-value = um de seus valores não pode ser lido.
refusal-data-alarm-no-trigger = um de seus lembretes (VALARM) não tem TRIGGER.
refusal-data-wrong-kind = Esta agenda não guarda { $kind ->
    [VEVENT] eventos
    [VTODO] tarefas
   *[other] notas
}; escolha outra agenda.
