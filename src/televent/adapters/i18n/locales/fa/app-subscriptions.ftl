# The Mini App: calendars that follow a feed from elsewhere (docs/adr/0025): the form on the
# calendars screen and the subscription on a subscribed calendar's screen.
# $state: waiting, failing, paused or ok; $when: when it was last fetched; $reason: why it failed (a code).
subs-title = دنبال کردن تقویمی از جای دیگر
subs-hint = پیوند webcal:// یا https:// یک فید تقویم: تعطیلات، برنامه مدرسه، نشانی مخفی iCal در Google Calendar، Outlook یا iCloud. رویدادهایش اینجا و در همه برنامه‌ها به‌روز دیده می‌شوند؛ نمی‌توانید تغییرشان دهید.
subs-link = پیوند فید
subs-add = اشتراک
subs-added = مشترک «{ $name }» شدید. رویدادهایش تا یک دقیقه دیگر دیده می‌شوند.
subs-section = فید
subs-status =
    { $state ->
        [waiting] در انتظار نخستین به‌روزرسانی (تا یک دقیقه).
        [failing] دریافت نشد ({ $reason })؛ بعداً دوباره تلاش می‌شود.
        [paused] متوقف: تا ادامه ندهید به‌روز نمی‌شود.
       *[ok] به‌روز، آخرین دریافت { $when }.
    }
subs-reminders = رویدادهایش را یادآوری کن
subs-busy = رویدادهایش برای پیوندهای رزرو من اشغال حساب شوند
subs-refresh = دریافت اکنون
subs-pause = توقف
subs-resume = ادامه
subs-refreshing = تا یک دقیقه دیگر دوباره دریافت می‌شود.
subs-remove = لغو اشتراک
subs-remove-question = اشتراک «{ $name }» لغو شود؟ رویدادهایش از همه برنامه‌ها حذف می‌شوند.
subs-removed = اشتراک «{ $name }» لغو شد.
