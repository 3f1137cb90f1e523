# Отказы, связанные с подключёнными календарными аккаунтами на других серверах (TeleventError.worded): detail в JSON API, бот и мини-приложение.

refusal-connections-not-a-server = Это не адрес календарного сервера: укажите его URL, ваш адрес электронной почты или его домен.
refusal-connections-not-caldav = По этому адресу не отвечает ни один календарный аккаунт CalDAV. Проверьте адрес (его называет страница помощи вашего провайдера).
refusal-connections-unauthorized = { $host } не принял имя пользователя или пароль. Многим провайдерам здесь нужен пароль приложения, а не ваш обычный.
refusal-connections-status = { $host } ответил { $status } на запрос календаря.
refusal-connections-too-large = Этот календарь на { $host } содержит больше, чем Televent читает за одну синхронизацию (больше { $count } событий или { $megabytes } МБ).
refusal-connections-no-username = Укажите имя пользователя на этом сервере (не более { $most } символов).
refusal-connections-no-password = Укажите пароль этой учётной записи (не более { $most } символов); многие сервисы требуют для этого пароль приложения.
refusal-connections-kind = Подключать можно только учётные записи CalDAV и Google.
refusal-connections-too-many = Можно подключить не более { $most } учётных записей.
refusal-connections-already = Эта учётная запись уже подключена.
refusal-connections-no-calendars = В этой учётной записи нет календаря событий, который можно показать.
refusal-connections-not-found = Подключение не найдено.
refusal-connections-calendar-taken = Этот календарь уже показывает другой.
refusal-connections-google-off = Этот сервер не настроен для подключения учётных записей Google.
refusal-connections-google-consent = Учётная запись Google подключается через страницу согласия Google: её адрес даёт /api/v1/connections/google/start.
