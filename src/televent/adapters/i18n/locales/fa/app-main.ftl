# مینی‌اپ: رفتن بین صفحه‌ها، ذخیره و حذف رویدادها، خطاها، صفحهٔ ورود و یادآورهای خودِ هر رویداد
# (js/app.js، js/api.js، js/reminders.js).
main-back = بازگشت
main-back-calendar = تقویم
main-save = ذخیره
main-created = رویداد ساخته شد
main-saved = ذخیره شد
main-delete = حذف
main-delete-question = «{ $title }» حذف شود؟
main-deleted = حذف شد
main-moved = جابه‌جا شد
main-accept-first = برای دیدن این تقویم، دعوت را بپذیرید.
main-calendar-unavailable = این تقویم برای شما در دسترس نیست.
main-error-changed = این رویداد جای دیگری تغییر کرده بود؛ دوباره بارگذاری شد.
main-error-offline = دسترسی به Televent ممکن نیست. اتصال خود را بررسی کنید.
main-error-status = پاسخ سرور: { $status }.
main-login-title = به Televent خوش آمدید
main-login-how = Televent را از ربات باز کنید، یا برای گرفتن پیوند ورود /app را به ربات بفرستید.

# یادآورهای خودِ رویداد، روی کارت آن و در فرم.
reminders-legend = یادآورها
reminders-none-choice = هیچ
reminders-at-start = هنگام شروع
reminders-at-end = هنگام پایان
reminders-before = { $duration } قبل
reminders-after = { $duration } پس از شروع
reminders-before-end = { $duration } پیش از پایان
reminders-after-end = { $duration } پس از پایان
reminders-at-moment = در { $moment }
reminders-minutes = { $count } دقیقه
reminders-hours = { $count } ساعت
reminders-days = { $count } روز
reminders-weeks = { $count } هفته
reminders-seconds = { $count } ثانیه
reminders-list = { $count ->
    [one] یادآور
   *[other] یادآورها
}: { $reminders }
reminders-none = بدون یادآور
reminders-default = یادآور: { $reminder } (طبق تنظیمات شما)
reminders-off = بدون یادآور: یادآورها در تنظیمات شما خاموش‌اند
reminders-hint-default = چیزی انتخاب نشده: یادآور همیشگی شما، { $reminder }.
reminders-hint-off = یادآورها در تنظیمات شما خاموش‌اند، پس چیزی فرستاده نمی‌شود.
reminders-hint-ignored = تنظیمات شما یادآورهای خودِ رویدادها را کنار می‌گذارد: هر رویداد { $reminder } یادآوری می‌کند.
# A time field (js/timefield.js) holding something that is not a time.
time-field-invalid = { $field }: یک ساعت بنویسید، مثلاً { $example }.
