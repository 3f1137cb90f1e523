# The Mini App: a calendar published as a feed, on its people screen (docs/adr/0022).
feeds-title = اشتراک در برنامه‌های تقویم دیگر
feeds-hint = پیوندی محرمانه که Google Calendar، Outlook یا تقویم Apple می‌توانند مشترک آن شوند. هر کسی که پیوند را داشته باشد این تقویم را می‌بیند.
feeds-busy-only = فقط زمان‌های مشغول (بدون عنوان و جزئیات)
feeds-publish = انتشار به‌صورت پیوند
feeds-publish-again = پیوند تازه (پیوند قبلی دیگر کار نمی‌کند)
feeds-published = به‌صورت پیوند منتشر شده است.
feeds-published-busy = به‌صورت پیوند منتشر شده است، فقط زمان‌های مشغول.
feeds-not-published = منتشر نشده است.
feeds-link = پیوند
feeds-copy = رونوشت پیوند
feeds-copied = پیوند رونوشت شد
feeds-once = همین حالا رونوشت بگیرید: پیوند فقط همین یک بار نشان داده می‌شود.
feeds-stop = توقف انتشار
feeds-stop-question = انتشار «{ $name }» متوقف شود؟ برنامه‌هایی که مشترک این پیوند هستند دیگر آن را دریافت نمی‌کنند.
feeds-stopped = پیوند دیگر کار نمی‌کند.
