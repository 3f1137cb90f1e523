## Публічні сторінки запису (/book/<slug> і сторінка керування записом).

booking-page-title = Записатися
booking-page-needs-js = Щоб показати вільний час, цій сторінці потрібен JavaScript.
booking-page-loading = Завантаження…
booking-page-time-zone = Часовий пояс
booking-page-your-booking = Ваш запис
booking-page-add-ics = Додати в календар (файл .ics)
booking-page-reschedule = Перенести
booking-page-cancel = Скасувати запис
booking-page-cancel-reason = Причина (необов’язково, її побачить організатор)
booking-page-cancel-confirm = Так, скасувати
booking-page-cancel-keep = Залишити
booking-page-book-again = Записатися на інший час
booking-page-pick-time = Виберіть час
booking-page-duration = Тривалість
booking-page-earlier-days = Раніше
booking-page-later-days = Пізніше
booking-page-days = Дні
booking-page-your-details = Ваші дані
booking-page-name = Ім’я
booking-page-email = Ел. пошта
booking-page-optional = (необов’язково)
booking-page-book = Записатися
booking-page-booking = Записуємо…
booking-page-choose-another = Вибрати інший час
booking-page-move-heading = Перенесення запису
booking-page-move = Перенести
booking-page-booked-heading = Ви записані
booking-page-download-ics = Завантажте файл .ics
booking-page-download-ics-then = і відкрийте його, щоб додати запис у свій календар.
booking-page-keep-link = Щоб згодом змінити або скасувати запис, збережіть це посилання:

## Час і тривалість

booking-page-zone = { $when } ({ $zone })
booking-page-day-time = { $day }, { $time }
booking-page-time-range = { $from }–{ $to }
booking-page-minutes = { $minutes } хв
booking-page-hours = { $hours } год
booking-page-hours-minutes = { $hours } год { $minutes } хв
booking-page-week = { $from } – { $to }
booking-page-slot-label = з { $from } до { $to }
booking-page-day-label =
    { $count ->
        [one] { $day }, { $count } вільне вікно
        [few] { $day }, { $count } вільні вікна
       *[other] { $day }, { $count } вільних вікон
    }
booking-page-day-closed = { $day }, вільного часу немає
booking-page-day-heading = { $day } · час у поясі { $zone }

## Пошук часу

booking-page-looking = Шукаємо вільний час…
booking-page-week-empty = У ці дні вільного часу немає. Подивіться пізніші дні кнопкою ›.
booking-page-pick-day = Виберіть день, щоб побачити вільний час.
booking-page-nothing-free =
    { $days ->
        [one] Найближчий { $days } день вільного часу немає. Зазирніть пізніше.
        [few] Найближчі { $days } дні вільного часу немає. Зазирніть пізніше.
       *[other] Найближчі { $days } днів вільного часу немає. Зазирніть пізніше.
    }
booking-page-slot-taken = Цей час щойно зайняли. Виберіть, будь ласка, інший із вільних нижче.
booking-page-new-time = Новий час: { $when }

## Запис

booking-page-book-with = Запис до { $name }
booking-page-paused = { $name } зараз не приймає записи за цим посиланням. Спробуйте пізніше.
booking-page-enter-name = Введіть, будь ласка, ім’я.
booking-page-enter-email = Введіть адресу пошти, наприклад ann@example.org.
booking-page-answer = Дайте, будь ласка, відповідь: { $question }
booking-page-done-heading = Ви записані
booking-page-done = Ви записані: { $when }. Запрошення вже летить на { $email }.
booking-page-done-no-mail = Ви записані: { $when }. Цей сервер не надсилає пошту, тож запрошення на { $email } не прийде: додайте запис у календар самі.

## Керування записом

booking-page-your-booking-with = Ваш запис до { $name }
booking-page-status-active = Підтверджено
booking-page-status-cancelled = Скасовано
booking-page-status-released = Скасовано організатором
booking-page-booked-by = Записано: { $name } ({ $email })
booking-page-link-paused = Це посилання зараз не приймає записи.
booking-page-cancelled = Ваш запис скасовано. Організатор уже знає.
booking-page-already-cancelled = Цей запис уже було скасовано.
booking-page-moved = Перенесено на { $when }. Оновлене запрошення вже летить на { $email }.
booking-page-moved-no-mail = Перенесено на { $when }. Цей сервер не надсилає пошту: додайте новий час у календар за допомогою файлу .ics нижче.

## Якщо щось пішло не так

booking-page-no-page = Такої сторінки запису немає
booking-page-no-page-text = Перевірте посилання або попросіть у того, хто його надіслав, нове.
booking-page-removed-meanwhile = Посилання видалили, поки ви записувалися. Запис не створено.
booking-page-no-booking = Запис не знайдено
booking-page-no-booking-text = Це посилання не веде до запису. Перевірте, що скопіювали його повністю.
booking-page-not-found = Сторінку не знайдено
booking-page-not-found-text = За цією адресою немає сторінки запису.
booking-page-offline = Не вдалося з’єднатися із сервером. Перевірте підключення і спробуйте ще раз.
booking-page-too-many = Забагато запитів із вашої мережі. Зачекайте хвилину і спробуйте знову.
booking-page-server-said = Сервер відповів { $status }.

booking-event-summary = { $title }: { $visitor } і { $owner }
booking-event-booked-with = Заброньовано за посиланням для запису Televent.
booking-file-manage = Скасувати або перенести: { $url }
