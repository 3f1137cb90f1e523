# Importing a calendar file (the bot, the API; docs/adr/0024).
import-result = واردشده: { $imported }. به‌روزشده: { $updated }. از قبل موجود: { $unchanged }. ردشده: { $skipped }.
import-skipped = «{ $summary }» رد شد: { $reason }
import-skipped-more = …و { $count } مورد دیگر رد شد.
import-left-kind = از نوع مواردی نیست که این تقویم نگه می‌دارد
import-left-mixed = UID آن به دو نوع مورد اشاره می‌کند
import-left-repeated = UID آن بعداً دوباره در فایل آمده است
import-left-invalid = داده‌های آن خوانا نیست ({ $detail })
import-left-name = رویداد دیگری همین نام را دارد
refusal-import-too-large = حجم فایل { $size } مگابایت است؛ هر بار حداکثر { $limit } مگابایت را می‌توان وارد کرد.
refusal-import-too-many = فایل { $count } رویداد دارد؛ هر بار حداکثر { $limit } رویداد را می‌توان وارد کرد.
refusal-import-not-ics = این فایل تقویم (.ics) نیست.
refusal-import-nothing = چیزی از این فایل قابل وارد کردن نیست. { import-skipped }
refusal-import-empty = این فایل رویدادی ندارد.
api-detail-not-calendar = بدنهٔ درخواست باید فایل iCalendar باشد (Content-Type: text/calendar).
bot-import-done = 📥 در «{ $calendar }» وارد شد. کسی دعوت یا باخبر نشد.
bot-import-not-ics = یک فایل تقویم (.ics) بفرستید تا رویدادهایش را به تقویم شما وارد کنم.
