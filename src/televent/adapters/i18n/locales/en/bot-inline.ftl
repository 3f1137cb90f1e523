## The bot's inline mode: cards of one's events and booking links posted in any chat.
## A card is in the language of the person who posted it; answers to a tap in the tapper's.

inline-button-accept = ✅ Accept
inline-button-maybe = ❔ Tentative
inline-button-decline = ❌ Decline
inline-book-button = 📆 Book a time
inline-no-title = (no title)
# $when: "Mon, Mar 2, 3:00 PM–4:00 PM"; $zone: the organizer's time zone, "Europe/Berlin"
inline-when-in-zone = { $when } ({ $zone })
inline-cancelled = ❌ <b>CANCELLED: { $title }</b>
inline-tap-to-answer = Tap to answer: you are added to the guest list.
inline-deleted = 🗑 This event was deleted by its organizer.
# $length: "30 minutes"
inline-link-card =
    📆 <b>{ $title }</b> · { $length }
    Book a time with { $owner }.
inline-link-description = Booking link · { $length }
inline-not-registered = Start Televent to share your events
inline-nothing-yet = No upcoming events: create one in the bot
inline-answered =
    { $answer ->
        [ACCEPTED] ✅ accepted
        [TENTATIVE] ❔ maybe
       *[DECLINED] ❌ declined
    }: { $title }
inline-invalid-button = That button is no longer valid.
inline-not-a-card = This button is not on a card its organizer posted, so it changes nothing.
inline-gone = This event no longer exists.
inline-was-cancelled = This event was cancelled.
inline-own-event = You organise this event: your guests answer here.
