## Os eventos no bot: horários, respostas, cartões, avisos e lembretes, /create, /event,
## /invite, /rsvp e /cancel, e o que ele diz quando não consegue ler uma data.

## O horário de um evento ($day, $first, $last: "seg., 2 de mar."; $time, $start, $end: "16:00")

bot-when-none = sem data
bot-all-day = o dia todo
bot-when-all-day = { $day }, o dia todo
bot-when-all-days = { $first } – { $last }, o dia todo
bot-day-and-time = { $day }, { $time }
bot-time-range = { $start }–{ $end }
bot-time-until-day = { $start } – { $last }, { $end }
bot-quote = “{ $text }”

## Respostas a convites

bot-answer =
    { $answer ->
        [accepted] ✅ aceito
        [tentative] ❔ talvez
        [declined] ❌ recusado
        [delegated] ↪️ delegado
       *[other] ⏳ ainda sem resposta
    }
bot-your-answer = Sua resposta: { $answer }
bot-button-accept = ✅ Aceitar
bot-button-tentative = ❔ Talvez
bot-button-decline = ❌ Recusar
bot-button-accept-time = ✅ Aceitar o novo horário
bot-button-keep-time = ❌ Manter o horário
bot-button-add-calendar = ✅ Adicionar às minhas agendas
bot-button-decline-calendar = ✖️ Recusar
bot-button-invite = ➕ Convidar
bot-button-cancel-event = 🗑 Cancelar evento
bot-button-export = 📤 Exportar
bot-button-open = 📅 Abrir
bot-button-open-calendar = 📅 Abrir calendário
bot-button-open-in-browser = 🌐 Abrir no navegador
bot-button-cancel-yes = Sim, cancelar
bot-button-keep-it = Não, manter
bot-button-erase-yes = Sim, apagar meus dados
bot-button-earlier = ◀️ Antes
bot-button-later = Depois ▶️
bot-button-save = ✅ Salvar
bot-button-discard = ✖️ Descartar

## O cartão do evento (/event) e os convidados (/attendees)

bot-no-title = (sem título)
bot-event-cancelled = ❌ CANCELADO: { $title }
bot-event-organizer = 👤 Organização: { $name }
bot-event-invited =
    { $count ->
        [one] 👥 { $count } convidado:
       *[other] 👥 { $count } convidados:
    }
bot-event-id = id { $id }
bot-event-which = Qual evento? Ex.: { $command } — os ids estão em /list.
bot-event-ics-caption = Abra para adicionar o evento a outra agenda.
bot-event-gone = Esse evento não existe mais.
bot-event-not-an-id = “{ $text }” não é um id de evento; os ids são como a1b2c3 (veja /list).
bot-event-not-found = Nenhum evento { $id } na sua agenda (os ids estão em /list).
bot-event-ambiguous = Vários eventos começam com { $id }; digite mais do id.
bot-attendees-none = Ninguém foi convidado para <b>{ $title }</b> ainda. Convide com { $command }
bot-attendees-head =
    { $count ->
        [one] <b>{ $title }</b> — { $count } convidado
       *[other] <b>{ $title }</b> — { $count } convidados
    }

## Cartões de convite e avisos (para quem recebe, no envio)

bot-card-invitation = 📨 <b>Convite</b>
bot-card-updated = 🔄 <b>Convite atualizado</b> — confira os novos detalhes
bot-card-from = 👤 De { $name }
bot-notice-an-event = um evento
bot-notice-an-attendee = Um convidado
bot-notice-a-new-time = um novo horário
bot-notice-rsvp =
    { $answer ->
        [accepted] { $who } aceitou <b>{ $title }</b>
        [tentative] { $who } talvez vá a <b>{ $title }</b>
        [declined] { $who } recusou <b>{ $title }</b>
        [needs-action] { $who } ainda não respondeu a <b>{ $title }</b>
        [delegated] { $who } delegou <b>{ $title }</b>
       *[other] { $who } respondeu a <b>{ $title }</b>
    }
bot-notice-one-occurrence = { $text } (só uma ocorrência)
bot-notice-cancelled = ❌ A organização cancelou <b>{ $title }</b> ({ $when }).
bot-notice-uninvited = ➖ Você foi removido de <b>{ $title }</b> ({ $when }).
bot-notice-write-back-changed = ⚠️ Sua alteração em <b>{ $title }</b> ({ $when }) não chegou ao seu outro calendário: o evento também foi alterado lá, e essa versão é a que aparece agora. Faça a alteração de novo se ainda quiser.
bot-notice-write-back-deleted = ⚠️ Sua alteração em <b>{ $title }</b> ({ $when }) não chegou ao seu outro calendário: o evento foi excluído lá, então sumiu aqui também.
bot-notice-counter = 🕑 { $who } propõe um novo horário para <b>{ $title }</b>: { $proposed }
bot-notice-code-undelivered = ⚠️ O e-mail com seu código não pôde ser entregue a { $recipient }.
bot-notice-mail-undelivered =
    { $what ->
        [cancel] ⚠️ O e-mail de cancelamento de <b>{ $title }</b> não pôde ser entregue a { $recipient }.
        [reply] ⚠️ O e-mail com a resposta a <b>{ $title }</b> não pôde ser entregue a { $recipient }.
       *[other] ⚠️ O e-mail de convite para <b>{ $title }</b> não pôde ser entregue a { $recipient }.
    }
bot-reminder-in =
    { $minutes ->
        [one] ⏰ <b>{ $title }</b> começa em { $minutes } minuto
       *[other] ⏰ <b>{ $title }</b> começa em { $minutes } minutos
    }
