# Пошук у Mini App (js/search.js).
search-open = Пошук
search-title = Пошук
search-label = Шукати події
search-placeholder = Назва, місце або нотатки
search-go = Знайти
search-more = Показати ще
search-more-earlier = Раніші результати
search-upcoming = Майбутні
search-earlier = Минулі
search-all-day = Увесь день
search-no-title = (без назви)
search-searching = Шукаємо…
search-nothing = Нічого не знайдено за запитом «{ $q }» з { $from } по { $to }.
search-found = { $count ->
    [one] Знайдено { $count } подію
    [few] Знайдено { $count } події
    [many] Знайдено { $count } подій
   *[other] Знайдено { $count } події
}
search-error = Пошук не вдався. Спробуйте ще раз.
