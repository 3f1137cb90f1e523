# Rechazos de calendarios, eventos, calendarios compartidos, grupos, ajustes y cuentas
# (TeleventError.worded): en el bot, en el campo detail de la JSON API y en la Mini App.

## Los calendarios y las personas con quienes se comparten

refusal-calendars-calendar-gone = No se encontró el calendario.
refusal-calendars-share-self = No puedes compartir un calendario contigo mismo.
refusal-calendars-share-owner = Esa persona es la propietaria de este calendario.
refusal-calendars-no-such-person = Esa persona no tiene cuenta de Televent.
refusal-calendars-already-member = Esa persona ya es miembro; cambia su rol en su lugar.
refusal-calendars-member-cap = { $most ->
    [one] Un calendario se comparte con { $most } persona como máximo.
   *[other] Un calendario se comparte con { $most } personas como máximo.
}
refusal-calendars-already-accepted = Ya aceptaste este calendario; si no lo quieres, sal de él.
refusal-calendars-not-member = Esa persona no es miembro de este calendario.
refusal-calendars-owner-stays = El propietario no puede salir de su propio calendario; puede borrarlo.
refusal-calendars-not-a-role = «{ $role }» no es un rol: usa read (puede ver), write (puede editar) o manage (puede gestionar).
refusal-calendars-not-published = Este calendario no está publicado.
refusal-calendars-role-forbids = { $what ->
    [share] Tu rol en este calendario no te permite compartirlo.
    [roles] Tu rol en este calendario no te permite cambiar los roles de los miembros.
    [remove] Tu rol en este calendario no te permite quitar miembros.
    [subscription] Tu rol en este calendario no te permite cambiar su suscripción.
   *[other] Tu rol en este calendario no te permite publicarlo.
}
refusal-calendars-read-only = Puedes ver este calendario, pero no cambiar sus eventos.
refusal-calendars-cannot-manage = Tu rol en este calendario no te permite gestionar sus miembros.
refusal-calendars-owner-only = Solo el propietario del calendario puede cambiarle el nombre o borrarlo para todos.
refusal-calendars-role-denied = Tu rol no permite esto.
refusal-calendars-changed-meanwhile = Otra persona cambió esto al mismo tiempo; vuelve a cargar e inténtalo de nuevo.
refusal-calendars-property-unknown = Los calendarios no tienen ninguna propiedad «{ $property }».
refusal-calendars-busy = Si el calendario cuenta como ocupado (busy) se indica con true o false.
refusal-calendars-client-properties = Un calendario guarda como mucho { $most } propiedades de aplicaciones de calendario.
refusal-calendars-client-property = Una propiedad de una aplicación de calendario tiene como mucho { $most } caracteres y un nombre de la forma {"{"}namespace{"}"}name.

## El nombre, el color y el tiempo ocupado de un calendario, y con quién se comparte (PATCH /calendars/{id}, sus miembros)

refusal-calendars-field-fixed = «{ $field }» no se puede cambiar aquí; se pueden cambiar name, color y busy.
refusal-calendars-name-blank = El nombre no puede estar en blanco; indica un nombre o null.
refusal-calendars-name-control-characters = El nombre contiene caracteres de control.
refusal-calendars-name-long = El nombre tiene como mucho { $most } caracteres.
refusal-calendars-name-kept = Tu propio calendario conserva un nombre: indica uno, no null.
refusal-calendars-color = El color es un valor como #1E88E5, o null.
refusal-calendars-busy-value = busy es true, false o null.
refusal-calendars-busy-own = busy solo existe para los calendarios compartidos contigo; los tuyos siempre cuentan como tiempo ocupado.
refusal-calendars-member-not-started = Ese usuario de Telegram todavía no ha iniciado el bot, así que no tiene calendario.
refusal-calendars-member-unknown = Ningún usuario de Televent se llama { $name }; pídele que abra primero el bot.
refusal-calendars-member-form = Indica un id de Telegram o un @usuario.
refusal-calendars-owner-role = El rol del propietario no puede cambiar: el calendario es suyo.

## Eventos

