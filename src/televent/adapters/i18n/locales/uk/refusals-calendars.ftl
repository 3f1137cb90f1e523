# Відмови для календарів, подій, спільного доступу, груп, налаштувань і облікових записів
# (TeleventError.worded): у боті, у полі detail відповідей JSON API і в Mini App.

## Календарі та люди, з якими ними поділилися

refusal-calendars-calendar-gone = Календар не знайдено.
refusal-calendars-share-self = Не можна поділитися календарем із самим собою.
refusal-calendars-share-owner = Ця людина — власник календаря.
refusal-calendars-no-such-person = Ця людина не має облікового запису в Televent.
refusal-calendars-already-member = Ця людина вже учасник календаря; натомість змініть її роль.
refusal-calendars-member-cap = { $most ->
    [one] Календарем можна поділитися не більше ніж з { $most } людиною.
   *[other] Календарем можна поділитися не більше ніж з { $most } людьми.
}
refusal-calendars-already-accepted = Ви вже додали цей календар; щоб відмовитися, покиньте його.
refusal-calendars-not-member = Ця людина не учасник цього календаря.
refusal-calendars-owner-stays = Власник не може покинути свій календар; його можна лише видалити.
refusal-calendars-not-a-role = «{ $role }» — це не роль: вкажіть read (перегляд), write (редагування) або manage (керування).
refusal-calendars-not-published = Цей календар не опубліковано.
refusal-calendars-role-forbids = { $what ->
    [share] Ваша роль у цьому календарі не дозволяє ним ділитися.
    [roles] Ваша роль у цьому календарі не дозволяє змінювати ролі учасників.
    [remove] Ваша роль у цьому календарі не дозволяє видаляти учасників.
    [subscription] Ваша роль у цьому календарі не дозволяє змінювати його підписку.
   *[other] Ваша роль у цьому календарі не дозволяє його публікувати.
}
refusal-calendars-read-only = Цей календар ви можете лише переглядати: змінювати його події не можна.
refusal-calendars-cannot-manage = Ваша роль у цьому календарі не дозволяє керувати його учасниками.
refusal-calendars-owner-only = Перейменувати або видалити календар для всіх може лише його власник.
refusal-calendars-role-denied = Ваша роль цього не дозволяє.
refusal-calendars-changed-meanwhile = Хтось змінив це одночасно з вами; оновіть і спробуйте знову.
refusal-calendars-property-unknown = Календар не має властивості «{ $property }».
refusal-calendars-busy = Зайнятість календаря (busy) — це true або false.
refusal-calendars-client-properties = Календар зберігає не більше { $most ->
    [one] { $most } властивості
   *[other] { $most } властивостей
} від застосунків.
refusal-calendars-client-property = Властивість застосунку — це не більше { $most ->
    [one] { $most } символу
   *[other] { $most } символів
} та ім’я вигляду {"{"}namespace{"}"}name.

## Назва, колір і зайнятість календаря та ті, з ким ним поділилися (PATCH /calendars/{id}, його учасники)

refusal-calendars-field-fixed = Поле «{ $field }» тут не змінюється; змінювати можна name, color і busy.
refusal-calendars-name-blank = Назва не може бути порожньою; вкажіть назву або null.
refusal-calendars-name-control-characters = У назві є керівні символи.
refusal-calendars-name-long = Назва — не довша за { $most ->
    [one] { $most } символ
    [few] { $most } символи
   *[other] { $most } символів
}.
refusal-calendars-name-kept = Ваш власний календар має мати назву: вкажіть її, а не null.
refusal-calendars-color = Колір — це значення на зразок #1E88E5 або null.
refusal-calendars-busy-value = busy — це true, false або null.
refusal-calendars-busy-own = busy задають лише для календарів, якими поділилися з вами; ваші власні завжди вважаються зайнятим часом.
refusal-calendars-member-not-started = Цей користувач Telegram ще не запускав бота, тож календаря в нього немає.
refusal-calendars-member-unknown = У Televent немає користувача { $name }; попросіть його спершу відкрити бота.
refusal-calendars-member-form = Вкажіть Telegram id або @username.
refusal-calendars-owner-role = Роль власника змінити не можна: календар належить йому.

## Події

