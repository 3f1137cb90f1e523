## Connecting a Google account from the bot (docs/adr/0034): /google.
## $email: the Google account; $count: its calendars here; $state: waiting, failing or ok;
## $reason: why its last sync failed (a code such as unauthorized).

bot-google-off = 🔌 Цей сервер не налаштовано для підключення Google Календаря. Ви все одно можете підписатися на секретну iCal-адресу календаря Google через /subscribe.
bot-google-connect = 🔄 Підключіть Google Календар: Google попросить вибрати обліковий запис і дозволити Televent користуватися його календарями. За хвилину вони з'являться серед ваших календарів, враховуватимуться як зайнятий час для посилань бронювання, а зміни йтимуть в обидва боки.
bot-google-link-rules = Посилання працює один раз протягом 10 хвилин.
bot-google-link = Відкрийте це посилання в браузері:
bot-google-head = <b>Підключені облікові записи Google</b>
bot-google-line = • { $email } — { $count ->
        [one] { $count } календар
        [few] { $count } календарі
       *[other] { $count } календарів
    }, { $state ->
        [waiting] чекає першої синхронізації
        [failing] помилка ({ $reason })
       *[ok] актуально
    }
bot-google-manage = Щоб відключити, відкрийте /app: Календарі, потім підключення календаря.
