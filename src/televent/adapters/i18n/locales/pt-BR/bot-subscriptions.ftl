## Feed subscriptions in the bot (docs/adr/0025): /subscribe, a webcal:// link sent alone, /subscriptions.
## $state: paused, failing, waiting or ok; $detail: the last outcome ("2 added") or the reason of a failure (a code such as timeout).

bot-subscribe-usage = Mande o link de um feed de agenda (webcal:// ou https://…/….ics), ou <code>/subscribe &lt;link&gt; [nome]</code>: eu crio uma agenda que o segue, atualizada a cada hora ou quando o feed pedir.
    Depois /subscriptions lista as assinaturas; <code>/subscriptions pause 1</code>, <code>resume 1</code>, <code>rename 1 Novo nome</code>, <code>remove 1</code>.
bot-subscribe-done = 🔗 Assinado: <b>{ $name }</b>. Os eventos aparecem em um minuto, em todos os apps, e são só leitura. Os lembretes deles estão desligados; contam como horário ocupado nos seus links de agendamento. /subscriptions
bot-subscriptions-none = Você ainda não segue nenhum feed de agenda. Mande um link webcal:// para assinar.
bot-subscriptions-head = <b>Suas assinaturas</b>
bot-subscriptions-line = { $number }. { $name } — { $status }
bot-subscriptions-status =
    { $state ->
        [paused] pausada
        [failing] com falha ({ $detail })
        [waiting] aguardando a primeira atualização
       *[ok] em dia{ $detail ->
            [unchanged] {""}
           *[other] , da última vez { $detail }
        }
    }
bot-subscriptions-usage = <code>/subscriptions pause|resume|remove &lt;número&gt;</code>, <code>/subscriptions rename &lt;número&gt; &lt;nome&gt;</code>
bot-subscriptions-changed =
    { $action ->
        [pause] ⏸ Pausada: <b>{ $name }</b> (sem atualizações até você retomar).
        [resume] ▶️ Retomada: <b>{ $name }</b>.
        [rename] ✏️ Renomeada: <b>{ $name }</b>.
       *[remove] 🗑 Assinatura cancelada: <b>{ $name }</b> e os eventos dela foram removidos.
    }
bot-subscriptions-no-such = Não há assinatura “{ $which }”: use o número dela em /subscriptions (1 a { $count }) ou o nome.
