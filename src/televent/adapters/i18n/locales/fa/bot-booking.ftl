## ربات: /availability (چه زمانی می‌شود با شما وقت رزرو کرد)، /booking (پیوندهای رزرو) و
## پیام‌ها به مالک وقتی کسی رزرو، لغو یا جابه‌جا می‌کند.
## کلمات فرمان‌ها (mon-fri، off، weekly، default، new، list، pause…) همان‌طور می‌مانند.

## /availability ($days: «دوشنبه–جمعه»، $hours: «۹:۰۰–۱۷:۰۰»، با ساعت خواننده)

booking-bot-examples =
    <code>/availability mon-fri 09:00-12:00 13:00-17:00</code> — ساعت‌های هفتگی
    <code>/availability sat 10:00-14:00</code> — یک روز هفته
    <code>/availability sat off</code> — آن روز هفته رزرو ندارد
    <code>/availability 2026-12-24 off</code> — یک روز تعطیل
    <code>/availability 2026-12-27 10:00-14:00</code> — ساعت‌های دیگر در یک تاریخ
    <code>/availability 2026-12-24 weekly</code> — آن تاریخ دوباره طبق برنامهٔ هفتگی
    <code>/availability default</code> — بازگشت به { $days } { $hours }
booking-bot-hours-title = 🗓 <b>چه زمانی می‌شود با شما وقت رزرو کرد</b>
booking-bot-hours-default-title = 🗓 <b>چه زمانی می‌شود با شما وقت رزرو کرد</b> (پیش‌فرض: هنوز ساعت‌هایتان را تعیین نکرده‌اید)
booking-bot-zone = منطقهٔ زمانی: { $zone }
booking-bot-off = بدون رزرو
booking-bot-dates-title = <b>تاریخ‌هایی با ساعت‌های جداگانه</b>
booking-bot-change-them = <b>تغییر ساعت‌ها</b>
booking-bot-examples-title = <b>نمونه‌ها</b>
booking-bot-saved = ✅ ذخیره شد.
booking-bot-which-days = بگویید چه روزها و ساعت‌هایی.
booking-bot-not-a-date = { $text } تاریخ نیست (YYYY-MM-DD).
booking-bot-past = { $day } گذشته است.
booking-bot-days-backwards = { $text }: روز اول بعد از روز آخر است (mon-fri را امتحان کنید).
booking-bot-unknown-day = روز «{ $text }» را نمی‌شناسم. با یک روز هفته (mon، tue، …، mon-fri، weekend، دوشنبه، …) یا تاریخی مثل 2026-12-24 شروع کنید.
booking-bot-no-hours = ساعت‌ها را بعد از روز بنویسید، مثل <code>09:00-17:00</code> (چند بازه با فاصله از هم)، یا <code>off</code>.
booking-bot-not-a-range = «{ $text }» بازهٔ ساعت نیست؛ آن را این‌طور بنویسید: <code>09:00-17:00</code>.

## /booking ($length: «۳۰ دقیقه»؛ $state: active یا paused)

booking-bot-usage =
    🔗 با <b>پیوندهای رزرو</b> دیگران می‌توانند در یک صفحهٔ وب با شما وقت رزرو کنند، در ساعت‌های /availability و در فاصلهٔ رویدادهایی که در تقویم دارید.
    <code>/booking new intro 30 تماس آشنایی</code> — پیوندی ۳۰ دقیقه‌ای در /book/intro
    <code>/booking list</code> — پیوندهای شما، نشانی‌ها و رزروهای پیش رو
    <code>/booking pause intro</code> / <code>/booking resume intro</code> — توقف یا ازسرگیری پذیرش رزرو
    <code>/booking delete intro</code> — حذف پیوند (رزروهایش در تقویم شما می‌مانند)
    فاصله‌ها، حداقل زمان اطلاع، بازهٔ زمانی و پرسش‌ها: تنظیمات ← رزرو در برنامهٔ تقویم (/app).
booking-bot-new-usage = ⚠️ یک نام کوتاه برای نشانی، تعداد دقیقه‌ها و یک عنوان بدهید، مثل <code>/booking new intro 30 تماس آشنایی</code>.
booking-bot-created =
    🔗 <b>{ $title }</b> ({ $length }) آماده است. این نشانی را به اشتراک بگذارید:
    { $url }
    دیگران می‌توانند در ساعت‌های /availability و در فاصلهٔ رویدادهایتان رزرو کنند. <code>/booking pause { $slug }</code> آن را موقتاً متوقف می‌کند.
booking-bot-no-links = هنوز پیوند رزروی ندارید.
booking-bot-list-title = 🔗 <b>پیوندهای رزرو شما</b>
booking-bot-list-item =
    <b>{ $title }</b> — { $length }، { $state ->
        [active] فعال
       *[paused] ⏸ متوقف
    }، { $count ->
       *[other] { $count } رزرو پیش رو
    }
booking-bot-list-footer = /availability تعیین می‌کند چه زمانی می‌شود با شما وقت رزرو کرد.
booking-bot-resumed = ▶️ <b>{ $title }</b> دوباره رزرو می‌پذیرد: { $url }
booking-bot-paused = ⏸ <b>{ $title }</b> متوقف شد: صفحه‌اش تا <code>/booking resume { $slug }</code> وقت آزادی نشان نمی‌دهد.
booking-bot-delete-ask = 🗑 پیوند رزرو <b>{ $title }</b> ({ $url }) حذف شود؟ صفحه‌اش دیگر کار نمی‌کند؛ رزروهای انجام‌شده در تقویم شما می‌مانند.
booking-bot-delete-yes = بله، حذف شود
booking-bot-delete-no = نه، بماند
booking-bot-kept = ماند
booking-bot-link-stays = 👍 پیوند می‌ماند.
booking-bot-already-gone = این پیوند قبلاً حذف شده است.
booking-bot-deleted = حذف شد
booking-bot-deleted-text = 🗑 پیوند رزرو /book/{ $slug } حذف شد. رزروهای انجام‌شده در تقویم شما می‌مانند.
booking-bot-no-such-link = پیوند رزروی با نام «{ $slug }» ندارید. /booking list پیوندهای شما را نشان می‌دهد.
booking-bot-not-registered = هنوز ثبت‌نام نکرده‌اید: اول /start را بفرستید.

## پیام‌ها به مالک دربارهٔ رزروها ($when: «سه‌شنبه ۳ مارس، ۱۴:۰۰–۱۴:۳۰»)

booking-bot-someone = کسی
booking-bot-a-booking = یک رزرو
booking-bot-unknown-time = زمانی نامعلوم
booking-bot-booked = 📅 { $who } با شما وقت رزرو کرد: <b>{ $title }</b>، { $when }
booking-bot-booked-for = 📅 { $who } { $length } با شما وقت رزرو کرد: <b>{ $title }</b>، { $when }
booking-bot-cancelled = ❌ { $who } <b>{ $title }</b> را لغو کرد، { $when }. این وقت دوباره آزاد است.
booking-bot-cancelled-why = ❌ { $who } <b>{ $title }</b> را لغو کرد، { $when } ({ $reason }). این وقت دوباره آزاد است.
booking-bot-moved = 🔄 { $who } <b>{ $title }</b> را به { $when } منتقل کرد.
booking-bot-moved-from = 🔄 { $who } <b>{ $title }</b> را به { $when } منتقل کرد (قبلاً: { $was }).
