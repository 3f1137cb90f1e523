# Recusas de agendas, eventos, compartilhamento, grupos, configurações e contas
# (TeleventError.worded): no bot, no campo detail da JSON API e no Mini App.

## As agendas e as pessoas com quem são compartilhadas

refusal-calendars-calendar-gone = Agenda não encontrada.
refusal-calendars-share-self = Você não pode compartilhar uma agenda com você mesmo.
refusal-calendars-share-owner = Essa pessoa é dona desta agenda.
refusal-calendars-no-such-person = Essa pessoa não tem conta no Televent.
refusal-calendars-already-member = Essa pessoa já é membro; mude o papel dela em vez disso.
refusal-calendars-member-cap = { $most ->
    [one] Uma agenda é compartilhada com no máximo { $most } pessoa.
   *[other] Uma agenda é compartilhada com no máximo { $most } pessoas.
}
refusal-calendars-already-accepted = Você já aceitou esta agenda; se não a quer mais, saia dela.
refusal-calendars-not-member = Essa pessoa não é membro desta agenda.
refusal-calendars-owner-stays = O dono não pode sair da própria agenda; ele pode excluí-la.
refusal-calendars-not-a-role = “{ $role }” não é um papel: use read (pode ver), write (pode editar) ou manage (pode gerenciar).
refusal-calendars-not-published = Esta agenda não está publicada.
refusal-calendars-role-forbids = { $what ->
    [share] Seu papel nesta agenda não permite compartilhá-la.
    [roles] Seu papel nesta agenda não permite mudar os papéis dos membros.
    [remove] Seu papel nesta agenda não permite remover membros.
    [subscription] Seu papel nesta agenda não permite alterar a assinatura dela.
   *[other] Seu papel nesta agenda não permite publicá-la.
}
refusal-calendars-read-only = Você pode ver esta agenda, mas não alterar os eventos dela.
refusal-calendars-cannot-manage = Seu papel nesta agenda não permite gerenciar os membros dela.
refusal-calendars-owner-only = Só o dono da agenda pode renomeá-la ou excluí-la para todos.
refusal-calendars-role-denied = Seu papel não permite isso.
refusal-calendars-changed-meanwhile = Outra pessoa alterou isto ao mesmo tempo; recarregue e tente de novo.
refusal-calendars-property-unknown = Os calendários não têm nenhuma propriedade “{ $property }”.
refusal-calendars-busy = Se o calendário conta como ocupado (busy) é indicado com true ou false.
refusal-calendars-client-properties = Um calendário guarda no máximo { $most } propriedades de aplicativos de calendário.
refusal-calendars-client-property = Uma propriedade de um aplicativo de calendário tem no máximo { $most } caracteres e um nome na forma {"{"}namespace{"}"}name.

## O nome, a cor e o tempo ocupado de uma agenda, e com quem ela é compartilhada (PATCH /calendars/{id}, seus membros)

refusal-calendars-field-fixed = “{ $field }” não pode ser alterado aqui; dá para alterar name, color e busy.
refusal-calendars-name-blank = O nome não pode ficar em branco; informe um nome ou null.
refusal-calendars-name-control-characters = O nome contém caracteres de controle.
refusal-calendars-name-long = O nome tem no máximo { $most } caracteres.
refusal-calendars-name-kept = A sua própria agenda mantém um nome: informe um, não null.
refusal-calendars-color = A cor é um valor como #1E88E5, ou null.
refusal-calendars-busy-value = busy é true, false ou null.
refusal-calendars-busy-own = busy só existe para agendas compartilhadas com você; as suas sempre contam como tempo ocupado.
refusal-calendars-member-not-started = Esse usuário do Telegram ainda não iniciou o bot, então não tem agenda.
refusal-calendars-member-unknown = Nenhum usuário do Televent se chama { $name }; peça para a pessoa abrir o bot primeiro.
refusal-calendars-member-form = Informe um id do Telegram ou um @usuário.
refusal-calendars-owner-role = O papel do dono não pode mudar: a agenda é dele.

## Eventos

