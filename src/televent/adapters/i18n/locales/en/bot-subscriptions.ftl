## Feed subscriptions in the bot (docs/adr/0025): /subscribe, a webcal:// link sent alone, /subscriptions.
## $state: paused, failing, waiting or ok; $detail: the last outcome ("2 added") or the reason of a failure (a code such as timeout).

bot-subscribe-usage = Send me a calendar feed's link (webcal:// or https://…/….ics), or <code>/subscribe &lt;link&gt; [name]</code>: I add a calendar that follows it, refreshed every hour or as the feed asks.
    Then /subscriptions lists them; <code>/subscriptions pause 1</code>, <code>resume 1</code>, <code>rename 1 New name</code>, <code>remove 1</code>.
bot-subscribe-done = 🔗 Subscribed: <b>{ $name }</b>. Its events appear within a minute, in every app, and are read-only. Reminders for them are off; they count as busy time for your booking links. /subscriptions
bot-subscriptions-none = You follow no calendar feeds yet. Send me a webcal:// link to subscribe.
bot-subscriptions-head = <b>Your subscriptions</b>
bot-subscriptions-line = { $number }. { $name } — { $status }
bot-subscriptions-status =
    { $state ->
        [paused] paused
        [failing] failing ({ $detail })
        [waiting] waiting for its first refresh
       *[ok] up to date{ $detail ->
            [unchanged] {""}
           *[other] , last time { $detail }
        }
    }
bot-subscriptions-usage = <code>/subscriptions pause|resume|remove &lt;number&gt;</code>, <code>/subscriptions rename &lt;number&gt; &lt;name&gt;</code>
bot-subscriptions-changed =
    { $action ->
        [pause] ⏸ Paused: <b>{ $name }</b> (not refreshed until you resume it).
        [resume] ▶️ Resumed: <b>{ $name }</b>.
        [rename] ✏️ Renamed: <b>{ $name }</b>.
       *[remove] 🗑 Unsubscribed: <b>{ $name }</b> and its events are gone.
    }
bot-subscriptions-no-such = There is no subscription “{ $which }”: use its number in /subscriptions (1 to { $count }) or its name.
