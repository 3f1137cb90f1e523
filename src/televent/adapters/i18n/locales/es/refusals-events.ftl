# Rechazos sobre invitados y sus respuestas, y sobre reglas de repetición
# (TeleventError.worded): en el campo detail de la API JSON y en la Mini App.

## Invitados y respuestas

refusal-events-invitee-no-user = { $invitee } todavía no está en Televent: pídele que envíe /start al bot, o invítalo por email.
refusal-events-invitee-not-started = El usuario de Telegram { $invitee } todavía no ha iniciado el bot: pídele que le envíe /start, o invítalo por email.
refusal-events-invitee-unreadable = «{ $invitee }» no es un @usuario, ni un id de Telegram, ni un email.
refusal-events-invitee-control-characters = Un invitado no puede contener caracteres de control.
refusal-events-attendees-no-user = { $invitee } todavía no está en Televent: pídele que envíe /start al bot, o invítalo por email.
refusal-events-attendees-not-started = El usuario de Telegram { $invitee } todavía no ha iniciado el bot: pídele que le envíe /start, o invítalo por email.
refusal-events-attendees-unreadable = «{ $invitee }» no es un @usuario, ni un id de Telegram, ni un email.
refusal-events-attendees-control-characters = Un invitado no puede contener caracteres de control.
refusal-events-invitee-missing = Indica a quién invitas: un @usuario, un id de Telegram o un email.
refusal-events-invitee-name = El nombre de un invitado tiene que ser un texto.
refusal-events-invitee-yourself = Ese eres tú: organizas este evento.
refusal-events-invitee-organizer = Esa persona es quien organiza este evento.
refusal-events-attendees-list = Los invitados van en una lista de { $most } como máximo.
refusal-events-attendees-item = Cada invitado es un @usuario, un id de Telegram o un email.
refusal-events-attendee-whom = Indica a qué participante quieres quitar.
refusal-events-attendee-unknown = { $address } no es participante de este evento.
refusal-events-rsvp-status = Responde con accepted, tentative o declined.
refusal-events-rsvp-occurrence = Indica una repetición con su recurrence_id.

## Reglas de repetición (RRULE) y las repeticiones de una serie

refusal-events-rule-too-often = «{ $rule }» se repite más de una vez por hora; los eventos se repiten como mucho cada hora.
refusal-events-rule-interval = En «{ $rule }», el intervalo (INTERVAL) tiene que ser un número entero de al menos 1.
refusal-events-rule-never-matches = «{ $rule }» no da ninguna fecha en los cien años desde el comienzo: sus partes nunca coinciden.
refusal-events-rule-setpos-seconds = «{ $rule }» combina BYSETPOS con varios valores de BYSECOND, algo que Televent no guarda.
refusal-events-rule-too-dense = «{ $rule }» se repite más de { $most } veces en una hora; los eventos no se repiten más a menudo.
refusal-events-rule-unexpandable = No se pueden calcular las repeticiones de este evento a partir de su regla y sus excepciones.
refusal-events-rule-whole-series = La regla de repetición es de toda la serie; quita occurrence.
refusal-events-no-series = Este evento no es una serie de la que se pueda quitar una repetición.
refusal-events-occurrence-form = { $kind ->
    [date] Las repeticiones de esta serie se indican con una fecha (AAAA-MM-DD).
   *[time] Las repeticiones de esta serie se indican con fecha y hora.
}

## Los campos de un evento (POST y PATCH /events, el formulario de eventos de la Mini App)

refusal-events-field-unknown = El campo «{ $field }» no existe o no se puede cambiar.
refusal-events-field-true-or-false = El campo «{ $field }» tiene que ser true o false.
refusal-events-field-null = El campo «{ $field }» no puede ser null.
refusal-events-field-text = El campo «{ $field }» tiene que ser un texto.
refusal-events-field-control-characters = El campo «{ $field }» contiene caracteres de control (solo se admiten tabulaciones y saltos de línea).
refusal-events-moment = «{ $given }» no sirve como { $field ->
    [start] comienzo
    [end] final
    [occurrence] repetición
   *[other] valor de «{ $field }»
}: no es una fecha (AAAA-MM-DD) ni una fecha y hora RFC 3339.
refusal-events-moment-form = { $kind ->
    [date] { $field ->
        [start] El comienzo
       *[other] El final
    } de un evento de todo el día es una fecha (AAAA-MM-DD), sin hora.
   *[time] { $field ->
        [start] El comienzo
       *[other] El final
    } de un evento con hora es una fecha con su hora.
}
refusal-events-start-required = Indica cuándo empieza el evento.
refusal-events-start-for-time = Si un evento de todo el día pasa a tener hora, indica también cuándo empieza.
refusal-events-not-an-event = Eso no es un evento.

