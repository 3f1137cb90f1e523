## O bot num chat privado: /start, /help, fusos horários, listas, dispositivos, exportação,
## exclusão, /app, o menu de comandos e respostas ao que ele não entendeu.

## /start e /help (os /comandos não se traduzem: é o que as pessoas digitam)

bot-welcome =
    👋 Oi, { $name }! Eu cuido da sua agenda aqui mesmo no Telegram.
    • /create cria um evento em uma linha: <code>/create Reunião da equipe, amanhã 15:00, 1h</code>
    • Convide pessoas e responda a convites com um toque.
    • Sincronize com Apple Calendar, Thunderbird ou DAVx5: /device add laptop
bot-help =
    <b>Comandos do Televent</b>
    /create <i>título, quando[, duração][, local]</i> — ex.: <code>/create Dentista, sexta 9:30, 45 min</code>
    /today, /tomorrow, /week — o que tem; /list — tudo o que vem pela frente
    /app — o app de calendário (visões de mês, semana e dia) e um link de acesso pelo navegador
    /event <i>id</i> — detalhes, com botões para convidar, cancelar ou exportar
    /invite <i>id</i> <i>@usuário | id do Telegram | e-mail …</i> — convidar pessoas
    /attendees <i>id</i> — quem aceitou, recusou ou ainda não respondeu
    /rsvp <i>accept | tentative | decline</i> <i>id</i> — responder a um convite
    /cancel <i>id</i> — cancelar seu evento (sozinho: sair de um diálogo)
    /calendars — suas agendas e convites; /calendars <i>nome</i> — quem tem acesso
    /share <i>agenda @usuário</i> [read | write | manage] — ex.: <code>/share família @anna</code>
    /unshare <i>agenda @usuário</i> — parar de compartilhar; /leave <i>agenda</i> — sair de uma compartilhada
    /timezone <i>cidade ou fuso</i> — ex.: <code>/timezone São Paulo</code>
    /language — o idioma em que eu falo com você
    /reminder <i>minutos</i> — quanto tempo antes dos eventos eu aviso (0: nunca)
    /agenda <i>HH:MM</i> | off — os eventos do seu dia toda manhã nesse horário local
    /quiet <i>HH:MM-HH:MM</i> | off — horário de silêncio: as mensagens esperam ele acabar
    /settings — notificações: lembretes, convites, respostas, silêncio, agenda, relógio
    /email — seu endereço de convites; /email <i>voce@example.com</i> vincula seu e-mail (enviamos um código)
    /availability <i>dias horários</i> — quando podem marcar com você: <code>/availability mon-fri 9-17</code>
    /booking new <i>slug minutos título</i> | list | pause | resume | delete — links de agendamento
    /device add <i>nome</i> | list | revoke <i>nome</i> — senhas para apps CalDAV
    /export — sua agenda como arquivo .ics
    📥 Envie um arquivo .ics para importar os eventos dele (a legenda pode dizer a agenda)
    🔗 /subscribe <i>link webcal:// ou https://</i> — uma agenda que segue um feed (feriados, escola, trabalho); /subscriptions — as suas
    🔄 /google — conecte seu Google Agenda, nos dois sentidos
    /deleteaccount — apagar seus dados (depois de 30 dias, dá para desistir)
    Os ids são os códigos curtos das listas, como <code>a1b2c3</code>.

## Fuso horário e lembretes

bot-zone-ask = 🌍 Seu fuso horário é <b>{ $zone }</b>. Toque no seu ou digite uma cidade (ex.: <i>São Paulo</i>, <i>Lisboa</i>) ou o nome de um fuso:
bot-zone-set = ✅ Fuso horário: <b>{ $zone }</b>. Experimente <code>/create Almoço, amanhã 13:00</code> ou /help.
bot-zone-tapped = Fuso horário: { $zone }
bot-reminder-current =
    { $minutes ->
        [0] Os lembretes estão desligados. Ligue com <code>/reminder 15</code> (minutos antes dos eventos).
        [one] Eu aviso { $minutes } minuto antes dos eventos. Mude com <code>/reminder 30</code> (0 desliga).
       *[other] Eu aviso { $minutes } minutos antes dos eventos. Mude com <code>/reminder 30</code> (0 desliga).
    }
