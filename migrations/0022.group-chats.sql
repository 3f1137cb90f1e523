-- depends: 0021.calendar-members
-- Telegram groups and their calendars (the GroupChat aggregate, domain/group_chat.py,
-- docs/adr/0018), kept by the `group_chats` read model and rebuilt from the log. One row per
-- group that opened a calendar: its chat id, title, the calendar (an ordinary calendar owned
-- by `owner_id`, shared with whoever joins it), its settings (`members_edit`: members may add
-- events and get `write`; `reminders`: reminders before its events are posted in the group)
-- and whether the bot is in the group now (`present`).
CREATE TABLE group_chats (
    group_id TEXT PRIMARY KEY,
    chat_id BIGINT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    calendar_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    members_edit INTEGER NOT NULL,
    reminders INTEGER NOT NULL,
    present INTEGER NOT NULL,
    since TEXT NOT NULL,
    position BIGINT NOT NULL
);
CREATE INDEX group_chats_calendar ON group_chats (calendar_id);

-- The GroupChat events are new, so no event before this migration concerns the view.
INSERT INTO projection_positions (name, position) VALUES ('group_chats', 0);
