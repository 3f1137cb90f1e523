## /email no bot: o endereço de convite em que qualquer pessoa pode convidar você, e vincular seu
## próprio e-mail com um código enviado por e-mail (também uma linha em /start e /settings).

email-bot-usage = Vincule seu e-mail com <code>/email voce@example.com</code>: eu envio um código, e <code>/email 123456</code> vincula o endereço. <code>/email remove</code> desvincula.
email-bot-invite-line = 📮 Qualquer app de agenda pode convidar você em <code>{ $address }</code> (/email para mais).
email-bot-none-linked = nenhum vinculado
# $email: os endereços vinculados, ou email-bot-none-linked
email-bot-settings =
    📮 Endereço de convite: <code>{ $address }</code>
    ✉️ E-mail: { $email }
    /email mostra os dois e vincula ou desvincula seu e-mail.
email-bot-status-address =
    📮 Seu endereço de convite: <code>{ $address }</code>
    Qualquer pessoa pode convidar você nele pelo Gmail, Outlook ou qualquer app de agenda: o convite chega na sua agenda e aqui, e sua resposta volta por e-mail.
email-bot-status-linked = ✉️ Seu e-mail: { $email } ✅ — convites enviados para ele também chegam a você. <code>/email remove</code> desvincula.
email-bot-status-awaiting = ✉️ Um código está a caminho de <code>{ $address }</code>: envie-o como <code>/email 123456</code>.
email-bot-status-none = ✉️ Nenhum e-mail vinculado.
email-bot-code-sent =
    📧 Enviei um código para <code>{ $address }</code>. Mande-o aqui como <code>/email 123456</code> em até { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }. Não chegou? Veja a pasta de spam ou peça um novo código daqui a um minuto.
email-bot-linked = ✅ <code>{ $address }</code> está vinculado à sua conta: convites enviados para ele chegam aqui.
email-bot-removed-nothing = 👍 O código que enviei não vale mais; nenhum e-mail está vinculado.
email-bot-removed =
    { $count ->
        [one] 👍 { $addresses } não está mais vinculado à sua conta.
       *[other] 👍 { $addresses } não estão mais vinculados à sua conta.
    }
# $kind: reminders, agenda ou notices (o que a pessoa escolheu receber por e-mail)
email-bot-kind =
    { $kind ->
        [reminders] os lembretes
        [agenda] o resumo da manhã
       *[notices] os avisos
    }
# $kinds: «os lembretes e os avisos»
email-bot-unsent = ⚠️ Você recebe { $kinds } só por e-mail: eles não serão enviados até você vincular um endereço de novo (<code>/email voce@example.com</code>) ou escolher o Telegram em /settings.
