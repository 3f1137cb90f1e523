## ربات در گفتگوی خصوصی: /start، /help، منطقهٔ زمانی، فهرست‌ها، دستگاه‌ها، خروجی، حذف حساب،
## /app، منوی فرمان‌ها و پاسخ به چیزهایی که ربات نفهمید.

## /start و /help (/فرمان‌ها ترجمه نمی‌شوند: همین‌ها را تایپ می‌کنند)

bot-welcome =
    👋 سلام { $name }! من تقویمت را همین‌جا در تلگرام نگه می‌دارم.
    • با /create در یک خط رویداد بساز: <code>/create جلسهٔ تیم، فردا 15:00، 1 ساعت</code>
    • آدم‌ها را دعوت کن و با یک ضربه به دعوت‌ها جواب بده.
    • همگام‌سازی با Apple Calendar، Thunderbird یا DAVx5: /device add laptop
bot-help =
    <b>فرمان‌های Televent</b>
    /create <i>عنوان، زمان[، مدت][، مکان]</i> — مثلاً <code>/create دندان‌پزشکی، جمعه 9:30، 45 دقیقه</code>
    /today، /tomorrow، /week — برنامه‌ها؛ /list — همهٔ رویدادهای پیش رو
    /app — برنامهٔ تقویم (نمای ماه، هفته و روز) و پیوند ورود برای مرورگر
    /event <i>شناسه</i> — جزئیات، با دکمه‌های دعوت، لغو یا خروجی گرفتن
    /invite <i>شناسه</i> <i>@username | شناسهٔ تلگرام | ایمیل …</i> — دعوت از دیگران
    /attendees <i>شناسه</i> — چه کسی پذیرفت، رد کرد یا هنوز جواب نداده
    /rsvp <i>accept | tentative | decline</i> <i>شناسه</i> — پاسخ به دعوت
    /cancel <i>شناسه</i> — لغو رویداد خودت (بدون شناسه: خروج از گفتگو)
    /calendars — تقویم‌ها و دعوت‌هایت؛ /calendars <i>نام</i> — چه کسانی آن را دارند
    /share <i>تقویم @username</i> [read | write | manage] — مثلاً <code>/share family @anna</code>
    /unshare <i>تقویم @username</i> — قطع اشتراک؛ /leave <i>تقویم</i> — ترک تقویم مشترک
    /timezone <i>شهر یا منطقه</i> — مثلاً <code>/timezone تهران</code>
    /language — زبانی که با تو حرف می‌زنم
    /reminder <i>دقیقه</i> — چند دقیقه پیش از رویداد یادآوری کنم (0: هرگز)
    /agenda <i>HH:MM</i> | off — رویدادهای روزت هر صبح در این ساعت محلی
    /quiet <i>HH:MM-HH:MM</i> | off — ساعت‌های سکوت: پیام‌ها تا پایانش صبر می‌کنند
    /settings — اعلان‌ها: یادآوری، دعوت‌ها، پاسخ‌ها، ساعت سکوت، برنامهٔ صبح، قالب ساعت
    /email — نشانی دعوتت؛ /email <i>you@example.com</i> ایمیلت را وصل می‌کند (کدی می‌فرستیم)
    /availability <i>روزها ساعت‌ها</i> — کِی می‌توانند با تو وقت بگیرند: <code>/availability mon-fri 9-17</code>
    /booking new <i>slug دقیقه عنوان</i> | list | pause | resume | delete — پیوندهای رزرو
    /device add <i>نام</i> | list | revoke <i>نام</i> — گذرواژه برای برنامه‌های CalDAV
    /export — تقویمت در قالب پروندهٔ .ics
    📥 یک فایل .ics بفرستید تا رویدادهایش وارد شوند (در توضیح فایل می‌توانید نام تقویم را بنویسید)
    🔗 /subscribe <i>پیوند webcal:// یا https://</i> — تقویمی که یک فید را دنبال می‌کند (تعطیلات، مدرسه، کار)؛ /subscriptions — اشتراک‌های شما
    🔄 /google — وصل کردن تقویم Google شما، در هر دو سو
    /deleteaccount — پاک کردن داده‌هایت (پس از ۳۰ روز، قابل لغو)
    شناسه‌ها کدهای کوتاه فهرست‌ها هستند، مثل <code>a1b2c3</code>.

## منطقهٔ زمانی و یادآوری‌ها

