# Rechazos sobre feeds suscritos (TeleventError.worded): en el bot, el campo detail de la API JSON y la Mini App.

refusal-subscriptions-not-a-url = Esa no es la dirección de un feed de calendario: empieza por webcal:// o https://.
refusal-subscriptions-url-too-long = La dirección de un feed tiene como máximo { $most } caracteres.
refusal-subscriptions-too-many = Puedes suscribirte como máximo a { $most } feeds.
refusal-subscriptions-already = Ya estás suscrito a este feed.
refusal-subscriptions-not-subscribed = Este calendario no está suscrito a ningún feed.
refusal-subscriptions-read-only = Este calendario muestra un feed: sus eventos solo cambian cuando cambia el feed.
refusal-subscriptions-share-read-only = Este calendario muestra un feed: solo se puede compartir para ver.
refusal-subscriptions-unknown-option = «{ $option }» no es una opción de una suscripción.
refusal-subscriptions-not-a-switch = { $option } es true o false.
refusal-subscriptions-empty-name = El nombre de un calendario no puede estar vacío.
