# The Mini App: calendars that follow a feed from elsewhere (docs/adr/0025): the form on the
# calendars screen and the subscription on a subscribed calendar's screen.
# $state: waiting, failing, paused or ok; $when: when it was last fetched; $reason: why it failed (a code).
subs-title = Следить за календарём из другого места
subs-hint = Ссылка webcal:// или https:// на фид календаря: праздники, школьное расписание, секретный адрес iCal из Google Календаря, Outlook или iCloud. Его события видны здесь и во всех приложениях и всегда актуальны; менять их нельзя.
subs-link = Ссылка на фид
subs-add = Подписаться
subs-added = Подписка на «{ $name }» оформлена. События появятся в течение минуты.
subs-section = Фид
subs-status =
    { $state ->
        [waiting] Ждёт первого обновления (в течение минуты).
        [failing] Не удалось получить ({ $reason }); повторим позже.
        [paused] На паузе: не обновляется, пока вы не возобновите.
       *[ok] Актуален, последнее получение { $when }.
    }
subs-reminders = Напоминать о его событиях
subs-busy = Считать его события занятым временем для моих ссылок на запись
subs-refresh = Получить сейчас
subs-pause = Пауза
subs-resume = Возобновить
subs-refreshing = Получим заново в течение минуты.
subs-remove = Отписаться
subs-remove-question = Отписаться от «{ $name }»? Его события исчезнут из всех приложений.
subs-removed = Вы отписались от «{ $name }».
