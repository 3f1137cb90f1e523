## Письма Televent: напоминания, утренняя сводка, уведомления, приглашения, записи,
## письмо с кодом и страницы отписки.

## Сводка события в письме

mail-label-when = Когда
mail-label-where = Где
mail-label-organizer = Организатор
mail-label-guests = Гости
mail-field = { $label }: { $value }
mail-list-heading = { $label }:
mail-no-title = (без названия)
mail-no-time = время не указано
mail-someone = Кто-то
mail-the-organizer = Организатор
mail-all-day = весь день
mail-when-all-day = { $day } (весь день)
mail-day-and-time = { $day }, { $time }
mail-time-range = { $start }–{ $end }
mail-in-zone = { $when } ({ $zone })
mail-one-occurrence = { $text } (одно повторение)

## Напоминания

mail-reminder-subject = Напоминание: { $title } @ { $when }
mail-reminder-now = { $title } начинается сейчас
mail-reminder-soon = { $title } скоро начнётся
mail-reminder-minutes =
    { $count ->
        [one] { $title } начнётся через { $count } минуту
        [few] { $title } начнётся через { $count } минуты
       *[other] { $title } начнётся через { $count } минут
    }
mail-reminder-hours =
    { $count ->
        [one] { $title } начнётся через { $count } час
        [few] { $title } начнётся через { $count } часа
       *[other] { $title } начнётся через { $count } часов
    }
mail-reminder-days =
    { $count ->
        [one] { $title } начнётся через { $count } день
        [few] { $title } начнётся через { $count } дня
       *[other] { $title } начнётся через { $count } дней
    }

## Приглашения, изменения и ответы

mail-invitation-subject = Приглашение: { $title } @ { $when }
mail-invitation-headline = { $organizer } приглашает вас
mail-invitation-update-subject = Приглашение изменено: { $title } @ { $when }
mail-invitation-update-headline = { $organizer } изменил(а) встречу — проверьте детали
mail-cancelled-subject = Отменено: { $title } @ { $when }
mail-cancelled-headline = Организатор отменил встречу
mail-uninvited-subject = Вы больше не участник: { $title } @ { $when }
mail-uninvited-headline = Вас убрали из участников встречи
mail-answer-in-app = Ответьте в Telegram или в приложении-календаре: { $url }
mail-rsvp =
    { $status ->
        [accepted] { $who } принимает приглашение
        [declined] { $who } отклоняет приглашение
        [tentative] { $who }, возможно, придёт
        [delegated] { $who } передаёт приглашение другому
       *[other] Ответ от { $who }
    }
mail-rsvp-subject = { $answer }: { $title } @ { $when }
mail-imip-invite-headline = { $who } приглашает вас: «{ $title }»
mail-imip-update-headline = { $who } изменил(а) «{ $title }»
mail-imip-cancel-headline = { $who } отменил(а) «{ $title }»
mail-imip-declinecounter-headline = { $who } оставляет время «{ $title }» без изменений
mail-imip-declinecounter-subject = Предложение отклонено: { $title } @ { $when }

## Записи по ссылкам

mail-booking-with = { $title } с { $name }
mail-booked-subject = Запись: { $meeting } @ { $when }
mail-booked-headline = { $name } записался(ась) к вам
mail-booking-cancelled-subject = Запись отменена: { $meeting } @ { $when }
mail-booking-cancelled-headline = { $name } отменил(а) запись
mail-booking-moved-subject = Запись перенесена: { $meeting } @ { $when }
mail-booking-moved-headline = { $name } перенёс(ла) запись
mail-booking-reason = Причина: { $reason }
mail-booking-was = Было: { $when }
mail-booking-email = Эл. почта: { $email }
mail-visitor-moved-subject = Перенесено: { $meeting } @ { $when }
mail-visitor-manage = Отменить или перенести: { $url }

## Утренняя сводка

mail-agenda-subject = Ваш день: { $day }
mail-agenda-intro = Ваш день, { $day } ({ $zone })
mail-agenda-empty = На сегодня ничего не запланировано.
mail-agenda-unreadable =
    { $count ->
        [one] ({ $count } событие не удалось показать)
        [few] ({ $count } события не удалось показать)
       *[other] ({ $count } событий не удалось показать)
    }
mail-agenda-conflicts = (!) — события, которые пересекаются.
mail-agenda-conflict = (!) { $when }
mail-agenda-at = место: { $location }
mail-agenda-repeats = повторяется
mail-agenda-awaiting = ждёт вашего ответа

## Почему пришло письмо

mail-footer-why =
    { $kind ->
        [reminders] Вы получаете напоминания по почте, потому что выбрали это в настройках Televent.
        [agenda] Вы получаете утреннюю сводку по почте, потому что выбрали это в настройках Televent.
       *[notices] Вы получаете уведомления о своих событиях по почте, потому что выбрали это в настройках Televent.
    }
mail-footer-stop = Отписаться от этих писем: { $url }
mail-footer-settings = Изменить это можно командой /settings в боте или в приложении-календаре.

## Код для привязки почты

mail-code-subject = Ваш код Televent: { $code }
mail-code-someone = Пользователь Televent
mail-code-asked =
    { $minutes ->
        [one] { $who } хочет привязать { $address } к своему аккаунту Televent. Для этого передайте этот код Televent (в боте: /email { $code }) в течение { $minutes } минуты.
       *[other] { $who } хочет привязать { $address } к своему аккаунту Televent. Для этого передайте этот код Televent (в боте: /email { $code }) в течение { $minutes } минут.
    }
mail-code-ignore = Если это были не вы, просто не обращайте внимания на письмо: без кода ничего не привяжется.

## Страницы ссылки для отписки

mail-unsubscribe-page-title = Televent: почта
mail-unsubscribe-not-found = Эта ссылка для отписки недействительна (или уже устарела). Выбрать, что приходит на почту, можно командой /settings в боте Televent.
mail-unsubscribe-confirm =
    { $kind ->
        [reminders] Больше не присылать напоминания для { $name } на почту? Telegram и остальные письма останутся как есть.
        [agenda] Больше не присылать утреннюю сводку для { $name } на почту? Telegram и остальные письма останутся как есть.
       *[notices] Больше не присылать уведомления для { $name } на почту? Telegram и остальные письма останутся как есть.
    }
mail-unsubscribe-button =
    { $kind ->
        [reminders] Отписаться от напоминаний
        [agenda] Отписаться от утренней сводки
       *[notices] Отписаться от уведомлений
    }
mail-unsubscribe-done =
    { $kind ->
        [reminders] Готово: напоминания для { $name } больше не приходят на почту. Включить их снова можно командой /settings в боте Televent или в приложении-календаре.
        [agenda] Готово: утренняя сводка для { $name } больше не приходит на почту. Включить её снова можно командой /settings в боте Televent или в приложении-календаре.
       *[notices] Готово: уведомления для { $name } больше не приходят на почту. Включить их снова можно командой /settings в боте Televent или в приложении-календаре.
    }
