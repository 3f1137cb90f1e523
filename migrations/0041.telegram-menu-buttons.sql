-- depends: 0040.webhook-backlog
-- The menu button the bot labelled in a person's own chat (adapters/telegram/routers/mini_app.py):
-- the Mini App address it opens and the language of its label. Telegram keeps a chat's button
-- until it is set again, so when the server's public address changes the bot relabels, at its
-- start, every chat whose button still opens the old one (delivery/menu_buttons.py). An
-- operational table: written by the bot, not rebuilt from the log; an erasure deletes the
-- person's row.
CREATE TABLE telegram_menu_buttons (
    chat_id BIGINT PRIMARY KEY,
    url TEXT NOT NULL,
    language TEXT NOT NULL,
    set_at TEXT NOT NULL
);
CREATE INDEX telegram_menu_buttons_url ON telegram_menu_buttons (url);
