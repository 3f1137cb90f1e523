## Connecting a Google account from the bot (docs/adr/0034): /google.
## $email: the Google account; $count: its calendars here; $state: waiting, failing or ok;
## $reason: why its last sync failed (a code such as unauthorized).

bot-google-off = 🔌 Este servidor no está configurado para conectar Google Calendar. Aún puedes seguir la dirección iCal secreta de un calendario de Google con /subscribe.
bot-google-connect = 🔄 Conecta tu Google Calendar: Google te pide elegir la cuenta y permitir que Televent use sus calendarios. Aparecen entre tus calendarios en un minuto, cuentan como tiempo ocupado para tus enlaces de reserva y los cambios van en ambos sentidos.
bot-google-link-rules = El enlace funciona una vez, durante 10 minutos.
bot-google-link = Abre este enlace en tu navegador:
bot-google-head = <b>Cuentas de Google conectadas</b>
bot-google-line = • { $email } — { $count ->
        [one] un calendario
       *[other] { $count } calendarios
    }, { $state ->
        [waiting] esperando su primera sincronización
        [failing] con fallos ({ $reason })
       *[ok] al día
    }
bot-google-manage = Para desconectar una, abre /app: Calendarios y luego la conexión del calendario.
