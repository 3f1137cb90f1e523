# The Mini App: accounts on other CalDAV servers (docs/adr/0026): the form on the calendars
# screen and the connection on a mirrored calendar's screen.
# $server: the server's host; $username: the user name there; $count: calendars found.
# $state: waiting, failing or ok; $when: when it was last synced; $reason: why it failed (a code).
conn-title = Підключити інший обліковий запис календаря
conn-hint = Ваші календарі в iCloud, Fastmail, Nextcloud або на будь-якому сервері CalDAV показуються тут, вважаються зайнятим часом і оновлюються кожні кілька хвилин. Багато сервісів вимагають для цього пароль застосунку; він зберігається зашифрованим і більше не показується.
conn-server = Адреса сервера або ваша адреса електронної пошти
conn-username = Ім'я користувача
conn-password = Пароль застосунку
conn-add = Підключити
conn-added = { $count ->
    [one] Підключено { $count } календар з { $server }. Події з'являться протягом хвилини.
    [few] Підключено { $count } календарі з { $server }. Події з'являться протягом хвилини.
   *[other] Підключено { $count } календарів з { $server }. Події з'являться протягом хвилини.
}
conn-section = Підключений обліковий запис
conn-from = { $server }, як { $username }
conn-status =
    { $state ->
        [waiting] Чекає на першу синхронізацію (протягом хвилини).
        [failing] Не вдалося синхронізувати ({ $reason }); спробуємо пізніше.
       *[ok] Актуальний, остання синхронізація { $when }.
    }
conn-two-way = Зміни звідси надсилаються й на { $server }. Якщо подію змінили і там, лишається версія { $server }, і ви отримаєте повідомлення.
conn-waiting = { $count ->
    [one] { $count } зміна чекає надсилання на { $server }.
    [few] { $count } зміни чекають надсилання на { $server }.
   *[other] { $count } змін чекають надсилання на { $server }.
}
conn-sync = Синхронізувати
conn-syncing = Синхронізуємо знову протягом хвилини.
conn-remove = Відключити
conn-remove-question = Відключити { $server }? На { $server } нічого не зміниться; тут його календарі можна залишити своїми або прибрати.
conn-keep = Залишити події тут
conn-drop = Прибрати їх звідси
conn-removed = { $server } відключено.
conn-google-title = Google Календар
conn-google-hint = Підключіть обліковий запис Google: його календарі з'являться тут, враховуватимуться як зайнятий час, а зміни йтимуть в обидва боки. Google попросить дозволу.
conn-google = Підключити Google Календар
conn-google-opened = Google відкриється в браузері: дозвольте там доступ Televent і поверніться сюди.
