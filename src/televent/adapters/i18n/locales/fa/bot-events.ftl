## رویدادها در ربات: زمان‌ها، پاسخ‌ها، کارت‌ها، اعلان‌ها و یادآوری‌ها، /create، /event،
## /invite، /rsvp و /cancel، و آنچه ربات وقتی تاریخی را نمی‌فهمد می‌گوید.

## زمان رویداد ($day، $first، $last: «دوشنبه 2 مارس»؛ $time، $start، $end: «16:00»)

bot-when-none = بدون تاریخ
bot-all-day = تمام روز
bot-when-all-day = { $day }، تمام روز
bot-when-all-days = { $first } تا { $last }، تمام روز
bot-day-and-time = { $day }، { $time }
bot-time-range = { $start } تا { $end }
bot-time-until-day = { $start } تا { $last }، { $end }
bot-quote = «{ $text }»

## پاسخ به دعوت‌ها

bot-answer =
    { $answer ->
        [accepted] ✅ پذیرفته
        [tentative] ❔ شاید
        [declined] ❌ رد شده
        [delegated] ↪️ واگذار شده
       *[other] ⏳ هنوز بی‌پاسخ
    }
bot-your-answer = پاسخ تو: { $answer }
bot-button-accept = ✅ می‌پذیرم
bot-button-tentative = ❔ شاید
bot-button-decline = ❌ نمی‌آیم
bot-button-accept-time = ✅ پذیرفتن زمان تازه
bot-button-keep-time = ❌ همان زمان بماند
bot-button-add-calendar = ✅ افزودن به تقویم‌هایم
bot-button-decline-calendar = ✖️ نه، ممنون
bot-button-invite = ➕ دعوت
bot-button-cancel-event = 🗑 لغو رویداد
bot-button-export = 📤 خروجی
bot-button-open = 📅 باز کردن
bot-button-open-calendar = 📅 باز کردن تقویم
bot-button-open-in-browser = 🌐 باز کردن در مرورگر
bot-button-cancel-yes = بله، لغوش کن
bot-button-keep-it = نه، بماند
bot-button-erase-yes = بله، داده‌هایم را پاک کن
bot-button-earlier = ◀️ قبلی
bot-button-later = بعدی ▶️
bot-button-save = ✅ ذخیره
bot-button-discard = ✖️ دور بینداز

## کارت رویداد (/event) و دعوت‌شدگان (/attendees)

bot-no-title = (بی‌عنوان)
bot-event-cancelled = ❌ لغو شد: { $title }
bot-event-organizer = 👤 برگزارکننده: { $name }
bot-event-invited = 👥 { $count } نفر دعوت شده‌اند:
bot-event-id = شناسه { $id }
bot-event-which = کدام رویداد؟ مثلاً { $command } — شناسه‌ها در /list هستند.
bot-event-ics-caption = بازش کن تا رویداد به تقویم دیگری اضافه شود.
bot-event-gone = آن رویداد دیگر وجود ندارد.
bot-event-not-an-id = «{ $text }» شناسهٔ رویداد نیست؛ شناسه‌ها شبیه a1b2c3 هستند (/list را ببین).
bot-event-not-found = رویداد { $id } در تقویمت نیست (شناسه‌ها در /list هستند).
bot-event-ambiguous = چند رویداد با { $id } شروع می‌شوند؛ بیشتر از شناسه را بنویس.
bot-attendees-none = هنوز کسی به <b>{ $title }</b> دعوت نشده. دعوت با { $command }
bot-attendees-head = <b>{ $title }</b> — { $count } نفر دعوت شده‌اند

## کارت‌های دعوت و اعلان‌ها (برای گیرنده، هنگام فرستادن)

bot-card-invitation = 📨 <b>دعوت</b>
bot-card-updated = 🔄 <b>دعوت تغییر کرد</b> — لطفاً جزئیات تازه را ببین
bot-card-from = 👤 از طرف { $name }
bot-notice-an-event = یک رویداد
bot-notice-an-attendee = یکی از مهمانان
bot-notice-a-new-time = زمانی تازه
bot-notice-rsvp =
    { $answer ->
        [accepted] { $who } دعوت <b>{ $title }</b> را پذیرفت
        [tentative] { $who } شاید به <b>{ $title }</b> بیاید
        [declined] { $who } دعوت <b>{ $title }</b> را رد کرد
        [needs-action] { $who } هنوز به <b>{ $title }</b> پاسخ نداده
        [delegated] { $who } <b>{ $title }</b> را به دیگری واگذار کرد
       *[other] { $who } به <b>{ $title }</b> پاسخ داد
    }
