## Die Seite des Anmeldelinks aus dem Bot (GET /app/login?token=...), in der Sprache des Browsers.

login-page-preview = Öffne diesen Link, um dich bei deinem Kalender anzumelden.
login-page-incomplete-title = Dieser Anmeldelink ist unvollständig
login-page-incomplete = Öffne den ganzen Link, den dir der Bot geschickt hat, oder schick dem Bot /app für einen neuen.
login-page-used-title = Dieser Anmeldelink funktioniert nicht mehr
login-page-used = Ein Anmeldelink funktioniert nur einmal und nur wenige Minuten lang. Schick dem Televent-Bot /app für einen neuen.
