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
main-cancel = لغو
