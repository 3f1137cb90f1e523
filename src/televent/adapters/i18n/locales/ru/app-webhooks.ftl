# Вебхуки в настройках мини-приложения (js/webhooks.js, docs/adr/0029).
webhooks-title = Вебхуки
webhooks-intro = Televent отправляет подписанное сообщение на ваш адрес всякий раз, когда происходит то, что вы выбрали: для автоматизаций и ваших собственных серверов.
webhooks-none = Вебхуков пока нет.
webhooks-active = Активен
webhooks-paused = На паузе
webhooks-stopped = Приостановлен Televent
webhooks-paused-why = На паузе: ничего не отправляется, пока вы его не возобновите; изменения за это время ждут его 30 дней.
webhooks-stopped-why = Televent приостановил его, потому что сообщение не удалось доставить ({ $reason }). Возобновите его, чтобы снова отправить ожидающие сообщения; они ждут 30 дней.
webhooks-hears = Триггеры: { $triggers }
webhooks-waiting =
    { $count ->
        [0] Нет сообщений, ожидающих отправки
        [one] { $count } сообщение ожидает отправки
        [few] { $count } сообщения ожидают отправки
        [many] { $count } сообщений ожидают отправки
       *[other] { $count } сообщения ожидают отправки
    }
webhooks-pause = Пауза
webhooks-resume = Возобновить
webhooks-pause-label = Приостановить вебхук на { $url }
webhooks-resume-label = Возобновить вебхук на { $url }
webhooks-now-paused = Вебхук на { $url } приостановлен
webhooks-resumed = Вебхук на { $url } снова активен
webhooks-test = Отправить тест
webhooks-test-label = Отправить тестовое сообщение на { $url }
webhooks-testing = Отправляем тестовое сообщение…
webhooks-test-delivered = Тест доставлен: ответ { $status } за { $ms } мс.
webhooks-test-refused = Тест не доставлен: ответ { $status } за { $ms } мс.
webhooks-test-failed = Тест не доставлен: { $error }
webhooks-deliveries = Доставки
webhooks-deliveries-label = Последние доставки на { $url }
webhooks-deliveries-title = Последние доставки
webhooks-deliveries-loading = Загрузка…
webhooks-no-deliveries = Пока ничего не отправлено.
webhooks-delivery-status = HTTP { $status }
webhooks-delivery-error = Ошибка: { $error }
webhooks-delivery-took = { $ms } мс
webhooks-delivery-attempt = попытка { $attempt }
webhooks-remove = Удалить
webhooks-remove-label = Удалить вебхук на { $url }
webhooks-remove-question = Удалить вебхук на { $url }? Он больше ничего не получит, а ещё не отправленные сообщения будут отброшены.
webhooks-removed = Вебхук на { $url } удалён
webhooks-new = Новый вебхук
webhooks-url = Адрес (https://…)
webhooks-triggers = Отправлять сообщение, когда
webhooks-add = Добавить вебхук
webhooks-added = Вебхук добавлен: { $url }
webhooks-secret-for = Секрет подписи вебхука на { $url }:
webhooks-secret-once = Скопируйте его сейчас: он показывается только один раз. Ваш получатель проверяет им, что каждое сообщение пришло от Televent.
webhooks-secret-copy = Скопировать секрет
webhooks-secret-copied = Секрет скопирован
webhooks-secret-copy-prompt = Скопируйте секрет:
webhooks-trigger-event-created = Событие создано
webhooks-trigger-event-updated = Событие изменено
webhooks-trigger-event-cancelled = Событие отменено
webhooks-trigger-event-deleted = Событие удалено
webhooks-trigger-rsvp-changed = Ответ на приглашение
webhooks-trigger-booking-created = Новая запись
webhooks-trigger-booking-rescheduled = Запись перенесена
webhooks-trigger-booking-cancelled = Запись отменена
webhooks-type-test = Тестовое сообщение
