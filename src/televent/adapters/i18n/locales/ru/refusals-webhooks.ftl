# Отказы, связанные с вебхуками (TeleventError.worded): detail в JSON API и мини-приложение.

refusal-webhooks-not-found = Вебхук не найден.
refusal-webhooks-trigger = «{ $trigger }» — не триггер. Триггеры: { $known }.
refusal-webhooks-no-trigger = Выберите хотя бы один триггер: { $known }.
refusal-webhooks-url = Адрес вебхука — это URL не длиннее { $limit } символов.
refusal-webhooks-too-many = Можно иметь не больше { $most } вебхуков.
refusal-webhooks-since = «since» должно быть позицией от { $low } до { $high }.
