## El bot: calendarios compartidos (/share, /calendars, /unshare, /leave), la tarjeta de
## invitación con [Añadir a mis calendarios] [Rechazar] y el aviso al dueño con la respuesta.
## Los roles, en palabras que se entienden: $role es read, write, manage u owner.

share-role =
    { $role ->
        [read] puede ver
        [write] puede editar
        [manage] puede gestionar
        [subscriber] suscrito
       *[owner] propietario
    }
share-someone = Alguien

## Cómo usar los comandos

share-usage =
    <b>Compartir un calendario</b>
    <code>/share family @anna</code> — Anna puede ver y editar sus eventos
    <code>/share family @anna read</code> — solo puede verlos
    <code>/share family 123456789 manage</code> — por id de Telegram; también puede compartirlo
    Si solo tienes tu calendario predeterminado, basta con <code>/share @anna</code>. Recibe una tarjeta para añadirlo o rechazarlo. /calendars muestra tus calendarios.
share-unshare-usage = Dejar de compartir un calendario con alguien: <code>/unshare family @anna</code>. /calendars family muestra quién lo tiene.
share-leave-usage = Quitar un calendario que alguien comparte contigo: <code>/leave family</code>. /calendars los muestra.

## Negativas (texto sin formato)

share-not-registered = Aún no estás registrado: envía /start primero.
share-self = Eres tú: tus calendarios ya son tuyos. Comparte con otra persona.
share-owner-already = Esa persona ya es la propietaria de este calendario.
share-invitation-gone = Esta invitación ya no está abierta: se respondió, se retiró o nunca fue para ti.
share-leave-own = Ese calendario es tuyo, así que no puedes salir de él. Para dejar de compartirlo con alguien: /unshare <calendario> @usuario.
share-not-a-role = «{ $word }» no es un rol: usa read (puede ver), write (puede editar) o manage (puede gestionar).
share-not-a-person = «{ $word }» no es una persona: indica su @usuario o su id de Telegram.
share-not-started = { $word } aún no ha iniciado el bot. Pídele que lo abra y pulse Iniciar, y vuelve a compartir.
share-no-such-calendar = No tienes ningún calendario «{ $name }». Los tuyos: { $names }. /calendars los muestra.
share-which-calendar =
    ¿Qué calendario? Tienes { $count ->
        [one] { $count } calendario
       *[other] { $count } calendarios
    }: { $names }. Nómbralo primero, por ejemplo /share { $example } @usuario.
share-not-yours =
    «{ $name }» es el calendario de { $owner } y tú { $role ->
        [read] solo puedes verlo
        [write] solo puedes editarlo
       *[manage] puedes gestionarlo
    }: solo lo comparte su propietario o alguien que pueda gestionarlo.
share-with-whom = ¿Con quién compartir «{ $name }»? Por ejemplo /share { $example } @usuario [read|write|manage].
share-not-shared-with = { $name } no tiene «{ $calendar }». /calendars { $example } muestra quién lo tiene.
share-not-member-of = Nadie comparte contigo un calendario «{ $name }». /calendars muestra los tuyos.
share-already-added = Ya añadiste «{ $name }». Para quitarlo: /leave { $example }.

## Respuestas a /share, /unshare, /leave ($role ya va en palabras: «puede editar»)

share-done-member = 👌 { $member } ya tiene «{ $calendar }» — { $role }. No ha cambiado nada.
share-done-role-changed = ✅ Ahora { $member } { $role } «{ $calendar }».
share-done-pending = ⏳ { $member } ya está invitado a «{ $calendar }» ({ $role }) y aún no ha respondido. La tarjeta está en su chat.
share-done-reinvited = 📨 La invitación de { $member } a «{ $calendar }» ahora dice: { $role }. Va en camino una tarjeta nueva.
share-done-invited = 📨 { $member } está invitado a «{ $calendar }» — { $role }. Recibe una tarjeta para añadirlo a sus calendarios o rechazarlo; no se comparte nada hasta que lo añada.
share-unshared = ➖ { $member } ya no tiene «{ $calendar }».
share-left = 👋 «{ $calendar }» ya no está en tus calendarios.

## La tarjeta de invitación, sus respuestas y el aviso al propietario

share-card = 📅 <b>{ $inviter }</b> comparte «{ $calendar }» contigo — { $role }
share-card-of = 📅 <b>{ $inviter }</b> comparte «{ $calendar }» (calendario de { $owner }) contigo — { $role }
share-card-hint = Añádelo para ver sus eventos aquí, en la app y en tus apps de calendario.
share-added = ✅ «{ $calendar }» (de { $owner }) está en tus calendarios — { $role }. /calendars los muestra.
share-declined = ➖ Rechazaste «{ $calendar }» de { $inviter }.
share-tap-added = Añadido
share-tap-declined = Rechazado
share-owner-accepted = ✅ { $member } añadió «{ $calendar }» a sus calendarios.
share-owner-declined = ➖ { $member } rechazó «{ $calendar }».

## /calendars y /calendars <nombre>

share-overview-title = 📅 <b>Tus calendarios</b>
share-overview-own =
    { $count ->
        [0] • <b>{ $name }</b> — tuyo
        [one] • <b>{ $name }</b> — tuyo, compartido con { $count } persona
       *[other] • <b>{ $name }</b> — tuyo, compartido con { $count } personas
    }
share-overview-shared-title = <b>Compartidos contigo</b>
share-overview-shared = • <b>{ $name }</b> — de { $owner }, { $role }
share-overview-invited-title = <b>Esperan tu respuesta</b>
share-overview-invited = • <b>{ $name }</b> — de { $inviter }, { $role }
share-overview-hint = <code>/calendars family</code> muestra quién tiene un calendario; <code>/share family @anna</code> comparte uno.
share-member = • { $name } — { $role }
share-member-invited = • { $name } — { $role } (invitado, sin respuesta aún)
share-members-alone = Nadie más por ahora: /share { $example } @usuario
