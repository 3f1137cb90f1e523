language-choose = Elige el idioma en que te hablo. Ahora: { $language }.
language-auto = Automático: como tu Telegram ({ $language })
language-chosen = Listo: a partir de ahora te hablo en { $language }.
language-unknown = No conozco el idioma «{ $code }». Hablo: { $choices }.
