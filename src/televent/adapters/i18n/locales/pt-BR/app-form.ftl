# O Mini App: o formulário do evento, a repetição dele, a pergunta sobre quais repetições uma
# mudança afeta e o cartão do evento.

form-back = Voltar
form-new = Novo evento
form-edit = Editar evento
form-edit-occurrence = Editar este evento
form-edit-following = Editar este e os seguintes
form-title-label = Título
form-calendar = Agenda
form-all-day = Dia inteiro
form-starts = Começa
form-ends = Termina
form-start-date = Data de início
form-start-time = Hora de início
form-end-date = Data de término
form-end-time = Hora de término
form-zone = Horários em { $zone }
form-location = Local
form-notes = Notas
form-save = Salvar

form-error-title = Dê um título ao evento.
form-error-start = Escolha uma data de início.
form-error-end-before = O término está antes do início.
form-error-end-after = O término precisa ser depois do início.
form-error-interval = Repita a cada 1 a { $most }.
form-error-count = Diga quantas vezes: de 1 a { $most }.
form-error-until = A repetição precisa terminar no dia do início ou depois.

## A repetição
form-repeat = Repetir
form-repeat-never = Não se repete
form-repeat-daily = Todo dia
form-repeat-weekly = Toda semana
form-repeat-monthly = Todo mês
form-repeat-yearly = Todo ano
form-repeat-custom = Personalizada: { $rule }
form-every = A cada
form-unit-days = { $interval ->
    [one] dia
   *[other] dias
}
form-unit-weeks = { $interval ->
    [one] semana
   *[other] semanas
}
form-unit-months = { $interval ->
    [one] mês
   *[other] meses
}
form-unit-years = { $interval ->
    [one] ano
   *[other] anos
}
form-on-days = Nestes dias
form-repeat-on = Repetir em
form-on-month-day = No dia { $day }
form-on-nth = { $when } do mês
form-yearly-on-date = Em { $date }
form-yearly-on-nth = { $when } de { $month }
form-repeat-ends = Termina
form-ends-never = Nunca
form-ends-on = Em
form-until-label = Último dia da repetição
form-ends-after = Depois de
form-count-label = Número de vezes
form-unit-times = { $count ->
    [one] vez
   *[other] vezes
}

## Quais repetições uma mudança afeta
form-scope-edit = Editar este evento que se repete:
form-scope-move = Mover este evento que se repete:
form-scope-delete = Excluir este evento que se repete:
form-scope-occurrence = Só este evento
form-scope-following = Este e os seguintes
form-scope-series = Todos os eventos

## O cartão do evento
card-status-accepted = Aceito
card-status-tentative = Talvez
card-status-declined = Recusado
card-status-needs-action = Sem resposta
card-status-delegated = Delegado
card-no-title = (sem título)
card-cancelled = Cancelado pelo organizador
card-organizer = Organizador: { $name }
card-view-only = Só leitura: você não pode mudar os eventos desta agenda.
card-your-answer = Sua resposta
card-accept = Aceitar
card-maybe = Talvez
card-decline = Recusar
card-answer-sent = Resposta enviada: { $status }
card-guests = Convidados
card-no-guests = Nenhum convidado ainda
card-invite-label = Convidar por @usuário ou e-mail
card-invite-placeholder = @usuário ou nome@example.com
card-invite = Convidar
card-invited = Convite enviado para { $who }
card-remove = Remover
card-remove-label = Remover { $name }
card-remove-question = Remover { $name } deste evento?
card-edit = Editar
card-delete = Excluir
