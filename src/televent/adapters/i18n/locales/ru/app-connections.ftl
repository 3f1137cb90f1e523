# The Mini App: accounts on other CalDAV servers (docs/adr/0026): the form on the calendars
# screen and the connection on a mirrored calendar's screen.
# $server: the server's host; $username: the user name there; $count: calendars found.
# $state: waiting, failing or ok; $when: when it was last synced; $reason: why it failed (a code).
conn-title = Подключить другую учётную запись календаря
conn-hint = Ваши календари в iCloud, Fastmail, Nextcloud или на любом сервере CalDAV показываются здесь, считаются занятым временем и обновляются каждые несколько минут. Многие сервисы требуют для этого пароль приложения; он хранится зашифрованным и больше не показывается.
conn-server = Адрес сервера или ваш адрес электронной почты
conn-username = Имя пользователя
conn-password = Пароль приложения
conn-add = Подключить
conn-added = { $count ->
    [one] Подключён { $count } календарь с { $server }. События появятся в течение минуты.
    [few] Подключено { $count } календаря с { $server }. События появятся в течение минуты.
   *[other] Подключено { $count } календарей с { $server }. События появятся в течение минуты.
}
conn-section = Подключённая учётная запись
conn-from = { $server }, как { $username }
conn-status =
    { $state ->
        [waiting] Ждёт первой синхронизации (в течение минуты).
        [failing] Не удалось синхронизировать ({ $reason }); повторим позже.
       *[ok] Актуален, последняя синхронизация { $when }.
    }
conn-two-way = Изменения отсюда отправляются и на { $server }. Если событие изменили и там, остаётся версия { $server }, и вы получите сообщение.
conn-waiting = { $count ->
    [one] { $count } изменение ждёт отправки на { $server }.
    [few] { $count } изменения ждут отправки на { $server }.
   *[other] { $count } изменений ждут отправки на { $server }.
}
conn-sync = Синхронизировать
conn-syncing = Синхронизируем снова в течение минуты.
conn-remove = Отключить
conn-remove-question = Отключить { $server }? На { $server } ничего не изменится; здесь его календари можно оставить своими или убрать.
conn-keep = Оставить события здесь
conn-drop = Убрать их отсюда
conn-removed = { $server } отключён.
conn-google-title = Google Календарь
conn-google-hint = Подключите учётную запись Google: её календари появятся здесь, будут учитываться как занятое время, а изменения пойдут в обе стороны. Google попросит разрешения.
conn-google = Подключить Google Календарь
conn-google-opened = Google откроется в браузере: разрешите там доступ Televent и вернитесь сюда.
