## The bot's /email: the invitation address anyone can invite the person at, and linking
## their own email with a mailed code (also a line in /start and /settings).

email-bot-usage = Link your email with <code>/email you@example.com</code>: I mail you a code, and <code>/email 123456</code> links the address. <code>/email remove</code> unlinks it.
email-bot-invite-line = 📮 People can invite you from any calendar app at <code>{ $address }</code> (/email for more).
email-bot-none-linked = none linked
# $email: the linked addresses, or email-bot-none-linked
email-bot-settings =
    📮 Invitation address: <code>{ $address }</code>
    ✉️ Email: { $email }
    /email shows both and links or unlinks your email.
email-bot-status-address =
    📮 Your invitation address: <code>{ $address }</code>
    Anyone can invite you there from Gmail, Outlook or any calendar app: the invitation lands in your calendar and here, and your answer goes back by email.
email-bot-status-linked = ✉️ Your email: { $email } ✅ — invitations sent there reach you too. <code>/email remove</code> unlinks it.
email-bot-status-awaiting = ✉️ A code is on its way to <code>{ $address }</code>: send it as <code>/email 123456</code>.
email-bot-status-none = ✉️ No email linked.
email-bot-code-sent =
    📧 I mailed a code to <code>{ $address }</code>. Send it here as <code>/email 123456</code> within { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. No mail? Check the spam folder, or ask for a new code in a minute.
email-bot-linked = ✅ <code>{ $address }</code> is linked to your account: invitations sent to it reach you here.
email-bot-removed-nothing = 👍 The code I mailed no longer works; no email is linked.
email-bot-removed =
    { $count ->
        [one] 👍 { $addresses } is no longer linked to your account.
       *[other] 👍 { $addresses } are no longer linked to your account.
    }
# $kind: reminders, agenda or notices (what the person chose to get by email)
email-bot-kind =
    { $kind ->
        [reminders] reminders
        [agenda] the morning agenda
       *[notices] notices
    }
# $kinds: "reminders and notices"
email-bot-unsent = ⚠️ You get { $kinds } by email only: they will not be sent until you link an address again (<code>/email you@example.com</code>), or choose Telegram in /settings.
