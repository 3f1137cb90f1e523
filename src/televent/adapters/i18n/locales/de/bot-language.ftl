language-choose = Wähle die Sprache, in der ich mit dir spreche. Jetzt: { $language }.
language-auto = Automatisch: wie dein Telegram ({ $language })
language-chosen = Erledigt: Ab jetzt spreche ich { $language } mit dir.
language-unknown = Die Sprache „{ $code }“ kenne ich nicht. Ich spreche: { $choices }.
