## ربات در گروه تلگرام: تقویم گروه، کارت رویدادها با ✅ ❔ ❌ و شمارش پاسخ‌ها،
## [پیوستن به این تقویم] و تنظیمات مدیران. کارت‌ها به زبان مالک تقویم گروه‌اند؛ پاسخ به
## فرمان یا لمس، به زبان کسی که نوشته یا لمس کرده است.

group-button-going = ✅ می‌آیم
group-button-maybe = ❔ شاید
group-button-cant = ❌ نمی‌توانم
group-button-who = 👥 چه کسانی
group-button-join = 📅 پیوستن به این تقویم
group-button-open = 🗓 باز کردن تقویم

## کارت رویداد

group-tally = ✅ { $going } · ❔ { $maybe } · ❌ { $cant }
group-card-cancelled = <s>{ $title }</s> (لغو شد)
group-no-title = (بدون عنوان)
group-who-nobody = هنوز کسی پاسخ نداده است.
group-noted = { $icon } ثبت شد
group-someone = کسی
group-user = کاربر { $id }

## فرمان‌ها در گروه

group-help =
    📅 <b>تقویم این گروه</b>
    /create <i>چه، کی[، چقدر][، کجا]</i> — افزودن رویداد، مثلاً <code>/create ناهار تیمی, جمعه 13:00, 1h</code>
    /today، /tomorrow، /week، /list — برنامه‌ها
    /calendar — تقویم، [پیوستن به این تقویم] و تنظیمات آن
    برای پاسخ، روی ✅ ❔ ❌ زیر رویداد بزنید. برای بقیهٔ کارها در گفت‌وگوی خصوصی با من صحبت کنید.
group-create-usage = 📝 بگویید چه و کی، مثلاً <code>/create ناهار تیمی, جمعه 13:00, 1h, کافه مرکزی</code>
group-not-here = این کار در گفت‌وگوی خصوصی با من انجام می‌شود؛ در گروه فقط /create، /week و /calendar را انجام می‌دهم.
group-wrong-group = این دکمه مال گروه دیگری است.
group-stale = این دکمه دیگر اینجا کار نمی‌کند.
group-settings-usage = مدیران: <code>/calendar edit on|off</code> (اعضا بتوانند رویداد اضافه کنند) و <code>/calendar reminders on|off</code> (یادآوری پیش از رویدادها، در همین گروه).
group-listing-title =
    { $command ->
        [today] امروز
        [tomorrow] فردا
        [week] این هفته
       *[list] پیش رو
    }

## تقویم گروه ($edit: members یا admins؛ $reminders: on یا off)

group-opened =
    📅 این گروه حالا یک تقویم دارد: <b>{ $title }</b> (با مدیریت { $owner }).
    روی [پیوستن به این تقویم] بزنید تا آن را در تقویم‌ها، گوشی و برنامه‌های خود ببینید.
group-about = 📅 <b>{ $title }</b> — با مدیریت { $owner }، { $count } نفر پیوسته‌اند
group-about-settings =
    ⚙️ { $edit ->
        [members] اعضا رویداد اضافه می‌کنند
       *[admins] فقط مشاهده: مدیران رویداد اضافه می‌کنند
    }؛ یادآوری در اینجا { $reminders ->
        [on] روشن
       *[off] خاموش
    }
group-joined-owner = «{ $title }» مال شماست: در تقویم‌های شما هست.
group-joined = «{ $title }» حالا در تقویم‌های شماست — { $role }.
group-members-edit-on = ✅ اعضا می‌توانند رویداد اضافه کنند.
group-members-edit-off = ✅ فقط مشاهده: مدیران رویداد اضافه می‌کنند.
group-reminders-on = ✅ یادآوری‌ها اینجا فرستاده می‌شوند.
group-reminders-off = ✅ اینجا یادآوری فرستاده نمی‌شود.
group-welcome-back = 👋 دوباره برگشتم: <b>{ $title }</b> همان‌طور که بود اینجاست. /week برنامه‌ها را نشان می‌دهد.
group-welcome = 👋 سلام! /create رویدادی به تقویم این گروه اضافه می‌کند؛ /calendar آن را نشان می‌دهد.

## پاسخ‌های رد

group-gone = تقویم این گروه دیگر وجود ندارد: برای ساختن تقویم تازه /calendar را بفرستید.
group-no-calendar = این گروه هنوز تقویم ندارد: اول /calendar را بفرستید.
group-not-an-event = این یک رویداد نیست.
group-not-in-calendar = این رویداد در تقویم این گروه نیست.
