## Events in the bot: times, answers, cards, notices and reminders, /create, /event, /invite,
## /rsvp and /cancel, and what it says when it cannot read a date.

## An event's time ($day, $first, $last: "Mon, Mar 2"; $time, $start, $end: "4:00 PM")

bot-when-none = no date
bot-all-day = all day
bot-when-all-day = { $day }, all day
bot-when-all-days = { $first } – { $last }, all day
bot-day-and-time = { $day }, { $time }
bot-time-range = { $start }–{ $end }
bot-time-until-day = { $start } – { $last }, { $end }
# something quoted back to the person: what they typed, a zone name
bot-quote = “{ $text }”

## Answers to invitations ($answer: the PARTSTAT in lower case)

bot-answer =
    { $answer ->
        [accepted] ✅ accepted
        [tentative] ❔ maybe
        [declined] ❌ declined
        [delegated] ↪️ delegated
       *[other] ⏳ no answer yet
    }
bot-your-answer = Your answer: { $answer }
bot-button-accept = ✅ Accept
bot-button-tentative = ❔ Tentative
bot-button-decline = ❌ Decline
bot-button-accept-time = ✅ Accept new time
bot-button-keep-time = ❌ Keep the time
bot-button-add-calendar = ✅ Add to my calendars
bot-button-decline-calendar = ✖️ Decline
bot-button-invite = ➕ Invite
bot-button-cancel-event = 🗑 Cancel event
bot-button-export = 📤 Export
bot-button-open = 📅 Open
bot-button-open-calendar = 📅 Open calendar
bot-button-open-in-browser = 🌐 Open in a browser
bot-button-cancel-yes = Yes, cancel it
bot-button-keep-it = No, keep it
bot-button-erase-yes = Yes, erase my data
bot-button-earlier = ◀️ Earlier
bot-button-later = Later ▶️
bot-button-save = ✅ Save
bot-button-discard = ✖️ Discard

## The event card (/event) and who is invited (/attendees)

bot-no-title = (no title)
bot-event-cancelled = ❌ CANCELLED: { $title }
bot-event-organizer = 👤 Organizer: { $name }
bot-event-invited =
    { $count ->
        [one] 👥 { $count } invited:
       *[other] 👥 { $count } invited:
    }
# $id: the event's short id, preformatted <code>…</code>
bot-event-id = id { $id }
bot-event-which = Which event? e.g. { $command } — ids are in /list.
bot-event-ics-caption = Open it to add the event to another calendar.
bot-event-gone = That event no longer exists.
bot-event-not-an-id = “{ $text }” is not an event id; ids look like a1b2c3 (see /list).
bot-event-not-found = No event { $id } in your calendar (see /list for ids).
bot-event-ambiguous = Several events start with { $id }; type more of the id.
bot-attendees-none = Nobody is invited to <b>{ $title }</b> yet. Invite with { $command }
bot-attendees-head =
    { $count ->
        [one] <b>{ $title }</b> — { $count } invited
       *[other] <b>{ $title }</b> — { $count } invited
    }

## Invitation cards and notices (rendered for their recipient when sent)

bot-card-invitation = 📨 <b>Invitation</b>
bot-card-updated = 🔄 <b>Invitation updated</b> — please check the new details
bot-card-from = 👤 From { $name }
bot-notice-an-event = an event
bot-notice-an-attendee = An attendee
bot-notice-a-new-time = a new time
bot-notice-rsvp =
    { $answer ->
        [accepted] { $who } accepted <b>{ $title }</b>
        [tentative] { $who } tentatively accepted <b>{ $title }</b>
        [declined] { $who } declined <b>{ $title }</b>
        [needs-action] { $who } has not answered <b>{ $title }</b>
        [delegated] { $who } delegated <b>{ $title }</b>
       *[other] { $who } answered <b>{ $title }</b>
    }
bot-notice-one-occurrence = { $text } (one occurrence)
bot-notice-cancelled = ❌ <b>{ $title }</b> ({ $when }) was cancelled by the organizer.
bot-notice-uninvited = ➖ You were removed from <b>{ $title }</b> ({ $when }).
bot-notice-write-back-changed = ⚠️ Your change to <b>{ $title }</b> ({ $when }) did not reach your other calendar: the event was changed there too, and that version is shown now. Make your change again if you still want it.
bot-notice-write-back-deleted = ⚠️ Your change to <b>{ $title }</b> ({ $when }) did not reach your other calendar: the event was deleted there, so it is gone here too.
bot-notice-counter = 🕑 { $who } proposes a new time for <b>{ $title }</b>: { $proposed }
bot-notice-code-undelivered = ⚠️ The email with your code could not be delivered to { $recipient }.
bot-notice-mail-undelivered =
    { $what ->
        [cancel] ⚠️ The cancellation email for <b>{ $title }</b> could not be delivered to { $recipient }.
        [reply] ⚠️ The answer email for <b>{ $title }</b> could not be delivered to { $recipient }.
       *[other] ⚠️ The invitation email for <b>{ $title }</b> could not be delivered to { $recipient }.
    }
bot-reminder-in =
    { $minutes ->
        [one] ⏰ <b>{ $title }</b> starts in { $minutes } minute
       *[other] ⏰ <b>{ $title }</b> starts in { $minutes } minutes
    }
