## Connecting a Google account from the bot (docs/adr/0034): /google.
## $email: the Google account; $count: its calendars here; $state: waiting, failing or ok;
## $reason: why its last sync failed (a code such as unauthorized).

bot-google-off = 🔌 Этот сервер не настроен для подключения Google Календаря. Вы всё равно можете подписаться на секретный iCal-адрес календаря Google через /subscribe.
bot-google-connect = 🔄 Подключите Google Календарь: Google попросит выбрать учётную запись и разрешить Televent пользоваться её календарями. Через минуту они появятся среди ваших календарей, будут учитываться как занятое время для ссылок бронирования, а изменения пойдут в обе стороны.
bot-google-link-rules = Ссылка работает один раз в течение 10 минут.
bot-google-link = Откройте эту ссылку в браузере:
bot-google-head = <b>Подключённые учётные записи Google</b>
bot-google-line = • { $email } — { $count ->
        [one] { $count } календарь
        [few] { $count } календаря
       *[other] { $count } календарей
    }, { $state ->
        [waiting] ждёт первой синхронизации
        [failing] ошибка ({ $reason })
       *[ok] актуально
    }
bot-google-manage = Чтобы отключить, откройте /app: Календари, затем подключение календаря.
