-- depends: 0041.telegram-menu-buttons
-- The index on telegram_menu_buttons.url served no query: the bot's relabelling walks the
-- table by chat_id (its primary key) for the rows whose url is not the server's address now,
-- which no index on url answers; it only cost every label the bot set a second write.
DROP INDEX telegram_menu_buttons_url;
