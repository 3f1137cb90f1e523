# Rechazos sobre el horario reservable, los enlaces de reserva y las reservas (TeleventError.worded):
# el dueño los ve en los ajustes de la Mini App, en /availability y /booking; quien reserva, en la
# página de reservas (/book/<slug>) y en el enlace para gestionar su reserva.

## Horario semanal y fechas con su propio horario

# El día del que se habla: $day es un día de la semana («mon» … «sun») o una fecha.
refusal-booking-on = { $day ->
    [mon] Lunes
    [tue] Martes
    [wed] Miércoles
    [thu] Jueves
    [fri] Viernes
    [sat] Sábado
    [sun] Domingo
   *[other] { $day }
}
# $start y $end son horas tal como se escribieron (HH:MM).
refusal-booking-range-backwards = { refusal-booking-on }: el tramo { $start }-{ $end } termina antes de empezar.
# $first y $second son tramos como 09:00-13:30.
refusal-booking-ranges-overlap = { refusal-booking-on }: los tramos { $first } y { $second } se solapan.
refusal-booking-too-many-ranges = { refusal-booking-on }: como mucho { $count } tramos por día.
# $text es lo que se dio como hora; $latest es 23:59 para un inicio y 24:00 para un final.
refusal-booking-not-a-time = { refusal-booking-on }: { $text } no es una hora del día en formato HH:MM (de 00:00 a { $latest }).
refusal-booking-too-many-dates = Como mucho { $count } fechas pueden tener su propio horario.
refusal-booking-date-twice = La fecha { $date } tiene su propio horario dos veces.
refusal-booking-not-a-zone = { $zone } no es una zona horaria; usa un nombre IANA como Europe/Berlin.
refusal-booking-window = Pide horas libres de como mucho { $count } días cada vez.

## Enlaces de reserva (el dueño)

refusal-booking-link-needs = Un enlace de reserva necesita una dirección (slug) y un título.
refusal-booking-calendar = El calendario donde se reserva debe ser uno tuyo (también de una cuenta conectada) en el que puedas añadir eventos.
refusal-booking-slug-shape = La dirección (slug) tiene de 3 a 40 letras minúsculas sin acentos, cifras y guiones (no en los extremos), p. ej. intro-call.
refusal-booking-slug-reserved = La dirección (slug) { $slug } está reservada; elige otra.
refusal-booking-slug-taken = La dirección /book/{ $slug } ya está ocupada; elige otra.
refusal-booking-slug-just-taken = Alguien acaba de ocupar la dirección /book/{ $slug }; elige otra.
refusal-booking-slug-yours = Ya tienes un enlace /{ $slug }.
refusal-booking-slug-fixed = La dirección (slug) de un enlace no puede cambiar; crea un enlace nuevo.
refusal-booking-no-link = No hay ningún enlace de reserva /{ $slug }.
refusal-booking-too-many-links = Puedes tener como mucho { $count } enlaces de reserva.
refusal-booking-title-empty = Un enlace de reserva necesita un título.
refusal-booking-title-long = El título tiene como mucho { $count } caracteres.
# $field es el nombre del ajuste en la API (también va entre paréntesis); $low y $high, sus límites.
refusal-booking-number = { $field ->
    [duration_minutes] Una reunión dura de { $low } a { $high } minutos (duration_minutes).
    [step_minutes] Las horas de inicio van separadas de { $low } a { $high } minutos (step_minutes).
    [buffer_before_minutes] El margen antes de una reunión es de { $low } a { $high } minutos (buffer_before_minutes).
    [buffer_after_minutes] El margen después de una reunión es de { $low } a { $high } minutos (buffer_after_minutes).
    [min_notice_minutes] La antelación es de { $low } a { $high } minutos (min_notice_minutes).
    [horizon_days] Se puede reservar de { $low } a { $high } días vista (horizon_days).
    [max_per_day] El máximo de reservas al día es un número de { $low } a { $high } (max_per_day).
   *[other] { $field } es un número entero de { $low } a { $high }.
}
refusal-booking-durations = { $count ->
    [one] Un enlace ofrece como mucho { $count } duración más.
   *[other] Un enlace ofrece como mucho { $count } duraciones más.
}
# $field es description o location.
refusal-booking-text-long = { $field ->
    [description] La descripción tiene como mucho { $count } caracteres.
    [location] El lugar tiene como mucho { $count } caracteres.
   *[other] { $field } tiene como mucho { $count } caracteres.
}
refusal-booking-too-many-questions = Un enlace hace como mucho { $count } preguntas.
# $number es el lugar de la pregunta en la lista (1 para la primera).
refusal-booking-question-unlabelled = La pregunta { $number } necesita un texto.
refusal-booking-question-label-long = El texto de la pregunta { $number } tiene como mucho { $count } caracteres.

## Reservar una hora (quien reserva)

