google-consent-title = وصل کردن تقویم Google
google-consent-connected = حساب Google شما { $email } وصل شد. تقویم‌های آن تا یک دقیقهٔ دیگر در Televent دیده می‌شوند؛ می‌توانید این صفحه را ببندید.
google-consent-refused = شما به Televent اجازهٔ استفاده از تقویم Google خود را ندادید، پس چیزی وصل نشد.
google-consent-expired = این پیوند منقضی شده یا قبلاً استفاده شده است. از Televent دوباره شروع کنید.
google-consent-failed = Google اتصال را کامل نکرد. چند دقیقهٔ دیگر دوباره امتحان کنید.
