## Feed subscriptions in the bot (docs/adr/0025): /subscribe, a webcal:// link sent alone, /subscriptions.
## $state: paused, failing, waiting or ok; $detail: the last outcome ("2 added") or the reason of a failure (a code such as timeout).

bot-subscribe-usage = Schick mir den Link eines Kalender-Feeds (webcal:// oder https://…/….ics) oder <code>/subscribe &lt;Link&gt; [Name]</code>: Ich lege einen Kalender an, der ihm folgt, stündlich aktualisiert oder so oft der Feed es verlangt.
    Dann listet /subscriptions sie auf; <code>/subscriptions pause 1</code>, <code>resume 1</code>, <code>rename 1 Neuer Name</code>, <code>remove 1</code>.
bot-subscribe-done = 🔗 Abonniert: <b>{ $name }</b>. Seine Termine erscheinen binnen einer Minute in jeder App und sind schreibgeschützt. Erinnerungen dafür sind aus; sie zählen als belegte Zeit für deine Buchungslinks. /subscriptions
bot-subscriptions-none = Du folgst noch keinem Kalender-Feed. Schick mir einen webcal://-Link, um ihn zu abonnieren.
bot-subscriptions-head = <b>Deine Abos</b>
bot-subscriptions-line = { $number }. { $name } — { $status }
bot-subscriptions-status =
    { $state ->
        [paused] pausiert
        [failing] fehlerhaft ({ $detail })
        [waiting] wartet auf die erste Aktualisierung
       *[ok] aktuell{ $detail ->
            [unchanged] {""}
           *[other] , zuletzt { $detail }
        }
    }
bot-subscriptions-usage = <code>/subscriptions pause|resume|remove &lt;Nummer&gt;</code>, <code>/subscriptions rename &lt;Nummer&gt; &lt;Name&gt;</code>
bot-subscriptions-changed =
    { $action ->
        [pause] ⏸ Pausiert: <b>{ $name }</b> (keine Aktualisierung, bis du es fortsetzt).
        [resume] ▶️ Fortgesetzt: <b>{ $name }</b>.
        [rename] ✏️ Umbenannt: <b>{ $name }</b>.
       *[remove] 🗑 Abo beendet: <b>{ $name }</b> und seine Termine sind weg.
    }
bot-subscriptions-no-such = Es gibt kein Abo „{ $which }“: nimm seine Nummer in /subscriptions (1 bis { $count }) oder seinen Namen.
