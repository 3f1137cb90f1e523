## El modo inline del bot: tarjetas de tus eventos y enlaces de reserva en cualquier chat.
## Una tarjeta va en el idioma de quien la publicó; la respuesta a una pulsación, en el de
## quien pulsa.

inline-button-accept = ✅ Aceptar
inline-button-maybe = ❔ Quizás
inline-button-decline = ❌ Rechazar
inline-book-button = 📆 Reservar
inline-no-title = (sin título)
# $when: «lun, 2 mar, 15:00–16:00»; $zone: la zona horaria del organizador, «Europe/Berlin»
inline-when-in-zone = { $when } ({ $zone })
inline-cancelled = ❌ <b>CANCELADO: { $title }</b>
inline-tap-to-answer = Pulsa para responder: te añadimos a la lista de invitados.
inline-deleted = 🗑 El organizador eliminó este evento.
# $length: «30 minutos»
inline-link-card =
    📆 <b>{ $title }</b> · { $length }
    Reserva un hueco con { $owner }.
inline-link-description = Enlace de reserva · { $length }
inline-not-registered = Inicia Televent para compartir tus eventos
inline-nothing-yet = No hay eventos próximos: crea uno en el bot
inline-answered =
    { $answer ->
        [ACCEPTED] ✅ aceptado
        [TENTATIVE] ❔ quizás
       *[DECLINED] ❌ rechazado
    }: { $title }
inline-invalid-button = Ese botón ya no es válido.
inline-not-a-card = Este botón no está en una tarjeta publicada por su organizador, así que no cambia nada.
inline-gone = Este evento ya no existe.
inline-was-cancelled = Este evento se canceló.
inline-own-event = Tú organizas este evento: aquí responden tus invitados.
