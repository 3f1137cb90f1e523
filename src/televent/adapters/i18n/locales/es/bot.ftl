## El bot en un chat privado: /start, /help, zonas horarias, listas, dispositivos, exportación,
## borrado, /app, el menú de comandos y respuestas a lo que no entendió.

## /start y /help (los /comandos no se traducen: es lo que la gente escribe)

bot-welcome =
    👋 ¡Hola, { $name }! Llevo tu calendario aquí mismo, en Telegram.
    • /create crea un evento en una línea: <code>/create Reunión de equipo, mañana 15:00, 1h</code>
    • Invita a gente y responde a las invitaciones con un toque.
    • Sincroniza con Apple Calendar, Thunderbird o DAVx5: /device add laptop
bot-help =
    <b>Comandos de Televent</b>
    /create <i>título, cuándo[, duración][, lugar]</i> — p. ej. <code>/create Dentista, vie 9:30, 45 min</code>
    /today, /tomorrow, /week — qué hay; /list — todo lo próximo
    /app — la app de calendario (vistas de mes, semana y día) y un enlace de acceso para el navegador
    /event <i>id</i> — detalles, con botones para invitar, cancelar o exportar
    /invite <i>id</i> <i>@usuario | id de Telegram | email …</i> — invitar a gente
    /attendees <i>id</i> — quién aceptó, rechazó o aún no respondió
    /rsvp <i>accept | tentative | decline</i> <i>id</i> — responder a una invitación
    /cancel <i>id</i> — cancelar tu evento (solo: salir de un diálogo)
    /calendars — tus calendarios e invitaciones; /calendars <i>nombre</i> — quién lo tiene
    /share <i>calendario @usuario</i> [read | write | manage] — p. ej. <code>/share familia @anna</code>
    /unshare <i>calendario @usuario</i> — dejar de compartir; /leave <i>calendario</i> — salir de uno compartido
    /timezone <i>ciudad o zona</i> — p. ej. <code>/timezone Madrid</code>
    /language — el idioma en que te hablo
    /reminder <i>minutos</i> — cuánto antes de los eventos te aviso (0: nunca)
    /agenda <i>HH:MM</i> | off — los eventos de tu día cada mañana a esa hora local
    /quiet <i>HH:MM-HH:MM</i> | off — horas de silencio: los mensajes esperan a que terminen
    /settings — notificaciones: recordatorios, invitaciones, respuestas, horas de silencio, agenda, reloj
    /email — tu dirección de invitaciones; /email <i>tú@example.com</i> vincula tu correo (te enviamos un código)
    /availability <i>días horas</i> — cuándo pueden reservar contigo: <code>/availability mon-fri 9-17</code>
    /booking new <i>slug minutos título</i> | list | pause | resume | delete — enlaces de reserva
    /device add <i>nombre</i> | list | revoke <i>nombre</i> — contraseñas para apps CalDAV
    /export — tu calendario como archivo .ics
    📥 Envía un archivo .ics para importar sus eventos (el pie puede nombrar el calendario)
    🔗 /subscribe <i>enlace webcal:// o https://</i> — un calendario que sigue un feed (festivos, colegio, trabajo); /subscriptions — los tuyos
    🔄 /google — conecta tu Google Calendar, en ambos sentidos
    /deleteaccount — borrar tus datos (a los 30 días, se puede anular)
    Los ids son los códigos cortos de las listas, como <code>a1b2c3</code>.

## Zona horaria y recordatorios

bot-zone-ask = 🌍 Tu zona horaria es <b>{ $zone }</b>. Toca la tuya o escribe una ciudad (p. ej. <i>Madrid</i>, <i>Ciudad de México</i>) o el nombre de una zona:
bot-zone-set = ✅ Zona horaria: <b>{ $zone }</b>. Prueba <code>/create Comida, mañana 13:00</code> o /help.
bot-zone-tapped = Zona horaria: { $zone }
bot-reminder-current =
    { $minutes ->
        [0] Los recordatorios están desactivados. Actívalos con <code>/reminder 15</code> (minutos antes de los eventos).
        [one] Te aviso { $minutes } minuto antes de los eventos. Cámbialo con <code>/reminder 30</code> (0 los desactiva).
       *[other] Te aviso { $minutes } minutos antes de los eventos. Cámbialo con <code>/reminder 30</code> (0 los desactiva).
    }
