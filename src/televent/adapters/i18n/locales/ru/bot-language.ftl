language-choose = Выберите язык, на котором мне с вами говорить. Сейчас: { $language }.
language-auto = Автоматически: как в Telegram ({ $language })
language-chosen = Готово: теперь я говорю с вами на языке { $language }.
language-unknown = Я не знаю язык «{ $code }». Я говорю на: { $choices }.
