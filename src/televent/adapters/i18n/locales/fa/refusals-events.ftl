# پاسخ‌های ردِ درخواست دربارهٔ دعوت‌شدگان و پاسخ‌هایشان و قاعده‌های تکرار
# (TeleventError.worded): در فیلد detail پاسخ‌های JSON API و در مینی‌اپ.

## دعوت‌شدگان و پاسخ‌ها

refusal-events-invitee-no-user = { $invitee } هنوز در Televent نیست: از او بخواهید /start را برای ربات بفرستد، یا با ایمیل دعوتش کنید.
refusal-events-invitee-not-started = کاربر تلگرام { $invitee } هنوز ربات را شروع نکرده است: از او بخواهید /start را برای ربات بفرستد، یا با ایمیل دعوتش کنید.
refusal-events-invitee-unreadable = «{ $invitee }» نه ‎@username‎ است، نه شناسهٔ تلگرام و نه نشانی ایمیل.
refusal-events-invitee-control-characters = نشانی دعوت‌شده نمی‌تواند نویسه‌های کنترلی داشته باشد.
refusal-events-attendees-no-user = { $invitee } هنوز در Televent نیست: از او بخواهید /start را برای ربات بفرستد، یا با ایمیل دعوتش کنید.
refusal-events-attendees-not-started = کاربر تلگرام { $invitee } هنوز ربات را شروع نکرده است: از او بخواهید /start را برای ربات بفرستد، یا با ایمیل دعوتش کنید.
refusal-events-attendees-unreadable = «{ $invitee }» نه ‎@username‎ است، نه شناسهٔ تلگرام و نه نشانی ایمیل.
refusal-events-attendees-control-characters = نشانی دعوت‌شده نمی‌تواند نویسه‌های کنترلی داشته باشد.
refusal-events-invitee-missing = بنویسید چه کسی را دعوت می‌کنید: ‎@username‎، شناسهٔ تلگرام یا نشانی ایمیل.
refusal-events-invitee-name = نام دعوت‌شده باید متن باشد.
refusal-events-invitee-yourself = این خود شما هستید: برگزارکنندهٔ این رویداد شمایید.
refusal-events-invitee-organizer = این شخص برگزارکنندهٔ این رویداد است.
refusal-events-attendees-list = دعوت‌شدگان باید فهرستی از حداکثر { $most } نفر باشند.
refusal-events-attendees-item = هر دعوت‌شده یک ‎@username‎، شناسهٔ تلگرام یا نشانی ایمیل است.
refusal-events-attendee-whom = بنویسید کدام شرکت‌کننده حذف شود.
refusal-events-attendee-unknown = { $address } شرکت‌کنندهٔ این رویداد نیست.
refusal-events-rsvp-status = با accepted، tentative یا declined پاسخ دهید.
refusal-events-rsvp-occurrence = یک تکرار را با recurrence_id آن مشخص کنید.

## قاعده‌های تکرار (RRULE) و تکرارهای یک سری

refusal-events-rule-too-often = «{ $rule }» بیش از ساعتی یک بار تکرار می‌شود؛ رویدادها حداکثر هر ساعت یک بار تکرار می‌شوند.
refusal-events-rule-interval = در «{ $rule }» فاصله (INTERVAL) باید عددی صحیح و دست‌کم 1 باشد.
refusal-events-rule-never-matches = «{ $rule }» تا صد سال پس از شروع هیچ تاریخی ندارد: بخش‌هایش هرگز با هم جور نمی‌شوند.
refusal-events-rule-setpos-seconds = «{ $rule }» قسمت BYSETPOS را با چند مقدار BYSECOND ترکیب می‌کند؛ Televent چنین قاعده‌ای را نگه نمی‌دارد.
refusal-events-rule-too-dense = «{ $rule }» در یک ساعت بیش از { $most } بار تکرار می‌شود؛ رویدادها بیش از این تکرار نمی‌شوند.
refusal-events-rule-unexpandable = تکرارهای این رویداد را نمی‌توان از قاعده و استثناهایش به دست آورد.
refusal-events-rule-whole-series = قاعدهٔ تکرار مال کل سری است؛ occurrence را حذف کنید.
refusal-events-no-series = این رویداد سری‌ای نیست که بتوان یک تکرار را از آن برداشت.
refusal-events-occurrence-form = { $kind ->
    [date] تکرارهای این سری با تاریخ (YYYY-MM-DD) مشخص می‌شوند.
   *[time] تکرارهای این سری با تاریخ و ساعت مشخص می‌شوند.
}

## فیلدهای یک رویداد (POST و PATCH /events، فرم رویداد در مینی‌اپ)

