# ردهای مربوط به حساب‌های تقویم متصل در سرورهای دیگر (TeleventError.worded): جزئیات API جی‌سان، ربات و مینی‌اپ.

refusal-connections-not-a-server = این نشانی یک سرور تقویم نیست: نشانی اینترنتی آن، ایمیل خود یا دامنهٔ آن را بدهید.
refusal-connections-not-caldav = هیچ حساب تقویم CalDAV آنجا پاسخ نمی‌دهد. نشانی را بررسی کنید (صفحهٔ راهنمای ارائه‌دهندهٔ شما آن را می‌گوید).
refusal-connections-unauthorized = { $host } نام کاربری یا گذرواژه را نپذیرفت. بسیاری از ارائه‌دهندگان اینجا گذرواژهٔ برنامه می‌خواهند، نه گذرواژهٔ همیشگی شما.
refusal-connections-status = { $host } به یک درخواست تقویم پاسخ { $status } داد.
refusal-connections-too-large = این تقویم در { $host } بیش از آنچه Televent در یک همگام‌سازی می‌خواند دارد (بیش از { $count } رویداد یا { $megabytes } مگابایت).
refusal-connections-no-username = نام کاربری خود در آن سرور را بدهید (حداکثر { $most } نویسه).
refusal-connections-no-password = گذرواژهٔ آن حساب را بدهید (حداکثر { $most } نویسه)؛ بسیاری از سرویس‌ها برای این کار گذرواژهٔ برنامه می‌خواهند.
refusal-connections-kind = فقط حساب‌های CalDAV و Google را می‌توان وصل کرد.
refusal-connections-too-many = حداکثر { $most } حساب را می‌توانید وصل کنید.
refusal-connections-already = شما از قبل به این حساب وصل هستید.
refusal-connections-no-calendars = آن حساب هیچ تقویم رویدادی برای نمایش ندارد.
refusal-connections-not-found = اتصال پیدا نشد.
refusal-connections-calendar-taken = این تقویم از قبل تقویم دیگری را نشان می‌دهد.
refusal-connections-google-off = این سرور برای وصل کردن حساب‌های Google آماده نشده است.
refusal-connections-google-consent = حساب Google از صفحهٔ رضایت Google وصل می‌شود: نشانی آن را /api/v1/connections/google/start می‌دهد.
