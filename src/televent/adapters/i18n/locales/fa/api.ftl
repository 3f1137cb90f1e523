## پاسخ‌های خطای JSON API: عنوان‌ها بر اساس وضعیت و توضیح‌هایی که خود API می‌نویسد.

api-title-bad-request = درخواست نادرست
api-title-unauthorized = ورود لازم است
api-title-forbidden = دسترسی مجاز نیست
api-title-not-found = پیدا نشد
api-title-method-not-allowed = این روش مجاز نیست
api-title-conflict = تداخل
api-title-gone = دیگر وجود ندارد
api-title-precondition-failed = پیش‌شرط برقرار نیست
api-title-too-large = درخواست بیش از حد بزرگ است
api-title-unsupported-media-type = نوع محتوا پشتیبانی نمی‌شود
api-title-unprocessable = درخواست رد شد
api-title-too-many-requests = درخواست‌ها بیش از حد زیاد است
api-title-server-error = خطای داخلی سرور
api-title-unavailable = سرویس در دسترس نیست

api-detail-no-route = در این نشانی چیزی نیست.
api-detail-wrong-method = این نشانی این روش را نمی‌پذیرد.
api-detail-wrong-method-allowed = این نشانی این روش را نمی‌پذیرد (روش‌های مجاز: { $allowed }).
api-detail-too-large = بدنهٔ درخواست از حدی که این سرور می‌پذیرد بزرگ‌تر است.
api-detail-too-deep = بدنهٔ درخواست بیش از حدی که این سرور می‌خواند تودرتو است.
api-detail-server-error = در سرور مشکلی پیش آمد؛ ثبت شده است.
api-detail-invalid = درخواست معتبر نیست.
api-detail-invalid-field = { $source ->
    [query] درخواست معتبر نیست: پارامتر پرس‌وجوی «{ $field }» را بررسی کنید.
    [header] درخواست معتبر نیست: سرایند «{ $field }» را بررسی کنید.
    [cookie] درخواست معتبر نیست: کوکی «{ $field }» را بررسی کنید.
    [path] درخواست معتبر نیست: «{ $field }» را در نشانی بررسی کنید.
   *[body] درخواست معتبر نیست: فیلد «{ $field }» را در بدنهٔ درخواست بررسی کنید.
}
api-detail-missing-field = { $source ->
    [query] درخواست معتبر نیست: پارامتر پرس‌وجوی «{ $field }» در آن نیست.
    [header] درخواست معتبر نیست: سرایند «{ $field }» در آن نیست.
    [cookie] درخواست معتبر نیست: کوکی «{ $field }» در آن نیست.
    [path] درخواست معتبر نیست: «{ $field }» در نشانی نیست.
   *[body] درخواست معتبر نیست: فیلد «{ $field }» در بدنهٔ درخواست نیست.
}
api-detail-unknown-field = درخواست معتبر نیست: بدنهٔ درخواست فیلد «{ $field }» را دارد که این نشانی آن را نمی‌پذیرد.
api-detail-invalid-body = درخواست معتبر نیست: بدنهٔ درخواست شکلی را که این نشانی می‌پذیرد ندارد.
api-detail-malformed-json = بدنهٔ درخواست JSON معتبری نیست.
api-detail-not-json = بدنهٔ درخواست باید JSON باشد (Content-Type: application/json).
api-detail-unknown-scheme = روش احراز هویت «{ $scheme }» شناخته‌شده نیست: از tma یا Basic استفاده کنید.
api-detail-sign-in = ورود لازم است: داده‌های Telegram Mini App (Authorization: tma ...)، رمز دستگاه (HTTP Basic) یا پیوند ورود از فرمان /app در ربات.
api-detail-mini-app-off = ورود از Telegram Mini App در این سرور خاموش است (TELEGRAM_BOT_TOKEN تنظیم نشده است)؛ از رمز دستگاه استفاده کنید.
api-detail-not-registered = هنوز حساب Televent ندارید: اول /start را برای ربات بفرستید، بعد دوباره Mini App را باز کنید.
api-detail-too-many-logins = ورودهای ناموفق بیش از حد زیاد است؛ { $seconds } ثانیهٔ دیگر دوباره امتحان کنید.
api-detail-too-many-requests = درخواست‌ها بیش از حد زیاد است؛ { $seconds } ثانیهٔ دیگر دوباره امتحان کنید.
api-detail-wrong-password = نام کاربری یا رمز دستگاه نادرست است.
api-detail-session-ended = نشست منقضی شده یا پایان یافته است: برای پیوند تازه /app را برای ربات بفرستید.
api-detail-changes-expired = توکن تغییرات منقضی شده یا ناشناخته است؛ همه‌چیز را دوباره بدون `since` دریافت کنید.
api-detail-organizer-only = فقط برگزارکننده می‌تواند این رویداد را تغییر دهد؛ با POST /api/v1/events/{"{"}id{"}"}/rsvp به آن پاسخ دهید.
api-detail-decline-instead = این دعوت در تقویم شما نیست؛ با POST /api/v1/events/{"{"}id{"}"}/rsvp آن را رد کنید.
api-detail-blank-name = نام نمی‌تواند خالی باشد.
api-detail-control-characters = نام نمی‌تواند نویسه‌های کنترلی داشته باشد.
