## ایمیل‌های Televent: یادآوری‌ها، برنامهٔ صبحگاهی، اعلان‌ها، دعوت‌ها، رزروها،
## ایمیل کد و صفحه‌های لغو اشتراک.

## خلاصهٔ یک رویداد در ایمیل

mail-label-when = زمان
mail-label-where = مکان
mail-label-organizer = برگزارکننده
mail-label-guests = مهمانان
mail-field = { $label }: { $value }
mail-list-heading = { $label }:
mail-no-title = (بدون عنوان)
mail-no-time = زمان مشخص نشده
mail-someone = یک نفر
mail-the-organizer = برگزارکننده
mail-all-day = تمام روز
mail-when-all-day = { $day } (تمام روز)
mail-day-and-time = { $day }، ساعت { $time }
mail-time-range = { $start } تا { $end }
mail-in-zone = { $when } ({ $zone })
mail-one-occurrence = { $text } (فقط همین یک بار)

## یادآوری‌ها

mail-reminder-subject = یادآوری: { $title } @ { $when }
mail-reminder-now = { $title } همین حالا شروع می‌شود
mail-reminder-soon = { $title } به‌زودی شروع می‌شود
mail-reminder-minutes = { $title } { $count } دقیقهٔ دیگر شروع می‌شود
mail-reminder-hours = { $title } { $count } ساعت دیگر شروع می‌شود
mail-reminder-days = { $title } { $count } روز دیگر شروع می‌شود

## دعوت‌ها، تغییرها و پاسخ‌ها

mail-invitation-subject = دعوت: { $title } @ { $when }
mail-invitation-headline = { $organizer } شما را دعوت کرده است
mail-invitation-update-subject = دعوت به‌روزشده: { $title } @ { $when }
mail-invitation-update-headline = { $organizer } جلسه را تغییر داد؛ لطفاً جزئیات را بررسی کنید
mail-cancelled-subject = لغو شد: { $title } @ { $when }
mail-cancelled-headline = برگزارکننده جلسه را لغو کرد
mail-uninvited-subject = حذف از جلسه: { $title } @ { $when }
mail-uninvited-headline = شما از فهرست شرکت‌کنندگان جلسه حذف شدید
mail-answer-in-app = در تلگرام یا در برنامهٔ تقویم پاسخ دهید: { $url }
mail-rsvp =
    { $status ->
        [accepted] { $who } پذیرفت
        [declined] { $who } رد کرد
        [tentative] { $who } شاید بیاید
        [delegated] { $who } دعوت را به فرد دیگری سپرد
       *[other] { $who } پاسخ داد
    }
mail-rsvp-subject = { $answer }: { $title } @ { $when }
mail-imip-invite-headline = { $who } شما را به { $title } دعوت می‌کند
mail-imip-update-headline = { $who } { $title } را به‌روز کرد
mail-imip-cancel-headline = { $who } { $title } را لغو کرد
mail-imip-declinecounter-headline = { $who } زمان { $title } را تغییر نمی‌دهد
mail-imip-declinecounter-subject = پیشنهاد رد شد: { $title } @ { $when }

## رزروهای پیوندهای یک نفر

mail-booking-with = { $title } با { $name }
mail-booked-subject = رزرو شد: { $meeting } @ { $when }
mail-booked-headline = { $name } وقتی با شما رزرو کرد
mail-booking-cancelled-subject = رزرو لغو شد: { $meeting } @ { $when }
mail-booking-cancelled-headline = { $name } رزرو را لغو کرد
mail-booking-moved-subject = زمان رزرو تغییر کرد: { $meeting } @ { $when }
mail-booking-moved-headline = { $name } زمان رزرو را تغییر داد
mail-booking-reason = دلیل: { $reason }
mail-booking-was = زمان قبلی: { $when }
mail-booking-email = ایمیل: { $email }
mail-visitor-moved-subject = جابه‌جا شد: { $meeting } @ { $when }
mail-visitor-manage = لغو یا تغییر زمان: { $url }