bot-reminder-set =
    { $minutes ->
        [0] Recordatorios desactivados.
        [one] ⏰ Te avisaré { $minutes } minuto antes.
       *[other] ⏰ Te avisaré { $minutes } minutos antes.
    }

## Listas: /today, /tomorrow, /week, /list

bot-list-today = Hoy
bot-list-tomorrow = Mañana
bot-list-week = Esta semana
bot-list-coming-up = Próximamente (los próximos { $days } días)
bot-list-page = { $title } — { $first }–{ $last } de { $total }
bot-list-empty = Nada planeado. Añade algo con /create.
bot-list-more = … y { $count } más. /list lo muestra todo, página a página.
bot-more = … y { $count } más.
bot-list-cancelled = <s>{ $title }</s> (cancelado)
bot-list-people = 👥 { $accepted }/{ $invited }
bot-left-out-shown =
    { $count ->
        [one] ⚠️ { $count } evento no se pudo mostrar: sus datos de calendario no se pueden leer.
       *[other] ⚠️ { $count } eventos no se pudieron mostrar: sus datos de calendario no se pueden leer.
    }
bot-left-out-exported =
    { $count ->
        [one] ⚠️ { $count } evento no se pudo exportar: sus datos de calendario no se pueden leer.
       *[other] ⚠️ { $count } eventos no se pudieron exportar: sus datos de calendario no se pueden leer.
    }

## Dispositivos (contraseñas CalDAV)

bot-device-usage =
    Cada dispositivo tiene su propia contraseña CalDAV:
    <code>/device add laptop</code> — una contraseña nueva (se muestra una vez)
    <code>/device list</code> — tus dispositivos
    <code>/device revoke laptop</code> — que un dispositivo deje de sincronizar
bot-device-none = Aún no hay dispositivos.
bot-device-added =
    🔑 Contraseña para <b>{ $name }</b> (solo se muestra esta vez):
    { $password }

    En Apple Calendar, Thunderbird o DAVx5 añade una cuenta CalDAV:
    • Servidor: { $server }
    • Usuario: { $user }
    • Contraseña: la de arriba
    Revócala cuando quieras con { $revoke }.
bot-device-list = <b>Tus dispositivos</b>
bot-device-line = • { $name } — desde el { $since }
bot-device-line-used = • { $name } — desde el { $since }, última sincronización { $used }
bot-device-revoked = 🚫 { $name } ya no puede sincronizar.

## /export y /deleteaccount

bot-export-caption = 📤 Tu calendario. Ábrelo en cualquier app de calendario para importarlo.
bot-erase-ask = ⚠️ ¿Borrar tu cuenta? Tu calendario, dispositivos y respuestas se borrarán tras un plazo de 30 días; hasta entonces puedes cambiar de idea con /keepaccount.
bot-erase-already = Tus datos ya están programados para borrarse el { $day }. Envía /keepaccount para anularlo.
bot-erase-scheduled = 🗑 Tus datos se borrarán el <b>{ $day }</b>. ¿Cambiaste de idea? Envía /keepaccount antes de esa fecha.
bot-erase-scheduled-tapped = Programado
bot-erase-kept = 👍 No se borrará nada.
bot-erase-nothing = No hay ningún borrado programado. 👍
bot-erase-cancelled = ✅ Borrado anulado; tu cuenta se queda.

## /app: la app de calendario y el enlace de acceso para el navegador

