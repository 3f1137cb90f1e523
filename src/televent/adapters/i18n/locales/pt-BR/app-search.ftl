# A busca do Mini App (js/search.js).
search-open = Buscar
search-title = Buscar
search-label = Buscar eventos
search-placeholder = Título, local ou notas
search-go = Buscar
search-more = Mostrar mais
search-more-earlier = Resultados anteriores
search-upcoming = Próximos
search-earlier = Anteriores
search-all-day = Dia inteiro
search-no-title = (sem título)
search-searching = Buscando…
search-nothing = Nada corresponde a “{ $q }” de { $from } a { $to }.
search-found = { $count ->
    [one] Um evento encontrado
   *[other] { $count } eventos encontrados
}
search-error = A busca falhou. Tente de novo.
