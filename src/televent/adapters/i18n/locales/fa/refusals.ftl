# Refusals people meet in ordinary use, said by the application's errors (TeleventError.worded)
# wherever they surface: the bot, the JSON API and the Mini App.
refusal-not-an-address = { $address } نشانی ایمیل نیست.
refusal-address-ours = { $address } یکی از نشانی‌های خود Televent است، نه نشانی شما.
refusal-address-taken = { $address } به حساب دیگری پیوند خورده است.
refusal-address-yours = { $address } از قبل به حساب شما پیوند خورده است.
refusal-code-format = کد شش رقم است، مثل 123456.
refusal-code-wrong = کد نادرست است؛ { $left } بار دیگر می‌توانید امتحان کنید.
refusal-code-last-try = کد نادرست است و این آخرین فرصت بود: کد تازه‌ای بخواهید.
refusal-code-too-many = کدهای نادرست زیادی وارد شد: کد تازه‌ای بخواهید.
refusal-code-expired = این کد منقضی شده است (هر کد { $minutes } دقیقه اعتبار دارد): کد تازه‌ای بخواهید.
refusal-no-code = هیچ کدی منتظر شما نیست: ابتدا یکی بخواهید.
refusal-no-address = هیچ نشانی ایمیلی به حساب شما پیوند نخورده است.
refusal-codes-this-hour = { $minutes ->
   *[other] در یک ساعت گذشته { $count } کد خواستید؛ { $minutes } دقیقهٔ دیگر دوباره امتحان کنید.
}
refusal-codes-today = امروز برای این نشانی به اندازهٔ کافی کد خواسته شده است؛ فردا دوباره امتحان کنید.

# درخواست به نشانی‌هایی که کسی برگزیده است (یک فید، سرور تقویم دیگر): adapters/outbound.
refusal-outbound-not-a-url = { $url } نشانی وب نیست.
refusal-outbound-scheme = نشانی‌های { $scheme } اینجا پذیرفته نمی‌شوند؛ از { $allowed } استفاده کنید.
refusal-outbound-private = { $host } به نشانی یک شبکهٔ خصوصی یا محلی می‌رسد که Televent به آن وصل نمی‌شود.
refusal-outbound-redirects = { $host } بیش از اندازه تغییر مسیر می‌دهد (بیش از { $limit } بار)؛ Televent دیگر دنبال نکرد.
refusal-outbound-too-large = پاسخ { $host } بزرگ‌تر از { $megabytes } مگابایت است، بیشترین اندازه‌ای که Televent می‌خواند.
refusal-outbound-timeout = { $host } در { $seconds } ثانیه پاسخ نداد.
refusal-outbound-connect = Televent نتوانست به { $host } وصل شود.
