## The bot: /availability (when people can book you), /booking (booking links), and the
## owner's messages when someone books, cancels or moves a booking.
## The commands' words (mon-fri, off, weekly, default, new, list, pause…) stay as they are.

## /availability ($days: "Mon–Fri", $hours: "9:00 AM–5:00 PM", in the reader's clock)

booking-bot-examples =
    <code>/availability mon-fri 09:00-12:00 13:00-17:00</code> — weekly hours
    <code>/availability sat 10:00-14:00</code> — one weekday
    <code>/availability sat off</code> — not bookable that weekday
    <code>/availability 2026-12-24 off</code> — a day off
    <code>/availability 2026-12-27 10:00-14:00</code> — other hours on one date
    <code>/availability 2026-12-24 weekly</code> — that date follows the week again
    <code>/availability default</code> — back to { $days } { $hours }
booking-bot-hours-title = 🗓 <b>When people can book you</b>
booking-bot-hours-default-title = 🗓 <b>When people can book you</b> (the default: you have not set your hours yet)
booking-bot-zone = Time zone: { $zone }
booking-bot-off = off
booking-bot-dates-title = <b>Dates with their own hours</b>
booking-bot-change-them = <b>Change them</b>
booking-bot-examples-title = <b>Examples</b>
booking-bot-saved = ✅ Saved.
booking-bot-which-days = Tell me which days and hours.
booking-bot-not-a-date = { $text } is not a date (YYYY-MM-DD).
booking-bot-past = { $day } is in the past.
booking-bot-days-backwards = { $text }: the first day comes after the last (try mon-fri).
booking-bot-unknown-day = I don't know the day “{ $text }”. Start with a weekday (mon, tue, …, mon-fri, weekend) or a date like 2026-12-24.
booking-bot-no-hours = Give the hours after the day, like <code>09:00-17:00</code> (several ranges separated by spaces), or <code>off</code>.
booking-bot-not-a-range = “{ $text }” is not a range of hours; write it like <code>09:00-17:00</code>.

## /booking ($length: "30 minutes"; $state: active or paused)

booking-bot-usage =
    🔗 <b>Booking links</b> let people book time with you on a web page, within your /availability and around the events already in your calendar.
    <code>/booking new intro 30 Intro call</code> — a 30-minute link at /book/intro
    <code>/booking list</code> — your links, their addresses and upcoming bookings
    <code>/booking pause intro</code> / <code>/booking resume intro</code> — stop or restart taking bookings
    <code>/booking delete intro</code> — delete a link (its bookings stay in your calendar)
    Buffers, notice, horizon and questions: Settings → Booking in the calendar app (/app).
booking-bot-new-usage = ⚠️ Give a short name for the address, the minutes and a title, like <code>/booking new intro 30 Intro call</code>.
booking-bot-created =
    🔗 <b>{ $title }</b> ({ $length }) is ready. Share this address:
    { $url }
    People can book within your /availability, around your events. <code>/booking pause { $slug }</code> stops it for a while.
booking-bot-no-links = You have no booking links yet.
booking-bot-list-title = 🔗 <b>Your booking links</b>
booking-bot-list-item =
    <b>{ $title }</b> — { $length }, { $state ->
        [active] active
       *[paused] ⏸ paused
    }, { $count ->
        [one] { $count } upcoming booking
       *[other] { $count } upcoming bookings
    }
booking-bot-list-footer = /availability sets when people can book you.
booking-bot-resumed = ▶️ <b>{ $title }</b> takes bookings again: { $url }
booking-bot-paused = ⏸ <b>{ $title }</b> is paused: its page shows no free times until <code>/booking resume { $slug }</code>.
booking-bot-delete-ask = 🗑 Delete the booking link <b>{ $title }</b> ({ $url })? Its page stops working; bookings already made stay in your calendar.
booking-bot-delete-yes = Yes, delete it
booking-bot-delete-no = No, keep it
booking-bot-kept = Kept
booking-bot-link-stays = 👍 The link stays.
booking-bot-already-gone = That link is already gone.
booking-bot-deleted = Deleted
booking-bot-deleted-text = 🗑 The booking link /book/{ $slug } is deleted. Bookings already made stay in your calendar.
booking-bot-no-such-link = You have no booking link “{ $slug }”. /booking list shows yours.
booking-bot-not-registered = You are not registered yet: send /start first.

## The owner's messages about bookings ($when: "Tue, Mar 3, 2:00 PM–2:30 PM")

booking-bot-someone = Someone
booking-bot-a-booking = a booking
booking-bot-unknown-time = an unknown time
booking-bot-booked = 📅 { $who } booked time with you: <b>{ $title }</b>, { $when }
booking-bot-booked-for = 📅 { $who } booked { $length } with you: <b>{ $title }</b>, { $when }
booking-bot-cancelled = ❌ { $who } cancelled <b>{ $title }</b>, { $when }. The time is free again.
booking-bot-cancelled-why = ❌ { $who } cancelled <b>{ $title }</b>, { $when } ({ $reason }). The time is free again.
booking-bot-moved = 🔄 { $who } moved <b>{ $title }</b> to { $when }.
booking-bot-moved-from = 🔄 { $who } moved <b>{ $title }</b> to { $when } (was { $was }).
