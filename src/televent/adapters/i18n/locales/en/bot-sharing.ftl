## The bot: calendars people share (/share, /calendars, /unshare, /leave), the invitation
## card with [Add to my calendars] [Decline], and the owner's notice of the answer.
## Roles are words people understand: $role is read, write, manage or owner.

share-role =
    { $role ->
        [read] can view
        [write] can edit
        [manage] can manage
        [subscriber] subscribed
       *[owner] owner
    }
share-someone = Someone

## How to use the commands

share-usage =
    <b>Share a calendar</b>
    <code>/share family @anna</code> — Anna can see and edit its events
    <code>/share family @anna read</code> — she can only see them
    <code>/share family 123456789 manage</code> — by Telegram id; she can also share it
    With just your default calendar, <code>/share @anna</code> is enough. They get a card to add it or decline it. /calendars lists your calendars.
share-unshare-usage = Stop sharing a calendar with someone: <code>/unshare family @anna</code>. /calendars family shows who has it.
share-leave-usage = Remove a calendar someone shares with you: <code>/leave family</code>. /calendars lists them.

## Refusals (plain text, no markup)

share-not-registered = You are not registered yet: send /start first.
share-self = That is you: your own calendars are yours already. Share with someone else.
share-owner-already = That person owns this calendar already.
share-invitation-gone = This invitation is no longer open: it was answered, withdrawn, or was never yours.
share-leave-own = That calendar is yours, so you cannot leave it. To stop sharing it with someone: /unshare <calendar> @username.
share-not-a-role = “{ $word }” is not a role: use read (can view), write (can edit) or manage.
share-not-a-person = “{ $word }” is not a person: give their @username or their Telegram id.
share-not-started = { $word } has not started the bot yet. Ask them to open it and press Start, then share again.
share-no-such-calendar = You have no calendar “{ $name }”. Yours: { $names }. /calendars lists them.
share-which-calendar = Which calendar? You have { $count }: { $names }. Name it first, like /share { $example } @username.
share-not-yours =
    “{ $name }” is { $owner }’s calendar and you { $role ->
        [read] can view
        [write] can edit
       *[manage] can manage
    } it: only its owner, or someone who can manage it, shares it.
share-with-whom = Share “{ $name }” with whom? Like /share { $example } @username [read|write|manage].
share-not-shared-with = { $name } does not have “{ $calendar }”. /calendars { $example } shows who has it.
share-not-member-of = Nobody shares a calendar “{ $name }” with you. /calendars lists yours.
share-already-added = You already added “{ $name }”. To remove it: /leave { $example }.

## Answers to /share, /unshare, /leave ($role is already in words: "can edit")

share-done-member = 👌 { $member } already has ‘{ $calendar }’ — { $role }. Nothing changed.
share-done-role-changed = ✅ { $member } now { $role } ‘{ $calendar }’.
share-done-pending = ⏳ { $member } is already invited to ‘{ $calendar }’ ({ $role }) and has not answered yet. The card is in their chat.
share-done-reinvited = 📨 { $member }’s invitation to ‘{ $calendar }’ now says: { $role }. A new card is on its way.
share-done-invited = 📨 { $member } is invited to ‘{ $calendar }’ — { $role }. They get a card to add it to their calendars or decline it; nothing is shared until they add it.
share-unshared = ➖ { $member } no longer has ‘{ $calendar }’.
share-left = 👋 ‘{ $calendar }’ is no longer in your calendars.

## The invitee's card, its answers, and the owner's notice

share-card = 📅 <b>{ $inviter }</b> shares ‘{ $calendar }’ with you — { $role }
share-card-of = 📅 <b>{ $inviter }</b> shares ‘{ $calendar }’ ({ $owner }’s calendar) with you — { $role }
share-card-hint = Add it to see its events here, in the app and in your calendar apps.
share-added = ✅ ‘{ $calendar }’ ({ $owner }’s) is in your calendars — { $role }. /calendars lists them.
share-declined = ➖ You declined ‘{ $calendar }’ from { $inviter }.
share-tap-added = Added
share-tap-declined = Declined
share-owner-accepted = ✅ { $member } added ‘{ $calendar }’ to their calendars.
share-owner-declined = ➖ { $member } declined ‘{ $calendar }’.

## /calendars and /calendars <name>

share-overview-title = 📅 <b>Your calendars</b>
share-overview-own =
    { $count ->
        [0] • <b>{ $name }</b> — yours
       *[other] • <b>{ $name }</b> — yours, shared with { $count }
    }
share-overview-shared-title = <b>Shared with you</b>
share-overview-shared = • <b>{ $name }</b> — { $owner }’s, { $role }
share-overview-invited-title = <b>Waiting for your answer</b>
share-overview-invited = • <b>{ $name }</b> — from { $inviter }, { $role }
share-overview-hint = <code>/calendars family</code> shows who has a calendar; <code>/share family @anna</code> shares one.
share-member = • { $name } — { $role }
share-member-invited = • { $name } — { $role } (invited, no answer yet)
share-members-alone = Nobody else yet: /share { $example } @username
