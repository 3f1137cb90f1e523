## Події в боті: час, відповіді, картки, сповіщення й нагадування, /create, /event, /invite,
## /rsvp і /cancel, і що бот каже, коли не може прочитати дату.

## Час події ($day, $first, $last: «пн, 2 бер.»; $time, $start, $end: «16:00»)

bot-when-none = без дати
bot-all-day = увесь день
bot-when-all-day = { $day }, увесь день
bot-when-all-days = { $first } – { $last }, увесь день
bot-day-and-time = { $day }, { $time }
bot-time-range = { $start }–{ $end }
bot-time-until-day = { $start } – { $last }, { $end }
bot-quote = «{ $text }»

## Відповіді на запрошення

bot-answer =
    { $answer ->
        [accepted] ✅ прийнято
        [tentative] ❔ можливо
        [declined] ❌ відхилено
        [delegated] ↪️ передано
       *[other] ⏳ відповіді ще немає
    }
bot-your-answer = Ваша відповідь: { $answer }
bot-button-accept = ✅ Прийняти
bot-button-tentative = ❔ Можливо
bot-button-decline = ❌ Відхилити
bot-button-accept-time = ✅ Прийняти новий час
bot-button-keep-time = ❌ Залишити час
bot-button-add-calendar = ✅ Додати до моїх календарів
bot-button-decline-calendar = ✖️ Відхилити
bot-button-invite = ➕ Запросити
bot-button-cancel-event = 🗑 Скасувати подію
bot-button-export = 📤 Експорт
bot-button-open = 📅 Відкрити
bot-button-open-calendar = 📅 Відкрити календар
bot-button-open-in-browser = 🌐 Відкрити в браузері
bot-button-cancel-yes = Так, скасувати
bot-button-keep-it = Ні, залишити
bot-button-erase-yes = Так, видалити мої дані
bot-button-earlier = ◀️ Раніше
bot-button-later = Пізніше ▶️
bot-button-save = ✅ Зберегти
bot-button-discard = ✖️ Не зберігати

## Картка події (/event) і запрошені (/attendees)

bot-no-title = (без назви)
bot-event-cancelled = ❌ СКАСОВАНО: { $title }
bot-event-organizer = 👤 Організатор: { $name }
bot-event-invited =
    { $count ->
        [one] 👥 Запрошено { $count } людину:
        [few] 👥 Запрошено { $count } людини:
       *[other] 👥 Запрошено { $count } людей:
    }
bot-event-id = id { $id }
bot-event-which = Яка подія? Наприклад, { $command } — id є в /list.
bot-event-ics-caption = Відкрийте файл, щоб додати подію до іншого календаря.
bot-event-gone = Цієї події більше немає.
bot-event-not-an-id = «{ $text }» — не id події; id мають вигляд a1b2c3 (див. /list).
bot-event-not-found = У вашому календарі немає події { $id } (id є в /list).
bot-event-ambiguous = З { $id } починаються кілька подій; введіть довший id.
bot-attendees-none = На <b>{ $title }</b> поки нікого не запрошено. Запросити: { $command }
bot-attendees-head =
    { $count ->
        [one] <b>{ $title }</b> — запрошено { $count } людину
        [few] <b>{ $title }</b> — запрошено { $count } людини
       *[other] <b>{ $title }</b> — запрошено { $count } людей
    }

## Картки запрошень і сповіщення (для отримувача, під час надсилання)

bot-card-invitation = 📨 <b>Запрошення</b>
bot-card-updated = 🔄 <b>Запрошення змінено</b> — перевірте нові деталі
bot-card-from = 👤 Від { $name }
bot-notice-an-event = подія
bot-notice-an-attendee = Учасник
bot-notice-a-new-time = новий час
bot-notice-rsvp =
    { $answer ->
        [accepted] { $who } приймає <b>{ $title }</b>
        [tentative] { $who }, можливо, прийде на <b>{ $title }</b>
        [declined] { $who } відхиляє <b>{ $title }</b>
        [needs-action] { $who } ще не відповів(ла) на <b>{ $title }</b>
        [delegated] { $who } передає <b>{ $title }</b> іншому
       *[other] { $who } відповів(ла) на <b>{ $title }</b>
    }
