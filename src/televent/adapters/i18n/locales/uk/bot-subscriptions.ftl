## Feed subscriptions in the bot (docs/adr/0025): /subscribe, a webcal:// link sent alone, /subscriptions.
## $state: paused, failing, waiting or ok; $detail: the last outcome ("2 added") or the reason of a failure (a code such as timeout).

bot-subscribe-usage = Надішліть посилання на фід календаря (webcal:// або https://…/….ics) чи <code>/subscribe &lt;посилання&gt; [назва]</code>: я додам календар, що стежить за ним і оновлюється щогодини або як просить фід.
    Потім /subscriptions покаже їх; <code>/subscriptions pause 1</code>, <code>resume 1</code>, <code>rename 1 Нова назва</code>, <code>remove 1</code>.
bot-subscribe-done = 🔗 Підписку оформлено: <b>{ $name }</b>. Його події з'являться протягом хвилини в усіх застосунках, лише для читання. Нагадування про них вимкнені; вони рахуються зайнятим часом для ваших посилань на запис. /subscriptions
bot-subscriptions-none = Ви ще не підписані на жоден фід календаря. Надішліть посилання webcal://, щоб підписатися.
bot-subscriptions-head = <b>Ваші підписки</b>
bot-subscriptions-line = { $number }. { $name } — { $status }
bot-subscriptions-status =
    { $state ->
        [paused] на паузі
        [failing] помилка ({ $detail })
        [waiting] чекає першого оновлення
       *[ok] актуальний{ $detail ->
            [unchanged] {""}
           *[other] , минулого разу { $detail }
        }
    }
bot-subscriptions-usage = <code>/subscriptions pause|resume|remove &lt;номер&gt;</code>, <code>/subscriptions rename &lt;номер&gt; &lt;назва&gt;</code>
bot-subscriptions-changed =
    { $action ->
        [pause] ⏸ На паузі: <b>{ $name }</b> (не оновлюється, доки ви не відновите).
        [resume] ▶️ Відновлено: <b>{ $name }</b>.
        [rename] ✏️ Перейменовано: <b>{ $name }</b>.
       *[remove] 🗑 Підписку скасовано: <b>{ $name }</b> і його події видалено.
    }
bot-subscriptions-no-such = Немає підписки «{ $which }»: вкажіть її номер у /subscriptions (від 1 до { $count }) або назву.
