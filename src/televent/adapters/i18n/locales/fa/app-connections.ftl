# The Mini App: accounts on other CalDAV servers (docs/adr/0026): the form on the calendars
# screen and the connection on a mirrored calendar's screen.
# $server: the server's host; $username: the user name there; $count: calendars found.
# $state: waiting, failing or ok; $when: when it was last synced; $reason: why it failed (a code).
conn-title = وصل کردن حساب تقویم دیگر
conn-hint = تقویم‌های شما در iCloud، Fastmail، Nextcloud یا هر سرور CalDAV اینجا نشان داده می‌شوند، زمان مشغول حساب می‌شوند و هر چند دقیقه به‌روز می‌شوند. بسیاری از سرویس‌ها برای این کار گذرواژهٔ برنامه می‌خواهند؛ رمزنگاری‌شده نگه داشته می‌شود و دیگر نشان داده نمی‌شود.
conn-server = نشانی سرور یا نشانی ایمیل شما
conn-username = نام کاربری
conn-password = گذرواژهٔ برنامه
conn-add = وصل کن
conn-added = { $count ->
    [one] یک تقویم از { $server } وصل شد. رویدادهایش تا یک دقیقه دیگر نشان داده می‌شوند.
   *[other] { $count } تقویم از { $server } وصل شد. رویدادهایشان تا یک دقیقه دیگر نشان داده می‌شوند.
}
conn-section = حساب وصل‌شده
conn-from = { $server }، با نام { $username }
conn-status =
    { $state ->
        [waiting] در انتظار نخستین همگام‌سازی (تا یک دقیقه).
        [failing] همگام‌سازی نشد ({ $reason })؛ بعداً دوباره تلاش می‌شود.
       *[ok] به‌روز، آخرین همگام‌سازی { $when }.
    }
conn-two-way = تغییرهای اینجا به { $server } هم فرستاده می‌شوند. اگر رویدادی آنجا هم تغییر کرده باشد، نسخهٔ { $server } می‌ماند و به تو خبر داده می‌شود.
conn-waiting = { $count ->
    [one] یک تغییر منتظر فرستادن به { $server } است.
   *[other] { $count } تغییر منتظر فرستادن به { $server } هستند.
}
conn-sync = همین حالا همگام‌سازی کن
conn-syncing = تا یک دقیقه دیگر دوباره همگام‌سازی می‌شود.
conn-remove = قطع اتصال
conn-remove-question = اتصال { $server } قطع شود؟ در { $server } چیزی تغییر نمی‌کند؛ اینجا تقویم‌هایش می‌توانند مال خودتان بمانند یا حذف شوند.
conn-keep = رویدادها اینجا بمانند
conn-drop = از اینجا حذف شوند
conn-removed = اتصال { $server } قطع شد.
conn-google-title = تقویم Google
conn-google-hint = حساب Google خود را وصل کنید: تقویم‌های آن اینجا نشان داده می‌شوند، زمان مشغول به حساب می‌آیند و تغییرات در هر دو سو می‌روند. Google از شما اجازه می‌خواهد.
conn-google = وصل کردن تقویم Google
conn-google-opened = Google در مرورگر شما باز می‌شود: آنجا به Televent اجازه دهید و سپس به اینجا برگردید.
