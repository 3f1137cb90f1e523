# Importing a calendar file (the bot, the API; docs/adr/0024).
import-result = Imported: { $imported }. Updated: { $updated }. Already there: { $unchanged }. Skipped: { $skipped }.
import-skipped = “{ $summary }” skipped: { $reason }
import-skipped-more = …and { $count } more skipped.
import-left-kind = not an event this calendar holds
import-left-mixed = its UID names two kinds of item
import-left-repeated = its UID comes again later in the file
import-left-invalid = its data cannot be read ({ $detail })
import-left-name = another event already has its name
refusal-import-too-large = The file is { $size } MB; at most { $limit } MB can be imported at once.
refusal-import-too-many = The file holds { $count } events; at most { $limit } can be imported at once.
refusal-import-not-ics = This is not a calendar file (.ics).
# Then the first thing skipped and why (import-skipped: $summary and $reason)
refusal-import-nothing = Nothing in this file can be imported. { import-skipped }
refusal-import-empty = The file holds no events.
api-detail-not-calendar = The request body must be an iCalendar file (Content-Type: text/calendar).
bot-import-done = 📥 Imported into “{ $calendar }”. Nobody was invited or told.
bot-import-not-ics = Send a calendar file (.ics) and I will import its events into your calendar.
