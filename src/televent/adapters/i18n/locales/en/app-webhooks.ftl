# The Mini App's webhooks, in the settings (js/webhooks.js, docs/adr/0029).
# $url: the webhook's address; $status: an HTTP status code (text); $ms: milliseconds;
# $reason and $error: what went wrong, as the server wrote it (technical, often English).
webhooks-title = Webhooks
webhooks-intro = Televent sends a signed message to your address whenever something you chose happens: for automations and your own servers.
webhooks-none = No webhooks yet.
webhooks-active = Active
webhooks-paused = Paused
webhooks-stopped = Paused by Televent
webhooks-paused-why = Paused: nothing is sent until you resume it; what changes meanwhile waits for it, for 30 days.
webhooks-stopped-why = Televent paused it because a message could not be delivered ({ $reason }). Resume it to send the waiting messages again; they wait for 30 days.
webhooks-hears = Triggers: { $triggers }
webhooks-waiting =
    { $count ->
        [0] Nothing waiting to be sent
        [one] { $count } message waiting to be sent
       *[other] { $count } messages waiting to be sent
    }
webhooks-pause = Pause
webhooks-resume = Resume
webhooks-pause-label = Pause the webhook to { $url }
webhooks-resume-label = Resume the webhook to { $url }
webhooks-now-paused = The webhook to { $url } is paused
webhooks-resumed = The webhook to { $url } is active again
webhooks-test = Send test
webhooks-test-label = Send a test message to { $url }
webhooks-testing = Sending a test message…
webhooks-test-delivered = Test delivered: answered { $status } in { $ms } ms.
webhooks-test-refused = Test not delivered: answered { $status } in { $ms } ms.
webhooks-test-failed = Test not delivered: { $error }
webhooks-deliveries = Deliveries
webhooks-deliveries-label = Recent deliveries to { $url }
webhooks-deliveries-title = Recent deliveries
webhooks-deliveries-loading = Loading…
webhooks-no-deliveries = Nothing sent yet.
webhooks-delivery-status = HTTP { $status }
webhooks-delivery-error = Failed: { $error }
webhooks-delivery-took = { $ms } ms
webhooks-delivery-attempt = attempt { $attempt }
webhooks-remove = Remove
webhooks-remove-label = Remove the webhook to { $url }
webhooks-remove-question = Remove the webhook to { $url }? It hears of nothing more, and messages not sent yet are dropped.
webhooks-removed = Removed the webhook to { $url }
webhooks-new = New webhook
webhooks-url = Address (https://…)
webhooks-triggers = Send a message when
webhooks-add = Add webhook
webhooks-added = Webhook added: { $url }
webhooks-secret-for = Signing secret of the webhook to { $url }:
webhooks-secret-once = Copy it now: it is shown only this once. Your receiver uses it to check that each message comes from Televent.
webhooks-secret-copy = Copy secret
webhooks-secret-copied = Secret copied
webhooks-secret-copy-prompt = Copy the secret:
webhooks-trigger-event-created = Event created
webhooks-trigger-event-updated = Event changed
webhooks-trigger-event-cancelled = Event cancelled
webhooks-trigger-event-deleted = Event deleted
webhooks-trigger-rsvp-changed = Answer to an invitation
webhooks-trigger-booking-created = Booking made
webhooks-trigger-booking-rescheduled = Booking rescheduled
webhooks-trigger-booking-cancelled = Booking cancelled
webhooks-type-test = Test message
