## The bot in a private chat: /start, /help, time zones, listings, devices, export, erasure,
## /app, the command menu and answers to what it did not understand.

## /start and /help (keep the /commands as they are: they are what people type)

bot-welcome =
    👋 Hi { $name }! I keep your calendar right here in Telegram.
    • /create an event in one line: <code>/create Team sync, tomorrow 15:00, 1h</code>
    • Invite people, and answer invitations with one tap.
    • Sync with Apple Calendar, Thunderbird or DAVx5: /device add laptop
bot-help =
    <b>Televent commands</b>
    /create <i>title, when[, duration][, place]</i> — e.g. <code>/create Dentist, fri 9:30, 45m</code>
    /today, /tomorrow, /week — what's on; /list — everything coming up
    /app — the calendar app (month, week, day views), and a login link for a browser
    /event <i>id</i> — details, with buttons to invite, cancel or export
    /invite <i>id</i> <i>@username | Telegram id | email …</i> — invite people
    /attendees <i>id</i> — who accepted, declined, or hasn't answered
    /rsvp <i>accept | tentative | decline</i> <i>id</i> — answer an invitation
    /cancel <i>id</i> — cancel your event (alone: leave a dialogue)
    /calendars — your calendars and invitations; /calendars <i>name</i> — who has one
    /share <i>calendar @username</i> [read | write | manage] — e.g. <code>/share family @anna</code>
    /unshare <i>calendar @username</i> — stop sharing; /leave <i>calendar</i> — leave a shared one
    /timezone <i>city or zone</i> — e.g. <code>/timezone Berlin</code>
    /language — the language I speak to you in
    /reminder <i>minutes</i> — how long before events I remind you (0: off)
    /agenda <i>HH:MM</i> | off — your day's events every morning at that local time
    /quiet <i>HH:MM-HH:MM</i> | off — quiet hours: messages wait until they end
    /settings — notifications: reminders, invitation cards, answers, quiet hours, agenda, clock
    /email — your invitation address; /email <i>you@example.com</i> links your email (a code is mailed)
    /availability <i>days hours</i> — when people can book you: <code>/availability mon-fri 9-17</code>
    /booking new <i>slug minutes title</i> | list | pause | resume | delete — booking links
    /device add <i>name</i> | list | revoke <i>name</i> — passwords for CalDAV apps
    /export — your calendar as an .ics file
    📥 Send an .ics file to import its events (its caption may name the calendar)
    🔗 /subscribe <i>webcal:// or https:// link</i> — a calendar that follows a feed (holidays, school, work); /subscriptions — yours
    🔄 /google — connect your Google Calendar, both ways
    /deleteaccount — erase your data (after 30 days, cancellable)
    Ids are the short codes shown in lists, like <code>a1b2c3</code>.

## Time zone and reminders

bot-zone-ask = 🌍 Your time zone is <b>{ $zone }</b>. Tap yours, or type a city (e.g. <i>Berlin</i>, <i>New York</i>) or a zone name:
bot-zone-set = ✅ Time zone set to <b>{ $zone }</b>. Try <code>/create Lunch, tomorrow 13:00</code> or /help.
bot-zone-tapped = Time zone: { $zone }
bot-reminder-current =
    { $minutes ->
        [0] Reminders are off. Turn them on with <code>/reminder 15</code> (minutes before events).
        [one] I remind you { $minutes } minute before events. Change it with <code>/reminder 30</code> (0 turns reminders off).
       *[other] I remind you { $minutes } minutes before events. Change it with <code>/reminder 30</code> (0 turns reminders off).
    }
bot-reminder-set =
    { $minutes ->
        [0] Reminders are off.
        [one] ⏰ I'll remind you { $minutes } minute before.
       *[other] ⏰ I'll remind you { $minutes } minutes before.
    }

## Listings: /today, /tomorrow, /week, /list

bot-list-today = Today
bot-list-tomorrow = Tomorrow
bot-list-week = This week
bot-list-coming-up = Coming up (next { $days } days)
# $title: bot-list-coming-up; $first, $last: the events shown on this page, $total: all of them
bot-list-page = { $title } — { $first }–{ $last } of { $total }
bot-list-empty = Nothing planned. Add something with /create.
bot-list-more = … and { $count } more. /list shows everything, page by page.
# what a message too long for Telegram leaves out, at its end
bot-more = … and { $count } more.
bot-list-cancelled = <s>{ $title }</s> (cancelled)
# who accepted of how many invited, on a line of a listing
bot-list-people = 👥 { $accepted }/{ $invited }
bot-left-out-shown =
    { $count ->
        [one] ⚠️ { $count } event could not be shown: its calendar data cannot be read.
       *[other] ⚠️ { $count } events could not be shown: their calendar data cannot be read.
    }
bot-left-out-exported =
    { $count ->
        [one] ⚠️ { $count } event could not be exported: its calendar data cannot be read.
       *[other] ⚠️ { $count } events could not be exported: their calendar data cannot be read.
    }

## Devices (CalDAV passwords)

bot-device-usage =
    Devices get their own CalDAV password:
    <code>/device add laptop</code> — a new password (shown once)
    <code>/device list</code> — your devices
    <code>/device revoke laptop</code> — stop a device from syncing