refusal-booking-paused = Este enlace de reserva está en pausa; ahora no acepta reservas.
# $choices son los minutos que ofrece el enlace («30, 60»).
refusal-booking-duration = Este enlace reserva { $choices } minutos, no { $minutes }.
refusal-booking-slot-gone = Esa hora ya no está disponible; elige otra.
refusal-booking-slot-not-free = Esa hora no está disponible; elige otra.
refusal-booking-slot-just-taken = Alguien acaba de reservar esa hora.
refusal-booking-day-full = Ese día ya está completo.
refusal-booking-past = Esa hora ya pasó; elige otra.
refusal-booking-too-soon-minutes = { $count ->
    [one] Esa hora está demasiado cerca: este enlace acepta reservas con al menos { $count } minuto de antelación.
   *[other] Esa hora está demasiado cerca: este enlace acepta reservas con al menos { $count } minutos de antelación.
}
refusal-booking-too-soon-hours = { $count ->
    [one] Esa hora está demasiado cerca: este enlace acepta reservas con al menos { $count } hora de antelación.
   *[other] Esa hora está demasiado cerca: este enlace acepta reservas con al menos { $count } horas de antelación.
}
refusal-booking-too-soon-days = { $count ->
    [one] Esa hora está demasiado cerca: este enlace acepta reservas con al menos { $count } día de antelación.
   *[other] Esa hora está demasiado cerca: este enlace acepta reservas con al menos { $count } días de antelación.
}
refusal-booking-too-far = { $count ->
    [one] Esa hora está demasiado lejos: este enlace acepta reservas como mucho a { $count } día vista.
   *[other] Esa hora está demasiado lejos: este enlace acepta reservas como mucho a { $count } días vista.
}
refusal-booking-name = Hace falta tu nombre (como mucho { $count } caracteres).
refusal-booking-email = Hace falta un correo electrónico válido: la invitación va ahí.
refusal-booking-own-address = Da tu propio correo electrónico: la invitación va ahí.
# $question es la pregunta a la que se dio respuesta; $asked, las preguntas de la página.
refusal-booking-no-question = { $count ->
    [0] Esta página de reservas no tiene ninguna pregunta «{ $question }» (no hace ninguna).
   *[other] Esta página de reservas no tiene ninguna pregunta «{ $question }» (sus preguntas: { $asked }).
}
refusal-booking-answer-missing = Responde, por favor: { $question }
refusal-booking-answer-long = La respuesta a «{ $question }» es demasiado larga (como mucho { $count } caracteres).
# $name es el nombre de la persona con quien se reserva.
refusal-booking-no-calendar = { $name } no tiene ningún calendario en el que reservar.

## Una reserva, por su enlace de gestión (quien reservó)

refusal-booking-not-valid = Este enlace de la reserva no es válido.
refusal-booking-cancelled-already = Esta reserva ya estaba cancelada.
refusal-booking-begun = Esta reserva ya empezó; ahora no se puede cambiar.
refusal-booking-link-gone = El enlace de reserva de esta reserva ya no existe.
refusal-booking-event-gone = El evento de esta reserva ya no existe; reserva de nuevo.
refusal-booking-calendar-closed = Esta reserva ya no se puede cambiar aquí: el calendario en el que está ya no está abierto a su enlace de reserva. Escribe al organizador.

## Lo que envía una petición: la de la página de reservas (quien reserva), /availability, /bookings y los enlaces de reserva (el dueño)

refusal-booking-body-too-deep = El cuerpo de la petición está anidado demasiado hondo.
refusal-booking-control-characters = Los textos no pueden contener caracteres de control.
refusal-booking-body-object = { $what ->
    [booking] Una reserva se envía como objeto JSON.
    [cancellation] Una cancelación se envía como objeto JSON.
    [new-time] Una nueva hora se envía como objeto JSON.
   *[other] El cuerpo de la petición es un objeto JSON.
}
refusal-booking-body-field = { $what ->
    [booking] El campo «{ $field }» no existe; una reserva lleva: { $known }.
    [cancellation] El campo «{ $field }» no existe; una cancelación lleva: { $known }.
    [new-time] El campo «{ $field }» no existe; una nueva hora lleva: { $known }.
   *[other] El campo «{ $field }» no existe; la petición lleva: { $known }.
}
refusal-booking-zone-form = «{ $field }» es el nombre de una zona horaria IANA, como Europe/Berlin.
refusal-booking-moment-form = { $field ->
    [start] El comienzo
   *[other] El final
} es una fecha (AAAA-MM-DD) o una fecha y hora RFC 3339.
refusal-booking-duration-param = La duración (duration) es un número entero de minutos, uno de los que ofrece el enlace.
refusal-booking-field-required = { $field ->
    [name] Hace falta tu nombre.
    [email] Hace falta tu dirección de email.
    [start] Indica la hora de comienzo.
   *[other] Hace falta el campo «{ $field }».
}
refusal-booking-field-text = El campo «{ $field }» tiene que ser un texto.
refusal-booking-field-long = El campo «{ $field }» tiene como mucho { $most } caracteres.
refusal-booking-start-form = El comienzo es una fecha y hora RFC 3339.
refusal-booking-start-date = El comienzo es una fecha con hora (el comienzo de la hora elegida), no solo una fecha.
refusal-booking-duration-minutes = La duración (duration_minutes) es un número entero de minutos de los que ofrece el enlace.
refusal-booking-answers-form = Las respuestas (answers) son un objeto como {"{"}"q1": "..."{"}"}.
refusal-booking-answer-text = Cada respuesta es un texto de como mucho { $most } caracteres.
refusal-booking-no-page = No hay ninguna página de reservas en esta dirección.
refusal-booking-link-slug = slug es la dirección (slug) de uno de tus enlaces.
