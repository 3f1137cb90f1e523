## Feed subscriptions in the bot (docs/adr/0025): /subscribe, a webcal:// link sent alone, /subscriptions.
## $state: paused, failing, waiting or ok; $detail: the last outcome ("2 added") or the reason of a failure (a code such as timeout).

bot-subscribe-usage = Пришлите ссылку на фид календаря (webcal:// или https://…/….ics) или <code>/subscribe &lt;ссылка&gt; [название]</code>: я добавлю календарь, который следит за ним и обновляется каждый час или как просит фид.
    Затем /subscriptions покажет их; <code>/subscriptions pause 1</code>, <code>resume 1</code>, <code>rename 1 Новое название</code>, <code>remove 1</code>.
bot-subscribe-done = 🔗 Подписка оформлена: <b>{ $name }</b>. Его события появятся в течение минуты во всех приложениях, только для чтения. Напоминания о них выключены; они считаются занятым временем для ваших ссылок на запись. /subscriptions
bot-subscriptions-none = Вы пока не подписаны ни на один фид календаря. Пришлите ссылку webcal://, чтобы подписаться.
bot-subscriptions-head = <b>Ваши подписки</b>
bot-subscriptions-line = { $number }. { $name } — { $status }
bot-subscriptions-status =
    { $state ->
        [paused] на паузе
        [failing] ошибка ({ $detail })
        [waiting] ждёт первого обновления
       *[ok] актуален{ $detail ->
            [unchanged] {""}
           *[other] , в прошлый раз { $detail }
        }
    }
bot-subscriptions-usage = <code>/subscriptions pause|resume|remove &lt;номер&gt;</code>, <code>/subscriptions rename &lt;номер&gt; &lt;название&gt;</code>
bot-subscriptions-changed =
    { $action ->
        [pause] ⏸ На паузе: <b>{ $name }</b> (не обновляется, пока вы не возобновите).
        [resume] ▶️ Возобновлена: <b>{ $name }</b>.
        [rename] ✏️ Переименована: <b>{ $name }</b>.
       *[remove] 🗑 Подписка отменена: <b>{ $name }</b> и его события удалены.
    }
bot-subscriptions-no-such = Нет подписки «{ $which }»: укажите её номер в /subscriptions (от 1 до { $count }) или название.
