# The Mini App: calendars that follow a feed from elsewhere (docs/adr/0025): the form on the
# calendars screen and the subscription on a subscribed calendar's screen.
# $state: waiting, failing, paused or ok; $when: when it was last fetched; $reason: why it failed (a code).
subs-title = Стежити за календарем з іншого місця
subs-hint = Посилання webcal:// або https:// на фід календаря: свята, шкільний розклад, секретна адреса iCal з Google Календаря, Outlook або iCloud. Його події видно тут і в усіх застосунках, завжди актуальні; змінювати їх не можна.
subs-link = Посилання на фід
subs-add = Підписатися
subs-added = Підписку на «{ $name }» оформлено. Події з'являться протягом хвилини.
subs-section = Фід
subs-status =
    { $state ->
        [waiting] Чекає першого оновлення (протягом хвилини).
        [failing] Не вдалося отримати ({ $reason }); спробуємо пізніше.
        [paused] На паузі: не оновлюється, доки ви не відновите.
       *[ok] Актуальний, востаннє отримано { $when }.
    }
subs-reminders = Нагадувати про його події
subs-busy = Рахувати його події зайнятим часом для моїх посилань на запис
subs-refresh = Отримати зараз
subs-pause = Пауза
subs-resume = Відновити
subs-refreshing = Отримаємо знову протягом хвилини.
subs-remove = Відписатися
subs-remove-question = Відписатися від «{ $name }»? Його події зникнуть з усіх застосунків.
subs-removed = Ви відписалися від «{ $name }».
