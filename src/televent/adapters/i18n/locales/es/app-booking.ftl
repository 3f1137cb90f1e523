# Las horas reservables y los enlaces de reserva de la Mini App (ajustes), y una reserva en la
# ficha de un evento (js/booking.js).
bookings-title = Reservas
bookings-hours-intro = Cuándo pueden reservar contigo a través de tus enlaces; nunca se reserva encima de tus eventos.
bookings-hours-zone = Zona horaria:
bookings-default-hours = Estas son las horas por defecto ({ $first } a { $last }, { $from }–{ $to }) hasta que guardes las tuyas.
bookings-hours-failed = No se pudieron cargar tus horas.
bookings-day-off-label = { $day } libre
bookings-off = Libre
bookings-day-off = Día libre
bookings-add-hours-label = Añadir horas el { $day }
bookings-add-hours = + horas
bookings-date-off = día libre
bookings-remove-label = Quitar { $what }
bookings-remove = Quitar
bookings-from-label = { $day } desde
bookings-to-label = { $day } hasta
bookings-date-off-added = { $date } será día libre cuando guardes
bookings-date-off-label = Un día libre
bookings-add-date-off = Añadir un día libre
bookings-link-active = Activo
bookings-link-paused = En pausa
bookings-link-summary = { $minutes } min · { $count ->
    [one] { $count } reserva próxima
   *[other] { $count } reservas próximas
}
bookings-copy = Copiar enlace
bookings-pause = Pausar
bookings-resume = Reanudar
bookings-delete = Eliminar
bookings-delete-label = Eliminar { $title }
bookings-no-links = Aún no hay enlaces de reserva.
bookings-copied = Enlace copiado
bookings-copy-prompt = Copia el enlace:
bookings-resumed = { $title } vuelve a aceptar reservas
bookings-paused = { $title } está en pausa
bookings-delete-question = ¿Eliminar «{ $title }»? Su página dejará de funcionar; las reservas ya hechas se quedan en tu calendario.
bookings-deleted = { $title } eliminado
bookings-created = { $title } está listo: { $url }
bookings-links-title = Enlaces de reserva
bookings-new-link = Nuevo enlace
bookings-slug = Dirección (slug)
bookings-slug-placeholder = Dirección, p. ej. intro
bookings-link-title = Título
bookings-link-title-placeholder = Título, p. ej. Llamada inicial
bookings-minutes = Minutos
bookings-buffer-before = Margen antes
bookings-buffer-after = Margen después
bookings-notice = Antelación (min)
bookings-horizon = Días vista
bookings-per-day = Máximo al día
bookings-no-limit = sin límite
bookings-create = Crear enlace
bookings-card-title = Reservado con «{ $title }»
bookings-card-zone = Su zona horaria: { $zone }
bookings-card-active = Reservado: puede cambiar la hora o cancelar con el enlace de su confirmación.
bookings-card-cancelled = Cancelada
bookings-card-released = Liberada: el evento se eliminó y la hora vuelve a estar libre.
