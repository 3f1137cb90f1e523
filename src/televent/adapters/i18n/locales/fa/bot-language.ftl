language-choose = زبانی را که با شما صحبت کنم انتخاب کنید. اکنون: { $language }.
language-auto = خودکار: مانند تلگرام شما ({ $language })
language-chosen = انجام شد: از این پس با شما به { $language } صحبت می‌کنم.
language-unknown = زبان «{ $code }» را نمی‌شناسم. زبان‌های من: { $choices }.
