# Os webhooks do Mini App, nas configurações (js/webhooks.js, docs/adr/0029).
webhooks-title = Webhooks
webhooks-intro = O Televent envia uma mensagem assinada para o seu endereço sempre que acontece algo que você escolheu: para automações e seus próprios servidores.
webhooks-none = Nenhum webhook ainda.
webhooks-active = Ativo
webhooks-paused = Pausado
webhooks-stopped = Pausado pelo Televent
webhooks-paused-why = Pausado: nada é enviado até você retomá-lo; o que mudar enquanto isso espera por ele por 30 dias.
webhooks-stopped-why = O Televent o pausou porque uma mensagem não pôde ser entregue ({ $reason }). Retome-o para enviar de novo as mensagens pendentes; elas esperam por 30 dias.
webhooks-hears = Gatilhos: { $triggers }
webhooks-waiting =
    { $count ->
        [0] Nenhuma mensagem aguardando envio
        [one] { $count } mensagem aguardando envio
       *[other] { $count } mensagens aguardando envio
    }
webhooks-pause = Pausar
webhooks-resume = Retomar
webhooks-pause-label = Pausar o webhook para { $url }
webhooks-resume-label = Retomar o webhook para { $url }
webhooks-now-paused = O webhook para { $url } está pausado
webhooks-resumed = O webhook para { $url } está ativo de novo
webhooks-test = Enviar teste
webhooks-test-label = Enviar uma mensagem de teste para { $url }
webhooks-testing = Enviando uma mensagem de teste…
webhooks-test-delivered = Teste entregue: respondeu { $status } em { $ms } ms.
webhooks-test-refused = Teste não entregue: respondeu { $status } em { $ms } ms.
webhooks-test-failed = Teste não entregue: { $error }
webhooks-deliveries = Entregas
webhooks-deliveries-label = Entregas recentes para { $url }
webhooks-deliveries-title = Entregas recentes
webhooks-deliveries-loading = Carregando…
webhooks-no-deliveries = Nada enviado ainda.
webhooks-delivery-status = HTTP { $status }
webhooks-delivery-error = Falhou: { $error }
webhooks-delivery-took = { $ms } ms
webhooks-delivery-attempt = tentativa { $attempt }
webhooks-remove = Remover
webhooks-remove-label = Remover o webhook para { $url }
webhooks-remove-question = Remover o webhook para { $url }? Ele não recebe mais nada, e as mensagens ainda não enviadas são descartadas.
webhooks-removed = Webhook para { $url } removido
webhooks-new = Novo webhook
webhooks-url = Endereço (https://…)
webhooks-triggers = Enviar uma mensagem em caso de
webhooks-add = Adicionar webhook
webhooks-added = Webhook adicionado: { $url }
webhooks-secret-for = Segredo de assinatura do webhook para { $url }:
webhooks-secret-once = Copie agora: ele só aparece desta vez. Seu receptor o usa para verificar que cada mensagem vem do Televent.
webhooks-secret-copy = Copiar segredo
webhooks-secret-copied = Segredo copiado
webhooks-secret-copy-prompt = Copie o segredo:
webhooks-trigger-event-created = Evento criado
webhooks-trigger-event-updated = Evento alterado
webhooks-trigger-event-cancelled = Evento cancelado
webhooks-trigger-event-deleted = Evento excluído
webhooks-trigger-rsvp-changed = Resposta a um convite
webhooks-trigger-booking-created = Agendamento feito
webhooks-trigger-booking-rescheduled = Agendamento remarcado
webhooks-trigger-booking-cancelled = Agendamento cancelado
webhooks-type-test = Mensagem de teste
