-- depends: 0025.mail-unsubscribe
-- The language each person's Telegram app reports (language_code), kept current like the
-- @username: the bot, the mails and the app speak it unless the person chose another
-- (preferences.language; domain/languages.py).
ALTER TABLE accounts ADD COLUMN telegram_language TEXT;
