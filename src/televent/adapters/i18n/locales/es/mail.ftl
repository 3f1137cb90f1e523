## Los correos de Televent: recordatorios, la agenda de la mañana, avisos, invitaciones,
## reservas, el correo con el código y las páginas para darse de baja.

## El resumen de un evento en un correo

mail-label-when = Cuándo
mail-label-where = Dónde
mail-label-organizer = Organiza
mail-label-guests = Invitados
mail-field = { $label }: { $value }
mail-list-heading = { $label }:
mail-no-title = (sin título)
mail-no-time = sin hora
mail-someone = Alguien
mail-the-organizer = Quien organiza
mail-all-day = todo el día
mail-when-all-day = { $day } (todo el día)
mail-day-and-time = { $day }, { $time }
mail-time-range = { $start }–{ $end }
mail-in-zone = { $when } ({ $zone })
mail-one-occurrence = { $text } (una sola vez)

## Recordatorios

mail-reminder-subject = Recordatorio: { $title } @ { $when }
mail-reminder-now = { $title } empieza ahora
mail-reminder-soon = { $title } empieza pronto
mail-reminder-minutes =
    { $count ->
        [one] { $title } empieza en { $count } minuto
       *[other] { $title } empieza en { $count } minutos
    }
mail-reminder-hours =
    { $count ->
        [one] { $title } empieza en { $count } hora
       *[other] { $title } empieza en { $count } horas
    }
mail-reminder-days =
    { $count ->
        [one] { $title } empieza en { $count } día
       *[other] { $title } empieza en { $count } días
    }

## Invitaciones, cambios y respuestas

mail-invitation-subject = Invitación: { $title } @ { $when }
mail-invitation-headline = { $organizer } te invita
mail-invitation-update-subject = Invitación actualizada: { $title } @ { $when }
mail-invitation-update-headline = { $organizer } cambió la reunión; revisa los detalles
mail-cancelled-subject = Cancelado: { $title } @ { $when }
mail-cancelled-headline = Se canceló la reunión
mail-uninvited-subject = Ya no estás invitado: { $title } @ { $when }
mail-uninvited-headline = Te quitaron de la reunión
mail-answer-in-app = Responde en Telegram o en la app del calendario: { $url }
mail-rsvp =
    { $status ->
        [accepted] { $who } aceptó
        [declined] { $who } rechazó
        [tentative] { $who } aceptó como provisional
        [delegated] { $who } delegó la invitación
       *[other] { $who } respondió
    }
mail-rsvp-subject = { $answer }: { $title } @ { $when }
mail-imip-invite-headline = { $who } te invita a { $title }
mail-imip-update-headline = { $who } actualizó { $title }
mail-imip-cancel-headline = { $who } canceló { $title }
mail-imip-declinecounter-headline = { $who } mantiene la hora de { $title }
mail-imip-declinecounter-subject = Propuesta rechazada: { $title } @ { $when }

## Reservas de los enlaces de una persona

mail-booking-with = { $title } con { $name }
mail-booked-subject = Reservado: { $meeting } @ { $when }
mail-booked-headline = { $name } reservó una hora contigo
mail-booking-cancelled-subject = Reserva cancelada: { $meeting } @ { $when }
mail-booking-cancelled-headline = { $name } canceló
mail-booking-moved-subject = Reserva cambiada: { $meeting } @ { $when }
mail-booking-moved-headline = { $name } cambió la reserva de hora
mail-booking-reason = Motivo: { $reason }
mail-booking-was = Antes: { $when }
mail-booking-email = Correo: { $email }
mail-visitor-moved-subject = Cambiada: { $meeting } @ { $when }
mail-visitor-manage = Cancelar o cambiar la hora: { $url }

## La agenda de la mañana

mail-agenda-subject = Tu día: { $day }
mail-agenda-intro = Tu día, { $day } ({ $zone })
mail-agenda-empty = Nada planeado para hoy.
mail-agenda-unreadable =
    { $count ->
        [one] (no se pudo mostrar { $count } evento)
       *[other] (no se pudieron mostrar { $count } eventos)
    }
mail-agenda-conflicts = (!) marca los eventos que se solapan.
mail-agenda-conflict = (!) { $when }
mail-agenda-at = en { $location }
mail-agenda-repeats = se repite
mail-agenda-awaiting = espera tu respuesta

## Por qué llegó el correo

mail-footer-why =
    { $kind ->
        [reminders] Recibes los recordatorios por correo porque así lo elegiste en los ajustes de Televent.
        [agenda] Recibes la agenda de la mañana por correo porque así lo elegiste en los ajustes de Televent.
       *[notices] Recibes los avisos de tus eventos por correo porque así lo elegiste en los ajustes de Televent.
    }
mail-footer-stop = Dejar de recibir estos correos: { $url }
mail-footer-settings = Cámbialo con /settings en el bot o en la app del calendario.

## El código que vincula un correo

mail-code-subject = Tu código de Televent: { $code }
mail-code-someone = Una persona de Televent
mail-code-asked =
    { $minutes ->
        [one] { $who } pidió vincular { $address } a su cuenta de Televent. Para hacerlo, entrega este código a Televent (en el bot: /email { $code }) en menos de { $minutes } minuto.
       *[other] { $who } pidió vincular { $address } a su cuenta de Televent. Para hacerlo, entrega este código a Televent (en el bot: /email { $code }) en menos de { $minutes } minutos.
    }
mail-code-ignore = Si no fuiste tú, ignora este correo: sin el código no se vincula nada.

## Las páginas del enlace para darse de baja

mail-unsubscribe-page-title = Televent: correo
mail-unsubscribe-not-found = Este enlace para darse de baja no es válido (o ya no lo es). Elige qué recibes por correo con /settings en el bot de Televent.
mail-unsubscribe-confirm =
    { $kind ->
        [reminders] ¿Dejar de enviar los recordatorios de { $name } por correo? Telegram y los demás correos siguen igual.
        [agenda] ¿Dejar de enviar la agenda de la mañana de { $name } por correo? Telegram y los demás correos siguen igual.
       *[notices] ¿Dejar de enviar los avisos de { $name } por correo? Telegram y los demás correos siguen igual.
    }
mail-unsubscribe-button =
    { $kind ->
        [reminders] Darme de baja de los recordatorios
        [agenda] Darme de baja de la agenda de la mañana
       *[notices] Darme de baja de los avisos
    }
mail-unsubscribe-done =
    { $kind ->
        [reminders] Listo: los recordatorios de { $name } ya no llegan por correo. Vuelve a activarlos con /settings en el bot de Televent o en la app del calendario.
        [agenda] Listo: la agenda de la mañana de { $name } ya no llega por correo. Vuelve a activarla con /settings en el bot de Televent o en la app del calendario.
       *[notices] Listo: los avisos de { $name } ya no llegan por correo. Vuelve a activarlos con /settings en el bot de Televent o en la app del calendario.
    }
