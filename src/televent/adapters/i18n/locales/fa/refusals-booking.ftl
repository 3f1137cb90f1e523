# رد درخواست‌ها دربارهٔ ساعت‌های قابل رزرو، پیوندهای رزرو و رزروها (TeleventError.worded): صاحب
# پیوند آن‌ها را در تنظیمات مینی‌اپ، /availability و /booking می‌بیند؛ رزروکننده در صفحهٔ رزرو
# (/book/<slug>) و پیوند مدیریت رزروش.

## ساعت‌های هفتگی و تاریخ‌هایی با ساعت‌های جداگانه

# روزی که حرفش است: $day یک روز هفته («mon» … «sun») یا یک تاریخ است.
refusal-booking-on = { $day ->
    [mon] دوشنبه
    [tue] سه‌شنبه
    [wed] چهارشنبه
    [thu] پنجشنبه
    [fri] جمعه
    [sat] شنبه
    [sun] یکشنبه
   *[other] { $day }
}
# $start و $end ساعت‌هایی‌اند که وارد شده‌اند (HH:MM).
refusal-booking-range-backwards = { refusal-booking-on }: بازهٔ { $start }-{ $end } پیش از آغازش تمام می‌شود.
# $first و $second بازه‌هایی مثل 09:00-13:30 هستند.
refusal-booking-ranges-overlap = { refusal-booking-on }: بازه‌های { $first } و { $second } با هم هم‌پوشانی دارند.
refusal-booking-too-many-ranges = { refusal-booking-on }: حداکثر { $count } بازه در روز.
# $text چیزی است که به‌جای ساعت داده شده؛ $latest برای آغاز 23:59 و برای پایان 24:00 است.
refusal-booking-not-a-time = { refusal-booking-on }: { $text } ساعتی از روز به شکل HH:MM نیست (از 00:00 تا { $latest }).
refusal-booking-too-many-dates = حداکثر { $count } تاریخ می‌توانند ساعت‌های جداگانه داشته باشند.
refusal-booking-date-twice = تاریخ { $date } دو بار ساعت‌های جداگانه دارد.
refusal-booking-not-a-zone = { $zone } منطقهٔ زمانی نیست؛ نامی از IANA مثل Europe/Berlin به کار ببرید.
refusal-booking-window = وقت‌های آزاد را هر بار برای حداکثر { $count } روز بخواهید.

## پیوندهای رزرو (صاحب پیوند)

refusal-booking-link-needs = پیوند رزرو به یک نشانی (slug) و یک عنوان نیاز دارد.
refusal-booking-calendar = تقویمی که رزروها در آن ثبت می‌شوند باید یکی از تقویم‌های تو باشد (تقویم حساب متصل هم) که بتوانی در آن رویداد اضافه کنی.
refusal-booking-slug-shape = نشانی (slug) از 3 تا 40 حرف کوچک لاتین، رقم و خط تیره (نه در دو سر) ساخته می‌شود، مثلاً intro-call.
refusal-booking-slug-reserved = نشانی (slug) { $slug } برای خود سامانه کنار گذاشته شده است؛ نشانی دیگری انتخاب کنید.
refusal-booking-slug-taken = نشانی /book/{ $slug } گرفته شده است؛ نشانی دیگری انتخاب کنید.
refusal-booking-slug-just-taken = نشانی /book/{ $slug } همین الان گرفته شد؛ نشانی دیگری انتخاب کنید.
refusal-booking-slug-yours = شما از قبل پیوند /{ $slug } را دارید.
refusal-booking-slug-fixed = نشانی (slug) پیوند را نمی‌توان تغییر داد؛ به‌جایش پیوند تازه‌ای بسازید.
refusal-booking-no-link = پیوند رزروی با نشانی /{ $slug } وجود ندارد.
refusal-booking-too-many-links = حداکثر { $count } پیوند رزرو می‌توانید داشته باشید.
refusal-booking-title-empty = پیوند رزرو به یک عنوان نیاز دارد.
refusal-booking-title-long = عنوان حداکثر { $count } نویسه است.
# $field نام تنظیم در API است (در پرانتز هم می‌آید)، $low و $high حدهای آن.
refusal-booking-number = { $field ->
    [duration_minutes] هر جلسه از { $low } تا { $high } دقیقه طول می‌کشد (duration_minutes).
    [step_minutes] فاصلهٔ زمان‌های شروع از { $low } تا { $high } دقیقه است (step_minutes).
    [buffer_before_minutes] فاصلهٔ پیش از جلسه از { $low } تا { $high } دقیقه است (buffer_before_minutes).
    [buffer_after_minutes] فاصلهٔ پس از جلسه از { $low } تا { $high } دقیقه است (buffer_after_minutes).
    [min_notice_minutes] حداقل فاصله تا رزرو از { $low } تا { $high } دقیقه است (min_notice_minutes).
    [horizon_days] رزرو را می‌توان از { $low } تا { $high } روز جلوتر گرفت (horizon_days).
    [max_per_day] حداکثر رزرو در روز عددی از { $low } تا { $high } است (max_per_day).
   *[other] { $field } عددی صحیح از { $low } تا { $high } است.
}
refusal-booking-durations = هر پیوند حداکثر { $count } مدت دیگر پیشنهاد می‌دهد.
# $field یکی از description یا location است.
refusal-booking-text-long = { $field ->
    [description] توضیحات حداکثر { $count } نویسه است.
    [location] مکان حداکثر { $count } نویسه است.
   *[other] { $field } حداکثر { $count } نویسه است.
}
refusal-booking-too-many-questions = هر پیوند حداکثر { $count } پرسش می‌پرسد.
# $number جای پرسش در فهرست است (1 برای نخستین).
refusal-booking-question-unlabelled = پرسش { $number } به متن نیاز دارد.
refusal-booking-question-label-long = متن پرسش { $number } حداکثر { $count } نویسه است.

