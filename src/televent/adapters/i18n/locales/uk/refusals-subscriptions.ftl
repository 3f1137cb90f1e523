# Відмови щодо підписок на фіди (TeleventError.worded): у боті, у полі detail JSON API та в Mini App.

refusal-subscriptions-not-a-url = Це не адреса фіду календаря: вона починається з webcal:// або https://.
refusal-subscriptions-url-too-long = Адреса фіду — не довша за { $most } символів.
refusal-subscriptions-too-many = Можна підписатися щонайбільше на { $most } фідів.
refusal-subscriptions-already = Ви вже підписані на цей фід.
refusal-subscriptions-not-subscribed = Цей календар не підписаний на фід.
refusal-subscriptions-read-only = Цей календар показує фід: його події змінюються лише разом із фідом.
refusal-subscriptions-share-read-only = Цей календар показує фід: ним можна поділитися лише для перегляду.
refusal-subscriptions-unknown-option = «{ $option }» — не налаштування підписки.
refusal-subscriptions-not-a-switch = { $option } — це true або false.
refusal-subscriptions-empty-name = Назва календаря не може бути порожньою.
