## La página del enlace de inicio de sesión del bot (GET /app/login?token=...), en el idioma del navegador.

login-page-preview = Abre este enlace para iniciar sesión en tu calendario.
login-page-incomplete-title = Este enlace de inicio de sesión está incompleto
login-page-incomplete = Abre el enlace completo que te envió el bot, o envía /app al bot para recibir uno nuevo.
login-page-used-title = Este enlace de inicio de sesión ya no funciona
login-page-used = Un enlace de inicio de sesión funciona una sola vez y solo durante unos minutos. Envía /app al bot de Televent para recibir uno nuevo.
