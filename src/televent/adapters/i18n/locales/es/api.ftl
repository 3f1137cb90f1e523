## Las respuestas de error de la API JSON: títulos por estado y los detalles que escribe la API.

api-title-bad-request = Solicitud incorrecta
api-title-unauthorized = Falta iniciar sesión
api-title-forbidden = Prohibido
api-title-not-found = No encontrado
api-title-method-not-allowed = Método no permitido
api-title-conflict = Conflicto
api-title-gone = Ya no existe
api-title-precondition-failed = La condición previa falló
api-title-too-large = Solicitud demasiado grande
api-title-unsupported-media-type = Tipo de contenido no admitido
api-title-unprocessable = Solicitud rechazada
api-title-too-many-requests = Demasiadas solicitudes
api-title-server-error = Error interno del servidor
api-title-unavailable = Servicio no disponible

api-detail-no-route = No hay nada en esta dirección.
api-detail-wrong-method = Esta dirección no acepta ese método.
api-detail-wrong-method-allowed = Esta dirección no acepta ese método (se permiten: { $allowed }).
api-detail-too-large = El cuerpo de la solicitud es más grande de lo que acepta este servidor.
api-detail-too-deep = El cuerpo de la solicitud está anidado a más profundidad de la que lee este servidor.
api-detail-server-error = Algo salió mal en el servidor; quedó registrado.
api-detail-invalid = La solicitud no es válida.
api-detail-invalid-field = { $source ->
    [query] La solicitud no es válida: revisa el parámetro de consulta «{ $field }».
    [header] La solicitud no es válida: revisa la cabecera «{ $field }».
    [cookie] La solicitud no es válida: revisa la cookie «{ $field }».
    [path] La solicitud no es válida: revisa «{ $field }» en la dirección.
   *[body] La solicitud no es válida: revisa el campo «{ $field }» de su cuerpo.
}
api-detail-missing-field = { $source ->
    [query] La solicitud no es válida: falta el parámetro de consulta «{ $field }».
    [header] La solicitud no es válida: falta la cabecera «{ $field }».
    [cookie] La solicitud no es válida: falta la cookie «{ $field }».
    [path] La solicitud no es válida: falta «{ $field }» en la dirección.
   *[body] La solicitud no es válida: a su cuerpo le falta el campo «{ $field }».
}
api-detail-unknown-field = La solicitud no es válida: su cuerpo tiene un campo «{ $field }» que esta dirección no acepta.
api-detail-invalid-body = La solicitud no es válida: su cuerpo no tiene la forma que acepta esta dirección.
api-detail-malformed-json = El cuerpo de la solicitud no es un JSON válido.
api-detail-not-json = El cuerpo de la solicitud debe ser JSON (Content-Type: application/json).
api-detail-unknown-scheme = Esquema de autorización desconocido «{ $scheme }»: usa tma o Basic.
api-detail-sign-in = Hay que iniciar sesión: los datos de la Mini App de Telegram (Authorization: tma ...), una contraseña de dispositivo (HTTP Basic) o un enlace de inicio de sesión del /app del bot.
api-detail-mini-app-off = En este servidor no se puede iniciar sesión desde la Mini App de Telegram (no hay TELEGRAM_BOT_TOKEN); usa una contraseña de dispositivo.
api-detail-not-registered = Aún no tienes cuenta de Televent: envía /start al bot primero y luego vuelve a abrir la Mini App.
api-detail-too-many-logins = Demasiados inicios de sesión fallidos; vuelve a intentarlo en { $seconds } s.
api-detail-too-many-requests = Demasiadas solicitudes; vuelve a intentarlo en { $seconds } s.
api-detail-wrong-password = Usuario o contraseña de dispositivo incorrectos.
api-detail-session-ended = La sesión caducó o terminó: envía /app al bot para recibir un enlace nuevo.
api-detail-changes-expired = El token de cambios caducó o no se conoce; vuelve a descargarlo todo sin `since`.
api-detail-organizer-only = Solo quien organiza puede cambiar este evento; respóndelo con POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-decline-instead = Esta invitación no está en tu calendario; recházala con POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-blank-name = El nombre no puede estar vacío.
api-detail-control-characters = Un nombre no puede contener caracteres de control.
