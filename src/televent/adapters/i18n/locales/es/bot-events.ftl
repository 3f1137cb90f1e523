## Los eventos en el bot: horas, respuestas, tarjetas, avisos y recordatorios, /create, /event,
## /invite, /rsvp y /cancel, y lo que dice cuando no puede leer una fecha.

## La hora de un evento ($day, $first, $last: «lun, 2 mar»; $time, $start, $end: «16:00»)

bot-when-none = sin fecha
bot-all-day = todo el día
bot-when-all-day = { $day }, todo el día
bot-when-all-days = { $first } – { $last }, todo el día
bot-day-and-time = { $day }, { $time }
bot-time-range = { $start }–{ $end }
bot-time-until-day = { $start } – { $last }, { $end }
bot-quote = «{ $text }»

## Respuestas a invitaciones

bot-answer =
    { $answer ->
        [accepted] ✅ aceptado
        [tentative] ❔ quizá
        [declined] ❌ rechazado
        [delegated] ↪️ delegado
       *[other] ⏳ sin respuesta aún
    }
bot-your-answer = Tu respuesta: { $answer }
bot-button-accept = ✅ Aceptar
bot-button-tentative = ❔ Quizá
bot-button-decline = ❌ Rechazar
bot-button-accept-time = ✅ Aceptar la nueva hora
bot-button-keep-time = ❌ Mantener la hora
bot-button-add-calendar = ✅ Añadir a mis calendarios
bot-button-decline-calendar = ✖️ Rechazar
bot-button-invite = ➕ Invitar
bot-button-cancel-event = 🗑 Cancelar evento
bot-button-export = 📤 Exportar
bot-button-open = 📅 Abrir
bot-button-open-calendar = 📅 Abrir calendario
bot-button-open-in-browser = 🌐 Abrir en el navegador
bot-button-cancel-yes = Sí, cancelarlo
bot-button-keep-it = No, mantenerlo
bot-button-erase-yes = Sí, borrar mis datos
bot-button-earlier = ◀️ Antes
bot-button-later = Después ▶️
bot-button-save = ✅ Guardar
bot-button-discard = ✖️ Descartar

## La tarjeta del evento (/event) y los invitados (/attendees)

bot-no-title = (sin título)
bot-event-cancelled = ❌ CANCELADO: { $title }
bot-event-organizer = 👤 Organiza: { $name }
bot-event-invited =
    { $count ->
        [one] 👥 { $count } invitado:
       *[other] 👥 { $count } invitados:
    }
bot-event-id = id { $id }
bot-event-which = ¿Qué evento? P. ej. { $command } — los ids están en /list.
bot-event-ics-caption = Ábrelo para añadir el evento a otro calendario.
bot-event-gone = Ese evento ya no existe.
bot-event-not-an-id = «{ $text }» no es un id de evento; los ids son como a1b2c3 (mira /list).
bot-event-not-found = No hay ningún evento { $id } en tu calendario (los ids están en /list).
bot-event-ambiguous = Varios eventos empiezan por { $id }; escribe más del id.
bot-attendees-none = Aún no hay nadie invitado a <b>{ $title }</b>. Invita con { $command }
bot-attendees-head =
    { $count ->
        [one] <b>{ $title }</b> — { $count } invitado
       *[other] <b>{ $title }</b> — { $count } invitados
    }

## Tarjetas de invitación y avisos (para quien los recibe, al enviarse)

bot-card-invitation = 📨 <b>Invitación</b>
bot-card-updated = 🔄 <b>Invitación actualizada</b> — revisa los nuevos detalles
bot-card-from = 👤 De { $name }
bot-notice-an-event = un evento
bot-notice-an-attendee = Un invitado
bot-notice-a-new-time = una nueva hora
bot-notice-rsvp =
    { $answer ->
        [accepted] { $who } aceptó <b>{ $title }</b>
        [tentative] { $who } quizá vaya a <b>{ $title }</b>
        [declined] { $who } rechazó <b>{ $title }</b>
        [needs-action] { $who } aún no respondió a <b>{ $title }</b>
        [delegated] { $who } delegó <b>{ $title }</b>
       *[other] { $who } respondió a <b>{ $title }</b>
    }
