# The Mini App: calendars that follow a feed from elsewhere (docs/adr/0025): the form on the
# calendars screen and the subscription on a subscribed calendar's screen.
# $state: waiting, failing, paused or ok; $when: when it was last fetched; $reason: why it failed (a code).
subs-title = Seguir un calendario de otro sitio
subs-hint = Un enlace webcal:// o https:// de un feed de calendario: festivos, un horario escolar, la dirección secreta iCal de Google Calendar, Outlook o iCloud. Sus eventos aparecen aquí y en todas las apps, siempre al día; no puedes cambiarlos.
subs-link = Enlace del feed
subs-add = Suscribirse
subs-added = Suscrito a «{ $name }». Sus eventos aparecen en un minuto.
subs-section = Feed
subs-status =
    { $state ->
        [waiting] Esperando su primera actualización (en un minuto).
        [failing] No se pudo obtener ({ $reason }); se volverá a intentar.
        [paused] En pausa: no se actualiza hasta que la reanudes.
       *[ok] Al día, obtenido por última vez { $when }.
    }
subs-reminders = Recordarme sus eventos
subs-busy = Contar sus eventos como ocupado en mis enlaces de reserva
subs-refresh = Obtener ahora
subs-pause = Pausar
subs-resume = Reanudar
subs-refreshing = Se volverá a obtener en un minuto.
subs-remove = Cancelar suscripción
subs-remove-question = ¿Cancelar la suscripción a «{ $name }»? Sus eventos desaparecen de todas las apps.
subs-removed = Suscripción a «{ $name }» cancelada.
