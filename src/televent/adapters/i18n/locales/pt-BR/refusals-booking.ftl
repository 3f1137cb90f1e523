# Recusas sobre os horários disponíveis, os links de agendamento e os agendamentos
# (TeleventError.worded): o dono as vê nas configurações do Mini App, em /availability e /booking;
# quem agenda, na página de agendamento (/book/<slug>) e no link para gerenciar o agendamento.

## Horários da semana e datas com horário próprio

# O dia de que se trata: $day é um dia da semana ("mon" … "sun") ou uma data.
refusal-booking-on = { $day ->
    [mon] Segunda-feira
    [tue] Terça-feira
    [wed] Quarta-feira
    [thu] Quinta-feira
    [fri] Sexta-feira
    [sat] Sábado
    [sun] Domingo
   *[other] { $day }
}
# $start e $end são horários como foram digitados (HH:MM).
refusal-booking-range-backwards = { refusal-booking-on }: o intervalo { $start }-{ $end } termina antes de começar.
# $first e $second são intervalos como 09:00-13:30.
refusal-booking-ranges-overlap = { refusal-booking-on }: os intervalos { $first } e { $second } se sobrepõem.
refusal-booking-too-many-ranges = { refusal-booking-on }: no máximo { $count } intervalos por dia.
# $text é o que foi dado como horário; $latest é 23:59 para um início e 24:00 para um fim.
refusal-booking-not-a-time = { refusal-booking-on }: { $text } não é um horário no formato HH:MM (de 00:00 a { $latest }).
refusal-booking-too-many-dates = No máximo { $count } datas podem ter horário próprio.
refusal-booking-date-twice = A data { $date } tem horário próprio duas vezes.
refusal-booking-not-a-zone = { $zone } não é um fuso horário; use um nome IANA como Europe/Berlin.
refusal-booking-window = Peça horários livres de no máximo { $count } dias por vez.

## Links de agendamento (o dono)

refusal-booking-link-needs = Um link de agendamento precisa de um endereço (slug) e de um título.
refusal-booking-calendar = O calendário das reservas precisa ser um dos seus (de uma conta conectada também) em que você possa adicionar eventos.
refusal-booking-slug-shape = O endereço (slug) tem de 3 a 40 letras minúsculas sem acento, dígitos e hifens (não nas pontas), por exemplo intro-call.
refusal-booking-slug-reserved = O endereço (slug) { $slug } é reservado; escolha outro.
refusal-booking-slug-taken = O endereço /book/{ $slug } já está em uso; escolha outro.
refusal-booking-slug-just-taken = O endereço /book/{ $slug } acabou de ser usado por outra pessoa; escolha outro.
refusal-booking-slug-yours = Você já tem um link /{ $slug }.
refusal-booking-slug-fixed = O endereço (slug) de um link não pode mudar; crie um link novo.
refusal-booking-no-link = Não existe nenhum link de agendamento /{ $slug }.
refusal-booking-too-many-links = Você pode ter no máximo { $count } links de agendamento.
refusal-booking-title-empty = Um link de agendamento precisa de um título.
refusal-booking-title-long = O título tem no máximo { $count } caracteres.
# $field é o nome da configuração na API (também entre parênteses); $low e $high, os limites.
refusal-booking-number = { $field ->
    [duration_minutes] Uma reunião dura de { $low } a { $high } minutos (duration_minutes).
    [step_minutes] Os horários de início ficam de { $low } a { $high } minutos um do outro (step_minutes).
    [buffer_before_minutes] O intervalo antes de uma reunião é de { $low } a { $high } minutos (buffer_before_minutes).
    [buffer_after_minutes] O intervalo depois de uma reunião é de { $low } a { $high } minutos (buffer_after_minutes).
    [min_notice_minutes] A antecedência é de { $low } a { $high } minutos (min_notice_minutes).
    [horizon_days] Os agendamentos podem ser feitos de { $low } a { $high } dias à frente (horizon_days).
    [max_per_day] O máximo de agendamentos por dia é um número de { $low } a { $high } (max_per_day).
   *[other] { $field } é um número inteiro de { $low } a { $high }.
}
refusal-booking-durations = { $count ->
    [one] Um link oferece no máximo { $count } outra duração.
   *[other] Um link oferece no máximo { $count } outras durações.
}
# $field é description ou location.
refusal-booking-text-long = { $field ->
    [description] A descrição tem no máximo { $count } caracteres.
    [location] O local tem no máximo { $count } caracteres.
   *[other] { $field } tem no máximo { $count } caracteres.
}
refusal-booking-too-many-questions = Um link faz no máximo { $count } perguntas.
# $number é a posição da pergunta na lista (1 para a primeira).
refusal-booking-question-unlabelled = A pergunta { $number } precisa de um texto.
refusal-booking-question-label-long = O texto da pergunta { $number } tem no máximo { $count } caracteres.

## Agendar um horário (quem agenda)

