# Вебхуки в налаштуваннях міні-застосунку (js/webhooks.js, docs/adr/0029).
webhooks-title = Вебхуки
webhooks-intro = Televent надсилає підписане повідомлення на вашу адресу щоразу, коли стається те, що ви обрали: для автоматизацій і ваших власних серверів.
webhooks-none = Вебхуків поки немає.
webhooks-active = Активний
webhooks-paused = На паузі
webhooks-stopped = Призупинено Televent
webhooks-paused-why = На паузі: нічого не надсилається, доки ви його не відновите; зміни за цей час чекають на нього 30 днів.
webhooks-stopped-why = Televent призупинив його, бо повідомлення не вдалося доставити ({ $reason }). Відновіть його, щоб знову надіслати повідомлення, що чекають; вони чекають 30 днів.
webhooks-hears = Тригери: { $triggers }
webhooks-waiting =
    { $count ->
        [0] Немає повідомлень, що чекають на надсилання
        [one] { $count } повідомлення чекає на надсилання
        [few] { $count } повідомлення чекають на надсилання
        [many] { $count } повідомлень чекають на надсилання
       *[other] { $count } повідомлення чекають на надсилання
    }
webhooks-pause = Пауза
webhooks-resume = Відновити
webhooks-pause-label = Призупинити вебхук на { $url }
webhooks-resume-label = Відновити вебхук на { $url }
webhooks-now-paused = Вебхук на { $url } призупинено
webhooks-resumed = Вебхук на { $url } знову активний
webhooks-test = Надіслати тест
webhooks-test-label = Надіслати тестове повідомлення на { $url }
webhooks-testing = Надсилаємо тестове повідомлення…
webhooks-test-delivered = Тест доставлено: відповідь { $status } за { $ms } мс.
webhooks-test-refused = Тест не доставлено: відповідь { $status } за { $ms } мс.
webhooks-test-failed = Тест не доставлено: { $error }
webhooks-deliveries = Доставки
webhooks-deliveries-label = Останні доставки на { $url }
webhooks-deliveries-title = Останні доставки
webhooks-deliveries-loading = Завантаження…
webhooks-no-deliveries = Поки нічого не надіслано.
webhooks-delivery-status = HTTP { $status }
webhooks-delivery-error = Помилка: { $error }
webhooks-delivery-took = { $ms } мс
webhooks-delivery-attempt = спроба { $attempt }
webhooks-remove = Видалити
webhooks-remove-label = Видалити вебхук на { $url }
webhooks-remove-question = Видалити вебхук на { $url }? Він більше нічого не отримає, а ще не надіслані повідомлення буде відкинуто.
webhooks-removed = Вебхук на { $url } видалено
webhooks-new = Новий вебхук
webhooks-url = Адреса (https://…)
webhooks-triggers = Надсилати повідомлення, коли
webhooks-add = Додати вебхук
webhooks-added = Вебхук додано: { $url }
webhooks-secret-for = Секрет підпису вебхука на { $url }:
webhooks-secret-once = Скопіюйте його зараз: він показується лише один раз. Ваш отримувач перевіряє ним, що кожне повідомлення надійшло від Televent.
webhooks-secret-copy = Скопіювати секрет
webhooks-secret-copied = Секрет скопійовано
webhooks-secret-copy-prompt = Скопіюйте секрет:
webhooks-trigger-event-created = Подію створено
webhooks-trigger-event-updated = Подію змінено
webhooks-trigger-event-cancelled = Подію скасовано
webhooks-trigger-event-deleted = Подію видалено
webhooks-trigger-rsvp-changed = Відповідь на запрошення
webhooks-trigger-booking-created = Новий запис
webhooks-trigger-booking-rescheduled = Запис перенесено
webhooks-trigger-booking-cancelled = Запис скасовано
webhooks-type-test = Тестове повідомлення