refusal-calendars-event-gone = Цієї події більше немає.
refusal-calendars-event-changed = Цю подію змінили деінде, поки вона була у вас відкрита; оновіть її і спробуйте знову.
refusal-calendars-kept-changing = Подія весь час змінювалася, поки її зберігали; спробуйте знову.
refusal-calendars-event-cancelled = Цю подію скасовано.
refusal-calendars-not-attendee = Ця людина не учасник цієї події.
refusal-calendars-not-invited = Вас не запрошено на цю подію.
refusal-calendars-title-required = Дайте події назву.
refusal-calendars-title-empty = Назва події не може бути порожньою.
refusal-calendars-too-long = { $field ->
    [title] Назва
    [location] Місце
   *[other] Опис
} довше за { $limit ->
    [one] { $limit } символ
    [few] { $limit } символи
   *[other] { $limit } символів
}.
refusal-calendars-event-time-zone = { $field ->
    [timezone] «{ $zone }» — невідомий часовий пояс; вкажіть назву IANA, наприклад Europe/Kyiv.
   *[other] «{ $zone }» ({ $field }) — невідомий часовий пояс; вкажіть назву IANA, наприклад Europe/Kyiv.
}
refusal-calendars-end-before-start = Кінець події має бути пізніше за початок.
refusal-calendars-years = { $field ->
    [start] Дата початку
    [end] Дата кінця
   *[other] Дата
} «{ $given }» виходить за роки, які зберігає Televent: з { $first } по { $last }.
refusal-calendars-recurrence = «{ $rule }» — правило повторення (RRULE), яке Televent не може прочитати.
refusal-calendars-recurrence-never = «{ $rule }» закінчується раніше за початок події або без жодного повторення: подія ніколи не з’явиться.
refusal-calendars-not-repeating = Ця подія не повторюється.
refusal-calendars-no-occurrence = У цей час у події немає повторення.
refusal-calendars-series-unsplittable = Цю серію повторень не можна розділити в цьому місці; змініть усю серію.

## Пропозиції іншого часу, на які відповідає організатор

refusal-calendars-proposal-unknown = Така пропозиція невідома.
refusal-calendars-proposal-not-yours = Ця пропозиція стосується не вашої події.
refusal-calendars-proposal-answered = { $status ->
    [accepted] Ви вже відповіли на цю пропозицію (прийняли її).
   *[other] Ви вже відповіли на цю пропозицію (відхилили її).
}

## Календарі груп

refusal-calendars-group-admins-only = Змінювати налаштування календаря групи можуть лише її адміністратори.
refusal-calendars-group-view-only = Календар цієї групи лише для перегляду: події додають лише адміністратори.
refusal-calendars-group-no-calendar = У цієї групи ще немає календаря: спершу надішліть /calendar.
refusal-calendars-group-calendar-gone = Календаря цієї групи більше немає: надішліть /calendar, щоб відкрити новий.
refusal-calendars-group-event-elsewhere = Цієї події немає в календарі цієї групи.

## Налаштування і сповіщення

refusal-calendars-time-zone = Невідомий часовий пояс «{ $zone }»; вкажіть назву IANA, наприклад Europe/Kyiv.
refusal-calendars-reminder-minutes = { $most ->
    [one] Нагадування можна отримати за 0–{ $most } хвилину до початку.
    [few] Нагадування можна отримати за 0–{ $most } хвилини до початку.
   *[other] Нагадування можна отримати за 0–{ $most } хвилин до початку.
}
refusal-calendars-agenda-time = Ранкове зведення приходить о часі, записаному як ГГ:ХХ (24 години), наприклад 07:30, або вимкнене.
refusal-calendars-quiet-hours = Тихі години — це початок і кінець у вигляді ГГ:ХХ-ГГ:ХХ, наприклад 22:00-07:00, або вони вимкнені.
refusal-calendars-quiet-hours-equal = Початок і кінець тихих годин мають відрізнятися.
refusal-calendars-channels = Нагадування, ранкове зведення і сповіщення приходять у Telegram, на пошту, туди й туди або нікуди.
refusal-calendars-channel-unknown = «{ $channel }» — Televent так повідомлення не надсилає: кожен вид повідомлень приходить у Telegram, на пошту, туди й туди або нікуди.
refusal-calendars-language = Televent не розмовляє мовою «{ $value }». Виберіть одну з: { $languages } — або автоматичну.

## Облікові записи і пристрої

refusal-calendars-no-account = У вас ще немає облікового запису в Televent: спершу надішліть ботові /start.
refusal-calendars-login-no-account = Спершу надішліть ботові /start: поки немає облікового запису, до якого можна увійти.
refusal-calendars-device-name = Назва пристрою — від 1 до 64 літер, цифр, пробілів або знаків . @ ' ( ) + - _.
refusal-calendars-device-exists = Пристрій із назвою «{ $name }» уже є; спершу відкличте його пароль.
refusal-calendars-no-device = Немає активного пристрою з назвою «{ $name }».
refusal-calendars-no-erasure = Видалення цього облікового запису не заплановано.
refusal-calendars-email-not-linked = { $address } не прив'язана до цього облікового запису.
