# The Mini App: accounts on other CalDAV servers (docs/adr/0026): the form on the calendars
# screen and the connection on a mirrored calendar's screen.
# $server: the server's host; $username: the user name there; $count: calendars found.
# $state: waiting, failing or ok; $when: when it was last synced; $reason: why it failed (a code).
conn-title = Conectar otra cuenta de calendario
conn-hint = Tus calendarios de iCloud, Fastmail, Nextcloud o cualquier servidor CalDAV aparecen aquí, cuentan como tiempo ocupado y se actualizan cada pocos minutos. Muchos proveedores piden una contraseña de aplicación para esto; se guarda cifrada y no se vuelve a mostrar.
conn-server = Dirección del servidor o tu correo electrónico
conn-username = Nombre de usuario
conn-password = Contraseña de aplicación
conn-add = Conectar
conn-added = { $count ->
    [one] Conectado un calendario de { $server }. Sus eventos aparecen en menos de un minuto.
   *[other] Conectados { $count } calendarios de { $server }. Sus eventos aparecen en menos de un minuto.
}
conn-section = Cuenta conectada
conn-from = { $server }, como { $username }
conn-status =
    { $state ->
        [waiting] Esperando su primera sincronización (en menos de un minuto).
        [failing] No se pudo sincronizar ({ $reason }); se volverá a intentar.
       *[ok] Al día, sincronizado por última vez { $when }.
    }
conn-two-way = Los cambios hechos aquí también se envían a { $server }. Si un evento también se cambió allí, se conserva la versión de { $server } y se te avisa.
conn-waiting = { $count ->
    [one] Un cambio espera para enviarse a { $server }.
   *[other] { $count } cambios esperan para enviarse a { $server }.
}
conn-sync = Sincronizar ahora
conn-syncing = Se sincroniza de nuevo en menos de un minuto.
conn-remove = Desconectar
conn-remove-question = ¿Desconectar { $server }? En { $server } no cambia nada; aquí sus calendarios pueden quedarse como tuyos o desaparecer.
conn-keep = Conservar los eventos aquí
conn-drop = Quitarlos de aquí
conn-removed = Desconectado de { $server }.
conn-google-title = Google Calendar
conn-google-hint = Conecta tu cuenta de Google: sus calendarios aparecen aquí, cuentan como tiempo ocupado y los cambios van en ambos sentidos. Google te pedirá permiso.
conn-google = Conectar Google Calendar
conn-google-opened = Google se abre en tu navegador: permite allí el acceso a Televent y luego vuelve aquí.
