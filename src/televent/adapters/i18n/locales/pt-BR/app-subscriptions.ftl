# The Mini App: calendars that follow a feed from elsewhere (docs/adr/0025): the form on the
# calendars screen and the subscription on a subscribed calendar's screen.
# $state: waiting, failing, paused or ok; $when: when it was last fetched; $reason: why it failed (a code).
subs-title = Seguir uma agenda de outro lugar
subs-hint = Um link webcal:// ou https:// de um feed de agenda: feriados, um horário escolar, o endereço secreto iCal do Google Agenda, Outlook ou iCloud. Os eventos aparecem aqui e em todos os apps, sempre atualizados; você não pode alterá-los.
subs-link = Link do feed
subs-add = Assinar
subs-added = Você assinou “{ $name }”. Os eventos aparecem em um minuto.
subs-section = Feed
subs-status =
    { $state ->
        [waiting] Aguardando a primeira atualização (em um minuto).
        [failing] Não foi possível buscar ({ $reason }); nova tentativa depois.
        [paused] Pausada: sem atualizações até você retomar.
       *[ok] Em dia, buscada pela última vez { $when }.
    }
subs-reminders = Lembrar-me dos eventos
subs-busy = Contar os eventos como ocupado nos meus links de agendamento
subs-refresh = Buscar agora
subs-pause = Pausar
subs-resume = Retomar
subs-refreshing = Será buscada de novo em um minuto.
subs-remove = Cancelar assinatura
subs-remove-question = Cancelar a assinatura de “{ $name }”? Os eventos somem de todos os apps.
subs-removed = Assinatura de “{ $name }” cancelada.
