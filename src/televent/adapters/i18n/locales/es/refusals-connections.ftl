# Rechazos sobre cuentas de calendario conectadas en otros servidores (TeleventError.worded): el detalle de la API JSON, el bot y la Mini App.

refusal-connections-not-a-server = Esa no es la dirección de un servidor de calendario: indica su URL, tu correo electrónico o su dominio.
refusal-connections-not-caldav = Ahí no responde ninguna cuenta de calendario CalDAV. Comprueba la dirección (la página de ayuda de tu proveedor la indica).
refusal-connections-unauthorized = { $host } rechazó el usuario o la contraseña. Muchos proveedores piden aquí una contraseña de aplicación, no la habitual.
refusal-connections-status = { $host } respondió { $status } a una petición de calendario.
