## O modo inline do bot: cartões dos seus eventos e links de agendamento em qualquer chat.
## Um cartão fica no idioma de quem o postou; a resposta a um toque, no idioma de quem tocou.

inline-button-accept = ✅ Aceitar
inline-button-maybe = ❔ Talvez
inline-button-decline = ❌ Recusar
inline-book-button = 📆 Agendar um horário
inline-no-title = (sem título)
# $when: «seg., 2 de mar., 15:00–16:00»; $zone: o fuso horário do organizador, «Europe/Berlin»
inline-when-in-zone = { $when } ({ $zone })
inline-cancelled = ❌ <b>CANCELADO: { $title }</b>
inline-tap-to-answer = Toque para responder: você entra na lista de convidados.
inline-deleted = 🗑 O organizador excluiu este evento.
# $length: «30 minutos»
inline-link-card =
    📆 <b>{ $title }</b> · { $length }
    Agende um horário com { $owner }.
inline-link-description = Link de agendamento · { $length }
inline-not-registered = Inicie o Televent para compartilhar seus eventos
inline-nothing-yet = Nenhum evento próximo: crie um no bot
inline-answered =
    { $answer ->
        [ACCEPTED] ✅ aceito
        [TENTATIVE] ❔ talvez
       *[DECLINED] ❌ recusado
    }: { $title }
inline-invalid-button = Esse botão não é mais válido.
inline-not-a-card = Este botão não está em um cartão postado pelo organizador, então não muda nada.
inline-gone = Este evento não existe mais.
inline-was-cancelled = Este evento foi cancelado.
inline-own-event = Você organiza este evento: seus convidados respondem aqui.
