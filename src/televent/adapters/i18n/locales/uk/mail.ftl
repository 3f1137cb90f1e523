## Листи Televent: нагадування, ранковий огляд, сповіщення, запрошення, записи,
## лист із кодом і сторінки відписки.

## Опис події в листі

mail-label-when = Коли
mail-label-where = Де
mail-label-organizer = Організатор
mail-label-guests = Гості
mail-field = { $label }: { $value }
mail-list-heading = { $label }:
mail-no-title = (без назви)
mail-no-time = час не вказано
mail-someone = Хтось
mail-the-organizer = Організатор
mail-all-day = увесь день
mail-when-all-day = { $day } (увесь день)
mail-day-and-time = { $day }, { $time }
mail-time-range = { $start }–{ $end }
mail-in-zone = { $when } ({ $zone })
mail-one-occurrence = { $text } (одне повторення)

## Нагадування

mail-reminder-subject = Нагадування: { $title } @ { $when }
mail-reminder-now = { $title } починається зараз
mail-reminder-soon = { $title } незабаром почнеться
mail-reminder-minutes =
    { $count ->
        [one] { $title } почнеться через { $count } хвилину
        [few] { $title } почнеться через { $count } хвилини
       *[other] { $title } почнеться через { $count } хвилин
    }
mail-reminder-hours =
    { $count ->
        [one] { $title } почнеться через { $count } годину
        [few] { $title } почнеться через { $count } години
       *[other] { $title } почнеться через { $count } годин
    }
mail-reminder-days =
    { $count ->
        [one] { $title } почнеться через { $count } день
        [few] { $title } почнеться через { $count } дні
       *[other] { $title } почнеться через { $count } днів
    }

## Запрошення, зміни та відповіді

mail-invitation-subject = Запрошення: { $title } @ { $when }
mail-invitation-headline = { $organizer } запрошує вас
mail-invitation-update-subject = Запрошення змінено: { $title } @ { $when }
mail-invitation-update-headline = { $organizer } змінив(ла) зустріч — перевірте деталі
mail-cancelled-subject = Скасовано: { $title } @ { $when }
mail-cancelled-headline = Організатор скасував зустріч
mail-uninvited-subject = Ви більше не учасник: { $title } @ { $when }
mail-uninvited-headline = Вас прибрали з учасників зустрічі
mail-answer-in-app = Дайте відповідь у Telegram або в застосунку-календарі: { $url }
mail-rsvp =
    { $status ->
        [accepted] { $who } приймає запрошення
        [declined] { $who } відхиляє запрошення
        [tentative] { $who }, можливо, прийде
        [delegated] { $who } передає запрошення іншій людині
       *[other] Відповідь від { $who }
    }
mail-rsvp-subject = { $answer }: { $title } @ { $when }
mail-imip-invite-headline = { $who } запрошує вас: «{ $title }»
mail-imip-update-headline = { $who } змінив(ла) «{ $title }»
mail-imip-cancel-headline = { $who } скасував(ла) «{ $title }»
mail-imip-declinecounter-headline = { $who } залишає час «{ $title }» без змін
mail-imip-declinecounter-subject = Пропозицію відхилено: { $title } @ { $when }

## Записи за посиланнями

mail-booking-with = { $title } з { $name }
mail-booked-subject = Запис: { $meeting } @ { $when }
mail-booked-headline = { $name } записався(лася) до вас
mail-booking-cancelled-subject = Запис скасовано: { $meeting } @ { $when }
mail-booking-cancelled-headline = { $name } скасував(ла) запис
mail-booking-moved-subject = Запис перенесено: { $meeting } @ { $when }
mail-booking-moved-headline = { $name } переніс(ла) запис
mail-booking-reason = Причина: { $reason }
mail-booking-was = Було: { $when }
mail-booking-email = Ел. пошта: { $email }
mail-visitor-moved-subject = Перенесено: { $meeting } @ { $when }
mail-visitor-manage = Скасувати або перенести: { $url }

## Ранковий огляд

mail-agenda-subject = Ваш день: { $day }
mail-agenda-intro = Ваш день, { $day } ({ $zone })
mail-agenda-empty = На сьогодні нічого не заплановано.
mail-agenda-unreadable =
    { $count ->
        [one] ({ $count } подію не вдалося показати)
        [few] ({ $count } події не вдалося показати)
       *[other] ({ $count } подій не вдалося показати)
    }
mail-agenda-conflicts = (!) — події, що перетинаються.
mail-agenda-conflict = (!) { $when }
mail-agenda-at = місце: { $location }
mail-agenda-repeats = повторюється
mail-agenda-awaiting = чекає на вашу відповідь

## Чому прийшов лист

mail-footer-why =
    { $kind ->
        [reminders] Ви отримуєте нагадування поштою, бо обрали це в налаштуваннях Televent.
        [agenda] Ви отримуєте ранковий огляд поштою, бо обрали це в налаштуваннях Televent.
       *[notices] Ви отримуєте сповіщення про свої події поштою, бо обрали це в налаштуваннях Televent.
    }
mail-footer-stop = Відписатися від цих листів: { $url }
mail-footer-settings = Змінити це можна командою /settings у боті або в застосунку-календарі.

## Код для прив’язки пошти

mail-code-subject = Ваш код Televent: { $code }
mail-code-someone = Користувач Televent
mail-code-asked =
    { $minutes ->
        [one] { $who } хоче прив’язати { $address } до свого акаунта Televent. Для цього передайте цей код Televent (у боті: /email { $code }) протягом { $minutes } хвилини.
       *[other] { $who } хоче прив’язати { $address } до свого акаунта Televent. Для цього передайте цей код Televent (у боті: /email { $code }) протягом { $minutes } хвилин.
    }
mail-code-ignore = Якщо це були не ви, просто не зважайте на цей лист: без коду нічого не прив’яжеться.

## Сторінки посилання для відписки

mail-unsubscribe-page-title = Televent: пошта
mail-unsubscribe-not-found = Це посилання для відписки недійсне (або вже застаріло). Обрати, що надходить поштою, можна командою /settings у боті Televent.
mail-unsubscribe-confirm =
    { $kind ->
        [reminders] Більше не надсилати нагадування для { $name } поштою? Telegram та інші листи залишаться як є.
        [agenda] Більше не надсилати ранковий огляд для { $name } поштою? Telegram та інші листи залишаться як є.
       *[notices] Більше не надсилати сповіщення для { $name } поштою? Telegram та інші листи залишаться як є.
    }
mail-unsubscribe-button =
    { $kind ->
        [reminders] Відписатися від нагадувань
        [agenda] Відписатися від ранкового огляду
       *[notices] Відписатися від сповіщень
    }
mail-unsubscribe-done =
    { $kind ->
        [reminders] Готово: нагадування для { $name } більше не надходять поштою. Увімкнути їх знову можна командою /settings у боті Televent або в застосунку-календарі.
        [agenda] Готово: ранковий огляд для { $name } більше не надходить поштою. Увімкнути його знову можна командою /settings у боті Televent або в застосунку-календарі.
       *[notices] Готово: сповіщення для { $name } більше не надходять поштою. Увімкнути їх знову можна командою /settings у боті Televent або в застосунку-календарі.
    }
