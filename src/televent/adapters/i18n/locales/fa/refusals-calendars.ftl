# پاسخ‌های ردِ درخواست دربارهٔ تقویم‌ها، رویدادها، اشتراک‌گذاری، گروه‌ها، تنظیمات و حساب‌ها
# (TeleventError.worded): در ربات، در فیلد detail پاسخ‌های JSON API و در مینی‌اپ.

## تقویم‌ها و کسانی که با آن‌ها به اشتراک گذاشته شده‌اند

refusal-calendars-calendar-gone = تقویم پیدا نشد.
refusal-calendars-share-self = نمی‌توانید تقویمی را با خودتان به اشتراک بگذارید.
refusal-calendars-share-owner = این شخص مالک این تقویم است.
refusal-calendars-no-such-person = این شخص حساب Televent ندارد.
refusal-calendars-already-member = این شخص از قبل عضو است؛ به‌جای آن نقشش را تغییر دهید.
refusal-calendars-member-cap = { $most ->
   *[other] هر تقویم حداکثر با { $most } نفر به اشتراک گذاشته می‌شود.
}
refusal-calendars-already-accepted = این تقویم را قبلاً پذیرفته‌اید؛ اگر دیگر آن را نمی‌خواهید، از آن خارج شوید.
refusal-calendars-not-member = این شخص عضو این تقویم نیست.
refusal-calendars-owner-stays = مالک نمی‌تواند از تقویم خودش خارج شود؛ می‌تواند آن را حذف کند.
refusal-calendars-not-a-role = «{ $role }» نقش نیست: از read (مشاهده)، write (ویرایش) یا manage (مدیریت) استفاده کنید.
refusal-calendars-not-published = این تقویم منتشر نشده است.
refusal-calendars-role-forbids = { $what ->
    [share] نقش شما در این تقویم اجازهٔ اشتراک‌گذاری آن را نمی‌دهد.
    [roles] نقش شما در این تقویم اجازهٔ تغییر نقش اعضا را نمی‌دهد.
    [remove] نقش شما در این تقویم اجازهٔ حذف اعضا را نمی‌دهد.
    [subscription] نقش شما در این تقویم اجازهٔ تغییر اشتراک آن را نمی‌دهد.
   *[other] نقش شما در این تقویم اجازهٔ انتشار آن را نمی‌دهد.
}
refusal-calendars-read-only = این تقویم را فقط می‌توانید ببینید و نمی‌توانید رویدادهایش را تغییر دهید.
refusal-calendars-cannot-manage = نقش شما در این تقویم اجازهٔ مدیریت اعضای آن را نمی‌دهد.
refusal-calendars-owner-only = فقط مالک تقویم می‌تواند نام آن را برای همه تغییر دهد یا آن را حذف کند.
refusal-calendars-role-denied = نقش شما اجازهٔ این کار را نمی‌دهد.
refusal-calendars-changed-meanwhile = کس دیگری هم‌زمان این را تغییر داد؛ دوباره بارگذاری کنید و باز امتحان کنید.
refusal-calendars-property-unknown = تقویم ویژگی‌ای به نام «{ $property }» ندارد.
refusal-calendars-busy = اینکه تقویم وقت اشغال‌شده حساب شود یا نه (busy) با true یا false مشخص می‌شود.
refusal-calendars-client-properties = هر تقویم حداکثر { $most } ویژگی از برنامه‌های تقویم نگه می‌دارد.
refusal-calendars-client-property = ویژگی یک برنامهٔ تقویم حداکثر { $most } نویسه است و نامی به شکل {"{"}namespace{"}"}name دارد.

## نام، رنگ و وقت اشغال‌شدهٔ یک تقویم و کسانی که با آن‌ها به اشتراک گذاشته شده (PATCH /calendars/{id}، اعضای آن)

refusal-calendars-field-fixed = «{ $field }» اینجا تغییر نمی‌کند؛ name، color و busy را می‌شود تغییر داد.
refusal-calendars-name-blank = نام نمی‌تواند خالی باشد؛ یک نام یا null بنویسید.
refusal-calendars-name-control-characters = نام نویسهٔ کنترلی دارد.
refusal-calendars-name-long = نام حداکثر { $most } نویسه است.
refusal-calendars-name-kept = تقویم خودتان نام دارد: یک نام بنویسید، نه null.
refusal-calendars-color = رنگ مقداری مثل #1E88E5 است، یا null.
refusal-calendars-busy-value = busy یکی از true، false یا null است.
refusal-calendars-busy-own = busy فقط برای تقویم‌هایی است که با شما به اشتراک گذاشته شده؛ تقویم‌های خودتان همیشه وقت اشغال‌شده حساب می‌شوند.
refusal-calendars-member-not-started = این کاربر تلگرام هنوز ربات را شروع نکرده، پس تقویمی ندارد.
refusal-calendars-member-unknown = هیچ کاربر Televent به نام { $name } نیست؛ از او بخواهید اول ربات را باز کند.
refusal-calendars-member-form = یک شناسهٔ تلگرام یا ‎@username‎ بنویسید.
refusal-calendars-owner-role = نقش مالک تغییر نمی‌کند؛ تقویم مال اوست.

## رویدادها

