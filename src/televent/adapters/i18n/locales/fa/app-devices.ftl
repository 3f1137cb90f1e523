# گذرواژه‌های دستگاه در مینی‌اپ (js/devices.js).
devices-title = گذرواژه‌های دستگاه
devices-intro = برای همگام‌سازی با تقویم تلفن یا رایانه (CalDAV)، حسابی با این مشخصات اضافه کنید:
devices-server = سرور
devices-user = نام کاربری
devices-password = گذرواژه
devices-password-hint = یک گذرواژهٔ دستگاه از همین صفحه
devices-name = نام دستگاه
devices-name-placeholder = نام دستگاه، مثلاً iPhone
devices-add = افزودن
devices-never = هرگز
devices-used = افزوده در { $added }، آخرین استفاده { $used }
devices-revoke = لغو
devices-revoke-label = لغو { $name }
devices-revoke-question = گذرواژهٔ «{ $name }» لغو شود؟ آن دستگاه دیگر همگام نمی‌شود.
devices-revoked = { $name } لغو شد
devices-none = هنوز گذرواژهٔ دستگاهی نیست.
devices-new-password = گذرواژه برای { $name } (فقط همین حالا نمایش داده می‌شود، کپی کنید):
