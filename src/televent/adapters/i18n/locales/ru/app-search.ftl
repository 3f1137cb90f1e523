# Поиск в Mini App (js/search.js).
search-open = Поиск
search-title = Поиск
search-label = Искать события
search-placeholder = Название, место или заметки
search-go = Найти
search-more = Показать ещё
search-more-earlier = Более ранние
search-upcoming = Предстоящие
search-earlier = Прошедшие
search-all-day = Весь день
search-no-title = (без названия)
search-searching = Ищем…
search-nothing = Ничего не нашлось по запросу «{ $q }» с { $from } по { $to }.
search-found = { $count ->
    [one] Найдено { $count } событие
    [few] Найдено { $count } события
    [many] Найдено { $count } событий
   *[other] Найдено { $count } события
}
search-error = Поиск не удался. Попробуйте ещё раз.