bot-reminder-now = ⏰ <b>{ $title }</b> começa agora
bot-reminder-soon = ⏰ <b>{ $title }</b> começa em breve
bot-counter-accepted = ✅ <b>{ $title }</b> passou para o horário proposto; todos são avisados.
bot-counter-declined = 👌 <b>{ $title }</b> mantém o horário; quem propôs é avisado.

## /create (o exemplo tem de ser lido como uma linha de /create neste idioma)

bot-create-example = /create Reunião da equipe, amanhã 15:00, 1h, Sala 4
bot-create-ask-title = 📝 Qual é o nome do evento? (/cancel para parar)
bot-create-title-length = Um título tem de 1 a 200 caracteres. Qual é o nome do evento?
bot-create-ask-when = 🕒 Quando? Ex.: <i>amanhã 15:00</i>, <i>sexta 9:30</i>, <i>25.12</i> (o dia todo)
bot-create-when-again = Quando é?
bot-create-ask-duration = ⏱ Quanto tempo dura? Ex.: <i>1h</i>, <i>45 min</i>, <i>30</i> (minutos) — ou <i>pular</i> para { $default }
bot-create-duration-again = Quanto tempo dura?
bot-create-ask-location = 📍 Onde? (ou <i>pular</i>)
bot-create-ask-description = 📝 Alguma observação para a descrição? (ou <i>pular</i>)
bot-create-skip-words = pular, não, nao, nada, nenhum, -
bot-create-confirm = Salvar este evento?
bot-create-when-long = { $when } ({ $length })
bot-create-pending = Toque em ✅ Salvar ou ✖️ Descartar no cartão acima (ou /cancel).
bot-create-discarded = Descartado
bot-create-expired = Esse cartão expirou
bot-create-not-saved = ✖️ Não foi salvo.
bot-create-saved-tap = Salvo ✅
bot-create-saved =
    ✅ Salvo!
    { $card }

    Convide pessoas: { $command }

## O que /create, /timezone e o diálogo dizem quando não conseguem ler algo (texto simples)

bot-parse-no-date = Informe uma data, ex.: “amanhã 15:00” ou “sexta 9:30”.
bot-parse-bad-date = Não consegui ler uma data em { $text }. Tente “amanhã 15:00” ou “sexta 9:30”.
bot-parse-too-far = { $text } dá { $date }, daqui a mais de cinco anos. Erro de digitação?
bot-parse-past = { $text } dá { $date }, que já passou.
bot-parse-bad-duration = Não consegui ler uma duração em { $text }. Tente “1h” ou “45 min”.
bot-parse-duration-range = Uma duração tem de ser maior que zero e no máximo 14 dias, não { $text }.
bot-parse-no-date-found = Não achei a data. Use vírgulas, ex.: “{ $example }”.
bot-parse-no-title = O evento precisa de um título, ex.: “{ $example }”.
bot-parse-when-missing = Quando é { $title }? Ex.: “{ $example }”.
bot-parse-title-too-long = Esse título é longo demais: no máximo { $most } caracteres, por favor.
bot-parse-all-day-length = Sem horário de início, é um evento de dia inteiro, então a duração tem de ser em dias inteiros (“2 dias”). Ou inclua um horário, ex.: “25.12 18:00”.
bot-parse-zone-gone = Não conheço o fuso horário { $zone }; configure de novo, por favor.
bot-parse-zone-whole-hours = Aqui só funcionam diferenças de horas inteiras; em vez de { $text }, digite uma cidade, ex.: { $city }.
bot-parse-zone-nowhere = Nenhum lugar da Terra fica em { $text }. Tente uma cidade, ex.: “São Paulo”.
bot-parse-zone-did-you-mean = Você quis dizer { $names }?
bot-parse-zone-try-city = Tente uma cidade, como “São Paulo”.
bot-parse-zone-unknown = Não conheço o fuso horário { $zone }. { $hint } Nomes como “America/Sao_Paulo” e diferenças como “UTC-3” também funcionam.

## /invite, /rsvp, /cancel

bot-invite-usage = Convidar quem para quê? Ex.: { $command }
bot-invite-how = Envie { $command } (ou um id do Telegram ou um e-mail; vários de uma vez também vale).
bot-invite-not-organizer = Só quem organiza pode convidar pessoas para este evento.
bot-invite-done = ✔️ { $invitee } convidado
bot-invite-mailed = ✔️ { $invitee } convidado (um convite por e-mail está a caminho)
bot-invite-failed = ✖️ { $invitee }: { $reason }
bot-invite-self = ✖️ { $invitee }: é você.
bot-rsvp-usage = Responder como, e a quê? Ex.: { $command } (accept: aceitar, tentative: talvez, decline: recusar).
bot-rsvp-done = { $answer }: <b>{ $title }</b>. Quem organiza já foi avisado.
bot-rsvp-not-invited = Você não foi convidado para este evento, então não pode responder.
bot-rsvp-words-accept = sim, aceitar, aceito, vou
bot-rsvp-words-tentative = talvez
bot-rsvp-words-decline = não, nao, recusar, recuso
bot-cancel-not-yours = Você só pode cancelar seus próprios eventos; para dizer que não vai, use { $command }.
bot-cancel-ask = Cancelar <b>{ $title }</b>? Todos os convidados serão avisados.
bot-cancel-ask-when = Cancelar <b>{ $title }</b> ({ $when })? Todos os convidados serão avisados.
bot-cancel-done = ❌ <b>{ $title }</b> ({ $when }) foi cancelado.
bot-cancel-tapped = Cancelado
bot-cancel-kept = 👍 Ficou como estava.
bot-notice-webhook-paused = ⏸ Seu webhook para { $url } está pausado: as entregas falharam por um dia (a última: { $reason }). Retome-o nas configurações do app quando o receptor voltar a funcionar. O que mudar enquanto isso espera por ele por 30 dias.
