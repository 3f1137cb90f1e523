## Бот у групі Telegram: календар групи, картки подій із ✅ ❔ ❌ і лічильником відповідей,
## [Підключити календар] і налаштування для адмінів. Картки — мовою власника календаря
## групи; відповіді на команду чи натискання — мовою того, хто написав чи натиснув.

group-button-going = ✅ Піду
group-button-maybe = ❔ Можливо
group-button-cant = ❌ Не зможу
group-button-who = 👥 Хто
group-button-join = 📅 Підключити календар
group-button-open = 🗓 Відкрити календар

## Картка події

group-tally = ✅ { $going } · ❔ { $maybe } · ❌ { $cant }
group-card-cancelled = <s>{ $title }</s> (скасовано)
group-no-title = (без назви)
group-who-nobody = Поки ніхто не відповів.
group-noted = { $icon } Позначено
group-someone = хтось
group-user = Користувач { $id }

## Команди в групі

group-help =
    📅 <b>Календар цієї групи</b>
    /create <i>що, коли[, скільки][, де]</i> — додати подію, наприклад <code>/create Обід з командою, пʼятниця 13:00, 1h</code>
    /today, /tomorrow, /week, /list — що заплановано
    /calendar — календар, кнопка [Підключити календар] і налаштування
    Натисніть ✅ ❔ ❌ під подією, щоб відповісти. Для всього іншого напишіть мені в особисті.
group-create-usage = 📝 Напишіть, що і коли, наприклад <code>/create Обід з командою, пʼятниця 13:00, 1h, Кафе «Центральне»</code>
group-not-here = Це працює в особистому чаті зі мною; у групі я розумію /create, /week і /calendar.
group-wrong-group = Ця кнопка з іншої групи.
group-stale = Ця кнопка тут більше не працює.
group-settings-usage = Для адмінів: <code>/calendar edit on|off</code> (учасники можуть додавати події) і <code>/calendar reminders on|off</code> (нагадування про події тут, у групі).
group-listing-title =
    { $command ->
        [today] Сьогодні
        [tomorrow] Завтра
        [week] Цього тижня
       *[list] Незабаром
    }

## Календар групи ($edit: members або admins; $reminders: on або off)

group-opened =
    📅 Тепер у групи є календар: <b>{ $title }</b> (веде { $owner }).
    Натисніть [Підключити календар], щоб бачити його у своїх календарях, на телефоні та в застосунках.
group-about =
    { $count ->
        [one] 📅 <b>{ $title }</b> — веде { $owner }, підключив { $count } учасник
        [few] 📅 <b>{ $title }</b> — веде { $owner }, підключили { $count } учасники
       *[other] 📅 <b>{ $title }</b> — веде { $owner }, підключили { $count } учасників
    }
group-about-settings =
    ⚙️ { $edit ->
        [members] учасники додають події
       *[admins] лише перегляд: події додають адміни
    }; нагадування тут { $reminders ->
        [on] увімкнено
       *[off] вимкнено
    }
group-joined-owner = «{ $title }» — ваш календар: він уже серед ваших календарів.
group-joined = «{ $title }» тепер серед ваших календарів — { $role }.
group-members-edit-on = ✅ Учасники можуть додавати події.
group-members-edit-off = ✅ Лише перегляд: події додають адміни.
group-reminders-on = ✅ Нагадування надходитимуть сюди.
group-reminders-off = ✅ Нагадувань тут не буде.
group-welcome-back = 👋 Я знову тут: календар <b>{ $title }</b> на місці, усе як було. /week покаже, що заплановано.
group-welcome = 👋 Привіт! /create додасть подію до календаря цієї групи, /calendar покаже його.

## Відмови

group-gone = Календаря цієї групи більше немає: надішліть /calendar, щоб завести новий.
group-no-calendar = У цієї групи ще немає календаря: спершу надішліть /calendar.
group-not-an-event = Це не подія.
group-not-in-calendar = Цієї події немає в календарі групи.
