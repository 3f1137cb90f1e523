## Feed subscriptions in the bot (docs/adr/0025): /subscribe, a webcal:// link sent alone, /subscriptions.
## $state: paused, failing, waiting or ok; $detail: the last outcome ("2 added") or the reason of a failure (a code such as timeout).

bot-subscribe-usage = پیوند فید یک تقویم را بفرستید (webcal:// یا https://…/….ics)، یا <code>/subscribe &lt;پیوند&gt; [نام]</code>: تقویمی می‌سازم که آن را دنبال کند و هر ساعت یا هر وقت فید بخواهد به‌روز شود.
    سپس /subscriptions آن‌ها را فهرست می‌کند؛ <code>/subscriptions pause 1</code>، <code>resume 1</code>، <code>rename 1 نام تازه</code>، <code>remove 1</code>.
bot-subscribe-done = 🔗 مشترک شدید: <b>{ $name }</b>. رویدادهایش تا یک دقیقه دیگر در همه برنامه‌ها دیده می‌شوند و فقط‌خواندنی‌اند. یادآوری‌هایشان خاموش است؛ برای پیوندهای رزرو شما زمان اشغال حساب می‌شوند. /subscriptions
bot-subscriptions-none = هنوز هیچ فید تقویمی را دنبال نمی‌کنید. برای اشتراک یک پیوند webcal:// بفرستید.
bot-subscriptions-head = <b>اشتراک‌های شما</b>
bot-subscriptions-line = { $number }. { $name } — { $status }
bot-subscriptions-status =
    { $state ->
        [paused] متوقف
        [failing] با خطا ({ $detail })
        [waiting] در انتظار نخستین به‌روزرسانی
       *[ok] به‌روز{ $detail ->
            [unchanged] {""}
           *[other] ، آخرین بار { $detail }
        }
    }
bot-subscriptions-usage = <code>/subscriptions pause|resume|remove &lt;شماره&gt;</code>، <code>/subscriptions rename &lt;شماره&gt; &lt;نام&gt;</code>
bot-subscriptions-changed =
    { $action ->
        [pause] ⏸ متوقف شد: <b>{ $name }</b> (تا ادامه ندهید به‌روز نمی‌شود).
        [resume] ▶️ ادامه یافت: <b>{ $name }</b>.
        [rename] ✏️ نام تازه: <b>{ $name }</b>.
       *[remove] 🗑 اشتراک لغو شد: <b>{ $name }</b> و رویدادهایش حذف شدند.
    }
bot-subscriptions-no-such = اشتراکی با نام «{ $which }» نیست: شماره‌اش در /subscriptions (۱ تا { $count }) یا نامش را بنویسید.