## برنامهٔ صبحگاهی

mail-agenda-subject = روز شما: { $day }
mail-agenda-intro = روز شما، { $day } ({ $zone })
mail-agenda-empty = برای امروز برنامه‌ای ندارید.
mail-agenda-unreadable = ({ $count } رویداد قابل نمایش نبود)
mail-agenda-conflicts = (!) رویدادهایی را نشان می‌دهد که با هم هم‌پوشانی دارند.
mail-agenda-conflict = (!) { $when }
mail-agenda-at = در { $location }
mail-agenda-repeats = تکرارشونده
mail-agenda-awaiting = در انتظار پاسخ شما

## چرا این ایمیل آمد

mail-footer-why =
    { $kind ->
        [reminders] یادآوری‌ها را با ایمیل دریافت می‌کنید، چون در تنظیمات Televent این را انتخاب کرده‌اید.
        [agenda] برنامهٔ صبحگاهی را با ایمیل دریافت می‌کنید، چون در تنظیمات Televent این را انتخاب کرده‌اید.
       *[notices] اعلان‌های رویدادهایتان را با ایمیل دریافت می‌کنید، چون در تنظیمات Televent این را انتخاب کرده‌اید.
    }
mail-footer-stop = توقف این ایمیل‌ها: { $url }
mail-footer-settings = با /settings در ربات یا در برنامهٔ تقویم می‌توانید آن را تغییر دهید.

## کدی که یک ایمیل را متصل می‌کند

mail-code-subject = کد Televent شما: { $code }
mail-code-someone = یکی از کاربران Televent
mail-code-asked = { $who } درخواست کرده است که { $address } به حساب Televent او متصل شود. برای این کار، این کد را ظرف { $minutes } دقیقه به Televent بدهید (در ربات: /email { $code }).
mail-code-ignore = اگر شما نبودید، این ایمیل را نادیده بگیرید: بدون این کد چیزی متصل نمی‌شود.

## صفحه‌های پیوند لغو اشتراک

mail-unsubscribe-page-title = Televent: ایمیل
mail-unsubscribe-not-found = این پیوند لغو اشتراک (دیگر) معتبر نیست. با /settings در ربات Televent انتخاب کنید چه چیزهایی با ایمیل برایتان بیاید.
mail-unsubscribe-confirm =
    { $kind ->
        [reminders] ارسال یادآوری‌ها برای { $name } با ایمیل متوقف شود؟ تلگرام و ایمیل‌های دیگر همان‌طور که هستند می‌مانند.
        [agenda] ارسال برنامهٔ صبحگاهی برای { $name } با ایمیل متوقف شود؟ تلگرام و ایمیل‌های دیگر همان‌طور که هستند می‌مانند.
       *[notices] ارسال اعلان‌ها برای { $name } با ایمیل متوقف شود؟ تلگرام و ایمیل‌های دیگر همان‌طور که هستند می‌مانند.
    }
mail-unsubscribe-button =
    { $kind ->
        [reminders] لغو اشتراک یادآوری‌ها
        [agenda] لغو اشتراک برنامهٔ صبحگاهی
       *[notices] لغو اشتراک اعلان‌ها
    }
mail-unsubscribe-done =
    { $kind ->
        [reminders] انجام شد: یادآوری‌ها دیگر برای { $name } با ایمیل فرستاده نمی‌شوند. با /settings در ربات Televent یا در برنامهٔ تقویم می‌توانید دوباره روشنشان کنید.
        [agenda] انجام شد: برنامهٔ صبحگاهی دیگر برای { $name } با ایمیل فرستاده نمی‌شود. با /settings در ربات Televent یا در برنامهٔ تقویم می‌توانید دوباره روشنش کنید.
       *[notices] انجام شد: اعلان‌ها دیگر برای { $name } با ایمیل فرستاده نمی‌شوند. با /settings در ربات Televent یا در برنامهٔ تقویم می‌توانید دوباره روشنشان کنید.
    }
