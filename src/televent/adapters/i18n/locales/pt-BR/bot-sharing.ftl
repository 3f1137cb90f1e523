## O bot: agendas compartilhadas (/share, /calendars, /unshare, /leave), o cartão de convite
## com [Adicionar às minhas agendas] [Recusar] e o aviso ao dono com a resposta.
## Papéis em palavras que todos entendem: $role é read, write, manage ou owner.

share-role =
    { $role ->
        [read] pode ver
        [write] pode editar
        [manage] pode gerenciar
        [subscriber] assinado
       *[owner] dono
    }
share-someone = Alguém

## Como usar os comandos

share-usage =
    <b>Compartilhar uma agenda</b>
    <code>/share family @anna</code> — Anna pode ver e editar os eventos
    <code>/share family @anna read</code> — ela só pode vê-los
    <code>/share family 123456789 manage</code> — pelo id do Telegram; ela também pode compartilhá-la
    Se você só tem a agenda padrão, basta <code>/share @anna</code>. A pessoa recebe um cartão para adicioná-la ou recusar. /calendars lista suas agendas.
share-unshare-usage = Parar de compartilhar uma agenda com alguém: <code>/unshare family @anna</code>. /calendars family mostra quem tem acesso.
share-leave-usage = Remover uma agenda que alguém compartilha com você: <code>/leave family</code>. /calendars lista todas.

## Recusas (texto simples, sem formatação)

share-not-registered = Você ainda não tem cadastro: envie /start primeiro.
share-self = É você: suas agendas já são suas. Compartilhe com outra pessoa.
share-owner-already = Essa pessoa já é dona desta agenda.
share-invitation-gone = Este convite não está mais aberto: foi respondido, retirado ou nunca foi para você.
share-leave-own = Essa agenda é sua, então você não pode sair dela. Para parar de compartilhá-la com alguém: /unshare <agenda> @usuario.
share-not-a-role = “{ $word }” não é um papel: use read (pode ver), write (pode editar) ou manage (pode gerenciar).
share-not-a-person = “{ $word }” não é uma pessoa: informe o @usuario ou o id do Telegram.
share-not-started = { $word } ainda não iniciou o bot. Peça para abrir o bot e tocar em Iniciar, depois compartilhe de novo.
share-no-such-calendar = Você não tem nenhuma agenda “{ $name }”. As suas: { $names }. /calendars lista todas.
share-which-calendar =
    Qual agenda? Você tem { $count ->
        [one] { $count } agenda
       *[other] { $count } agendas
    }: { $names }. Diga qual primeiro, por exemplo /share { $example } @usuario.
share-not-yours =
    “{ $name }” é a agenda de { $owner } e você { $role ->
        [read] só pode vê-la
        [write] só pode editá-la
       *[manage] pode gerenciá-la
    }: só o dono, ou quem pode gerenciá-la, compartilha.
share-with-whom = Compartilhar “{ $name }” com quem? Por exemplo /share { $example } @usuario [read|write|manage].
share-not-shared-with = { $name } não tem “{ $calendar }”. /calendars { $example } mostra quem tem acesso.
share-not-member-of = Ninguém compartilha uma agenda “{ $name }” com você. /calendars lista as suas.
share-already-added = Você já adicionou “{ $name }”. Para remover: /leave { $example }.

## Respostas a /share, /unshare, /leave ($role já vem em palavras: “pode editar”)

share-done-member = 👌 { $member } já tem “{ $calendar }” — { $role }. Nada mudou.
share-done-role-changed = ✅ Agora { $member } { $role } “{ $calendar }”.
share-done-pending = ⏳ { $member } já foi convidado para “{ $calendar }” ({ $role }) e ainda não respondeu. O cartão está no chat.
share-done-reinvited = 📨 O convite de { $member } para “{ $calendar }” agora diz: { $role }. Um novo cartão está a caminho.
share-done-invited = 📨 { $member } foi convidado para “{ $calendar }” — { $role }. A pessoa recebe um cartão para adicioná-la às agendas ou recusar; nada é compartilhado até ela adicionar.
share-unshared = ➖ { $member } não tem mais “{ $calendar }”.
share-left = 👋 “{ $calendar }” não está mais nas suas agendas.

## O cartão do convite, as respostas e o aviso ao dono

share-card = 📅 <b>{ $inviter }</b> compartilha “{ $calendar }” com você — { $role }
share-card-of = 📅 <b>{ $inviter }</b> compartilha “{ $calendar }” (agenda de { $owner }) com você — { $role }
share-card-hint = Adicione para ver os eventos aqui, no app e nos seus apps de agenda.
share-added = ✅ “{ $calendar }” (de { $owner }) está nas suas agendas — { $role }. /calendars lista todas.
share-declined = ➖ Você recusou “{ $calendar }” de { $inviter }.
share-tap-added = Adicionada
share-tap-declined = Recusada
share-owner-accepted = ✅ { $member } adicionou “{ $calendar }” às agendas.
share-owner-declined = ➖ { $member } recusou “{ $calendar }”.

## /calendars e /calendars <nome>

share-overview-title = 📅 <b>Suas agendas</b>
share-overview-own =
    { $count ->
        [0] • <b>{ $name }</b> — sua
        [one] • <b>{ $name }</b> — sua, compartilhada com { $count } pessoa
       *[other] • <b>{ $name }</b> — sua, compartilhada com { $count } pessoas
    }
share-overview-shared-title = <b>Compartilhadas com você</b>
share-overview-shared = • <b>{ $name }</b> — de { $owner }, { $role }
share-overview-invited-title = <b>Esperando sua resposta</b>
share-overview-invited = • <b>{ $name }</b> — de { $inviter }, { $role }
share-overview-hint = <code>/calendars family</code> mostra quem tem uma agenda; <code>/share family @anna</code> compartilha uma.
share-member = • { $name } — { $role }
share-member-invited = • { $name } — { $role } (convidado, ainda sem resposta)
share-members-alone = Mais ninguém por enquanto: /share { $example } @usuario