bot-notice-one-occurrence = { $text } (una sola vez)
bot-notice-cancelled = ❌ Quien organiza canceló <b>{ $title }</b> ({ $when }).
bot-notice-uninvited = ➖ Te quitaron de <b>{ $title }</b> ({ $when }).
bot-notice-write-back-changed = ⚠️ Tu cambio en <b>{ $title }</b> ({ $when }) no llegó a tu otro calendario: el evento también se cambió allí y ahora se muestra esa versión. Vuelve a hacer tu cambio si todavía lo quieres.
bot-notice-write-back-deleted = ⚠️ Tu cambio en <b>{ $title }</b> ({ $when }) no llegó a tu otro calendario: el evento se eliminó allí, así que aquí también desapareció.
bot-notice-counter = 🕑 { $who } propone una nueva hora para <b>{ $title }</b>: { $proposed }
bot-notice-code-undelivered = ⚠️ No se pudo entregar el correo con tu código a { $recipient }.
bot-notice-mail-undelivered =
    { $what ->
        [cancel] ⚠️ No se pudo entregar el correo de cancelación de <b>{ $title }</b> a { $recipient }.
        [reply] ⚠️ No se pudo entregar el correo con la respuesta a <b>{ $title }</b> a { $recipient }.
       *[other] ⚠️ No se pudo entregar el correo de invitación a <b>{ $title }</b> a { $recipient }.
    }
bot-reminder-in =
    { $minutes ->
        [one] ⏰ <b>{ $title }</b> empieza en { $minutes } minuto
       *[other] ⏰ <b>{ $title }</b> empieza en { $minutes } minutos
    }
bot-reminder-now = ⏰ <b>{ $title }</b> empieza ahora
bot-reminder-soon = ⏰ <b>{ $title }</b> empieza pronto
bot-counter-accepted = ✅ <b>{ $title }</b> pasa a la hora propuesta; se avisa a todos.
bot-counter-declined = 👌 <b>{ $title }</b> mantiene su hora; se avisa a quien la propuso.

## /create (el ejemplo debe leerse como una línea de /create en este idioma)

bot-create-example = /create Reunión de equipo, mañana 15:00, 1h, Sala 4
bot-create-ask-title = 📝 ¿Cómo se llama el evento? (/cancel para parar)
bot-create-title-length = Un título tiene de 1 a 200 caracteres. ¿Cómo se llama el evento?
bot-create-ask-when = 🕒 ¿Cuándo? P. ej. <i>mañana 15:00</i>, <i>vie 9:30</i>, <i>25.12</i> (todo el día)
bot-create-when-again = ¿Cuándo es?
bot-create-ask-duration = ⏱ ¿Cuánto dura? P. ej. <i>1h</i>, <i>45 min</i>, <i>30</i> (minutos) — o <i>omitir</i> para { $default }
bot-create-duration-again = ¿Cuánto dura?
bot-create-ask-location = 📍 ¿Dónde? (u <i>omitir</i>)
bot-create-ask-description = 📝 ¿Alguna nota para la descripción? (u <i>omitir</i>)
bot-create-skip-words = omitir, saltar, no, nada, ninguno, -
bot-create-confirm = ¿Guardar este evento?
bot-create-when-long = { $when } ({ $length })
bot-create-pending = Toca ✅ Guardar o ✖️ Descartar en la tarjeta de arriba (o /cancel).
bot-create-discarded = Descartado
bot-create-expired = Esa tarjeta ha caducado
bot-create-not-saved = ✖️ No se guardó.
bot-create-saved-tap = Guardado ✅
bot-create-saved =
    ✅ ¡Guardado!
    { $card }

    Invita a gente: { $command }

