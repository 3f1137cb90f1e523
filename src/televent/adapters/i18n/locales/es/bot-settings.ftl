## /settings, /agenda, /quiet y la agenda de la mañana en el bot.

## /settings: el texto sobre los botones y cada botón (un toque pone el valor siguiente)

bot-settings-text =
    ⚙️ <b>Notificaciones</b> (horas en { $zone }). Toca para cambiar.
    Horas a medida: <code>/agenda 07:30</code>, <code>/quiet 22:00-07:00</code>, <code>/reminder 20</code>. Idioma: /language.
bot-settings-no-email = ✉️ Elegiste el correo, pero tu cuenta no tiene ningún correo vinculado, así que no se envía nada. Vincula uno con <code>/email tú@example.com</code>.
bot-settings-email-to = ✉️ El correo va a { $emails }.
bot-settings-reminders =
    { $minutes ->
        [0] ⏰ Recordatorios: no
       *[other] ⏰ Recordatorios: { $minutes } min antes
    }
bot-settings-alarms =
    { $state ->
        [on] 🔔 Alarmas propias de los eventos: sí
       *[off] 🔔 Alarmas propias de los eventos: no
    }
bot-settings-cards-telegram =
    { $state ->
        [on] 📨 Invitaciones de Televent: sí
       *[off] 📨 Invitaciones de Televent: no
    }
bot-settings-cards-email =
    { $state ->
        [on] ✉️ Invitaciones por correo: sí
       *[off] ✉️ Invitaciones por correo: no
    }
bot-settings-notices =
    { $which ->
        [all] 📣 Respuestas a mis eventos: todas
        [declines] 📣 Respuestas a mis eventos: solo rechazos
       *[none] 📣 Respuestas a mis eventos: ninguna
    }
bot-settings-quiet = 🌙 Horas de silencio: { $hours }
bot-settings-quiet-off = 🌙 Horas de silencio: no
bot-settings-quiet-reminders =
    { $how ->
        [keep] ⏰ Recordatorios en horas de silencio: enviar
       *[hold] ⏰ Recordatorios en horas de silencio: retener
    }
bot-settings-agenda = ☀️ Agenda de la mañana: { $time }
bot-settings-agenda-off = ☀️ Agenda de la mañana: no
bot-settings-agenda-empty =
    { $state ->
        [on] 📭 Agenda en días sin eventos: sí
       *[off] 📭 Agenda en días sin eventos: no
    }
bot-settings-channel =
    { $kind ->
        [reminders] ⏰ Recordatorios
        [agenda] ☀️ Agenda
       *[notices] 📣 Avisos
    } por: { $where ->
        [telegram] Telegram
        [email] correo
        [both] Telegram + correo
       *[none] ninguna vía
    }
bot-settings-clock =
    { $cycle ->
        [h24] 🕒 Reloj: 24 horas
        [h12] 🕒 Reloj: 12 horas (a. m./p. m.)
       *[auto] 🕒 Reloj: como en mi idioma
    }

## /agenda y /quiet

bot-agenda-none = ☀️ Sin agenda de la mañana. Recíbela cada día con <code>/agenda 07:30</code> (tu hora local).
bot-agenda-status =
    { $empty ->
        [yes] ☀️ Tu agenda llega cada día a las <b>{ $time }</b> ({ $zone }); la próxima: { $next }. <code>/agenda off</code> la detiene.
       *[no] ☀️ Tu agenda llega cada día a las <b>{ $time }</b> ({ $zone }) (no en días sin eventos); la próxima: { $next }. <code>/agenda off</code> la detiene.
    }
bot-agenda-how = Indica una hora del día, como <code>/agenda 07:30</code>, u <code>/agenda off</code>.
bot-quiet-none = 🌙 Sin horas de silencio. Ponlas con <code>/quiet 22:00-07:00</code> (tu hora local).
bot-quiet-status =
    { $reminders ->
        [keep] 🌙 Horas de silencio { $hours } ({ $zone }): los mensajes esperan a que terminen; los recordatorios llegan igual (/settings). <code>/quiet off</code> las quita.
       *[hold] 🌙 Horas de silencio { $hours } ({ $zone }): los mensajes esperan a que terminen; los recordatorios también esperan (/settings). <code>/quiet off</code> las quita.
    }
bot-quiet-how = Indica un inicio y un final, como <code>/quiet 22:00-07:00</code>, u <code>/quiet off</code>.

## La agenda de la mañana (llega cuando empieza la mañana de la persona)

bot-agenda-nothing = Nada planeado para hoy.
bot-agenda-unreadable =
    { $count ->
        [one] ({ $count } evento no se pudo mostrar)
       *[other] ({ $count } eventos no se pudieron mostrar)
    }
bot-agenda-conflicts = ⚠️ marca los eventos que se solapan.
bot-agenda-awaiting = ⏳ espera tu respuesta
