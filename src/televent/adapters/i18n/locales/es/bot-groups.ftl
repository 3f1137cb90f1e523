## El bot en un grupo de Telegram: el calendario del grupo, las tarjetas de eventos con ✅ ❔ ❌
## y su recuento, [Unirme a este calendario] y los ajustes de los admins. Las tarjetas, en el
## idioma del dueño del calendario; las respuestas, en el de quien escribió o pulsó.

group-button-going = ✅ Voy
group-button-maybe = ❔ Quizás
group-button-cant = ❌ No puedo
group-button-who = 👥 Quién
group-button-join = 📅 Unirme a este calendario
group-button-open = 🗓 Abrir calendario

## La tarjeta del evento

group-tally = ✅ { $going } · ❔ { $maybe } · ❌ { $cant }
group-card-cancelled = <s>{ $title }</s> (cancelado)
group-no-title = (sin título)
group-who-nobody = Nadie ha respondido todavía.
group-noted = { $icon } Anotado
group-someone = alguien
group-user = Usuario { $id }

## Comandos en un grupo

group-help =
    📅 <b>El calendario de este grupo</b>
    /create <i>qué, cuándo[, cuánto][, dónde]</i> — añade un evento, p. ej. <code>/create Comida del equipo, viernes 13:00, 1h</code>
    /today, /tomorrow, /week, /list — qué hay
    /calendar — el calendario, [Unirme a este calendario] y sus ajustes
    Pulsa ✅ ❔ ❌ en un evento para responder. Para todo lo demás, háblame en privado.
group-create-usage = 📝 Di qué y cuándo, p. ej. <code>/create Comida del equipo, viernes 13:00, 1h, Café Central</code>
group-not-here = Eso funciona en un chat privado conmigo; en un grupo me ocupo de /create, /week y /calendar.
group-wrong-group = Este botón es de otro grupo.
group-stale = Ese botón ya no funciona aquí.
group-settings-usage = Admins: <code>/calendar edit on|off</code> (los miembros pueden añadir eventos) y <code>/calendar reminders on|off</code> (recordatorios antes de los eventos, publicados aquí).
group-listing-title =
    { $command ->
        [today] Hoy
        [tomorrow] Mañana
        [week] Esta semana
       *[list] Próximamente
    }

## El calendario del grupo ($edit: members o admins; $reminders: on u off)

group-opened =
    📅 Este grupo ya tiene calendario: <b>{ $title }</b> (lo lleva { $owner }).
    Pulsa [Unirme a este calendario] para verlo en tus calendarios, tu teléfono y tus apps.
group-about =
    { $count ->
        [one] 📅 <b>{ $title }</b> — lo lleva { $owner }, { $count } se ha unido
       *[other] 📅 <b>{ $title }</b> — lo lleva { $owner }, { $count } se han unido
    }
group-about-settings =
    ⚙️ { $edit ->
        [members] los miembros añaden eventos
       *[admins] solo lectura: los admins añaden eventos
    }; recordatorios aquí { $reminders ->
        [on] activados
       *[off] desactivados
    }
group-joined-owner = «{ $title }» es tuyo: ya está en tus calendarios.
group-joined = «{ $title }» ya está en tus calendarios — { $role }.
group-members-edit-on = ✅ Los miembros pueden añadir eventos.
group-members-edit-off = ✅ Solo lectura: los admins añaden eventos.
group-reminders-on = ✅ Los recordatorios se publican aquí.
group-reminders-off = ✅ Sin recordatorios aquí.
group-welcome-back = 👋 De vuelta: <b>{ $title }</b> sigue aquí como estaba. /week muestra qué hay.
group-welcome = 👋 ¡Hola! /create añade un evento al calendario de este grupo; /calendar lo muestra.

## Negativas

group-gone = El calendario de este grupo ya no existe: envía /calendar para abrir uno nuevo.
group-no-calendar = Este grupo aún no tiene calendario: envía /calendar primero.
group-not-an-event = Eso no es un evento.
group-not-in-calendar = Ese evento no está en el calendario de este grupo.
