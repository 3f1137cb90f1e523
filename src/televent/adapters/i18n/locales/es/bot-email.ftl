## /email en el bot: la dirección de invitación en la que cualquiera puede invitar a la persona,
## y vincular su propio correo con un código enviado por correo (también una línea en /start y
## /settings).

email-bot-usage = Vincula tu correo con <code>/email tu@example.com</code>: te envío un código y <code>/email 123456</code> vincula la dirección. <code>/email remove</code> la desvincula.
email-bot-invite-line = 📮 Te pueden invitar desde cualquier app de calendario en <code>{ $address }</code> (/email para más).
email-bot-none-linked = ninguno vinculado
# $email: las direcciones vinculadas, o email-bot-none-linked
email-bot-settings =
    📮 Dirección de invitación: <code>{ $address }</code>
    ✉️ Correo: { $email }
    /email muestra ambas y vincula o desvincula tu correo.
email-bot-status-address =
    📮 Tu dirección de invitación: <code>{ $address }</code>
    Cualquiera puede invitarte ahí desde Gmail, Outlook o cualquier app de calendario: la invitación llega a tu calendario y aquí, y tu respuesta vuelve por correo.
email-bot-status-linked = ✉️ Tu correo: { $email } ✅ — las invitaciones enviadas ahí también te llegan. <code>/email remove</code> lo desvincula.
email-bot-status-awaiting = ✉️ Hay un código en camino a <code>{ $address }</code>: envíalo como <code>/email 123456</code>.
email-bot-status-none = ✉️ No hay correo vinculado.
email-bot-code-sent =
    📧 Envié un código a <code>{ $address }</code>. Mándalo aquí como <code>/email 123456</code> en { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } como máximo. ¿No llega? Revisa la carpeta de spam o pide un código nuevo dentro de un minuto.
email-bot-linked = ✅ <code>{ $address }</code> está vinculado a tu cuenta: las invitaciones enviadas ahí te llegan aquí.
email-bot-removed-nothing = 👍 El código que envié ya no sirve; no hay ningún correo vinculado.
email-bot-removed =
    { $count ->
        [one] 👍 { $addresses } ya no está vinculado a tu cuenta.
       *[other] 👍 { $addresses } ya no están vinculados a tu cuenta.
    }
# $kind: reminders, agenda o notices (lo que la persona eligió recibir por correo)
email-bot-kind =
    { $kind ->
        [reminders] los recordatorios
        [agenda] la agenda de la mañana
       *[notices] los avisos
    }
# $kinds: «los recordatorios y los avisos»
email-bot-unsent = ⚠️ Recibes { $kinds } solo por correo: no se enviarán hasta que vuelvas a vincular una dirección (<code>/email tu@example.com</code>) o elijas Telegram en /settings.
