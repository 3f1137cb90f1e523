## /settings, /agenda, /quiet e a agenda da manhã no bot.

## /settings: o texto acima dos botões e cada botão (um toque põe o próximo valor)

bot-settings-text =
    ⚙️ <b>Notificações</b> (horários em { $zone }). Toque para mudar.
    Horários sob medida: <code>/agenda 07:30</code>, <code>/quiet 22:00-07:00</code>, <code>/reminder 20</code>. Idioma: /language.
bot-settings-no-email = ✉️ Você escolheu e-mail, mas nenhum e-mail está vinculado à sua conta, então nada é enviado. Vincule um com <code>/email voce@example.com</code>.
bot-settings-email-to = ✉️ Os e-mails vão para { $emails }.
bot-settings-reminders =
    { $minutes ->
        [0] ⏰ Lembretes: desligados
       *[other] ⏰ Lembretes: { $minutes } min antes
    }
bot-settings-alarms =
    { $state ->
        [on] 🔔 Alarmes dos próprios eventos: ligados
       *[off] 🔔 Alarmes dos próprios eventos: desligados
    }
bot-settings-cards-telegram =
    { $state ->
        [on] 📨 Convites do Televent: ligados
       *[off] 📨 Convites do Televent: desligados
    }
bot-settings-cards-email =
    { $state ->
        [on] ✉️ Convites por e-mail: ligados
       *[off] ✉️ Convites por e-mail: desligados
    }
bot-settings-notices =
    { $which ->
        [all] 📣 Respostas aos meus eventos: todas
        [declines] 📣 Respostas aos meus eventos: só recusas
       *[none] 📣 Respostas aos meus eventos: nenhuma
    }
bot-settings-quiet = 🌙 Horário de silêncio: { $hours }
bot-settings-quiet-off = 🌙 Horário de silêncio: desligado
bot-settings-quiet-reminders =
    { $how ->
        [keep] ⏰ Lembretes no horário de silêncio: enviar
       *[hold] ⏰ Lembretes no horário de silêncio: segurar
    }
bot-settings-agenda = ☀️ Agenda da manhã: { $time }
bot-settings-agenda-off = ☀️ Agenda da manhã: desligada
bot-settings-agenda-empty =
    { $state ->
        [on] 📭 Agenda em dias sem eventos: ligada
       *[off] 📭 Agenda em dias sem eventos: desligada
    }
bot-settings-channel =
    { $kind ->
        [reminders] ⏰ Lembretes
        [agenda] ☀️ Agenda
       *[notices] 📣 Avisos
    } por: { $where ->
        [telegram] Telegram
        [email] e-mail
        [both] Telegram + e-mail
       *[none] nenhum canal
    }
bot-settings-clock =
    { $cycle ->
        [h24] 🕒 Relógio: 24 horas
        [h12] 🕒 Relógio: 12 horas (AM/PM)
       *[auto] 🕒 Relógio: como no meu idioma
    }

## /agenda e /quiet

bot-agenda-none = ☀️ Sem agenda da manhã. Receba todo dia com <code>/agenda 07:30</code> (seu horário local).
bot-agenda-status =
    { $empty ->
        [yes] ☀️ Sua agenda chega todo dia às <b>{ $time }</b> ({ $zone }); a próxima: { $next }. <code>/agenda off</code> desliga.
       *[no] ☀️ Sua agenda chega todo dia às <b>{ $time }</b> ({ $zone }) (não em dias sem eventos); a próxima: { $next }. <code>/agenda off</code> desliga.
    }
bot-agenda-how = Informe um horário, como <code>/agenda 07:30</code>, ou <code>/agenda off</code>.
bot-quiet-none = 🌙 Sem horário de silêncio. Defina com <code>/quiet 22:00-07:00</code> (seu horário local).
bot-quiet-status =
    { $reminders ->
        [keep] 🌙 Horário de silêncio { $hours } ({ $zone }): as mensagens esperam ele acabar; os lembretes chegam mesmo assim (/settings). <code>/quiet off</code> desliga.
       *[hold] 🌙 Horário de silêncio { $hours } ({ $zone }): as mensagens esperam ele acabar; os lembretes também esperam (/settings). <code>/quiet off</code> desliga.
    }
bot-quiet-how = Informe um início e um fim, como <code>/quiet 22:00-07:00</code>, ou <code>/quiet off</code>.

## A agenda da manhã (chega quando começa a manhã da pessoa)

bot-agenda-nothing = Nada planejado para hoje.
bot-agenda-unreadable =
    { $count ->
        [one] ({ $count } evento não pôde ser mostrado)
       *[other] ({ $count } eventos não puderam ser mostrados)
    }
bot-agenda-conflicts = ⚠️ marca eventos que se sobrepõem.
bot-agenda-awaiting = ⏳ aguardando sua resposta
