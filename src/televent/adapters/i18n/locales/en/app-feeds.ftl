# The Mini App: a calendar published as a feed, on its people screen (docs/adr/0022).
feeds-title = Subscribe in other calendar apps
feeds-hint = A secret link that Google Calendar, Outlook or Apple Calendar can subscribe to. Anyone with the link sees this calendar.
feeds-busy-only = Busy times only (no titles or details)
feeds-publish = Publish as a link
feeds-publish-again = New link (the old one stops working)
feeds-published = Published as a link.
feeds-published-busy = Published as a link, busy times only.
feeds-not-published = Not published.
feeds-link = Link
feeds-copy = Copy link
feeds-copied = Link copied
feeds-once = Copy it now: the link is shown only this once.
feeds-stop = Stop publishing
feeds-stop-question = Stop publishing “{ $name }”? Apps subscribed to the link stop getting it.
feeds-stopped = The link no longer works.
