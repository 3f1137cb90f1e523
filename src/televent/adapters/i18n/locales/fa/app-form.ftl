# مینی‌اپ: فرم رویداد، تکرار آن، این پرسش که تغییر برای کدام رویدادهای یک سری است، و کارت
# رویداد.

form-back = بازگشت
form-new = رویداد تازه
form-edit = ویرایش رویداد
form-edit-occurrence = ویرایش همین رویداد
form-edit-following = ویرایش این و بعدی‌ها
form-title-label = عنوان
form-calendar = تقویم
form-all-day = تمام روز
form-starts = شروع
form-ends = پایان
form-start-date = تاریخ شروع
form-start-time = ساعت شروع
form-end-date = تاریخ پایان
form-end-time = ساعت پایان
form-zone = زمان‌ها به وقت { $zone }
form-location = مکان
form-notes = یادداشت
form-save = ذخیره

form-error-title = برای رویداد عنوانی بنویسید.
form-error-start = تاریخ شروع را انتخاب کنید.
form-error-end-before = پایان پیش از شروع است.
form-error-end-after = پایان باید بعد از شروع باشد.
form-error-interval = فاصلهٔ تکرار باید از ۱ تا { $most } باشد.
form-error-count = تعداد دفعات را بنویسید: از ۱ تا { $most }.
form-error-until = تکرار باید در روز شروع یا بعد از آن تمام شود.

## تکرار
form-repeat = تکرار
form-repeat-never = تکرار نمی‌شود
form-repeat-daily = هر روز
form-repeat-weekly = هر هفته
form-repeat-monthly = هر ماه
form-repeat-yearly = هر سال
form-repeat-custom = قاعدهٔ سفارشی: { $rule }
form-every = هر
form-unit-days = { $interval ->
   *[other] روز
}
form-unit-weeks = { $interval ->
   *[other] هفته
}
form-unit-months = { $interval ->
   *[other] ماه
}
form-unit-years = { $interval ->
   *[other] سال
}
form-on-days = در این روزها
form-repeat-on = تکرار در
form-on-month-day = روز { $day } ماه
form-on-nth = { $when } ماه
form-yearly-on-date = { $date }
form-yearly-on-nth = { $when } { $month }
form-repeat-ends = پایان تکرار
form-ends-never = هرگز
form-ends-on = در تاریخ
form-until-label = آخرین روز تکرار
form-ends-after = پس از
form-count-label = تعداد دفعات
form-unit-times = { $count ->
   *[other] بار
}

## تغییر برای کدام رویدادها است
form-scope-edit = ویرایش این رویداد تکراری:
form-scope-move = جابه‌جایی این رویداد تکراری:
form-scope-delete = حذف این رویداد تکراری:
form-scope-occurrence = فقط همین رویداد
form-scope-following = این و بعدی‌ها
form-scope-series = همهٔ رویدادها

## کارت رویداد
card-status-accepted = پذیرفته
card-status-tentative = شاید
card-status-declined = رد شده
card-status-needs-action = بی‌پاسخ
card-status-delegated = واگذار شده
card-no-title = (بدون عنوان)
card-cancelled = برگزارکننده لغوش کرده
card-organizer = برگزارکننده: { $name }
card-view-only = فقط مشاهده: رویدادهای این تقویم را نمی‌توانید تغییر دهید.
card-your-answer = پاسخ شما
card-accept = می‌آیم
card-maybe = شاید
card-decline = نمی‌آیم
card-answer-sent = پاسخ فرستاده شد: { $status }
card-guests = مهمان‌ها
card-no-guests = هنوز مهمانی نیست
card-invite-label = دعوت با ‎@username‎ یا ایمیل
card-invite-placeholder = ‎@username‎ یا name@example.com
card-invite = دعوت
card-invited = { $who } دعوت شد
card-remove = حذف
card-remove-label = حذف { $name }
card-remove-question = { $name } از این رویداد حذف شود؟
card-edit = ویرایش
card-delete = حذف
