# Rechazos sobre cuentas de calendario conectadas en otros servidores (TeleventError.worded): el detalle de la API JSON, el bot y la Mini App.

refusal-connections-not-a-server = Esa no es la dirección de un servidor de calendario: indica su URL, tu correo electrónico o su dominio.
refusal-connections-not-caldav = Ahí no responde ninguna cuenta de calendario CalDAV. Comprueba la dirección (la página de ayuda de tu proveedor la indica).
refusal-connections-unauthorized = { $host } rechazó el usuario o la contraseña. Muchos proveedores piden aquí una contraseña de aplicación, no la habitual.
refusal-connections-status = { $host } respondió { $status } a una petición de calendario.
refusal-connections-too-large = Este calendario en { $host } contiene más de lo que Televent lee en una sincronización (más de { $count } eventos o { $megabytes } MB).
refusal-connections-no-username = Indica tu nombre de usuario en ese servidor (como máximo { $most } caracteres).
refusal-connections-no-password = Indica la contraseña de esa cuenta (como máximo { $most } caracteres); muchos proveedores piden una contraseña de aplicación para esto.
refusal-connections-kind = Solo se pueden conectar cuentas CalDAV y de Google.
refusal-connections-too-many = Puedes conectar como máximo { $most } cuentas.
refusal-connections-already = Ya estás conectado a esta cuenta.
refusal-connections-no-calendars = Esa cuenta no tiene ningún calendario de eventos que mostrar.
refusal-connections-not-found = Conexión no encontrada.
refusal-connections-calendar-taken = Este calendario ya muestra otro.
refusal-connections-google-off = Este servidor no está preparado para conectar cuentas de Google.
refusal-connections-google-consent = Una cuenta de Google se conecta desde la pantalla de consentimiento de Google: su dirección la da /api/v1/connections/google/start.
