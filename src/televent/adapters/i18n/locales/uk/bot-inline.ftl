## Вбудований режим бота: картки подій і посилань для запису в будь-якому чаті.
## Картка — мовою того, хто її надіслав; відповідь на натискання — мовою того, хто натиснув.

inline-button-accept = ✅ Прийду
inline-button-maybe = ❔ Можливо
inline-button-decline = ❌ Не прийду
inline-book-button = 📆 Записатися
inline-no-title = (без назви)
# $when: «пн, 2 бер., 15:00–16:00»; $zone: часовий пояс організатора, «Europe/Berlin»
inline-when-in-zone = { $when } ({ $zone })
inline-cancelled = ❌ <b>СКАСОВАНО: { $title }</b>
inline-tap-to-answer = Натисніть, щоб відповісти: вас додадуть до списку гостей.
inline-deleted = 🗑 Організатор видалив цю подію.
# $length: «30 хвилин»
inline-link-card =
    📆 <b>{ $title }</b> · { $length }
    Запишіться на зустріч із { $owner }.
inline-link-description = Посилання для запису · { $length }
inline-not-registered = Запустіть Televent, щоб ділитися подіями
inline-nothing-yet = Найближчих подій немає: створіть подію в боті
inline-answered =
    { $answer ->
        [ACCEPTED] ✅ ви прийдете
        [TENTATIVE] ❔ можливо
       *[DECLINED] ❌ ви не прийдете
    }: { $title }
inline-invalid-button = Ця кнопка більше не діє.
inline-not-a-card = Ця кнопка не на картці, яку надіслав організатор, тож нічого не змінює.
inline-gone = Цієї події більше немає.
inline-was-cancelled = Цю подію скасовано.
inline-own-event = Ви організатор цієї події: тут відповідають ваші гості.
