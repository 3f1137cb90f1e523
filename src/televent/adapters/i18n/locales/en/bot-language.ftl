# /language in the bot: which language the bot, the app and the mails speak to the person.
language-choose = Choose the language I speak to you in. Now: { $language }.
language-auto = Automatic: as your Telegram ({ $language })
language-chosen = Done: I speak { $language } to you from now on.
language-unknown = I don't know the language “{ $code }”. I speak: { $choices }.
