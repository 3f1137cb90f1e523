## صفحه‌های عمومی رزرو (/book/<slug> و صفحهٔ مدیریت یک رزرو).

booking-page-title = رزرو وقت
booking-page-needs-js = این صفحه برای نمایش وقت‌های آزاد به JavaScript نیاز دارد.
booking-page-loading = در حال بارگذاری…
booking-page-time-zone = منطقهٔ زمانی
booking-page-your-booking = رزرو شما
booking-page-add-ics = افزودن به تقویم (فایل .ics)
booking-page-reschedule = تغییر زمان
booking-page-cancel = لغو رزرو
booking-page-cancel-reason = دلیل (اختیاری، برای برگزارکننده فرستاده می‌شود)
booking-page-cancel-confirm = بله، لغو شود
booking-page-cancel-keep = نگهش دار
booking-page-book-again = رزرو وقت تازه
booking-page-pick-time = یک وقت انتخاب کنید
booking-page-duration = مدت
booking-page-earlier-days = روزهای قبل
booking-page-later-days = روزهای بعد
booking-page-days = روزها
booking-page-your-details = مشخصات شما
booking-page-name = نام
booking-page-email = ایمیل
booking-page-optional = (اختیاری)
booking-page-book = رزرو
booking-page-booking = در حال رزرو…
booking-page-choose-another = انتخاب وقت دیگر
booking-page-move-heading = تغییر زمان رزرو
booking-page-move = تغییر بده
booking-page-booked-heading = رزرو شد
booking-page-download-ics = فایل .ics را بارگیری کنید
booking-page-download-ics-then = و آن را باز کنید تا رزرو به تقویمتان اضافه شود.
booking-page-keep-link = برای تغییر یا لغو آن در آینده، این پیوند را نگه دارید:

## زمان‌ها و مدت‌ها

booking-page-zone = { $when } ({ $zone })
booking-page-day-time = { $day }، { $time }
booking-page-time-range = { $from } تا { $to }
booking-page-minutes = { $minutes } دقیقه
booking-page-hours = { $hours } ساعت
booking-page-hours-minutes = { $hours } ساعت و { $minutes } دقیقه
booking-page-week = { $from } تا { $to }
booking-page-slot-label = از { $from } تا { $to }
booking-page-day-label = { $day }، { $count } وقت آزاد
booking-page-day-closed = { $day }، وقت آزادی نیست
booking-page-day-heading = { $day } · زمان‌ها به وقت { $zone }

## پیدا کردن وقت

booking-page-looking = در حال جست‌وجوی وقت‌های آزاد…
booking-page-week-empty = در این روزها وقت آزادی نیست. روزهای بعد را با › ببینید.
booking-page-pick-day = یک روز را انتخاب کنید تا وقت‌های آزادش را ببینید.
booking-page-nothing-free = در { $days } روز آینده وقت آزادی نیست. لطفاً بعداً دوباره سر بزنید.
booking-page-slot-taken = این وقت همین الان رزرو شد. لطفاً یکی دیگر از وقت‌های آزاد پایین را انتخاب کنید.
booking-page-new-time = زمان تازه: { $when }

## رزرو

booking-page-book-with = رزرو وقت با { $name }
booking-page-paused = { $name } در حال حاضر از راه این پیوند رزرو نمی‌پذیرد. لطفاً بعداً دوباره امتحان کنید.
booking-page-enter-name = لطفاً نامتان را وارد کنید.
booking-page-enter-email = لطفاً یک نشانی ایمیل مثل ann@example.org وارد کنید.
booking-page-answer = لطفاً پاسخ دهید: { $question }
booking-page-done-heading = رزرو شما انجام شد
booking-page-done = رزرو شد: { $when }. دعوت‌نامه در راه { $email } است.
booking-page-done-no-mail = رزرو شد: { $when }. این سرور ایمیل نمی‌فرستد، پس دعوت‌نامه‌ای به { $email } نمی‌رسد: خودتان رزرو را به تقویمتان اضافه کنید.

## مدیریت رزرو

booking-page-your-booking-with = رزرو شما با { $name }
booking-page-status-active = تأیید شده
booking-page-status-cancelled = لغو شده
booking-page-status-released = برگزارکننده لغو کرد
booking-page-booked-by = رزرو به نام { $name } ({ $email })
booking-page-link-paused = این پیوند در حال حاضر رزرو نمی‌پذیرد.
booking-page-cancelled = رزرو شما لغو شد. به برگزارکننده خبر داده شد.
booking-page-already-cancelled = این رزرو پیش‌تر لغو شده بود.
booking-page-moved = به { $when } منتقل شد. دعوت‌نامهٔ به‌روزشده در راه { $email } است.
booking-page-moved-no-mail = به { $when } منتقل شد. این سرور ایمیل نمی‌فرستد: زمان تازه را با فایل .ics پایین به تقویمتان اضافه کنید.

## وقتی مشکلی پیش می‌آید

booking-page-no-page = این صفحهٔ رزرو وجود ندارد
booking-page-no-page-text = پیوندی را که گرفته‌اید بررسی کنید، یا از کسی که آن را فرستاده پیوند تازه بخواهید.
booking-page-removed-meanwhile = این پیوند در حین رزرو شما حذف شد. چیزی رزرو نشد.
booking-page-no-booking = رزرو پیدا نشد
booking-page-no-booking-text = این پیوند به رزروی نمی‌رسد. بررسی کنید که آن را کامل کپی کرده باشید.
booking-page-not-found = صفحه پیدا نشد
booking-page-not-found-text = این نشانی به صفحهٔ رزروی نمی‌رسد.
booking-page-offline = دسترسی به سرور ممکن نشد. اتصالتان را بررسی کنید و دوباره امتحان کنید.
booking-page-too-many = درخواست‌های بیش از حد از شبکهٔ شما. یک دقیقه صبر کنید و دوباره امتحان کنید.
booking-page-server-said = سرور با { $status } پاسخ داد.

booking-event-summary = { $title }: { $visitor } و { $owner }
booking-event-booked-with = با پیوند رزرو Televent رزرو شد.
booking-file-manage = لغو یا تغییر زمان: { $url }
