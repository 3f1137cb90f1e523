# The Mini App: a calendar published as a feed, on its people screen (docs/adr/0022).
feeds-title = Suscribirse desde otras apps de calendario
feeds-hint = Un enlace secreto al que Google Calendar, Outlook o Calendario de Apple pueden suscribirse. Cualquiera con el enlace ve este calendario.
feeds-busy-only = Solo horas ocupadas (sin títulos ni detalles)
feeds-publish = Publicar como enlace
feeds-publish-again = Enlace nuevo (el anterior deja de funcionar)
feeds-published = Publicado como enlace.
feeds-published-busy = Publicado como enlace, solo horas ocupadas.
feeds-not-published = No publicado.
feeds-link = Enlace
feeds-copy = Copiar enlace
feeds-copied = Enlace copiado
feeds-once = Cópialo ahora: el enlace solo se muestra esta vez.
feeds-stop = Dejar de publicar
feeds-stop-question = ¿Dejar de publicar «{ $name }»? Las apps suscritas al enlace dejarán de recibirlo.
feeds-stopped = El enlace ya no funciona.