bot-zone-ask = 🌍 منطقهٔ زمانی تو <b>{ $zone }</b> است. منطقهٔ خودت را بزن یا نام یک شهر (مثلاً <i>تهران</i>، <i>مشهد</i>) یا منطقه را بنویس:
bot-zone-set = ✅ منطقهٔ زمانی: <b>{ $zone }</b>. این را امتحان کن: <code>/create ناهار، فردا 13:00</code> یا /help.
bot-zone-tapped = منطقهٔ زمانی: { $zone }
bot-reminder-current =
    { $minutes ->
        [0] یادآوری‌ها خاموش‌اند. با <code>/reminder 15</code> روشنشان کن (چند دقیقه پیش از رویداد).
       *[other] { $minutes } دقیقه پیش از رویدادها یادآوری می‌کنم. با <code>/reminder 30</code> عوضش کن (0 خاموشش می‌کند).
    }
bot-reminder-set =
    { $minutes ->
        [0] یادآوری‌ها خاموش شدند.
       *[other] ⏰ { $minutes } دقیقه پیش از شروع یادآوری می‌کنم.
    }

## فهرست‌ها: /today، /tomorrow، /week، /list

bot-list-today = امروز
bot-list-tomorrow = فردا
bot-list-week = این هفته
bot-list-coming-up = پیش رو ({ $days } روز آینده)
bot-list-page = { $title } — { $first } تا { $last } از { $total }
bot-list-empty = برنامه‌ای نیست. با /create چیزی اضافه کن.
bot-list-more = … و { $count } مورد دیگر. /list همه را صفحه به صفحه نشان می‌دهد.
bot-more = … و { $count } مورد دیگر.
bot-list-cancelled = <s>{ $title }</s> (لغو شد)
bot-list-people = 👥 { $accepted }/{ $invited }
bot-left-out-shown = ⚠️ { $count } رویداد نمایش داده نشد: داده‌های تقویمش خوانا نیست.
bot-left-out-exported = ⚠️ { $count } رویداد در خروجی نیامد: داده‌های تقویمش خوانا نیست.

## دستگاه‌ها (گذرواژه‌های CalDAV)

bot-device-usage =
    هر دستگاه گذرواژهٔ CalDAV خودش را دارد:
    <code>/device add laptop</code> — گذرواژهٔ تازه (فقط یک بار نشان داده می‌شود)
    <code>/device list</code> — دستگاه‌هایت
    <code>/device revoke laptop</code> — توقف همگام‌سازی یک دستگاه
bot-device-none = هنوز دستگاهی نیست.
bot-device-added =
    🔑 گذرواژه برای <b>{ $name }</b> (فقط همین یک بار نشان داده می‌شود):
    { $password }

    در Apple Calendar، Thunderbird یا DAVx5 یک حساب CalDAV اضافه کن:
    • سرور: { $server }
    • نام کاربری: { $user }
    • گذرواژه: همین که بالاست
    هر وقت خواستی با { $revoke } باطلش کن.
bot-device-list = <b>دستگاه‌های تو</b>
bot-device-line = • { $name } — از { $since }
bot-device-line-used = • { $name } — از { $since }، آخرین همگام‌سازی { $used }
bot-device-revoked = 🚫 { $name } دیگر نمی‌تواند همگام‌سازی کند.

## /export و /deleteaccount

bot-export-caption = 📤 تقویم تو. آن را در هر برنامهٔ تقویمی باز کن تا وارد شود.
bot-erase-ask = ⚠️ حسابت پاک شود؟ تقویم، دستگاه‌ها و پاسخ‌هایت پس از مهلتی ۳۰ روزه پاک می‌شوند؛ تا آن موقع می‌توانی با /keepaccount منصرف شوی.
bot-erase-already = داده‌هایت از قبل برای پاک شدن در { $day } برنامه‌ریزی شده‌اند. برای لغو، /keepaccount را بفرست.
bot-erase-scheduled = 🗑 داده‌هایت در <b>{ $day }</b> پاک می‌شوند. منصرف شدی؟ پیش از آن /keepaccount را بفرست.
bot-erase-scheduled-tapped = برنامه‌ریزی شد
bot-erase-kept = 👍 چیزی پاک نمی‌شود.
bot-erase-nothing = پاک کردنی برنامه‌ریزی نشده. 👍
bot-erase-cancelled = ✅ پاک کردن لغو شد؛ حسابت می‌ماند.

## /app: برنامهٔ تقویم و پیوند ورود برای مرورگر