bot-reminder-now = ⏰ <b>{ $title }</b> starts now
bot-reminder-soon = ⏰ <b>{ $title }</b> starts soon
bot-counter-accepted = ✅ <b>{ $title }</b> moved to the proposed time; everyone is told.
bot-counter-declined = 👌 <b>{ $title }</b> keeps its time; the proposer is told.

## /create (the example must read as a /create line in this language)

bot-create-example = /create Team sync, tomorrow 15:00, 1h, Room 4
bot-create-ask-title = 📝 What's the event called? (/cancel to stop)
bot-create-title-length = A title is 1 to 200 characters. What's the event called?
bot-create-ask-when = 🕒 When? e.g. <i>tomorrow 15:00</i>, <i>fri 9:30</i>, <i>25.12</i> (all day)
bot-create-when-again = When is it?
# $default: how long the event is when the person skips, "1 hour"
bot-create-ask-duration = ⏱ How long? e.g. <i>1h</i>, <i>45m</i>, <i>30</i> (minutes) — or <i>skip</i> for { $default }
bot-create-duration-again = How long is it?
bot-create-ask-location = 📍 Where? (or <i>skip</i>)
bot-create-ask-description = 📝 Any notes for the description? (or <i>skip</i>)
# the words that skip an optional step, comma-separated (English ones always work too)
bot-create-skip-words = skip, no, none, nothing, -
bot-create-confirm = Save this event?
# $length: "1 hour 30 minutes"
bot-create-when-long = { $when } ({ $length })
bot-create-pending = Tap ✅ Save or ✖️ Discard on the card above (or /cancel).
bot-create-discarded = Discarded
bot-create-expired = That card has expired
bot-create-not-saved = ✖️ Not saved.
bot-create-saved-tap = Saved ✅
# $card: the event card; $command: /invite with its id, preformatted <code>…</code>
bot-create-saved =
    ✅ Saved!
    { $card }

    Invite people: { $command }

## What /create, /timezone and the dialogue say when they cannot read something (plain text)

bot-parse-no-date = Please give a date, e.g. “tomorrow 15:00” or “Fri 9:30”.
bot-parse-bad-date = I couldn't read a date in { $text }. Try “tomorrow 15:00” or “Fri 9:30”.
bot-parse-too-far = { $text } reads as { $date }, over five years away. A typo?
bot-parse-past = { $text } reads as { $date }, which is in the past.
bot-parse-bad-duration = I couldn't read a duration in { $text }. Try “1h” or “45m”.
bot-parse-duration-range = A duration must be more than zero and at most 14 days, not { $text }.
bot-parse-no-date-found = I couldn't find the date. Use commas, e.g. “{ $example }”.
bot-parse-no-title = The event needs a title, e.g. “{ $example }”.
bot-parse-when-missing = When is { $title }? E.g. “{ $example }”.
bot-parse-title-too-long = That title is too long: at most { $most } characters, please.
bot-parse-all-day-length = Without a start time this is an all-day event, so its length must be whole days (“2 days”). Or add a time, e.g. “25.12 18:00”.
bot-parse-zone-gone = I don't know the time zone { $zone }; please set it again.
bot-parse-zone-whole-hours = Only whole-hour offsets work here; for { $text } please type a city, e.g. { $city }.
bot-parse-zone-nowhere = No place on Earth is at { $text }. Try a city, e.g. “Berlin”.
bot-parse-zone-did-you-mean = Did you mean { $names }?
bot-parse-zone-try-city = Try a city like “Berlin”.
bot-parse-zone-unknown = I don't know the time zone { $zone }. { $hint } Names like “Europe/Berlin” and offsets like “UTC+3” work too.

## /invite, /rsvp, /cancel

bot-invite-usage = Invite whom to what? e.g. { $command }
bot-invite-how = Send { $command } (or a Telegram id or an email address; several at once are fine).
bot-invite-not-organizer = Only the organizer can invite people to this event.
bot-invite-done = ✔️ { $invitee } invited
bot-invite-mailed = ✔️ { $invitee } invited (an email invitation is on its way)
bot-invite-failed = ✖️ { $invitee }: { $reason }
bot-invite-self = ✖️ { $invitee }: that is you.
bot-rsvp-usage = Answer how, and to what? e.g. { $command } (accept, tentative or decline).
# $answer: bot-answer
bot-rsvp-done = { $answer }: <b>{ $title }</b>. The organizer has been told.
bot-rsvp-not-invited = You are not invited to this event, so you cannot answer it.
# the single words /rsvp understands besides accept, tentative and decline, comma-separated
bot-rsvp-words-accept = accept, yes
bot-rsvp-words-tentative = tentative, maybe
bot-rsvp-words-decline = decline, no
bot-cancel-not-yours = You can only cancel your own events; to say you won't come, use { $command }.
bot-cancel-ask = Cancel <b>{ $title }</b>? Everyone invited will be told.
bot-cancel-ask-when = Cancel <b>{ $title }</b> ({ $when })? Everyone invited will be told.
bot-cancel-done = ❌ <b>{ $title }</b> ({ $when }) is cancelled.
bot-cancel-tapped = Cancelled
bot-cancel-kept = 👍 Kept as it is.
bot-notice-webhook-paused = ⏸ Your webhook to { $url } is paused: its deliveries kept failing for a day (last: { $reason }). Resume it in the app's settings once the receiver works again. What changes meanwhile waits for it, for 30 days.
