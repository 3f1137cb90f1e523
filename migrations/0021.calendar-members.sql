-- depends: 0020.bookings
-- Calendars shared with other people (the Calendar aggregate's Member* events, domain/sharing.py,
-- docs/adr/0017), kept by the `calendar_members` read model and rebuilt from the log. One row
-- per member or open invitation; `role` is read, write or manage, `status` invited or active.
-- `display_name`, `color` and `busy` are the member's own choices for the calendar (NULL: the
-- calendar's own name and colour, busy by role). Every surface reads the role here at the
-- moment of the request, so a removed member loses access with the transaction that removed
-- them.
CREATE TABLE calendar_members (
    calendar_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    role TEXT NOT NULL,
    status TEXT NOT NULL,
    invited_by TEXT NOT NULL,
    display_name TEXT,
    color TEXT,
    busy INTEGER,
    since TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (calendar_id, account_id)
);
CREATE INDEX calendar_members_account ON calendar_members (account_id);

-- The Member* events are new, so no event before this migration concerns the view.
INSERT INTO projection_positions (name, position) VALUES ('calendar_members', 0);
