## Ответы JSON API об ошибках: заголовки по статусу и пояснения, которые пишет сам API.

api-title-bad-request = Неверный запрос
api-title-unauthorized = Требуется вход
api-title-forbidden = Доступ запрещён
api-title-not-found = Не найдено
api-title-method-not-allowed = Метод не поддерживается
api-title-conflict = Конфликт
api-title-gone = Больше не доступно
api-title-precondition-failed = Условие не выполнено
api-title-too-large = Слишком большой запрос
api-title-unsupported-media-type = Неподдерживаемый тип данных
api-title-unprocessable = Запрос отклонён
api-title-too-many-requests = Слишком много запросов
api-title-server-error = Внутренняя ошибка сервера
api-title-unavailable = Сервис недоступен

api-detail-no-route = По этому адресу ничего нет.
api-detail-wrong-method = Этот адрес не принимает такой метод.
api-detail-wrong-method-allowed = Этот адрес не принимает такой метод (можно: { $allowed }).
api-detail-too-large = Тело запроса больше, чем принимает этот сервер.
api-detail-too-deep = Тело запроса вложено глубже, чем читает этот сервер.
api-detail-server-error = На сервере что-то пошло не так; ошибка записана в журнал.
api-detail-invalid = Запрос составлен неверно.
api-detail-invalid-field = { $source ->
    [query] Запрос составлен неверно: проверьте параметр запроса «{ $field }».
    [header] Запрос составлен неверно: проверьте заголовок «{ $field }».
    [cookie] Запрос составлен неверно: проверьте cookie «{ $field }».
    [path] Запрос составлен неверно: проверьте «{ $field }» в адресе.
   *[body] Запрос составлен неверно: проверьте поле «{ $field }» в теле запроса.
}
api-detail-missing-field = { $source ->
    [query] Запрос составлен неверно: нет параметра запроса «{ $field }».
    [header] Запрос составлен неверно: нет заголовка «{ $field }».
    [cookie] Запрос составлен неверно: нет cookie «{ $field }».
    [path] Запрос составлен неверно: в адресе нет «{ $field }».
   *[body] Запрос составлен неверно: в теле запроса нет поля «{ $field }».
}
api-detail-unknown-field = Запрос составлен неверно: в теле запроса есть поле «{ $field }», которое этот адрес не принимает.
api-detail-invalid-body = Запрос составлен неверно: тело запроса не той формы, которую принимает этот адрес.
api-detail-malformed-json = Тело запроса не является корректным JSON.
api-detail-not-json = Тело запроса должно быть в JSON (Content-Type: application/json).
api-detail-unknown-scheme = Неизвестная схема авторизации «{ $scheme }»: используйте tma или Basic.
api-detail-sign-in = Нужен вход: данные Telegram Mini App (Authorization: tma ...), пароль устройства (HTTP Basic) или ссылка для входа из команды /app в боте.
api-detail-mini-app-off = Вход из Telegram Mini App на этом сервере выключен (не задан TELEGRAM_BOT_TOKEN); используйте пароль устройства.
api-detail-not-registered = У вас ещё нет аккаунта Televent: сначала отправьте боту /start, потом снова откройте Mini App.
api-detail-too-many-logins = Слишком много неудачных входов; попробуйте снова через { $seconds } с.
api-detail-too-many-requests = Слишком много запросов; попробуйте снова через { $seconds } с.
api-detail-wrong-password = Неверное имя пользователя или пароль устройства.
api-detail-session-ended = Сеанс истёк или завершён: отправьте боту /app, чтобы получить новую ссылку.
api-detail-changes-expired = Токен изменений устарел или неизвестен; загрузите всё заново без `since`.
api-detail-organizer-only = Менять это событие может только организатор; ответить на приглашение можно через POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-decline-instead = Этого приглашения нет в вашем календаре; отклоните его через POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-blank-name = Имя не может быть пустым.
api-detail-control-characters = Имя не может содержать управляющие символы.
