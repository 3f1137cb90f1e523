# Rechazos sobre webhooks (TeleventError.worded): el detail de la API JSON y la mini app.

refusal-webhooks-not-found = No se encontró el webhook.
refusal-webhooks-trigger = «{ $trigger }» no es un disparador. Los disparadores son: { $known }.
refusal-webhooks-no-trigger = Elige al menos un disparador: { $known }.
refusal-webhooks-url = La dirección de un webhook es una URL de { $limit } caracteres como máximo.
refusal-webhooks-too-many = Puedes tener como máximo { $most } webhooks.
refusal-webhooks-since = «since» debe ser una posición entre { $low } y { $high }.
