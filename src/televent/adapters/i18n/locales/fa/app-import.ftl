# The Mini App: importing an .ics file into a calendar, on its people screen (docs/adr/0024).
app-import-title = وارد کردن رویدادها از فایل
app-import-hint = یک فایل .ics از برنامهٔ تقویم دیگر یا یک وب‌سایت: رویدادهایش به این تقویم افزوده می‌شوند. کسی دعوت یا باخبر نمی‌شود.
app-import-choose = انتخاب فایل (.ics)
app-import-working = در حال وارد کردن…
app-import-too-large = حجم فایل { $size } مگابایت است؛ هر بار حداکثر { $limit } مگابایت را می‌توان وارد کرد.
