## ربات: تقویم‌های اشتراکی (/share، /calendars، /unshare، /leave)، کارت دعوت با
## [افزودن به تقویم‌های من] [رد کردن] و پیام پاسخ برای مالک.
## نقش‌ها با کلمات قابل فهم: $role یکی از read، write، manage یا owner است.

share-role =
    { $role ->
        [read] می‌تواند ببیند
        [write] می‌تواند ویرایش کند
        [manage] می‌تواند مدیریت کند
        [subscriber] مشترک
       *[owner] مالک
    }
share-someone = کسی

## نحوهٔ استفاده از فرمان‌ها

share-usage =
    <b>اشتراک‌گذاری تقویم</b>
    <code>/share family @anna</code> — آنا می‌تواند رویدادها را ببیند و ویرایش کند
    <code>/share family @anna read</code> — فقط می‌تواند آن‌ها را ببیند
    <code>/share family 123456789 manage</code> — با شناسهٔ تلگرام؛ او می‌تواند آن را با دیگران هم به اشتراک بگذارد
    اگر فقط تقویم پیش‌فرض را دارید، <code>/share @anna</code> کافی است. طرف مقابل کارتی می‌گیرد تا تقویم را اضافه یا رد کند. /calendars فهرست تقویم‌های شماست.
share-unshare-usage = توقف اشتراک تقویم با یک نفر: <code>/unshare family @anna</code>. /calendars family نشان می‌دهد چه کسانی به آن دسترسی دارند.
share-leave-usage = حذف تقویمی که کسی با شما به اشتراک گذاشته: <code>/leave family</code>. /calendars فهرست آن‌ها را نشان می‌دهد.

## پاسخ‌های رد (متن ساده، بدون قالب‌بندی)

share-not-registered = هنوز ثبت‌نام نکرده‌اید: اول /start را بفرستید.
share-self = این خود شما هستید: تقویم‌های شما از قبل مال خودتان است. با کس دیگری به اشتراک بگذارید.
share-owner-already = این شخص از قبل مالک این تقویم است.
share-invitation-gone = این دعوت دیگر معتبر نیست: یا پاسخ داده شده، یا پس گرفته شده، یا اصلاً برای شما نبوده است.
share-leave-own = این تقویم مال خود شماست، پس نمی‌توانید از آن خارج شوید. برای توقف اشتراک آن با کسی: /unshare <تقویم> @username.
share-not-a-role = «{ $word }» نقش نیست: از read (مشاهده)، write (ویرایش) یا manage (مدیریت) استفاده کنید.
share-not-a-person = «{ $word }» یک شخص نیست: @username یا شناسهٔ تلگرام او را بدهید.
share-not-started = { $word } هنوز ربات را شروع نکرده است. از او بخواهید ربات را باز کند و «شروع» را بزند، بعد دوباره به اشتراک بگذارید.
share-no-such-calendar = تقویمی با نام «{ $name }» ندارید. تقویم‌های شما: { $names }. /calendars فهرستشان را نشان می‌دهد.
share-which-calendar = کدام تقویم؟ شما { $count } تقویم دارید: { $names }. اول نام تقویم را بیاورید، مثلاً /share { $example } @username.
share-not-yours =
    «{ $name }» تقویم { $owner } است و شما { $role ->
        [read] فقط می‌توانید آن را ببینید
        [write] فقط می‌توانید آن را ویرایش کنید
       *[manage] می‌توانید آن را مدیریت کنید
    }: فقط مالک آن، یا کسی که می‌تواند مدیریتش کند، آن را به اشتراک می‌گذارد.
share-with-whom = «{ $name }» را با چه کسی به اشتراک بگذاریم؟ مثلاً /share { $example } @username [read|write|manage].
share-not-shared-with = { $name } به «{ $calendar }» دسترسی ندارد. /calendars { $example } نشان می‌دهد چه کسانی دارند.
share-not-member-of = هیچ‌کس تقویمی به نام «{ $name }» با شما به اشتراک نگذاشته است. /calendars تقویم‌های شما را نشان می‌دهد.
share-already-added = «{ $name }» را قبلاً اضافه کرده‌اید. برای حذفش: /leave { $example }.

## پاسخ به /share، /unshare، /leave ($role از قبل به کلمه است: «می‌تواند ویرایش کند»)

share-done-member = 👌 { $member } از قبل «{ $calendar }» را دارد — { $role }. چیزی تغییر نکرد.
share-done-role-changed = ✅ دسترسی { $member } به «{ $calendar }» تغییر کرد: { $role }.
share-done-pending = ⏳ { $member } از قبل به «{ $calendar }» دعوت شده ({ $role }) و هنوز پاسخ نداده است. کارت در گفت‌وگوی او منتظر است.
share-done-reinvited = 📨 دعوت { $member } به «{ $calendar }» حالا این است: { $role }. کارت تازه‌ای در راه است.
share-done-invited = 📨 { $member } به «{ $calendar }» دعوت شد — { $role }. او کارتی می‌گیرد تا تقویم را به تقویم‌هایش اضافه یا رد کند؛ تا وقتی اضافه نکند، چیزی به اشتراک گذاشته نمی‌شود.
share-unshared = ➖ { $member } دیگر به «{ $calendar }» دسترسی ندارد.
share-left = 👋 «{ $calendar }» دیگر در تقویم‌های شما نیست.

## کارت دعوت، پاسخ‌های آن و پیام برای مالک

share-card = 📅 <b>{ $inviter }</b> تقویم «{ $calendar }» را با شما به اشتراک می‌گذارد — { $role }
share-card-of = 📅 <b>{ $inviter }</b> تقویم «{ $calendar }» (تقویم { $owner }) را با شما به اشتراک می‌گذارد — { $role }
share-card-hint = آن را اضافه کنید تا رویدادهایش را اینجا، در برنامه و در برنامه‌های تقویم خود ببینید.
share-added = ✅ «{ $calendar }» (مال { $owner }) در تقویم‌های شماست — { $role }. /calendars فهرستشان را نشان می‌دهد.
share-declined = ➖ «{ $calendar }» از طرف { $inviter } را رد کردید.
share-tap-added = اضافه شد
share-tap-declined = رد شد
share-owner-accepted = ✅ { $member } «{ $calendar }» را به تقویم‌هایش اضافه کرد.
share-owner-declined = ➖ { $member } «{ $calendar }» را رد کرد.

## /calendars و /calendars <نام>

share-overview-title = 📅 <b>تقویم‌های شما</b>
share-overview-own =
    { $count ->
        [0] • <b>{ $name }</b> — مال شما
       *[other] • <b>{ $name }</b> — مال شما، به اشتراک‌گذاشته با { $count } نفر
    }
share-overview-shared-title = <b>به اشتراک گذاشته با شما</b>
share-overview-shared = • <b>{ $name }</b> — مال { $owner }، { $role }
share-overview-invited-title = <b>منتظر پاسخ شما</b>
share-overview-invited = • <b>{ $name }</b> — از طرف { $inviter }، { $role }
share-overview-hint = <code>/calendars family</code> نشان می‌دهد چه کسانی یک تقویم را دارند؛ <code>/share family @anna</code> آن را به اشتراک می‌گذارد.
share-member = • { $name } — { $role }
share-member-invited = • { $name } — { $role } (دعوت شده، هنوز بی‌پاسخ)
share-members-alone = هنوز کس دیگری ندارد: /share { $example } @username