## رزرو وقت (رزروکننده)

refusal-booking-paused = این پیوند رزرو متوقف است؛ اکنون رزرو نمی‌پذیرد.
# $choices دقیقه‌هایی است که پیوند پیشنهاد می‌دهد («30, 60»).
refusal-booking-duration = این پیوند برای { $choices } دقیقه رزرو می‌گیرد، نه { $minutes } دقیقه.
refusal-booking-slot-gone = این وقت دیگر در دسترس نیست؛ وقت دیگری انتخاب کنید.
refusal-booking-slot-not-free = این وقت در دسترس نیست؛ وقت دیگری انتخاب کنید.
refusal-booking-slot-just-taken = این وقت را همین الان کس دیگری رزرو کرد.
refusal-booking-day-full = آن روز پر شده است.
refusal-booking-past = این وقت گذشته است؛ وقت دیگری انتخاب کنید.
refusal-booking-too-soon-minutes = این وقت خیلی نزدیک است: این پیوند رزرو را دست‌کم { $count } دقیقه پیش از زمان جلسه می‌پذیرد.
refusal-booking-too-soon-hours = این وقت خیلی نزدیک است: این پیوند رزرو را دست‌کم { $count } ساعت پیش از زمان جلسه می‌پذیرد.
refusal-booking-too-soon-days = این وقت خیلی نزدیک است: این پیوند رزرو را دست‌کم { $count } روز پیش از زمان جلسه می‌پذیرد.
refusal-booking-too-far = این وقت خیلی دور است: این پیوند رزرو را حداکثر تا { $count } روز جلوتر می‌پذیرد.
refusal-booking-name = نام شما لازم است (حداکثر { $count } نویسه).
refusal-booking-email = یک نشانی ایمیل معتبر لازم است: دعوت‌نامه به آن فرستاده می‌شود.
refusal-booking-own-address = نشانی ایمیل خودتان را بدهید: دعوت‌نامه به آن فرستاده می‌شود.
# $question پرسشی است که پاسخی برایش آمده؛ $asked پرسش‌های این صفحه.
refusal-booking-no-question = { $count ->
    [0] این صفحهٔ رزرو پرسشی به نام «{ $question }» ندارد (هیچ پرسشی نمی‌پرسد).
   *[other] این صفحهٔ رزرو پرسشی به نام «{ $question }» ندارد (پرسش‌هایش: { $asked }).
}
refusal-booking-answer-missing = لطفاً پاسخ دهید: { $question }
refusal-booking-answer-long = پاسخ به «{ $question }» بیش از حد بلند است (حداکثر { $count } نویسه).
# $name نام کسی است که با او وقت رزرو می‌شود.
refusal-booking-no-calendar = { $name } تقویمی ندارد که بتوان در آن رزرو کرد.

