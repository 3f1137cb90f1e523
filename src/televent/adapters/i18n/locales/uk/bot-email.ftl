## /email у боті: адреса для запрошень, на яку вас може запросити будь-хто, і привʼязка
## своєї пошти за кодом із листа (а ще рядок у /start і /settings).

email-bot-usage = Привʼяжіть пошту командою <code>/email you@example.com</code>: я надішлю код, а <code>/email 123456</code> привʼяже адресу. <code>/email remove</code> відвʼяже її.
email-bot-invite-line = 📮 Вас можна запросити з будь-якого календаря на адресу <code>{ $address }</code> (докладніше — /email).
email-bot-none-linked = не привʼязано
# $email: привʼязані адреси або email-bot-none-linked
email-bot-settings =
    📮 Адреса для запрошень: <code>{ $address }</code>
    ✉️ Пошта: { $email }
    /email покаже обидві адреси й допоможе привʼязати чи відвʼязати пошту.
email-bot-status-address =
    📮 Ваша адреса для запрошень: <code>{ $address }</code>
    Запрошувати вас на неї можна з Gmail, Outlook чи будь-якого календаря: запрошення зʼявиться у вашому календарі й тут, а ваша відповідь піде назад листом.
email-bot-status-linked = ✉️ Ваша пошта: { $email } ✅ — запрошення на неї теж надходять сюди. <code>/email remove</code> відвʼяже її.
email-bot-status-awaiting = ✉️ Код уже летить на <code>{ $address }</code>: надішліть його так: <code>/email 123456</code>.
email-bot-status-none = ✉️ Пошту не привʼязано.
email-bot-code-sent =
    📧 Я надіслав код на <code>{ $address }</code>. Надішліть його сюди так: <code>/email 123456</code> — протягом { $minutes ->
        [one] { $minutes } хвилини
       *[other] { $minutes } хвилин
    }. Листа немає? Перевірте спам або попросіть новий код за хвилину.
email-bot-linked = ✅ <code>{ $address }</code> привʼязано до вашого акаунта: запрошення на цю адресу надходитимуть сюди.
email-bot-removed-nothing = 👍 Код із листа більше не діє; пошту не привʼязано.
email-bot-removed =
    { $count ->
        [one] 👍 { $addresses } більше не привʼязано до вашого акаунта.
       *[other] 👍 { $addresses } більше не привʼязано до вашого акаунта.
    }
# $kind: reminders, agenda або notices (що людина обрала отримувати поштою)
email-bot-kind =
    { $kind ->
        [reminders] нагадування
        [agenda] ранкове зведення
       *[notices] сповіщення
    }
# $kinds: «нагадування і сповіщення»
email-bot-unsent = ⚠️ Ви отримуєте { $kinds } лише поштою: вони не надходитимуть, доки ви знову не привʼяжете адресу (<code>/email you@example.com</code>) або не оберете Telegram у /settings.
