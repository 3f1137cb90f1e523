language-choose = Оберіть мову, якою мені з вами говорити. Зараз: { $language }.
language-auto = Автоматично: як у Telegram ({ $language })
language-chosen = Готово: відтепер я говорю з вами мовою { $language }.
language-unknown = Я не знаю мову «{ $code }». Я розмовляю: { $choices }.
