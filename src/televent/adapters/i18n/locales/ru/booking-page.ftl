## Публичные страницы записи (/book/<slug> и страница управления записью).

booking-page-title = Записаться
booking-page-needs-js = Чтобы показать свободное время, этой странице нужен JavaScript.
booking-page-loading = Загрузка…
booking-page-time-zone = Часовой пояс
booking-page-your-booking = Ваша запись
booking-page-add-ics = Добавить в календарь (файл .ics)
booking-page-reschedule = Перенести
booking-page-cancel = Отменить запись
booking-page-cancel-reason = Причина (необязательно, её увидит организатор)
booking-page-cancel-confirm = Да, отменить
booking-page-cancel-keep = Оставить
booking-page-book-again = Записаться на другое время
booking-page-pick-time = Выберите время
booking-page-duration = Длительность
booking-page-earlier-days = Раньше
booking-page-later-days = Позже
booking-page-days = Дни
booking-page-your-details = Ваши данные
booking-page-name = Имя
booking-page-email = Эл. почта
booking-page-optional = (необязательно)
booking-page-book = Записаться
booking-page-booking = Записываем…
booking-page-choose-another = Выбрать другое время
booking-page-move-heading = Перенос записи
booking-page-move = Перенести
booking-page-booked-heading = Вы записаны
booking-page-download-ics = Скачайте файл .ics
booking-page-download-ics-then = и откройте его, чтобы добавить запись в свой календарь.
booking-page-keep-link = Чтобы потом изменить или отменить запись, сохраните эту ссылку:

## Время и длительность

booking-page-zone = { $when } ({ $zone })
booking-page-day-time = { $day }, { $time }
booking-page-time-range = { $from }–{ $to }
booking-page-minutes = { $minutes } мин
booking-page-hours = { $hours } ч
booking-page-hours-minutes = { $hours } ч { $minutes } мин
booking-page-week = { $from } – { $to }
booking-page-slot-label = с { $from } до { $to }
booking-page-day-label =
    { $count ->
        [one] { $day }, { $count } свободное окно
        [few] { $day }, { $count } свободных окна
       *[other] { $day }, { $count } свободных окон
    }
booking-page-day-closed = { $day }, свободного времени нет
booking-page-day-heading = { $day } · время в поясе { $zone }

## Поиск времени

booking-page-looking = Ищем свободное время…
booking-page-week-empty = В эти дни свободного времени нет. Посмотрите дни позже кнопкой ›.
booking-page-pick-day = Выберите день, чтобы увидеть свободное время.
booking-page-nothing-free =
    { $days ->
        [one] В ближайший { $days } день свободного времени нет. Загляните позже.
        [few] В ближайшие { $days } дня свободного времени нет. Загляните позже.
       *[other] В ближайшие { $days } дней свободного времени нет. Загляните позже.
    }
booking-page-slot-taken = Это время только что заняли. Выберите, пожалуйста, другое из свободных ниже.
booking-page-new-time = Новое время: { $when }

## Запись

booking-page-book-with = Запись к { $name }
booking-page-paused = { $name } сейчас не принимает записи по этой ссылке. Попробуйте позже.
booking-page-enter-name = Введите, пожалуйста, имя.
booking-page-enter-email = Введите адрес почты, например ann@example.org.
booking-page-answer = Ответьте, пожалуйста: { $question }
booking-page-done-heading = Вы записаны
booking-page-done = Вы записаны: { $when }. Приглашение уже летит на { $email }.
booking-page-done-no-mail = Вы записаны: { $when }. Этот сервер не отправляет почту, поэтому приглашение на { $email } не придёт: добавьте запись в календарь сами.

## Управление записью

booking-page-your-booking-with = Ваша запись к { $name }
booking-page-status-active = Подтверждена
booking-page-status-cancelled = Отменена
booking-page-status-released = Отменена организатором
booking-page-booked-by = Записан(а): { $name } ({ $email })
booking-page-link-paused = Эта ссылка сейчас не принимает записи.
booking-page-cancelled = Ваша запись отменена. Организатор уже знает.
booking-page-already-cancelled = Эта запись уже была отменена.
booking-page-moved = Перенесено на { $when }. Обновлённое приглашение уже летит на { $email }.
booking-page-moved-no-mail = Перенесено на { $when }. Этот сервер не отправляет почту: добавьте новое время в календарь с помощью файла .ics ниже.

## Если что-то пошло не так

booking-page-no-page = Такой страницы записи нет
booking-page-no-page-text = Проверьте ссылку или попросите у того, кто её прислал, новую.
booking-page-removed-meanwhile = Ссылку удалили, пока вы записывались. Запись не создана.
booking-page-no-booking = Запись не найдена
booking-page-no-booking-text = Эта ссылка не ведёт к записи. Проверьте, что скопировали её целиком.
booking-page-not-found = Страница не найдена
booking-page-not-found-text = По этому адресу нет страницы записи.
booking-page-offline = Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.
booking-page-too-many = Слишком много запросов из вашей сети. Подождите минуту и попробуйте снова.
booking-page-server-said = Сервер ответил { $status }.

booking-event-summary = { $title }: { $visitor } и { $owner }
booking-event-booked-with = Записано по ссылке для записи Televent.
booking-file-manage = Отменить или перенести: { $url }