refusal-calendars-event-gone = Ese evento ya no existe.
refusal-calendars-event-changed = Este evento se cambió en otro sitio mientras lo tenías abierto; vuelve a cargarlo e inténtalo de nuevo.
refusal-calendars-kept-changing = El evento no dejó de cambiar mientras se guardaba; inténtalo de nuevo.
refusal-calendars-event-cancelled = Ese evento se canceló.
refusal-calendars-not-attendee = Esa persona no es participante de este evento.
refusal-calendars-not-invited = No estás invitado a este evento.
refusal-calendars-title-required = Ponle un título al evento.
refusal-calendars-title-empty = El título del evento no puede estar vacío.
refusal-calendars-too-long = { $field ->
    [title] El título
    [location] El lugar
   *[other] La descripción
} tiene más de { $limit ->
    [one] { $limit } carácter
   *[other] { $limit } caracteres
}.
refusal-calendars-event-time-zone = { $field ->
    [timezone] «{ $zone }» no es una zona horaria conocida; usa un nombre IANA, como Europe/Madrid.
   *[other] «{ $zone }» ({ $field }) no es una zona horaria conocida; usa un nombre IANA, como Europe/Madrid.
}
refusal-calendars-end-before-start = El final del evento tiene que ser posterior al comienzo.
refusal-calendars-years = { $field ->
    [start] La fecha de comienzo
    [end] La fecha de final
   *[other] La fecha
} «{ $given }» queda fuera de los años que guarda Televent: de { $first } a { $last }.
refusal-calendars-recurrence = «{ $rule }» es una regla de repetición (RRULE) que Televent no puede leer.
refusal-calendars-recurrence-never = «{ $rule }» termina antes de que empiece el evento, o sin ninguna repetición: el evento nunca aparecería.
refusal-calendars-not-repeating = Este evento no se repite.
refusal-calendars-no-occurrence = El evento no tiene ninguna repetición a esa hora.
refusal-calendars-series-unsplittable = Esta serie no se puede dividir ahí; cambia la serie entera.

## Propuestas de otra hora, que responde el organizador

refusal-calendars-proposal-unknown = No se conoce esa propuesta.
refusal-calendars-proposal-not-yours = Esa propuesta no es de ninguno de tus eventos.
refusal-calendars-proposal-answered = { $status ->
    [accepted] Ya respondiste a esta propuesta (la aceptaste).
   *[other] Ya respondiste a esta propuesta (la rechazaste).
}

## Calendarios de grupos

refusal-calendars-group-admins-only = Solo los administradores del grupo pueden cambiar los ajustes de su calendario.
refusal-calendars-group-view-only = El calendario de este grupo es de solo lectura: solo los administradores añaden eventos.
refusal-calendars-group-no-calendar = Este grupo aún no tiene calendario: envía primero /calendar.
refusal-calendars-group-calendar-gone = El calendario de este grupo ya no existe: envía /calendar para abrir uno nuevo.
refusal-calendars-group-event-elsewhere = Ese evento no está en el calendario de este grupo.

## Ajustes y notificaciones

refusal-calendars-time-zone = Zona horaria desconocida «{ $zone }»; usa un nombre IANA, como Europe/Madrid.
refusal-calendars-reminder-minutes = Un recordatorio llega entre 0 y { $most } minutos antes.
refusal-calendars-agenda-time = La agenda matinal llega a una hora escrita como HH:MM (24 horas), como 07:30, o está desactivada.
refusal-calendars-quiet-hours = Las horas de silencio son un comienzo y un final escritos como HH:MM-HH:MM, como 22:00-07:00, o están desactivadas.
refusal-calendars-quiet-hours-equal = Las horas de silencio empiezan y terminan a horas distintas.
refusal-calendars-channels = Los recordatorios, la agenda matinal y los avisos llegan por Telegram, por correo, por ambos o por ninguno.
refusal-calendars-channel-unknown = «{ $channel }» no es una vía por la que Televent envíe mensajes: cada tipo llega por Telegram, por correo, por ambos o por ninguno.
refusal-calendars-language = Televent no habla «{ $value }». Elige uno de estos idiomas: { $languages }, o automático.

## Cuentas y dispositivos

refusal-calendars-no-account = Aún no tienes cuenta de Televent: envía primero /start al bot.
refusal-calendars-login-no-account = Envía primero /start al bot: no hay ninguna cuenta en la que entrar.
refusal-calendars-device-name = Un nombre de dispositivo tiene de 1 a 64 letras, cifras, espacios o caracteres . @ ' ( ) + - _.
refusal-calendars-device-exists = Ya existe un dispositivo llamado «{ $name }»; revócalo primero.
refusal-calendars-no-device = No hay ningún dispositivo activo llamado «{ $name }».
refusal-calendars-no-erasure = No hay ningún borrado programado para esta cuenta.
refusal-calendars-email-not-linked = { $address } no está vinculada a esta cuenta.
