# Las contraseñas de dispositivos de la Mini App (js/devices.js).
devices-title = Contraseñas de dispositivos
devices-intro = Para sincronizar con el calendario de un móvil o un ordenador (CalDAV), añade una cuenta con:
devices-server = Servidor
devices-user = Usuario
devices-password = Contraseña
devices-password-hint = una contraseña de dispositivo de esta página
devices-name = Nombre del dispositivo
devices-name-placeholder = Nombre, p. ej. iPhone
devices-add = Añadir
devices-never = nunca
devices-used = añadida { $added }, último uso { $used }
devices-revoke = Revocar
devices-revoke-label = Revocar { $name }
devices-revoke-question = ¿Revocar la contraseña de «{ $name }»? Ese dispositivo dejará de sincronizarse.
devices-revoked = { $name } revocada
devices-none = Aún no hay contraseñas de dispositivos.
devices-new-password = Contraseña para { $name } (solo se muestra ahora, cópiala):
