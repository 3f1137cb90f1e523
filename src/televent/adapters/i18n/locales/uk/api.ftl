## Відповіді JSON API про помилки: заголовки за статусом і пояснення, які пише сам API.

api-title-bad-request = Неправильний запит
api-title-unauthorized = Потрібен вхід
api-title-forbidden = Доступ заборонено
api-title-not-found = Не знайдено
api-title-method-not-allowed = Метод не підтримується
api-title-conflict = Конфлікт
api-title-gone = Більше не доступно
api-title-precondition-failed = Умову не виконано
api-title-too-large = Завеликий запит
api-title-unsupported-media-type = Непідтримуваний тип даних
api-title-unprocessable = Запит відхилено
api-title-too-many-requests = Забагато запитів
api-title-server-error = Внутрішня помилка сервера
api-title-unavailable = Сервіс недоступний

api-detail-no-route = За цією адресою нічого немає.
api-detail-wrong-method = Ця адреса не приймає такий метод.
api-detail-wrong-method-allowed = Ця адреса не приймає такий метод (можна: { $allowed }).
api-detail-too-large = Тіло запиту більше, ніж приймає цей сервер.
api-detail-too-deep = Тіло запиту вкладене глибше, ніж читає цей сервер.
api-detail-server-error = На сервері щось пішло не так; помилку записано в журнал.
api-detail-invalid = Запит складено неправильно.
api-detail-invalid-field = { $source ->
    [query] Запит складено неправильно: перевірте параметр запиту «{ $field }».
    [header] Запит складено неправильно: перевірте заголовок «{ $field }».
    [cookie] Запит складено неправильно: перевірте cookie «{ $field }».
    [path] Запит складено неправильно: перевірте «{ $field }» в адресі.
   *[body] Запит складено неправильно: перевірте поле «{ $field }» у тілі запиту.
}
api-detail-missing-field = { $source ->
    [query] Запит складено неправильно: немає параметра запиту «{ $field }».
    [header] Запит складено неправильно: немає заголовка «{ $field }».
    [cookie] Запит складено неправильно: немає cookie «{ $field }».
    [path] Запит складено неправильно: в адресі немає «{ $field }».
   *[body] Запит складено неправильно: у тілі запиту немає поля «{ $field }».
}
api-detail-unknown-field = Запит складено неправильно: у тілі запиту є поле «{ $field }», якого ця адреса не приймає.
api-detail-invalid-body = Запит складено неправильно: тіло запиту не має тієї форми, яку приймає ця адреса.
api-detail-malformed-json = Тіло запиту не є коректним JSON.
api-detail-not-json = Тіло запиту має бути в JSON (Content-Type: application/json).
api-detail-unknown-scheme = Невідома схема авторизації «{ $scheme }»: використовуйте tma або Basic.
api-detail-sign-in = Потрібен вхід: дані Telegram Mini App (Authorization: tma ...), пароль пристрою (HTTP Basic) або посилання для входу з команди /app у боті.
api-detail-mini-app-off = Вхід із Telegram Mini App на цьому сервері вимкнено (не задано TELEGRAM_BOT_TOKEN); використовуйте пароль пристрою.
api-detail-not-registered = У вас ще немає акаунта Televent: спершу надішліть боту /start, потім знову відкрийте Mini App.
api-detail-too-many-logins = Забагато невдалих входів; спробуйте знову через { $seconds } с.
api-detail-too-many-requests = Забагато запитів; спробуйте знову через { $seconds } с.
api-detail-wrong-password = Неправильне ім’я користувача або пароль пристрою.
api-detail-session-ended = Сеанс закінчився або завершено: надішліть боту /app, щоб отримати нове посилання.
api-detail-changes-expired = Токен змін застарів або невідомий; завантажте все заново без `since`.
api-detail-organizer-only = Змінювати цю подію може лише організатор; відповісти на запрошення можна через POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-decline-instead = Цього запрошення немає у вашому календарі; відхиліть його через POST /api/v1/events/{"{"}id{"}"}/rsvp.
api-detail-blank-name = Ім’я не може бути порожнім.
api-detail-control-characters = Ім’я не може містити керівних символів.
