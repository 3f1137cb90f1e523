# Отказы, связанные с подписками на фиды (TeleventError.worded): в боте, в поле detail JSON API и в Mini App.

refusal-subscriptions-not-a-url = Это не адрес фида календаря: он начинается с webcal:// или https://.
refusal-subscriptions-url-too-long = Адрес фида — не длиннее { $most } символов.
refusal-subscriptions-too-many = Можно подписаться не более чем на { $most } фидов.
refusal-subscriptions-already = Вы уже подписаны на этот фид.
refusal-subscriptions-not-subscribed = Этот календарь не подписан на фид.
refusal-subscriptions-read-only = Этот календарь показывает фид: его события меняются только вместе с фидом.
refusal-subscriptions-share-read-only = Этот календарь показывает фид: им можно поделиться только для просмотра.
refusal-subscriptions-unknown-option = «{ $option }» — не настройка подписки.
refusal-subscriptions-not-a-switch = { $option } — это true или false.
refusal-subscriptions-empty-name = Название календаря не может быть пустым.
