# Refusals about subscribed feeds (TeleventError.worded): in the bot, the JSON API's detail and the Mini App.

refusal-subscriptions-not-a-url = That is not a calendar feed's address: it starts with webcal:// or https://.
refusal-subscriptions-url-too-long = A feed's address has at most { $most } characters.
refusal-subscriptions-too-many = You can subscribe to at most { $most } feeds.
refusal-subscriptions-already = You already subscribe to this feed.
refusal-subscriptions-not-subscribed = This calendar is not subscribed to a feed.
refusal-subscriptions-read-only = This calendar shows a feed: its events change only when the feed does.
refusal-subscriptions-share-read-only = This calendar shows a feed: it can only be shared to view.
refusal-subscriptions-unknown-option = “{ $option }” is not an option of a subscription.
refusal-subscriptions-not-a-switch = { $option } is true or false.
refusal-subscriptions-empty-name = A calendar's name cannot be empty.