refusal-events-field-unknown = فیلد «{ $field }» وجود ندارد یا تغییرپذیر نیست.
refusal-events-field-true-or-false = فیلد «{ $field }» باید true یا false باشد.
refusal-events-field-null = فیلد «{ $field }» نمی‌تواند null باشد.
refusal-events-field-text = فیلد «{ $field }» باید متن باشد.
refusal-events-field-control-characters = فیلد «{ $field }» نویسهٔ کنترلی دارد (فقط تب و شکست خط مجاز است).
refusal-events-moment = «{ $given }» برای { $field ->
    [start] شروع
    [end] پایان
    [occurrence] تکرار
   *[other] «{ $field }»
} نه تاریخ (YYYY-MM-DD) است و نه تاریخ و ساعت به قالب RFC 3339.
refusal-events-moment-form = { $kind ->
    [date] { $field ->
        [start] شروع
       *[other] پایان
    } رویداد تمام روز یک تاریخ (YYYY-MM-DD) بدون ساعت است.
   *[time] { $field ->
        [start] شروع
       *[other] پایان
    } رویداد ساعت‌دار تاریخی همراه با ساعت است.
}
refusal-events-start-required = بنویسید رویداد کی شروع می‌شود.
refusal-events-start-for-time = وقتی به رویداد تمام روز ساعت می‌دهید، زمان شروعش را هم بنویسید.
refusal-events-not-an-event = این یک رویداد نیست.

## فهرست رویدادها (GET /events) و بازه‌های فهرست‌های دیگر (/bookings، وقت‌های آزاد صفحهٔ رزرو)

refusal-events-window-bound = { $field ->
    [start] بنویسید فهرست از کی باشد (start، به قالب RFC 3339، مثل 2026-03-02T00:00:00Z).
   *[other] بنویسید فهرست تا کی باشد (end، به قالب RFC 3339، مثل 2026-03-02T00:00:00Z).
}
refusal-events-window-backwards = پایان بازه باید بعد از شروع آن باشد.
refusal-events-window-too-long = هر بازه حداکثر { $days } روز است؛ بازهٔ بعدی را جداگانه بخواهید.
refusal-events-cursor-other-query = این cursor مال پرس‌وجوی دیگری است (start، end، calendar، q).
refusal-events-cursor-unknown = این cursor را این فهرست نداده است.
refusal-events-calendar-not-yours = این یکی از تقویم‌های شما نیست (شناسه یا slug آن را بنویسید).

## نوشتن رویداد از راه API (POST و PATCH /events)

refusal-events-no-calendar = تقویمی ندارید که رویداد را در آن بگذارید.
refusal-events-calendar-form = تقویم را با شناسه یا slug آن مشخص کنید.
refusal-events-calendar-move = اینجا نمی‌شود رویداد را به تقویم دیگری برد.
refusal-events-attendees-elsewhere = دعوت‌شدگان را با /api/v1/events/{"{"}id{"}"}/attendees تغییر دهید.
refusal-events-range-value = مقدار range یا thisandfuture است یا اصلاً نوشته نمی‌شود.
refusal-events-range-occurrence = همراه range، تکراری را هم که از آن شروع می‌شود بنویسید (?occurrence=).
refusal-events-data-unreadable = داده‌های iCalendar ذخیره‌شدهٔ این رویداد خوانده نمی‌شود: { $reason }

## یادآورهای خود رویداد (reminders در POST و PATCH /events)

refusal-events-reminders-list = فیلد «{ $field }» فهرستی از حداکثر { $most } یادآور است، یا null.
refusal-events-reminders-item = هر یادآور در «{ $field }» تعداد دقیقه‌های پیش از شروع است، یا یک TRIGGER به شکلی که نشان داده شده است.
refusal-events-reminder-too-far = یادآور در «{ $field }» حداکثر { $most } دقیقه با شروع فاصله دارد.
refusal-events-reminder-trigger = «{ $given }» در «{ $field }» یک TRIGGER مثل RELATED=END:-PT15M نیست.

invitee-no-user = هنوز در Televent نیست: از او بخواهید /start را برای ربات بفرستد، یا با ایمیل دعوتش کنید.
invitee-not-started = این کاربر تلگرام هنوز ربات را شروع نکرده است: از او بخواهید /start را برای ربات بفرستد، یا با ایمیل دعوتش کنید.
invitee-unreadable = نه ‎@username‎ است، نه شناسهٔ تلگرام و نه نشانی ایمیل.

refusal-data-end-before-start = پایانش (DTEND) پیش از آغازش (DTSTART) است.
refusal-data-too-many-attendees = بیش از { $most } شرکت‌کننده دارد.
refusal-data-no-uid = UID ندارد.
refusal-data-unparsable = متنش iCalendar نیست.
refusal-data-value = { $property } آن خوانا نیست.
refusal-data-line = یکی از سطرهایش خوانا نیست.
refusal-data-nul = نویسهٔ NUL دارد که در دادهٔ تقویم مجاز نیست.
refusal-data-too-long = { $property } آن از ۱۰۰ سالی که Televent نگه می‌دارد بلندتر است.
refusal-data-zone-rules = یکی از منطقه‌های زمانی‌اش قواعدی دارد که Televent نمی‌تواند با اطمینان بخواند.
refusal-data-two-series = بیش از یک بخش برای کل سری دارد (بدون RECURRENCE-ID).
refusal-data-instance-twice = دو بخش آن همان تکرار را تغییر می‌دهند (RECURRENCE-ID).
refusal-data-some-value = یکی از مقدارهایش خوانا نیست.
refusal-data-alarm-no-trigger = یکی از یادآورهایش (VALARM) TRIGGER ندارد.
refusal-data-wrong-kind = این تقویم { $kind ->
    [VEVENT] رویداد
    [VTODO] کار
   *[other] یادداشت
} نگه نمی‌دارد؛ تقویم دیگری انتخاب کن.