bot-device-none = No devices yet.
# $password, $server, $user, $revoke: preformatted <code>…</code>
bot-device-added =
    🔑 Password for <b>{ $name }</b> (shown only this once):
    { $password }

    In Apple Calendar, Thunderbird or DAVx5 add a CalDAV account:
    • Server: { $server }
    • User name: { $user }
    • Password: the one above
    Revoke it any time with { $revoke }.
bot-device-list = <b>Your devices</b>
bot-device-line = • { $name } — since { $since }
bot-device-line-used = • { $name } — since { $since }, last sync { $used }
bot-device-revoked = 🚫 { $name } can no longer sync.

## /export and /deleteaccount

bot-export-caption = 📤 Your calendar. Open it in any calendar app to import it.
bot-erase-ask = ⚠️ Erase your account? Your calendar, devices and answers will be erased after a 30-day grace period; until then you can change your mind with /keepaccount.
bot-erase-already = Your data is already scheduled for erasure on { $day }. Send /keepaccount to cancel that.
bot-erase-scheduled = 🗑 Your data will be erased on <b>{ $day }</b>. Changed your mind? Send /keepaccount before then.
bot-erase-scheduled-tapped = Scheduled
bot-erase-kept = 👍 Nothing will be erased.
bot-erase-nothing = Nothing is scheduled for erasure. 👍
bot-erase-cancelled = ✅ Erasure cancelled; your account stays.

## /app: the calendar app (Mini App) and the browser login link

bot-app-not-served = 📅 The calendar app is not available on this server. /help lists what I can do here.
bot-app-link-rules = The link works once and expires in { $lifetime }; it logs you in, so don't share it.
# The name of the calendar every account starts with (its owner may rename it)
calendar-default-name = Calendar
# The chat's menu button that opens the Mini App (a few letters: Telegram shows it beside the input)
bot-menu-button = Calendar
bot-app-open = 📅 Your calendar: month, week, day and agenda views. Tap <b>Open calendar</b>.
bot-app-browser = 🌐 On a computer? <b>Open in a browser</b> signs you in there. { $rules }
bot-app-needs-https = 📅 The calendar app can't open inside Telegram here. Telegram opens the app only from an HTTPS address: the server's operator sets <code>TELEVENT_PUBLIC_URL</code> to its <code>https://</code> address for that.
bot-app-no-links = Browser links are not enabled on this server either.
bot-app-browser-link = 🌐 Open it in a browser with this link. { $rules }

## The command menu (Telegram shows these next to each /command; at most 256 characters)

bot-cmd-today = What's on today
bot-cmd-tomorrow = What's on tomorrow
bot-cmd-week = The next seven days
bot-cmd-list = Everything coming up
bot-cmd-app = The calendar app: month, week and day views
bot-cmd-create = New event: /create Team sync, tomorrow 15:00, 1h
bot-cmd-event = Details of an event: /event a1b2c3
bot-cmd-invite = Invite people: /invite a1b2c3 @anna
bot-cmd-attendees = Who is coming: /attendees a1b2c3
bot-cmd-rsvp = Answer: /rsvp accept a1b2c3
bot-cmd-cancel = Cancel an event, or leave a dialogue
bot-cmd-calendars = Your calendars, those shared with you, invitations
bot-cmd-share = Share a calendar: /share family @anna [read|write|manage]
bot-cmd-subscribe = Follow a calendar feed: /subscribe webcal://…
bot-cmd-google = Connect your Google Calendar
bot-cmd-calendar = In a group: the group's calendar, [Join this calendar]
bot-cmd-timezone = Your time zone
bot-cmd-language = The language I speak: /language ru
bot-cmd-reminder = Minutes before events to remind you
bot-cmd-agenda = Your day every morning: /agenda 07:30 or off
bot-cmd-settings = Notifications: reminders, invitations, quiet hours
bot-cmd-email = Your invitation address; link your email: /email you@example.com
bot-cmd-availability = When people can book you: /availability mon-fri 09:00-17:00
bot-cmd-booking = Booking links: /booking new intro 30 Intro call
bot-cmd-device = CalDAV passwords: add, list, revoke
bot-cmd-export = Your calendar as an .ics file
bot-cmd-deleteaccount = Erase your data (after 30 days)
bot-cmd-help = All commands with examples

## What the bot did not understand, and short answers to taps

bot-fallback-command = 🤔 I don't know /{ $command }. /help lists what I can do.
bot-fallback-command-close = 🤔 I don't know /{ $command }. Did you mean /{ $close }? /help lists what I can do.
bot-fallback-not-text = I only read text messages. /help lists what I can do.
# $example: a /create line, preformatted <code>…</code>
bot-fallback-text =
    🤔 I'm not sure what you mean. To add an event, try
    { $example }
    or /help for everything I can do.
bot-stale-button = That button is no longer valid.
bot-dialogue-left = OK, cancelled. 👍
bot-dialogue-none = Nothing to cancel. /help lists commands.
bot-not-registered = You are not registered yet: send /start first.
bot-saved-tapped = Saved
bot-kept-tapped = Kept
bot-done-tapped = Done
bot-someone = Someone
