## Os e-mails do Televent: lembretes, a agenda da manhã, avisos, convites, agendamentos,
## o e-mail com o código e as páginas de cancelar a inscrição.

## O resumo de um evento num e-mail

mail-label-when = Quando
mail-label-where = Onde
mail-label-organizer = Organização
mail-label-guests = Convidados
mail-field = { $label }: { $value }
mail-list-heading = { $label }:
mail-no-title = (sem título)
mail-no-time = sem horário
mail-someone = Alguém
mail-the-organizer = Quem organiza
mail-all-day = o dia todo
mail-when-all-day = { $day } (o dia todo)
mail-day-and-time = { $day }, { $time }
mail-time-range = { $start }–{ $end }
mail-in-zone = { $when } ({ $zone })
mail-one-occurrence = { $text } (só esta vez)

## Lembretes

mail-reminder-subject = Lembrete: { $title } @ { $when }
mail-reminder-now = { $title } começa agora
mail-reminder-soon = { $title } começa em breve
mail-reminder-minutes =
    { $count ->
        [one] { $title } começa em { $count } minuto
       *[other] { $title } começa em { $count } minutos
    }
mail-reminder-hours =
    { $count ->
        [one] { $title } começa em { $count } hora
       *[other] { $title } começa em { $count } horas
    }
mail-reminder-days =
    { $count ->
        [one] { $title } começa em { $count } dia
       *[other] { $title } começa em { $count } dias
    }

## Convites, mudanças e respostas

mail-invitation-subject = Convite: { $title } @ { $when }
mail-invitation-headline = { $organizer } convida você
mail-invitation-update-subject = Convite atualizado: { $title } @ { $when }
mail-invitation-update-headline = { $organizer } mudou a reunião; confira os detalhes
mail-cancelled-subject = Cancelado: { $title } @ { $when }
mail-cancelled-headline = A reunião foi cancelada
mail-uninvited-subject = Você saiu da lista: { $title } @ { $when }
mail-uninvited-headline = Você foi removido da reunião
mail-answer-in-app = Responda no Telegram ou no app de calendário: { $url }
mail-rsvp =
    { $status ->
        [accepted] { $who } aceitou
        [declined] { $who } recusou
        [tentative] { $who } talvez participe
        [delegated] { $who } delegou o convite
       *[other] { $who } respondeu
    }
mail-rsvp-subject = { $answer }: { $title } @ { $when }
mail-imip-invite-headline = { $who } convida você para { $title }
mail-imip-update-headline = { $who } atualizou { $title }
mail-imip-cancel-headline = { $who } cancelou { $title }
mail-imip-declinecounter-headline = { $who } mantém o horário de { $title }
mail-imip-declinecounter-subject = Proposta recusada: { $title } @ { $when }

## Agendamentos dos links de uma pessoa

mail-booking-with = { $title } com { $name }
mail-booked-subject = Agendado: { $meeting } @ { $when }
mail-booked-headline = { $name } agendou um horário com você
mail-booking-cancelled-subject = Agendamento cancelado: { $meeting } @ { $when }
mail-booking-cancelled-headline = { $name } cancelou
mail-booking-moved-subject = Agendamento remarcado: { $meeting } @ { $when }
mail-booking-moved-headline = { $name } remarcou o agendamento
mail-booking-reason = Motivo: { $reason }
mail-booking-was = Antes: { $when }
mail-booking-email = E-mail: { $email }
mail-visitor-moved-subject = Remarcado: { $meeting } @ { $when }
mail-visitor-manage = Cancelar ou remarcar: { $url }

## A agenda da manhã

mail-agenda-subject = Seu dia: { $day }
mail-agenda-intro = Seu dia, { $day } ({ $zone })
mail-agenda-empty = Nada planejado para hoje.
mail-agenda-unreadable =
    { $count ->
        [one] ({ $count } evento não pôde ser mostrado)
       *[other] ({ $count } eventos não puderam ser mostrados)
    }
mail-agenda-conflicts = (!) marca eventos que se sobrepõem.
mail-agenda-conflict = (!) { $when }
mail-agenda-at = em { $location }
mail-agenda-repeats = se repete
mail-agenda-awaiting = aguardando sua resposta

## Por que o e-mail chegou

mail-footer-why =
    { $kind ->
        [reminders] Você recebe lembretes por e-mail porque escolheu isso nas configurações do Televent.
        [agenda] Você recebe a agenda da manhã por e-mail porque escolheu isso nas configurações do Televent.
       *[notices] Você recebe avisos sobre seus eventos por e-mail porque escolheu isso nas configurações do Televent.
    }
mail-footer-stop = Parar de receber estes e-mails: { $url }
mail-footer-settings = Mude isso com /settings no bot ou no app de calendário.

## O código que vincula um e-mail

mail-code-subject = Seu código do Televent: { $code }
mail-code-someone = Uma pessoa do Televent
mail-code-asked =
    { $minutes ->
        [one] { $who } pediu para vincular { $address } à própria conta do Televent. Para isso, informe este código ao Televent (no bot: /email { $code }) em até { $minutes } minuto.
       *[other] { $who } pediu para vincular { $address } à própria conta do Televent. Para isso, informe este código ao Televent (no bot: /email { $code }) em até { $minutes } minutos.
    }
mail-code-ignore = Se não foi você, ignore este e-mail: nada é vinculado sem o código.

## As páginas do link para cancelar a inscrição

mail-unsubscribe-page-title = Televent: e-mail
mail-unsubscribe-not-found = Este link para cancelar a inscrição não é válido (ou não é mais). Escolha o que recebe por e-mail com /settings no bot do Televent.
mail-unsubscribe-confirm =
    { $kind ->
        [reminders] Parar de enviar lembretes de { $name } por e-mail? O Telegram e os outros e-mails continuam como estão.
        [agenda] Parar de enviar a agenda da manhã de { $name } por e-mail? O Telegram e os outros e-mails continuam como estão.
       *[notices] Parar de enviar avisos de { $name } por e-mail? O Telegram e os outros e-mails continuam como estão.
    }
mail-unsubscribe-button =
    { $kind ->
        [reminders] Cancelar inscrição nos lembretes
        [agenda] Cancelar inscrição na agenda da manhã
       *[notices] Cancelar inscrição nos avisos
    }
mail-unsubscribe-done =
    { $kind ->
        [reminders] Pronto: os lembretes de { $name } não chegam mais por e-mail. Ative de novo com /settings no bot do Televent ou no app de calendário.
        [agenda] Pronto: a agenda da manhã de { $name } não chega mais por e-mail. Ative de novo com /settings no bot do Televent ou no app de calendário.
       *[notices] Pronto: os avisos de { $name } não chegam mais por e-mail. Ative de novo com /settings no bot do Televent ou no app de calendário.
    }
