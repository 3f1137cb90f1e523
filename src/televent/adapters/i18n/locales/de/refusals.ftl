# Refusals people meet in ordinary use, said by the application's errors (TeleventError.worded)
# wherever they surface: the bot, the JSON API and the Mini App.
refusal-not-an-address = { $address } ist keine E-Mail-Adresse.
refusal-address-ours = { $address } ist eine von Televents eigenen Adressen, nicht Ihre.
refusal-address-taken = { $address } ist mit einem anderen Konto verknüpft.
refusal-address-yours = { $address } ist bereits mit Ihrem Konto verknüpft.
refusal-code-format = Ein Code hat sechs Ziffern, etwa 123456.
refusal-code-wrong = { $left ->
    [one] Falscher Code; noch { $left } Versuch.
   *[other] Falscher Code; noch { $left } Versuche.
}
refusal-code-last-try = Falscher Code, und das war der letzte Versuch: Fordern Sie einen neuen Code an.
refusal-code-too-many = Zu viele falsche Codes: Fordern Sie einen neuen Code an.
refusal-code-expired = Dieser Code ist abgelaufen (ein Code gilt { $minutes } Minuten): Fordern Sie einen neuen an.
refusal-no-code = Für Sie wartet kein Code: Fordern Sie zuerst einen an.
refusal-no-address = Mit Ihrem Konto ist keine E-Mail-Adresse verknüpft.
refusal-codes-this-hour = { $minutes ->
    [one] Sie haben in der letzten Stunde { $count } Codes angefordert; versuchen Sie es in einer Minute wieder.
   *[other] Sie haben in der letzten Stunde { $count } Codes angefordert; versuchen Sie es in { $minutes } Minuten wieder.
}
refusal-codes-today = Für diese Adresse wurden heute genug Codes angefordert; versuchen Sie es morgen wieder.

# Anfragen an Adressen, die jemand gewählt hat (ein Feed, ein anderer Kalenderserver): adapters/outbound.
refusal-outbound-not-a-url = { $url } ist keine Webadresse.
refusal-outbound-scheme = { $scheme }-Adressen werden hier nicht angenommen; verwenden Sie { $allowed }.
refusal-outbound-private = { $host } führt zu einer Adresse in einem privaten oder lokalen Netz, mit der sich Televent nicht verbindet.
refusal-outbound-redirects = { $host } leitet zu oft weiter (mehr als { $limit } Mal); Televent folgt nicht weiter.
refusal-outbound-too-large = Die Antwort von { $host } ist größer als { $megabytes } MB; mehr liest Televent nicht.
refusal-outbound-timeout = { $host } hat nicht innerhalb von { $seconds } Sekunden geantwortet.
refusal-outbound-connect = Televent konnte { $host } nicht erreichen.
