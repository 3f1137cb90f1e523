## El bot: /availability (cuándo se te puede reservar), /booking (enlaces de reserva) y los
## mensajes al dueño cuando alguien reserva, cancela o cambia una reserva.
## Las palabras de los comandos (mon-fri, off, weekly, default, new, list, pause…) no cambian.

## /availability ($days: «lun–vie», $hours: «9:00–17:00», en el reloj del lector)

booking-bot-examples =
    <code>/availability mon-fri 09:00-12:00 13:00-17:00</code> — horario semanal
    <code>/availability sat 10:00-14:00</code> — un día de la semana
    <code>/availability sat off</code> — sin reservas ese día de la semana
    <code>/availability 2026-12-24 off</code> — un día libre
    <code>/availability 2026-12-27 10:00-14:00</code> — otro horario en una fecha
    <code>/availability 2026-12-24 weekly</code> — esa fecha vuelve al horario semanal
    <code>/availability default</code> — volver a { $days } { $hours }
booking-bot-hours-title = 🗓 <b>Cuándo se te puede reservar</b>
booking-bot-hours-default-title = 🗓 <b>Cuándo se te puede reservar</b> (el predeterminado: aún no has fijado tu horario)
booking-bot-zone = Zona horaria: { $zone }
booking-bot-off = sin reservas
booking-bot-dates-title = <b>Fechas con su propio horario</b>
booking-bot-change-them = <b>Cambiarlo</b>
booking-bot-examples-title = <b>Ejemplos</b>
booking-bot-saved = ✅ Guardado.
booking-bot-which-days = Dime qué días y qué horas.
booking-bot-not-a-date = { $text } no es una fecha (AAAA-MM-DD).
booking-bot-past = { $day } ya pasó.
booking-bot-days-backwards = { $text }: el primer día va después del último (prueba mon-fri).
booking-bot-unknown-day = No conozco el día «{ $text }». Empieza con un día de la semana (mon, tue, …, mon-fri, weekend, lun, mar, …) o una fecha como 2026-12-24.
booking-bot-no-hours = Indica las horas después del día, como <code>09:00-17:00</code> (varios tramos separados por espacios), u <code>off</code>.
booking-bot-not-a-range = «{ $text }» no es un tramo de horas; escríbelo así: <code>09:00-17:00</code>.

## /booking ($length: «30 minutos»; $state: active o paused)

booking-bot-usage =
    🔗 Los <b>enlaces de reserva</b> permiten reservar tiempo contigo en una página web, dentro de tu /availability y alrededor de los eventos que ya tienes en el calendario.
    <code>/booking new intro 30 Llamada inicial</code> — un enlace de 30 minutos en /book/intro
    <code>/booking list</code> — tus enlaces, sus direcciones y las próximas reservas
    <code>/booking pause intro</code> / <code>/booking resume intro</code> — dejar de aceptar reservas o volver a aceptarlas
    <code>/booking delete intro</code> — eliminar un enlace (sus reservas se quedan en tu calendario)
    Márgenes, antelación, horizonte y preguntas: Ajustes → Reservas en la app del calendario (/app).
booking-bot-new-usage = ⚠️ Indica un nombre corto para la dirección, los minutos y un título, como <code>/booking new intro 30 Llamada inicial</code>.
booking-bot-created =
    🔗 <b>{ $title }</b> ({ $length }) está listo. Comparte esta dirección:
    { $url }
    Se puede reservar dentro de tu /availability, alrededor de tus eventos. <code>/booking pause { $slug }</code> lo detiene por un tiempo.
booking-bot-no-links = Aún no tienes enlaces de reserva.
booking-bot-list-title = 🔗 <b>Tus enlaces de reserva</b>
booking-bot-list-item =
    <b>{ $title }</b> — { $length }, { $state ->
        [active] activo
       *[paused] ⏸ en pausa
    }, { $count ->
        [one] { $count } reserva próxima
       *[other] { $count } reservas próximas
    }
booking-bot-list-footer = /availability fija cuándo se te puede reservar.
booking-bot-resumed = ▶️ <b>{ $title }</b> vuelve a aceptar reservas: { $url }
booking-bot-paused = ⏸ <b>{ $title }</b> está en pausa: su página no muestra horas libres hasta <code>/booking resume { $slug }</code>.
booking-bot-delete-ask = 🗑 ¿Eliminar el enlace de reserva <b>{ $title }</b> ({ $url })? Su página dejará de funcionar; las reservas ya hechas se quedan en tu calendario.
booking-bot-delete-yes = Sí, eliminarlo
booking-bot-delete-no = No, mantenerlo
booking-bot-kept = Mantenido
booking-bot-link-stays = 👍 El enlace se queda.
booking-bot-already-gone = Ese enlace ya no existe.
booking-bot-deleted = Eliminado
booking-bot-deleted-text = 🗑 El enlace de reserva /book/{ $slug } se eliminó. Las reservas ya hechas se quedan en tu calendario.
booking-bot-no-such-link = No tienes ningún enlace de reserva «{ $slug }». /booking list muestra los tuyos.
booking-bot-not-registered = Aún no estás registrado: envía /start primero.

## Mensajes al propietario sobre reservas ($when: «mar, 3 mar, 14:00–14:30»)

booking-bot-someone = Alguien
booking-bot-a-booking = una reserva
booking-bot-unknown-time = una hora desconocida
booking-bot-booked = 📅 { $who } reservó contigo: <b>{ $title }</b>, { $when }
booking-bot-booked-for = 📅 { $who } reservó { $length } contigo: <b>{ $title }</b>, { $when }
booking-bot-cancelled = ❌ { $who } canceló <b>{ $title }</b>, { $when }. Ese hueco vuelve a estar libre.
booking-bot-cancelled-why = ❌ { $who } canceló <b>{ $title }</b>, { $when } ({ $reason }). Ese hueco vuelve a estar libre.
booking-bot-moved = 🔄 { $who } movió <b>{ $title }</b> a { $when }.
booking-bot-moved-from = 🔄 { $who } movió <b>{ $title }</b> a { $when } (antes: { $was }).
