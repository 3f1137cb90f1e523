# Відмови, пов'язані з вебхуками (TeleventError.worded): detail у JSON API та мінізастосунок.

refusal-webhooks-not-found = Вебхук не знайдено.
refusal-webhooks-trigger = «{ $trigger }» — не тригер. Тригери: { $known }.
refusal-webhooks-no-trigger = Виберіть принаймні один тригер: { $known }.
refusal-webhooks-url = Адреса вебхука — це URL не довший за { $limit } символів.
refusal-webhooks-too-many = Можна мати не більше { $most } вебхуків.
refusal-webhooks-since = «since» має бути позицією від { $low } до { $high }.
