## As páginas públicas de agendamento (/book/<slug> e a página para gerenciar um agendamento).

booking-page-title = Agendar um horário
booking-page-needs-js = Esta página precisa de JavaScript para mostrar os horários livres.
booking-page-loading = Carregando…
booking-page-time-zone = Fuso horário
booking-page-your-booking = Seu agendamento
booking-page-add-ics = Adicionar à sua agenda (arquivo .ics)
booking-page-reschedule = Remarcar
booking-page-cancel = Cancelar agendamento
booking-page-cancel-reason = Motivo (opcional, enviado para quem organiza)
booking-page-cancel-confirm = Sim, cancelar
booking-page-cancel-keep = Manter
booking-page-book-again = Agendar outro horário
booking-page-pick-time = Escolha um horário
booking-page-duration = Duração
booking-page-earlier-days = Dias anteriores
booking-page-later-days = Próximos dias
booking-page-days = Dias
booking-page-your-details = Seus dados
booking-page-name = Nome
booking-page-email = E-mail
booking-page-optional = (opcional)
booking-page-book = Agendar
booking-page-booking = Agendando…
booking-page-choose-another = Escolher outro horário
booking-page-move-heading = Remarcar o agendamento
booking-page-move = Remarcar
booking-page-booked-heading = Agendado
booking-page-download-ics = Baixe o arquivo .ics
booking-page-download-ics-then = e abra para adicionar o agendamento à sua agenda.
booking-page-keep-link = Para mudar ou cancelar depois, guarde este link:

## Horários e durações

booking-page-zone = { $when } ({ $zone })
booking-page-day-time = { $day }, { $time }
booking-page-time-range = { $from }-{ $to }
booking-page-minutes = { $minutes } min
booking-page-hours = { $hours } h
booking-page-hours-minutes = { $hours } h { $minutes } min
booking-page-week = { $from } – { $to }
booking-page-slot-label = das { $from } às { $to }
booking-page-day-label =
    { $count ->
        [one] { $day }, { $count } horário livre
       *[other] { $day }, { $count } horários livres
    }
booking-page-day-closed = { $day }, sem horários livres
booking-page-day-heading = { $day } · horários em { $zone }

## Encontrar um horário

booking-page-looking = Procurando horários livres…
booking-page-week-empty = Não há horários livres nestes dias. Veja os próximos dias com ›.
booking-page-pick-day = Escolha um dia para ver os horários livres.
booking-page-nothing-free =
    { $days ->
        [one] Não há horários livres no próximo { $days } dia. Volte a olhar mais tarde.
       *[other] Não há horários livres nos próximos { $days } dias. Volte a olhar mais tarde.
    }
booking-page-slot-taken = Esse horário acabou de ser reservado. Escolha outro dos horários livres abaixo.
booking-page-new-time = Novo horário: { $when }

## Agendar

booking-page-book-with = Agende um horário com { $name }
booking-page-paused = { $name } não está aceitando agendamentos por este link agora. Tente de novo mais tarde.
booking-page-enter-name = Digite seu nome.
booking-page-enter-email = Digite um e-mail como ann@example.org.
booking-page-answer = Responda, por favor: { $question }
booking-page-done-heading = Você está agendado
booking-page-done = Agendado: { $when }. Um convite está a caminho de { $email }.
booking-page-done-no-mail = Agendado: { $when }. Este servidor não envia e-mails, então nenhum convite chegará a { $email }: adicione o agendamento à sua agenda você mesmo.

## Gerenciar um agendamento

booking-page-your-booking-with = Seu agendamento com { $name }
booking-page-status-active = Confirmado
booking-page-status-cancelled = Cancelado
booking-page-status-released = Cancelado por quem organiza
booking-page-booked-by = Agendado por { $name } ({ $email })
booking-page-link-paused = Este link não está aceitando agendamentos agora.
booking-page-cancelled = Seu agendamento foi cancelado. Quem organiza já foi avisado.
booking-page-already-cancelled = Este agendamento já estava cancelado.
booking-page-moved = Remarcado para { $when }. Um convite atualizado está a caminho de { $email }.
booking-page-moved-no-mail = Remarcado para { $when }. Este servidor não envia e-mails: adicione o novo horário à sua agenda com o arquivo .ics abaixo.

## Quando algo dá errado

booking-page-no-page = Esta página de agendamento não existe
booking-page-no-page-text = Confira o link que você recebeu ou peça um novo a quem enviou.
booking-page-removed-meanwhile = O link foi removido enquanto você agendava. Nada foi agendado.
booking-page-no-booking = Agendamento não encontrado
booking-page-no-booking-text = Este link não leva a um agendamento. Confira se você copiou o link inteiro.
booking-page-not-found = Página não encontrada
booking-page-not-found-text = Este endereço não leva a uma página de agendamento.
booking-page-offline = Não foi possível falar com o servidor. Confira sua conexão e tente de novo.
booking-page-too-many = Requisições demais vindas da sua rede. Espere um minuto e tente de novo.
booking-page-server-said = O servidor respondeu { $status }.

booking-event-summary = { $title }: { $visitor } e { $owner }
booking-event-booked-with = Agendado por um link de agendamento do Televent.
booking-file-manage = Cancelar ou remarcar: { $url }
