## Connecting a Google account from the bot (docs/adr/0034): /google.
## $email: the Google account; $count: its calendars here; $state: waiting, failing or ok;
## $reason: why its last sync failed (a code such as unauthorized).

bot-google-off = 🔌 این سرور برای وصل کردن تقویم Google آماده نشده است. همچنان می‌توانید نشانی مخفی iCal یک تقویم Google را با /subscribe دنبال کنید.
bot-google-connect = 🔄 تقویم Google خود را وصل کنید: Google از شما می‌خواهد حساب را انتخاب کنید و به Televent اجازهٔ استفاده از تقویم‌های آن را بدهید. سپس در عرض یک دقیقه میان تقویم‌های شما نشان داده می‌شوند، برای پیوندهای رزرو زمان مشغول به حساب می‌آیند و تغییرات در هر دو سو می‌روند.
bot-google-link-rules = این پیوند یک بار و به مدت ۱۰ دقیقه کار می‌کند.
bot-google-link = این پیوند را در مرورگر خود باز کنید:
bot-google-head = <b>حساب‌های Google وصل‌شده</b>
bot-google-line = • { $email } — { $count ->
        [one] یک تقویم
       *[other] { $count } تقویم
    }، { $state ->
        [waiting] در انتظار نخستین همگام‌سازی
        [failing] ناموفق ({ $reason })
       *[ok] به‌روز
    }
bot-google-manage = برای قطع اتصال، /app را باز کنید: تقویم‌ها، سپس اتصال تقویم.
