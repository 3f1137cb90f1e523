# Refusals of calendars, events, sharing, groups, settings and accounts (TeleventError.worded),
# wherever they surface: the bot, the JSON API's problem detail and the Mini App.
# A refusal a JSON client may read by its field keeps the field's name first in English
# ("end: ..."), as the API documents it; the other languages say it in words.

## Calendars and the people they are shared with

refusal-calendars-calendar-gone = Calendar not found.
refusal-calendars-share-self = You cannot share a calendar with yourself.
refusal-calendars-share-owner = That person owns this calendar.
refusal-calendars-no-such-person = That person has no Televent account.
refusal-calendars-already-member = That person is already a member; change their role instead.
refusal-calendars-member-cap = { $most ->
    [one] A calendar is shared with at most { $most } person.
   *[other] A calendar is shared with at most { $most } people.
}
refusal-calendars-already-accepted = You already accepted this calendar; leave it instead.
refusal-calendars-not-member = That person is not a member of this calendar.
refusal-calendars-owner-stays = The owner cannot leave their own calendar; delete it instead.
refusal-calendars-not-a-role = “{ $role }” is not a role: use read, write or manage.
refusal-calendars-not-published = This calendar is not published.
# $what: share, roles (change members' roles), remove (remove members), publish
refusal-calendars-role-forbids = { $what ->
    [share] Your role on this calendar does not allow you to share this calendar.
    [roles] Your role on this calendar does not allow you to change members' roles.
    [remove] Your role on this calendar does not allow you to remove members.
    [subscription] Your role on this calendar does not allow you to change its subscription.
   *[other] Your role on this calendar does not allow you to publish it.
}
refusal-calendars-read-only = You can view this calendar but not change its events.
refusal-calendars-cannot-manage = Your role on this calendar does not let you manage its members.
refusal-calendars-owner-only = Only the calendar's owner can rename or delete it for everyone.
refusal-calendars-role-denied = Your role does not allow this.
refusal-calendars-changed-meanwhile = Someone else changed this at the same time; reload and try again.

# $property: the property as it was named
refusal-calendars-property-unknown = Unknown calendar property: { $property }.
refusal-calendars-busy = busy is true or false.
# $most: how many properties calendar apps may keep on a calendar, or how long one may be
refusal-calendars-client-properties = A calendar keeps at most { NUMBER($most, useGrouping: 0) } client properties.
refusal-calendars-client-property = A client property is at most { NUMBER($most, useGrouping: 0) } characters, named {"{"}namespace{"}"}name.

## A calendar's name, colour and busy time, and whom it is shared with (PATCH /calendars/{id}, its members)

# $field: the field as the request named it
refusal-calendars-field-fixed = { $field }: cannot be changed here (name, color, busy).
refusal-calendars-name-blank = name: must be a name that is not blank, or null.
refusal-calendars-name-control-characters = name: contains control characters.
# $most: how long a calendar's name may be
refusal-calendars-name-long = name: is at most { $most } characters.
refusal-calendars-name-kept = name: your own calendar keeps a name: give one, not null.
refusal-calendars-color = color: must be a colour like #1E88E5, or null.
refusal-calendars-busy-value = busy: must be true, false or null.
refusal-calendars-busy-own = busy: is for calendars shared with you; yours are busy time.
refusal-calendars-member-not-started = member: that Telegram user has not started the bot yet, so has no calendar.
# $name: the @username as it was given
refusal-calendars-member-unknown = member: no Televent user is called { $name }; ask them to open the bot first.
refusal-calendars-member-form = member: give a Telegram id or an @username.
refusal-calendars-owner-role = The owner's role cannot change; they own the calendar.

## Events

refusal-calendars-event-gone = That event no longer exists.
refusal-calendars-event-changed = This event was changed elsewhere since you opened it; reload it and try again.
refusal-calendars-kept-changing = The event kept changing while it was being saved; try again.
refusal-calendars-event-cancelled = That event was cancelled.
refusal-calendars-not-attendee = That person is not an attendee of this event.
refusal-calendars-not-invited = You are not invited to this event.
refusal-calendars-title-required = title: is required.
refusal-calendars-title-empty = title: cannot be empty.
# $field: title, location or description
refusal-calendars-too-long = { $field }: is longer than { $limit } characters.
# $field: timezone (an event's), or the field that named a zone; $zone: as it was sent
refusal-calendars-event-time-zone = { $field }: '{ $zone }' is not an IANA time zone (like Europe/Berlin).
refusal-calendars-end-before-start = end: must be after start.
# $field: start or end; $given: the date as it was sent; $first and $last: years
refusal-calendars-years = { $field }: '{ $given }' is outside the years { $first } to { $last }.
refusal-calendars-recurrence = recurrence: “{ $rule }” is not a repetition rule (RRULE) Televent can read.
refusal-calendars-recurrence-never = recurrence: “{ $rule }” ends before the event starts, or after no repetition at all: the event would never show.
refusal-calendars-not-repeating = occurrence: this event does not repeat.
refusal-calendars-no-occurrence = The event has no occurrence at that time.
refusal-calendars-series-unsplittable = This repeating event cannot be split there; change the whole series instead.

## Proposals of a new time, answered by the organizer

refusal-calendars-proposal-unknown = That proposal is not known.
refusal-calendars-proposal-not-yours = That proposal is not for one of your events.
# $status: accepted or declined
refusal-calendars-proposal-answered = { $status ->
    [accepted] You already answered this proposal (accepted).
   *[other] You already answered this proposal (declined).
}

## Group calendars

refusal-calendars-group-admins-only = Only the group's admins can change its calendar settings.
refusal-calendars-group-view-only = This group's calendar is view-only: only admins add events.
refusal-calendars-group-no-calendar = This group has no calendar yet: send /calendar first.
refusal-calendars-group-calendar-gone = This group's calendar is gone: send /calendar to open a new one.
refusal-calendars-group-event-elsewhere = That event is not in this group's calendar.

## Settings and notification preferences

refusal-calendars-time-zone = Unknown time zone '{ $zone }'; use an IANA name such as Europe/Berlin.
refusal-calendars-reminder-minutes = A reminder lead time is between 0 and { NUMBER($most, useGrouping: 0) } minutes.
refusal-calendars-agenda-time = The morning agenda comes at a time of day written as HH:MM (24-hour), like 07:30, or is off.
refusal-calendars-quiet-hours = Quiet hours are a start and an end written as HH:MM-HH:MM, like 22:00-07:00, or off.
refusal-calendars-quiet-hours-equal = Quiet hours start and end at different times.
refusal-calendars-channels = Reminders, the morning agenda and notices each go by Telegram, by email, by both or by neither.
refusal-calendars-channel-unknown = “{ $channel }” is not a way Televent sends messages: each kind goes by Telegram, by email, by both or by neither.
# $languages: every language Televent speaks, by its own name and code
refusal-calendars-language = “{ $value }” is not a language Televent speaks. Choose one of { $languages }, or automatic.

## Accounts and devices

refusal-calendars-no-account = You have no Televent account yet: send /start to the bot first.
refusal-calendars-login-no-account = Send /start to the bot first: there is no account to log in to.
refusal-calendars-device-name = A device name is 1-64 letters, digits, spaces or . @ ' ( ) + - _ characters.
refusal-calendars-device-exists = A device named '{ $name }' already exists; revoke it first.
refusal-calendars-no-device = No active device named '{ $name }'.
refusal-calendars-no-erasure = No erasure is scheduled for this account.
refusal-calendars-email-not-linked = { $address } is not linked to this account.