bot-reminder-set =
    { $minutes ->
        [0] Lembretes desligados.
        [one] ⏰ Vou avisar { $minutes } minuto antes.
       *[other] ⏰ Vou avisar { $minutes } minutos antes.
    }

## Listas: /today, /tomorrow, /week, /list

bot-list-today = Hoje
bot-list-tomorrow = Amanhã
bot-list-week = Esta semana
bot-list-coming-up = Em breve (próximos { $days } dias)
bot-list-page = { $title } — { $first }–{ $last } de { $total }
bot-list-empty = Nada planejado. Adicione algo com /create.
bot-list-more = … e mais { $count }. /list mostra tudo, página por página.
bot-more = … e mais { $count }.
bot-list-cancelled = <s>{ $title }</s> (cancelado)
bot-list-people = 👥 { $accepted }/{ $invited }
bot-left-out-shown =
    { $count ->
        [one] ⚠️ { $count } evento não pôde ser mostrado: os dados da agenda dele não podem ser lidos.
       *[other] ⚠️ { $count } eventos não puderam ser mostrados: os dados da agenda deles não podem ser lidos.
    }
bot-left-out-exported =
    { $count ->
        [one] ⚠️ { $count } evento não pôde ser exportado: os dados da agenda dele não podem ser lidos.
       *[other] ⚠️ { $count } eventos não puderam ser exportados: os dados da agenda deles não podem ser lidos.
    }

## Dispositivos (senhas CalDAV)

bot-device-usage =
    Cada dispositivo tem sua própria senha CalDAV:
    <code>/device add laptop</code> — uma senha nova (mostrada uma vez)
    <code>/device list</code> — seus dispositivos
    <code>/device revoke laptop</code> — fazer um dispositivo parar de sincronizar
bot-device-none = Nenhum dispositivo ainda.
bot-device-added =
    🔑 Senha para <b>{ $name }</b> (mostrada só desta vez):
    { $password }

    No Apple Calendar, Thunderbird ou DAVx5, adicione uma conta CalDAV:
    • Servidor: { $server }
    • Usuário: { $user }
    • Senha: a de cima
    Revogue quando quiser com { $revoke }.
bot-device-list = <b>Seus dispositivos</b>
bot-device-line = • { $name } — desde { $since }
bot-device-line-used = • { $name } — desde { $since }, última sincronização { $used }
bot-device-revoked = 🚫 { $name } não pode mais sincronizar.

## /export e /deleteaccount

bot-export-caption = 📤 Sua agenda. Abra em qualquer app de calendário para importar.
bot-erase-ask = ⚠️ Apagar sua conta? Sua agenda, dispositivos e respostas serão apagados depois de um prazo de 30 dias; até lá você pode mudar de ideia com /keepaccount.
bot-erase-already = Seus dados já estão programados para serem apagados em { $day }. Envie /keepaccount para cancelar.
bot-erase-scheduled = 🗑 Seus dados serão apagados em <b>{ $day }</b>. Mudou de ideia? Envie /keepaccount antes disso.
bot-erase-scheduled-tapped = Programado
bot-erase-kept = 👍 Nada será apagado.
bot-erase-nothing = Nenhuma exclusão programada. 👍
bot-erase-cancelled = ✅ Exclusão cancelada; sua conta continua.

## /app: o app de calendário e o link de acesso pelo navegador

