## O bot: /availability (quando podem agendar com você), /booking (links de agendamento) e as
## mensagens ao dono quando alguém agenda, cancela ou remarca.
## As palavras dos comandos (mon-fri, off, weekly, default, new, list, pause…) não mudam.

## /availability ($days: «seg.–sex.», $hours: «09:00–17:00», no relógio de quem lê)

booking-bot-examples =
    <code>/availability mon-fri 09:00-12:00 13:00-17:00</code> — horário semanal
    <code>/availability sat 10:00-14:00</code> — um dia da semana
    <code>/availability sat off</code> — sem agendamentos nesse dia da semana
    <code>/availability 2026-12-24 off</code> — um dia de folga
    <code>/availability 2026-12-27 10:00-14:00</code> — outro horário em uma data
    <code>/availability 2026-12-24 weekly</code> — essa data volta ao horário semanal
    <code>/availability default</code> — voltar para { $days } { $hours }
booking-bot-hours-title = 🗓 <b>Quando podem agendar com você</b>
booking-bot-hours-default-title = 🗓 <b>Quando podem agendar com você</b> (o padrão: você ainda não definiu seu horário)
booking-bot-zone = Fuso horário: { $zone }
booking-bot-off = sem agendamentos
booking-bot-dates-title = <b>Datas com horário próprio</b>
booking-bot-change-them = <b>Alterar</b>
booking-bot-examples-title = <b>Exemplos</b>
booking-bot-saved = ✅ Salvo.
booking-bot-which-days = Diga quais dias e horários.
booking-bot-not-a-date = { $text } não é uma data (AAAA-MM-DD).
booking-bot-past = { $day } já passou.
booking-bot-days-backwards = { $text }: o primeiro dia vem depois do último (tente mon-fri).
booking-bot-unknown-day = Não conheço o dia “{ $text }”. Comece com um dia da semana (mon, tue, …, mon-fri, weekend, seg, ter, …) ou uma data como 2026-12-24.
booking-bot-no-hours = Informe o horário depois do dia, como <code>09:00-17:00</code> (vários intervalos separados por espaço), ou <code>off</code>.
booking-bot-not-a-range = “{ $text }” não é um intervalo de horário; escreva assim: <code>09:00-17:00</code>.

## /booking ($length: «30 minutos»; $state: active ou paused)

booking-bot-usage =
    🔗 Os <b>links de agendamento</b> deixam as pessoas agendarem um horário com você numa página web, dentro da sua /availability e em volta dos eventos que já estão na sua agenda.
    <code>/booking new intro 30 Conversa inicial</code> — um link de 30 minutos em /book/intro
    <code>/booking list</code> — seus links, os endereços e os próximos agendamentos
    <code>/booking pause intro</code> / <code>/booking resume intro</code> — parar ou voltar a aceitar agendamentos
    <code>/booking delete intro</code> — excluir um link (os agendamentos continuam na sua agenda)
    Intervalos, antecedência, horizonte e perguntas: Configurações → Agendamentos no app da agenda (/app).
booking-bot-new-usage = ⚠️ Informe um nome curto para o endereço, os minutos e um título, como <code>/booking new intro 30 Conversa inicial</code>.
booking-bot-created =
    🔗 <b>{ $title }</b> ({ $length }) está pronto. Compartilhe este endereço:
    { $url }
    Dá para agendar dentro da sua /availability, em volta dos seus eventos. <code>/booking pause { $slug }</code> pausa o link por um tempo.
booking-bot-no-links = Você ainda não tem links de agendamento.
booking-bot-list-title = 🔗 <b>Seus links de agendamento</b>
booking-bot-list-item =
    <b>{ $title }</b> — { $length }, { $state ->
        [active] ativo
       *[paused] ⏸ pausado
    }, { $count ->
        [one] { $count } agendamento futuro
       *[other] { $count } agendamentos futuros
    }
booking-bot-list-footer = /availability define quando podem agendar com você.
booking-bot-resumed = ▶️ <b>{ $title }</b> voltou a aceitar agendamentos: { $url }
booking-bot-paused = ⏸ <b>{ $title }</b> está pausado: a página não mostra horários livres até <code>/booking resume { $slug }</code>.
booking-bot-delete-ask = 🗑 Excluir o link de agendamento <b>{ $title }</b> ({ $url })? A página deixa de funcionar; os agendamentos já feitos continuam na sua agenda.
booking-bot-delete-yes = Sim, excluir
booking-bot-delete-no = Não, manter
booking-bot-kept = Mantido
booking-bot-link-stays = 👍 O link continua.
booking-bot-already-gone = Esse link já não existe.
booking-bot-deleted = Excluído
booking-bot-deleted-text = 🗑 O link de agendamento /book/{ $slug } foi excluído. Os agendamentos já feitos continuam na sua agenda.
booking-bot-no-such-link = Você não tem nenhum link de agendamento “{ $slug }”. /booking list mostra os seus.
booking-bot-not-registered = Você ainda não tem cadastro: envie /start primeiro.

## Mensagens ao dono sobre agendamentos ($when: «ter., 3 de mar., 14:00–14:30»)

booking-bot-someone = Alguém
booking-bot-a-booking = um agendamento
booking-bot-unknown-time = um horário desconhecido
booking-bot-booked = 📅 { $who } agendou com você: <b>{ $title }</b>, { $when }
booking-bot-booked-for = 📅 { $who } agendou { $length } com você: <b>{ $title }</b>, { $when }
booking-bot-cancelled = ❌ { $who } cancelou <b>{ $title }</b>, { $when }. O horário está livre de novo.
booking-bot-cancelled-why = ❌ { $who } cancelou <b>{ $title }</b>, { $when } ({ $reason }). O horário está livre de novo.
booking-bot-moved = 🔄 { $who } remarcou <b>{ $title }</b> para { $when }.
booking-bot-moved-from = 🔄 { $who } remarcou <b>{ $title }</b> para { $when } (antes: { $was }).
