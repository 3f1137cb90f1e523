# The Mini App: a calendar published as a feed, on its people screen (docs/adr/0022).
feeds-title = Підписка в інших календарях
feeds-hint = Секретне посилання, на яке можна підписатися в Google Календарі, Outlook або Календарі Apple. Цей календар бачить кожен, хто має посилання.
feeds-busy-only = Лише зайнятий час (без назв і подробиць)
feeds-publish = Опублікувати посиланням
feeds-publish-again = Нове посилання (старе перестане працювати)
feeds-published = Опубліковано посиланням.
feeds-published-busy = Опубліковано посиланням, лише зайнятий час.
feeds-not-published = Не опубліковано.
feeds-link = Посилання
feeds-copy = Скопіювати посилання
feeds-copied = Посилання скопійовано
feeds-once = Скопіюйте його зараз: посилання показується лише один раз.
feeds-stop = Припинити публікацію
feeds-stop-question = Припинити публікацію «{ $name }»? Застосунки, підписані на посилання, перестануть його отримувати.
feeds-stopped = Посилання більше не працює.
