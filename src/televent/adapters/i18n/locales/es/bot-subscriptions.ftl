## Feed subscriptions in the bot (docs/adr/0025): /subscribe, a webcal:// link sent alone, /subscriptions.
## $state: paused, failing, waiting or ok; $detail: the last outcome ("2 added") or the reason of a failure (a code such as timeout).

bot-subscribe-usage = Envíame el enlace de un feed de calendario (webcal:// o https://…/….ics), o <code>/subscribe &lt;enlace&gt; [nombre]</code>: añado un calendario que lo sigue, actualizado cada hora o cuando el feed lo pida.
    Luego /subscriptions los lista; <code>/subscriptions pause 1</code>, <code>resume 1</code>, <code>rename 1 Nuevo nombre</code>, <code>remove 1</code>.
bot-subscribe-done = 🔗 Suscrito: <b>{ $name }</b>. Sus eventos aparecen en un minuto, en todas las apps, y son de solo lectura. Sus recordatorios están desactivados; cuentan como tiempo ocupado para tus enlaces de reserva. /subscriptions
bot-subscriptions-none = Aún no sigues ningún feed de calendario. Envíame un enlace webcal:// para suscribirte.
bot-subscriptions-head = <b>Tus suscripciones</b>
bot-subscriptions-line = { $number }. { $name } — { $status }
bot-subscriptions-status =
    { $state ->
        [paused] en pausa
        [failing] con errores ({ $detail })
        [waiting] esperando su primera actualización
       *[ok] al día{ $detail ->
            [unchanged] {""}
           *[other] , la última vez { $detail }
        }
    }
bot-subscriptions-usage = <code>/subscriptions pause|resume|remove &lt;número&gt;</code>, <code>/subscriptions rename &lt;número&gt; &lt;nombre&gt;</code>
bot-subscriptions-changed =
    { $action ->
        [pause] ⏸ En pausa: <b>{ $name }</b> (no se actualiza hasta que la reanudes).
        [resume] ▶️ Reanudada: <b>{ $name }</b>.
        [rename] ✏️ Renombrada: <b>{ $name }</b>.
       *[remove] 🗑 Suscripción cancelada: <b>{ $name }</b> y sus eventos ya no están.
    }
bot-subscriptions-no-such = No hay ninguna suscripción «{ $which }»: usa su número en /subscriptions (1 a { $count }) o su nombre.
