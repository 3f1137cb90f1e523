## /settings, /agenda, /quiet and the morning agenda in the bot.

## /settings: the text above the buttons, and each button (a tap sets the next value)

bot-settings-text =
    ⚙️ <b>Notifications</b> (times in { $zone }). Tap to change.
    Custom times: <code>/agenda 07:30</code>, <code>/quiet 22:00-07:00</code>, <code>/reminder 20</code>. Language: /language.
bot-settings-no-email = ✉️ You chose email, but no email is linked to your account, so nothing is mailed. Link one with <code>/email you@example.com</code>.
bot-settings-email-to = ✉️ Email goes to { $emails }.
bot-settings-reminders =
    { $minutes ->
        [0] ⏰ Reminders: off
       *[other] ⏰ Reminders: { $minutes } min before
    }
# $state: "on" or "off"
bot-settings-alarms =
    { $state ->
        [on] 🔔 Events' own alarms: on
       *[off] 🔔 Events' own alarms: off
    }
bot-settings-cards-telegram =
    { $state ->
        [on] 📨 Invitations from Televent: on
       *[off] 📨 Invitations from Televent: off
    }
bot-settings-cards-email =
    { $state ->
        [on] ✉️ Invitations by email: on
       *[off] ✉️ Invitations by email: off
    }
bot-settings-notices =
    { $which ->
        [all] 📣 Answers to my events: every answer
        [declines] 📣 Answers to my events: declines only
       *[none] 📣 Answers to my events: none
    }
# $hours: "10:00 PM–7:00 AM"
bot-settings-quiet = 🌙 Quiet hours: { $hours }
bot-settings-quiet-off = 🌙 Quiet hours: off
bot-settings-quiet-reminders =
    { $how ->
        [keep] ⏰ Reminders in quiet hours: keep
       *[hold] ⏰ Reminders in quiet hours: hold
    }
bot-settings-agenda = ☀️ Morning agenda: { $time }
bot-settings-agenda-off = ☀️ Morning agenda: off
bot-settings-agenda-empty =
    { $state ->
        [on] 📭 Agenda on empty days: on
       *[off] 📭 Agenda on empty days: off
    }
# $kind: reminders, agenda or notices; $where: telegram, email, both or none
bot-settings-channel =
    { $kind ->
        [reminders] ⏰ Reminders
        [agenda] ☀️ Agenda
       *[notices] 📣 Notices
    } by: { $where ->
        [telegram] Telegram
        [email] email
        [both] Telegram + email
       *[none] nowhere
    }
# $cycle: "h24", "h12" or "auto" (as the person's language writes times)
bot-settings-clock =
    { $cycle ->
        [h24] 🕒 Clock: 24-hour
        [h12] 🕒 Clock: 12-hour (AM/PM)
       *[auto] 🕒 Clock: as my language writes it
    }

## /agenda and /quiet

bot-agenda-none = ☀️ No morning agenda. Get one every day with <code>/agenda 07:30</code> (your local time).
# $empty: "yes" when it comes on days without events too; $next: "Mon, Mar 2, 7:30 AM"
bot-agenda-status =
    { $empty ->
        [yes] ☀️ Your agenda comes every day at <b>{ $time }</b> ({ $zone }); next: { $next }. <code>/agenda off</code> stops it.
       *[no] ☀️ Your agenda comes every day at <b>{ $time }</b> ({ $zone }) (not on days without events); next: { $next }. <code>/agenda off</code> stops it.
    }
bot-agenda-how = Give a time of day, like <code>/agenda 07:30</code>, or <code>/agenda off</code>.
bot-quiet-none = 🌙 No quiet hours. Set them with <code>/quiet 22:00-07:00</code> (your local time).
# $reminders: "keep" when reminders still come in quiet hours, "hold" when they wait too
bot-quiet-status =
    { $reminders ->
        [keep] 🌙 Quiet hours { $hours } ({ $zone }): messages wait until they end; reminders still come (/settings). <code>/quiet off</code> ends them.
       *[hold] 🌙 Quiet hours { $hours } ({ $zone }): messages wait until they end; reminders wait too (/settings). <code>/quiet off</code> ends them.
    }
bot-quiet-how = Give a start and an end, like <code>/quiet 22:00-07:00</code>, or <code>/quiet off</code>.

## The morning agenda (sent when the person's morning comes)

bot-agenda-nothing = Nothing planned today.
bot-agenda-unreadable =
    { $count ->
        [one] ({ $count } event could not be shown)
       *[other] ({ $count } events could not be shown)
    }
bot-agenda-conflicts = ⚠️ marks events that overlap.
bot-agenda-awaiting = ⏳ awaiting your answer
