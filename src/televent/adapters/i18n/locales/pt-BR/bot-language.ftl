language-choose = Escolha o idioma em que falo com você. Agora: { $language }.
language-auto = Automático: como o seu Telegram ({ $language })
language-chosen = Pronto: de agora em diante falo com você em { $language }.
language-unknown = Não conheço o idioma “{ $code }”. Eu falo: { $choices }.