## یک رزرو، از راه پیوند مدیریتش (رزروکننده)

refusal-booking-not-valid = این پیوند رزرو معتبر نیست.
refusal-booking-cancelled-already = این رزرو پیش‌تر لغو شده بود.
refusal-booking-begun = این رزرو شروع شده است؛ دیگر نمی‌توان آن را تغییر داد.
refusal-booking-link-gone = پیوند رزروی که این رزرو از راه آن انجام شد دیگر وجود ندارد.
refusal-booking-event-gone = رویداد این رزرو دیگر وجود ندارد؛ به‌جایش دوباره رزرو کنید.
refusal-booking-calendar-closed = این رزرو دیگر اینجا تغییر نمی‌کند: تقویمی که رزرو در آن است دیگر به روی پیوند رزرو باز نیست. به‌جایش به برگزارکننده پیام دهید.

## آنچه یک درخواست می‌فرستد: درخواست صفحهٔ رزرو (رزروکننده)، /availability، /bookings و پیوندهای رزرو (صاحب پیوند)

refusal-booking-body-too-deep = بدنهٔ درخواست بیش از حد تودرتو است.
refusal-booking-control-characters = متن‌ها نمی‌توانند نویسهٔ کنترلی داشته باشند.
refusal-booking-body-object = { $what ->
    [booking] رزرو به شکل یک شیء JSON فرستاده می‌شود.
    [cancellation] لغو به شکل یک شیء JSON فرستاده می‌شود.
    [new-time] زمان تازه به شکل یک شیء JSON فرستاده می‌شود.
   *[other] بدنهٔ درخواست یک شیء JSON است.
}
refusal-booking-body-field = { $what ->
    [booking] فیلد «{ $field }» وجود ندارد؛ فیلدهای رزرو: { $known }.
    [cancellation] فیلد «{ $field }» وجود ندارد؛ فیلدهای لغو: { $known }.
    [new-time] فیلد «{ $field }» وجود ندارد؛ فیلدهای زمان تازه: { $known }.
   *[other] فیلد «{ $field }» وجود ندارد؛ فیلدهای درخواست: { $known }.
}
refusal-booking-zone-form = «{ $field }» نام یک منطقهٔ زمانی IANA مثل Europe/Berlin است.
refusal-booking-moment-form = { $field ->
    [start] شروع
   *[other] پایان
} یک تاریخ (YYYY-MM-DD) یا تاریخ و ساعتی به قالب RFC 3339 است.
refusal-booking-duration-param = مدت (duration) عدد درستی از دقیقه‌هاست، یکی از آن‌هایی که پیوند پیشنهاد می‌دهد.
refusal-booking-field-required = { $field ->
    [name] نام شما لازم است.
    [email] نشانی ایمیل شما لازم است.
    [start] زمان شروع را بنویسید.
   *[other] فیلد «{ $field }» لازم است.
}
refusal-booking-field-text = فیلد «{ $field }» باید متن باشد.
refusal-booking-field-long = فیلد «{ $field }» حداکثر { $most } نویسه است.
refusal-booking-start-form = شروع تاریخ و ساعتی به قالب RFC 3339 است.
refusal-booking-start-date = شروع یک تاریخ همراه با ساعت است (شروع وقت انتخاب‌شده)، نه فقط یک تاریخ.
refusal-booking-duration-minutes = مدت (duration_minutes) عدد درستی از دقیقه‌هاست که پیوند پیشنهاد می‌دهد.
refusal-booking-answers-form = پاسخ‌ها (answers) یک شیء مثل {"{"}"q1": "..."{"}"} هستند.
refusal-booking-answer-text = هر پاسخ متنی با حداکثر { $most } نویسه است.
refusal-booking-no-page = در این نشانی صفحهٔ رزروی نیست.
refusal-booking-link-slug = slug نشانی (slug) یکی از پیوندهای شماست.
