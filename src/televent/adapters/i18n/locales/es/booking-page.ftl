## Las páginas públicas de reserva (/book/<slug> y la página para gestionar una reserva).

booking-page-title = Reservar una hora
booking-page-needs-js = Esta página necesita JavaScript para mostrar las horas libres.
booking-page-loading = Cargando…
booking-page-time-zone = Zona horaria
booking-page-your-booking = Tu reserva
booking-page-add-ics = Añadir a tu calendario (archivo .ics)
booking-page-reschedule = Cambiar la hora
booking-page-cancel = Cancelar la reserva
booking-page-cancel-reason = Motivo (opcional, se envía a quien organiza)
booking-page-cancel-confirm = Sí, cancelarla
booking-page-cancel-keep = Mantenerla
booking-page-book-again = Reservar otra hora
booking-page-pick-time = Elige una hora
booking-page-duration = Duración
booking-page-earlier-days = Días anteriores
booking-page-later-days = Días siguientes
booking-page-days = Días
booking-page-your-details = Tus datos
booking-page-name = Nombre
booking-page-email = Correo
booking-page-optional = (opcional)
booking-page-book = Reservar
booking-page-booking = Reservando…
booking-page-choose-another = Elegir otra hora
booking-page-move-heading = Cambiar la reserva
booking-page-move = Cambiarla
booking-page-booked-heading = Reservado
booking-page-download-ics = Descarga el archivo .ics
booking-page-download-ics-then = y ábrelo para añadir la reserva a tu calendario.
booking-page-keep-link = Para cambiarla o cancelarla más tarde, guarda este enlace:

## Horas y duraciones

booking-page-zone = { $when } ({ $zone })
booking-page-day-time = { $day }, { $time }
booking-page-time-range = { $from }-{ $to }
booking-page-minutes = { $minutes } min
booking-page-hours = { $hours } h
booking-page-hours-minutes = { $hours } h { $minutes } min
booking-page-week = { $from } – { $to }
booking-page-slot-label = de { $from } a { $to }
booking-page-day-label =
    { $count ->
        [one] { $day }, { $count } hora libre
       *[other] { $day }, { $count } horas libres
    }
booking-page-day-closed = { $day }, sin horas libres
booking-page-day-heading = { $day } · horas en { $zone }

## Buscar una hora

booking-page-looking = Buscando horas libres…
booking-page-week-empty = No hay horas libres en estos días. Prueba días posteriores con ›.
booking-page-pick-day = Elige un día para ver sus horas libres.
booking-page-nothing-free =
    { $days ->
        [one] No hay horas libres en el próximo { $days } día. Vuelve a mirar más tarde.
       *[other] No hay horas libres en los próximos { $days } días. Vuelve a mirar más tarde.
    }
booking-page-slot-taken = Alguien acaba de reservar esa hora. Elige otra de las horas libres de abajo.
booking-page-new-time = Nueva hora: { $when }

## Reservar

booking-page-book-with = Reserva una hora con { $name }
booking-page-paused = { $name } no acepta reservas por este enlace ahora mismo. Vuelve a intentarlo más tarde.
booking-page-enter-name = Escribe tu nombre.
booking-page-enter-email = Escribe un correo como ann@example.org.
booking-page-answer = Responde, por favor: { $question }
booking-page-done-heading = Tienes la reserva
booking-page-done = Reservado: { $when }. Una invitación va de camino a { $email }.
booking-page-done-no-mail = Reservado: { $when }. Este servidor no envía correos, así que no llegará ninguna invitación a { $email }: añade tú la reserva a tu calendario.

## Gestionar una reserva

booking-page-your-booking-with = Tu reserva con { $name }
booking-page-status-active = Confirmada
booking-page-status-cancelled = Cancelada
booking-page-status-released = Cancelada por quien organiza
booking-page-booked-by = Reservada por { $name } ({ $email })
booking-page-link-paused = Este enlace no acepta reservas ahora.
booking-page-cancelled = Tu reserva está cancelada. Ya se le avisó a quien organiza.
booking-page-already-cancelled = Esta reserva ya estaba cancelada.
booking-page-moved = Cambiada a { $when }. Una invitación actualizada va de camino a { $email }.
booking-page-moved-no-mail = Cambiada a { $when }. Este servidor no envía correos: añade la nueva hora a tu calendario con el archivo .ics de abajo.

## Cuando algo sale mal

booking-page-no-page = Esta página de reservas no existe
booking-page-no-page-text = Revisa el enlace que te dieron o pide uno nuevo a quien te lo envió.
booking-page-removed-meanwhile = El enlace se eliminó mientras reservabas. No se reservó nada.
booking-page-no-booking = No se encontró la reserva
booking-page-no-booking-text = Este enlace no lleva a ninguna reserva. Comprueba que lo copiaste entero.
booking-page-not-found = Página no encontrada
booking-page-not-found-text = Esta dirección no lleva a ninguna página de reservas.
booking-page-offline = No se pudo conectar con el servidor. Revisa tu conexión y vuelve a intentarlo.
booking-page-too-many = Demasiadas solicitudes desde tu red. Espera un minuto y vuelve a intentarlo.
booking-page-server-said = El servidor respondió { $status }.

booking-event-summary = { $title }: { $visitor } y { $owner }
booking-event-booked-with = Reservado con un enlace de reservas de Televent.
booking-file-manage = Cancelar o cambiar la hora: { $url }
