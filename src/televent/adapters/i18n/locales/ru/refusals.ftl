# Refusals people meet in ordinary use, said by the application's errors (TeleventError.worded)
# wherever they surface: the bot, the JSON API and the Mini App.
refusal-not-an-address = { $address } — это не адрес электронной почты.
refusal-address-ours = { $address } — один из адресов самого Televent, а не ваш.
refusal-address-taken = { $address } уже привязан к другому аккаунту.
refusal-address-yours = { $address } уже привязан к вашему аккаунту.
refusal-code-format = Код — это шесть цифр, например 123456.
refusal-code-wrong = { $left ->
    [one] Неверный код; осталась { $left } попытка.
    [few] Неверный код; осталось { $left } попытки.
   *[other] Неверный код; осталось { $left } попыток.
}
refusal-code-last-try = Неверный код, и это была последняя попытка: запросите новый код.
refusal-code-too-many = Слишком много неверных кодов: запросите новый код.
refusal-code-expired = Срок действия кода истёк (код действует { $minutes } минут): запросите новый.
refusal-no-code = Вы ещё не запрашивали код: сначала запросите его.
refusal-no-address = К вашему аккаунту не привязан адрес электронной почты.
refusal-codes-this-hour = { $minutes ->
    [one] За последний час вы запросили { $count } кодов; попробуйте снова через { $minutes } минуту.
    [few] За последний час вы запросили { $count } кодов; попробуйте снова через { $minutes } минуты.
   *[other] За последний час вы запросили { $count } кодов; попробуйте снова через { $minutes } минут.
}
refusal-codes-today = Для этого адреса сегодня запрошено достаточно кодов; попробуйте завтра.

# Запросы к адресам, которые выбрали люди (фид, другой сервер календарей): adapters/outbound.
refusal-outbound-not-a-url = { $url } — это не веб-адрес.
refusal-outbound-scheme = Адреса { $scheme } здесь не принимаются; используйте { $allowed }.
refusal-outbound-private = { $host } ведёт на адрес частной или локальной сети, к таким Televent не подключается.
refusal-outbound-redirects = { $host } перенаправляет слишком много раз (больше { $limit }); Televent прекратил переходить.
refusal-outbound-too-large = Ответ { $host } больше { $megabytes } МБ — больше Televent не читает.
refusal-outbound-timeout = { $host } не ответил за { $seconds } с.
refusal-outbound-connect = Televent не смог связаться с { $host }.
