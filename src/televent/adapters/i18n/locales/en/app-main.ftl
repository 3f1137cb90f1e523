# The Mini App: moving between screens, saving and deleting events, errors, the login screen,
# and an event's own reminders (js/app.js, js/api.js, js/reminders.js).
main-back = Back
main-back-calendar = Calendar
main-save = Save
main-created = Event created
main-saved = Saved
main-delete = Delete
main-delete-question = Delete “{ $title }”?
main-deleted = Deleted
main-moved = Moved
main-accept-first = Accept the invitation to see this calendar.
main-calendar-unavailable = This calendar is not available to you.
main-error-changed = This event was changed elsewhere; it has been reloaded.
main-error-offline = Televent cannot be reached. Check your connection.
main-error-status = The server answered { $status }.
main-login-title = Welcome to Televent
main-login-how = Open Televent from the bot, or send /app to the bot for a login link.

# An event's own reminders, on its card and in the event form.
reminders-legend = Reminders
reminders-none-choice = None
reminders-at-start = At the start
reminders-at-end = At the end
reminders-before = { $duration } before
reminders-after = { $duration } after the start
reminders-before-end = { $duration } before the end
reminders-after-end = { $duration } after the end
reminders-at-moment = At { $moment }
reminders-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
reminders-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
reminders-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
reminders-weeks = { $count ->
    [one] { $count } week
   *[other] { $count } weeks
}
reminders-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}
reminders-list = { $count ->
    [one] Reminder
   *[other] Reminders
}: { $reminders }
reminders-none = No reminder
reminders-default = Reminder: { $reminder } (as in your settings)
reminders-off = No reminders: they are off in your settings
reminders-hint-default = Nothing ticked: your usual reminder, { $reminder }.
reminders-hint-off = Reminders are off in your settings, so none is sent.
reminders-hint-ignored = Your settings leave events' own reminders aside: every event reminds you { $reminder }.
# A time field (js/timefield.js) holding something that is not a time.
time-field-invalid = { $field }: write a time, such as { $example }.
