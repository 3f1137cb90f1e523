# Mini App: pasar de una pantalla a otra, guardar y borrar eventos, errores, la pantalla de
# acceso y los recordatorios propios de un evento (js/app.js, js/api.js, js/reminders.js).
main-back = Atrás
main-back-calendar = Calendario
main-save = Guardar
main-created = Evento creado
main-saved = Guardado
main-delete = Eliminar
main-delete-question = ¿Eliminar «{ $title }»?
main-deleted = Eliminado
main-moved = Movido
main-accept-first = Acepta la invitación para ver este calendario.
main-calendar-unavailable = Este calendario no está disponible para ti.
main-error-changed = Este evento se cambió en otro sitio; se ha vuelto a cargar.
main-error-offline = No se puede conectar con Televent. Revisa tu conexión.
main-error-status = El servidor respondió { $status }.
main-login-title = Te damos la bienvenida a Televent
main-login-how = Abre Televent desde el bot o envía /app al bot para recibir un enlace de acceso.

# Los recordatorios propios de un evento, en su ficha y en el formulario.
reminders-legend = Recordatorios
reminders-none-choice = Ninguno
reminders-at-start = Al empezar
reminders-at-end = Al terminar
reminders-before = { $duration } antes
reminders-after = { $duration } después del inicio
reminders-before-end = { $duration } antes del final
reminders-after-end = { $duration } después del final
reminders-at-moment = El { $moment }
reminders-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
reminders-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
reminders-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
reminders-weeks = { $count ->
    [one] { $count } semana
   *[other] { $count } semanas
}
reminders-seconds = { $count ->
    [one] { $count } segundo
   *[other] { $count } segundos
}
reminders-list = { $count ->
    [one] Recordatorio
   *[other] Recordatorios
}: { $reminders }
reminders-none = Sin recordatorio
reminders-default = Recordatorio: { $reminder } (según tus ajustes)
reminders-off = Sin recordatorios: están desactivados en tus ajustes
reminders-hint-default = Nada marcado: tu recordatorio habitual, { $reminder }.
reminders-hint-off = Los recordatorios están desactivados en tus ajustes, así que no se envía ninguno.
reminders-hint-ignored = Tus ajustes no usan los recordatorios propios de los eventos: cada evento te avisa { $reminder }.
# A time field (js/timefield.js) holding something that is not a time.
time-field-invalid = { $field }: escribe una hora, por ejemplo { $example }.
