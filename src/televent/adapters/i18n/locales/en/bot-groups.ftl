## The bot in a Telegram group: the group's calendar, its event cards with ✅ ❔ ❌ and their
## tally, [Join this calendar] and the admins' settings. The cards are in the group calendar
## owner's language; answers to a command or a tap in the language of who wrote or tapped.

group-button-going = ✅ Going
group-button-maybe = ❔ Maybe
group-button-cant = ❌ Can't
group-button-who = 👥 Who
group-button-join = 📅 Join this calendar
group-button-open = 🗓 Open calendar

## The event card

group-tally = ✅ { $going } · ❔ { $maybe } · ❌ { $cant }
group-card-cancelled = <s>{ $title }</s> (cancelled)
group-no-title = (no title)
group-who-nobody = Nobody has answered yet.
group-noted = { $icon } Noted
group-someone = someone
group-user = User { $id }

## Commands in a group

group-help =
    📅 <b>This group's calendar</b>
    /create <i>what, when[, how long][, where]</i> — add an event, e.g. <code>/create Team lunch, friday 13:00, 1h</code>
    /today, /tomorrow, /week, /list — what's on
    /calendar — the calendar, [Join this calendar] and its settings
    Tap ✅ ❔ ❌ on an event to answer. For everything else, talk to me privately.
group-create-usage = 📝 Say what and when, e.g. <code>/create Team lunch, friday 13:00, 1h, Cafe Central</code>
group-not-here = That works in a private chat with me; in a group I handle /create, /week and /calendar.
group-wrong-group = This button belongs to another group.
group-stale = That button does not work here any more.
group-settings-usage = Admins: <code>/calendar edit on|off</code> (members may add events) and <code>/calendar reminders on|off</code> (reminders before events, posted here).
group-listing-title =
    { $command ->
        [today] Today
        [tomorrow] Tomorrow
        [week] This week
       *[list] Coming up
    }

## The group's calendar ($edit: members or admins; $reminders: on or off)

group-opened =
    📅 This group now has a calendar: <b>{ $title }</b> (kept by { $owner }).
    Tap [Join this calendar] to see it in your own calendars, phone and apps.
group-about = 📅 <b>{ $title }</b> — kept by { $owner }, { $count } joined
group-about-settings =
    ⚙️ { $edit ->
        [members] members add events
       *[admins] view-only: admins add events
    }; reminders here { $reminders ->
        [on] on
       *[off] off
    }
group-joined-owner = ‘{ $title }’ is yours: it is in your calendars.
group-joined = ‘{ $title }’ is in your calendars now — { $role }.
group-members-edit-on = ✅ Members may add events.
group-members-edit-off = ✅ View-only: admins add events.
group-reminders-on = ✅ Reminders are posted here.
group-reminders-off = ✅ No reminders here.
group-welcome-back = 👋 Back again: <b>{ $title }</b> is here as it was. /week shows what's on.
group-welcome = 👋 Hi! /create adds an event to this group's calendar; /calendar shows it.

## Refusals

group-gone = This group's calendar is gone: send /calendar to open a new one.
group-no-calendar = This group has no calendar yet: send /calendar first.
group-not-an-event = That is not an event.
group-not-in-calendar = That event is not in this group's calendar.
