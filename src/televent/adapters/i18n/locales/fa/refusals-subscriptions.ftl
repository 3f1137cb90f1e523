# ردهای مربوط به فیدهای مشترک‌شده (TeleventError.worded): در بات، فیلد detail در API و مینی‌اپ.

refusal-subscriptions-not-a-url = این نشانی فید تقویم نیست: با webcal:// یا https:// شروع می‌شود.
refusal-subscriptions-url-too-long = نشانی فید حداکثر { $most } نویسه دارد.
refusal-subscriptions-too-many = حداکثر می‌توانید مشترک { $most } فید باشید.
refusal-subscriptions-already = شما از قبل مشترک این فید هستید.
refusal-subscriptions-not-subscribed = این تقویم مشترک هیچ فیدی نیست.
refusal-subscriptions-read-only = این تقویم یک فید را نشان می‌دهد: رویدادهایش فقط با تغییر فید تغییر می‌کنند.
refusal-subscriptions-share-read-only = این تقویم یک فید را نشان می‌دهد: فقط برای دیدن می‌توان آن را هم‌رسانی کرد.
refusal-subscriptions-unknown-option = «{ $option }» از گزینه‌های اشتراک نیست.
refusal-subscriptions-not-a-switch = { $option } باید true یا false باشد.
refusal-subscriptions-empty-name = نام تقویم نمی‌تواند خالی باشد.
