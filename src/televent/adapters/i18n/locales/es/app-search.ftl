# La búsqueda de la Mini App (js/search.js).
search-open = Buscar
search-title = Buscar
search-label = Buscar eventos
search-placeholder = Título, lugar o notas
search-go = Buscar
search-more = Mostrar más
search-more-earlier = Resultados anteriores
search-upcoming = Próximos
search-earlier = Anteriores
search-all-day = Todo el día
search-no-title = (sin título)
search-searching = Buscando…
search-nothing = Nada coincide con «{ $q }» del { $from } al { $to }.
search-found = { $count ->
    [one] Un evento encontrado
   *[other] { $count } eventos encontrados
}
search-error = La búsqueda falló. Inténtalo de nuevo.
