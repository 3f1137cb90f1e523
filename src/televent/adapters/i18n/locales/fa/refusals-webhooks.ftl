# ردهای مربوط به وب‌هوک‌ها (TeleventError.worded): detail در JSON API و مینی‌اپ.

refusal-webhooks-not-found = وب‌هوک پیدا نشد.
refusal-webhooks-trigger = «{ $trigger }» یک رویداد محرک نیست. محرک‌ها این‌ها هستند: { $known }.
refusal-webhooks-no-trigger = دست‌کم یک محرک انتخاب کن: { $known }.
refusal-webhooks-url = نشانی یک وب‌هوک یک URL با حداکثر { $limit } نویسه است.
refusal-webhooks-too-many = حداکثر می‌توانی { $most } وب‌هوک داشته باشی.
refusal-webhooks-since = «since» باید موقعیتی بین { $low } و { $high } باشد.