refusal-calendars-event-gone = Esse evento não existe mais.
refusal-calendars-event-changed = Este evento foi alterado em outro lugar enquanto estava aberto com você; recarregue e tente de novo.
refusal-calendars-kept-changing = O evento não parou de mudar enquanto era salvo; tente de novo.
refusal-calendars-event-cancelled = Esse evento foi cancelado.
refusal-calendars-not-attendee = Essa pessoa não é participante deste evento.
refusal-calendars-not-invited = Você não foi convidado para este evento.
refusal-calendars-title-required = Dê um título ao evento.
refusal-calendars-title-empty = O título do evento não pode ficar vazio.
refusal-calendars-too-long = { $field ->
    [title] O título
    [location] O local
   *[other] A descrição
} tem mais de { $limit ->
    [one] { $limit } caractere
   *[other] { $limit } caracteres
}.
refusal-calendars-event-time-zone = { $field ->
    [timezone] “{ $zone }” não é um fuso horário conhecido; use um nome IANA, como America/Sao_Paulo.
   *[other] “{ $zone }” ({ $field }) não é um fuso horário conhecido; use um nome IANA, como America/Sao_Paulo.
}
refusal-calendars-end-before-start = O fim do evento tem que ser depois do início.
refusal-calendars-years = { $field ->
    [start] A data de início
    [end] A data de fim
   *[other] A data
} “{ $given }” fica fora dos anos que o Televent guarda: de { $first } a { $last }.
refusal-calendars-recurrence = “{ $rule }” é uma regra de repetição (RRULE) que o Televent não consegue ler.
refusal-calendars-recurrence-never = “{ $rule }” termina antes de o evento começar, ou sem nenhuma repetição: o evento nunca apareceria.
refusal-calendars-not-repeating = Este evento não se repete.
refusal-calendars-no-occurrence = O evento não tem nenhuma repetição nesse horário.
refusal-calendars-series-unsplittable = Esta série não pode ser dividida aí; altere a série inteira.

## Propostas de outro horário, respondidas pelo organizador

refusal-calendars-proposal-unknown = Essa proposta não é conhecida.
refusal-calendars-proposal-not-yours = Essa proposta não é de nenhum dos seus eventos.
refusal-calendars-proposal-answered = { $status ->
    [accepted] Você já respondeu a esta proposta (aceitou).
   *[other] Você já respondeu a esta proposta (recusou).
}

## Agendas de grupos

refusal-calendars-group-admins-only = Só os administradores do grupo podem mudar as configurações da agenda dele.
refusal-calendars-group-view-only = A agenda deste grupo é só para ver: só os administradores adicionam eventos.
refusal-calendars-group-no-calendar = Este grupo ainda não tem agenda: envie /calendar primeiro.
refusal-calendars-group-calendar-gone = A agenda deste grupo não existe mais: envie /calendar para abrir uma nova.
refusal-calendars-group-event-elsewhere = Esse evento não está na agenda deste grupo.

## Configurações e notificações

refusal-calendars-time-zone = Fuso horário desconhecido “{ $zone }”; use um nome IANA, como America/Sao_Paulo.
refusal-calendars-reminder-minutes = Um lembrete chega entre 0 e { $most } minutos antes.
refusal-calendars-agenda-time = A agenda da manhã chega num horário escrito como HH:MM (24 horas), como 07:30, ou fica desligada.
refusal-calendars-quiet-hours = As horas de silêncio são um início e um fim escritos como HH:MM-HH:MM, como 22:00-07:00, ou ficam desligadas.
refusal-calendars-quiet-hours-equal = As horas de silêncio começam e terminam em horários diferentes.
refusal-calendars-channels = Os lembretes, a agenda da manhã e os avisos chegam pelo Telegram, por e-mail, pelos dois ou por nenhum.
refusal-calendars-channel-unknown = “{ $channel }” não é um meio pelo qual o Televent envia mensagens: cada tipo chega pelo Telegram, por e-mail, pelos dois ou por nenhum.
refusal-calendars-language = O Televent não fala “{ $value }”. Escolha um destes idiomas: { $languages }, ou automático.

## Contas e dispositivos

refusal-calendars-no-account = Você ainda não tem conta no Televent: envie /start ao bot primeiro.
refusal-calendars-login-no-account = Envie /start ao bot primeiro: não há nenhuma conta para entrar.
refusal-calendars-device-name = Um nome de dispositivo tem de 1 a 64 letras, dígitos, espaços ou caracteres . @ ' ( ) + - _.
refusal-calendars-device-exists = Já existe um dispositivo chamado “{ $name }”; revogue-o primeiro.
refusal-calendars-no-device = Nenhum dispositivo ativo se chama “{ $name }”.
refusal-calendars-no-erasure = Nenhuma exclusão está programada para esta conta.
refusal-calendars-email-not-linked = { $address } não está vinculado a esta conta.
