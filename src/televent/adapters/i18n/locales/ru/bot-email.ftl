## /email в боте: адрес для приглашений, на который вас может пригласить кто угодно, и привязка
## своей почты по коду из письма (а ещё строка в /start и /settings).

email-bot-usage = Привяжите почту командой <code>/email you@example.com</code>: я пришлю код, а <code>/email 123456</code> привяжет адрес. <code>/email remove</code> отвяжет его.
email-bot-invite-line = 📮 Вас можно пригласить из любого календаря по адресу <code>{ $address }</code> (подробнее — /email).
email-bot-none-linked = не привязана
# $email: привязанные адреса или email-bot-none-linked
email-bot-settings =
    📮 Адрес для приглашений: <code>{ $address }</code>
    ✉️ Почта: { $email }
    /email покажет оба адреса и поможет привязать или отвязать почту.
email-bot-status-address =
    📮 Ваш адрес для приглашений: <code>{ $address }</code>
    Приглашать вас на него можно из Gmail, Outlook или любого календаря: приглашение появится в вашем календаре и здесь, а ваш ответ уйдёт обратно письмом.
email-bot-status-linked = ✉️ Ваша почта: { $email } ✅ — приглашения на неё тоже приходят сюда. <code>/email remove</code> отвяжет её.
email-bot-status-awaiting = ✉️ Код уже летит на <code>{ $address }</code>: отправьте его так: <code>/email 123456</code>.
email-bot-status-none = ✉️ Почта не привязана.
email-bot-code-sent =
    📧 Я отправил код на <code>{ $address }</code>. Пришлите его сюда так: <code>/email 123456</code> — в течение { $minutes ->
        [one] { $minutes } минуты
       *[other] { $minutes } минут
    }. Письма нет? Загляните в спам или запросите новый код через минуту.
email-bot-linked = ✅ <code>{ $address }</code> привязан к вашему аккаунту: приглашения на этот адрес будут приходить сюда.
email-bot-removed-nothing = 👍 Код из письма больше не действует; почта не привязана.
email-bot-removed =
    { $count ->
        [one] 👍 { $addresses } больше не привязан к вашему аккаунту.
       *[other] 👍 { $addresses } больше не привязаны к вашему аккаунту.
    }
# $kind: reminders, agenda или notices (что человек выбрал получать по почте)
email-bot-kind =
    { $kind ->
        [reminders] напоминания
        [agenda] утреннюю сводку
       *[notices] уведомления
    }
# $kinds: «напоминания и уведомления»
email-bot-unsent = ⚠️ Вы получаете { $kinds } только по почте: они не будут приходить, пока вы снова не привяжете адрес (<code>/email you@example.com</code>) или не выберете Telegram в /settings.