bot-notice-one-occurrence = { $text } (одне повторення)
bot-notice-cancelled = ❌ Організатор скасував <b>{ $title }</b> ({ $when }).
bot-notice-uninvited = ➖ Вас прибрали з учасників <b>{ $title }</b> ({ $when }).
bot-notice-write-back-changed = ⚠️ Ваша зміна в <b>{ $title }</b> ({ $when }) не потрапила до іншого вашого календаря: подію там теж змінили, і тепер показано ту версію. Внесіть зміну знову, якщо вона ще потрібна.
bot-notice-write-back-deleted = ⚠️ Ваша зміна в <b>{ $title }</b> ({ $when }) не потрапила до іншого вашого календаря: подію там видалили, тож тут її теж більше немає.
bot-notice-counter = 🕑 { $who } пропонує новий час для <b>{ $title }</b>: { $proposed }
bot-notice-code-undelivered = ⚠️ Лист із вашим кодом не вдалося доставити на { $recipient }.
bot-notice-mail-undelivered =
    { $what ->
        [cancel] ⚠️ Лист про скасування <b>{ $title }</b> не вдалося доставити на { $recipient }.
        [reply] ⚠️ Лист із відповіддю на <b>{ $title }</b> не вдалося доставити на { $recipient }.
       *[other] ⚠️ Запрошення на <b>{ $title }</b> не вдалося доставити на { $recipient }.
    }
bot-reminder-in =
    { $minutes ->
        [one] ⏰ <b>{ $title }</b> почнеться за { $minutes } хвилину
        [few] ⏰ <b>{ $title }</b> почнеться за { $minutes } хвилини
       *[other] ⏰ <b>{ $title }</b> почнеться за { $minutes } хвилин
    }
bot-reminder-now = ⏰ <b>{ $title }</b> починається зараз
bot-reminder-soon = ⏰ <b>{ $title }</b> скоро почнеться
bot-counter-accepted = ✅ <b>{ $title }</b> перенесено на запропонований час; усі учасники дізнаються про це.
bot-counter-declined = 👌 <b>{ $title }</b> залишається в попередній час; автор пропозиції дізнається про це.

## /create (приклад має читатися як рядок /create цією мовою)

bot-create-example = /create Планерка, завтра 15:00, 1 год, Переговорна 4
bot-create-ask-title = 📝 Як називається подія? (/cancel — перервати)
bot-create-title-length = Назва — від 1 до 200 символів. Як називається подія?
bot-create-ask-when = 🕒 Коли? Наприклад, <i>завтра о 15:00</i>, <i>пт 9:30</i>, <i>25.12</i> (увесь день)
bot-create-when-again = Коли вона?
bot-create-ask-duration = ⏱ Скільки триває? Наприклад, <i>1 год</i>, <i>45 хв</i>, <i>30</i> (хвилин) — або <i>ні</i>: { $default }
bot-create-duration-again = Скільки вона триває?
bot-create-ask-location = 📍 Де? (або <i>ні</i>)
bot-create-ask-description = 📝 Додати опис? (або <i>ні</i>)
bot-create-skip-words = ні, пропустити, далі, без, -
bot-create-confirm = Зберегти цю подію?
bot-create-when-long = { $when } ({ $length })
bot-create-pending = Натисніть ✅ Зберегти або ✖️ Не зберігати на картці вище (або /cancel).
bot-create-discarded = Не збережено
bot-create-expired = Ця картка застаріла
bot-create-not-saved = ✖️ Не збережено.
bot-create-saved-tap = Збережено ✅
bot-create-saved =
    ✅ Збережено!
    { $card }

    Запросити людей: { $command }