bot-app-not-served = 📅 O app de calendário não está disponível neste servidor. /help mostra o que eu faço aqui.
bot-app-link-rules = O link funciona uma vez e expira em { $lifetime }; ele entra na sua conta, então não compartilhe.
calendar-default-name = Agenda
bot-menu-button = Agenda
bot-app-open = 📅 Sua agenda: visões de mês, semana, dia e lista. Toque em <b>Abrir calendário</b>.
bot-app-browser = 🌐 No computador? <b>Abrir no navegador</b> faz o login lá. { $rules }
bot-app-needs-https = 📅 Aqui o app de calendário não abre dentro do Telegram. O Telegram só abre apps de um endereço HTTPS: para isso, quem administra o servidor coloca em <code>TELEVENT_PUBLIC_URL</code> o endereço <code>https://</code> dele.
bot-app-no-links = Os links para navegador também não estão ativados neste servidor.
bot-app-browser-link = 🌐 Abra no navegador com este link. { $rules }

## O menu de comandos (o Telegram mostra ao lado de cada /comando; no máximo 256 caracteres)

bot-cmd-today = O que tem hoje
bot-cmd-tomorrow = O que tem amanhã
bot-cmd-week = Os próximos sete dias
bot-cmd-list = Tudo o que vem pela frente
bot-cmd-app = O app de calendário: mês, semana e dia
bot-cmd-create = Novo evento: /create Reunião, amanhã 15:00, 1h
bot-cmd-event = Detalhes de um evento: /event a1b2c3
bot-cmd-invite = Convidar: /invite a1b2c3 @anna
bot-cmd-attendees = Quem vem: /attendees a1b2c3
bot-cmd-rsvp = Responder: /rsvp accept a1b2c3
bot-cmd-cancel = Cancelar um evento ou sair de um diálogo
bot-cmd-calendars = Suas agendas, as compartilhadas com você, convites
bot-cmd-share = Compartilhar uma agenda: /share família @anna [read|write|manage]
bot-cmd-subscribe = Seguir um feed de agenda: /subscribe webcal://…
bot-cmd-google = Conectar seu Google Agenda
bot-cmd-calendar = Num grupo: a agenda do grupo, [Entrar nesta agenda]
bot-cmd-timezone = Seu fuso horário
bot-cmd-language = O idioma em que eu falo: /language pt-BR
bot-cmd-reminder = Minutos antes dos eventos para avisar
bot-cmd-agenda = Seu dia toda manhã: /agenda 07:30 ou off
bot-cmd-settings = Notificações: lembretes, convites, horário de silêncio
bot-cmd-email = Seu endereço de convites; vincule seu e-mail: /email voce@example.com
bot-cmd-availability = Quando podem marcar com você: /availability mon-fri 09:00-17:00
bot-cmd-booking = Links de agendamento: /booking new intro 30 Conversa inicial
bot-cmd-device = Senhas CalDAV: add, list, revoke
bot-cmd-export = Sua agenda como arquivo .ics
bot-cmd-deleteaccount = Apagar seus dados (depois de 30 dias)
bot-cmd-help = Todos os comandos com exemplos

## O que o bot não entendeu, e respostas curtas aos toques

bot-fallback-command = 🤔 Não conheço /{ $command }. /help mostra o que eu sei fazer.
bot-fallback-command-close = 🤔 Não conheço /{ $command }. Você quis dizer /{ $close }? /help mostra o que eu sei fazer.
bot-fallback-not-text = Eu só leio mensagens de texto. /help mostra o que eu sei fazer.
bot-fallback-text =
    🤔 Não entendi bem. Para adicionar um evento, tente
    { $example }
    ou /help para tudo o que eu sei fazer.
bot-stale-button = Esse botão não vale mais.
bot-dialogue-left = Certo, cancelado. 👍
bot-dialogue-none = Nada para cancelar. /help lista os comandos.
bot-not-registered = Você ainda não está cadastrado: envie /start primeiro.
bot-saved-tapped = Salvo
bot-kept-tapped = Mantido
bot-done-tapped = Feito
bot-someone = Alguém
