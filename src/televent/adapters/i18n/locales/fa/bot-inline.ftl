## حالت درون‌خطی ربات: کارت رویدادها و پیوندهای رزرو در هر گفت‌وگویی.
## هر کارت به زبان کسی است که آن را فرستاده؛ پاسخ به لمس، به زبان کسی که لمس کرده.

inline-button-accept = ✅ می‌آیم
inline-button-maybe = ❔ شاید
inline-button-decline = ❌ نمی‌آیم
inline-book-button = 📆 رزرو وقت
inline-no-title = (بدون عنوان)
# $when: «دوشنبه ۲ مارس، ۱۵:۰۰–۱۶:۰۰»؛ $zone: منطقهٔ زمانی برگزارکننده، «Europe/Berlin»
inline-when-in-zone = { $when } ({ $zone })
inline-cancelled = ❌ <b>لغو شد: { $title }</b>
inline-tap-to-answer = برای پاسخ بزنید: به فهرست مهمانان اضافه می‌شوید.
inline-deleted = 🗑 برگزارکننده این رویداد را حذف کرد.
# $length: «۳۰ دقیقه»
inline-link-card =
    📆 <b>{ $title }</b> · { $length }
    وقتی با { $owner } رزرو کنید.
inline-link-description = پیوند رزرو · { $length }
inline-not-registered = برای اشتراک رویدادهایتان Televent را شروع کنید
inline-nothing-yet = رویداد پیش رویی نیست: در ربات یکی بسازید
inline-answered =
    { $answer ->
        [ACCEPTED] ✅ می‌آیید
        [TENTATIVE] ❔ شاید
       *[DECLINED] ❌ نمی‌آیید
    }: { $title }
inline-invalid-button = این دکمه دیگر معتبر نیست.
inline-not-a-card = این دکمه روی کارتی نیست که برگزارکننده فرستاده باشد، پس چیزی را تغییر نمی‌دهد.
inline-gone = این رویداد دیگر وجود ندارد.
inline-was-cancelled = این رویداد لغو شده است.
inline-own-event = شما برگزارکنندهٔ این رویداد هستید: مهمانانتان اینجا پاسخ می‌دهند.
