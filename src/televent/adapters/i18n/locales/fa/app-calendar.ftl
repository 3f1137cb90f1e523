# The calendar screen: its toolbar, the views and the grid's own words (index.html,
# js/calendar.js, js/ui.js).
calendar-label = تقویم
calendar-previous = بازهٔ قبلی
calendar-next = بازهٔ بعدی
calendar-new-event = رویداد تازه
calendar-today = امروز
calendar-views = نما
calendar-view-month = ماه
calendar-view-week = هفته
calendar-view-3day = ۳ روز
calendar-view-day = روز
calendar-view-agenda = فهرست
calendar-no-title = (بدون عنوان)
calendar-nothing-planned = برنامه‌ای نیست
calendar-all-day = تمام روز
# Events a day of the month hides, behind a link.
calendar-more = { $count } مورد دیگر
calendar-all-day-when = { $days }، تمام روز
# Above the grid, when the server could not list everything in the period shown.
calendar-unreadable = { $count } رویداد را نمی‌توان نشان داد: داده‌هایشان خوانا نیست.
calendar-incomplete = رویدادی آن‌قدر زیاد تکرار می‌شود که همهٔ دفعه‌هایش در این نما نشان داده نمی‌شود؛ نمای کوتاه‌تر همه را نشان می‌دهد.
calendar-incomplete-day = رویدادی آن‌قدر زیاد تکرار می‌شود که همهٔ دفعه‌هایش نشان داده نمی‌شود: ۱۰۰۰ دفعهٔ نخست آن روز نشان داده می‌شود.
calendar-too-many = رویدادها بیش از گنجایش یک نما هستند: ۱۰٬۰۰۰ رویداد نخست نشان داده می‌شود؛ نمای کوتاه‌تر همه را نشان می‌دهد.
calendar-too-many-day = رویدادها بیش از گنجایش یک نما هستند: ۱۰٬۰۰۰ رویداد نخست این روز نشان داده می‌شود.
main-cancel = لغو
