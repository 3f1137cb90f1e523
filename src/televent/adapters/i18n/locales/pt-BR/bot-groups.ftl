## O bot em um grupo do Telegram: a agenda do grupo, os cartões de eventos com ✅ ❔ ❌ e a
## contagem, [Entrar nesta agenda] e as configurações dos admins. Os cartões ficam no idioma do
## dono da agenda; as respostas, no idioma de quem escreveu ou tocou.

group-button-going = ✅ Vou
group-button-maybe = ❔ Talvez
group-button-cant = ❌ Não posso
group-button-who = 👥 Quem
group-button-join = 📅 Entrar nesta agenda
group-button-open = 🗓 Abrir agenda

## O cartão do evento

group-tally = ✅ { $going } · ❔ { $maybe } · ❌ { $cant }
group-card-cancelled = <s>{ $title }</s> (cancelado)
group-no-title = (sem título)
group-who-nobody = Ninguém respondeu ainda.
group-noted = { $icon } Anotado
group-someone = alguém
group-user = Usuário { $id }

## Comandos em um grupo

group-help =
    📅 <b>A agenda deste grupo</b>
    /create <i>o quê, quando[, quanto tempo][, onde]</i> — adiciona um evento, ex.: <code>/create Almoço da equipe, sexta 13:00, 1h</code>
    /today, /tomorrow, /week, /list — o que vem por aí
    /calendar — a agenda, [Entrar nesta agenda] e as configurações
    Toque em ✅ ❔ ❌ em um evento para responder. Para todo o resto, fale comigo no privado.
group-create-usage = 📝 Diga o quê e quando, ex.: <code>/create Almoço da equipe, sexta 13:00, 1h, Café Central</code>
group-not-here = Isso funciona no chat privado comigo; em um grupo eu cuido de /create, /week e /calendar.
group-wrong-group = Este botão é de outro grupo.
group-stale = Esse botão não funciona mais aqui.
group-settings-usage = Admins: <code>/calendar edit on|off</code> (membros podem adicionar eventos) e <code>/calendar reminders on|off</code> (lembretes antes dos eventos, postados aqui).
group-listing-title =
    { $command ->
        [today] Hoje
        [tomorrow] Amanhã
        [week] Esta semana
       *[list] Em breve
    }

## A agenda do grupo ($edit: members ou admins; $reminders: on ou off)

group-opened =
    📅 Este grupo agora tem uma agenda: <b>{ $title }</b> (mantida por { $owner }).
    Toque em [Entrar nesta agenda] para vê-la nas suas agendas, no celular e nos apps.
group-about =
    { $count ->
        [one] 📅 <b>{ $title }</b> — mantida por { $owner }, { $count } pessoa entrou
       *[other] 📅 <b>{ $title }</b> — mantida por { $owner }, { $count } pessoas entraram
    }
group-about-settings =
    ⚙️ { $edit ->
        [members] membros adicionam eventos
       *[admins] só leitura: admins adicionam eventos
    }; lembretes aqui { $reminders ->
        [on] ativados
       *[off] desativados
    }
group-joined-owner = “{ $title }” é sua: já está nas suas agendas.
group-joined = “{ $title }” agora está nas suas agendas — { $role }.
group-members-edit-on = ✅ Membros podem adicionar eventos.
group-members-edit-off = ✅ Só leitura: admins adicionam eventos.
group-reminders-on = ✅ Os lembretes serão postados aqui.
group-reminders-off = ✅ Sem lembretes aqui.
group-welcome-back = 👋 De volta: <b>{ $title }</b> continua aqui como estava. /week mostra o que vem por aí.
group-welcome = 👋 Oi! /create adiciona um evento à agenda deste grupo; /calendar mostra a agenda.

## Recusas

group-gone = A agenda deste grupo não existe mais: envie /calendar para abrir uma nova.
group-no-calendar = Este grupo ainda não tem agenda: envie /calendar primeiro.
group-not-an-event = Isso não é um evento.
group-not-in-calendar = Esse evento não está na agenda deste grupo.