bot-app-not-served = 📅 La app de calendario no está disponible en este servidor. /help muestra lo que puedo hacer aquí.
bot-app-link-rules = El enlace funciona una vez y caduca en { $lifetime }; inicia tu sesión, así que no lo compartas.
calendar-default-name = Calendario
bot-menu-button = Calendario
bot-app-open = 📅 Tu calendario: vistas de mes, semana, día y agenda. Toca <b>Abrir calendario</b>.
bot-app-browser = 🌐 ¿En un ordenador? <b>Abrir en el navegador</b> inicia tu sesión allí. { $rules }
bot-app-needs-https = 📅 Aquí la app de calendario no se puede abrir dentro de Telegram. Telegram abre las apps solo desde una dirección HTTPS: para eso, quien administra el servidor pone en <code>TELEVENT_PUBLIC_URL</code> su dirección <code>https://</code>.
bot-app-no-links = Los enlaces para el navegador tampoco están activados en este servidor.
bot-app-browser-link = 🌐 Ábrela en el navegador con este enlace. { $rules }

## El menú de comandos (Telegram lo muestra junto a cada /comando; máximo 256 caracteres)

bot-cmd-today = Qué hay hoy
bot-cmd-tomorrow = Qué hay mañana
bot-cmd-week = Los próximos siete días
bot-cmd-list = Todo lo próximo
bot-cmd-app = La app de calendario: mes, semana y día
bot-cmd-create = Nuevo evento: /create Reunión, mañana 15:00, 1h
bot-cmd-event = Detalles de un evento: /event a1b2c3
bot-cmd-invite = Invitar: /invite a1b2c3 @anna
bot-cmd-attendees = Quién viene: /attendees a1b2c3
bot-cmd-rsvp = Responder: /rsvp accept a1b2c3
bot-cmd-cancel = Cancelar un evento o salir de un diálogo
bot-cmd-calendars = Tus calendarios, los compartidos contigo, invitaciones
bot-cmd-share = Compartir un calendario: /share familia @anna [read|write|manage]
bot-cmd-subscribe = Seguir un feed de calendario: /subscribe webcal://…
bot-cmd-google = Conectar tu Google Calendar
bot-cmd-calendar = En un grupo: el calendario del grupo, [Unirse a este calendario]
bot-cmd-timezone = Tu zona horaria
bot-cmd-language = El idioma en que te hablo: /language es
bot-cmd-reminder = Minutos antes de los eventos para avisarte
bot-cmd-agenda = Tu día cada mañana: /agenda 07:30 u off
bot-cmd-settings = Notificaciones: recordatorios, invitaciones, horas de silencio
bot-cmd-email = Tu dirección de invitaciones; vincula tu correo: /email tú@example.com
bot-cmd-availability = Cuándo pueden reservar contigo: /availability mon-fri 09:00-17:00
bot-cmd-booking = Enlaces de reserva: /booking new intro 30 Primera llamada
bot-cmd-device = Contraseñas CalDAV: add, list, revoke
bot-cmd-export = Tu calendario como archivo .ics
bot-cmd-deleteaccount = Borrar tus datos (a los 30 días)
bot-cmd-help = Todos los comandos con ejemplos

## Lo que el bot no entendió, y respuestas breves a los toques

bot-fallback-command = 🤔 No conozco /{ $command }. /help muestra lo que puedo hacer.
bot-fallback-command-close = 🤔 No conozco /{ $command }. ¿Querías decir /{ $close }? /help muestra lo que puedo hacer.
bot-fallback-not-text = Solo leo mensajes de texto. /help muestra lo que puedo hacer.
bot-fallback-text =
    🤔 No estoy seguro de qué quieres decir. Para añadir un evento, prueba
    { $example }
    o /help para ver todo lo que puedo hacer.
bot-stale-button = Ese botón ya no es válido.
bot-dialogue-left = Vale, cancelado. 👍
bot-dialogue-none = No hay nada que cancelar. /help lista los comandos.
bot-not-registered = Aún no estás registrado: envía /start primero.
bot-saved-tapped = Guardado
bot-kept-tapped = Se mantiene
bot-done-tapped = Hecho
bot-someone = Alguien
