## /settings، /agenda، /quiet و برنامهٔ صبحگاهی در ربات.

## /settings: متن بالای دکمه‌ها و هر دکمه (هر ضربه مقدار بعدی را می‌گذارد)

bot-settings-text =
    ⚙️ <b>اعلان‌ها</b> (زمان‌ها به وقت { $zone }). برای تغییر ضربه بزن.
    زمان دلخواه: <code>/agenda 07:30</code>، <code>/quiet 22:00-07:00</code>، <code>/reminder 20</code>. زبان: /language.
bot-settings-no-email = ✉️ ایمیل را انتخاب کرده‌ای، اما هیچ ایمیلی به حسابت وصل نیست، پس چیزی فرستاده نمی‌شود. با <code>/email you@example.com</code> یکی وصل کن.
bot-settings-email-to = ✉️ ایمیل‌ها به { $emails } می‌روند.
bot-settings-reminders =
    { $minutes ->
        [0] ⏰ یادآوری‌ها: خاموش
       *[other] ⏰ یادآوری‌ها: { $minutes } دقیقه پیش از شروع
    }
bot-settings-alarms =
    { $state ->
        [on] 🔔 هشدارهای خود رویدادها: روشن
       *[off] 🔔 هشدارهای خود رویدادها: خاموش
    }
bot-settings-cards-telegram =
    { $state ->
        [on] 📨 دعوت‌ها از Televent: روشن
       *[off] 📨 دعوت‌ها از Televent: خاموش
    }
bot-settings-cards-email =
    { $state ->
        [on] ✉️ دعوت‌ها با ایمیل: روشن
       *[off] ✉️ دعوت‌ها با ایمیل: خاموش
    }
bot-settings-notices =
    { $which ->
        [all] 📣 پاسخ‌ها به رویدادهایم: همه
        [declines] 📣 پاسخ‌ها به رویدادهایم: فقط ردها
       *[none] 📣 پاسخ‌ها به رویدادهایم: هیچ‌کدام
    }
bot-settings-quiet = 🌙 ساعت‌های سکوت: { $hours }
bot-settings-quiet-off = 🌙 ساعت‌های سکوت: خاموش
bot-settings-quiet-reminders =
    { $how ->
        [keep] ⏰ یادآوری در ساعت‌های سکوت: بفرست
       *[hold] ⏰ یادآوری در ساعت‌های سکوت: نگه دار
    }
bot-settings-agenda = ☀️ برنامهٔ صبحگاهی: { $time }
bot-settings-agenda-off = ☀️ برنامهٔ صبحگاهی: خاموش
bot-settings-agenda-empty =
    { $state ->
        [on] 📭 برنامه در روزهای بی‌رویداد: روشن
       *[off] 📭 برنامه در روزهای بی‌رویداد: خاموش
    }
bot-settings-channel =
    { $kind ->
        [reminders] ⏰ یادآوری‌ها
        [agenda] ☀️ برنامهٔ صبح
       *[notices] 📣 اعلان‌ها
    } از راه: { $where ->
        [telegram] تلگرام
        [email] ایمیل
        [both] تلگرام + ایمیل
       *[none] هیچ‌جا
    }
bot-settings-clock =
    { $cycle ->
        [h24] 🕒 ساعت: ۲۴ ساعته
        [h12] 🕒 ساعت: ۱۲ ساعته (ق.ظ./ب.ظ.)
       *[auto] 🕒 ساعت: مطابق زبانم
    }

## /agenda و /quiet

bot-agenda-none = ☀️ برنامهٔ صبحگاهی نداری. با <code>/agenda 07:30</code> هر روز دریافتش کن (به وقت محلی خودت).
bot-agenda-status =
    { $empty ->
        [yes] ☀️ برنامه‌ات هر روز ساعت <b>{ $time }</b> ({ $zone }) می‌رسد؛ بعدی: { $next }. <code>/agenda off</code> متوقفش می‌کند.
       *[no] ☀️ برنامه‌ات هر روز ساعت <b>{ $time }</b> ({ $zone }) می‌رسد (نه در روزهای بی‌رویداد)؛ بعدی: { $next }. <code>/agenda off</code> متوقفش می‌کند.
    }
bot-agenda-how = ساعتی بده، مثل <code>/agenda 07:30</code>، یا <code>/agenda off</code>.
bot-quiet-none = 🌙 ساعت سکوتی نداری. با <code>/quiet 22:00-07:00</code> تنظیمش کن (به وقت محلی خودت).
bot-quiet-status =
    { $reminders ->
        [keep] 🌙 ساعت‌های سکوت { $hours } ({ $zone }): پیام‌ها تا پایانش صبر می‌کنند؛ یادآوری‌ها باز هم می‌رسند (/settings). <code>/quiet off</code> تمامش می‌کند.
       *[hold] 🌙 ساعت‌های سکوت { $hours } ({ $zone }): پیام‌ها تا پایانش صبر می‌کنند؛ یادآوری‌ها هم صبر می‌کنند (/settings). <code>/quiet off</code> تمامش می‌کند.
    }
bot-quiet-how = آغاز و پایانی بده، مثل <code>/quiet 22:00-07:00</code>، یا <code>/quiet off</code>.

## برنامهٔ صبحگاهی (وقتی صبحِ آن شخص می‌رسد فرستاده می‌شود)

bot-agenda-nothing = امروز برنامه‌ای نیست.
bot-agenda-unreadable = ({ $count } رویداد نمایش داده نشد)
bot-agenda-conflicts = ⚠️ رویدادهای هم‌پوشان را نشان می‌دهد.
bot-agenda-awaiting = ⏳ منتظر پاسخ تو
