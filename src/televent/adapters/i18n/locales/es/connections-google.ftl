google-consent-title = Conectar Google Calendar
google-consent-connected = Tu cuenta de Google { $email } está conectada. Sus calendarios aparecerán en Televent en menos de un minuto; puedes cerrar esta página.
google-consent-refused = No permitiste que Televent usara tu Google Calendar, así que no se conectó nada.
google-consent-expired = Este enlace ha caducado o ya se usó. Empieza de nuevo desde Televent.
google-consent-failed = Google no completó la conexión. Inténtalo de nuevo en unos minutos.
