# Ablehnungen rund um abonnierte Feeds (TeleventError.worded): im Bot, im Feld detail der JSON API und in der Mini App.

refusal-subscriptions-not-a-url = Das ist keine Adresse eines Kalender-Feeds: sie beginnt mit webcal:// oder https://.
refusal-subscriptions-url-too-long = Die Adresse eines Feeds hat höchstens { $most } Zeichen.
refusal-subscriptions-too-many = Du kannst höchstens { $most } Feeds abonnieren.
refusal-subscriptions-already = Diesen Feed abonnierst du schon.
refusal-subscriptions-not-subscribed = Dieser Kalender hat keinen abonnierten Feed.
refusal-subscriptions-read-only = Dieser Kalender zeigt einen Feed: seine Termine ändern sich nur mit dem Feed.
refusal-subscriptions-share-read-only = Dieser Kalender zeigt einen Feed: er kann nur zum Ansehen geteilt werden.
refusal-subscriptions-unknown-option = „{ $option }“ ist keine Einstellung eines Abos.
refusal-subscriptions-not-a-switch = { $option } ist true oder false.
refusal-subscriptions-empty-name = Der Name eines Kalenders darf nicht leer sein.