bot-notice-one-occurrence = { $text } (فقط یک نوبت)
bot-notice-cancelled = ❌ برگزارکننده <b>{ $title }</b> ({ $when }) را لغو کرد.
bot-notice-uninvited = ➖ تو از مهمانان <b>{ $title }</b> ({ $when }) حذف شدی.
bot-notice-write-back-changed = ⚠️ تغییر تو در <b>{ $title }</b> ({ $when }) به تقویم دیگرت نرسید: این رویداد آنجا هم تغییر کرده بود و حالا همان نسخه نشان داده می‌شود. اگر هنوز تغییرت را می‌خواهی، دوباره انجامش بده.
bot-notice-write-back-deleted = ⚠️ تغییر تو در <b>{ $title }</b> ({ $when }) به تقویم دیگرت نرسید: این رویداد آنجا حذف شده بود، پس اینجا هم حذف شد.
bot-notice-counter = 🕑 { $who } زمان تازه‌ای برای <b>{ $title }</b> پیشنهاد می‌دهد: { $proposed }
bot-notice-code-undelivered = ⚠️ ایمیل حاوی کدت به { $recipient } نرسید.
bot-notice-mail-undelivered =
    { $what ->
        [cancel] ⚠️ ایمیل لغو <b>{ $title }</b> به { $recipient } نرسید.
        [reply] ⚠️ ایمیل پاسخ به <b>{ $title }</b> به { $recipient } نرسید.
       *[other] ⚠️ ایمیل دعوت <b>{ $title }</b> به { $recipient } نرسید.
    }
bot-reminder-in = ⏰ <b>{ $title }</b> تا { $minutes } دقیقهٔ دیگر شروع می‌شود
bot-reminder-now = ⏰ <b>{ $title }</b> همین حالا شروع می‌شود
bot-reminder-soon = ⏰ <b>{ $title }</b> به‌زودی شروع می‌شود
bot-counter-accepted = ✅ <b>{ $title }</b> به زمان پیشنهادی رفت؛ به همه خبر داده می‌شود.
bot-counter-declined = 👌 <b>{ $title }</b> در همان زمان می‌ماند؛ به پیشنهاددهنده خبر داده می‌شود.

## /create (مثال باید به این زبان یک سطر /create خوانا باشد)

bot-create-example = /create جلسهٔ تیم، فردا 15:00، 1 ساعت، اتاق 4
bot-create-ask-title = 📝 نام رویداد چیست؟ (/cancel برای توقف)
bot-create-title-length = عنوان باید ۱ تا ۲۰۰ نویسه باشد. نام رویداد چیست؟
bot-create-ask-when = 🕒 کِی؟ مثلاً <i>فردا 15:00</i>، <i>جمعه 9:30</i>، <i>25.12</i> (تمام روز)
bot-create-when-again = کِی است؟
bot-create-ask-duration = ⏱ چقدر طول می‌کشد؟ مثلاً <i>1 ساعت</i>، <i>45 دقیقه</i>، <i>30</i> (دقیقه) — یا <i>رد</i> برای { $default }
bot-create-duration-again = چقدر طول می‌کشد؟
bot-create-ask-location = 📍 کجا؟ (یا <i>رد</i>)
bot-create-ask-description = 📝 یادداشتی برای توضیحات؟ (یا <i>رد</i>)
bot-create-skip-words = رد, نه, هیچ, بدون, -
bot-create-confirm = این رویداد ذخیره شود؟
bot-create-when-long = { $when } ({ $length })
bot-create-pending = روی کارت بالا ✅ ذخیره یا ✖️ دور بینداز را بزن (یا /cancel).
bot-create-discarded = دور انداخته شد
bot-create-expired = این کارت منقضی شده
bot-create-not-saved = ✖️ ذخیره نشد.
bot-create-saved-tap = ذخیره شد ✅
bot-create-saved =
    ✅ ذخیره شد!
    { $card }

    دعوت از دیگران: { $command }

## آنچه /create، /timezone و گفتگو وقتی چیزی را نمی‌فهمند می‌گویند (متن ساده)

