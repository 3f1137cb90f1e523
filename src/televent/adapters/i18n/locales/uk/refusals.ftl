# Refusals people meet in ordinary use, said by the application's errors (TeleventError.worded)
# wherever they surface: the bot, the JSON API and the Mini App.
refusal-not-an-address = { $address } — це не адреса електронної пошти.
refusal-address-ours = { $address } — одна з адрес самого Televent, а не ваша.
refusal-address-taken = { $address } уже прив'язана до іншого облікового запису.
refusal-address-yours = { $address } уже прив'язана до вашого облікового запису.
refusal-code-format = Код — це шість цифр, наприклад 123456.
refusal-code-wrong = { $left ->
    [one] Неправильний код; залишилася { $left } спроба.
    [few] Неправильний код; залишилося { $left } спроби.
   *[other] Неправильний код; залишилося { $left } спроб.
}
refusal-code-last-try = Неправильний код, і це була остання спроба: попросіть новий код.
refusal-code-too-many = Забагато неправильних кодів: попросіть новий код.
refusal-code-expired = Термін дії коду минув (код діє { $minutes } хвилин): попросіть новий.
refusal-no-code = Вам ще не надсилали код: спершу попросіть його.
refusal-no-address = До вашого облікового запису не прив'язано адреси електронної пошти.
refusal-codes-this-hour = { $minutes ->
    [one] За останню годину ви попросили { $count } кодів; спробуйте знову за { $minutes } хвилину.
    [few] За останню годину ви попросили { $count } кодів; спробуйте знову за { $minutes } хвилини.
   *[other] За останню годину ви попросили { $count } кодів; спробуйте знову за { $minutes } хвилин.
}
refusal-codes-today = Для цієї адреси сьогодні попросили досить кодів; спробуйте завтра.

# Запити до адрес, які обрали люди (стрічка, інший сервер календарів): adapters/outbound.
refusal-outbound-not-a-url = { $url } — це не вебадреса.
refusal-outbound-scheme = Адреси { $scheme } тут не приймаються; використовуйте { $allowed }.
refusal-outbound-private = { $host } веде на адресу приватної чи локальної мережі, до таких Televent не підключається.
refusal-outbound-redirects = { $host } перенаправляє забагато разів (понад { $limit }); Televent припинив переходити.
refusal-outbound-too-large = Відповідь { $host } більша за { $megabytes } МБ — більше Televent не читає.
refusal-outbound-timeout = { $host } не відповів за { $seconds } с.
refusal-outbound-connect = Televent не зміг з'єднатися з { $host }.