bot-app-not-served = 📅 برنامهٔ تقویم روی این سرور در دسترس نیست. /help نشان می‌دهد این‌جا چه کارهایی می‌کنم.
bot-app-link-rules = این پیوند یک بار کار می‌کند و پس از { $lifetime } منقضی می‌شود؛ با آن وارد حسابت می‌شوی، پس به کسی نده.
calendar-default-name = تقویم
bot-menu-button = تقویم
bot-app-open = 📅 تقویم تو: نمای ماه، هفته، روز و فهرست. <b>باز کردن تقویم</b> را بزن.
bot-app-browser = 🌐 پشت رایانه‌ای؟ <b>باز کردن در مرورگر</b> تو را آن‌جا وارد می‌کند. { $rules }
bot-app-needs-https = 📅 این‌جا برنامهٔ تقویم داخل تلگرام باز نمی‌شود. تلگرام برنامه‌ها را فقط از نشانی HTTPS باز می‌کند: برای این کار، گردانندهٔ سرور <code>TELEVENT_PUBLIC_URL</code> را روی نشانی <code>https://</code> سرور می‌گذارد.
bot-app-no-links = پیوندهای مرورگر هم روی این سرور فعال نیستند.
bot-app-browser-link = 🌐 با این پیوند در مرورگر بازش کن. { $rules }

## منوی فرمان‌ها (تلگرام کنار هر /فرمان نشانش می‌دهد؛ حداکثر ۲۵۶ نویسه)

bot-cmd-today = برنامهٔ امروز
bot-cmd-tomorrow = برنامهٔ فردا
bot-cmd-week = هفت روز آینده
bot-cmd-list = همهٔ رویدادهای پیش رو
bot-cmd-app = برنامهٔ تقویم: نمای ماه، هفته و روز
bot-cmd-create = رویداد تازه: /create جلسهٔ تیم، فردا 15:00، 1 ساعت
bot-cmd-event = جزئیات رویداد: /event a1b2c3
bot-cmd-invite = دعوت از دیگران: /invite a1b2c3 @anna
bot-cmd-attendees = چه کسی می‌آید: /attendees a1b2c3
bot-cmd-rsvp = پاسخ: /rsvp accept a1b2c3
bot-cmd-cancel = لغو رویداد یا خروج از گفتگو
bot-cmd-calendars = تقویم‌هایت، تقویم‌های مشترک با تو، دعوت‌ها
bot-cmd-share = اشتراک تقویم: /share family @anna [read|write|manage]
bot-cmd-subscribe = دنبال کردن فید تقویم: /subscribe webcal://…
bot-cmd-google = وصل کردن تقویم Google شما
bot-cmd-calendar = در گروه: تقویم گروه، [پیوستن به این تقویم]
bot-cmd-timezone = منطقهٔ زمانی تو
bot-cmd-language = زبان گفتگو: /language fa
bot-cmd-reminder = چند دقیقه پیش از رویداد یادآوری شود
bot-cmd-agenda = برنامهٔ روزت هر صبح: /agenda 07:30 یا off
bot-cmd-settings = اعلان‌ها: یادآوری‌ها، دعوت‌ها، ساعت‌های سکوت
bot-cmd-email = نشانی دعوتت؛ وصل کردن ایمیل: /email you@example.com
bot-cmd-availability = کِی می‌توانند با تو وقت بگیرند: /availability mon-fri 09:00-17:00
bot-cmd-booking = پیوندهای رزرو: /booking new intro 30 گفتگوی آشنایی
bot-cmd-device = گذرواژه‌های CalDAV: add، list، revoke
bot-cmd-export = تقویمت در قالب پروندهٔ .ics
bot-cmd-deleteaccount = پاک کردن داده‌هایت (پس از ۳۰ روز)
bot-cmd-help = همهٔ فرمان‌ها با مثال

## چیزهایی که ربات نفهمید، و پاسخ‌های کوتاه به ضربه‌ها

bot-fallback-command = 🤔 فرمان /{ $command } را نمی‌شناسم. /help نشان می‌دهد چه کارهایی می‌کنم.
bot-fallback-command-close = 🤔 فرمان /{ $command } را نمی‌شناسم. منظورت /{ $close } بود؟ /help نشان می‌دهد چه کارهایی می‌کنم.
bot-fallback-not-text = فقط پیام‌های متنی را می‌خوانم. /help نشان می‌دهد چه کارهایی می‌کنم.
bot-fallback-text =
    🤔 مطمئن نیستم منظورت چیست. برای افزودن رویداد این را امتحان کن:
    { $example }
    یا /help برای همهٔ کارهایی که می‌کنم.
bot-stale-button = این دکمه دیگر معتبر نیست.
bot-dialogue-left = باشه، لغو شد. 👍
bot-dialogue-none = چیزی برای لغو نیست. /help فهرست فرمان‌هاست.
bot-not-registered = هنوز ثبت‌نام نکرده‌ای: اول /start را بفرست.
bot-saved-tapped = ذخیره شد
bot-kept-tapped = ماند
bot-done-tapped = انجام شد
bot-someone = کسی
