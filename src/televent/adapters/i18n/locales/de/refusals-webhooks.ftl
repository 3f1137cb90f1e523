# Ablehnungen zu Webhooks (TeleventError.worded): detail der JSON-API und die Mini-App.

refusal-webhooks-not-found = Webhook nicht gefunden.
refusal-webhooks-trigger = „{ $trigger }“ ist kein Auslöser. Die Auslöser sind: { $known }.
refusal-webhooks-no-trigger = Wähle mindestens einen Auslöser: { $known }.
refusal-webhooks-url = Die Adresse eines Webhooks ist eine URL mit höchstens { $limit } Zeichen.
refusal-webhooks-too-many = Du kannst höchstens { $most } Webhooks haben.
refusal-webhooks-since = „since“ muss eine Position zwischen { $low } und { $high } sein.