## Listar eventos (GET /events) y los intervalos de otras listas (/bookings, las horas libres de una página de reservas)

refusal-events-window-bound = { $field ->
    [start] Indica desde cuándo listar (start, en RFC 3339, como 2026-03-02T00:00:00Z).
   *[other] Indica hasta cuándo listar (end, en RFC 3339, como 2026-03-02T00:00:00Z).
}
refusal-events-window-backwards = El final del intervalo tiene que ser posterior a su comienzo.
refusal-events-window-too-long = Un intervalo abarca como mucho { $days } días; pide después el siguiente.
refusal-events-cursor-other-query = Este cursor es de otra consulta (start, end, calendar, q).
refusal-events-cursor-unknown = Este cursor no lo dio esta lista.
refusal-events-calendar-not-yours = Ese no es uno de tus calendarios (indica su id o su slug).

## Escribir un evento por la API (POST y PATCH /events)

refusal-events-no-calendar = No tienes ningún calendario donde poner el evento.
refusal-events-calendar-form = Indica el calendario por su id o su slug.
refusal-events-calendar-move = Aquí un evento no se puede mover a otro calendario.
refusal-events-attendees-elsewhere = Los invitados se cambian con /api/v1/events/{"{"}id{"}"}/attendees.
refusal-events-range-value = range es thisandfuture o se omite.
refusal-events-range-occurrence = Con range indica también la repetición desde la que se aplica (?occurrence=).
refusal-events-data-unreadable = Los datos iCalendar guardados de este evento no se pueden leer: { $reason }

## Los recordatorios propios de un evento (reminders, en POST y PATCH /events)

refusal-events-reminders-list = El campo «{ $field }» es una lista de como mucho { $most } recordatorios, o null.
refusal-events-reminders-item = Cada recordatorio de «{ $field }» son los minutos antes del comienzo, o un TRIGGER como los mostrados.
refusal-events-reminder-too-far = Un recordatorio de «{ $field }» está como mucho a { $most } minutos del comienzo.
refusal-events-reminder-trigger = «{ $given }» en «{ $field }» no es un TRIGGER como RELATED=END:-PT15M.

invitee-no-user = todavía no está en Televent: pídele que envíe /start al bot, o invítalo por email.
invitee-not-started = ese usuario de Telegram todavía no ha iniciado el bot: pídele que le envíe /start, o invítalo por email.
invitee-unreadable = no es un @usuario, ni un id de Telegram, ni un email.

refusal-data-end-before-start = termina (DTEND) antes de empezar (DTSTART).
refusal-data-too-many-attendees = tiene más de { $most } asistentes.
refusal-data-no-uid = no tiene UID.
refusal-data-unparsable = su texto no es iCalendar.
refusal-data-value = su { $property } no se puede leer.
refusal-data-line = una de sus líneas no se puede leer.
refusal-data-nul = contiene un carácter NUL, que los datos de calendario no pueden llevar.
refusal-data-too-long = su { $property } dura más de los 100 años que guarda Televent.
refusal-data-zone-rules = una de sus zonas horarias tiene reglas que Televent no puede leer con seguridad.
refusal-data-two-series = tiene más de una parte para toda la serie (sin RECURRENCE-ID).
refusal-data-instance-twice = dos de sus partes cambian la misma repetición (RECURRENCE-ID).
refusal-data-some-value = uno de sus valores no se puede leer.
refusal-data-alarm-no-trigger = uno de sus avisos (VALARM) no tiene TRIGGER.
refusal-data-wrong-kind = Este calendario no guarda { $kind ->
    [VEVENT] eventos
    [VTODO] tareas
   *[other] notas
}; elige otro calendario.