refusal-calendars-event-gone = این رویداد دیگر وجود ندارد.
refusal-calendars-event-changed = این رویداد وقتی پیش شما باز بود جای دیگری تغییر کرد؛ آن را دوباره بارگذاری کنید و باز امتحان کنید.
refusal-calendars-kept-changing = رویداد هنگام ذخیره مدام تغییر می‌کرد؛ دوباره امتحان کنید.
refusal-calendars-event-cancelled = این رویداد لغو شده است.
refusal-calendars-not-attendee = این شخص شرکت‌کنندهٔ این رویداد نیست.
refusal-calendars-not-invited = شما به این رویداد دعوت نشده‌اید.
refusal-calendars-title-required = برای رویداد عنوانی بنویسید.
refusal-calendars-title-empty = عنوان رویداد نمی‌تواند خالی باشد.
refusal-calendars-too-long = { $field ->
    [title] عنوان
    [location] مکان
   *[other] توضیحات
} بیش از { $limit } نویسه است.
refusal-calendars-event-time-zone = { $field ->
    [timezone] «{ $zone }» منطقهٔ زمانی شناخته‌شده‌ای نیست؛ یک نام IANA مثل Asia/Tehran بنویسید.
   *[other] «{ $zone }» ({ $field }) منطقهٔ زمانی شناخته‌شده‌ای نیست؛ یک نام IANA مثل Asia/Tehran بنویسید.
}
refusal-calendars-end-before-start = پایان رویداد باید بعد از شروع آن باشد.
refusal-calendars-years = { $field ->
    [start] تاریخ شروع
    [end] تاریخ پایان
   *[other] تاریخ
} «{ $given }» بیرون از سال‌هایی است که Televent نگه می‌دارد: از { $first } تا { $last }.
refusal-calendars-recurrence = «{ $rule }» قاعدهٔ تکراری (RRULE) است که Televent نمی‌تواند بخواند.
refusal-calendars-recurrence-never = «{ $rule }» پیش از شروع رویداد یا بدون هیچ تکراری تمام می‌شود: رویداد هرگز نشان داده نمی‌شود.
refusal-calendars-not-repeating = این رویداد تکرار نمی‌شود.
refusal-calendars-no-occurrence = این رویداد در آن زمان تکراری ندارد.
refusal-calendars-series-unsplittable = این سری را نمی‌توان از آن‌جا جدا کرد؛ کل سری را تغییر دهید.

## پیشنهادهای زمان دیگر که برگزارکننده به آن‌ها پاسخ می‌دهد

refusal-calendars-proposal-unknown = چنین پیشنهادی شناخته نیست.
refusal-calendars-proposal-not-yours = این پیشنهاد برای هیچ‌یک از رویدادهای شما نیست.
refusal-calendars-proposal-answered = { $status ->
    [accepted] قبلاً به این پیشنهاد پاسخ داده‌اید (آن را پذیرفتید).
   *[other] قبلاً به این پیشنهاد پاسخ داده‌اید (آن را رد کردید).
}

## تقویم گروه‌ها

refusal-calendars-group-admins-only = فقط مدیران گروه می‌توانند تنظیمات تقویم آن را تغییر دهند.
refusal-calendars-group-view-only = تقویم این گروه فقط برای مشاهده است: فقط مدیران رویداد اضافه می‌کنند.
refusal-calendars-group-no-calendar = این گروه هنوز تقویمی ندارد: اول /calendar را بفرستید.
refusal-calendars-group-calendar-gone = تقویم این گروه دیگر وجود ندارد: برای باز کردن تقویم تازه /calendar را بفرستید.
refusal-calendars-group-event-elsewhere = این رویداد در تقویم این گروه نیست.

## تنظیمات و اعلان‌ها

refusal-calendars-time-zone = منطقهٔ زمانی «{ $zone }» ناشناخته است؛ یک نام IANA مثل Asia/Tehran بنویسید.
refusal-calendars-reminder-minutes = یادآوری بین ۰ تا { $most } دقیقه پیش از شروع می‌رسد.
refusal-calendars-agenda-time = برنامهٔ صبحگاهی در ساعتی به شکل HH:MM (۲۴ساعته)، مثل 07:30، می‌رسد یا خاموش است.
refusal-calendars-quiet-hours = ساعت‌های سکوت یک شروع و یک پایان به شکل HH:MM-HH:MM هستند، مثل 22:00-07:00، یا خاموش‌اند.
refusal-calendars-quiet-hours-equal = شروع و پایان ساعت‌های سکوت باید متفاوت باشند.
refusal-calendars-channels = یادآورها، برنامهٔ صبحگاهی و اعلان‌ها هر کدام با تلگرام، با ایمیل، با هر دو یا با هیچ‌کدام فرستاده می‌شوند.
refusal-calendars-channel-unknown = «{ $channel }» راهی نیست که Televent با آن پیام بفرستد: هر نوع پیام با تلگرام، با ایمیل، با هر دو یا با هیچ‌کدام فرستاده می‌شود.
refusal-calendars-language = Televent به زبان «{ $value }» صحبت نمی‌کند. یکی از این‌ها را انتخاب کنید: { $languages }، یا خودکار.

## حساب‌ها و دستگاه‌ها

refusal-calendars-no-account = هنوز حساب Televent ندارید: اول /start را برای ربات بفرستید.
refusal-calendars-login-no-account = اول /start را برای ربات بفرستید: هنوز حسابی برای ورود وجود ندارد.
refusal-calendars-device-name = نام دستگاه ۱ تا ۶۴ حرف، رقم، فاصله یا نویسه‌های . @ ' ( ) + - _ است.
refusal-calendars-device-exists = دستگاهی به نام «{ $name }» از قبل وجود دارد؛ اول آن را لغو کنید.
refusal-calendars-no-device = هیچ دستگاه فعالی به نام «{ $name }» نیست.
refusal-calendars-no-erasure = حذفی برای این حساب زمان‌بندی نشده است.
refusal-calendars-email-not-linked = { $address } به این حساب پیوند نخورده است.
