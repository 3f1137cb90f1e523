# The Mini App: a calendar published as a feed, on its people screen (docs/adr/0022).
feeds-title = Подписка в других календарях
feeds-hint = Секретная ссылка, на которую можно подписаться в Google Календаре, Outlook или Календаре Apple. Этот календарь видит любой, у кого есть ссылка.
feeds-busy-only = Только занятое время (без названий и подробностей)
feeds-publish = Опубликовать ссылкой
feeds-publish-again = Новая ссылка (старая перестанет работать)
feeds-published = Опубликован ссылкой.
feeds-published-busy = Опубликован ссылкой, только занятое время.
feeds-not-published = Не опубликован.
feeds-link = Ссылка
feeds-copy = Скопировать ссылку
feeds-copied = Ссылка скопирована
feeds-once = Скопируйте её сейчас: ссылка показывается только один раз.
feeds-stop = Прекратить публикацию
feeds-stop-question = Прекратить публикацию «{ $name }»? Приложения, подписанные на ссылку, перестанут его получать.
feeds-stopped = Ссылка больше не работает.