## Що кажуть /create, /timezone і діалог, коли не можуть щось прочитати (простий текст)

bot-parse-no-date = Вкажіть дату, наприклад «завтра 15:00» або «пт 9:30».
bot-parse-bad-date = Не вдалося прочитати дату в { $text }. Спробуйте «завтра 15:00» або «пт 9:30».
bot-parse-too-far = { $text } — це { $date }, більш ніж за п'ять років. Помилка?
bot-parse-past = { $text } — це { $date }, а це вже минуло.
bot-parse-bad-duration = Не вдалося прочитати тривалість у { $text }. Спробуйте «1 год» або «45 хв».
bot-parse-duration-range = Тривалість має бути більшою за нуль і не більшою за 14 днів, а не { $text }.
bot-parse-no-date-found = Не знайшов дату. Розділяйте комами, наприклад: «{ $example }».
bot-parse-no-title = Події потрібна назва, наприклад: «{ $example }».
bot-parse-when-missing = Коли { $title }? Наприклад: «{ $example }».
bot-parse-title-too-long = Назва задовга: не більше { $most } символів, будь ласка.
bot-parse-all-day-length = Без часу початку це подія на весь день, тож тривалість — цілі дні («2 дні»). Або додайте час, наприклад «25.12 18:00».
bot-parse-zone-gone = Я не знаю часового поясу { $zone }; вкажіть його ще раз.
bot-parse-zone-whole-hours = Тут працюють лише зсуви на цілі години; замість { $text } напишіть місто, наприклад { $city }.
bot-parse-zone-nowhere = На Землі немає місця зі зсувом { $text }. Напишіть місто, наприклад «Берлін».
bot-parse-zone-did-you-mean = Може, { $names }?
bot-parse-zone-try-city = Напишіть місто, наприклад «Київ».
bot-parse-zone-unknown = Я не знаю часового поясу { $zone }. { $hint } Підійдуть і назви на кшталт «Europe/Kyiv», і зсуви на кшталт «UTC+2».

## /invite, /rsvp, /cancel

bot-invite-usage = Кого й куди запросити? Наприклад, { $command }
bot-invite-how = Надішліть { $command } (або Telegram id, або адресу пошти; можна кілька одразу).
bot-invite-not-organizer = Запрошувати людей на цю подію може лише організатор.
bot-invite-done = ✔️ { $invitee } запрошено
bot-invite-mailed = ✔️ { $invitee } запрошено (запрошення вже летить поштою)
bot-invite-failed = ✖️ { $invitee }: { $reason }
bot-invite-self = ✖️ { $invitee }: це ви.
bot-rsvp-usage = Як і на що відповісти? Наприклад, { $command } (accept — прийняти, tentative — можливо, decline — відхилити).
bot-rsvp-done = { $answer }: <b>{ $title }</b>. Організатор уже знає.
bot-rsvp-not-invited = Вас не запрошено на цю подію, тож ви не можете на неї відповісти.
bot-rsvp-words-accept = так, прийняти, прийду
bot-rsvp-words-tentative = можливо, мабуть
bot-rsvp-words-decline = ні, відхилити
bot-cancel-not-yours = Скасовувати можна лише власні події; щоб повідомити, що не прийдете, скористайтеся { $command }.
bot-cancel-ask = Скасувати <b>{ $title }</b>? Усі запрошені дізнаються про це.
bot-cancel-ask-when = Скасувати <b>{ $title }</b> ({ $when })? Усі запрошені дізнаються про це.
bot-cancel-done = ❌ <b>{ $title }</b> ({ $when }) скасовано.
bot-cancel-tapped = Скасовано
bot-cancel-kept = 👍 Залишено як є.
bot-notice-webhook-paused = ⏸ Ваш вебхук на { $url } призупинено: доставки не вдавалися протягом доби (остання: { $reason }). Відновіть його в налаштуваннях застосунку, коли одержувач знову запрацює. Зміни за цей час чекають на нього 30 днів.
