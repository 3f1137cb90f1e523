# Отказы для календарей, событий, совместного доступа, групп, настроек и аккаунтов
# (TeleventError.worded): в боте, в поле detail ответов JSON API и в Mini App.

## Календари и люди, с которыми ими поделились

refusal-calendars-calendar-gone = Календарь не найден.
refusal-calendars-share-self = Нельзя поделиться календарём с самим собой.
refusal-calendars-share-owner = Этот человек — владелец календаря.
refusal-calendars-no-such-person = У этого человека нет аккаунта в Televent.
refusal-calendars-already-member = Этот человек уже участник календаря; вместо этого измените его роль.
refusal-calendars-member-cap = { $most ->
    [one] Календарём можно поделиться не больше чем с { $most } человеком.
   *[other] Календарём можно поделиться не больше чем с { $most } людьми.
}
refusal-calendars-already-accepted = Вы уже добавили этот календарь; чтобы отказаться, покиньте его.
refusal-calendars-not-member = Этот человек не участник этого календаря.
refusal-calendars-owner-stays = Владелец не может покинуть свой календарь; его можно только удалить.
refusal-calendars-not-a-role = «{ $role }» — это не роль: укажите read (просмотр), write (редактирование) или manage (управление).
refusal-calendars-not-published = Этот календарь не опубликован.
refusal-calendars-role-forbids = { $what ->
    [share] Ваша роль в этом календаре не позволяет делиться им.
    [roles] Ваша роль в этом календаре не позволяет менять роли участников.
    [remove] Ваша роль в этом календаре не позволяет удалять участников.
    [subscription] Ваша роль в этом календаре не позволяет менять его подписку.
   *[other] Ваша роль в этом календаре не позволяет его публиковать.
}
refusal-calendars-read-only = Этот календарь вы можете только просматривать: менять его события нельзя.
refusal-calendars-cannot-manage = Ваша роль в этом календаре не позволяет управлять его участниками.
refusal-calendars-owner-only = Переименовать или удалить календарь для всех может только его владелец.
refusal-calendars-role-denied = Ваша роль этого не позволяет.
refusal-calendars-changed-meanwhile = Кто-то изменил это одновременно с вами; обновите и попробуйте снова.
refusal-calendars-property-unknown = У календаря нет свойства «{ $property }».
refusal-calendars-busy = Занятость календаря (busy) — это true или false.
refusal-calendars-client-properties = Календарь хранит не больше { $most ->
    [one] { $most } свойства
   *[other] { $most } свойств
} от приложений.
refusal-calendars-client-property = Свойство приложения — это не больше { $most ->
    [one] { $most } символа
   *[other] { $most } символов
} и имя вида {"{"}namespace{"}"}name.

## Название, цвет и занятость календаря и те, с кем им поделились (PATCH /calendars/{id}, его участники)

refusal-calendars-field-fixed = Поле «{ $field }» здесь не меняется; менять можно name, color и busy.
refusal-calendars-name-blank = Название не может быть пустым; укажите название или null.
refusal-calendars-name-control-characters = В названии есть управляющие символы.
refusal-calendars-name-long = Название — не длиннее { $most ->
    [one] { $most } символа
   *[other] { $most } символов
}.
refusal-calendars-name-kept = У вашего собственного календаря должно быть название: укажите его, а не null.
refusal-calendars-color = Цвет — это значение вроде #1E88E5 или null.
refusal-calendars-busy-value = busy — это true, false или null.
refusal-calendars-busy-own = busy задают только для календарей, которыми поделились с вами; ваши собственные всегда считаются занятым временем.
refusal-calendars-member-not-started = Этот пользователь Telegram ещё не запускал бота, поэтому календаря у него нет.
refusal-calendars-member-unknown = В Televent нет пользователя { $name }; попросите его сначала открыть бота.
refusal-calendars-member-form = Укажите Telegram id или @username.
refusal-calendars-owner-role = Роль владельца изменить нельзя: календарь принадлежит ему.

## События

