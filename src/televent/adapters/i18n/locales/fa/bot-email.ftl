## /email در ربات: نشانی دعوت که هر کسی می‌تواند شخص را با آن دعوت کند، و پیوند دادن ایمیل خود
## با کدی که ایمیل می‌شود (و یک خط در /start و /settings).

email-bot-usage = ایمیل خود را با <code>/email you@example.com</code> پیوند دهید: برایتان کدی می‌فرستم و <code>/email 123456</code> نشانی را پیوند می‌دهد. <code>/email remove</code> پیوند را برمی‌دارد.
email-bot-invite-line = 📮 دیگران می‌توانند از هر برنامهٔ تقویمی شما را با <code>{ $address }</code> دعوت کنند (جزئیات در /email).
email-bot-none-linked = پیوند نشده
# $email: نشانی‌های پیوندشده، یا email-bot-none-linked
email-bot-settings =
    📮 نشانی دعوت: <code>{ $address }</code>
    ✉️ ایمیل: { $email }
    /email هر دو را نشان می‌دهد و ایمیلتان را پیوند می‌دهد یا پیوندش را برمی‌دارد.
email-bot-status-address =
    📮 نشانی دعوت شما: <code>{ $address }</code>
    هر کسی می‌تواند از Gmail، Outlook یا هر برنامهٔ تقویمی شما را به این نشانی دعوت کند: دعوت به تقویم شما و اینجا می‌رسد و پاسخ شما با ایمیل برمی‌گردد.
email-bot-status-linked = ✉️ ایمیل شما: { $email } ✅ — دعوت‌هایی که به آن فرستاده شود هم به شما می‌رسد. <code>/email remove</code> پیوندش را برمی‌دارد.
email-bot-status-awaiting = ✉️ کدی در راه <code>{ $address }</code> است: آن را به شکل <code>/email 123456</code> بفرستید.
email-bot-status-none = ✉️ هیچ ایمیلی پیوند نشده است.
email-bot-code-sent = 📧 کدی به <code>{ $address }</code> فرستادم. ظرف { $minutes } دقیقه آن را اینجا به شکل <code>/email 123456</code> بفرستید. ایمیلی نرسید؟ پوشهٔ هرزنامه را ببینید یا یک دقیقهٔ دیگر کد تازه بخواهید.
email-bot-linked = ✅ <code>{ $address }</code> به حساب شما پیوند شد: دعوت‌هایی که به آن فرستاده شود اینجا به شما می‌رسد.
email-bot-removed-nothing = 👍 کدی که فرستادم دیگر کار نمی‌کند؛ هیچ ایمیلی پیوند نشده است.
email-bot-removed =
    { $count ->
       *[other] 👍 { $addresses } دیگر به حساب شما پیوند ندارد.
    }
# $kind: reminders، agenda یا notices (آنچه شخص خواسته با ایمیل بگیرد)
email-bot-kind =
    { $kind ->
        [reminders] یادآوری‌ها
        [agenda] برنامهٔ صبحگاهی
       *[notices] اعلان‌ها
    }
# $kinds: «یادآوری‌ها و اعلان‌ها»
email-bot-unsent = ⚠️ { $kinds } را فقط با ایمیل می‌گیرید: تا وقتی دوباره نشانی‌ای پیوند ندهید (<code>/email you@example.com</code>) یا در /settings تلگرام را انتخاب نکنید، فرستاده نمی‌شوند.
