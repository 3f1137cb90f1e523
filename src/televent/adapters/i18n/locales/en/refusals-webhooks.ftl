# Refusals about webhooks (TeleventError.worded): the JSON API's detail and the Mini App.

refusal-webhooks-not-found = Webhook not found.
refusal-webhooks-trigger = “{ $trigger }” is not a trigger. The triggers are: { $known }.
refusal-webhooks-no-trigger = Choose at least one trigger: { $known }.
refusal-webhooks-url = A webhook's address is a URL of at most { $limit } characters.
refusal-webhooks-too-many = You can have at most { $most } webhooks.
refusal-webhooks-since = “since” must be a position between { $low } and { $high }.
