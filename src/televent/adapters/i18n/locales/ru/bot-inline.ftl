## Встроенный режим бота: карточки событий и ссылок для записи в любом чате.
## Карточка — на языке того, кто её отправил; ответ на нажатие — на языке нажавшего.

inline-button-accept = ✅ Приду
inline-button-maybe = ❔ Может быть
inline-button-decline = ❌ Не приду
inline-book-button = 📆 Записаться
inline-no-title = (без названия)
# $when: «пн, 2 мар., 15:00–16:00»; $zone: часовой пояс организатора, «Europe/Berlin»
inline-when-in-zone = { $when } ({ $zone })
inline-cancelled = ❌ <b>ОТМЕНЕНО: { $title }</b>
inline-tap-to-answer = Нажмите, чтобы ответить: вы попадёте в список гостей.
inline-deleted = 🗑 Организатор удалил это событие.
# $length: «30 минут»
inline-link-card =
    📆 <b>{ $title }</b> · { $length }
    Запишитесь на встречу с { $owner }.
inline-link-description = Ссылка для записи · { $length }
inline-not-registered = Запустите Televent, чтобы делиться событиями
inline-nothing-yet = Ближайших событий нет: создайте событие в боте
inline-answered =
    { $answer ->
        [ACCEPTED] ✅ вы придёте
        [TENTATIVE] ❔ может быть
       *[DECLINED] ❌ вы не придёте
    }: { $title }
inline-invalid-button = Эта кнопка больше не действует.
inline-not-a-card = Эта кнопка не на карточке, отправленной организатором, поэтому ничего не меняет.
inline-gone = Этого события больше нет.
inline-was-cancelled = Это событие отменено.
inline-own-event = Вы организатор этого события: здесь отвечают ваши гости.
