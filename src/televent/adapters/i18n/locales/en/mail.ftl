## The mails Televent writes (adapters/mail): reminders, the morning agenda, notices,
## invitations and booking mails, the code mail and the unsubscribe pages.

## An event's summary in a mail

mail-label-when = When
mail-label-where = Where
mail-label-organizer = Organizer
mail-label-guests = Guests
# a labelled line of a mail's text: "When: Mon, Mar 2, 2026, 10:00 AM"
mail-field = { $label }: { $value }
# the heading of a list: "Guests:"
mail-list-heading = { $label }:
mail-no-title = (no title)
mail-no-time = no time set
mail-someone = Someone
mail-the-organizer = The organizer
mail-all-day = all day
# $day is a date with its weekday and year ("Mon, Mar 2, 2026")
mail-when-all-day = { $day } (all day)
mail-day-and-time = { $day }, { $time }
mail-time-range = { $start }–{ $end }
# $zone is a time zone's name ("Europe/Berlin")
mail-in-zone = { $when } ({ $zone })
mail-one-occurrence = { $text } (one occurrence)

## Reminders

mail-reminder-subject = Reminder: { $title } @ { $when }
mail-reminder-now = { $title } starts now
mail-reminder-soon = { $title } starts soon
mail-reminder-minutes =
    { $count ->
        [one] { $title } starts in { $count } minute
       *[other] { $title } starts in { $count } minutes
    }
mail-reminder-hours =
    { $count ->
        [one] { $title } starts in { $count } hour
       *[other] { $title } starts in { $count } hours
    }
mail-reminder-days =
    { $count ->
        [one] { $title } starts in { $count } day
       *[other] { $title } starts in { $count } days
    }

## Invitations, changes and answers

mail-invitation-subject = Invitation: { $title } @ { $when }
mail-invitation-headline = { $organizer } invites you
mail-invitation-update-subject = Updated invitation: { $title } @ { $when }
mail-invitation-update-headline = { $organizer } changed the meeting; please check the details
mail-cancelled-subject = Cancelled: { $title } @ { $when }
mail-cancelled-headline = The organizer cancelled the meeting
mail-uninvited-subject = Removed: { $title } @ { $when }
mail-uninvited-headline = You were removed from the meeting
mail-answer-in-app = Answer in Telegram, or in the calendar app: { $url }
# $status: accepted, declined, tentative, delegated or other
mail-rsvp =
    { $status ->
        [accepted] { $who } accepted
        [declined] { $who } declined
        [tentative] { $who } tentatively accepted
        [delegated] { $who } delegated
       *[other] { $who } answered
    }
# $answer is mail-rsvp ("Bob declined")
mail-rsvp-subject = { $answer }: { $title } @ { $when }
# iMIP mails to people outside Televent, from a Televent user ($who)
mail-imip-invite-headline = { $who } invites you to { $title }
mail-imip-update-headline = { $who } updated { $title }
mail-imip-cancel-headline = { $who } cancelled { $title }
mail-imip-declinecounter-headline = { $who } keeps the time of { $title }
mail-imip-declinecounter-subject = Proposal declined: { $title } @ { $when }

## Bookings of a person's links

mail-booking-with = { $title } with { $name }
mail-booked-subject = Booked: { $meeting } @ { $when }
mail-booked-headline = { $name } booked a time with you
mail-booking-cancelled-subject = Booking cancelled: { $meeting } @ { $when }
mail-booking-cancelled-headline = { $name } cancelled
mail-booking-moved-subject = Booking moved: { $meeting } @ { $when }
mail-booking-moved-headline = { $name } moved the booking
mail-booking-reason = Reason: { $reason }
mail-booking-was = Was: { $when }
mail-booking-email = Email: { $email }
# the visitor's mails
mail-visitor-moved-subject = Moved: { $meeting } @ { $when }
mail-visitor-manage = Cancel or reschedule: { $url }

## The morning agenda

# $day is a day with its weekday ("Monday, March 2")
mail-agenda-subject = Your day: { $day }
mail-agenda-intro = Your day, { $day } ({ $zone })
mail-agenda-empty = Nothing planned today.
mail-agenda-unreadable =
    { $count ->
        [one] ({ $count } event could not be shown)
       *[other] ({ $count } events could not be shown)
    }
mail-agenda-conflicts = (!) marks events that overlap.
mail-agenda-conflict = (!) { $when }
mail-agenda-at = at { $location }
mail-agenda-repeats = repeats
mail-agenda-awaiting = awaiting your answer

## Why the mail came

# $kind: reminders, agenda or notices
mail-footer-why =
    { $kind ->
        [reminders] You get reminders by email because you chose so in Televent's settings.
        [agenda] You get the morning agenda by email because you chose so in Televent's settings.
       *[notices] You get notices about your events by email because you chose so in Televent's settings.
    }
mail-footer-stop = Stop these emails: { $url }
mail-footer-settings = Change it with /settings in the bot, or in the calendar app.

## The code that links an email

mail-code-subject = Your Televent code: { $code }
mail-code-someone = A Televent user
mail-code-asked =
    { $minutes ->
        [one] { $who } asked to link { $address } to their Televent account. To do it, give this code back to Televent (in the bot: /email { $code }) within { $minutes } minute.
       *[other] { $who } asked to link { $address } to their Televent account. To do it, give this code back to Televent (in the bot: /email { $code }) within { $minutes } minutes.
    }
mail-code-ignore = If it was not you, ignore this mail: nothing is linked without the code.

## The unsubscribe link's pages

mail-unsubscribe-page-title = Televent: email
mail-unsubscribe-not-found = This unsubscribe link is not valid (any more). Change what you get by email with /settings in the Televent bot.
# $kind: reminders, agenda or notices; $name is the account's name
mail-unsubscribe-confirm =
    { $kind ->
        [reminders] Stop sending reminders to { $name } by email? Telegram and the other emails stay as they are.
        [agenda] Stop sending the morning agenda to { $name } by email? Telegram and the other emails stay as they are.
       *[notices] Stop sending notices to { $name } by email? Telegram and the other emails stay as they are.
    }
mail-unsubscribe-button =
    { $kind ->
        [reminders] Unsubscribe from reminders
        [agenda] Unsubscribe from the morning agenda
       *[notices] Unsubscribe from notices
    }
mail-unsubscribe-done =
    { $kind ->
        [reminders] Done: reminders no longer come to { $name } by email. Turn them back on with /settings in the Televent bot, or in the calendar app.
        [agenda] Done: the morning agenda no longer comes to { $name } by email. Turn it back on with /settings in the Televent bot, or in the calendar app.
       *[notices] Done: notices no longer come to { $name } by email. Turn them back on with /settings in the Televent bot, or in the calendar app.
    }
