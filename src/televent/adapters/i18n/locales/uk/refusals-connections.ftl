# Відмови щодо підключених календарних облікових записів на інших серверах (TeleventError.worded): detail у JSON API, бот і міні-застосунок.

refusal-connections-not-a-server = Це не адреса календарного сервера: вкажіть його URL, вашу електронну адресу або його домен.
refusal-connections-not-caldav = За цією адресою не відповідає жоден календарний обліковий запис CalDAV. Перевірте адресу (її називає сторінка довідки вашого провайдера).
refusal-connections-unauthorized = { $host } не прийняв ім'я користувача або пароль. Багатьом провайдерам тут потрібен пароль застосунку, а не ваш звичайний.
refusal-connections-status = { $host } відповів { $status } на запит календаря.
refusal-connections-too-large = Цей календар на { $host } містить більше, ніж Televent читає за одну синхронізацію (понад { $count } подій або { $megabytes } МБ).
refusal-connections-no-username = Вкажіть ім'я користувача на цьому сервері (не більше { $most } символів).
refusal-connections-no-password = Вкажіть пароль цього облікового запису (не більше { $most } символів); багато сервісів вимагають для цього пароль застосунку.
refusal-connections-kind = Підключати можна лише облікові записи CalDAV і Google.
refusal-connections-too-many = Можна підключити не більше { $most } облікових записів.
refusal-connections-already = Цей обліковий запис уже підключено.
refusal-connections-no-calendars = У цьому обліковому записі немає календаря подій, який можна показати.
refusal-connections-not-found = Підключення не знайдено.
refusal-connections-calendar-taken = Цей календар уже показує інший.
refusal-connections-google-off = Цей сервер не налаштовано для підключення облікових записів Google.
refusal-connections-google-consent = Обліковий запис Google підключається через сторінку згоди Google: її адресу дає /api/v1/connections/google/start.
