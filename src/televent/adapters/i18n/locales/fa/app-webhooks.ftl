# وب‌هوک‌ها در تنظیمات مینی‌اپ (js/webhooks.js، docs/adr/0029).
webhooks-title = وب‌هوک‌ها
webhooks-intro = Televent هر بار که چیزی که انتخاب کرده‌اید رخ دهد، پیامی امضاشده به نشانی شما می‌فرستد: برای خودکارسازی‌ها و سرورهای خودتان.
webhooks-none = هنوز وب‌هوکی نیست.
webhooks-active = فعال
webhooks-paused = متوقف
webhooks-stopped = متوقف‌شده توسط Televent
webhooks-paused-why = متوقف: تا وقتی ادامه‌اش ندهید چیزی فرستاده نمی‌شود؛ تغییرات این مدت تا ۳۰ روز منتظرش می‌مانند.
webhooks-stopped-why = Televent آن را متوقف کرد، چون پیامی تحویل داده نشد ({ $reason }). ادامه‌اش دهید تا پیام‌های در انتظار دوباره فرستاده شوند؛ تا ۳۰ روز منتظر می‌مانند.
webhooks-hears = محرک‌ها: { $triggers }
webhooks-waiting =
    { $count ->
        [0] پیامی در انتظار ارسال نیست
        [one] { $count } پیام در انتظار ارسال
       *[other] { $count } پیام در انتظار ارسال
    }
webhooks-pause = توقف
webhooks-resume = ادامه
webhooks-pause-label = توقف وب‌هوک به { $url }
webhooks-resume-label = ادامهٔ وب‌هوک به { $url }
webhooks-now-paused = وب‌هوک به { $url } متوقف شد
webhooks-resumed = وب‌هوک به { $url } دوباره فعال است
webhooks-test = ارسال آزمایشی
webhooks-test-label = ارسال پیام آزمایشی به { $url }
webhooks-testing = در حال ارسال پیام آزمایشی…
webhooks-test-delivered = پیام آزمایشی تحویل شد: پاسخ { $status } در { $ms } میلی‌ثانیه.
webhooks-test-refused = پیام آزمایشی تحویل نشد: پاسخ { $status } در { $ms } میلی‌ثانیه.
webhooks-test-failed = پیام آزمایشی تحویل نشد: { $error }
webhooks-deliveries = تحویل‌ها
webhooks-deliveries-label = تحویل‌های اخیر به { $url }
webhooks-deliveries-title = تحویل‌های اخیر
webhooks-deliveries-loading = در حال بارگذاری…
webhooks-no-deliveries = هنوز چیزی فرستاده نشده.
webhooks-delivery-status = HTTP { $status }
webhooks-delivery-error = ناموفق: { $error }
webhooks-delivery-took = { $ms } میلی‌ثانیه
webhooks-delivery-attempt = تلاش { $attempt }
webhooks-remove = حذف
webhooks-remove-label = حذف وب‌هوک به { $url }
webhooks-remove-question = وب‌هوک به { $url } حذف شود؟ دیگر چیزی دریافت نمی‌کند و پیام‌هایی که هنوز فرستاده نشده‌اند کنار گذاشته می‌شوند.
webhooks-removed = وب‌هوک به { $url } حذف شد
webhooks-new = وب‌هوک تازه
webhooks-url = نشانی (https://…)
webhooks-triggers = ارسال پیام هنگام
webhooks-add = افزودن وب‌هوک
webhooks-added = وب‌هوک افزوده شد: { $url }
webhooks-secret-for = کلید امضای وب‌هوک به { $url }:
webhooks-secret-once = همین حالا کپی کنید: فقط همین یک بار نمایش داده می‌شود. گیرندهٔ شما با آن بررسی می‌کند که هر پیام از Televent آمده است.
webhooks-secret-copy = کپی کلید
webhooks-secret-copied = کلید کپی شد
webhooks-secret-copy-prompt = کلید را کپی کنید:
webhooks-trigger-event-created = ساخت رویداد
webhooks-trigger-event-updated = تغییر رویداد
webhooks-trigger-event-cancelled = لغو رویداد
webhooks-trigger-event-deleted = حذف رویداد
webhooks-trigger-rsvp-changed = پاسخ به دعوت
webhooks-trigger-booking-created = ثبت رزرو
webhooks-trigger-booking-rescheduled = جابه‌جایی زمان رزرو
webhooks-trigger-booking-cancelled = لغو رزرو
webhooks-type-test = پیام آزمایشی