refusal-booking-paused = Este link de agendamento está pausado; agora ele não aceita agendamentos.
# $choices são os minutos que o link oferece ("30, 60").
refusal-booking-duration = Este link agenda { $choices } minutos, não { $minutes }.
refusal-booking-slot-gone = Esse horário não está mais disponível; escolha outro.
refusal-booking-slot-not-free = Esse horário não está disponível; escolha outro.
refusal-booking-slot-just-taken = Esse horário acabou de ser reservado por outra pessoa.
refusal-booking-day-full = Esse dia já está lotado.
refusal-booking-past = Esse horário já passou; escolha outro.
refusal-booking-too-soon-minutes = { $count ->
    [one] Esse horário está perto demais: este link aceita agendamentos com pelo menos { $count } minuto de antecedência.
   *[other] Esse horário está perto demais: este link aceita agendamentos com pelo menos { $count } minutos de antecedência.
}
refusal-booking-too-soon-hours = { $count ->
    [one] Esse horário está perto demais: este link aceita agendamentos com pelo menos { $count } hora de antecedência.
   *[other] Esse horário está perto demais: este link aceita agendamentos com pelo menos { $count } horas de antecedência.
}
refusal-booking-too-soon-days = { $count ->
    [one] Esse horário está perto demais: este link aceita agendamentos com pelo menos { $count } dia de antecedência.
   *[other] Esse horário está perto demais: este link aceita agendamentos com pelo menos { $count } dias de antecedência.
}
refusal-booking-too-far = { $count ->
    [one] Esse horário está longe demais: este link aceita agendamentos até { $count } dia à frente.
   *[other] Esse horário está longe demais: este link aceita agendamentos até { $count } dias à frente.
}
refusal-booking-name = Precisamos do seu nome (no máximo { $count } caracteres).
refusal-booking-email = Precisamos de um e-mail válido: o convite vai para ele.
refusal-booking-own-address = Informe o seu próprio e-mail: o convite vai para ele.
# $question é a pergunta respondida; $asked, as perguntas da página.
refusal-booking-no-question = { $count ->
    [0] Esta página de agendamento não tem nenhuma pergunta “{ $question }” (ela não faz perguntas).
   *[other] Esta página de agendamento não tem nenhuma pergunta “{ $question }” (as perguntas dela: { $asked }).
}
refusal-booking-answer-missing = Responda, por favor: { $question }
refusal-booking-answer-long = A resposta a “{ $question }” é longa demais (no máximo { $count } caracteres).
# $name é o nome da pessoa com quem se agenda.
refusal-booking-no-calendar = { $name } não tem nenhuma agenda em que dê para agendar.

## Um agendamento, pelo link de gerenciamento (quem agendou)

refusal-booking-not-valid = Este link do agendamento não é válido.
refusal-booking-cancelled-already = Este agendamento já estava cancelado.
refusal-booking-begun = Este agendamento já começou; agora não dá mais para mudá-lo.
refusal-booking-link-gone = O link de agendamento deste agendamento não existe mais.
refusal-booking-event-gone = O evento deste agendamento não existe mais; agende de novo.
refusal-booking-calendar-closed = Este agendamento não pode mais ser alterado aqui: a agenda em que ele está não está mais aberta ao link de agendamento. Escreva ao organizador.

## O que uma requisição envia: a da página de agendamento (quem agenda), /availability, /bookings e os links de agendamento (o dono)

refusal-booking-body-too-deep = O corpo da requisição está aninhado fundo demais.
refusal-booking-control-characters = Os textos não podem conter caracteres de controle.
refusal-booking-body-object = { $what ->
    [booking] Um agendamento é enviado como objeto JSON.
    [cancellation] Um cancelamento é enviado como objeto JSON.
    [new-time] Um novo horário é enviado como objeto JSON.
   *[other] O corpo da requisição é um objeto JSON.
}
refusal-booking-body-field = { $what ->
    [booking] O campo “{ $field }” não existe; um agendamento leva: { $known }.
    [cancellation] O campo “{ $field }” não existe; um cancelamento leva: { $known }.
    [new-time] O campo “{ $field }” não existe; um novo horário leva: { $known }.
   *[other] O campo “{ $field }” não existe; a requisição leva: { $known }.
}
refusal-booking-zone-form = “{ $field }” é o nome de um fuso horário IANA, como Europe/Berlin.
refusal-booking-moment-form = { $field ->
    [start] O início
   *[other] O fim
} é uma data (AAAA-MM-DD) ou uma data e hora RFC 3339.
refusal-booking-duration-param = A duração (duration) é um número inteiro de minutos, um dos que o link oferece.
refusal-booking-field-required = { $field ->
    [name] Seu nome é necessário.
    [email] Seu endereço de e-mail é necessário.
    [start] Informe o horário de início.
   *[other] O campo “{ $field }” é necessário.
}
refusal-booking-field-text = O campo “{ $field }” precisa ser um texto.
refusal-booking-field-long = O campo “{ $field }” tem no máximo { $most } caracteres.
refusal-booking-start-form = O início é uma data e hora RFC 3339.
refusal-booking-start-date = O início é uma data com hora (o início do horário escolhido), não só uma data.
refusal-booking-duration-minutes = A duração (duration_minutes) é um número inteiro de minutos, entre os que o link oferece.
refusal-booking-answers-form = As respostas (answers) são um objeto como {"{"}"q1": "..."{"}"}.
refusal-booking-answer-text = Cada resposta é um texto de no máximo { $most } caracteres.
refusal-booking-no-page = Não há página de agendamento neste endereço.
refusal-booking-link-slug = slug é o endereço (slug) de um dos seus links.