## Lo que dicen /create, /timezone y el diálogo cuando no pueden leer algo (texto plano)

bot-parse-no-date = Indica una fecha, p. ej. «mañana 15:00» o «vie 9:30».
bot-parse-bad-date = No pude leer una fecha en { $text }. Prueba «mañana 15:00» o «vie 9:30».
bot-parse-too-far = { $text } se lee como { $date }, a más de cinco años. ¿Una errata?
bot-parse-past = { $text } se lee como { $date }, que ya pasó.
bot-parse-bad-duration = No pude leer una duración en { $text }. Prueba «1h» o «45 min».
bot-parse-duration-range = Una duración debe ser de más de cero y como mucho 14 días, no { $text }.
bot-parse-no-date-found = No encontré la fecha. Usa comas, p. ej. «{ $example }».
bot-parse-no-title = El evento necesita un título, p. ej. «{ $example }».
bot-parse-when-missing = ¿Cuándo es { $title }? P. ej. «{ $example }».
bot-parse-title-too-long = Ese título es demasiado largo: como mucho { $most } caracteres, por favor.
bot-parse-all-day-length = Sin hora de inicio es un evento de todo el día, así que su duración debe ser de días completos («2 días»). O añade una hora, p. ej. «25.12 18:00».
bot-parse-zone-gone = No conozco la zona horaria { $zone }; configúrala de nuevo.
bot-parse-zone-whole-hours = Aquí solo sirven desfases de horas enteras; en lugar de { $text } escribe una ciudad, p. ej. { $city }.
bot-parse-zone-nowhere = Ningún lugar de la Tierra está en { $text }. Prueba con una ciudad, p. ej. «Madrid».
bot-parse-zone-did-you-mean = ¿Querías decir { $names }?
bot-parse-zone-try-city = Prueba con una ciudad, como «Madrid».
bot-parse-zone-unknown = No conozco la zona horaria { $zone }. { $hint } También sirven nombres como «Europe/Madrid» y desfases como «UTC+1».

## /invite, /rsvp, /cancel

bot-invite-usage = ¿A quién y a qué? P. ej. { $command }
bot-invite-how = Envía { $command } (o un id de Telegram o un email; varios a la vez también vale).
bot-invite-not-organizer = Solo quien organiza puede invitar a gente a este evento.
bot-invite-done = ✔️ { $invitee } invitado
bot-invite-mailed = ✔️ { $invitee } invitado (va una invitación por correo)
bot-invite-failed = ✖️ { $invitee }: { $reason }
bot-invite-self = ✖️ { $invitee }: eres tú.
bot-rsvp-usage = ¿Cómo y a qué respondes? P. ej. { $command } (accept: aceptar, tentative: quizá, decline: rechazar).
bot-rsvp-done = { $answer }: <b>{ $title }</b>. Ya se avisó a quien organiza.
bot-rsvp-not-invited = No estás invitado a este evento, así que no puedes responder.
bot-rsvp-words-accept = sí, si, aceptar, acepto
bot-rsvp-words-tentative = quizá, quizás, talvez
bot-rsvp-words-decline = no, rechazar, rechazo
bot-cancel-not-yours = Solo puedes cancelar tus propios eventos; para decir que no irás, usa { $command }.
bot-cancel-ask = ¿Cancelar <b>{ $title }</b>? Se avisará a todos los invitados.
bot-cancel-ask-when = ¿Cancelar <b>{ $title }</b> ({ $when })? Se avisará a todos los invitados.
bot-cancel-done = ❌ <b>{ $title }</b> ({ $when }) está cancelado.
bot-cancel-tapped = Cancelado
bot-cancel-kept = 👍 Se queda como está.
bot-notice-webhook-paused = ⏸ Tu webhook a { $url } está en pausa: sus entregas fallaron durante un día (la última: { $reason }). Reactívalo en los ajustes de la app cuando el receptor vuelva a funcionar. Lo que cambie mientras tanto lo espera 30 días.
