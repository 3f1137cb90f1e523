# La Mini App: el formulario del evento, su repetición, la pregunta de a qué repeticiones se
# aplica un cambio y la tarjeta del evento.

form-back = Atrás
form-new = Nuevo evento
form-edit = Editar evento
form-edit-occurrence = Editar este evento
form-edit-following = Editar este y los siguientes
form-title-label = Título
form-calendar = Calendario
form-all-day = Todo el día
form-starts = Empieza
form-ends = Termina
form-start-date = Fecha de inicio
form-start-time = Hora de inicio
form-end-date = Fecha de fin
form-end-time = Hora de fin
form-zone = Horas en { $zone }
form-location = Lugar
form-notes = Notas
form-save = Guardar

form-error-title = Ponle un título al evento.
form-error-start = Elige una fecha de inicio.
form-error-end-before = El final es anterior al inicio.
form-error-end-after = El final tiene que ser posterior al inicio.
form-error-interval = Repite cada 1 a { $most }.
form-error-count = Indica cuántas veces: de 1 a { $most }.
form-error-until = La repetición tiene que terminar el día del inicio o después.

## La repetición
form-repeat = Repetir
form-repeat-never = No se repite
form-repeat-daily = Cada día
form-repeat-weekly = Cada semana
form-repeat-monthly = Cada mes
form-repeat-yearly = Cada año
form-repeat-custom = Personalizada: { $rule }
form-every = Cada
form-unit-days = { $interval ->
    [one] día
   *[other] días
}
form-unit-weeks = { $interval ->
    [one] semana
   *[other] semanas
}
form-unit-months = { $interval ->
    [one] mes
   *[other] meses
}
form-unit-years = { $interval ->
    [one] año
   *[other] años
}
form-on-days = Estos días
form-repeat-on = Repetir el
form-on-month-day = El día { $day }
form-on-nth = El { $when }
form-yearly-on-date = El { $date }
form-yearly-on-nth = El { $when } de { $month }
form-repeat-ends = Termina
form-ends-never = Nunca
form-ends-on = El
form-until-label = Último día de la repetición
form-ends-after = Después de
form-count-label = Número de veces
form-unit-times = { $count ->
    [one] repetición
   *[other] repeticiones
}

## A qué repeticiones se aplica un cambio
form-scope-edit = Editar este evento que se repite:
form-scope-move = Mover este evento que se repite:
form-scope-delete = Eliminar este evento que se repite:
form-scope-occurrence = Solo este evento
form-scope-following = Este y los siguientes
form-scope-series = Todos los eventos

## La tarjeta del evento
card-status-accepted = Aceptado
card-status-tentative = Quizás
card-status-declined = Rechazado
card-status-needs-action = Sin respuesta
card-status-delegated = Delegado
card-no-title = (sin título)
card-cancelled = Cancelado por el organizador
card-organizer = Organizador: { $name }
card-view-only = Solo lectura: no puedes cambiar los eventos de este calendario.
card-your-answer = Tu respuesta
card-accept = Aceptar
card-maybe = Quizás
card-decline = Rechazar
card-answer-sent = Respuesta enviada: { $status }
card-guests = Invitados
card-no-guests = Aún no hay invitados
card-invite-label = Invitar por @usuario o email
card-invite-placeholder = @usuario o nombre@example.com
card-invite = Invitar
card-invited = Has invitado a { $who }
card-remove = Quitar
card-remove-label = Quitar a { $name }
card-remove-question = ¿Quitar a { $name } de este evento?
card-edit = Editar
card-delete = Eliminar
