# Los webhooks de la Mini App, en los ajustes (js/webhooks.js, docs/adr/0029).
webhooks-title = Webhooks
webhooks-intro = Televent envía un mensaje firmado a tu dirección cada vez que ocurre algo que elegiste: para automatizaciones y tus propios servidores.
webhooks-none = Aún no hay webhooks.
webhooks-active = Activo
webhooks-paused = En pausa
webhooks-stopped = Pausado por Televent
webhooks-paused-why = En pausa: no se envía nada hasta que lo reanudes; lo que cambie mientras tanto lo espera 30 días.
webhooks-stopped-why = Televent lo pausó porque no se pudo entregar un mensaje ({ $reason }). Reanúdalo para volver a enviar los mensajes pendientes; esperan 30 días.
webhooks-hears = Disparadores: { $triggers }
webhooks-waiting =
    { $count ->
        [0] Ningún mensaje pendiente de envío
        [one] { $count } mensaje pendiente de envío
       *[other] { $count } mensajes pendientes de envío
    }
webhooks-pause = Pausar
webhooks-resume = Reanudar
webhooks-pause-label = Pausar el webhook a { $url }
webhooks-resume-label = Reanudar el webhook a { $url }
webhooks-now-paused = El webhook a { $url } está en pausa
webhooks-resumed = El webhook a { $url } vuelve a estar activo
webhooks-test = Enviar prueba
webhooks-test-label = Enviar un mensaje de prueba a { $url }
webhooks-testing = Enviando un mensaje de prueba…
webhooks-test-delivered = Prueba entregada: respondió { $status } en { $ms } ms.
webhooks-test-refused = Prueba no entregada: respondió { $status } en { $ms } ms.
webhooks-test-failed = Prueba no entregada: { $error }
webhooks-deliveries = Entregas
webhooks-deliveries-label = Entregas recientes a { $url }
webhooks-deliveries-title = Entregas recientes
webhooks-deliveries-loading = Cargando…
webhooks-no-deliveries = Aún no se ha enviado nada.
webhooks-delivery-status = HTTP { $status }
webhooks-delivery-error = Falló: { $error }
webhooks-delivery-took = { $ms } ms
webhooks-delivery-attempt = intento { $attempt }
webhooks-remove = Eliminar
webhooks-remove-label = Eliminar el webhook a { $url }
webhooks-remove-question = ¿Eliminar el webhook a { $url }? Ya no recibirá nada y los mensajes aún no enviados se descartan.
webhooks-removed = Se eliminó el webhook a { $url }
webhooks-new = Nuevo webhook
webhooks-url = Dirección (https://…)
webhooks-triggers = Enviar un mensaje en caso de
webhooks-add = Añadir webhook
webhooks-added = Webhook añadido: { $url }
webhooks-secret-for = Secreto de firma del webhook a { $url }:
webhooks-secret-once = Cópialo ahora: solo se muestra esta vez. Tu receptor lo usa para comprobar que cada mensaje viene de Televent.
webhooks-secret-copy = Copiar secreto
webhooks-secret-copied = Secreto copiado
webhooks-secret-copy-prompt = Copia el secreto:
webhooks-trigger-event-created = Evento creado
webhooks-trigger-event-updated = Evento modificado
webhooks-trigger-event-cancelled = Evento cancelado
webhooks-trigger-event-deleted = Evento eliminado
webhooks-trigger-rsvp-changed = Respuesta a una invitación
webhooks-trigger-booking-created = Reserva hecha
webhooks-trigger-booking-rescheduled = Reserva cambiada de hora
webhooks-trigger-booking-cancelled = Reserva cancelada
webhooks-type-test = Mensaje de prueba