refusal-calendars-event-gone = Этого события больше нет.
refusal-calendars-event-changed = Это событие изменили в другом месте, пока оно было у вас открыто; обновите его и попробуйте снова.
refusal-calendars-kept-changing = Событие всё время менялось, пока его сохраняли; попробуйте снова.
refusal-calendars-event-cancelled = Это событие отменено.
refusal-calendars-not-attendee = Этот человек не участник этого события.
refusal-calendars-not-invited = Вы не приглашены на это событие.
refusal-calendars-title-required = Дайте событию название.
refusal-calendars-title-empty = Название события не может быть пустым.
refusal-calendars-too-long = { $field ->
    [title] Название
    [location] Место
   *[other] Описание
} длиннее { $limit ->
    [one] { $limit } символа
    [few] { $limit } символов
   *[other] { $limit } символов
}.
refusal-calendars-event-time-zone = { $field ->
    [timezone] «{ $zone }» — неизвестный часовой пояс; укажите название IANA, например Europe/Moscow.
   *[other] «{ $zone }» ({ $field }) — неизвестный часовой пояс; укажите название IANA, например Europe/Moscow.
}
refusal-calendars-end-before-start = Конец события должен быть позже начала.
refusal-calendars-years = { $field ->
    [start] Дата начала
    [end] Дата конца
   *[other] Дата
} «{ $given }» выходит за годы, которые хранит Televent: с { $first } по { $last }.
refusal-calendars-recurrence = «{ $rule }» — правило повторения (RRULE), которое Televent не может прочитать.
refusal-calendars-recurrence-never = «{ $rule }» заканчивается раньше начала события или без единого повторения: событие никогда не появится.
refusal-calendars-not-repeating = Это событие не повторяется.
refusal-calendars-no-occurrence = В это время у события нет повторения.
refusal-calendars-series-unsplittable = Этот повторяющийся ряд нельзя разделить в этом месте; измените весь ряд целиком.

## Предложения другого времени, на которые отвечает организатор

refusal-calendars-proposal-unknown = Такое предложение неизвестно.
refusal-calendars-proposal-not-yours = Это предложение касается не вашего события.
refusal-calendars-proposal-answered = { $status ->
    [accepted] Вы уже ответили на это предложение (приняли его).
   *[other] Вы уже ответили на это предложение (отклонили его).
}

## Календари групп

refusal-calendars-group-admins-only = Менять настройки календаря группы могут только её администраторы.
refusal-calendars-group-view-only = Календарь этой группы только для просмотра: события добавляют только администраторы.
refusal-calendars-group-no-calendar = У этой группы ещё нет календаря: сначала отправьте /calendar.
refusal-calendars-group-calendar-gone = Календаря этой группы больше нет: отправьте /calendar, чтобы открыть новый.
refusal-calendars-group-event-elsewhere = Этого события нет в календаре этой группы.

## Настройки и уведомления

refusal-calendars-time-zone = Неизвестный часовой пояс «{ $zone }»; укажите название IANA, например Europe/Moscow.
refusal-calendars-reminder-minutes = { $most ->
    [one] Напоминание можно получить за 0–{ $most } минуту до начала.
    [few] Напоминание можно получить за 0–{ $most } минуты до начала.
   *[other] Напоминание можно получить за 0–{ $most } минут до начала.
}
refusal-calendars-agenda-time = Утренняя сводка приходит во время, записанное как ЧЧ:ММ (24 часа), например 07:30, или выключена.
refusal-calendars-quiet-hours = Тихие часы — это начало и конец в виде ЧЧ:ММ-ЧЧ:ММ, например 22:00-07:00, либо они выключены.
refusal-calendars-quiet-hours-equal = Начало и конец тихих часов должны различаться.
refusal-calendars-channels = Напоминания, утренняя сводка и уведомления приходят в Telegram, на почту, туда и туда или никуда.
refusal-calendars-channel-unknown = «{ $channel }» — Televent так сообщения не отправляет: каждый вид сообщений приходит в Telegram, на почту, туда и туда или никуда.
refusal-calendars-language = Televent не говорит на языке «{ $value }». Выберите один из: { $languages } — или автоматический.

## Аккаунты и устройства

refusal-calendars-no-account = У вас ещё нет аккаунта в Televent: сначала отправьте боту /start.
refusal-calendars-login-no-account = Сначала отправьте боту /start: пока нет аккаунта, в который можно войти.
refusal-calendars-device-name = Имя устройства — от 1 до 64 букв, цифр, пробелов или знаков . @ ' ( ) + - _.
refusal-calendars-device-exists = Устройство с именем «{ $name }» уже есть; сначала отзовите его пароль.
refusal-calendars-no-device = Нет действующего устройства с именем «{ $name }».
refusal-calendars-no-erasure = Удаление этого аккаунта не запланировано.
refusal-calendars-email-not-linked = { $address } не привязан к этому аккаунту.