bot-parse-no-date = لطفاً تاریخی بده، مثلاً «فردا 15:00» یا «جمعه 9:30».
bot-parse-bad-date = در { $text } تاریخی پیدا نکردم. «فردا 15:00» یا «جمعه 9:30» را امتحان کن.
bot-parse-too-far = { $text } یعنی { $date }، بیش از پنج سال بعد. اشتباه تایپی است؟
bot-parse-past = { $text } یعنی { $date }، که گذشته است.
bot-parse-bad-duration = در { $text } مدتی پیدا نکردم. «1 ساعت» یا «45 دقیقه» را امتحان کن.
bot-parse-duration-range = مدت باید بیشتر از صفر و حداکثر ۱۴ روز باشد، نه { $text }.
bot-parse-no-date-found = تاریخ را پیدا نکردم. با ویرگول جدا کن، مثلاً «{ $example }».
bot-parse-no-title = رویداد عنوان لازم دارد، مثلاً «{ $example }».
bot-parse-when-missing = { $title } کِی است؟ مثلاً «{ $example }».
bot-parse-title-too-long = این عنوان خیلی بلند است: لطفاً حداکثر { $most } نویسه.
bot-parse-all-day-length = بدون ساعت شروع، این رویدادی تمام‌روز است، پس مدتش باید چند روز کامل باشد («2 روز»). یا ساعتی اضافه کن، مثلاً «25.12 18:00».
bot-parse-zone-gone = منطقهٔ زمانی { $zone } را نمی‌شناسم؛ لطفاً دوباره تنظیمش کن.
bot-parse-zone-whole-hours = این‌جا فقط اختلاف ساعت‌های کامل کار می‌کند؛ به‌جای { $text } نام یک شهر را بنویس، مثلاً { $city }.
bot-parse-zone-nowhere = هیچ جای زمین در { $text } نیست. نام یک شهر را امتحان کن، مثلاً «تهران».
bot-parse-zone-did-you-mean = منظورت { $names } بود؟
bot-parse-zone-try-city = نام شهری مثل «تهران» را امتحان کن.
bot-parse-zone-unknown = منطقهٔ زمانی { $zone } را نمی‌شناسم. { $hint } نام‌هایی مثل «Asia/Tehran» و اختلاف‌هایی مثل «UTC+4» هم کار می‌کنند.

## /invite، /rsvp، /cancel

bot-invite-usage = چه کسی را به چه رویدادی دعوت کنم؟ مثلاً { $command }
bot-invite-how = { $command } را بفرست (یا شناسهٔ تلگرام یا نشانی ایمیل؛ چندتا با هم هم می‌شود).
bot-invite-not-organizer = فقط برگزارکننده می‌تواند دیگران را به این رویداد دعوت کند.
bot-invite-done = ✔️ { $invitee } دعوت شد
bot-invite-mailed = ✔️ { $invitee } دعوت شد (دعوت‌نامه با ایمیل در راه است)
bot-invite-failed = ✖️ { $invitee }: { $reason }
bot-invite-self = ✖️ { $invitee }: این خودت هستی.
bot-rsvp-usage = چه پاسخی، به چه رویدادی؟ مثلاً { $command } (accept: می‌پذیرم، tentative: شاید، decline: نمی‌آیم).
bot-rsvp-done = { $answer }: <b>{ $title }</b>. به برگزارکننده خبر داده شد.
bot-rsvp-not-invited = تو به این رویداد دعوت نشده‌ای، پس نمی‌توانی پاسخ بدهی.
bot-rsvp-words-accept = بله, آره, می‌آیم, میام
bot-rsvp-words-tentative = شاید
bot-rsvp-words-decline = نه, نمی‌آیم, نمیام
bot-cancel-not-yours = فقط رویدادهای خودت را می‌توانی لغو کنی؛ برای گفتن این‌که نمی‌آیی از { $command } استفاده کن.
bot-cancel-ask = <b>{ $title }</b> لغو شود؟ به همهٔ دعوت‌شدگان خبر داده می‌شود.
bot-cancel-ask-when = <b>{ $title }</b> ({ $when }) لغو شود؟ به همهٔ دعوت‌شدگان خبر داده می‌شود.
bot-cancel-done = ❌ <b>{ $title }</b> ({ $when }) لغو شد.
bot-cancel-tapped = لغو شد
bot-cancel-kept = 👍 همان‌طور که بود ماند.
bot-notice-webhook-paused = ⏸ وب‌هوک تو به { $url } متوقف شد: ارسال‌هایش یک روز پیاپی ناموفق بود (آخرین: { $reason }). وقتی گیرنده دوباره کار کرد، آن را در تنظیمات برنامه از سر بگیر. تغییرات این مدت تا ۳۰ روز منتظرش می‌مانند.
